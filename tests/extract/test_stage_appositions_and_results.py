"""Stages on invented sentences: an apposition after a name's parenthesis belongs to that name ("nivolumab
(Opdivo), an approved PD-1 inhibitor"), an approval whose object is a trial is no drug's approval ("the ethics
committee approved the Phase 1 trial"), a PDUFA date after its spelled-out name is a filing, and a trial that
gave results ("In the Phase 2 trial, ZB-12 reduced ...") gives way to a later stage."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "text",
    [
        "ZB-12 is tested in combination with tarolimab (Tarvix), an approved PD-1 antibody.",
        "ZB-12 is tested in combination with Tarvix® (tarolimab), an approved PD-1 antibody.",
        "ZB-12 is tested in combination with tarolimab (HX-0042), an approved PD-1 antibody.",
    ],
)
def test_an_apposition_after_a_parenthesis_is_the_named_compounds(ex: Extractor, text: str) -> None:
    assert ("zb12", "Approved") not in rels(run(ex, text), "IN_PHASE")


@pytest.mark.parametrize(
    "text",
    [
        "The ethics committee approved the Phase 1 trial of ZB-12 in Australia.",
        "The review board approved the pivotal study of ZB-12.",
    ],
)
def test_an_approved_trial_is_no_approved_drug(ex: Extractor, text: str) -> None:
    assert ("zb12", "Approved") not in rels(run(ex, text), "IN_PHASE")


def test_a_pdufa_date_after_its_spelled_out_name_is_a_filing(ex: Extractor) -> None:
    text = "The FDA set a Prescription Drug User Fee Act (PDUFA) target date of May 2, 2026 for ZB-12."
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Filed")}


@pytest.mark.parametrize(
    "text",
    [
        "ZB-12 is in the Phase 3 ORBIT trial. In the Phase 2 trial, ZB-12 reduced flares by half.",
        "ZB-12 is in a Phase 3 trial. In the earlier Phase 2 study, ZB-12 improved lung function.",
    ],
)
def test_a_trial_that_gave_results_gives_way_to_the_later_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 3")}


def test_a_result_alone_keeps_its_stage(ex: Extractor) -> None:
    text = "In the Phase 2 trial, ZB-12 reduced flares by half."
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 2")}


@pytest.mark.parametrize(
    "text",
    [
        "Helix is responsible for development of ZB-12 up to and including Phase 2.",
        "Helix may develop ZB-12 through the completion of the first Phase 2 trial.",
    ],
)
def test_a_bound_past_including_or_first_is_no_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == set()


def test_a_trial_that_has_been_run_gives_way_to_the_current_one(ex: Extractor) -> None:
    text = "ZB-12 has been evaluated in three Phase 1 trials and is currently in a Phase 2b trial."
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 2")}


@pytest.mark.parametrize("modality", ["siRNA", "antisense oligonucleotide", "bispecific", "cell therapy"])
def test_preclinical_before_a_modality_noun(ex: Extractor, modality: str) -> None:
    text = f"Helix's pipeline includes ZB-12, a preclinical {modality} for gout."
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Preclinical")}


def test_a_counted_group_of_preclinical_molecules_is_no_named_compounds_stage(ex: Extractor) -> None:
    text = "Orion gains rights to ZB-12, an antibody targeting CD39, as well as four preclinical molecules."
    assert rels(run(ex, text), "IN_PHASE") == set()


def test_research_from_an_earlier_trial_gives_way_to_the_current_one(ex: Extractor) -> None:
    text = (
        "ZB-12 is a protein vaccine. The trial builds on research from Phase 1/2 studies showing that the "
        "vaccine was well tolerated. Helix is currently conducting a pivotal Phase 3 study of ZB-12."
    )
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 3")}


def test_a_data_source_trial_named_beside_a_filing_is_no_stage(ex: Extractor) -> None:
    text = (
        "Helix submitted an MAA for ZB-12. The MAA includes data from three clinical trials that enrolled 41 "
        "participants, including a randomized Phase 3 trial."
    )
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Filed")}


@pytest.mark.parametrize("agency", ["FDA", "EU", "U.S."])
def test_an_agency_glued_to_approved_is_an_approval(ex: Extractor, agency: str) -> None:
    text = f"Helix gains rights to Orion's recently {agency}-approved tarolimab for leukemia."
    assert ("tarolimab", "Approved") in rels(run(ex, text), "IN_PHASE")


def test_approved_products_counted_are_no_named_compounds_stage(ex: Extractor) -> None:
    text = "Helix has three FDA-approved products and four other assets in development, including ZB-12."
    assert rels(run(ex, text), "IN_PHASE") == set()


@pytest.mark.parametrize(
    "text",
    [
        "ZB-12 is a novel ADC. Helix initiated a Phase 1 trial in gout this month.",
        "Helix licensed ZB-12 to Orion. Orion is now conducting a Phase 1 trial.",
    ],
)
def test_a_trial_started_after_a_sentence_on_the_compound_is_its_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 1")}


def test_a_trial_planned_after_a_sentence_on_the_compound_is_no_stage(ex: Extractor) -> None:
    text = "ZB-12 is a novel ADC. Helix plans to start a Phase 2 trial in 2027."
    assert rels(run(ex, text), "IN_PHASE") == set()


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("FDA approves Korvix® (talbumab) for adults with psoriasis.", "Approved"),
        ("ZB-12 is under regulatory review in China.", "Filed"),
        ("ZB-12 is under marketing review in the EU.", "Filed"),
    ],
)
def test_a_present_approval_and_a_review_under_way(ex: Extractor, text: str, stage: str) -> None:
    assert {v for _, v in rels(run(ex, text), "IN_PHASE")} == {stage}


def test_an_approval_on_a_condition_is_no_stage(ex: Extractor) -> None:
    assert rels(run(ex, "If the FDA approves ZB-12, Helix will launch it in 2027."), "IN_PHASE") == set()


def test_stages_entered_in_a_past_year_give_way_to_the_current_one(ex: Extractor) -> None:
    text = "ZB-12 entered Phase 1 in 2015 and Phase 2 in 2018, and is now in a Phase 3 trial."
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 3")}


def test_a_stage_entered_in_a_year_alone_stays(ex: Extractor) -> None:
    assert rels(run(ex, "ZB-12 entered Phase 2 in 2024."), "IN_PHASE") == {("zb12", "Phase 2")}


def test_a_long_data_source_phrase_before_a_stage_beside_a_filing(ex: Extractor) -> None:
    text = (
        "Helix submitted an MAA for ZB-12. The MAA includes data from three clinical trials that enrolled 41 "
        "participants with inherited retinal dystrophy (IRD), including the first randomized, controlled "
        "Phase 3 trial of a gene therapy for a genetic disease."
    )
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Filed")}


def test_results_shown_in_preclinical_models_are_a_preclinical_stage(ex: Extractor) -> None:
    text = "The deal covers Helix's lead molecule, ZB-12, which has shown activity in preclinical models."
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Preclinical")}


def test_preclinical_results_give_way_to_a_later_stage(ex: Extractor) -> None:
    text = "ZB-12 has shown potent activity in preclinical models and is now in a Phase 1 trial."
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 1")}
