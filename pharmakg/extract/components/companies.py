"""pharmakg_companies: company names the lexicon does not know, found by cues, plus in-document short names.

Cues (patterns/company_cues.json): a capitalised name followed by a legal suffix ("X, Inc.", "X AG", "X plc",
"X Co., Ltd."), by a company word ("X Pharmaceuticals", "X Therapeutics"), or by a stock ticker
("X (Nasdaq: TICK)"). Leading sentence words ("About", "The") are trimmed; names with institution words
(University, Society, Communications, Capital ...) are dropped, and the stop lexicon drops regulators and
exchanges later. Short names: when "Millennium Pharmaceuticals" is a company of the document and the rest of
the name is generic ("Pharmaceuticals", "Pharma", "Inc."), its first word alone ("Millennium", "Millennium's")
is a mention of the same company.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pharmakg.extract.components.base import Candidate, candidates, doc_text, read_json, register_extensions

register_extensions()

_WORD = r"(?:[A-Z][A-Za-z0-9&.]*(?:-[A-Z0-9][A-Za-z0-9]*)*|&)"


class CompanyCues:
    def __init__(self, cues: str, confidence: float) -> None:
        data = read_json(cues)
        self.confidence = confidence
        legal = "|".join(re.escape(s) for s in sorted(data["legal_suffixes"], key=len, reverse=True))
        words = "|".join(re.escape(s) for s in sorted(data["name_words"], key=len, reverse=True))
        name = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
        self.rx_legal = re.compile(rf"(?<![\w-])({name}),?[ \t]+(?:{legal})(?![\w])")
        self.rx_word = re.compile(rf"(?<![\w-])((?:{_WORD}[ \t]+){{1,2}}(?:{words}))(?![\w-])")
        self.rx_ticker = re.compile(
            rf"(?<![\w-])({name})\s*,?\s*\((?:Nasdaq|NASDAQ|NYSE|LSE|OMX|TSX|AMEX|ASX|SIX|Euronext|OTC)\b"
        )
        self.left_stop = set(data["left_stop"])
        self.bad = set(data["bad_words"])
        self.generic = {w.lower().rstrip(".") for w in data["generic_words"]}
        self.short_stop = set(data["short_name_stop"])

    def _clean(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        surface = text[s:e]
        words = surface.split()
        while words and (words[0] in self.left_stop or words[0] == "&"):
            s = text.index(words[0], s) + len(words[0])
            while s < e and text[s].isspace():
                s += 1
            words = words[1:]
        if not words or any(w.strip(",.") in self.bad for w in words):
            return None
        if all(w.lower().rstrip(".,") in self.generic for w in words):
            return None  # "Pharmaceuticals Inc." alone is not a name
        return s, e

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        cands = candidates(doc)
        new: list[Candidate] = []
        for rx, rule, whole in (
            (self.rx_legal, "legal_suffix", True),
            (self.rx_word, "company_word", False),
            (self.rx_ticker, "ticker", False),
        ):
            for m in rx.finditer(text):
                s, e = m.span(0) if whole else m.span(1)
                if whole:
                    e = m.end(0)
                cleaned = self._clean(text, s if not whole else m.start(1), e)
                if cleaned is None:
                    continue
                new.append(
                    Candidate(
                        cleaned[0], cleaned[1], "COMPANY", "cue:company_" + rule, self.confidence, priority=1
                    )
                )
        cands.extend(new)
        self._short_names(doc, cands)
        return doc

    def _short_names(self, doc: Doc, cands: list[Candidate]) -> None:
        text = doc_text(doc)
        longs: dict[str, str] = {}
        stops = [c for c in cands if c.label == "STOP"]
        for c in cands:
            if c.label != "COMPANY" or any(s.start <= c.start and c.end <= s.end for s in stops):
                continue
            words = re.sub(r"[,]", " ", text[c.start : c.end]).split()
            if len(words) < 2:
                continue
            first = words[0]
            if (
                first in self.short_stop
                or len(first) < 3
                or not first[0].isupper()
                or re.search(r"\d", first)
                or first.isupper()
                and len(first) <= 3
            ):
                continue
            if all(w.lower().rstrip(".") in self.generic for w in words[1:]):
                longs.setdefault(first, c.key or text[c.start : c.end])
        for first, key in longs.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(first)}(?![\w])", text):
                cands.append(
                    Candidate(
                        m.start(),
                        m.end(),
                        "COMPANY",
                        "cue:company_short_name",
                        0.8,
                        priority=1,
                        extra={"short_of": key},
                    )
                )


@Language.factory(
    "pharmakg_companies",
    default_config={"cues": "company_cues.json", "confidence": 0.8},
)
def make_companies(nlp: Language, name: str, cues: str, confidence: float) -> CompanyCues:
    return CompanyCues(cues, confidence)
