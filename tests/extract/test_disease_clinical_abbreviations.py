"""Standard clinical abbreviations of the disease lexicon (NCI Thesaurus synonyms), written undefined as
releases write them, on sentences written for these tests: each names its disease when a compound holds
it, and none makes a disease of a word no compound is developed for."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "disease"),
    [
        ("ZX-701 is being developed for the treatment of DMD patients amenable to exon skipping.", "DMD"),
        ("ZX-701 is designed to treat men with mCRPC after hormone therapy.", "mCRPC"),
        ("Kortex will test ZX-701 in adults with IgAN later this year.", "IgAN"),
        ("Kortex dosed the first patient with PNH in its Phase 1 study of ZX-701.", "PNH"),
        ("ZX-701 is an oral therapy for MASH, Kortex said.", "MASH"),
    ],
)
def test_a_standard_clinical_abbreviation_names_its_disease(ex: Extractor, text: str, disease: str) -> None:
    out = run(ex, text)
    assert fold(disease) in names(out, "DISEASE")
    assert len(rels(out, "INDICATION")) == 1


def test_an_abbreviation_no_compound_holds_gives_no_disease(ex: Extractor) -> None:
    out = run(ex, "ZX-701 is in Phase 1 for gout. Kortex is listed on the ALS exchange and the DMD index.")
    assert names(out, "DISEASE") == {fold("gout")}
