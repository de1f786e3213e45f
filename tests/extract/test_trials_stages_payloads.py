"""Trials, what they evaluate, stages and conjugate payloads in their usual phrasings (issue 9): sentences
invented for these tests (fictional companies, drugs and trials), whole pipeline."""

from __future__ import annotations

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def run(ex: Extractor, text: str) -> dict:
    return ex.extract_one(Document("t", "t", text, meta={})).to_contract()


def groups(out: dict, typ: str) -> list[set[str]]:
    """The folded name sets of each entity of a type."""
    return [{fold(n) for n in [e["name"], *e["aliases"]]} for e in out["entities"] if e["type"] == typ]


def names(out: dict, typ: str) -> set[str]:
    return {n for g in groups(out, typ) for n in g}


def rels(out: dict, rtype: str) -> set[tuple[str, str]]:
    """(subject name, object name or value) of the relations of a type, names folded."""
    by_id = {e["id"]: fold(e["name"]) for e in out["entities"]}
    return {
        (by_id[r["subject"]], by_id.get(r.get("object") or "", str(r.get("value"))))
        for r in out["relations"]
        if r["type"] == rtype
    }


# ---------------------------------------------------------------- trial names and their boundaries
def test_coordinated_trial_names_are_each_a_trial(ex):
    out = run(ex, "Helix reported data from the ORBIT-1 and ORBIT-2 Phase 3 trials of ZB-12 in asthma.")
    assert {"orbit1", "orbit2"} <= names(out, "TRIAL")
    assert {("orbit1", "zb12"), ("orbit2", "zb12")} <= rels(out, "EVALUATES")
    out = run(ex, "The ZENITH, NADIR and APEX studies evaluated talbumab in psoriasis.")
    assert {"zenith", "nadir", "apex"} <= names(out, "TRIAL")


def test_trial_said_to_be_a_study_with_comma_modifiers(ex):
    out = run(
        ex,
        "KESTREL is a global Phase 3, randomized, double-blind, placebo-controlled study evaluating ZB-12 in "
        "adults with asthma.",
    )
    assert "kestrel" in names(out, "TRIAL")
    assert ("kestrel", "zb12") in rels(out, "EVALUATES")


def test_trial_appositive_with_comma_modifiers(ex):
    out = run(
        ex, "Results from CASTLE, a Phase 3, randomized, open-label study, showed that talbumab worked."
    )
    assert "castle" in names(out, "TRIAL")


def test_trial_called_or_set_off_after_the_trial_noun(ex):
    out = run(ex, "Helix started a Phase 3 trial, called ORBIT, of ZB-12 in asthma.")
    assert ("orbit", "zb12") in rels(out, "EVALUATES")
    out = run(ex, "The study, known as PINNACLE, is testing ZB-12 in gout.")
    assert "pinnacle" in names(out, "TRIAL")
    out = run(ex, "Helix completed enrollment in its pivotal Phase 3 clinical trial, REVERB, of talbumab.")
    assert ("reverb", "talbumab") in rels(out, "EVALUATES")


def test_trial_name_in_parentheses_with_a_number_or_in_quotes(ex):
    out = run(ex, "The first patient was dosed in the Phase 2 trial (ORBIT-2) of ZB-12.")
    assert "orbit2" in names(out, "TRIAL")
    assert "orbit2" not in names(out, "COMPOUND")
    out = run(ex, "The Phase 3 'HORIZON' trial enrolled 300 patients with ZB-12.")
    assert "horizon" in names(out, "TRIAL")


def test_registry_number_of_a_named_trial_is_its_alias(ex):
    out = run(ex, "The ZENITH (NCT04412345) study enrolled 120 patients treated with ZB-12.")
    assert {"zenith", "nct04412345"} in groups(out, "TRIAL")
    out = run(ex, "Helix began the NOVA Phase 1/2 study (NCT04567890) of talbumab.")
    assert {"nova", "nct04567890"} in groups(out, "TRIAL")
    assert len(groups(out, "TRIAL")) == 1


def test_study_named_by_a_protocol_code(ex):
    out = run(ex, "The trial (Study HLX-101-003) evaluates ZB-12 in healthy volunteers.")
    assert "studyhlx101003" in names(out, "TRIAL")


def test_compared_drug_is_no_evaluated_compound(ex):
    out = run(ex, "The CodeBreak 200 study compared talbumab with docetaxel in lung cancer.")
    assert ("codebreak200", "talbumab") in rels(out, "EVALUATES")
    assert ("codebreak200", "docetaxel") not in rels(out, "EVALUATES")


def test_capitalised_words_of_a_sentence_are_no_trial(ex):
    out = run(
        ex, "In the Phase 3 trial, ZB-12, an oral kinase inhibitor, reduced flares. FDA is a regulator."
    )
    assert not names(out, "TRIAL")
