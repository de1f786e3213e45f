"""``pharmakg show``: an entity's profile found by any name, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_deals import LICENCE, OPTION  # a sibling module: pytest puts tests/graph on sys.path

from pharmakg.cli import main


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("profile")
    for name, text in (("licence.txt", LICENCE), ("option.txt", OPTION)):
        (folder / name).write_text(text, encoding="utf-8")
    out = folder / "kg.nq"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def _show(*args: object) -> object:
    return CliRunner().invoke(main, ["show", *map(str, args)])


def test_a_compound_by_its_knowledge_base_name(graph_file: Path) -> None:
    result = _show("ralinepag", "-g", graph_file, "--json")
    assert result.exit_code == 0, result.output
    p = json.loads(result.stdout)
    assert (p["entity"], p["type"]) == ("APD811", "COMPOUND")
    assert {"name": "ralinepag", "from": "kb"} in p["names"]
    licensee = p["facts"]["licensees"][0]
    assert licensee["name"] == "Southbay Pharmaceuticals" and licensee["territory"] == ["Japan"]
    assert licensee["licensor"] == ["Northwind Bio"] and licensee["first"] == "2019-03-04"
    assert [d["parties"] for d in p["deals"]] == ["Northwind Bio; Southbay Pharmaceuticals"]
    assert p["evidence"][0]["document"] == "licence" and "exclusive license" in p["evidence"][0]["sentence"]
    assert "note: 'ralinepag' matched APD811" in result.stderr


def test_a_company_with_pipeline_partners_and_money(graph_file: Path) -> None:
    result = _show("Westpeak", "-g", graph_file, "--json")
    assert result.exit_code == 0, result.output
    p = json.loads(result.stdout)
    assert p["entity"] == "Westpeak Therapeutics"
    assert [f["name"] for f in p["facts"]["partners"]] == ["Eastlake Bio"]
    assert p["money"] == {"out: paid, earned or due": {"USD": 40_000_000.0}}
    assert p["deals"][0]["optionHolder"] == "Westpeak Therapeutics"
    text = _show("Westpeak Therapeutics", "-g", graph_file)
    assert text.exit_code == 0, text.output
    for heading in ("names", "partners", "deals", "money (each distinct stated amount once)", "evidence ("):
        assert f"\n{heading}" in text.stdout


def test_an_unknown_name_exits_with_suggestions(graph_file: Path) -> None:
    result = _show("Eastlak Biotech", "-g", graph_file)
    assert result.exit_code == 1 and "did you mean Eastlake Bio [COMPANY]" in result.stderr
    assert _show("APD811", "-g", graph_file, "--type", "GENE").exit_code == 2
