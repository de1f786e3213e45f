"""Trials, what they evaluate, stages and conjugate payloads in their usual phrasings (issue 9): sentences
invented for these tests (fictional companies, drugs and trials), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


# ---------------------------------------------------------------- trial names and their boundaries
def test_coordinated_trial_names_are_each_a_trial(ex):
    out = run(ex, "Helix reported data from the ORBIT-1 and ORBIT-2 Phase 3 trials of ZB-12 in asthma.")
    assert {"orbit1", "orbit2"} <= names(out, "TRIAL")
    assert {("orbit1", "zb12"), ("orbit2", "zb12")} <= rels(out, "EVALUATES")
    out = run(ex, "The ZENITH, NADIR and APEX studies evaluated talbumab in psoriasis.")
    assert {"zenith", "nadir", "apex"} <= names(out, "TRIAL")


def test_trial_said_to_be_a_study_with_comma_modifiers(ex):
    out = run(
        ex,
        "KESTREL is a global Phase 3, randomized, double-blind, placebo-controlled study evaluating ZB-12 in "
        "adults with asthma.",
    )
    assert "kestrel" in names(out, "TRIAL")
    assert ("kestrel", "zb12") in rels(out, "EVALUATES")


def test_trial_appositive_with_comma_modifiers(ex):
    out = run(
        ex, "Results from CASTLE, a Phase 3, randomized, open-label study, showed that talbumab worked."
    )
    assert "castle" in names(out, "TRIAL")


def test_trial_called_or_set_off_after_the_trial_noun(ex):
    out = run(ex, "Helix started a Phase 3 trial, called ORBIT, of ZB-12 in asthma.")
    assert ("orbit", "zb12") in rels(out, "EVALUATES")
    out = run(ex, "The study, known as PINNACLE, is testing ZB-12 in gout.")
    assert "pinnacle" in names(out, "TRIAL")
    out = run(ex, "Helix completed enrollment in its pivotal Phase 3 clinical trial, REVERB, of talbumab.")
    assert ("reverb", "talbumab") in rels(out, "EVALUATES")


def test_trial_name_in_parentheses_with_a_number_or_in_quotes(ex):
    out = run(ex, "The first patient was dosed in the Phase 2 trial (ORBIT-2) of ZB-12.")
    assert "orbit2" in names(out, "TRIAL")
    assert "orbit2" not in names(out, "COMPOUND")
    out = run(ex, "The Phase 3 'HORIZON' trial enrolled 300 patients with ZB-12.")
    assert "horizon" in names(out, "TRIAL")


def test_registry_number_of_a_named_trial_is_its_alias(ex):
    out = run(ex, "The ZENITH (NCT04412345) study enrolled 120 patients treated with ZB-12.")
    assert {"zenith", "nct04412345"} in groups(out, "TRIAL")
    out = run(ex, "Helix began the NOVA Phase 1/2 study (NCT04567890) of talbumab.")
    assert {"nova", "nct04567890"} in groups(out, "TRIAL")
    assert len(groups(out, "TRIAL")) == 1


def test_study_named_by_a_protocol_code(ex):
    out = run(ex, "The trial (Study HLX-101-003) evaluates ZB-12 in healthy volunteers.")
    assert "studyhlx101003" in names(out, "TRIAL")


def test_compared_drug_is_no_evaluated_compound(ex):
    out = run(ex, "The CodeBreak 200 study compared talbumab with docetaxel in lung cancer.")
    assert ("codebreak200", "talbumab") in rels(out, "EVALUATES")
    assert ("codebreak200", "docetaxel") not in rels(out, "EVALUATES")


def test_capitalised_words_of_a_sentence_are_no_trial(ex):
    out = run(
        ex, "In the Phase 3 trial, ZB-12, an oral kinase inhibitor, reduced flares. FDA is a regulator."
    )
    assert not names(out, "TRIAL")


# ---------------------------------------------------------------- conjugate payloads
@pytest.mark.parametrize(
    "text,payload",
    [
        ("ZB-12 delivers the potent MMAE payload directly to cancer cells.", "mmae"),
        ("Helix's lead ADC, ZB-12, employs the eribulin payload.", "eribulin"),
        ("ZB-12 uses Helix's proprietary linker-payload, DM4, to kill tumor cells.", "dm4"),
        ("ZB-12 is an ADC. It delivers the MMAE payload into tumor cells.", "mmae"),
        ("ZB-12 is a maytansinoid ADC targeting CD123.", "maytansinoid"),
        ("ZB-12 is an ADC that delivers a novel exatecan derivative payload.", "exatecan"),
    ],
)
def test_payload_carried_by_a_conjugate(ex, text, payload):
    assert ("zb12", payload) in rels(run(ex, text), "HAS_PAYLOAD")


@pytest.mark.parametrize(
    "text,payload",
    [
        ("ZB-12 is an ADC that carries the Tub196 payload to tumor cells.", "tub196"),
        ("ZB-12 is built on Helix's proprietary linker-payload, ED04, and an anti-HER2 antibody.", "ed04"),
        ("ZB-12 consists of an anti-B7-H3 antibody attached to the payload Duostatin-5.", "duostatin5"),
        ("ZB-12 delivers a novel DXd-derivative payload to tumor cells.", "dxd"),
    ],
)
def test_unlisted_payload_named_as_a_payload(ex, text, payload):
    out = run(ex, text)
    assert payload in names(out, "PAYLOAD")
    assert ("zb12", payload) in rels(out, "HAS_PAYLOAD")


def test_generic_words_before_payload_are_no_payload(ex):
    out = run(ex, "The ADC payload is released inside the cell. ZB-12 is an ADC with a DNA payload.")
    assert not names(out, "PAYLOAD")


# ---------------------------------------------------------------- stages
@pytest.mark.parametrize(
    "text,stages",
    [
        ("ZB-12 has advanced into Phase 2 clinical development.", {"Phase 2"}),
        ("Following positive Phase 2 results, ZB-12 entered a pivotal Phase 3 trial.", {"Phase 3"}),
        ("ZB-12 is being evaluated in a Phase 1-2 study in gout.", {"Phase 1/2"}),
        ("Helix completed a Phase I/Phase II study of ZB-12.", {"Phase 1/2"}),
        ("Helix dosed the first patient in a first-in-human trial of ZB-12.", {"Phase 1"}),
        ("Helix started a first-in-human Phase 1/2 study of ZB-12.", {"Phase 1/2"}),
        ("The FDA set a PDUFA target action date of June 1, 2024 for ZB-12.", {"Filed"}),
        ("The FDA granted Priority Review to the BLA for ZB-12.", {"Filed"}),
        ("Helix plans to move ZB-12 into Phase 2 next year.", set()),
        ("ZB-12 will advance into a Phase 3 trial.", set()),
    ],
)
def test_stage_phrasings(ex, text, stages):
    assert {v for s, v in rels(run(ex, text), "IN_PHASE") if s == "zb12"} == stages


def test_dose_escalation_alone_states_no_phase(ex):
    assert not rels(run(ex, "Helix started a dose-escalation study of ZB-12 in solid tumors."), "IN_PHASE")


def test_stage_in_parentheses_belongs_to_its_compound_only(ex):
    out = run(ex, "Helix's pipeline includes ZB-12 (Phase 2), ZB-14 (Phase 1) and ZB-20 (preclinical).")
    assert rels(out, "IN_PHASE") == {("zb12", "Phase 2"), ("zb14", "Phase 1"), ("zb20", "Preclinical")}


def test_approved_drug_keeps_the_phase_of_another_indication(ex):
    out = run(ex, "ZB-12 is approved in the U.S. for gout. ZB-12 is in a Phase 3 trial in psoriasis.")
    assert {("zb12", "Approved"), ("zb12", "Phase 3")} <= rels(out, "IN_PHASE")
