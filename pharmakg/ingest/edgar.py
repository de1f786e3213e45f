"""SEC EDGAR: full-submission files (``<SEC-DOCUMENT>`` with ``<DOCUMENT>`` blocks) and 8-K cover data.

A full submission holds an SGML header (COMPANY CONFORMED NAME, CENTRAL INDEX KEY, CONFORMED PERIOD OF
REPORT, FILED AS OF DATE, FORM TYPE ...) and one ``<DOCUMENT>`` block per file (<TYPE>, <SEQUENCE>,
<FILENAME>, <DESCRIPTION>, <TEXT>). Ingest keeps the press-release exhibit (EX-99.1, else the first EX-99)
as the document text and the filing's cover data as Document.meta.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pharmakg.ingest.dates import DATE, parse_date
from pharmakg.ingest.html import html_to_text
from pharmakg.ingest.repairs import clean_text

_SUBMISSION = re.compile(r"<SEC-DOCUMENT>|<SEC-HEADER>|<IMS-HEADER>|^<DOCUMENT>\s*$", re.I | re.M)
_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|(?=<DOCUMENT>)|\Z)", re.I | re.S)
_TAG_VALUE = re.compile(r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^\n<]*)", re.I | re.M)
_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.I | re.S)
_HEADER_LINE = re.compile(r"^\s*([A-Z][A-Z0-9 ()/-]+?):[ \t]*(.*?)\s*$", re.M)
_PAGE_TAG = re.compile(r"^\s*</?PAGE>\s*\d*\s*$", re.I | re.M)
_HTML_SNIFF = re.compile(r"<(?:html|body|p|div|table|font|br|center)\b", re.I)


@dataclass
class SecDocument:
    """One ``<DOCUMENT>`` block of a full submission."""

    type: str
    sequence: str
    filename: str
    description: str
    text: str

    @property
    def is_html(self) -> bool:
        return looks_like_html(self.text)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:20000]))


def is_full_submission(text: str) -> bool:
    """Does the text look like an EDGAR full-submission file (several <DOCUMENT> blocks)?"""
    head = text[:200000]
    return bool(_SUBMISSION.search(head)) and "<TYPE>" in head.upper()


def parse_sgml_header(text: str) -> dict[str, str]:
    """KEY: value pairs of the SGML header (the part before the first <DOCUMENT>); first value wins."""
    m = re.search(r"<DOCUMENT>", text, re.I)
    header = text[: m.start()] if m else text[:20000]
    out: dict[str, str] = {}
    for hm in _HEADER_LINE.finditer(header):
        key, value = hm.group(1).strip().upper(), hm.group(2).strip()
        if value and key not in out:
            out[key] = value
    return out


def split_documents(text: str) -> list[SecDocument]:
    docs = []
    for m in _DOCUMENT.finditer(text):
        block = m.group(1)
        tags = {k.upper(): v.strip() for k, v in _TAG_VALUE.findall(block[:4000])}
        tm = _TEXT.search(block)
        body = tm.group(1) if tm else ""
        body = _PAGE_TAG.sub("", body)
        docs.append(
            SecDocument(
                type=tags.get("TYPE", ""),
                sequence=tags.get("SEQUENCE", ""),
                filename=tags.get("FILENAME", ""),
                description=tags.get("DESCRIPTION", ""),
                text=body,
            )
        )
    return docs


def choose_exhibit(docs: list[SecDocument]) -> SecDocument | None:
    """The press release: EX-99.1, else the first EX-99 exhibit; None when the filing has none."""
    for want in (r"EX-99\.0?1$", r"EX-99(?:\.\d+)?$", r"EX-99"):
        for d in docs:
            if re.match(want, d.type.strip(), re.I):
                return d
    return None


def sgml_meta(header: dict[str, str]) -> dict[str, str]:
    """Document.meta keys from the SGML header."""
    meta: dict[str, str] = {}
    if header.get("COMPANY CONFORMED NAME"):
        meta["company"] = header["COMPANY CONFORMED NAME"]
    if header.get("CENTRAL INDEX KEY"):
        meta["cik"] = header["CENTRAL INDEX KEY"]
    form = header.get("CONFORMED SUBMISSION TYPE") or header.get("FORM TYPE")
    if form:
        meta["form_type"] = form
    if header.get("SEC FILE NUMBER"):
        meta["file_number"] = header["SEC FILE NUMBER"]
    period = parse_date(header.get("CONFORMED PERIOD OF REPORT"))
    if period:
        meta["date_of_report"] = period
    filed = parse_date(header.get("FILED AS OF DATE"))
    if filed:
        meta["filed"] = filed
    if header.get("ACCESSION NUMBER"):
        meta["accession"] = header["ACCESSION NUMBER"]
    return meta


_FORM = re.compile(r"\bFORM\s+(8-K|6-K|10-Q|10-K|20-F)(/A)?\b", re.I)
_REPORT_DATE = re.compile(r"Date\s+of\s+Report\b", re.I)
_FILE_NO_BEFORE = re.compile(r"\b(\d{1,3}-\d{4,6})\b[\s\t]*\(?\s*Commission\s+File\s+(?:Number|No)", re.I)
_FILE_NO_AFTER = re.compile(r"Commission\s+File\s+(?:Number|No)\.?\)?\s*:?\s*(\d{1,3}-\d{4,6})\b", re.I)
_FILE_NO_ANY = re.compile(r"(?<![\d-])(\d{1,3}-\d{5})(?![\d-])")
_REGISTRANT = re.compile(r"\(?\s*Exact\s+name\s+of\s+registrant", re.I)


def parse_cover(text: str, limit: int = 12000) -> dict[str, str]:
    """8-K cover data from its text: company, file_number, date_of_report, form_type (what is found).

    Works on the plain text as the seeds carry it ("Date of Report (Date of earliest event reported):
    MAY 8, 2003", "0-17999 (Commission File Number)", the registrant line before "(Exact name of
    registrant as specified in its charter)") and on the text made from an HTML cover.
    """
    head = text[:limit]
    meta: dict[str, str] = {}
    fm = _FORM.search(head[:4000])
    if fm:
        meta["form_type"] = fm.group(1).upper() + (fm.group(2) or "").upper()
    rm = _REPORT_DATE.search(head)
    if rm:
        dm = DATE.search(head, rm.end(), rm.end() + 160)
        iso = parse_date(dm.group(0)) if dm else None
        if iso:
            meta["date_of_report"] = iso
    fn = _FILE_NO_BEFORE.search(head) or _FILE_NO_AFTER.search(head)
    if fn is None and re.search(r"Commission\s+File", head, re.I):
        # Cover laid out as a table: the number sits in the row above its label.
        fn = _FILE_NO_ANY.search(head)
    if fn:
        meta["file_number"] = fn.group(1)
    reg = _REGISTRANT.search(head)
    if reg:
        before = head[: reg.start()]
        same_line = before.rsplit("\n", 1)[-1].strip(" \t>*")
        name = same_line
        if not name:
            prev = [ln.strip(" \t>*") for ln in before.split("\n") if ln.strip(" \t>*")]
            name = prev[-1] if prev else ""
        name = re.sub(r"\s+", " ", name).strip().strip("()").strip()
        if name and len(name) <= 120 and not re.search(r"\d{4}", name):
            meta["company"] = name
    return meta


def has_cover(text: str) -> bool:
    """Does the text open with an SEC form cover (form number plus registrant or commission file cues)?"""
    head = text[:6000]
    return bool(_FORM.search(head[:3000])) and bool(
        _REGISTRANT.search(head) or re.search(r"Commission\s+File|Date\s+of\s+Report", head, re.I)
    )


def submission_body(text: str, meta: dict[str, str]) -> tuple[str, str | None]:
    """(exhibit text, html title) of a full submission; fills ``meta`` with the filing's cover data."""
    header = parse_sgml_header(text)
    docs = split_documents(text)
    if not docs:
        raise ValueError("EDGAR submission without <DOCUMENT> blocks")
    main = docs[0]
    main_text = html_to_text(main.text)[0] if main.is_html else main.text
    cover = parse_cover(clean_text(main_text)) if main_text.strip() else {}
    meta.update(sgml_meta(header))
    # The cover's own spelling ("ImmunoGen, Inc.", "0-17999") beats the SGML header's ("IMMUNOGEN INC").
    for key in ("company", "file_number", "date_of_report"):
        if cover.get(key):
            meta[key] = cover[key]
    if "form_type" not in meta and cover.get("form_type"):
        meta["form_type"] = cover["form_type"]
    exhibit = choose_exhibit(docs)
    chosen = exhibit or main
    meta["exhibit"] = chosen.type or "main"
    if chosen.filename:
        meta["filename"] = chosen.filename
    if chosen.is_html:
        return html_to_text(chosen.text)
    return chosen.text, None
