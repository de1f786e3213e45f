"""Text tests of the shape rules (pharmakg_shapes): where an abbreviated platform's long form starts,
whether a position lies in an all-capitals headline line, the words that never open a trial's name, and
whether a brand is written before the words of a regex."""

from __future__ import annotations

import re

from pharmakg.extract.components.acronyms import initials_match

__all__ = ["NOT_AFTER_WORD", "TRIAL_STOP", "mostly_caps_line", "trim_long_form", "word_before"]

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


# a trial-shaped name led by one of these words is no trial's name (shapes.ShapeRecognizer._trial_stopped)
TRIAL_STOP = {
    "PHASE",
    "STAGE",
    "PART",
    "ITEM",
    "TYPE",
    "CLASS",
    "GRADE",
    "GROUP",
    "STEP",
    "COHORT",
    "LEVEL",
    "SECTION",
    "EXHIBIT",
    "TIER",
    "ARM",
    "THIS",
    "THE",
    "OUR",
    "CLINICAL",
    "PIVOTAL",
    "STUDY",
    "TRIAL",
    "FORM",
    "NOTE",
    "SCHEDULE",
    "ANNEX",
    "TABLE",
    "FIGURE",
    "APPENDIX",
    "ARTICLE",
    "RULE",
    "TITLE",
    "CHAPTER",
    "VOLUME",
    "WORLD",
    "WAR",
    "GLOBAL",
    "RANDOMIZED",
    "OPEN",
    "LABEL",
    "COVID",
    "IND",  # "IND-enabling studies" are preclinical work, not a trial's name
    "GLP",
}

# the lookbehind that opens brand_names_platform: no word character or hyphen before the brand
NOT_AFTER_WORD = r"(?<![\w-])"


def word_before(text: str, low: str, word: str, tail: re.Pattern[str]) -> bool:
    r"""Whether ``re.search("(?<![\w-])" + re.escape(word) + tail.pattern, text, re.IGNORECASE)`` finds a
    match, for an ASCII ``word`` (lower-cased) and ``low`` = ``folded(text)`` (not None): the text's letters
    that a case-insensitive regex takes for an ASCII letter are those that lower to it there (the fold traps
    are not folded), so the word matches where ``low`` holds it; ``tail`` (compiled with IGNORECASE) is then
    matched where it ends."""
    n = len(word)
    i = low.find(word)
    while i >= 0:
        before = text[i - 1] if i else ""
        if not (before and (before.isalnum() or before in "_-")) and tail.match(text, i + n):
            return True
        i = low.find(word, i + 1)
    return False


class CodeContext:
    """Context that makes a code-shaped name no product (shapes.json code_not_before, cell_line_before/_after,
    code_label_before): a part or tool of drug making ("the SRL-9 capsid"), a cell line of an experiment ("in
    NCI-H358 cells"), the number of a label ("abstract LBA-4", "Poster P-123")."""

    def __init__(self, data: dict) -> None:
        self.cell_line_before = re.compile(data.get("cell_line_before", "(?!)"))
        self.cell_line_after = re.compile(data.get("cell_line_after", "(?!)"))
        self.label_before = re.compile(data.get("code_label_before", "(?!)"))
        self.code_not_before = re.compile(data.get("code_not_before", "(?!)"))

    def no_product(self, text: str, start: int, end: int) -> bool:
        if self.code_not_before.match(text, end):
            return True  # "the SRL-9 capsid", "the HXL-1 linker"
        if self.label_before.search(text, max(0, start - 30), start):
            return True
        return bool(
            self.cell_line_after.match(text, end)
            and self.cell_line_before.search(text, max(0, start - 40), start)
        )
