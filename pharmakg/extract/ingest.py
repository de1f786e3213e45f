"""Files to Documents.

Reads plain-text releases (with or without the corpus header block), HTML pages (EDGAR exhibits, press-release
pages) and EDGAR full-submission files. Each becomes a :class:`~pharmakg.model.Document` whose ``text`` is
the cleaned body, whose ``skip_spans`` mark what extraction should not read (filing cover, contacts, tables,
safe harbor, conference-call details) and whose ``meta`` holds SEC cover data when the file is a filing.

A file that cannot be read raises :class:`IngestError` naming the file and the reason;
:func:`iter_documents` yields that error instead, so one bad file does not stop a batch.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from bs4 import ParserRejectedMarkup

from pharmakg.extract import edgar
from pharmakg.extract.clean import (
    clean_text,
    find_dateline,
    find_skip_spans,
    guess_title,
    html_to_text,
    iter_kept,
    parse_date,
)
from pharmakg.model import Document

log = logging.getLogger(__name__)

HEADER_KEYS = ("source", "date", "date_note", "title")
SUPPORTED_SUFFIXES = (".txt", ".htm", ".html")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # bigger files are refused before they are read

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
_HEADER_LINE = re.compile(r"^([a-z_]+):[ \t]*(.*)$")
_NORM = re.compile(r"[\W_]+")


class IngestError(Exception):
    """A file that cannot be read as a document; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def content_id(text: str) -> str:
    """The document identity: a hash of its normalised content (same release twice = one document).

    Case, punctuation and whitespace are ignored, so the same release saved twice with different line
    wrapping or quote characters is still one document.
    """
    norm = _NORM.sub(" ", text.casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------------------------- bytes


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


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if not path.exists():
            raise IngestError(path, "no such file")
        if not path.is_file():
            raise IngestError(path, "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(path, f"file too large ({size:,} bytes; the limit is {max_bytes:,} bytes)")
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if len(raw) > max_bytes:  # grew while we looked
        raise IngestError(path, f"file too large (over the limit of {max_bytes:,} bytes)")
    if not raw.strip():
        raise IngestError(path, "empty file" if not raw else "empty file (whitespace only)")
    return raw


# --------------------------------------------------------------------------------------------- text


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The corpus header block (``source:``, ``date:``, ``date_note:``, ``title:`` lines, then a blank
    line) and the body after it. Without a header: ({}, text)."""
    stripped = text.lstrip("\ufeff\n\r ")
    header: dict[str, str] = {}
    pos = 0
    while True:
        nl = stripped.find("\n", pos)
        line = stripped[pos:] if nl < 0 else stripped[pos:nl]
        m = _HEADER_LINE.match(line.rstrip("\r"))
        if not m or (not header and m.group(1) not in HEADER_KEYS):
            break
        header[m.group(1)] = m.group(2).strip()
        if nl < 0:
            pos = len(stripped)
            break
        pos = nl + 1
    if not header or not any(k in HEADER_KEYS for k in header):
        return {}, text
    return header, stripped[pos:]


def _body_from_submission(text: str, meta: dict[str, str]) -> tuple[str, str | None]:
    """(exhibit text, html title) of a full submission; fills ``meta`` with the filing's cover data."""
    header = edgar.parse_sgml_header(text)
    docs = edgar.split_documents(text)
    if not docs:
        raise ValueError("EDGAR submission without <DOCUMENT> blocks")
    main = docs[0]
    main_text = html_to_text(main.text)[0] if main.is_html else main.text
    cover = edgar.parse_cover(clean_text(main_text)) if main_text.strip() else {}
    meta.update(edgar.sgml_meta(header))
    # The cover's own spelling ("ImmunoGen, Inc.", "0-17999") beats the SGML header's ("IMMUNOGEN INC").
    for key in ("company", "file_number", "date_of_report"):
        if cover.get(key):
            meta[key] = cover[key]
    if "form_type" not in meta and cover.get("form_type"):
        meta["form_type"] = cover["form_type"]
    exhibit = edgar.choose_exhibit(docs)
    chosen = exhibit or main
    meta["exhibit"] = chosen.type or "main"
    if chosen.filename:
        meta["filename"] = chosen.filename
    if chosen.is_html:
        return html_to_text(chosen.text)
    return chosen.text, None


def document_from_text(text: str, path: str | Path, *, html: bool | None = None) -> Document:
    """Build a Document from decoded file content (``html``: None = decide from the suffix and content)."""
    path = Path(path)
    meta: dict[str, str] = {}
    header: dict[str, str] = {}
    html_title = None
    try:
        if edgar.is_full_submission(text):
            body, html_title = _body_from_submission(text, meta)
            is_html = False  # already converted
        else:
            header, body = split_header(text)
            if html is None:
                is_html = path.suffix.lower() in (".htm", ".html") or bool(
                    re.match(r"\s*<(?:!doctype\s+html|html|\?xml)", body[:500], re.I)
                )
            else:
                is_html = html
            if is_html:
                body, html_title = html_to_text(body)
        cleaned = clean_text(body, html_tags=not is_html)
    except (ValueError, AssertionError, RecursionError, ParserRejectedMarkup) as exc:
        # Parsers can choke on pathological input; one bad file must not stop a batch.
        raise IngestError(path, f"cannot parse ({type(exc).__name__}: {exc})") from exc
    if not cleaned.strip():
        raise IngestError(path, "no text content after cleaning")

    spans = find_skip_spans(cleaned)
    if not meta and edgar.has_cover(cleaned):
        meta.update(edgar.parse_cover(cleaned))
    cover_end = max((e for s, e, r in spans if r == "filing-cover"), default=0)

    date = parse_date(header.get("date")) or header.get("date") or None
    if not date:
        date = find_dateline(cleaned, cover_end) or meta.get("date_of_report") or meta.get("filed")
    title = header.get("title") or html_title or guess_title(cleaned, spans)

    # Identity from the release itself: the filing cover is left out, so a release read from its 8-K text
    # and from the bare exhibit is one document.
    cover = [sp for sp in spans if sp[2] == "filing-cover"]
    ident = "".join(cleaned[a:b] for a, b in iter_kept(cleaned, cover))
    return Document(
        doc_id=content_id(ident),
        name=path.stem,
        text=cleaned,
        path=str(path),
        date=date,
        title=title,
        source=header.get("source") or (f"EDGAR {meta['accession']}" if meta.get("accession") else None),
        skip_spans=spans,
        meta=meta,
    )


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document; raises IngestError (naming the file) when it cannot be read."""
    path = Path(path)
    raw = _read_bytes(path, max_bytes)
    text = decode_bytes(raw, path)
    if not text.strip():
        raise IngestError(path, "empty file (whitespace only)")
    return document_from_text(text, path)


# --------------------------------------------------------------------------------------------- batches


def expand_inputs(inputs: Iterable[str | Path] | str | Path) -> Iterator[Path]:
    """Files named directly, and the supported files under named folders (recursively, sorted)."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            files = (
                f
                for f in p.rglob("*")
                if f.suffix.lower() in SUPPORTED_SUFFIXES
                and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            yield from sorted(files)
        else:
            yield p


def iter_documents(
    inputs: Iterable[str | Path] | str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestError]:
    """Documents of the given files and folders, in order; an unreadable file yields its IngestError.

    Folders are expanded recursively (sorted; .txt .htm .html). A document whose content was already
    yielded (same doc_id) is skipped, and the duplicate is logged.
    """
    seen: dict[str, str] = {}
    for path in expand_inputs(inputs):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES and path.exists():
            reason = f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .htm or .html"
            yield IngestError(path, reason)
            continue
        try:
            doc = read_document(path, max_bytes=max_bytes)
        except IngestError as exc:
            log.warning("%s", exc)
            yield exc
            continue
        if doc.doc_id in seen:
            log.info("%s: same content as %s (doc_id %s); skipped", path, seen[doc.doc_id], doc.doc_id)
            continue
        seen[doc.doc_id] = str(path)
        yield doc
