"""Targets of the gene and protein tables named by more words of a drug's action on them: an antibody that
neutralizes X, a molecule that suppresses X ("suppression of X", "X-suppressing compounds"), an RNA drug that
lowers the production of "a protein called X", the base form after "to" ("designed to silence X"), an adverb
before "to" ("binds selectively to X"), "a degrader/blocker of X", and the drug nouns activator, potentiator,
corrector and stabilizer ("a CFTR corrector", "a stabilizer of X"). The TARGETS cue words say the same.
Sentences invented for these tests (fictional companies and drugs), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Velmora Bio's VB-310 is a humanized antibody that neutralizes interleukin-13 and is in "
            "Phase 2 for atopic dermatitis.",
            ("vb310", "interleukin13"),
        ),
        (
            "Neutralising IL-17A, the monoclonal antibody KT-88 entered Phase 1 in psoriasis.",
            ("kt88", "il17a"),
        ),
        (
            "Orvane Therapeutics reported that OT-5, an oral molecule, suppresses BCL6 in lymphoma.",
            ("ot5", "bcl6"),
        ),
        ("Dosing of QM-71 gave lasting suppression of MCL1 in every cohort.", ("qm71", "mcl1")),
        ("Parrow Labs leads the field of BCL2-suppressing drugs with PL-808.", ("pl808", "bcl2")),
        (
            "RN-22 is an siRNA designed to lower the production of the protein known as apolipoprotein C3.",
            ("rn22", "apolipoproteinc3"),
        ),
        (
            "Injected monthly, AS-915 reduces the production of a protein called angiotensinogen.",
            ("as915", "angiotensinogen"),
        ),
        (
            "Tessary Pharma's TP-904 belongs to a class of BRD4-degrading compounds for leukemia.",
            ("tp904", "brd4"),
        ),
    ],
)
def test_action_verbs_name_the_target(ex, text, pair):
    out = run(ex, text)
    assert pair[1] in names(out, "TARGET")
    assert pair in rels(out, "TARGETS")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("RN-41 is an siRNA designed to silence PCSK9 in the liver.", ("rn41", "pcsk9")),
        ("Built to degrade BRD9, KD-12 entered the clinic for synovial sarcoma.", ("kd12", "brd9")),
        ("ZB-5 is an oral small molecule that activates glucokinase.", ("zb5", "glucokinase")),
        ("Tarsen's TS-66 binds selectively to TIGIT on T cells.", ("ts66", "tigit")),
        ("KD-30 is an oral degrader of BTK for lymphoma.", ("kd30", "btk")),
        ("NX-508 is a potent blocker of Nav1.8 for acute pain.", ("nx508", "nav18")),
    ],
)
def test_base_forms_adverbs_and_nouns_of_action(ex, text, pair):
    out = run(ex, text)
    assert pair in rels(out, "TARGETS")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("DQ-17, an oral glucokinase activator, is in Phase 2 for diabetes.", ("dq17", "glucokinase")),
        ("Corvale's CV-221 is a CFTR corrector in Phase 1.", ("cv221", "cftr")),
        ("Ambrel's AB-603, a CFTR potentiator, is approved.", ("ab603", "cftr")),
        (
            "LX-40 is a selective stabilizer of transthyretin in Phase 3 for amyloidosis.",
            ("lx40", "transthyretin"),
        ),
    ],
)
def test_activator_potentiator_corrector_stabilizer_nouns(ex, text, pair):
    out = run(ex, text)
    assert pair[1] in names(out, "TARGET")
    assert pair in rels(out, "TARGETS")


@pytest.mark.parametrize(
    "text",
    [
        "The vaccine candidate ZV-19 induced neutralizing antibody titers against the virus in most adults.",
        "ZB-31 led to suppression of tumor growth in mice, and IL-6 levels fell in some patients.",
        "Patients in the ZB-32 study had high MCL1 expression and reduced angiotensinogen levels.",
    ],
)
def test_effects_and_biomarkers_are_no_targets(ex, text):
    out = run(ex, text)
    assert not names(out, "TARGET")
    assert not rels(out, "TARGETS")
