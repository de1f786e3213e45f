"""Trial names read from context cues, and whose stage a stage phrase is (issue 9, session 6): sentences
invented for these tests (fictional companies, drugs and trials), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


# ---------------------------------------------------------------- trial names from context cues
def test_trial_data_come_from(ex):
    out = run(ex, "Data from ARDENT showed that ZB-12 reduced exacerbations in adults with asthma.")
    assert "ardent" in names(out, "TRIAL")
    assert ("ardent", "zb12") in rels(out, "EVALUATES")
    out = run(ex, "Results from VANTAGE demonstrated that talbumab improved skin clearance in psoriasis.")
    assert "vantage" in names(out, "TRIAL")


def test_trial_that_enrolls_patients(ex):
    out = run(ex, "KESTREL enrolled 640 adults with asthma, who received ZB-12 or placebo for 52 weeks.")
    assert "kestrel" in names(out, "TRIAL")
    out = run(
        ex, "More than 300 patients were enrolled in SOLACE-HF, which evaluates CV-301 in heart failure."
    )
    assert "solacehf" in names(out, "TRIAL")


def test_trial_name_before_its_registry_number(ex):
    out = run(ex, "About SOLACE\nSOLACE (NCT05123456) is evaluating CV-301 in adults with heart failure.")
    trials = [e for e in out["entities"] if e["type"] == "TRIAL"]
    assert len(trials) == 1 and {"solace", "nct05123456"} <= names(out, "TRIAL")
    assert "solace" not in names(out, "COMPOUND")
    assert ("solace", "cv301") in rels(out, "EVALUATES")


def test_drug_before_a_registry_number_stays_a_drug(ex):
    out = run(ex, "Helix started a Phase 2 trial evaluating ZB-12 (NCT04999111) in asthma.")
    assert "zb12" in names(out, "COMPOUND") and "zb12" not in names(out, "TRIAL")


def test_meetings_and_data_sources_are_no_trials(ex):
    out = run(
        ex, "Data from ESMO showed that talbumab is active. Results from SEER suggest a high unmet need."
    )
    assert not names(out, "TRIAL")


def test_ind_enabling_studies_are_no_trial(ex):
    out = run(ex, "CV-301 is in IND-enabling studies for lupus.")
    assert not names(out, "TRIAL")
    assert ("cv301", "Preclinical") in rels(out, "IN_PHASE")


# ---------------------------------------------------------------- stages and their owners
def test_ind_approval_is_an_ind(ex):
    out = run(ex, "Helix received IND approval from the NMPA for ZB-12 for the treatment of solid tumors.")
    assert rels(out, "IN_PHASE") == {("zb12", "IND")}


def test_approved_in_a_partners_apposition(ex):
    out = run(
        ex,
        "CVB-88 is being evaluated in combination with cetuximab, an approved EGFR antibody, in a Phase 1b/2 "
        "trial in colorectal cancer.",
    )
    assert ("cvb88", "Phase 1/2") in rels(out, "IN_PHASE")
    assert ("cvb88", "Approved") not in rels(out, "IN_PHASE")


def test_approved_said_of_two_listed_drugs(ex):
    out = run(ex, "Ravotinib and selpanib, two approved KRAS G12C inhibitors, have validated the target.")
    assert {("ravotinib", "Approved"), ("selpanib", "Approved")} <= rels(out, "IN_PHASE")


def test_trial_planned_by_its_predicate(ex):
    out = run(
        ex,
        "A registrational Phase 3 trial comparing CVB-88 with docetaxel is planned for the second half of "
        "2023.",
    )
    assert ("cvb88", "Phase 3") not in rels(out, "IN_PHASE")


def test_marketed_as_a_brand(ex):
    out = run(ex, "Talbumab, marketed as Korvix, is indicated for adults with plaque psoriasis.")
    assert ("talbumab", "Approved") in rels(out, "IN_PHASE")


def test_salient_stage_is_not_the_combination_partners(ex):
    out = run(
        ex,
        "The TIDEWATER study is an open-label study of CVB-88 as monotherapy and in combination with "
        "pembrolizumab. The Phase 2 portion is enrolling patients with lung cancer.",
    )
    assert ("cvb88", "Phase 2") in rels(out, "IN_PHASE")
    assert not any(s == "pembrolizumab" for s, _ in rels(out, "IN_PHASE"))


def test_about_heading_of_a_trial_names_no_other_drug(ex):
    out = run(
        ex,
        "The first patient was dosed in MARVEL, a Phase 1/2 trial of VX-201 in Fabry disease. Enzyme "
        "replacement therapies such as agalsidase beta require lifelong infusions.\n\nAbout MARVEL\n"
        "MARVEL is an open-label, dose-escalation trial in adults with Fabry disease.",
    )
    assert {o for t, o in rels(out, "EVALUATES") if t == "marvel"} == {"vx201"}


def test_trial_of_four_capitals_under_its_about_heading(ex):
    out = run(
        ex,
        "About TALIA-17\nTALIA-17 is a single-arm, multicenter, registrational trial of CV-301 in adults "
        "with large B-cell lymphoma.",
    )
    assert "talia17" in names(out, "TRIAL") and "talia17" not in names(out, "COMPOUND")


def test_camel_case_trial_said_to_be_a_study(ex):
    out = run(
        ex, "KorMMo-9 is a pivotal, open-label, single-arm study evaluating talbumab in multiple myeloma."
    )
    assert "kormmo9" in names(out, "TRIAL")
    assert ("kormmo9", "talbumab") in rels(out, "EVALUATES")


def test_trial_known_as_the_named_study(ex):
    out = run(ex, "The Phase 3 trial, known as the Vireo study, evaluated talbumab in psoriasis.")
    assert "vireo" in names(out, "TRIAL")


def test_trial_noun_apposition_with_word_part(ex):
    out = run(
        ex, "Data from the open-label extension study, HORIZON-OLE, showed durable responses to talbumab."
    )
    assert "horizonole" in names(out, "TRIAL")


def test_study_with_a_short_number(ex):
    out = run(
        ex,
        "In Study 3, talbumab reduced flares compared with placebo. Study 2 enrolled 40 patients for 12 "
        "weeks.",
    )
    assert {"study3", "study2"} <= names(out, "TRIAL")
    out = run(ex, "Patients were followed in the study for 12 weeks; Phase 2 enrolled 40 patients.")
    assert not names(out, "TRIAL")


def test_stage_in_an_apposition_is_current_under_a_plan(ex):
    out = run(
        ex, "Helix and Orbis will co-develop ZB-12, a Phase 2 antibody, and OT-19, a Phase 1 small molecule."
    )
    assert {("zb12", "Phase 2"), ("ot19", "Phase 1")} <= rels(out, "IN_PHASE")


def test_a_deals_approval_is_no_drugs(ex):
    out = run(
        ex,
        "The transaction, which includes ZB-12, has been approved by the boards of directors of both "
        "companies.",
    )
    assert not rels(out, "IN_PHASE")
    out = run(ex, "Helix's collaboration with Orbis, approved in 2020, covers ZB-12 and CV-301.")
    assert not rels(out, "IN_PHASE")


def test_sharing_costs_of_a_later_phase_is_a_plan(ex):
    out = run(ex, "The companies will share the costs of Phase 3 development of ZB-12.")
    assert ("zb12", "Phase 3") not in rels(out, "IN_PHASE")
    out = run(
        ex, "Helix expects to report topline data from the Phase 2b trial of ZB-12 in the first quarter."
    )
    assert ("zb12", "Phase 2") in rels(out, "IN_PHASE")


def test_arm_received_in_the_next_sentence(ex):
    out = run(
        ex, "The SOLACE study enrolled 600 patients with heart failure. Patients received CV-301 or placebo."
    )
    assert ("solace", "cv301") in rels(out, "EVALUATES")
