"""Helpers of pharmakg_companies (companies.py): every mention of a name a cue found once, the windows of text
around cue keywords, the named groups of deal-context patterns, and cue names glued to a headline word."""

from __future__ import annotations

import re

from pharmakg.extract.components.base import Candidate, merged_windows
from pharmakg.extract.literals import literal_spans

# one name word: capitalised, with a lower-case letter (not an acronym or code: those are compound shapes)
DEAL_WORD = r"[A-Z](?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]+"  # name_groups relies on the opening [A-Z]
# or a name that opens with a number before its capital ("3Helix", "4-Genix"): a first word only
DIGIT_WORD = r"\d\d?-?[A-Z](?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]+"  # name_groups relies on the opening \d


def drop_glued_words(new: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """The cue names without those a capitalised word glued in front of another company name: "FDA Allows
    Helix Pharma to Start ..." (a headline's verb) is "Helix Pharma", which the lexicon or a legal suffix
    found too; the company-word cue alone read "Allows Helix Pharma"."""
    firm = {
        (c.start, c.end)
        for c in [*cands, *new]
        if c.label == "COMPANY" and c.extractor != "cue:company_company_word"
    }
    return [
        c
        for c in new
        if c.extractor != "cue:company_company_word" or not any(c.start < a and b == c.end for a, b in firm)
    ]


def every_mention(
    text: str,
    name: str,
    extractor: str,
    confidence: float,
    extra: dict[str, str] | None = None,
) -> list[Candidate]:
    """A company candidate at every whole-word mention of a name a cue found once (the cue names the company;
    its other mentions need no cue of their own), written as found or in capitals ("NANOBIOTIX, a
    clinical-stage company, ..." in a release that writes "Nanobiotix" elsewhere)."""
    capitals = name.upper()
    forms = [name, capitals] if name != capitals and len(name) >= 4 else [name]
    return [
        Candidate(s, e, "COMPANY", extractor, confidence, priority=1, extra=dict(extra or {}))
        for s, e, _ in literal_spans(text, forms)  # = finditer of (?<![\w-])(?:name|NAME)(?![\w-])
    ]


def keyword_windows(low: str, keywords: list[str], before: int, after: int) -> list[tuple[int, int]]:
    """The merged spans of text from ``before`` characters before to ``after`` characters after each keyword
    (found with str.find: cheaper than running the cue regexes over the whole document)."""
    hits: list[int] = []
    for k in keywords:
        i = low.find(k)
        while i >= 0:
            hits.append(i)
            i = low.find(k, i + 1)
    return merged_windows([(h, h) for h in sorted(hits)], before, after, len(low))


def name_groups(pattern: str) -> str:
    """Replace the {NAME} placeholders of a deal-context pattern by named groups n1, n2.

    A pattern that opens with {NAME} checks the character before the name's capital after reading it
    (the same test): a pattern that starts with a character class lets the regex engine skip every
    position that is not a capital letter instead of trying the whole pattern there."""
    k = 0

    def group(m: re.Match[str]) -> str:
        nonlocal k
        k += 1
        if m.start() == 0:  # DEAL_WORD opens with [A-Z]
            first = rf"[A-Z](?<![\w-].){DEAL_WORD[5:]}|\d(?<![\w-].){DIGIT_WORD[2:]}"
            return rf"(?P<n{k}>(?:{first})(?:[ \t]+{DEAL_WORD})?)(?![\w-])"
        return rf"(?<![\w-])(?P<n{k}>(?:{DEAL_WORD}|{DIGIT_WORD})(?:[ \t]+{DEAL_WORD})?)(?![\w-])"

    return re.sub(r"\{NAME\}", group, pattern)


# an officer's title after a company name is no part of it ("Helix CEO Jane Roe said")
OFFICER_NEXT = frozenset(
    {"CEO", "Founder", "Co-Founder", "Co-founder", "Chairman", "President", "Chief", "CMO", "CSO", "CFO"}
)


def titled(word: str) -> str:
    """A word written in capitals as a title-case word ("ABOUT" -> "About", "WITH" -> "With"), to be looked up
    among the stop words of a name: the capitals of a headline or a filing ("ABOUT HELIX PHARMA, INC.", "...
    AGREEMENT WITH ORBIX, INC."); other words stay as written."""
    return word.title() if len(word) > 1 and word.isupper() and word.isalpha() else word


# title-case function words that never stand inside a company name found by a suffix or company word
INNER_STOP = frozenset(
    {
        "The",
        "About",
        "And",
        "AND",
        "Under",
        "With",
        "For",
        "By",
        "Of",
        "In",
        "As",
        "At",
        "On",
        "To",
        "From",
        "Between",
        "Through",
        "Via",
        "Versus",
        "Plus",
    }
)
