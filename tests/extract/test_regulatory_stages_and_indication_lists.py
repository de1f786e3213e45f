"""Indications and stages on invented sentences: a
regulator's permission to start a trial is the IND stage, an FDA action letter on a pending application is a
filing, a comparator named after "compared" gets no indication, and "respectively" pairs two coordinated
lists by position."""

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
        "The FDA has informed Helix Pharmaceuticals that it may proceed with its Phase 1 study of ZB-12.",
        "Health Canada issued a letter allowing Helix Pharmaceuticals to begin a Phase 1 trial of ZB-12.",
    ],
)
def test_permission_to_start_a_trial_is_the_ind_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "IND")}


def test_a_deal_that_allows_trials_is_no_stage(ex: Extractor) -> None:
    out = run(ex, "The agreement allows Orion Bio to conduct clinical trials of ZB-12 in Japan.")
    assert rels(out, "IN_PHASE") == set()


@pytest.mark.parametrize("letter", ["a complete response letter", "an approvable letter"])
def test_an_action_letter_on_an_application_is_a_filing(ex: Extractor, letter: str) -> None:
    out = run(ex, f"Helix Pharmaceuticals received {letter} from the FDA for its NDA for ZB-12.")
    assert rels(out, "IN_PHASE") == {("zb12", "Filed")}


def test_commercially_available_is_approved(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals announced that ZB-12 is now commercially available in Canada.")
    assert rels(out, "IN_PHASE") == {("zb12", "Approved")}
    planned = run(ex, "ZB-12 is expected to become commercially available in 2027.")
    assert rels(planned, "IN_PHASE") == set()


def test_the_drug_compared_with_is_no_indication_holder(ex: Extractor) -> None:
    out = run(ex, "The Phase 3 trial compared ZB-12 with methotrexate in patients with rheumatoid arthritis.")
    assert rels(out, "INDICATION") == {("zb12", "rheumatoidarthriti")}


def test_respectively_pairs_compounds_and_diseases(ex: Extractor) -> None:
    out = run(ex, "ZB-12 and ZB-14 are being developed for psoriasis and gout, respectively.")
    assert rels(out, "INDICATION") == {("zb12", "psoriasi"), ("zb14", "gout")}
    both = run(ex, "ZB-12 and ZB-14 are being developed for psoriasis and gout.")
    assert len(rels(both, "INDICATION")) == 4


def test_adverse_events_are_no_diseases(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals presented Phase 2 data of ZB-12 in patients with glioblastoma. The most "
        "common adverse events were neutropenia and thrombocytopenia. One patient developed pneumonitis "
        "and one patient experienced cytokine release syndrome (CRS). Grade 3 hypertension occurred in two "
        "patients.",
    )
    assert rels(out, "INDICATION") == {("zb12", "glioblastoma")}
    assert [e["name"] for e in out["entities"] if e["type"] == "DISEASE"] == ["glioblastoma"]


def test_a_disease_after_an_event_noun_and_indication_wording_stays(ex: Extractor) -> None:
    out = run(ex, "The study will evaluate the safety and adverse events of ZB-12 in patients with gout.")
    assert rels(out, "INDICATION") == {("zb12", "gout")}


def test_a_companys_areas_in_its_description_are_no_diseases(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, a clinical-stage company developing antibodies for asthma and allergic "
        "diseases, today announced that it dosed the first patient in a Phase 1 trial of ZB-12 in patients "
        "with acute myeloid leukemia.",
    )
    assert rels(out, "INDICATION") == {("zb12", "acutemyeloidleukemia")}
    assert "asthma" not in {e["name"] for e in out["entities"]}


def test_a_compound_in_the_description_keeps_its_indication(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals, a biotech developing ZB-12 for Fabry disease, raised $20 million.")
    assert rels(out, "INDICATION") == {("zb12", "fabrydisease")}


def test_target_status_words_that_say_the_same_name_one_disease(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 is in a Phase 1 study in patients with HER2+ cancers. ZB-12 was active against "
        "HER2-expressing tumors and is also tested in HER2-low tumors.",
    )
    diseases = [e for e in out["entities"] if e["type"] == "DISEASE"]
    assert len(diseases) == 2


def test_a_positive_opinion_recommending_approval_is_a_filing(ex: Extractor) -> None:
    out = run(ex, "The CHMP adopted a positive opinion recommending approval of ZB-12 for gout.")
    assert rels(out, "IN_PHASE") == {("zb12", "Filed")}


def test_available_by_prescription_is_approved(ex: Extractor) -> None:
    out = run(ex, "ZB-12 is now available by prescription in the United States.")
    assert rels(out, "IN_PHASE") == {("zb12", "Approved")}


def test_a_fronted_preposition_plans_its_own_phrase_only(ex: Extractor) -> None:
    out = run(
        ex,
        "Following the positive CHMP opinion, the European Commission granted marketing authorization for "
        "ZB-12.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "Approved")}
    assert rels(run(ex, "Upon approval, ZB-12 will be launched in Japan."), "IN_PHASE") == set()


def test_subtypes_named_by_different_target_modifiers_are_two_diseases(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 is in Phase 2 for KRAS-mutant colorectal cancer. ZB-14 is in Phase 1 for EGFR-mutant "
        "colorectal cancer. Colorectal cancer is common.",
    )
    assert rels(out, "INDICATION") == {
        ("zb12", "kramutantcolorectalcancer"),
        ("zb14", "egfrmutantcolorectalcancer"),
    }


def test_statuses_stacked_with_a_bare_comma_modify_one_disease(ex: Extractor) -> None:
    out = run(ex, "ZB-12 is in Phase 2 for HR-positive, HER2-negative metastatic breast cancer.")
    assert rels(out, "INDICATION") == {("zb12", "breastcancer")}
    out = run(ex, "ZB-12 is in Phase 2 for hormone receptor-positive, HER2-negative breast cancer.")
    assert rels(out, "INDICATION") == {("zb12", "breastcancer")}
    # with "and" the statuses are listed: two diseases
    out = run(ex, "ZB-14 is in Phase 1 for KRAS-mutant, NRAS-mutant and BRAF-mutant colorectal cancer.")
    assert len(rels(out, "INDICATION")) == 3


def test_a_modified_disease_is_no_broader_mention_of_another_subtype(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 is in Phase 2 for HER2-positive breast cancer. ZB-14 is in Phase 1 for triple-negative "
        "breast cancer.",
    )
    assert rels(out, "INDICATION") == {
        ("zb12", "her2positivebreastcancer"),
        ("zb14", "triplenegativebreastcancer"),
    }


def test_a_pathogen_treated_names_its_infection(ex: Extractor) -> None:
    out = run(ex, "ZB-12 is in Phase 2 for the treatment of HIV.")
    assert rels(out, "INDICATION") == {("zb12", "hiv")}
