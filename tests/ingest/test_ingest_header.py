"""The corpus header block and the fields it gives the document."""

from __future__ import annotations

from ingest_helpers import FIX

from pharmakg.ingest import read_document
from pharmakg.ingest.header import split_header


def test_header_block_is_parsed_and_removed() -> None:
    header, body = split_header("source: x\ndate: 2003-05-08\ndate_note: approx\ntitle: T\n\nBody line.\n")
    assert header == {"source": "x", "date": "2003-05-08", "date_note": "approx", "title": "T"}
    assert body.strip() == "Body line."
    header, body = split_header("Contacts: Jane\n\nBody")
    assert header == {} and body.startswith("Contacts:")


def test_header_fields_reach_the_document() -> None:
    doc = read_document(FIX / "release_with_header.txt")
    assert doc.date == "2012-09-14"
    assert doc.title == "Northwind Oncology Licenses NW-303 to Examplegen"
    assert doc.source == "fixture written for tests/test_ingest.py"
    assert not doc.text.startswith("source:")
    assert doc.name == "release_with_header"
    assert doc.path == str(FIX / "release_with_header.txt")
