"""Targets named by the drug nouns of cell therapies, engagers and binders ("a CD19 CAR T cell therapy", "a
DLL3 T-cell engager", "a novel CD19 binder") and gene symbols written with a space before their number ("a
JAK 1 and JAK 2 inhibitor"), and biomarker statuses that name no target ("HER2-Positive", "KRAS mutated").
Sentences invented for these tests (fictional companies and drugs), whole
pipeline."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("ZB-15 is an autologous CD19 CAR T cell therapy for lymphoma.", ("zb15", "cd19")),
        ("Helix develops ZB-16, a DLL3 T-cell engager, for lung cancer.", ("zb16", "dll3")),
        ("ZB-12 uses a novel CD19 binder that lets the cells disengage quickly.", ("zb12", "cd19")),
    ],
)
def test_a_cell_therapy_engager_or_binder_noun_names_the_target(ex, text, pair):
    assert pair in rels(run(ex, text), "TARGETS")


def test_a_symbol_with_a_space_before_its_number_is_the_target(ex):
    out = run(ex, "ZB-14 is an oral JAK 1 and JAK 2 inhibitor for myelofibrosis.")
    assert {("zb14", "jak1"), ("zb14", "jak2")} <= rels(out, "TARGETS")


def test_a_spaced_symbol_in_other_capitals_is_no_target(ex):
    out = run(ex, "The her 2 group and the Jak 1 inhibitor cohort of the ZB-14 study met in May.")
    assert not names(out, "TARGET")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Announces Topline Results of ZB-1 in Patients With HER2-Positive Breast Cancer",
        "ZB-1 is given with chemotherapy in patients with KRAS mutated colorectal cancer.",
        "ZB-1 is tested in patients with epidermal growth factor receptor (EGFR) mutated lung cancer.",
        "Helix will start a Phase 1 study of ZB-1 in patients with HER2+ tumors.",
    ],
)
def test_a_biomarker_status_in_headline_capitals_or_after_a_space_is_no_target(ex, text):
    out = run(ex, text)
    assert not rels(out, "TARGETS")
    assert not {"her2", "kras"} & names(out, "TARGET")
