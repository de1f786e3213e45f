"""Stages on invented sentences: a stage phrase that bounds a right, a plan or an aim ("through Phase 2",
"toward Phase 3", "path to approval", "approval milestones"), and a trial already completed or named as a data
source before a later stage, are no current stage; a stage said plainly stays."""

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
        "ZB-12 is advancing towards a pivotal Phase 3 trial in gout.",
        "Helix is moving its programs toward Phase 3 clinical trials, including ZB-12.",
        "Helix retains rights to ZB-12 until the end of Phase 2.",
        "The collaboration covers ZB-12 through completion of Phase 2 clinical trials.",
        "Helix is responsible for development of ZB-12 through Phase 1, and Kappa thereafter.",
        "Kappa has the right to opt in to ZB-12 at the end of Phase 2.",
        "The agreement gives Kappa an option to acquire ZB-12 after completion of the Phase 1 trial.",
    ],
)
def test_a_stage_that_bounds_a_right_or_an_aim_is_no_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Helix is entitled to receive regulatory approval milestones for ZB-12.",
        "Helix may earn approval and sales milestones for ZB-12.",
        "ZB-12 is designed for a rapid path to approval.",
        "The accelerated approval pathway may shorten the development of ZB-12.",
        "Helix discussed the approval process for ZB-12 with the FDA.",
    ],
)
def test_approval_as_a_milestone_or_an_aim_is_no_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == set()


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Helix received a $5 million milestone upon the initiation of the Phase 2 trial of ZB-12.",
            "Phase 2",
        ),
        (
            "Kappa dosed the first patient in the Phase 2 trial of ZB-12, triggering a $5 million milestone.",
            "Phase 2",
        ),
        ("ZB-12 has advanced through Phase 1 and is now in a Phase 2 trial in gout.", "Phase 2"),
        ("ZB-12 successfully completed Phase 2.", "Phase 2"),
        ("Helix has completed a Phase 1 trial of ZB-12 and is planning a Phase 2 trial.", "Phase 1"),
        ("The FDA approved ZB-12 for adults with gout, a milestone for Helix.", "Approved"),
    ],
)
def test_a_stage_reached_stays(ex: Extractor, text: str, stage: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", stage)}


@pytest.mark.parametrize(
    "text",
    [
        "ZB-12 previously completed a Phase 1 trial in healthy volunteers and is now in a Phase 2 trial.",
        "Following positive results from the Phase 1 trial, Helix initiated a Phase 2 trial of ZB-12.",
        "Based on data from the Phase 1 study, Kappa started a Phase 2 study of ZB-12 in gout.",
    ],
)
def test_a_past_trial_gives_way_to_the_later_stage(ex: Extractor, text: str) -> None:
    assert rels(run(ex, text), "IN_PHASE") == {("zb12", "Phase 2")}


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        (
            "ZB-12 was evaluated in a Phase 1 trial in 2019 and is now in a Phase 2 trial.",
            {("zb12", "Phase 2")},
        ),
        (
            "ZB-12 was tested in a Phase 1 study. Helix started a Phase 2 study of ZB-12 in May.",
            {("zb12", "Phase 2")},
        ),
        ("ZB-12 was evaluated in a Phase 1 trial in healthy volunteers.", {("zb12", "Phase 1")}),
        (
            "ZB-12 was evaluated in a Phase 3 trial in gout and is in a Phase 2 trial in lupus.",
            {("zb12", "Phase 3"), ("zb12", "Phase 2")},
        ),
    ],
)
def test_a_trial_told_in_the_past_gives_way_to_a_later_stage_only(
    ex: Extractor, text: str, stages: set[tuple[str, str]]
) -> None:
    assert rels(run(ex, text), "IN_PHASE") == stages


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        (
            "In the Phase 3 ORBIT trial, ZB-12 met its primary endpoint. The FDA approved ZB-12 in 2024.",
            {("zb12", "Approved")},
        ),
        (
            "The Phase 2 trial of ZB-12 met its primary endpoint, and Helix started a Phase 3 trial.",
            {("zb12", "Phase 3")},
        ),
        (
            "ZB-12 is in a Phase 3 trial. In the earlier Phase 2 trial, ZB-12 showed a 40% response rate.",
            {("zb12", "Phase 3")},
        ),
        ("The Phase 2 trial of ZB-12 met its primary endpoint.", {("zb12", "Phase 2")}),
        ("In the ongoing Phase 1 trial, ZB-12 showed early activity.", {("zb12", "Phase 1")}),
    ],
)
def test_a_trial_that_gave_results_gives_way_to_a_later_stage_only(
    ex: Extractor, text: str, stages: set[tuple[str, str]]
) -> None:
    assert rels(run(ex, text), "IN_PHASE") == stages
