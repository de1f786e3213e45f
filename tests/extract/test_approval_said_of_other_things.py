"""Approval said of something other than a named drug, on invented sentences: an approved dose or label, a
class of drugs ("approved BTK inhibitors"), a board's decision, a trial's approval by an agency; the
apposition of named drugs ("two approved EGFR antibodies") and a plain approval stay Approved."""

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
        "ZB-12 was well tolerated at the approved dose of KP-7.",
        "Helix updated the approved label of KP-7 with data on ZB-12.",
        "ZB-12 is being developed for patients who progressed on approved BTK inhibitors.",
        "ZB-12 could help patients who failed approved anti-TNF antibodies.",
        "Helix's board approved a plan to develop ZB-12.",
        "The board of directors has approved the budget for ZB-12.",
        "Helix received approval from the NMPA for its clinical trial of ZB-12.",
    ],
)
def test_approval_of_other_things_is_no_drug_approval(ex: Extractor, text: str) -> None:
    assert ("zb12", "Approved") not in rels(run(ex, text), "IN_PHASE")
    assert ("kp7", "Approved") not in rels(run(ex, text), "IN_PHASE")


@pytest.mark.parametrize(
    ("text", "approved"),
    [
        (
            "Helix will test ZB-12 with cetuximab and panitumumab, two approved EGFR antibodies.",
            {("cetuximab", "Approved"), ("panitumumab", "Approved")},
        ),
        (
            "Helix markets ZB-10 and ZB-11, both approved antibodies, in Japan.",
            {("zb10", "Approved"), ("zb11", "Approved")},
        ),
        ("The FDA approved ZB-12 for adults with gout.", {("zb12", "Approved")}),
        ("ZB-12 is approved in 30 countries.", {("zb12", "Approved")}),
    ],
)
def test_named_drugs_approved_stay_approved(ex: Extractor, text: str, approved: set[tuple[str, str]]) -> None:
    assert rels(run(ex, text), "IN_PHASE") == approved


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        (
            "The FDA has approved the Company's Investigational New Drug application for ZB-12.",
            {("zb12", "IND")},
        ),
        ("The NMPA approved Helix's clinical trial application for ZB-12.", {("zb12", "IND")}),
        ("The MAA for ZB-12 is under review, with approval anticipated in 2025.", {("zb12", "Filed")}),
        (
            "The FDA accepted the NDA for ZB-12; an approval decision is expected in June.",
            {("zb12", "Filed")},
        ),
    ],
)
def test_an_approval_of_a_trial_or_one_to_come_is_no_approval(
    ex: Extractor, text: str, stages: set[tuple[str, str]]
) -> None:
    assert rels(run(ex, text), "IN_PHASE") == stages


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        ("Helix obtained regulatory clearance for a Phase 1 trial of ZB-12.", {("zb12", "IND")}),
        (
            "Helix received CTN acknowledgement in Australia for the Phase 1 trial of ZB-12.",
            {("zb12", "IND")},
        ),
        ("Health Canada issued a No Objection Letter for the Phase 1 trial of ZB-12.", {("zb12", "IND")}),
        ("Helix gained approval to start the first-in-human trial of ZB-12.", {("zb12", "IND")}),
        (
            "Helix received clearance for ZB-12 and started a Phase 1 trial, which is now enrolling.",
            {("zb12", "Phase 1")},
        ),
    ],
)
def test_a_trial_cleared_is_an_ind(ex: Extractor, text: str, stages: set[tuple[str, str]]) -> None:
    assert rels(run(ex, text), "IN_PHASE") == stages
