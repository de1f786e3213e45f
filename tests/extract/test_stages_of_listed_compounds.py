"""Stages of compounds listed together, on invented sentences: a stage after the last of a list is said of
all of them ("ZB-12 and ZB-14 are both in Phase 2"), but not of an earlier member whose own apposition states
its stage ("ZB-20, a preclinical ADC, and ZB-30, in Phase 1")."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_stage_after_a_list_is_every_members(ex: Extractor) -> None:
    out = run(ex, "Zelnotinib and talbumab are both in Phase 2 for gout.")
    assert rels(out, "IN_PHASE") == {("zelnotinib", "Phase 2"), ("talbumab", "Phase 2")}


def test_a_plain_apposition_keeps_the_member_in_the_list(ex: Extractor) -> None:
    out = run(ex, "Zelnotinib, an oral XO inhibitor, and talbumab are in Phase 2 for gout.")
    assert rels(out, "IN_PHASE") == {("zelnotinib", "Phase 2"), ("talbumab", "Phase 2")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The pipeline also includes ZB-20, a preclinical ADC, and ZB-30, in Phase 1 for lung cancer.",
            {("zb20", "Preclinical"), ("zb30", "Phase 1")},
        ),
        (
            "Zelnotinib, approved for gout, and talbumab, in Phase 3 for psoriasis, lead the pipeline.",
            {("zelnotinib", "Approved"), ("talbumab", "Phase 3")},
        ),
    ],
)
def test_a_member_with_its_own_stage_is_not_given_the_next_ones(
    ex: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert rels(run(ex, text), "IN_PHASE") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The submission strategy for zelnotinib was adjusted to simplify the approval procedure.",
        "Helix expects the approval timeline for zelnotinib to shorten.",
    ],
)
def test_a_noun_of_the_approval_process_is_no_approval(ex: Extractor, text: str) -> None:
    assert ("zelnotinib", "Approved") not in rels(run(ex, text), "IN_PHASE")


def test_approved_after_a_counted_class_is_the_class(ex: Extractor) -> None:
    out = run(ex, "Helix has three products approved in the U.S., and zelnotinib is in Phase 2 for gout.")
    assert rels(out, "IN_PHASE") == {("zelnotinib", "Phase 2")}


def test_approved_class_listed_after_a_colon_is_each_members(ex: Extractor) -> None:
    out = run(ex, "The company has two drugs approved by the FDA: zelnotinib and talbumab.")
    assert rels(out, "IN_PHASE") == {("zelnotinib", "Approved"), ("talbumab", "Approved")}
