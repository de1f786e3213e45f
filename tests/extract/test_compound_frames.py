"""Codes the other shapes do not read (a digit in them, or capitals joined by hyphens), found by the
frame that names a product: its owner before a product noun, the product noun before it, a stage copula,
a trial of it (shapes.json compound_frame_*), on invented sentences; virus strains, valencies, targets,
'anti-X', a target before a modality ('EGFR-TKI'), isotypes, a word with a version number and disease
names in the same frames stay no compound."""

from __future__ import annotations

import pytest
from contract_view import names, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Orbital Bio, Inc. said its hX4D7 antibody shrank xenografts in rats.", "hX4D7"),
        ("Helix Pharmaceuticals Ltd. presented Helix's QuoPep19 vaccine at a congress in Lyon.", "QuoPep19"),
        ("Orbital Bio, Inc. will dose its Flu-V-Gen nasal vaccine next winter.", "Flu-V-Gen"),
        ("Orbital Bio, Inc. described the antibody hX4D7, which binds a novel epitope.", "hX4D7"),
        ("QuoPep19 remains in Phase 2 studies for lupus, Helix Pharmaceuticals Ltd. said.", "QuoPep19"),
        (
            "Orbital Bio, Inc. opened a Phase 1 study of TRX-KRAS in adults with pancreatic cancer.",
            "TRX-KRAS",
        ),
    ],
)
def test_a_code_in_a_product_frame_is_a_compound(ex: Extractor, text: str, name: str) -> None:
    assert fold(name) in names(run(ex, text), "COMPOUND")


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Bio, Inc. said its H5N1 vaccine protected ferrets.",
        "Orbital Bio, Inc. said its COVID-19 vaccine protected hamsters.",
        "Orbital Bio, Inc. said its 13-valent pneumococcal vaccine met its endpoint.",
        "Orbital Bio, Inc. said its CD19 CAR-T therapy was well tolerated.",
        "Orbital Bio, Inc. said our anti-QL7 antibody was well tolerated.",
        "Orbital Bio, Inc. expects its MRK-NET therapy research field to grow.",
        "A Phase 3 study of COVID-19 patients began in Osaka.",
        "Orbital Bio, Inc. said its EGFR-TKI therapy was well tolerated.",
        "Orbital Bio, Inc. said their BCMA-CAR cells expanded in every patient.",
        "Orbital Bio, Inc. said its RSV-F vaccine protected infants.",
        "Orbital Bio, Inc. said its US-EU drug candidates advanced.",
        "Orbital Bio, Inc. said its IgG4 antibody was well tolerated.",
        "Orbital Bio, Inc. said its D2 partial agonist was well tolerated.",
        "Orbital Bio, Inc. said its Gen2 vaccine was well tolerated.",
        "Orbital Bio, Inc. said its T1D vaccine was well tolerated.",
        "Orbital Bio, Inc. began a study of HbA1c in 300 adults.",
        "Orbital Bio, Inc. said the trial of RSV-A and RSV-B vaccines began.",
    ],
)
def test_strains_targets_and_classes_in_the_frames_are_no_compounds(ex: Extractor, text: str) -> None:
    assert not names(run(ex, text), "COMPOUND")


@pytest.mark.parametrize(
    "text",
    [
        "Tessaline Ltd reported that their Month-18 therapy was safe.",
        "Tessaline Ltd said its Cycle-12 antibody was given weekly.",
        "Tessaline Ltd said its Cohort-10 vaccine caused no fever.",
        "Tessaline Ltd said the Strain-K7 vaccine it makes protected mice; its Lot-22 vaccine did too.",
        "Tessaline Ltd listed its Q2-2027 development candidates and its H2-2026 clinical candidates.",
    ],
)
def test_labels_of_timing_and_study_structure_in_the_frames_are_no_compounds(
    ex: Extractor, text: str
) -> None:
    assert not names(run(ex, text), "COMPOUND")


def test_a_coined_word_code_in_a_frame_stays_a_compound(ex: Extractor) -> None:
    assert "morvax31" in names(
        run(ex, "Tessaline Ltd said its Morvax-31 vaccine entered Phase 1."), "COMPOUND"
    )
