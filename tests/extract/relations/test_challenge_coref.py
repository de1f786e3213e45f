"""The invented coreference challenge set (tests/extract/challenge/coref.jsonl): a fact stated about a
compound in a sentence that names it only by a description or pronoun ("The drug is in Phase 2 for X",
"The vaccine candidate is being evaluated in ...", "This investigational siRNA", "It was approved in",
"Both programs are in Phase 1", the headline's compound carried into "The BLA seeks approval for X"), across
modalities and description nouns, with negative twins: two compounds before a singular description (which
one is meant is not said), a description of a class or of another company's drug ("PD-1 inhibitors have
..."), a description of another modality than the compound named, "the trial" or "the company" (no drug),
a plural for one compound, a description far from any compound.

The cases run as the relation challenge set runs them (entities given; see test_challenge_relations.py).
Case fields as there, plus ``class``. ``python tests/extract/relations/test_challenge_coref.py`` prints the
cases that pass per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class
from test_challenge_relations import check

CASES_FILE = Path(__file__).resolve().parent.parent / "challenge" / "coref.jsonl"
CASES = load_cases(CASES_FILE)


@pytest.mark.parametrize("case", case_params(CASES))
def test_coref_case(case: dict[str, Any]) -> None:
    missed, wrong = check(case)
    assert not missed and not wrong, (
        f"missed {sorted(missed, key=str)}; wrongly found {sorted(wrong, key=str)}"
    )


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 120
    for c in CASES:
        assert c.get("class") and c["text"] and (c["facts"] or c.get("absent")), c["id"]
        names = {n for groups in c["entities"].values() for g in groups for n in g}
        assert all(n in c["text"] for n in names), c["id"]
    assert any(c["class"].startswith("neg-") for c in CASES)


if __name__ == "__main__":  # per class: cases, and cases that pass
    report_by_class(CASES, lambda c: missed_and_wrong(*check(c)))
