"""Two disease names joined by a word that makes the second the cause of the first name one disease, the
second an alias (annotation Conventions: "X secondary to Y"), on sentences written for these tests."""

from __future__ import annotations

import pytest
from contract_view import groups, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def diseases(ex: Extractor, text: str) -> list[set[str]]:
    return groups(run(ex, text), "DISEASE")


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("ZB-12 is approved for anemia due to chronic kidney disease.", "chronic kidney disease"),
        ("KT-5 is in Phase 2 for cognitive impairment due to Alzheimer's disease.", "Alzheimer's disease"),
        ("ZB-12 is a gene therapy for blindness caused by retinal dystrophy.", "retinal dystrophy"),
    ],
)
def test_a_disease_due_to_or_caused_by_another_is_one_disease(ex: Extractor, text: str, cause: str) -> None:
    found = diseases(ex, text)
    assert len(found) == 1 and fold(cause) in found[0]


def test_a_cause_that_is_no_disease_joins_nothing(ex: Extractor) -> None:
    found = diseases(ex, "ZB-12 is approved for gout; discontinuations due to nausea were rare.")
    assert found == [{"gout"}]
