"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252 if it plausibly is text.

Binary files (images, PDFs, archives, executables) are refused by their magic bytes or their control
characters, with an IngestError that says what the file looks like.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pharmakg.ingest.readers import IngestError

log = logging.getLogger(__name__)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 (old Office) document"),
)
# C0 controls other than tab, newline, carriage return and form feed, plus DEL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) <= 0.1 * len(text)


def _cp1252_plausible(text: str) -> bool:
    """cp1252 decodes nearly any bytes; accept it only for text that is mostly ASCII, as Western prose is."""
    if not _looks_like_text(text):
        return False
    high = sum(1 for c in text if ord(c) > 127)
    return high <= 0.15 * len(text)


def decode_bytes(raw: bytes, path: str | Path = "<bytes>") -> str:
    """Bytes to str: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252 if it plausibly is text."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise IngestError(path, f"binary content ({what}), not a text document")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(path, f"undecodable UTF-16 text ({exc.reason})") from exc
    else:
        if b"\x00" in raw:
            raise IngestError(path, "binary content (NUL bytes), not a text document")
        try:
            text = raw.decode("utf-8-sig")  # also plain UTF-8: the BOM is optional
        except UnicodeDecodeError as exc:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise IngestError(
                    path, f"undecodable: not UTF-8 ({exc.reason} at byte {exc.start}) nor cp1252 text"
                ) from exc
            if not _cp1252_plausible(text):
                raise IngestError(
                    path,
                    f"undecodable: not UTF-8 ({exc.reason} at byte {exc.start}) and not plausible as cp1252",
                ) from exc
            log.info("%s: not UTF-8, read as cp1252", path)
    if not _looks_like_text(text):
        raise IngestError(path, "binary content (mostly control characters), not a text document")
    return text


def decode_text(raw: bytes, path: str | Path = "<bytes>") -> str:
    """The text of a text file's bytes (see decode_bytes); a file of whitespace only is an IngestError."""
    text = decode_bytes(raw, path)
    if not text.strip():
        raise IngestError(path, "empty file (whitespace only)")
    return text
