"""Where a clause ends inside a sentence, for the relation rules: ``CLAUSE_BREAK`` (";", ". ", ": ", a line
end) and ``DEAL_BREAK`` (the same, but "Alphagen, Inc. and Betapharm AG" is one clause). Not a break: the dot
of an abbreviation of the sentence splitter's list ("vs.", "approx.", "Sept.", "Dr."), an initial ("U.S."), a
colon inside a parenthesis ("(Nasdaq: HLXP)"), a hard-wrapped line end (Sent.low has a space there: see
component.unwrapped)."""

from __future__ import annotations

import re
from functools import lru_cache

from pharmakg.extract.components.base import read_lines

__all__ = ["ABBREVIATION_DOT", "CLAUSE_BREAK", "DEAL_BREAK", "deal_breaks"]


def _not_after_abbreviation(path: str = "abbreviations.txt") -> str:
    """Lookbehinds, placed right after a matched ".", that fail after an abbreviation of the sentence
    splitter's list ("vs.", "approx.", "Sept.", "Dr.": patterns/abbreviations.txt; the one-word ones),
    grouped by length (a lookbehind has one width)."""
    words = {w.lower() for w in read_lines(path) if re.fullmatch(r"[A-Za-z]+", w)}
    by_len: dict[int, list[str]] = {}
    for w in sorted(words):
        by_len.setdefault(len(w), []).append(w)
    return "".join(f"(?<![^a-z](?:{'|'.join(ws)})\\.)" for _n, ws in sorted(by_len.items()))


ABBREVIATION_DOT = _not_after_abbreviation()
# ". " ends a clause except after an initial or abbreviation ("U.S. FDA", "Dr. Smith", "vs. placebo"); a colon
# inside a parenthesis ("(Nasdaq: HLXP)") is no break; nor is a hard-wrapped line end (Sent.low has a space
# there: see component.unwrapped)
CLAUSE_BREAK = re.compile(
    r";(?![^()]{0,60}\))|(?<!\.[a-z])(?<![^a-z][a-z])\." + ABBREVIATION_DOT + r"\s|:\s(?![^()]{0,40}\))|\n"
)
# a clause break for deal statements: "Alphagen, Inc. and Betapharm AG" is one clause
DEAL_BREAK = re.compile(
    r";(?![^()]{0,60}\))|(?<!\.[a-z])(?<![^a-z][a-z])(?<!inc)(?<!ltd)(?<!corp)(?<!\bco)\."
    + ABBREVIATION_DOT
    + r"\s|:\s(?![^()]{0,40}\))|\n"
)

_BREAK_AT = re.compile(f"(?=({DEAL_BREAK.pattern}))")


@lru_cache(maxsize=16)
def deal_breaks(low: str) -> tuple[list[int], list[int]]:
    """(ends of the breaks a left-to-right DEAL_BREAK scan finds, starts of every position one matches at)."""
    starts: list[int] = []
    ends: list[int] = []
    scan_end = 0
    for m in _BREAK_AT.finditer(low):
        starts.append(m.start())
        if m.start() >= scan_end:  # a scan resumes after the break it found (".\n" is one break)
            scan_end = m.start() + len(m.group(1))
            ends.append(scan_end)
    return ends, starts
