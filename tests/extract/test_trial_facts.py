"""Facts said of a named trial in a sentence that names no compound go to the one compound the trial
evaluates, also when a later sentence says which compound that is (relations/trial_facts.py). Sentences
invented for these tests (fictional companies, trials and drugs), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_trial_described_before_its_drug_is_named_gives_it_target_and_disease(ex):
    out = run(
        ex,
        "Helix Bio today announced that the first patient was dosed in ORBIT-1, a trial of its anti-CD38 "
        "antibody in multiple myeloma. ORBIT-1 is a Phase 2 study evaluating ZB-12 in 120 patients.",
    )
    assert ("zb12", "cd38") in rels(out, "TARGETS")
    assert ("zb12", "multiplemyeloma") in rels(out, "INDICATION")


def test_a_trial_of_two_drugs_gives_neither_the_target(ex):
    out = run(
        ex,
        "Helix Bio today announced that the first patient was dosed in ORBIT-1, a trial of its anti-CD38 "
        "antibody. ORBIT-1 is a Phase 2 study evaluating ZB-12 and ZB-14 in 120 patients.",
    )
    assert not rels(out, "TARGETS")


def test_a_trial_that_evaluates_no_named_drug_gives_nothing(ex):
    out = run(
        ex,
        "Helix Bio develops ZB-12 for lupus. Separately, the ORBIT-1 trial is testing an anti-CD38 "
        "antibody in multiple myeloma.",
    )
    assert ("zb12", "cd38") not in rels(out, "TARGETS")
