"""Surface forms that must not change what is read: character references, glued bullets, hard wraps.

Invented releases (Helix Pharmaceuticals, Orion Biosciences, ZB-12, talbumab)."""

from __future__ import annotations

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
