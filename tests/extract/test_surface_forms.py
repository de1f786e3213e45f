"""Typographic variants read as the plain character, with every offset kept (invented sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.ingest import read_document
from pharmakg.ingest.surface_forms import SurfaceForms, reading_text
from pharmakg.model import Document
from pharmakg.names import fold

NB_HYPHEN = "\u2011"
EN_DASH = "\u2013"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_reading_text_folds_hyphen_variants_and_keeps_the_length() -> None:
    text = f"ZB{NB_HYPHEN}12 and HX{EN_DASH}4 treat BRAF{EN_DASH}mutant cancer {EN_DASH} a first."
    read = reading_text(text)
    assert read == "ZB-12 and HX-4 treat BRAF-mutant cancer – a first."  # a spaced en dash keeps its sense
    assert len(read) == len(text)
    assert reading_text("no variant here") == "no variant here"


def test_a_fold_must_replace_one_character_by_one() -> None:
    with pytest.raises(ValueError, match="one character"):
        SurfaceForms({"(R)": "®"}, {})


@pytest.mark.parametrize("dash", [NB_HYPHEN, EN_DASH, "\u2010"])
def test_code_name_with_a_hyphen_variant_is_the_same_compound(ex: Extractor, dash: str) -> None:
    text = (
        f"Helix Pharmaceuticals today announced that ZB{dash}12, its antibody-drug conjugate targeting "
        f"CD98, entered a Phase 1 study in ovarian cancer."
    )
    x = ex.extract_one(Document("t", "t", text, meta={}))
    compounds = [e for e in x.entities if e.type == "COMPOUND"]
    assert [fold(e.name) for e in compounds] == ["zb12"]
    # provenance quotes the document as it is: mention texts and evidence slice the original text
    for m in compounds[0].mentions:
        assert m.text == text[m.start : m.end] and dash in m.text
    targets = {(r.type, r.subject) for r in x.relations}
    assert ("TARGETS", compounds[0].id) in targets and ("IN_PHASE", compounds[0].id) in targets
    for r in x.relations:
        for ev in r.evidence:
            assert text[ev.start : ev.end] == ev.sentence


def test_an_en_dash_joining_words_reads_like_a_hyphen(ex: Extractor) -> None:
    plain = "Helix Biotherapeutics started a Phase 2 study of talbumab in BRAF-mutant colorectal cancer."
    dashed = plain.replace("BRAF-", f"BRAF{EN_DASH}")
    a = ex.extract_one(Document("a", "a", plain, meta={})).to_contract(with_provenance=False)
    b = ex.extract_one(Document("b", "b", dashed, meta={})).to_contract(with_provenance=False)
    assert {k: v for k, v in a.items() if k != "document"} == {k: v for k, v in b.items() if k != "document"}


def test_filing_cover_with_a_non_breaking_hyphen_is_found(tmp_path: Path) -> None:
    f = tmp_path / "helix_8k.txt"
    f.write_text(
        f"UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8{NB_HYPHEN}K\n\nCURRENT REPORT\n\n"
        "Date of Report (Date of earliest event reported): March 3, 2025\n\n"
        "Helix Pharmaceuticals Corp.\n(Exact name of registrant as specified in its charter)\n\n"
        "SIGNATURES\n\n/s/ A. Officer\n\nExhibit 99.1\n\n"
        "BOSTON, March 3, 2025 -- Helix Pharmaceuticals Corp. licensed ZB-12 to Orion Bio, Inc.\n",
        encoding="utf-8",
    )
    doc = read_document(f)
    assert f"FORM 8{NB_HYPHEN}K" in doc.text  # the text the user sees is not rewritten
    assert doc.meta.get("form_type") == "8-K" and doc.date == "2025-03-03"
    assert any(r == "filing-cover" for _, _, r in doc.skip_spans)


def _compounds(ex: Extractor, text: str) -> set[str]:
    x = ex.extract_one(Document("t", "t", text, meta={}))
    return {fold(n) for e in x.entities if e.type == "COMPOUND" for n in [e.name, *e.aliases]}


@pytest.mark.parametrize("mark", ["™", "(TM)", "®", "(R)"])
def test_a_marked_generic_word_is_no_brand_whatever_the_mark(ex: Extractor, mark: str) -> None:
    text = f"HELIX AND ORION TO DEVELOP MESSENGER RNA THERAPEUTICS{mark} FOR RARE DISEASES"
    assert "therapeutic" not in _compounds(ex, text)
    assert "korvix" in _compounds(ex, f"Helix Pharmaceuticals markets Korvix{mark} in Europe.")


def test_an_acute_accent_typed_for_an_apostrophe_reads_as_one(ex: Extractor) -> None:
    plain = "Helix Pharmaceuticals' partner Orion Biosciences licensed Helix's ZB-12 for Europe."
    acute = plain.replace("'", "´")
    assert len(acute) == len(plain) and reading_text(acute) == plain
    a = ex.extract_one(Document("a", "a", plain, meta={})).to_contract(with_provenance=False)
    b = ex.extract_one(Document("b", "b", acute, meta={})).to_contract(with_provenance=False)
    assert a["relations"] and a["relations"] == b["relations"]


def test_fullwidth_punctuation_reads_as_ascii(ex: Extractor) -> None:
    plain = (
        "Helix Pharmaceuticals (Helix) and Orion Biosciences (Orion) signed a license for ZB-12: Orion pays."
    )
    wide = plain.translate(str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，"}))
    assert reading_text(wide) == plain
    a = ex.extract_one(Document("a", "a", plain, meta={})).to_contract(with_provenance=False)
    x = ex.extract_one(Document("b", "b", wide, meta={}))
    assert x.to_contract(with_provenance=False)["entities"] == a["entities"]
    assert all(m.text == wide[m.start : m.end] for e in x.entities for m in e.mentions)
