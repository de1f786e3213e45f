"""Document structure: which tables are read (names) and which are skipped (figures)."""

from __future__ import annotations

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.ingest import document_from_text
from pharmakg.ingest.boilerplate import find_skip_spans
from pharmakg.ingest.layout import is_numeric_row, spaced_dateline, table_cells

PIPELINE_RELEASE = (
    "BOSTON, June 2, 2020 -- Helix Pharmaceuticals, Inc. (Nasdaq: HLX) today provided an update on its "
    "pipeline.\n\n"
    "Program\tTarget\tIndication\tStage\n"
    "ZB-12\tHER2\tovarian cancer\tPhase 2\n"
    "talbumab\tTROP2\tbreast cancer\tPhase 1\n\n"
    "Helix Pharmaceuticals expects data in 2021.\n"
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_row_shapes() -> None:
    assert table_cells("ZB-12 | HER2 | | Phase 2") == ["ZB-12", "HER2", "Phase 2"]
    assert is_numeric_row("Research and development\t6,296\t(7,173)\t—")
    assert not is_numeric_row("ZB-12\tHER2\tovarian cancer\tPhase 2")
    assert not is_numeric_row("talbumab | TROP2 | breast cancer | 2021")


def test_pipeline_table_is_read_and_figures_table_is_skipped() -> None:
    assert find_skip_spans(PIPELINE_RELEASE) == []
    figures = (
        "Helix Pharmaceuticals reported its results.\n\n"
        "\tThree Months\tNine Months\n"
        "Revenues\t$ 1,456\t$ 6,279\n"
        "Research and development\t6,296\t16,972\n"
        "Net loss\t(4,617)\t(13,088)\n"
    )
    spans = find_skip_spans(figures)
    assert [r for _, _, r in spans] == ["table"]
    assert "Net loss\t(4,617)" in figures[spans[0][0] : spans[0][1]]


def test_pipeline_table_rows_give_facts(ex: Extractor) -> None:
    out = ex.extract_one(document_from_text(PIPELINE_RELEASE, "helix.txt")).to_contract()
    by = {e["id"]: e["name"] for e in out["entities"]}
    facts = {(r["type"], by[r["subject"]], by.get(r.get("object"), r.get("value"))) for r in out["relations"]}
    assert {
        ("INDICATION", "ZB-12", "ovarian cancer"),
        ("IN_PHASE", "ZB-12", "Phase 2"),
        ("INDICATION", "talbumab", "breast cancer"),
        ("IN_PHASE", "talbumab", "Phase 1"),
        ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals"),
        ("TARGETS", "ZB-12", "HER2"),  # the "Target" column of the header
        ("TARGETS", "talbumab", "TROP2"),
    } <= facts


def test_pipe_table_rows_are_sentences_and_the_header_names_the_target_column(ex: Extractor) -> None:
    text = (
        "Helix Pharmaceuticals reported on its pipeline.\n\n"
        "Product | Mechanism | Indication | Status\n"
        "ZB-12 | anti-HER2 | ovarian cancer | Phase 2\n"
        "talbumab | TROP2 | breast cancer | Phase 1\n"
    )
    out = ex.extract_one(document_from_text(text, "helix.txt")).to_contract()
    by = {e["id"]: e["name"] for e in out["entities"]}
    facts = {(r["type"], by[r["subject"]], by.get(r.get("object"), r.get("value"))) for r in out["relations"]}
    assert {("TARGETS", "talbumab", "TROP2"), ("IN_PHASE", "ZB-12", "Phase 2")} <= facts
    assert ("IN_PHASE", "talbumab", "Phase 2") not in facts  # each row is read apart


def test_a_table_without_a_target_column_states_no_target(ex: Extractor) -> None:
    text = "Helix Pharmaceuticals reported.\n\nProgram\tPartner\tStage\nZB-12\tHER2\tPhase 2\n"
    out = ex.extract_one(document_from_text(text, "helix.txt")).to_contract()
    assert not [r for r in out["relations"] if r["type"] == "TARGETS"]


def test_dateline_dashes_stand_apart_from_names() -> None:
    assert spaced_dateline("BOSTON, Mass.--(BUSINESS WIRE)--Helix Pharmaceuticals, Inc. today said") == (
        "BOSTON, Mass. -- (BUSINESS WIRE) -- Helix Pharmaceuticals, Inc. today said"
    )
    assert spaced_dateline("NEW YORK–(BUSINESS WIRE)–Helix Pharmaceuticals announced") == (
        "NEW YORK – (BUSINESS WIRE) – Helix Pharmaceuticals announced"
    )
    assert spaced_dateline("BOSTON, June 2, 2020 /PRNewswire/ --Helix Pharmaceuticals said") == (
        "BOSTON, June 2, 2020 /PRNewswire/ -- Helix Pharmaceuticals said"
    )
    assert spaced_dateline("BOSTON, June 2, 2020--Helix Pharmaceuticals said") == (
        "BOSTON, June 2, 2020 -- Helix Pharmaceuticals said"
    )
    # Not a dateline: hyphens in names and dashes in running text stay as written.
    same = "Helix-Zeta Bio signed on June 2, 2020 with Bristol-Myers Squibb."
    assert spaced_dateline(same) == same


def test_wire_dateline_issuer_is_found(ex: Extractor) -> None:
    text = (
        "BOSTON, Mass.--(BUSINESS WIRE)--Helix Pharmaceuticals, Inc. (Nasdaq: HLX) today announced that "
        "ZB-12 entered a Phase 2 trial in ovarian cancer.\n"
    )
    out = ex.extract_one(document_from_text(text, "helix.txt")).to_contract()
    assert [e["name"] for e in out["entities"] if e["type"] == "COMPANY"] == ["Helix Pharmaceuticals"]
