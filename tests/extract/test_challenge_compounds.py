"""The invented challenge set of COMPOUND reading (tests/extract/challenge/compounds.jsonl, issue 9), what the
names sweeps (names.jsonl, table_names.jsonl) lack: cell lines written with code shapes ('in NCI-H358 cells',
'MDA-MB-231 xenografts', 'the MV4-11 and MOLM-13 cell lines'), the organic counter-ion of a salt ('ibuprofen
lysine', 'perindopril arginine'), a brand before its generic written with a salt or dosage form ('Zorvex
(rosuvastatin zinc)', 'Daxomyn (dactinomycin for injection)'), the body's own substance as the object of an
effect verb ('lowered uric acid', 'restored glutathione', 'the effects of angiotensin II'), code names of
other shapes ('HXP 2395840', 'ABC-123a'), codes that name no product (registry, ticker, patent and form
numbers), capitals headlines, devices and platforms. Each class of false names has positive twins where the
same kind of word is a compound (a cell therapy's infused cells, a counter-ion given as a drug, a comparator).
Every company, code, brand and INN is made up.

Case fields: ``id``, ``class`` (the phrasing class), ``text``, ``compounds`` (names that must be COMPOUND
entities), ``absent`` (names that must not be), ``gap`` (a known gap, its reason: the case is expected to
fail, strictly, so that a fix shows up). ``python tests/extract/test_challenge_compounds.py`` prints the
cases that pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class

# the same case fields (compounds that must be read, names that must not) and the same whole-pipeline check
from test_challenge_table_names import check

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold

CASES_FILE = Path(__file__).resolve().parent / "challenge" / "compounds.jsonl"
CASES = load_cases(CASES_FILE)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "case",
    case_params(CASES),
)
def test_compound_case(ex: Extractor, case: dict[str, Any]) -> None:
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
    for cls in ("cell-line", "salt-counterion", "effect-object", "brand-generic-form"):
        assert cls in classes and f"{cls}-twin" in classes, cls


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    extractor = Extractor()
    report_by_class(CASES, lambda c: missed_and_wrong(*check(extractor, c)), width=26)
