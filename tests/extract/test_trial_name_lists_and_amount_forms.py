"""On invented sentences: trial names listed in parentheses after a plural trial noun ("two Phase 3 trials
(ORBIT-1 and ORBIT-2)") or before a plural trial apposition ("ORBIT-1 and ORBIT-2, two Phase 3 trials") are
trials, not compounds; a hyphenated amount ("$400-million") keeps its scale; a sum after a fronted
conditional clause ("and, if it exercises its option, a fee of $30 million") is contingent."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        ("The Phase 3 trials (ORBIT-1 and ORBIT-2) evaluated zelnotinib in gout.", {"orbit1", "orbit2"}),
        (
            "Zelnotinib is studied in ORBIT-1, ORBIT-2 and ORBIT-3, three Phase 3 trials.",
            {"orbit1", "orbit2", "orbit3"},
        ),
        ("Zelnotinib was tested in ORBIT and ZENITH, the two pivotal Phase 3 studies.", {"orbit", "zenith"}),
    ],
)
def test_listed_trial_names_are_trials_of_the_compound(ex: Extractor, text: str, trials: set[str]) -> None:
    out = run(ex, text)
    assert trials <= names(out, "TRIAL")
    assert not trials & names(out, "COMPOUND")
    assert rels(out, "EVALUATES") == {(t, "zelnotinib") for t in trials}
    assert rels(out, "IN_PHASE") == {("zelnotinib", "Phase 3")}


def test_listed_code_names_before_a_drug_apposition_stay_compounds(ex: Extractor) -> None:
    out = run(ex, "Helix tests ZB-101 and ZB-202, two antibodies, in Phase 1 studies.")
    assert {"zb101", "zb202"} <= names(out, "COMPOUND")


def _payments(out: dict) -> list[float]:
    return sorted(float(r["value"]) for r in out["relations"] if r["type"] == "PAYMENT")


def test_a_hyphenated_amount_keeps_its_scale(ex: Extractor) -> None:
    out = run(ex, "Helix Pharma Inc. will make a $400-million up-front payment to Tessera Bio Inc.")
    assert _payments(out) == [400_000_000.0]


def test_a_range_is_not_read_as_a_hyphenated_amount(ex: Extractor) -> None:
    out = run(ex, "Helix Pharma Inc. will pay Tessera Bio Inc. $25 million upfront.")
    assert _payments(out) == [25_000_000.0]


def test_a_sum_after_a_fronted_condition_is_contingent(ex: Extractor) -> None:
    text = (
        "Tessera Bio Inc. will receive an upfront payment of $20 million from Helix Pharma Inc. and, "
        "if Helix Pharma Inc. exercises its option, an option exercise fee of $30 million."
    )
    out = run(ex, text)
    assert _payments(out) == [20_000_000.0]
    assert [float(r["value"]) for r in out["contingent_payments"]] == [30_000_000.0]
