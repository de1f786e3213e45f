"""The invented role challenge set (tests/extract/challenge/roles.jsonl): who develops and who licenses a
compound (DEVELOPED_BY, LICENSED_TO), written the ways releases state a role: possessives ("A/B's X"),
appositions, the issuing company and "our" products, pipeline lists, in-licensing, acquired rights (commercial
or distribution rights only give no DEVELOPED_BY), exclusive licences, options (exercised or not), joint
development, co-announcers, acquired companies, comparators and background drugs of others, subsidiaries;
and the ways a licence is said (classes ``licence-*``: receiving verbs and tenses, headlines, nominal
licences, rights paid for, "under license from", titles, the passive and rights that move, lists, later
sentences, relative clauses, sales of rights, and the negative twins: rights regained or returned, options
not exercised, talks).
Every company and compound code is made up. Cases run like the relation challenge set
(test_challenge_relations.py: the given entities are set on the Doc, then coreference and relations run).

A case's ``facts`` are all the role facts ANNOTATION.md's Roles conventions give it: a role fact found that is
not among them fails the case as much as a missed one (the scorer counts both); ``absent`` names the wrong
readings a twin case guards against. ``class`` is the phrasing class the case stands for; ``gap`` marks a
known miss (strict xfail). ``python tests/extract/relations/test_challenge_roles.py`` prints the cases that
pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class
from test_challenge_relations import Fact, typed_fact_check

CASES_FILE = Path(__file__).resolve().parent.parent / "challenge" / "roles.jsonl"
CASES = load_cases(CASES_FILE)
ROLES = ("DEVELOPED_BY", "LICENSED_TO")


def check(case: dict[str, Any]) -> tuple[list[Fact], list[Fact]]:
    """(expected role facts not found, role facts found that the case does not expect)."""
    return typed_fact_check(case, ROLES)


@pytest.mark.parametrize("case", case_params(CASES))
def test_role_case(case: dict[str, Any]) -> None:
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


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    report_by_class(CASES, lambda c: missed_and_wrong(*check(c)), width=20)
