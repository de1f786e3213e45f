"""Find by any name: the name index, query parameters resolved through it, and ``pharmakg search``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.graph.names import AmbiguousName, NameIndex, NameNotFound
from pharmakg.graph.query_params import check_relation, resolve_parameters

# Invented release: APD811 (ralinepag in the knowledge base), IMGN901 (lorvotuzumab mertansine), CD56 (NCAM1).
RELEASE = """title: Northwind Bio licenses APD811 to Southbay Pharma
date: 2019-03-04

BOSTON, March 4, 2019 -- Northwind Bio, Inc. today announced that it has granted Southbay \
Pharmaceuticals, Inc. an exclusive license to develop APD811 in Japan. Under the agreement, Southbay will \
pay Northwind an upfront payment of $25 million, and Northwind is eligible to receive up to $100 million \
in milestone payments. APD811 is in Phase 2 for pulmonary arterial hypertension.

Northwind Bio also said that IMGN901, an antibody-drug conjugate that targets CD56, is in Phase 1 for \
small-cell lung cancer.
"""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("names")
    (folder / "release.txt").write_text(RELEASE, encoding="utf-8")
    out = folder / "kg.nq"
    result = CliRunner().invoke(main, ["build", str(folder / "release.txt"), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def index(graph_file: Path) -> NameIndex:
    from pharmakg.graph.store import KnowledgeGraph

    return NameIndex.from_graph(KnowledgeGraph.open(graph_file))


@pytest.mark.parametrize(
    ("text", "label", "tier"),
    [
        ("ralinepag", "APD811", "exact"),  # a knowledge-base synonym no document uses
        ("NCAM1", "CD56", "exact"),  # the knowledge base's gene symbol of the antigen
        ("hgnc:7656", "CD56", "exact"),  # an identifier
        ("apd_811", "APD811", "folded"),  # case and punctuation (the drug table lists APD-811 and APD811)
        ("lorvotuzumab", "IMGN901", "prefix"),  # the start of a knowledge-base name
        ("Northwnd Bio", "Northwind Bio", "fuzzy"),  # a one-letter typo
    ],
)
def test_any_name_finds_its_entity(index: NameIndex, text: str, label: str, tier: str) -> None:
    match = index.resolve(text)
    assert (match.label, match.tier) == (label, tier)


def test_unknown_names_come_with_suggestions(index: NameIndex) -> None:
    with pytest.raises(NameNotFound) as exc:
        index.resolve("Southby Pharma Holdings", ["COMPANY"])
    assert "no entity named 'Southby Pharma Holdings' of type COMPANY" in str(exc.value)
    assert [m.label for m in exc.value.suggestions] == ["Southbay Pharmaceuticals"]
    # a short code name one letter off is more often another entity: suggested, never taken
    with pytest.raises(NameNotFound) as short:
        index.resolve("CD57")
    assert "CD56" in {m.label for m in short.value.suggestions}


def test_a_name_of_several_entities_is_ambiguous() -> None:
    from pharmakg.graph.names import NameEntry

    index = NameIndex(
        [
            NameEntry("urn:a", "COMPOUND", "zeta-1", "zeta-1", "label"),
            NameEntry("urn:b", "COMPOUND", "zeta-2", "zeta-2", "label"),
        ]
    )
    with pytest.raises(AmbiguousName) as exc:
        index.resolve("zeta")
    assert [m.label for m in exc.value.candidates] == ["zeta-1", "zeta-2"]
    assert index.resolve("ZETA 2").label == "zeta-2"


def test_query_parameters_are_resolved_and_checked(index: NameIndex) -> None:
    resolved = resolve_parameters(index, {"target": "NCAM1", "relation": "targets"})
    assert resolved.values == {"target": "CD56", "relation": "targets"}
    assert "NCAM1" in resolved.notes[0]
    assert resolve_parameters(index, {"target": "cd56"}).notes == []  # the query matches it as it is
    assert resolve_parameters(index, {"object": "Phase 2"}).values == {"object": "Phase 2"}  # a value
    with pytest.raises(ValueError, match="valid types: TARGETS, HAS_PAYLOAD"):
        check_relation("TARGETTED")
    with pytest.raises(ValueError, match="whole number"):
        resolve_parameters(index, {"minCompanies": "two"})


def _run(*args: object) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_search_lists_matches_with_type_and_summary(graph_file: Path) -> None:
    result = _run("search", "lorvotuzumab", "-g", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["entity"] == "IMGN901" and rows[0]["type"] == "COMPOUND"
    assert rows[0]["how"] == "prefix" and "Phase 1" in rows[0]["summary"]
    missing = _run("search", "Northwimd Labs", "-g", graph_file)
    assert missing.exit_code == 1
    assert "did you mean" in missing.stderr and "Northwind Bio [COMPANY]" in missing.stderr


def test_query_params_take_any_name_and_refuse_unknown_ones(graph_file: Path) -> None:
    result = _run(
        "query", "compounds-by-target", "--param", "target=NCAM1", "-g", graph_file, "--format", "json"
    )
    assert result.exit_code == 0, result.output
    assert [r["compound"] for r in json.loads(result.stdout)] == ["IMGN901"]
    assert "note: target='NCAM1' matched CD56" in result.stderr
    unknown = _run("query", "phase-history", "--param", "compound=XYZ-999", "-g", graph_file)
    assert unknown.exit_code == 1 and "no entity named 'XYZ-999' of type COMPOUND" in unknown.stderr
    bad = _run(
        "query", "evidence", "--param", "subject=APD811", "--param", "relation=cures", "-g", graph_file
    )
    assert bad.exit_code == 1 and "valid types:" in bad.stderr


def test_a_question_by_an_exact_name_does_not_read_every_name(graph_file: Path, monkeypatch) -> None:
    """The name index reads every name of the graph (seconds at 10M quads): a name an entity has, in any
    case, is found by one lookup of the store's name keys; only other names build the index."""
    from pharmakg.graph import names
    from pharmakg.graph.store import KnowledgeGraph

    kg = KnowledgeGraph.open(graph_file)
    built: list[object] = []
    original = names.NameIndex.from_graph
    monkeypatch.setattr(names.NameIndex, "from_graph", lambda g: built.append(g) or original(g))
    exact = kg.run("compounds-by-target", {"target": "cd56"})
    assert [r[0] for r in exact.rows] == ["IMGN901"] and not built
    assert kg.run("compounds-by-target", {"target": "NCAM1"}).rows == exact.rows and built
