"""The invented owner challenge set (tests/extract/challenge/owners.jsonl): who develops or owns a compound
(DEVELOPED_BY) where a release names other companies' drugs. Negatives: comparators and combination partners
(owned or not), competitors' drugs, drugs of a parent or subsidiary, a partner's own drugs in its "About"
section, the issuing company taken as owner of everything, "the company" in another company's reported
speech, acquisitions announced but not closed, investors, manufacturers, research organizations, academic
sponsors. Recall: the owner said in a possessive, an apposition, a relative clause, a company name used as a
modifier ("the Helix drug X"), a headline, an "About" section, reported speech. Licence wording is left to
roles.jsonl. Every company and compound code is made up; cases run like the role challenge set.

A case's ``facts`` are all its DEVELOPED_BY facts by ANNOTATION.md's Roles conventions (one found that is not
among them fails the case); ``absent`` names the wrong readings a twin guards against; ``gap`` marks a known
miss (strict xfail). ``python tests/extract/relations/test_challenge_owners.py`` prints the cases that pass
per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class
from test_challenge_relations import Fact, typed_fact_check

CASES_FILE = Path(__file__).resolve().parent.parent / "challenge" / "owners.jsonl"
CASES = load_cases(CASES_FILE)
ROLES = ("DEVELOPED_BY",)


def check(case: dict[str, Any]) -> tuple[list[Fact], list[Fact]]:
    """(expected DEVELOPED_BY facts not found, DEVELOPED_BY facts found that the case does not expect)."""
    return typed_fact_check(case, ROLES)


@pytest.mark.parametrize("case", case_params(CASES))
def test_owner_case(case: dict[str, Any]) -> None:
    missed, extra = check(case)
    assert not missed and not extra, f"missed {missed}; wrongly found {extra}"


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class"), c["id"]
        facts = [tuple(f) for f in c["facts"]]
        absent = [tuple(f) for f in c.get("absent", [])]
        assert all(f[0] in ROLES for f in facts + absent), c["id"]
        assert not set(facts) & set(absent), c["id"]
        named = {n for names in c["entities"].values() for group in names for n in group}
        assert all(f[1] in named and f[2] in named for f in facts + absent), c["id"]


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    report_by_class(CASES, lambda c: missed_and_wrong(*check(c)), width=20)
