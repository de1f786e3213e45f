"""The invented challenge set of target names (tests/extract/challenge/targets.jsonl, issue 9): short
sentences written the ways releases name a compound's target, over many target classes (receptors, enzymes,
kinases, cytokines and their receptors, ion channels, transporters, complement, clotting factors, viral
proteins, the RNA of siRNA and antisense drugs, "the X gene", protein common and family names, subunits), and
the forms of a name (a Greek letter's name after a spelled protein name, numbered members in coordination, a
symbol with its other symbol in brackets before a hyphenated word); with negative twins where a gene or
protein name is no target of a compound of the release ("HER2-positive patients", "no EGFR aberrations",
another drug's target, a biomarker measured, background biology). Every company and code is made up.

Case fields: ``id``, ``class``, ``text``; ``targets``: names that must be TARGET entities; ``targets_of``:
[compound, target] pairs that must be TARGETS relations; ``absent``: names that must not be TARGET entities;
``absent_of``: [compound, target] pairs that must not be TARGETS relations. Where a target may be written
either way, a list of names stands for it (any one of them). ``gap``: a known gap, its reason (the case is
a strict xfail, so a fix shows up). ``python tests/extract/test_challenge_targets.py`` prints the cases that
pass per class.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, report_by_class

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold

CASES_FILE = Path(__file__).resolve().parent / "challenge" / "targets.jsonl"
CASES = load_cases(CASES_FILE)
NEGATIVE_CLASSES = ("status-not-target", "other-drug", "biomarker", "background")


def _names(spec: str | list[str]) -> set[str]:
    return {fold(n) for n in ([spec] if isinstance(spec, str) else spec)}


def check(ex: Extractor, case: dict[str, Any]) -> list[str]:
    """What the reading of a case gets wrong: expected targets or relations missed, forbidden ones read."""
    out = ex.extract_one(Document("challenge", "challenge", case["text"], meta={})).to_contract()
    names = {e["id"]: {fold(n) for n in [e["name"], *e["aliases"]]} for e in out["entities"]}
    targets = [names[e["id"]] for e in out["entities"] if e["type"] == "TARGET"]
    pairs = [(names[r["subject"]], names[r["object"]]) for r in out["relations"] if r["type"] == "TARGETS"]

    def has_target(spec: str | list[str]) -> bool:
        return any(_names(spec) & t for t in targets)

    def has_pair(pair: list[Any]) -> bool:
        return any(fold(pair[0]) in s and _names(pair[1]) & o for s, o in pairs)

    problems = [f"missed TARGET {t}" for t in case["targets"] if not has_target(t)]
    problems += [f"missed TARGETS {p}" for p in case["targets_of"] if not has_pair(p)]
    problems += [f"wrong TARGET {t}" for t in case.get("absent", []) if has_target(t)]
    problems += [f"wrong TARGETS {p}" for p in case.get("absent_of", []) if has_pair(p)]
    return problems


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("case", case_params(CASES))
def test_target_case(ex: Extractor, case: dict[str, Any]) -> None:
    assert check(ex, case) == []


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class") and c["text"], c["id"]
        # every name is in the text (of a list of ways to write a target, one at least)
        specs = [*c["targets"], *c.get("absent", [])]
        specs += [s for p in c["targets_of"] + c.get("absent_of", []) for s in p]
        text = c["text"].lower()
        assert all(any(n.lower() in text for n in ([s] if isinstance(s, str) else s)) for s in specs), c["id"]
    # the negative twins: names that are no target of the release's compound
    classes = Counter(c["class"] for c in CASES)
    assert all(classes[cls] for cls in NEGATIVE_CLASSES), classes


if __name__ == "__main__":  # per class: cases, and cases that pass
    extractor = Extractor()
    wanted = set(sys.argv[1:])
    cases = [c for c in CASES if not wanted or c["id"] in wanted]
    report_by_class(cases, lambda c: "; ".join(check(extractor, c)))
