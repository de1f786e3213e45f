"""Dates: ISO dates from the forms releases and filings write them in, and the release date in a dateline.

``DATE`` finds a date anywhere; ``DATE_LINE`` and ``DATELINE`` match a line that opens with a date or a
dateline (place, date, then a dash or a wire name). The skip spans use them to see where the release begins.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

# fmt: off
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
# fmt: on
_MONTH_RX = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_RX = (
    rf"(?:(?P<m1>{_MONTH_RX})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RX}),?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))(?!\d)"
)
DATE = re.compile(r"\b" + _DATE_RX, re.I)
# A date that opens its line ("Dec 7 2009", "June 1, 2014 at 11:24 AM EDT"), or a dateline: a short place
# prefix, the date, then a dash, pipe, slash or bracket ("CAMBRIDGE, MA, May 8, 2003 –",
# "TOKYO ..., March 28, 2019 /PRNewswire/ --", "WALTHAM, MA, USA | June 15, 2011 |").
DATE_LINE = re.compile(r"^\W{0,3}" + _DATE_RX + r"(?:\s|$|[-–—|/(,])", re.I)
DATELINE = re.compile(
    r"^(?P<place>[^\n]{2,150}?)(?:[,;|.–—-]|\bI)\s*" + _DATE_RX + r"\s*(?:[-–—|/(]|I(?=\s)|$)", re.I
)


def _month(name: str) -> int:
    return _MONTHS[name.casefold()[:3]]


def parse_date(value: str | None) -> str | None:
    """'MAY 8, 2003', 'Dec 7 2009', '8 May 2003', '2003-05-08', '20030508' -> ISO 'YYYY-MM-DD'."""
    if not value:
        return None
    value = value.strip()
    m = re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = DATE.search(value)
        if not m:
            return None
        y, mo, d = _date_parts(m)
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _date_parts(m: re.Match[str]) -> tuple[int, int, int]:
    if m.group("y1"):
        return int(m.group("y1")), _month(m.group("m1")), int(m.group("d1"))
    if m.group("y2"):
        return int(m.group("y2")), _month(m.group("m2")), int(m.group("d2"))
    return int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))


def _iso(m: re.Match[str]) -> str | None:
    try:
        return _dt.date(*_date_parts(m)).isoformat()
    except ValueError:
        return None


def find_dateline(text: str, start: int = 0, limit: int = 6000) -> str | None:
    """The release date from its dateline, searched from ``start`` over the first ``limit`` characters."""
    end = min(len(text), start + limit)
    for line in text[start:end].split("\n"):
        line = line.strip()
        if not line or "\t" in line:
            continue
        m = DATE_LINE.match(line) or DATELINE.match(line)
        if m:
            iso = _iso(m)
            if iso:
                return iso
    return None


def release_date(header_date: str | None, text: str, cover_end: int, meta: Mapping[str, str]) -> str | None:
    """The document's date: the corpus header's (as ISO, or as written when it does not parse), else the
    dateline after the filing cover (which ends at ``cover_end``), else the filing's date of report or
    the date it was filed."""
    date = parse_date(header_date) or header_date or None
    if not date:
        date = find_dateline(text, cover_end) or meta.get("date_of_report") or meta.get("filed")
    return date
