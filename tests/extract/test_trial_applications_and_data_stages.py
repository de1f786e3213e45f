"""Stages on invented sentences: a clinical trial application written CTA after a determiner or before a word
of its review is the IND stage (a cancer-testis antigen, also CTA, is none), so is a regulator's leave "to
proceed with" a trial; a product "marketed in/by" in an apposition is approved (one marketed "once approved"
is not); a stage named before a data noun ("Phase 1 results for X") gives way to a later stage stated; and
"has begun" a trial or "a cohort in" a disease read a sentence that names no compound as the salient one's."""

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
        "Helix Pharmaceuticals filed a CTA with the MHRA for ZB-12.",
        "Helix Pharmaceuticals said that its CTA for ZB-12 has been approved in Belgium.",
        "ZB-12 received CTA approval in Spain for a Phase 1 study in healthy volunteers.",
        "Helix Pharmaceuticals submitted CTAs in five European countries for ZB-12.",
        "A CTA for ZB-12 has been submitted in Germany.",
    ],
)
def test_a_cta_is_the_ind_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "IND")}


def test_a_cancer_testis_antigen_is_no_trial_application(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 is an antibody against a cancer-testis antigen (CTA) found on sarcoma cells. The CTA is "
        "absent from normal tissue.",
    )
    assert rels(out, "IN_PHASE") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The FDA has cleared Helix Pharmaceuticals to proceed with a Phase 1/2 trial of ZB-12.",
        "Helix Pharmaceuticals received approval from the NMPA to proceed with clinical trials of ZB-12.",
        "Helix Pharmaceuticals received authorization from the agency to proceed with a Phase 1 study of "
        "ZB-12.",
    ],
)
def test_leave_to_proceed_with_a_trial_is_the_ind_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "IND")}


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals said that ZB-12, marketed in Europe for gout, will be studied in children.",
        "Helix Pharmaceuticals said that ZB-12, marketed by Orion Bio in Japan, will be studied in children.",
    ],
)
def test_a_product_marketed_in_an_apposition_is_approved(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Approved")}


def test_a_product_marketed_once_approved_is_not(ex: Extractor) -> None:
    out = run(ex, "ZB-12, once approved, will be marketed in the United States by Orion Bio.")
    assert rels(out, "IN_PHASE") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals presented Phase 1 results for ZB-12. ZB-12 is now in a Phase 2 trial in gout.",
        "Helix Pharmaceuticals announced positive Phase 1 topline data for ZB-12 and has started a Phase 2 "
        "trial.",
    ],
)
def test_a_stage_before_a_data_noun_gives_way_to_a_later_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 2")}


def test_a_stage_before_a_data_noun_stays_when_it_is_the_only_one(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals reported positive Phase 2 topline data for ZB-12 in gout.")
    assert rels(out, "IN_PHASE") == {("zb12", "Phase 2")}


def test_a_begun_cohort_in_a_disease_is_the_salient_compounds(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals provided an update on ZB-12. The company has begun a Phase 2 expansion cohort "
        "in renal cell carcinoma.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "Phase 2")}
    assert rels(out, "INDICATION") == {("zb12", "renalcellcarcinoma")}


@pytest.mark.parametrize(
    "text",
    [
        "ZB-12 is a T-cell receptor therapy directed at NY-ESO-1, a CTA expressed in synovial sarcoma.",
        "ZB-12 binds MAGE-A4. The CTA is expressed in many solid tumors, and ZB-12 kills the cells.",
    ],
)
def test_an_antigen_called_cta_is_no_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == set()
