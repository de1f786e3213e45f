"""Trial names on invented sentences: a name marked ® or ™ right before a trial noun is the trial's, not a
product's ("the Phase III ORBIT® study"); a list of trials with a stage before each name ("the Phase 1/2
HX-206 and Phase 3 HX-210 studies") gives every name; a name of two words ("ORBIT GOUT-1") or with digits
glued after a lower-case letter ("ORbrave150") is read whole."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("mark", ["®", "™"])
def test_a_marked_name_before_a_trial_noun_is_a_trial(ex: Extractor, mark: str) -> None:
    out = run(ex, f"Helix reported topline results from the Phase III ORBIT{mark} study of zelnotinib.")
    assert "orbit" in names(out, "TRIAL")
    assert "orbit" not in names(out, "COMPOUND")
    assert rels(out, "IN_PHASE") == {("zelnotinib", "Phase 3")}


def test_a_marked_product_name_stays_a_compound(ex: Extractor) -> None:
    out = run(ex, "Korvix® is approved for adults with psoriasis.")
    assert "korvix" in names(out, "COMPOUND")


def test_trials_listed_each_with_its_stage(ex: Extractor) -> None:
    out = run(ex, "The FDA lifted holds on the Phase 1/2 ORBIT-1 and Phase 3 ORBIT-3 studies of zelnotinib.")
    assert {"orbit1", "orbit3"} <= names(out, "TRIAL")
    assert rels(out, "EVALUATES") == {("orbit1", "zelnotinib"), ("orbit3", "zelnotinib")}


def test_a_trial_of_a_name_not_read_is_no_trial_of_the_salient_compound(ex: Extractor) -> None:
    text = (
        "Zelnotinib is approved for gout. The FDA lifted the holds on the Phase 1/2 HX-206 and Phase 3 "
        "HX-210 studies of Lentivax for sickle cell disease."
    )
    out = run(ex, text)
    assert rels(out, "EVALUATES") == set()
    assert rels(out, "IN_PHASE") == {("zelnotinib", "Approved")}


def test_a_trial_after_a_compound_is_still_its_trial(ex: Extractor) -> None:
    out = run(ex, "Zelnotinib is approved for gout. The Phase 3 ORBIT trial is ongoing.")
    assert rels(out, "EVALUATES") == {("orbit", "zelnotinib")}


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        ("The Phase 2 ORBIT GOUT-1 trial evaluated zelnotinib in gout.", "orbitgout1"),
        ("The Phase 3 ORbrave150 trial evaluated zelnotinib in gout.", "orbrave150"),
    ],
)
def test_trial_names_of_two_words_or_glued_digits(ex: Extractor, text: str, trial: str) -> None:
    out = run(ex, text)
    assert trial in names(out, "TRIAL")
    assert rels(out, "EVALUATES") == {(trial, "zelnotinib")}


def test_a_code_name_with_glued_digits_before_a_trial_noun_is_no_trial(ex: Extractor) -> None:
    assert names(run(ex, "The HLX208 study evaluated zelnotinib in gout."), "TRIAL") == set()
