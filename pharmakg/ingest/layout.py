"""The shape of a cleaned line: table row, bullet, prose, a sentence left open or continued.

Repairs, HTML conversion, skip spans and the title guess all ask these questions of a line, so they are
answered once here. A line here is one line of cleaned text (``repairs.clean_line`` has run): a tab only
survives inside table rows.
"""

from __future__ import annotations

import re

TERMINAL = (".", "!", "?", ":", ";", '"', "”", "’")
_NUMERIC_CELL = re.compile(r"^[$€£(\s-]*[\d.,]+\)?%?$|^[$€£—–-]$")
_BULLET = re.compile(r"^(?:[-•*·▪●◦–—>]\s|o\s|\(?\d{1,2}[.)]\s|\([a-z]\)\s)")
_FUNCTION_WORDS = frozenset(
    "the a an of to in and or for with by on at from as that which its their our is are was were be "
    "has have this these".split()
)


def is_numeric_cell(cell: str) -> bool:
    """A table cell holding a number, an amount or a dash placeholder."""
    return bool(_NUMERIC_CELL.match(cell))


def is_prose_cell(cell: str) -> bool:
    """A cell long and wordy enough to be a sentence, which a data table does not hold."""
    return len(cell) > 100 and cell.count(" ") >= 14


def is_table_line(line: str) -> bool:
    """A row of a tab- or pipe-laid table (after ``clean_line`` a tab only survives inside table rows)."""
    if "\t" in line:
        return True
    # Pipes also separate dateline parts ("WALTHAM, MA, USA | June 15, 2011 | ImmunoGen ..."): a pipe row has
    # no prose cell.
    return line.count("|") >= 2 and not any(is_prose_cell(c.strip()) for c in line.split("|"))


# A wire-service marker of a dateline: "(BUSINESS WIRE)", "/PRNewswire-FirstCall/", "(GLOBE NEWSWIRE)".
_WIRE_MARKER = re.compile(r"[(/][A-Za-z][A-Za-z .&-]{0,30}wire[A-Za-z -]{0,15}[)/]", re.I)
# A dash run that a dateline writes glued to its neighbours ("Calif.--(BUSINESS WIRE)--Helix").
_GLUED_DASH = re.compile(r"[ \t]*(-{2,3}|[–—])[ \t]*")
_DASH_AFTER = re.compile(r"[ \t]*(?:-{2,3}|[–—])")
_DATE_PART = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b"
)


def spaced_dateline(line: str) -> str:
    """A dateline whose dashes stand apart from the words they separate.

    Wire datelines glue their separators to the place, the wire and the issuer ("BOSTON--(BUSINESS
    WIRE)--Helix Pharmaceuticals", "June 2, 2020--Helix"), which makes "WIRE)--Helix" one word and hides
    the first company of the release. Only the prefix up to the wire marker or the date (and the dash
    after it) changes; a hyphen inside a name ("Bristol-Myers") is a single dash and never touched.
    """
    if "-" not in line and "–" not in line and "—" not in line:
        return line
    wire = _WIRE_MARKER.search(line, 0, 200)
    ends = [m.end() for m in _DATE_PART.finditer(line, 0, 200)]
    if wire:
        ends.append(wire.end())
    if not ends:
        return line
    end = max(ends)
    dash = _DASH_AFTER.match(line, end)
    if dash:
        end = dash.end()
    elif not wire:
        return line  # a date in running text, with no dash after it: not a dateline
    head = _GLUED_DASH.sub(lambda m: f" {m.group(1)} ", line[:end]).strip()
    return f"{head} {line[end:].lstrip()}".rstrip()


# A bullet character glued to its item ("•Helix licensed ZB-12"), as pages copied to text leave it. Only
# characters that are nothing but bullets: a glued "-" or "*" starts words and footnotes ("-based", "*Data").
_GLUED_BULLET = re.compile(r"([•▪●◦·‣⁃])(?=[^\s•▪●◦·‣⁃])")


def spaced_bullet(line: str) -> str:
    """A line that opens with a bullet glued to its text, with a space after the bullet (so the item's
    first word is a word of its own and the line reads as a list item)."""
    m = _GLUED_BULLET.match(line)
    return f"{line[: m.end()]} {line[m.end() :]}" if m else line


def table_cells(line: str) -> list[str]:
    """The non-empty cells of a table row (tab- or pipe-separated)."""
    sep = "\t" if "\t" in line else "|"
    return [c.strip() for c in line.split(sep) if c.strip()]


def is_numeric_row(line: str) -> bool:
    """A table row of figures: after its label cell, half or more of its cells hold numbers or dashes.

    Financial statements ("Research and development | 6,296 | 7,173") are such rows; a pipeline table's
    rows ("ZB-12 | HER2 | ovarian cancer | Phase 2") hold names, so at most a stray figure.
    """
    cells = table_cells(line)
    values = cells[1:] if len(cells) > 1 else cells
    return bool(values) and sum(is_numeric_cell(c) for c in values) * 2 >= len(values)


def is_bullet(line: str) -> bool:
    """A list item: a bullet character, "o", or an item number or letter opens the line."""
    return bool(_BULLET.match(line))


def ends_open(line: str) -> bool:
    """The line stops mid-sentence: no terminal punctuation, last word a function word, or a comma."""
    if not line or line.endswith(TERMINAL):
        return False
    if line.endswith((",", "&")) or (line.endswith("-") and line[-2:-1].isalpha()):
        return True  # (a dash after a space closes a subtitle: "- Company Provides Business Update -")
    last = line.rsplit(" ", 1)[-1].casefold()
    return last in _FUNCTION_WORDS


def starts_lower(line: str) -> bool:
    """The line goes on a sentence: it starts lower-case and is not an e-mail address or URL."""
    c = line[:1]
    if not c.islower():
        return False
    first = line.split(" ", 1)[0]
    return "@" not in first and not first.startswith(("www.", "http"))  # an e-mail or URL line is not prose


def is_short(line: str, max_len: int = 80) -> bool:
    """A line short enough for a heading, a name or a title (few words)."""
    return len(line) <= max_len and line.count(" ") < 12


def is_prose(line: str) -> bool:
    """A sentence of running text (long, or ending like a sentence with several words), not a table row."""
    if is_table_line(line):
        return False
    return len(line) > 160 or (line.endswith((".", "!", "?")) and line.count(" ") >= 7)
