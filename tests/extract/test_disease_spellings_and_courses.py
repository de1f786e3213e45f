"""Disease names as releases spell and bound them (annotation Conventions), on sentences written for these
tests: a Greek letter where MeSH writes its name, the course or onset written before a MeSH name, and two
diseases joined by a word that makes one the cause of the other."""

from __future__ import annotations

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def read(ex: Extractor, text: str) -> dict[str, object]:
    return ex.extract_one(Document("t", "t", text, meta={})).to_contract()


def diseases(ex: Extractor, text: str) -> list[set[str]]:
    out = read(ex, text)
    return [{fold(n) for n in [e["name"], *e["aliases"]]} for e in out["entities"] if e["type"] == "DISEASE"]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        (
            "Helix offers ZB-12 to patients with transfusion-dependent \u03b2-thalassemia.",
            "\u03b2-thalassemia",
        ),
        ("KT-5 is in a Phase 2 study in patients with \u03b1-mannosidosis.", "\u03b1-mannosidosis"),
    ],
)
def test_a_greek_letter_spells_the_word_of_a_mesh_name(ex: Extractor, text: str, form: str) -> None:
    found = diseases(ex, text)
    assert len(found) == 1 and fold(form) in found[0]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("ZB-12 is approved for the treatment of acute hepatic porphyria.", "acute hepatic porphyria"),
        ("KT-5 is being tested in adults with relapsing multiple sclerosis.", "relapsing multiple sclerosis"),
        ("Helix develops ZB-12 for patients with early Alzheimer's disease.", "early Alzheimer's disease"),
        (
            "KT-5 is studied in patients with hospital-acquired bacterial pneumonia.",
            "hospital-acquired bacterial pneumonia",
        ),
    ],
)
def test_a_course_or_onset_word_before_a_mesh_name_is_kept_in_an_alias(
    ex: Extractor, text: str, form: str
) -> None:
    found = diseases(ex, text)
    assert len(found) == 1 and fold(form) in found[0]
