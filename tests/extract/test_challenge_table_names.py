"""The invented challenge set of drug-table names that are no product of a release
(tests/extract/challenge/table_names.jsonl, issue 9): sentences written the ways newswire releases mention a
substance measured in the body ("levels of nitric oxide", "dopamine and serotonin levels"), a vaccine
adjuvant, excipient or diluent ("an aluminum hydroxide adjuvant", "reconstituted with sterile water"), a drug
class ("anthracycline-based chemotherapy"), a person's or an institution's name holding a drug-table synonym
("Prof. Ron Dagan", "the Safra Children's Hospital"), assay reagents and foods; each class with positive
twins where the same word IS a compound of the release by ANNOTATION.md (a comparator or combination partner:
"compared with dopamine", "given with aluminum hydroxide"). Every company, code and person is made up.

Case fields: ``id``, ``class`` (the phrasing class), ``text``, ``compounds`` (names that must be COMPOUND
entities), ``absent`` (names that must not be), ``gap`` (a known gap, its reason: the case is expected to
fail, strictly, so that a fix shows up). ``python tests/extract/test_challenge_table_names.py`` prints the
cases that pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold

CASES_FILE = Path(__file__).resolve().parent / "challenge" / "table_names.jsonl"
CASES = load_cases(CASES_FILE)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def check(ex: Extractor, case: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(compounds the case expects and the reading misses, names read as compounds that the case forbids)."""
    out = ex.extract_one(Document("challenge", "challenge", case["text"], meta={})).to_contract()
    found = {fold(n) for e in out["entities"] if e["type"] == "COMPOUND" for n in [e["name"], *e["aliases"]]}
    missed = [n for n in case["compounds"] if fold(n) not in found]
    wrong = [n for n in case["absent"] if fold(n) in found]
    return missed, wrong


@pytest.mark.parametrize(
    "case",
    case_params(CASES),
)
def test_table_name_case(ex: Extractor, case: dict[str, Any]) -> None:
    missed, wrong = check(ex, case)
    assert not missed and not wrong, f"missed {missed}; wrongly read {wrong}"


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class") and c["text"], c["id"]
        assert not {fold(n) for n in c["compounds"]} & {fold(n) for n in c["absent"]}, c["id"]
        assert all(n.lower() in c["text"].lower() for n in c["compounds"] + c["absent"]), c["id"]
    # every class of false names has positive twins where the same kind of word is a compound
    classes = {c["class"] for c in CASES}
    for cls in ("measured-substance", "excipient", "drug-class", "person-name", "institution-name"):
        assert cls in classes and f"{cls}-twin" in classes, cls


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    extractor = Extractor()
    report_by_class(CASES, lambda c: missed_and_wrong(*check(extractor, c)), width=26)
