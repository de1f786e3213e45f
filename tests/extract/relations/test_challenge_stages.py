"""The invented stage and trial challenge set (tests/extract/challenge/stages.jsonl): short fictional releases
that state a compound's clinical or regulatory stage and the named trials that test it, written the ways
newswire releases do (phase notations, filings, approvals, INDs, preclinical work, events such as "first
patient dosed in", a stage per region or indication, a stage stated of a trial that names the compound
elsewhere, trial acronyms, NCT numbers and study numbers), with negative twins per ANNOTATION.md's
Conventions (plans, discontinued compounds, comparators and combination partners, another compound's
stage in the same sentence). Session 28 (cases ``trl-*``) added the links across clauses and sentences: a
stage carried by a named trial that names its compound elsewhere, a stage in a headline or first sentence
before the sentence naming the compound, a stage said of a description or pronoun, lists of compounds with
their stages ("respectively" too), pivotal and registrational studies, trial names of every shape, and
negative twins (a rival's trial, a combination partner or comparator in a named trial, a planned or
completed trial). Every company, compound and trial is made up. Cases run like the relation
challenge set (test_challenge_relations.py: the given entities are set on the Doc, then coreference and
relations run).

Case fields: those of the relation challenge set, plus ``class``, the phrasing class the case stands for.
``facts`` hold every IN_PHASE and EVALUATES fact the case's text gives: a case passes when the reader finds
exactly those (nothing missed, no other stage or trial fact); ``absent`` names the wrong readings a negative
twin is about. ``python tests/extract/relations/test_challenge_stages.py`` prints the cases that pass per
class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class
from test_challenge_relations import Fact, typed_fact_check

CASES_FILE = Path(__file__).resolve().parent.parent / "challenge" / "stages.jsonl"
CASES = load_cases(CASES_FILE)
TYPES = ("IN_PHASE", "EVALUATES")


def check(case: dict[str, Any]) -> tuple[list[Fact], list[Fact]]:
    """(expected stage and trial facts not found, stage and trial facts found that the case does not give)."""
    return typed_fact_check(case, TYPES)


@pytest.mark.parametrize(
    "case",
    case_params(CASES),
)
def test_stage_case(case: dict[str, Any]) -> None:
    missed, extra = check(case)
    assert not missed and not extra, f"missed {missed}; wrongly found {extra}"


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class"), c["id"]
        assert all(f[0] in TYPES for f in c["facts"] + c.get("absent", [])), c["id"]
        assert not {tuple(a) for a in c.get("absent", [])} & {tuple(e) for e in c["facts"]}, c["id"]


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    report_by_class(CASES, lambda c: missed_and_wrong(*check(c)), width=20)
