"""Text tests of the shape rules (pharmakg_shapes): where an abbreviated platform's long form starts, and
whether a position lies in an all-capitals headline line."""

from __future__ import annotations

import re

from pharmakg.extract.components.acronyms import initials_match

__all__ = ["mostly_caps_line", "trim_long_form"]

# the ASCII letters, for mostly_caps_line
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def trim_long_form(text: str, s: int, e: int) -> int:
    """'... using its Tumor-Activated Prodrug (TAP) technology': start at the abbreviation's words."""
    inner = text[s:e]
    p = inner.index("(")
    abbr = inner[p + 1 : inner.index(")")]
    words = list(re.finditer(r"[A-Za-z0-9][\w'’]*(?:-[\w'’]+)*", inner[:p]))
    for k in range(len(words) - 1, -1, -1):
        initials = "".join(part[0].lower() for w in words[k:] for part in re.split(r"-", w.group(0)) if part)
        if initials_match(abbr, inner[words[k].start() : p]) and len(initials) >= len(abbr):
            return s + words[k].start()
    # "lipid nanoparticle (LNP)": a letter may come from inside a word; the long form is the fewest last words
    # whose first letter is the abbreviation's and whose letters hold the abbreviation's in order
    for k in range(len(words) - 1, -1, -1):
        span = inner[words[k].start() : p].lower()
        if span[:1] == abbr[:1].lower() and _letters_in_order(abbr.lower(), span):
            return s + words[k].start()
    return s


def _letters_in_order(abbr: str, span: str) -> bool:
    it = iter(span)
    return all(ch in it for ch in abbr if ch.isalpha())


def mostly_caps_line(text: str, pos: int) -> bool:
    """Inside an ALL-CAPS headline, capitalised words are not trial names."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    line = text[ls : le if le >= 0 else len(text)]
    if line.isascii():  # the same counts without a loop in Python (a paragraph is one line in some texts)
        raw = line.encode("ascii")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        n_letters = upper + len(raw) - len(raw.translate(None, _ASCII_LOWER))
        return n_letters > 30 and upper > 0.8 * n_letters
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 30 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
