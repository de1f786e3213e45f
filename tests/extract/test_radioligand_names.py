"""Radioligands named by their isotope and a code or a word of capitals, written with a space after the
isotope or with the isotope symbol first (shapes.json compound_radioligand and
compound_radioligand_symbol_first). Sentences invented for these tests (fictional companies and drugs),
whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor

_DOSED = "Helix Bio, Inc. dosed the first patient in its Phase 2 trial of"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "compound"),
    [
        (f"{_DOSED} 177Lu HX-617 in prostate cancer.", "177luhx617"),
        (f"{_DOSED} 225Ac ZELOTATE in lung cancer.", "225aczelotate"),
        (f"{_DOSED} Lu-177 HX-617 in prostate cancer.", "lu177hx617"),
        (f"{_DOSED} Ac-225-HX-618 in lung cancer.", "ac225hx618"),
        (f"{_DOSED} 177Lu-ZELOTATE in lung cancer.", "177luzelotate"),
    ],
)
def test_a_radioligand_is_named_with_its_isotope(ex, text, compound) -> None:
    out = run(ex, text)
    assert compound in names(out, "COMPOUND")
    assert (compound, "helixbio") in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Bio, Inc. secured its Lu-177 supply from Zenova AG.",
        "Helix Bio, Inc. expects 177Lu therapy to grow in prostate cancer.",
        "Helix Bio, Inc. began a study of 177Lu PSMA radioligands.",
    ],
)
def test_an_isotope_before_a_common_word_names_no_radioligand(ex, text) -> None:
    out = run(ex, text)
    assert not any(n.startswith(("177lu", "lu177")) for n in names(out, "COMPOUND"))
