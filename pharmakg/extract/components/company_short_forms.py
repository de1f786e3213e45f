"""Company short forms: "Eli Lilly and Company ... Lilly will pay": a company name that is the last word(s) of
exactly one longer company name of the document is that company named short (read by pharmakg_aliases).

Only the last words: a name that opens a longer one is often a parent beside its subsidiary ("Orbital" and
"Orbital Japan": two companies by the conventions), while a name that closes one drops a first name or an
initial ("Lilly" of "Eli Lilly"). A short form that ends two longer names stays apart (it could be either).
"""

from __future__ import annotations

import re

from pharmakg.extract.components.base import Candidate

# at least this many letters in the short form: "AB" may be a ticker, an initialism or a unit
_MIN_LETTERS = 4


def company_core(surface: str, legal_tail: re.Pattern[str], generic: set[str]) -> list[str]:
    """A company name's words without legal suffixes and generic trailing words ("Helix Pharma, Inc.")."""
    words = legal_tail.sub("", surface).replace(",", " ").split()
    # "Eli Lilly and Company": the legal tail "Company" leaves its "and" behind
    while len(words) > 1 and (words[-1].lower().rstrip(".") in generic or words[-1].lower() in ("and", "&")):
        words.pop()
    return words


def company_short_links(
    cands: list[Candidate], text: str, legal_tail: re.Pattern[str], generic: set[str]
) -> list[tuple[int, int]]:
    """(short candidate, long candidate) index pairs to group (names compared by their core words)."""
    cores: dict[tuple[str, ...], int] = {}  # folded core words -> first candidate with them
    legal: set[tuple[str, ...]] = set()  # cores written with a legal suffix somewhere ("... Corporation")
    for i, c in enumerate(cands):
        if c.label != "COMPANY":
            continue
        surface = text[c.start : c.end]
        words = tuple(w.lower() for w in company_core(surface, legal_tail, generic))
        if words and surface[:1].isupper():
            cores.setdefault(words, i)
            if legal_tail.search(surface):
                legal.add(words)
    links = []
    for short, i in cores.items():
        if sum(len(w) for w in short) < _MIN_LETTERS:
            continue
        # the long name needs its legal suffix: a headline word glued to a name ("FDA Clears Orbital Pharma")
        # has none
        longer = [
            j
            for long, j in cores.items()
            if len(long) > len(short)
            and long[-len(short) :] == short
            and long in legal
            and not any(w.endswith(".") for w in long[:-1])  # "X Inc. X": two names glued, not one
        ]
        if len(longer) == 1:
            links.append((i, longer[0]))
    return links
