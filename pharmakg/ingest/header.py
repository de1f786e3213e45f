"""What a release says about itself: the corpus header block and, without one, a guess at its headline.

The corpus header is ``source:``, ``date:``, ``date_note:`` and ``title:`` lines, then a blank line.
"""

from __future__ import annotations

import re

from pharmakg.ingest.boilerplate import Span, is_heading, iter_kept
from pharmakg.ingest.cues import Cues, load_cues
from pharmakg.ingest.dates import DATE_LINE, DATELINE
from pharmakg.ingest.layout import is_bullet, is_table_line

HEADER_KEYS = ("source", "date", "date_note", "title")
_HEADER_LINE = re.compile(r"^([a-z_]+):[ \t]*(.*)$")


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


# A street address line under the headline ("100 Main Street, Suite 4", "Boston, MA 02110").
_ADDRESS = re.compile(
    r"\b(?:street|st\.|avenue|ave\.|road|suite|floor|p\.?o\. box)\b|\b\d{5}(?:-\d{4})?$", re.I
)


def guess_title(text: str, spans: list[Span], cues: Cues | None = None) -> str | None:
    """A headline for a document without a header: a short, wordy line before the dateline, outside the
    skip spans; the first after a "FOR IMMEDIATE RELEASE" / "NEWS RELEASE" label when there is one."""
    cues = cues or load_cues()
    candidates: list[str] = []
    for s, e in iter_kept(text, spans):
        for line in text[s:e].split("\n"):
            line = line.strip()
            if not line:
                continue
            if DATE_LINE.match(line) and len(line) <= 60:
                continue  # a date on its own line ("May 20, 2002") sits above or below the headline
            if len(line) > 250 or DATELINE.match(line) or DATE_LINE.match(line):
                return candidates[0] if candidates else None  # the body has begun
            if is_heading(cues, "release-start", line):
                candidates = []  # the headline follows the label
                continue
            if (
                is_table_line(line)
                or line.count(" ") < 3
                or is_bullet(line)
                or line.startswith(("–", "—"))
                or _ADDRESS.search(line)
            ):
                continue
            candidates.append(line)
    return candidates[0] if candidates else None
