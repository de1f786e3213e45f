"""The invented partner challenge set (tests/extract/challenge/partners.jsonl): sentences and short releases
that state a partnership the ways newswire releases do (a joint release, "in collaboration with", "pursuant to
the agreement between A and B", "the companies" of the sentence before) and sentences that name companies
which are not each other's partners (a parent and its subsidiary or arm, a competitor's drug, a third party
paid under another company's agreement), each with the PARTNER_OF facts ANNOTATION.md gives it. Every company
and drug is made up. Cases run like the relation challenge set (test_challenge_relations.py: the given
entities are set on the Doc, then coreference and relations run).

Case fields: those of the relation challenge set, plus ``class``, the phrasing class the case stands for.
``python tests/extract/relations/test_challenge_partners.py`` prints the cases that pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class
from test_challenge_relations import check

CASES_FILE = Path(__file__).resolve().parent.parent / "challenge" / "partners.jsonl"
CASES = load_cases(CASES_FILE)


@pytest.mark.parametrize(
    "case",
    case_params(CASES),
)
def test_partner_case(case: dict[str, Any]) -> None:
    missed, wrong = check(case)
    assert not missed and not wrong, (
        f"missed {sorted(missed, key=str)}; wrongly found {sorted(wrong, key=str)}"
    )


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class"), c["id"]
        assert c["facts"] or c.get("absent"), c["id"]
        assert all(f[0] == "PARTNER_OF" for f in c["facts"] + c.get("absent", [])), c["id"]
        names = {n for groups in c["entities"].values() for g in groups for n in g}
        assert all(f[1] in names and f[2] in names for f in c["facts"] + c.get("absent", [])), c["id"]


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    report_by_class(CASES, lambda c: missed_and_wrong(*check(c)), width=20)
