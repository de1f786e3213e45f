"""The deals table (deals.rq, ``pharmakg deals``), its exports; byte-stable answers of every bundled query."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.graph.queries import list_columns, list_queries, query_info

# Invented releases: a licence with territory, exclusivity and payments; an option held by the payer.
LICENCE = """title: Northwind Bio licenses APD811 to Southbay Pharma
date: 2019-03-04

BOSTON, March 4, 2019 -- Northwind Bio, Inc. today announced that it has granted Southbay \
Pharmaceuticals, Inc. an exclusive license to develop APD811 in Japan. Under the agreement, Southbay \
Pharmaceuticals will pay Northwind Bio an upfront payment of $25 million, and Northwind Bio is eligible \
to receive up to $100 million in milestone payments.
"""
OPTION = """title: Westpeak and Eastlake Bio enter collaboration
date: 2020-06-01

DUBLIN, June 1, 2020 -- Westpeak Therapeutics, Inc. and Eastlake Bio, Inc. today announced a \
collaboration agreement for ZX-101, an antibody-drug conjugate targeting CD33. Under the agreement, \
Westpeak Therapeutics has an option to license ZX-101 and will pay Eastlake Bio $40 million upfront.
"""


def _build(folder: Path, files: list[Path], name: str) -> Path:
    out = folder / name
    result = CliRunner().invoke(main, ["build", *map(str, files), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("deals")
    paths = [folder / "licence.txt", folder / "option.txt"]
    for path, text in zip(paths, (LICENCE, OPTION), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def graph_file(releases: list[Path]) -> Path:
    return _build(releases[0].parent, releases, "kg.nq")


def _run(*args: object) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_deals_have_roles_assets_terms_and_payments(graph_file: Path) -> None:
    result = _run("deals", "-g", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {r["parties"]: r for r in json.loads(result.stdout)}
    licence = rows["Northwind Bio; Southbay Pharmaceuticals"]
    assert (licence["licensor"], licence["licensee"]) == ("Northwind Bio", "Southbay Pharmaceuticals")
    assert (licence["assets"], licence["territory"], licence["exclusive"]) == ("APD811", "Japan", "true")
    assert licence["upfront"] == "25000000 USD" and licence["potential"] == "100000000 USD (milestone)"
    assert licence["date"] == "2019-03-04" and licence["documents"] == 1
    option = rows["Eastlake Bio; Westpeak Therapeutics"]
    assert option["optionHolder"] == "Westpeak Therapeutics" and option["assets"] == "ZX-101"
    assert option["upfront"] == "40000000 USD" and option["payers"] == "Westpeak Therapeutics"
    # the count says what it counts
    assert "2 deals (pairs of companies with an agreement)" in result.stderr
    assert "from 2 documents" in result.stderr


def test_deals_of_one_company_by_any_name(graph_file: Path) -> None:
    result = _run("deals", "-g", graph_file, "--company", "Westpeak", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["parties"] for r in rows] == ["Eastlake Bio; Westpeak Therapeutics"]
    unknown = _run("deals", "-g", graph_file, "--company", "Nowhere Labs")
    assert unknown.exit_code == 1 and "no entity named 'Nowhere Labs'" in unknown.stderr


def test_deals_export_csv_and_xlsx_and_refuse_other_suffixes(graph_file: Path, tmp_path: Path) -> None:
    written = _run("deals", "-g", graph_file, "-o", tmp_path / "deals.csv")
    assert written.exit_code == 0, written.output
    assert (tmp_path / "deals.csv").read_text(encoding="utf-8").startswith("date,parties,licensor,licensee")
    refused = _run("deals", "-g", graph_file, "-o", tmp_path / "deals.xls")
    assert refused.exit_code == 2 and "use .csv, .json, .xlsx" in refused.stderr
    openpyxl = pytest.importorskip("openpyxl")
    assert _run("deals", "-g", graph_file, "-o", tmp_path / "deals.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "deals.xlsx").active
    assert [c.value for c in sheet[1]][:3] == ["date", "parties", "licensor"]
    assert sheet.max_row == 3


def test_every_bundled_query_is_byte_stable_across_build_orders(
    releases: list[Path], graph_file: Path
) -> None:
    reversed_file = _build(releases[0].parent, releases[::-1], "kg-reversed.nq")
    values = {"name": "APD811", "company": "Northwind Bio", "disease": "x", "payload": "x", "target": "CD33"}
    values |= {"subject": "Northwind Bio", "compound": "APD811"}
    for name, _title, params in list_queries():
        args = [a for p in params if p in values for a in ("--param", f"{p}={values[p]}")]
        if name in ("compounds-by-indication", "compounds-by-payload"):
            continue  # nothing to name in these two releases
        answers = [
            _run("query", name, *args, "-g", g, "--format", "csv") for g in (graph_file, reversed_file)
        ]
        assert answers[0].exit_code == 0, (name, answers[0].output)
        assert answers[0].stdout == answers[1].stdout, name


def test_joined_columns_are_found_and_sorted() -> None:
    assert list_columns(query_info("pipeline")) == {
        "owners": "; ",
        "targets": "; ",
        "payloads": "; ",
        "indications": "; ",
    }
    assert list_columns(query_info("aliases")) == {"names": " | "}
    assert {"parties", "assets", "territory"} <= set(list_columns(query_info("deals")))
    from pharmakg.graph.results import QueryResult

    result = QueryResult(["a", "b"], [("z; b; B; b", "z; a")]).sorted_lists(["a"])
    assert result.rows == [("B; b; z", "z; a")]  # case-insensitive, then by code point: stable
