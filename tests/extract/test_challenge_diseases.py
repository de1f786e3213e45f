"""The invented challenge set of disease names (tests/extract/challenge/diseases.jsonl, issue 9): short
sentences naming a made-up compound code and a real disease, across therapy classes (oncology names with
biomarker, line, stage and resistance modifiers and their abbreviations; rare genetic and metabolic diseases;
ophthalmic; infections for vaccines and anti-infectives; immunology and dermatology; CNS and psychiatry;
cardio-metabolic), in varied frames ("for the treatment of", "in patients with", "X patients", headlines;
class ``frame``: effect verbs in either tense, dosage forms, "the signs and symptoms of", "<disease> is the
lead indication"; class ``indication-link``: a drug-table name describing the named compound, "ZB-1 is an oral
carbapenem for <disease>"; ``indication-list``, ``indication-neighbour``: lists, neighbouring sentences),
and negative twins by ANNOTATION.md's Conventions: a therapy area, a symptom or side effect, a disease named
only as background (market talk: "the global psoriasis market") is no DISEASE.

Case fields: ``id``, ``class``, ``text``; ``diseases``: the DISEASE entities expected, each [longest stated
form, aliases...] (found when a read DISEASE shares a folded name with it, as score.py matches);
``indication``: the compound whose INDICATION to each expected disease must be read; ``absent``: names
that must not be DISEASE; ``gap``: a known miss (strict xfail).
``python tests/extract/test_challenge_diseases.py`` prints the cases that pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, report_by_class

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold

CASES_FILE = Path(__file__).resolve().parent / "challenge" / "diseases.jsonl"
CASES = load_cases(CASES_FILE)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def check(ex: Extractor, case: dict[str, Any]) -> list[str]:
    """What the reading gets wrong in a case: diseases missed, INDICATIONs missed, names wrongly read."""
    out = ex.extract_one(Document("challenge", "challenge", case["text"], meta={})).to_contract()
    ents = {e["id"]: e for e in out["entities"]}
    names = {i: {fold(n) for n in [e["name"], *e["aliases"]]} for i, e in ents.items()}
    diseases = [i for i, e in ents.items() if e["type"] == "DISEASE"]
    compound = fold(case.get("indication") or "")
    indicated = {
        r["object"]
        for r in out["relations"]
        if r["type"] == "INDICATION" and compound in names.get(r["subject"], set())
    }
    wrong = []
    for group in case["diseases"]:
        want = {fold(n) for n in group}
        hits = [i for i in diseases if names[i] & want]
        if not hits:
            wrong.append(f"missed DISEASE {group[0]!r}")
        elif compound and not set(hits) & indicated:
            wrong.append(f"missed INDICATION {case['indication']} -> {group[0]!r}")
    for n in case.get("absent", []):
        if any(fold(n) in names[i] for i in diseases):
            wrong.append(f"wrongly read DISEASE {n!r}")
    return wrong


@pytest.mark.parametrize("case", case_params(CASES))
def test_disease_case(ex: Extractor, case: dict[str, Any]) -> None:
    wrong = check(ex, case)
    assert not wrong, "; ".join(wrong)


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 150
    for c in CASES:
        assert c.get("class") and c["text"], c["id"]
        assert bool(c["diseases"]) == bool(c.get("indication")), c["id"]
        assert c["diseases"] or c.get("absent"), c["id"]
        names = [n for g in c["diseases"] for n in g] + c.get("absent", [])
        assert all(n.lower() in c["text"].lower() for n in names), c["id"]
        assert c.get("indication", "").lower() in c["text"].lower(), c["id"]
    # each therapy class has negative twins of each kind
    classes = {c["class"] for c in CASES}
    for cls in ("neg-area", "neg-symptom", "neg-background"):
        assert cls in classes, cls


if __name__ == "__main__":  # per class: cases, and cases that pass
    extractor = Extractor()
    report_by_class(CASES, lambda c: "; ".join(check(extractor, c)), width=18)
