"""Files to Documents. (Minimal first version: plain .txt with the corpus header block.)"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pharmakg.model import Document

HEADER_KEYS = ("source", "date", "date_note", "title")


class IngestError(Exception):
    """A file that cannot be read as a document; the message names the file and the reason."""


def content_id(text: str) -> str:
    """The document identity: a hash of its normalised content (same release twice = one document)."""
    norm = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def read_document(path: str | Path) -> Document:
    path = Path(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    header: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines) and re.match(r"^(\w+):\s", lines[i]) and lines[i].split(":", 1)[0] in HEADER_KEYS:
        key, value = lines[i].split(":", 1)
        header[key] = value.strip()
        i += 1
    body = "\n".join(lines[i:]).lstrip("\n") if header else text
    body = body.replace("\\$", "$")
    if not body.strip():
        raise IngestError(f"{path}: empty document")
    return Document(
        doc_id=content_id(body),
        name=path.stem,
        text=body,
        path=str(path),
        date=header.get("date"),
        title=header.get("title"),
        source=header.get("source"),
    )
