"""Where a clause ends inside a sentence (relations/breaks.py) and which line ends are hard wraps
(relations/component.unwrapped), on short invented text."""

from __future__ import annotations

import pytest

from pharmakg.extract.relations.breaks import CLAUSE_BREAK, DEAL_BREAK
from pharmakg.extract.relations.component import unwrapped


@pytest.mark.parametrize(
    "text",
    [
        "helix pharmaceuticals (nasdaq: hlxp) is developing zb-12",
        "helix pharmaceuticals (nasdaq: hlxp; tsx: hlx) is developing zb-12",
        "the trial compared ob-9 vs. placebo in adults",
        "orbital bio will pay approx. $12 million",
        "boston, sept. 9, 2024 -- corvane bio is developing cv-301",
        "results presented by dr. roe showed",
        "u.s. fda",
    ],
)
def test_no_clause_break(text: str) -> None:
    assert not CLAUSE_BREAK.search(text)
    assert not DEAL_BREAK.search(text)


@pytest.mark.parametrize(
    "text",
    ["the trial ended. the company said", "helix; orbital", "note: the trial", "a heading\nnext line"],
)
def test_clause_break(text: str) -> None:
    assert CLAUSE_BREAK.search(text)


def test_a_company_suffix_ends_no_deal_clause() -> None:
    assert not DEAL_BREAK.search("alphagen, inc. and betapharm ag")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the patient was dosed in\nthe Phase 1 study", "the patient was dosed in the Phase 1 study"),
        ("ZB-12 is an oral inhibitor of\nKRAS", "ZB-12 is an oral inhibitor of KRAS"),
        ("to develop and\ncommercialize ZB-12", "to develop and commercialize ZB-12"),
        ("Helix and Orbital,\nHelix said", "Helix and Orbital, Helix said"),
        ("Presented at AACR\nConference Call Today", "Presented at AACR\nConference Call Today"),
        ("Pipeline highlights\n- ZB-12: Phase 3", "Pipeline highlights\n- ZB-12: Phase 3"),
        ("First paragraph.\n\nsecond paragraph", "First paragraph.\n\nsecond paragraph"),
    ],
)
def test_hard_wraps_become_spaces_and_other_line_ends_stay(text: str, expected: str) -> None:
    out = unwrapped(text)
    assert out == expected
    assert len(out) == len(text)  # offsets hold
