"""Stages and platforms on invented news-style sentences: a trial that "should launch later this year" is a
plan (and its launch no drug's approval), results "in preclinical trials" and a plan "to begin clinical
studies" place a compound before the clinic, a place before "-based" that describes a company is no platform,
an owned phrase with a function word inside ("Zymora's investment in the technology") names no platform, a
code named elsewhere as a compound is no trial's name, an IND act after the sentence naming the compound is
its stage, and stages listed after a long apposition are the compound's."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "text",
    [
        "A Phase 2 trial evaluating tarolimab in gastric cancer should launch later this year.",
        "A Phase 2 trial of tarolimab in gastric cancer is expected to launch in 2027.",
        "A Phase 2 trial of tarolimab in gastric cancer will launch next year.",
    ],
)
def test_a_trial_that_should_launch_is_a_plan(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert rels(out, "IN_PHASE") == set()
    assert ("tarolimab", "Phase 2") in {(s, v) for s, v, *_ in _planned(out)}


def _planned(out: dict) -> set[tuple[str, str]]:
    from pharmakg.names import fold

    by_id = {e["id"]: fold(e["name"]) for e in out["entities"]}
    return {(by_id[r["subject"]], str(r.get("value"))) for r in out.get("planned_phases", [])}


@pytest.mark.parametrize(
    "text",
    [
        "ZB-12 has shown potential in reducing liver fibrosis and improving survival in preclinical trials.",
        "Zymora plans to begin clinical studies of ZB-12 in 2027.",
    ],
)
def test_before_the_clinic_is_preclinical(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Preclinical")}


def test_a_place_based_company_is_no_platform(ex: Extractor) -> None:
    out = run(ex, "A Leeds-based drug discovery company has signed a licence with Novarex, Inc. for ZB-12.")
    assert names(out, "TECHNOLOGY") == set()


def test_a_place_based_platform_still_reads(ex: Extractor) -> None:
    out = run(ex, "Zymora, Inc. develops Trimora-based antibodies for cancer.")
    assert "trimora" in names(out, "TECHNOLOGY")


def test_an_owned_phrase_with_a_function_word_is_no_platform(ex: Extractor) -> None:
    text = "Payments to Novarex, Inc. will decline as Zymora's investment in the technology increases."
    assert names(run(ex, text), "TECHNOLOGY") == set()


def test_a_code_named_study_of_a_compound_is_no_trial(ex: Extractor) -> None:
    text = "The RSV vaccine mRNA-2210 entered the clinic. Next steps depend on the mRNA-2210 Phase 1 study."
    out = run(ex, text)
    assert names(out, "TRIAL") == set()
    assert "mrna2210" in names(out, "COMPOUND")


def test_a_code_named_only_before_a_trial_noun_stays_the_trial(ex: Extractor) -> None:
    out = run(ex, "Zymora, Inc. reported data from the ZB-PRIME Phase 1 study.")
    assert "zbprime" in names(out, "TRIAL")


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "The FDA granted orphan drug designation to ZB-12 for gout. We plan to file an Investigational"
            " New Drug (IND) application later this year to support a Phase 1 trial.",
            "Preclinical",
        ),
        ("ZB-12 received orphan drug designation. The company submitted an IND in May.", "IND"),
    ],
)
def test_an_ind_act_after_the_compound_is_its_stage(ex: Extractor, text: str, stage: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", stage)}


def test_a_bare_ind_mention_after_the_compound_is_no_stage(ex: Extractor) -> None:
    text = "ZB-12 received orphan drug designation. The FDA has a new IND guidance for sponsors."
    assert rels(run(ex, text), "IN_PHASE") == set()


def test_a_quotation_after_a_degree_opens_a_sentence(ex: Extractor) -> None:
    text = (
        '"We are glad that ZB-12 was designated. We plan to file an IND application later this year," said'
        ' Jane Roe, Ph.D. "We thank the investigators who worked on ZB-12."'
    )
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Preclinical")}


def test_stages_listed_after_a_long_apposition_are_the_compounds(ex: Extractor) -> None:
    text = (
        "ZB-12, developed using Zymora's proprietary XQ5 platform, is in Phase 3 trials in Europe for"
        " PD-L1-positive non-small cell lung cancer (NSCLC) and several Phase 2 studies, with IND clearance"
        " in the US."
    )
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 3"), ("zb12", "Phase 2"), ("zb12", "IND")}


def test_a_stage_after_another_compound_is_not_carried_over(ex: Extractor) -> None:
    assert rels(run(ex, "ZB-12 is in Phase 3 and ZB-14 is in Phase 1."), "IN_PHASE") == {
        ("zb12", "Phase 3"),
        ("zb14", "Phase 1"),
    }


def test_a_platform_named_by_two_capitalised_words(ex: Extractor) -> None:
    text = "The acquisition includes the Lumora Display technology platform, which finds human antibodies."
    assert "lumoradisplaytechnologyplatform" in names(run(ex, text), "TECHNOLOGY")


def test_a_stop_word_second_is_no_platform_name(ex: Extractor) -> None:
    assert names(run(ex, "Zymora, Inc. uses the Lumora Antibody platform."), "TECHNOLOGY") == set()


def test_a_study_whose_stated_goal_evaluates_the_compound(ex: Extractor) -> None:
    text = (
        "The first dose levels in Zymora's ongoing study of ZB-12 are fully enrolled. The Phase 1 study is"
        " randomized, observer-blind and placebo-controlled with the goal of evaluating the safety and"
        " immunogenicity of ZB-12, a vaccine against gout."
    )
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 1")}
