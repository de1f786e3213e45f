"""The invented payment challenge set (tests/extract/challenge/payments.jsonl): deal sentences written the
ways newswire releases state sums (who pays whom, in both voices; upfront, equity, earned milestones, research
funding; potential sums; totals and their parts; amount shapes and currencies), each with the PAYMENT facts
ANNOTATION.md gives it (US-dollar figures only, parts not totals, nothing potential). Every company, drug and
sum is made up. Cases run like the relation challenge set (test_challenge_relations.py: the given entities
are set on the Doc, then coreference and relations run); a PAYMENT matches within 1%, as the scorer does.

Case fields: those of the relation challenge set, plus ``class``, the phrasing class the case stands for.
``python tests/extract/relations/test_challenge_payments.py`` prints the cases that pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class
from test_challenge_relations import Fact, found_facts

CASES_FILE = Path(__file__).resolve().parent.parent / "challenge" / "payments.jsonl"
CASES = load_cases(CASES_FILE)


def _same(a: Fact, b: Fact) -> bool:
    return a[:3] == b[:3] and abs(a[3] - b[3]) <= 0.01 * max(abs(a[3]), abs(b[3]))


def check(case: dict[str, Any]) -> tuple[list[Fact], list[Fact]]:
    """(expected payments not found, payments found that the case does not expect)."""
    found = [f for f in found_facts(case) if f[0] == "PAYMENT"]
    expected = [tuple(f) for f in case["facts"]]
    missed = [e for e in expected if not any(_same(f, e) for f in found)]
    extra = [f for f in found if not any(_same(f, e) for e in expected)]
    return missed, extra


@pytest.mark.parametrize(
    "case",
    case_params(CASES),
)
def test_payment_case(case: dict[str, Any]) -> None:
    missed, extra = check(case)
    assert not missed and not extra, f"missed {missed}; wrongly found {extra}"


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class"), c["id"]
        assert all(f[0] == "PAYMENT" for f in c["facts"] + c.get("absent", [])), c["id"]
        # an absent payment is one a wrong reading would give: never one the case expects
        assert not any(_same(tuple(a), tuple(e)) for a in c.get("absent", []) for e in c["facts"]), c["id"]


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    report_by_class(CASES, lambda c: missed_and_wrong(*check(c)), width=20)
