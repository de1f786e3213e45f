"""Invented sentences: a study's kind written in title case between its phase and the trial noun ("the Phase 2
Rollover Study", a headline's "Phase 1 Healthy Volunteer Study") is no trial name (shapes.json
trial_kind_words), while a title-case or all-capital name there is one and evaluates the compound; the
frequent frames of a trial's name keep their EVALUATES and IN_PHASE, and the all-capital words of a release
that are no trials (tickers, meetings, regulators, programmes, study kinds) stay out."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "phase"),
    [
        (
            "Corvana Therapeutics, Inc. posted data from its Phase 2 Rollover Study of CVT-118.",
            "Phase 2",
        ),
        (
            "Corvana Therapeutics, Inc. Doses First Subject in Phase 1 Healthy Volunteer Study of CVT-118",
            "Phase 1",
        ),
        (
            "Corvana Therapeutics, Inc. Completes Phase 2 Biomarker Trial of CVT-118 in Lupus Nephritis",
            "Phase 2",
        ),
        ("Corvana Therapeutics, Inc. Begins Phase 3 Immunogenicity Study of CVT-118", "Phase 3"),
        (
            "Corvana Therapeutics, Inc. expects data from the Phase 3 Withdrawal Trial of CVT-118 next year.",
            "Phase 3",
        ),
        (
            "Corvana Therapeutics, Inc. said the Phase 2 Subcutaneous Study of CVT-118 in lupus opened.",
            "Phase 2",
        ),
        ("Pellion Bio Starts Phase 3 Booster Study of PLB-7 in Adults", "Phase 3"),
        ("Pellion Bio Reports Phase 2 Mechanistic Study Results for PLB-7", "Phase 2"),
    ],
)
def test_a_study_kind_in_title_case_is_no_trial_name(ex: Extractor, text: str, phase: str) -> None:
    out = run(ex, text)
    assert names(out, "TRIAL") == set()
    assert rels(out, "EVALUATES") == set()
    assert any(value == phase for _, value in rels(out, "IN_PHASE"))


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        ("Corvana Therapeutics, Inc. said the Phase 3 Kestrel study of CVT-118 in lupus opened.", "kestrel"),
        (
            "Corvana Therapeutics, Inc. Reports Positive Data from Phase 3 Kestrel Trial of CVT-118 in Lupus",
            "kestrel",
        ),
        (
            "Corvana Therapeutics, Inc. said the Phase 2b Osprey-2 trial of CVT-118 in lupus opened.",
            "osprey2",
        ),
        # a kind word in capitals is a name: only title case marks the kind
        (
            "Corvana Therapeutics, Inc. dosed the first participant in the Phase 3 SWITCH trial of CVT-118.",
            "switch",
        ),
        (
            "Corvana Therapeutics, Inc. said the Phase 3 CHALLENGE study of CVT-118 in lupus is enrolling.",
            "challenge",
        ),
    ],
)
def test_a_name_between_phase_and_trial_noun_is_still_read(ex: Extractor, text: str, trial: str) -> None:
    out = run(ex, text)
    assert names(out, "TRIAL") == {trial}
    assert rels(out, "EVALUATES") == {(trial, "cvt118")}


@pytest.mark.parametrize(
    ("text", "trial", "phase"),
    [
        (
            "Pellion Bio announced that TIDEWATER-3, a Phase 3 trial of PLB-7 in gout, met its goal.",
            "tidewater3",
            "Phase 3",
        ),
        (
            "Pellion Bio dosed the first subject in the TIDEWATER Phase 2/3 trial of PLB-7 in gout.",
            "tidewater",
            "Phase 2/3",
        ),
        (
            "Pellion Bio dosed the first subject in the Phase 3 TIDEWATER study of PLB-7 in gout.",
            "tidewater",
            "Phase 3",
        ),
        ("Pellion Bio initiated Study 412, a Phase 3 trial of PLB-7 in gout.", "study412", "Phase 3"),
        ("Pellion Bio opened a Phase 2 study (NCT05550123) of PLB-7 in gout.", "nct05550123", "Phase 2"),
    ],
)
def test_frequent_frames_of_a_trial_name_evaluate_and_stage(
    ex: Extractor, text: str, trial: str, phase: str
) -> None:
    out = run(ex, text)
    assert trial in names(out, "TRIAL")
    assert (trial, "plb7") in rels(out, "EVALUATES")
    assert ("plb7", phase) in rels(out, "IN_PHASE")


def test_an_expanded_acronym_names_one_trial(ex: Extractor) -> None:
    out = run(
        ex,
        "Pellion Bio reported results of the TIDEWATER (Targeted Inflammation Damping With an Enzyme-Targeted"
        " Agent in Renal disease) trial of PLB-7.",
    )
    assert names(out, "TRIAL") == {"tidewater"}
    assert rels(out, "EVALUATES") == {("tidewater", "plb7")}


@pytest.mark.parametrize(
    "text",
    [
        "Corvana Therapeutics, Inc. (NYSE: CRVN) said its Phase 2 trial of CVT-118 in lupus opened.",
        "Corvana Therapeutics, Inc. will share CVT-118 results at EULAR from its Phase 2 study in lupus.",
        "Corvana Therapeutics, Inc. said the FDA agreed to the design of the Phase 3 study of CVT-118.",
        "Corvana Therapeutics, Inc. said its MERIDIAN program began a Phase 2 study of CVT-118 in lupus.",
        "Corvana Therapeutics, Inc. said the Pivotal study of CVT-118 in lupus met its endpoint.",
        "Corvana Therapeutics, Inc. said the Registrational study of CVT-118 in lupus began.",
        "Corvana Therapeutics, Inc. said the Phase 2 Extension Study of CVT-118 in lupus began.",
    ],
)
def test_capitalised_words_that_are_no_trials(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert names(out, "TRIAL") == set()
    assert rels(out, "EVALUATES") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Pellion Bio develops PLB-7 for gout. The PLB-7 study in gout began in March.",
        "Pellion Bio develops PLB-7 for gout. The Phase 2 PLB-7 trial in gout began in March.",
    ],
)
def test_a_compound_code_before_the_trial_noun_stays_the_compound(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert names(out, "TRIAL") == set()
    assert "plb7" in names(out, "COMPOUND")
