"""Invented texts: a drug described by its class noun with modifiers of any shape ("its once-weekly RSV
vaccine candidate", "the anti-CD38 humanized antibody") is the one compound the document names with that
class noun (in apposition or as predicate), before or after the description, where no compound named just
before is its antecedent; not where two compounds are named with the noun, and not when the noun phrase is
another thing (a platform, a programme)."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Orvanta Bio, Inc. reported positive results from a Phase 2 trial testing its once-weekly RSV "
            "vaccine candidate in older adults. Called OVB-414, the vaccine candidate was well tolerated.",
            ("ovb414", "Phase 2"),
        ),
        (
            "Orvanta Bio, Inc. said its intranasal RSV vaccine entered a Phase 3 study last month. "
            "Enrollment closed early. The vaccine, OVB-414, is given as a single dose.",
            ("ovb414", "Phase 3"),
        ),
        (
            "Orvanta Bio, Inc. licensed an anti-CD38 humanized antibody, OVB-414, from Kestrel Labs Ltd. "
            "Terms were not disclosed. Payment is due in March. Closing is expected soon. "
            "The anti-CD38 humanized antibody is in preclinical development.",
            ("ovb414", "Preclinical"),
        ),
        (
            "A first-in-human study of their subcutaneous IL-23 antibody began in May, Orvanta Bio, Inc. "
            "said. "
            "OVB-414 is a fully human antibody discovered in Basel.",
            ("ovb414", "Phase 1"),
        ),
    ],
)
def test_a_description_is_the_compound_named_with_its_class_noun(
    ex: Extractor, text: str, stage: tuple[str, str]
) -> None:
    assert stage in rels(run(ex, text), "IN_PHASE")


def test_a_trial_of_a_description_evaluates_the_compound(ex: Extractor) -> None:
    text = (
        "Orvanta Bio, Inc. said its dengue vaccine prevented infection in the SHIELD-4 trial. "
        "The vaccine, OVB-414, uses a recombinant protein."
    )
    assert ("shield4", "ovb414") in rels(run(ex, text), "EVALUATES")


def test_two_compounds_named_with_the_noun_leave_the_description_alone(ex: Extractor) -> None:
    text = (
        "Orvanta Bio, Inc. reported results from a Phase 2 trial of its RSV vaccine candidate. "
        "Called OVB-414, the vaccine candidate is given once. A second vaccine candidate, OVB-515, is "
        "in preclinical development."
    )
    assert ("ovb515", "Phase 2") not in rels(run(ex, text), "IN_PHASE")


def test_a_platform_described_by_the_noun_is_no_compound(ex: Extractor) -> None:
    text = (
        "Orvanta Bio, Inc. will use its RSV vaccine platform in a Phase 2 trial next year. "
        "The vaccine, OVB-414, is given once."
    )
    assert ("ovb414", "Phase 2") not in rels(run(ex, text), "IN_PHASE")
