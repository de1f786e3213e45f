"""The ``.htm`` / ``.html`` / ``.xhtml`` reader: EDGAR exhibits and press-release pages."""

from __future__ import annotations

from pathlib import Path

from pharmakg.ingest.decode import decode_text
from pharmakg.ingest.document import document_from_text
from pharmakg.ingest.readers import reader
from pharmakg.model import Document


@reader(".htm", ".html", ".xhtml")
def read_html_file(raw: bytes, path: Path) -> Document:
    """An HTML page (a full submission saved as .htm is still recognised as one)."""
    return document_from_text(decode_text(raw, path), path, html=True)
