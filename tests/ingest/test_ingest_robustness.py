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
