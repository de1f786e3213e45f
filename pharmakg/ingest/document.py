"""Decoded file content to a Document: cleaned text, skip spans, date, title, filing cover data and id.

Every reader of a text format ends here. The content may be a plain release (with or without the corpus
header), an HTML page, or an EDGAR full submission, whose press-release exhibit becomes the document and
whose cover data goes into ``meta``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from bs4 import ParserRejectedMarkup

from pharmakg.ingest import edgar
from pharmakg.ingest.boilerplate import find_skip_spans, iter_kept
from pharmakg.ingest.dates import parse_date, release_date
from pharmakg.ingest.header import guess_title, split_header
from pharmakg.ingest.html import html_to_text, is_html_page
from pharmakg.ingest.readers import IngestError, content_id
from pharmakg.ingest.repairs import clean_text
from pharmakg.ingest.surface_forms import reading_text
from pharmakg.model import Document

# Not "pharmakg.ingest", which the command line quiets (its errors are printed as "error:" lines): a
# warning about a readable file must reach the user.
warn = logging.getLogger("pharmakg.input")
_PARTIAL_DATE = re.compile(r"(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2]))?")  # a year, or a year and month


def document_from_text(text: str, path: str | Path, *, html: bool | None = None) -> Document:
    """Build a Document from decoded file content (``html``: None = decide from the content)."""
    path = Path(path)
    meta: dict[str, str] = {}
    try:
        header, cleaned, html_title = _cleaned_body(text, html, meta)
    except (ValueError, AssertionError, RecursionError, ParserRejectedMarkup) as exc:
        # Parsers can choke on pathological input; one bad file must not stop a batch.
        raise IngestError(path, f"cannot parse ({type(exc).__name__}: {exc})") from exc
    if not cleaned.strip():
        raise IngestError(path, "no text content after cleaning")

    # Layout cues ("FORM 8-K", boilerplate headings) are read with typographic variants folded ("8‑K");
    # the folds keep every offset, so the spans index the cleaned text as it is.
    read = reading_text(cleaned)
    spans = find_skip_spans(read)
    if not meta and edgar.has_cover(read):
        meta.update(edgar.parse_cover(read))
    cover = [sp for sp in spans if sp[2] == "filing-cover"]
    cover_end = max((e for s, e, r in cover), default=0)
    # Identity from the release itself: the filing cover is left out, so a release read from its 8-K text
    # and from the bare exhibit is one document.
    ident = "".join(cleaned[a:b] for a, b in iter_kept(cleaned, cover))
    return Document(
        doc_id=content_id(ident),
        name=path.stem,
        text=cleaned,
        path=str(path),
        date=release_date(_header_date(header, path), read, cover_end, meta),
        title=header.get("title") or html_title or guess_title(cleaned, spans),
        source=header.get("source") or (f"EDGAR {meta['accession']}" if meta.get("accession") else None),
        skip_spans=spans,
        meta=meta,
    )


def _header_date(header: dict[str, str], path: Path) -> str | None:
    """The header's ``date:`` when it is a date (or a year, or a year and month); else a warning, and the
    release date comes from the dateline or the filing instead."""
    value = header.get("date")
    if not value or parse_date(value) or _PARTIAL_DATE.fullmatch(value.strip()):
        return value
    warn.warning(
        "%s: header date %r is not a date (YYYY-MM-DD); using the dateline instead", path, value[:80]
    )
    return None


def _cleaned_body(
    text: str, html: bool | None, meta: dict[str, str]
) -> tuple[dict[str, str], str, str | None]:
    """(corpus header, cleaned body, HTML title) of the content; a full submission fills ``meta``."""
    if edgar.is_full_submission(text):
        body, html_title = edgar.submission_body(text, meta)
        return {}, clean_text(body, html_tags=True), html_title  # the exhibit is text already
    header, body = split_header(text)
    is_html = is_html_page(body) if html is None else html
    html_title = None
    if is_html:
        body, html_title = html_to_text(body)
    return header, clean_text(body, html_tags=not is_html), html_title
