"""The invented challenge set of names nobody listed (tests/extract/challenge/names.jsonl, issue 9): code
names of every modality (vaccines, RNA drugs, cell and gene therapies, peptides, enzymes: 'mRNA-5712',
'TVR-CoV2291', 'H-NK207', 'LQ40517'), INN stems of every modality (-cel, -gene ... -vec, -siran, -rsen, -tide,
-ase alfa), brand names with marks or before a generic, companies (legal names, lists, co-announcers, names
that are ordinary words, a filing's capitals), trial names (acronyms with a number, protocol codes), and the
words that are no such name (response criteria such as ACR20 or PASI 75, review programs, departments, a
filing's role words, techniques). Every company, code, brand and INN is made up; where a class can be
misread, a negative twin says what must not be read.

Case fields: ``id``, ``class`` (the phrasing class), ``text``, ``entities`` (type -> names that must be
entities of that type, as name or alias), ``absent`` (type -> names that must not be), ``gap`` (a known gap,
its reason: the case is expected to fail, strictly, so that a fix shows up).
``python tests/extract/test_challenge_names.py`` prints the cases that pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold

CASES_FILE = Path(__file__).resolve().parent / "challenge" / "names.jsonl"
CASES = load_cases(CASES_FILE)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def check(ex: Extractor, case: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(TYPE name the case expects and the reading misses, TYPE name read that the case forbids)."""
    out = ex.extract_one(Document("challenge", "challenge", case["text"], meta={})).to_contract()

    def found(typ: str) -> set[str]:
        return {fold(n) for e in out["entities"] if e["type"] == typ for n in [e["name"], *e["aliases"]]}

    missed = [f"{t} {n}" for t, ns in case["entities"].items() for n in ns if fold(n) not in found(t)]
    wrong = [f"{t} {n}" for t, ns in case["absent"].items() for n in ns if fold(n) in found(t)]
    return missed, wrong


@pytest.mark.parametrize("case", case_params(CASES))
def test_name_case(ex: Extractor, case: dict[str, Any]) -> None:
    missed, wrong = check(ex, case)
    assert not missed and not wrong, f"missed {missed}; wrongly read {wrong}"


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class") and c["text"], c["id"]
        for names in [*c["entities"].values(), *c["absent"].values()]:
            assert all(n.lower() in c["text"].lower() for n in names), c["id"]


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    extractor = Extractor()
    report_by_class(CASES, lambda c: missed_and_wrong(*check(extractor, c)), width=26)
