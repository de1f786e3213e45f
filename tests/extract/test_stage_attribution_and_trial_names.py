"""Stages and trials on invented sentences: a stage in a
relative clause belongs to the name before "which is", "of" introduces a trial's drug only right after the
trial noun, the control arm of physician's choice holds comparators, and a drug named again as the control
does not count as the release's own drug in "X plus Y compared to Y alone"."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_stage_in_a_relative_clause_is_the_named_partner_s(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-14 is being tested in combination with Tecentriq (atezolizumab), which is approved for "
        "bladder cancer.",
    )
    assert ("zb14", "Approved") not in rels(out, "IN_PHASE")
    own = run(ex, "Helix Pharmaceuticals acquired ZB-12, which is in Phase 2 development for gout.")
    assert rels(own, "IN_PHASE") == {("zb12", "Phase 2")}


def test_of_after_a_non_trial_noun_introduces_no_evaluated_drug(ex: Extractor) -> None:
    out = run(
        ex,
        "In the ORBIT study, patients were randomized 2:1 to receive ZB-12 or treatment of physician's "
        "choice (capecitabine, eribulin or vinorelbine).",
    )
    assert rels(out, "EVALUATES") == {("orbit", "zb12")}


def test_drugs_of_physicians_choice_are_comparators(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 was compared with treatment of physician's choice (capecitabine or eribulin) in the Phase 3 "
        "ORBIT trial.",
    )
    assert rels(out, "EVALUATES") == {("orbit", "zb12")}
    assert rels(out, "IN_PHASE") == {("zb12", "Phase 3")}


def test_the_control_arm_drug_is_the_partner_of_plus(ex: Extractor) -> None:
    out = run(
        ex,
        "The Phase 3 ORBIT trial is evaluating ZB-12 plus docetaxel compared to docetaxel alone in "
        "lung cancer.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "Phase 3")}
    assert rels(out, "EVALUATES") == {("orbit", "zb12")}


def test_an_acronym_before_any_trial_word_is_no_trial(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix, a company developing gene-edited CAR T-cells (UCART), announced the first dosing in the "
        "Phase 1 study of UCART19.",
    )
    assert not [e for e in out["entities"] if e["type"] == "TRIAL"]
    named = run(ex, "ZB-12 is in a Phase 3 trial in patients with melanoma (COLUMBUS).")
    assert rels(named, "EVALUATES") == {("columbu", "zb12")}


def test_a_natural_history_study_evaluates_no_drug(ex: Extractor) -> None:
    out = run(
        ex,
        "We expect that the results from the Phase 1 study of ZB-12, combined with our natural history "
        "study called ATHENA, will guide the design of later studies.",
    )
    assert rels(out, "EVALUATES") == set()


def test_the_design_of_a_permitted_trial_is_no_stage(ex: Extractor) -> None:
    planned = run(
        ex,
        "The FDA informed Helix Pharmaceuticals that it may proceed with its Phase 1/2 study of ZB-12. "
        "The first part of the trial is a Phase 1 dose escalation study of ZB-12.",
    )
    assert rels(planned, "IN_PHASE") == {("zb12", "IND")}
    running = run(
        ex,
        "The FDA cleared the IND for ZB-12. The ongoing Phase 1 trial of ZB-12 in Europe will add "
        "U.S. sites.",
    )
    # both stages are stated: the IND cleared here and the trial running abroad (one IN_PHASE per stage)
    assert rels(running, "IN_PHASE") == {("zb12", "IND"), ("zb12", "Phase 1")}


def test_a_stated_ind_stays_beside_a_later_stage(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals submitted an IND for ZB-12 in March. ZB-12 is currently in a Phase 2 trial "
        "in Korea.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "IND"), ("zb12", "Phase 2")}
    early = run(ex, "ZB-12 is in preclinical development. The FDA cleared the IND for ZB-12 in May.")
    assert rels(early, "IN_PHASE") == {("zb12", "IND")}


@pytest.mark.parametrize(
    "text",
    [
        "A Phase 2 trial of ZB-12 is slated to begin in the fourth quarter.",
        "A Phase 3 trial of ZB-12, to be initiated in 2025, will enroll 500 patients.",
        "Helix Pharmaceuticals has submitted the protocol for a Phase 3 trial of ZB-12 to the FDA.",
    ],
)
def test_a_trial_still_to_come_is_no_current_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == set()


def test_a_milestone_received_upon_a_trial_start_makes_the_stage_current(ex: Extractor) -> None:
    done = run(
        ex,
        "Helix Pharmaceuticals received a $10 million milestone upon initiation of the Phase 2 trial of "
        "ZB-12.",
    )
    assert rels(done, "IN_PHASE") == {("zb12", "Phase 2")}
    owed = run(
        ex,
        "Orion Bio will pay Helix Pharmaceuticals $10 million upon initiation of the Phase 2 trial of ZB-12.",
    )
    assert rels(owed, "IN_PHASE") == set()


def test_a_phase_3_part_counts_by_its_label(ex: Extractor) -> None:
    part = run(
        ex, "ZB-12 met the primary endpoint in the Phase 3 part of the Phase 2/3 clinical trial in Asia."
    )
    assert rels(part, "IN_PHASE") == {("zb12", "Phase 3")}
    early = run(ex, "Enrollment is underway in the Phase 2 portion of the Phase 1/2 study of ZB-12.")
    assert rels(early, "IN_PHASE") == {("zb12", "Phase 1/2")}


def test_an_application_for_marketing_approval_is_a_filing(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals announced the submission of an application for marketing approval to the "
        "PMDA for ZB-12.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "Filed")}


@pytest.mark.parametrize(
    "text",
    [
        "The NIH-sponsored study of ZB-12 in gout is ongoing.",
        "The data from the MAD study and the SAD study of ZB-12 support further development.",
        "The EU study of ZB-12 is ongoing.",
    ],
)
def test_sponsors_designs_and_regions_name_no_trial(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert not [e for e in out["entities"] if e["type"] == "TRIAL"]
    assert rels(out, "EVALUATES") == set()


def test_results_of_an_earlier_phase_give_way_to_the_current_one_in_the_same_sentence(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 demonstrated positive results in a Phase 2 trial and is now being studied in the Phase 3 "
        "ORBIT trial.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "Phase 3")}


def test_a_trial_guessed_from_the_previous_sentence_gives_way_to_a_cue(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 is Helix Pharmaceuticals' lead product. Enrollment in the Phase 3 ORBIT trial is complete. "
        "ORBIT compares ZB-14 with placebo.",
    )
    assert rels(out, "EVALUATES") == {("orbit", "zb14")}
    assert rels(out, "IN_PHASE") == {("zb14", "Phase 3")}


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Helix Pharmaceuticals submitted an IND for ZB-12 in March. The approval of ZB-12 in Korea would "
            "open a market of 50 million people.",
            "IND",
        ),
        (
            "ZB-12 is a preclinical antibody. The approval of ZB-12 in Korea would open a market of 50 "
            "million people.",
            "Preclinical",
        ),
    ],
)
def test_one_word_of_approval_does_not_outrank_a_stage_before_the_clinic(
    ex: Extractor, text: str, stage: str
) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", stage)}


def test_an_approval_stated_twice_outranks_a_preclinical_stage(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 is a preclinical antibody. ZB-12 is approved in Korea. ZB-12 was approved by the FDA in 2020.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "Approved")}
