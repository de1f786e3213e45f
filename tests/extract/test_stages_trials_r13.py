"""Session-13 reading of stages and trials (issue 9, r13-stages) on invented sentences: a stage in a
relative clause belongs to the name before "which is", "of" introduces a trial's drug only right after the
trial noun, the control arm of physician's choice holds comparators, and a drug named again as the control
does not count as the release's own drug in "X plus Y compared to Y alone"."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_stage_in_a_relative_clause_is_the_named_partner_s(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-14 is being tested in combination with Tecentriq (atezolizumab), which is approved for "
        "bladder cancer.",
    )
    assert ("zb14", "Approved") not in rels(out, "IN_PHASE")
    own = run(ex, "Helix Pharmaceuticals acquired ZB-12, which is in Phase 2 development for gout.")
    assert rels(own, "IN_PHASE") == {("zb12", "Phase 2")}


def test_of_after_a_non_trial_noun_introduces_no_evaluated_drug(ex: Extractor) -> None:
    out = run(
        ex,
        "In the ORBIT study, patients were randomized 2:1 to receive ZB-12 or treatment of physician's "
        "choice (capecitabine, eribulin or vinorelbine).",
    )
    assert rels(out, "EVALUATES") == {("orbit", "zb12")}


def test_drugs_of_physicians_choice_are_comparators(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 was compared with treatment of physician's choice (capecitabine or eribulin) in the Phase 3 "
        "ORBIT trial.",
    )
    assert rels(out, "EVALUATES") == {("orbit", "zb12")}
    assert rels(out, "IN_PHASE") == {("zb12", "Phase 3")}


def test_the_control_arm_drug_is_the_partner_of_plus(ex: Extractor) -> None:
    out = run(
        ex,
        "The Phase 3 ORBIT trial is evaluating ZB-12 plus docetaxel compared to docetaxel alone in "
        "lung cancer.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "Phase 3")}
    assert rels(out, "EVALUATES") == {("orbit", "zb12")}
