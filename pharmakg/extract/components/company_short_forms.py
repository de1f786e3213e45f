"""Company short forms: "Eli Lilly and Company ... Lilly will pay": a company name that is the last word(s) of
exactly one longer company name of the document is that company named short (read by pharmakg_aliases).

Only the last words: a name that opens a longer one is often a parent beside its subsidiary ("Orbital" and
"Orbital Japan": two companies by the conventions), while a name that closes one drops a first name or an
initial ("Lilly" of "Eli Lilly"). A short form that ends two longer names stays apart (it could be either).

Also: the last word of a two-word name whose first word is never a short name (short_name_stop: "Eli",
"Daiichi", "Boston") found where it stands alone ("Eli Lilly and Co. ... Lilly will select"), and the
regex of a stock ticker given in parentheses ("Helix Bio (Nasdaq: HLXB)"), another name of the company.
(First-word short forms, "Helix" of "Helix Theranostics", are found by pharmakg_companies when the rest of
the name is generic words.)
"""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.alias_forms import company_paren_alias
from pharmakg.extract.components.base import Candidate
from pharmakg.names import fold

# at least this many letters in the short form: "AB" may be a ticker, an initialism or a unit
_MIN_LETTERS = 4
# a capitalised word right before or after a word: it is part of a longer name
_CAP_BEFORE = re.compile(r"[A-Z][\w-]*[ \t]+$")
_CAP_AFTER = re.compile(r"[ \t]+[A-Z]")


def company_core(surface: str, legal_tail: re.Pattern[str], generic: set[str]) -> list[str]:
    """A company name's words without legal suffixes and generic trailing words ("Helix Pharma, Inc.")."""
    words = legal_tail.sub("", surface).replace(",", " ").split()
    # "Eli Lilly and Company": the legal tail "Company" leaves its "and" behind
    while len(words) > 1 and (words[-1].lower().rstrip(".") in generic or words[-1].lower() in ("and", "&")):
        words.pop()
    return words


def company_keys(
    surface: str, short_of: str | None, legal_tail: re.Pattern[str], generic: set[str]
) -> list[str]:
    """A company mention's grouping keys beyond its own surface: its core words, and for a short form the
    long name it stands for, both as written and by its core words ("Eli Lilly" of "Eli Lilly and Co.")."""
    keys = ["co:" + fold(" ".join(company_core(surface, legal_tail, generic)))]
    if short_of:
        keys += [
            "k:" + short_of,
            fold(short_of),
            "co:" + fold(" ".join(company_core(short_of, legal_tail, generic))),
        ]
    return keys


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


def company_last_word_mentions(
    cands: list[Candidate],
    text: str,
    occupied: bytearray,
    skips: list[tuple[int, int]],
    legal_tail: re.Pattern[str],
    generic: set[str],
    short_stop: set[str],
) -> list[Candidate]:
    """ "Eli Lilly and Co. ... Lilly will select the targets": the last word of a two-word company name whose
    first word is never a short name on its own (company_cues.json short_name_stop: a given name, a place, a
    common adjective) is that company wherever it stands alone, capitalised, with no capitalised word beside
    it. Not when two such names end in the same word, nor when the document also writes the word in lower
    case (an ordinary word: "Boston Scientific ... scientific advice")."""
    seen: dict[str, set[tuple[str, ...]]] = {}
    first: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.label != "COMPANY":
            continue
        words = company_core(text[c.start : c.end], legal_tail, generic)
        if len(words) != 2 or words[0] not in short_stop:
            continue
        last = words[1]
        if len(last) < _MIN_LETTERS or not (last[0].isupper() and last[1:].islower() and last.isalpha()):
            continue
        if last.lower() in generic:
            continue
        seen.setdefault(last, set()).add((words[0].lower(), last.lower()))
        first.setdefault(last, i)
    out: list[Candidate] = []
    for last, owners in seen.items():
        if len(owners) > 1 or re.search(rf"(?<![\w-]){re.escape(last.lower())}(?![\w-])", text):
            continue
        src = cands[first[last]]
        for m in re.finditer(rf"(?<![\w&-]){re.escape(last)}(?![\w-])", text):
            s, e = m.span()
            if any(occupied[s:e]) or any(s < b and a < e for a, b in skips):
                continue
            # part of a longer capitalised name ("Lilly Endowment", "Eli Lilly" itself)
            if _CAP_BEFORE.search(text, max(0, s - 30), s) or _CAP_AFTER.match(text, e):
                continue
            out.append(
                Candidate(
                    s,
                    e,
                    "COMPANY",
                    "alias:company_last_word",
                    src.confidence * 0.9,
                    extra={"link": first[last]},
                )
            )
            occupied[s:e] = b"\x01" * (e - s)
    return out


def ticker_regex(exchanges: list[str]) -> re.Pattern[str]:
    """ "Helix Bio (Nasdaq: HLXB)", "(ASX:HLX; OTCQB: HLXBF)": a stock ticker the parenthesis gives after an
    exchange's name (company_cues.json exchanges); group 1 is the ticker."""
    alt = "|".join(re.escape(x) for x in sorted(exchanges, key=len, reverse=True))
    return re.compile(rf"(?:{alt})\s*:\s*([A-Z][A-Z0-9]{{2,5}})")


class CompanyForms:
    """The other names of a document's companies that pharmakg_aliases learns: the last word alone
    (company_last_word_mentions) and the name a parenthesis after a company gives (its ticker, a short name
    or a former name)."""

    def __init__(self, cues: dict[str, Any], legal_tail: re.Pattern[str], generic: set[str]) -> None:
        self.legal_tail, self.generic = legal_tail, generic
        self.short_stop = set(cues["short_name_stop"])
        self.ticker = ticker_regex(cues.get("exchanges", ["Nasdaq"]))

    def last_word_mentions(
        self, cands: list[Candidate], text: str, occupied: bytearray, skips: list[tuple[int, int]]
    ) -> list[Candidate]:
        return company_last_word_mentions(
            cands, text, occupied, skips, self.legal_tail, self.generic, self.short_stop
        )

    def ticker_mentions(
        self, new: list[Candidate], text: str, occupied: bytearray, skips: list[tuple[int, int]]
    ) -> list[Candidate]:
        """The tickers paren_name found stand for their company where they are written alone ("MGNX will
        receive"), not in their parenthesis (a stock listing is no name of the text: "(Nasdaq: HLXB)"), and
        only with four letters or more (a ticker of three may be a word or an abbreviation: "DNA", "GEN")."""
        out = [c for c in new if c.extractor != "alias:company_ticker"]
        for t in new:
            tick = text[t.start : t.end]
            if t.extractor != "alias:company_ticker" or len(tick) < 4:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(tick)}(?![\w-])", text):
                s, e = m.span()
                if any(occupied[s:e]) or any(s < b and a < e for a, b in skips):
                    continue
                out.append(Candidate(s, e, "COMPANY", t.extractor, t.confidence * 0.95, extra=dict(t.extra)))
                occupied[s:e] = b"\x01" * (e - s)
        return out

    def paren_name(self, p: str, p_off: int, name: str, formerly: bool) -> tuple[int, int, str] | None:
        """(start, end, extractor) of the name "Name (p)" gives, p starting at p_off: "Helix Bio (Nasdaq:
        HLXB) ... HLXB will receive": the ticker, written alone in news reports, is another name of it
        (ticker_mentions keeps its lone occurrences)."""
        tm = self.ticker.fullmatch(p)
        if tm:
            return p_off + tm.start(1), p_off + tm.end(1), "alias:company_ticker"
        extractor = company_paren_alias(p, name, formerly)
        return (p_off, p_off + len(p), extractor) if extractor else None
