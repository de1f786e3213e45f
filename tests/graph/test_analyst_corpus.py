"""What an analyst asks of the graph of seeds + dev + dev2 (issue 7): any name finds its entity, and the
deals table shows the headline deals with their roles and money."""

from __future__ import annotations

import pytest

from pharmakg.graph.names import NameIndex
from pharmakg.graph.store import KnowledgeGraph


@pytest.fixture(scope="module")
def index(corpus_graph: KnowledgeGraph) -> NameIndex:
    return NameIndex.from_graph(corpus_graph)


@pytest.mark.parametrize(
    ("text", "iri_end"),
    [
        ("ralinepag", "compound/ralinepag"),  # the asset in the headline of the Arena deal
        ("NCAM1", "target/cd56"),  # the knowledge base's gene symbol of CD56
        ("lorvotuzumab", "compound/hun901-dm1"),  # the start of the INN of huN901-DM1
        ("kadcyla", "compound/kadcyla"),  # a brand, in lower case
        ("Kadcila", "compound/kadcyla"),  # a one-letter typo
        ("Arena Pharmaceutcals", "company/arena-pharmaceuticals"),  # a one-letter typo
    ],
)
def test_any_name_finds_its_entity(index: NameIndex, text: str, iri_end: str) -> None:
    assert index.resolve(text).iri.endswith("/resource/" + iri_end)


def _deal(kg: KnowledgeGraph, *parties: str) -> dict[str, object]:
    result = kg.run("deals")
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    found = [r for r in rows if all(p in str(r["parties"]) for p in parties)]
    assert len(found) == 1, [r["parties"] for r in rows]
    return found[0]


def test_deals_show_the_arena_licence_with_its_upfront(corpus_graph: KnowledgeGraph) -> None:
    deal = _deal(corpus_graph, "Arena Pharmaceuticals", "United Therapeutics")
    assert (deal["licensor"], deal["licensee"]) == ("Arena Pharmaceuticals", "United Therapeutics")
    assert deal["upfront"] == "800000000 USD"


def test_deals_show_jazz_as_the_option_holder_of_immunogen(corpus_graph: KnowledgeGraph) -> None:
    deal = _deal(corpus_graph, "ImmunoGen", "Jazz Pharmaceuticals")
    assert deal["optionHolder"] == "Jazz Pharmaceuticals"
    assert deal["licensee"] is None  # an option is no licence
    assert deal["upfront"] == "75000000 USD"


def test_the_python_api_takes_any_name_too(corpus_graph: KnowledgeGraph) -> None:
    from pharmakg.graph.names import NameNotFound

    by_symbol = corpus_graph.run("compounds-by-target", {"target": "NCAM1"})
    assert (
        by_symbol.rows and by_symbol.rows == corpus_graph.run("compounds-by-target", {"target": "CD56"}).rows
    )
    assert corpus_graph.find("lorvotuzumab").iri.endswith("/compound/hun901-dm1")
    with pytest.raises(NameNotFound, match="did you mean|no entity"):
        corpus_graph.run("compounds-by-target", {"target": "no such antigen anywhere"})
    assert corpus_graph.run("compounds-by-target", {"target": "NCAM1"}, resolve_names=False).rows == []
