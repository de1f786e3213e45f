"""The ``.txt`` reader: releases (corpus header optional), EDGAR full submissions, HTML saved as .txt."""

from __future__ import annotations

from pathlib import Path

from pharmakg.ingest.decode import decode_text
from pharmakg.ingest.document import document_from_text
from pharmakg.ingest.readers import reader
from pharmakg.model import Document


@reader(".txt")
def read_text_file(raw: bytes, path: Path) -> Document:
    """A text file; content that opens like an HTML page is read as HTML."""
    return document_from_text(decode_text(raw, path), path, html=None)
