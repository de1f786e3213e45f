"""Reading cues of session 8 (r10-readB), each on invented sentences with fictional names: the announcer of a
lead sentence without a legal suffix, and spaced sponsor codes with four digits or in parentheses."""

from __future__ import annotations

from typing import Any

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _read(ex: Extractor, text: str) -> tuple[dict[str, set[str]], set[tuple[str, str, str]]]:
    """Entities as {TYPE: folded names} and relations as (TYPE, subject name, object name or value)."""
    out: dict[str, Any] = ex.extract_one(Document("r10b", "r10b", text, meta={})).to_contract()
    names = {e["id"]: e["name"] for e in out["entities"]}
    types: dict[str, set[str]] = {}
    for e in out["entities"]:
        types.setdefault(e["type"], set()).update(fold(n) for n in [e["name"], *e["aliases"]])
    facts = {
        (r["type"], fold(names[r["subject"]]), fold(names.get(r.get("object"), str(r.get("value")))))
        for r in out["relations"]
    }
    return types, facts


@pytest.mark.parametrize(
    ("text", "company", "compound"),
    [
        (
            "Helix Antibody Technology today announced that it has started a Phase 1 trial of ZB-12, a human "
            "anti-IL-13 antibody, in severe asthma.",
            "Helix Antibody Technology",
            "ZB-12",
        ),
        (
            "Corvane Gene Therapy announced today that it has dosed the first patient in its Phase 1 trial "
            "of CV-301.",
            "Corvane Gene Therapy",
            "CV-301",
        ),
        (
            "US biotech firm Corvane said Thursday it was starting a Phase 3 trial of its vaccine CV-2373.",
            "Corvane",
            "CV-2373",
        ),
        (
            "Oncology drug developer Talmera said on Monday that its TLM-7 met its main goal.",
            "Talmera",
            "TLM-7",
        ),
    ],
)
def test_lead_subject_is_the_announcing_company(
    ex: Extractor, text: str, company: str, compound: str
) -> None:
    types, facts = _read(ex, text)
    assert fold(company) in types.get("COMPANY", set())
    assert ("DEVELOPED_BY", fold(compound), fold(company)) in facts


@pytest.mark.parametrize(
    "text",
    [
        "The Company today announced results of its Phase 2 trial of ZB-12.",
        "Northfield University today announced a study of ZB-12.",
        "Phase Three Results today announced by the sponsor were positive for ZB-12.",
    ],
)
def test_lead_subject_needs_a_company_name(ex: Extractor, text: str) -> None:
    types, _facts = _read(ex, text)
    assert not types.get("COMPANY")


def test_spaced_codes_with_four_digits_or_in_parentheses(ex: Extractor) -> None:
    types, facts = _read(
        ex,
        "Helix Pharmaceuticals said ZBX 1342, its bispecific antibody, is in a Phase 1 trial for multiple "
        "myeloma. Talbumab (ZB 197) is an oral inhibitor of c-Met developed by Helix Pharmaceuticals.",
    )
    assert {fold("ZBX 1342"), fold("ZB 197")} <= types["COMPOUND"]
    assert ("IN_PHASE", fold("ZBX 1342"), fold("Phase 1")) in facts


@pytest.mark.parametrize(
    "text",
    [
        "Helix presented the data at ASCO 2019 in Chicago.",
        "The fee of EUR 1500 was paid in 2021.",
        "The plant is certified to ISO 9001 since 2015.",
    ],
)
def test_spaced_numbers_that_are_no_codes(ex: Extractor, text: str) -> None:
    types, _facts = _read(ex, text)
    assert not types.get("COMPOUND")
