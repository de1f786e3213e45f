"""The invented link challenge set (tests/extract/challenge/links.jsonl): INDICATION, TARGETS and
USES_TECHNOLOGY between entities the reader already found, written the ways releases link them: a compound
and its disease in neighbouring sentences, lists of indications, "for X and Y", trial sentences, a headline
and its body, tumour types named as where the compound's target is expressed (ANNOTATION.md Conventions),
technology phrasings ("A's X platform", "built on", "using its", "generated with", "licensed its X
technology"); and the false links: another compound's disease, comparators, combination partners named with
a descriptor ("combined with the chemotherapy agent X"), background biology. Every name is made up; positive
and negative twins.

Cases run like the relation challenge set (test_challenge_relations.py: the given entities are set on the
Doc, then coreference and relations run). A case lists every link fact it expects: a link of the three types
that the case does not list fails it too (so a negative twin needs no ``absent``, though it may name one).

Case fields: those of the relation challenge set, plus ``class``, the phrasing class the case stands for.
``python tests/extract/relations/test_challenge_links.py`` prints the cases that pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class
from test_challenge_relations import Fact, typed_fact_check

CASES_FILE = Path(__file__).resolve().parent.parent / "challenge" / "links.jsonl"
CASES = load_cases(CASES_FILE)
LINKS = ("INDICATION", "TARGETS", "USES_TECHNOLOGY")


def check(case: dict[str, Any]) -> tuple[list[Fact], list[Fact]]:
    """(expected links not found, links found that the case does not expect)."""
    return typed_fact_check(case, LINKS)


@pytest.mark.parametrize("case", case_params(CASES))
def test_link_case(case: dict[str, Any]) -> None:
    missed, extra = check(case)
    assert not missed and not extra, f"missed {missed}; wrongly found {extra}"


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class"), c["id"]
        assert all(f[0] in LINKS for f in c["facts"] + c.get("absent", [])), c["id"]
        # an absent link is one a wrong reading would give: never one the case expects
        assert not {tuple(a) for a in c.get("absent", [])} & {tuple(e) for e in c["facts"]}, c["id"]


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    report_by_class(CASES, lambda c: missed_and_wrong(*check(c)), width=20)
