"""Surface forms that must not change what is read: character references, glued bullets, hard wraps.

Invented releases (Helix Pharmaceuticals, Orion Biosciences, ZB-12, talbumab)."""

from __future__ import annotations

from pharmakg.ingest.layout import is_bullet
from pharmakg.ingest.repairs import clean_text, decode_char_refs


def test_character_references_of_a_text_file_are_decoded() -> None:
    raw = "Korvix&reg; (talbumab) by Johnson &amp; Johnson; Helix&#8217;s ZB-12&#x2122; &nbsp;in Phase&nbsp;2"
    assert clean_text(raw) == "Korvix® (talbumab) by Johnson & Johnson; Helix’s ZB-12™ in Phase 2"


def test_ampersands_that_are_no_references_stay() -> None:
    text = "AT&T, R&D; Orion &Co; &unknownname; & more"
    assert decode_char_refs(text) == text


def test_decoded_markup_is_text_not_a_tag_to_strip() -> None:
    assert clean_text("Helix &lt;b&gt;ZB-12&lt;/b&gt; data") == "Helix <b>ZB-12</b> data"


def test_html_pages_are_not_decoded_twice() -> None:
    # an HTML page's text is decoded by its parser: a literal "&amp;reg;" there reads "&reg;"
    assert clean_text("Korvix&reg; data", html_tags=False) == "Korvix&reg; data"


def test_a_bullet_glued_to_its_item_gets_its_space() -> None:
    text = clean_text("Pipeline highlights\n\n•ZB-12 entered Phase 2.\n▪Talbumab was approved.\n")
    lines = text.split("\n")
    assert "• ZB-12 entered Phase 2." in lines and "▪ Talbumab was approved." in lines
    assert all(is_bullet(line) for line in lines[-2:])
    # a glued hyphen or star is a word or a footnote, not a bullet
    assert clean_text("*Data as of June 30.\n\n-based on ZB-12") == "*Data as of June 30.\n\n-based on ZB-12"


def test_a_wrap_after_the_hyphen_of_a_name_is_joined_without_a_space() -> None:
    # a hard-wrapped paragraph (lines of about 60 characters that break mid-sentence)
    raw = (
        "BOSTON, May 6, 2025 -- Helix Pharmaceuticals, Inc. today\n"
        "reported that Orion Biosciences paid $5 million for rights to\n"
        "the antibody-drug conjugate ZB-12, which is built on its HuMax-\n"
        "TAC platform and is in a Phase 2 study in ovarian cancer. Helix\n"
        "retains the rights to talbumab in the territories outside the\n"
        "United States, and it expects first data from the Phase 2 study\n"
        "in the fourth quarter, together with Bristol-\n"
        "Myers Squibb, its partner in the study of the combination.\n"
    )
    text = clean_text(raw)
    assert "\n" not in text
    assert "its HuMax-TAC platform" in text and "with Bristol-Myers Squibb, its partner" in text
    # outside a hard-wrapped text a line ending on a hyphen keeps its old reading
    assert clean_text("Helix Reports Q1 Results -\nOrion Joins") == "Helix Reports Q1 Results -\nOrion Joins"
