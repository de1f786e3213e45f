"""Diseases no table names, found by the frame that states an indication and the shape of their head noun.

A disease the lexicons do not hold ("Kessler-Ward dystrophy", "chronic thrombo-embolic vasculopathy") is
still read where the text says it as what a treatment is for: after a treatment frame ("for the treatment
of", "to treat", "patients with", "in adults with", "indicated for", "vaccine against", "a Phase 2 trial
in", and by regexes the compound's definition or effect: "ZX-12 is an oral antiviral for", "ZX-12 met its
primary endpoint in") or before a patient noun ("<disease> patients"), a noun phrase whose last word is a
disease head is a disease. A head is a disease noun of medical word-formation (disease, disorder, syndrome,
deficiency, dystrophy, infection, failure, ...) or a word with a disease suffix (-itis, -osis, -emia/-aemia,
-pathy, -plasia, -trophy, -oma, ...); the data and its provenance are in disease_grammar.json, section
``frames``. The same phrase read over a shorter lexicon name ("chronic <virus> enteritis", "idiopathic
<name> syndrome") gives the whole phrase, the longer span winning as everywhere.

Guards: the phrase stops at function words, punctuation and participles ("ascites resulting from"); a head
noun followed by another noun is a modifier ("disease progression"), not the head; a generic head
("disease", "disorder", "infection") needs a word of its own before it that is no state word ("advanced",
"relapsed"), no target status ("HER2-positive") and no stop modifier ("residual", "stable", "prior"), so
"patients with advanced disease" and "patients with no prior therapy" give nothing; heads the disease
grammar reads itself (cancer, lymphoma, ...) are left to it; a phrase whose core is already a disease
candidate adds nothing (the lexicon's name and key stand). Every other occurrence of a name found this way
in the document is a mention too. Side effects and company areas are dropped afterwards by the same guards
as every disease (disease_events.py, disease_areas.py), and a disease no compound holds leaves the
entities (relations/indications.py)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.base import Candidate
from pharmakg.extract.regex_scan import fast_re
from pharmakg.extract.relations.cue_words import phrase_alternation

# an abbreviated genus and its species are one word ("C. difficile infection", "S. aureus bacteremia")
_WORD = re.compile(r"\((?:[A-Za-z][\w-]*)\)|[A-Z]\.[ ]?[a-z]{4,}\b|[A-Za-z0-9][\w'’/-]*|[^\sA-Za-z0-9]")
_PUNCT = re.compile(r"^[^\w(]$")
_NUMBER = re.compile(r"^\d[\d.,]*$")
_PARTICIPLE = re.compile(r"^[a-z]{3,}(?:ing|ed)$")
_COORDINATED = re.compile(r"(?:\s*,)?\s+(?:and|or)\s+|\s*,\s+")


class DiseaseFrames:
    """The compiled ``frames`` section of the disease grammar."""

    def __init__(
        self, section: dict[str, Any], state: set[str], target_mod: re.Pattern[str], grammar_heads: set[str]
    ) -> None:
        self.enabled = bool(section.get("before"))
        if not self.enabled:
            return
        self.before = fast_re(rf"(?<![\w-])(?:{phrase_alternation(section['before'])})\s+", re.IGNORECASE)
        patterns = section.get("before_patterns", [])
        # frames that name the compound ("ZX-12 is an oral antiviral for"): regexes, case-sensitive
        self.before_patterns = fast_re("(?:" + "|".join(patterns) + r")\s+") if patterns else None
        self.after = fast_re(rf"\s+(?:{phrase_alternation(section['after'])})(?![\w-])", re.IGNORECASE)
        self.heads = {w.lower() for w in section["heads"]}
        self.suffixes = tuple(s.lower() for s in section["suffixes"])
        self.not_heads = {w.lower() for w in section.get("not_heads", [])}
        self.breaks = {w.lower() for w in section.get("breaks", [])}
        self.determiners = {w.lower() for w in section.get("determiners", [])}
        self.stop = {w.lower() for w in section.get("stop_modifiers", [])} | state
        self.state = state
        self.target_mod = target_mod
        self.grammar_heads = grammar_heads
        self.max_words = int(section.get("max_words", 6))
        self.confidence = float(section.get("confidence", 0.8))

    def is_head(self, word: str) -> bool:
        w = word.lower()
        if w in self.not_heads or w in self.grammar_heads:
            return False
        if w in self.heads:
            return True
        return any(w.endswith(s) and len(w) >= len(s) + 3 for s in self.suffixes)

    def _breaks(self, word: str) -> bool:
        w = word.lower()
        return w in self.breaks or bool(_PUNCT.match(w)) or bool(_NUMBER.match(w))

    def _phrase(self, toks: list[tuple[int, int, str]]) -> tuple[int, int, str, str] | None:
        """The disease phrase the words ``toks`` form, as (start, end, name, surface), or None."""
        while toks and toks[0][2].lower() in self.determiners:
            toks = toks[1:]
        if not toks or not self.is_head(toks[-1][2]):
            return None
        mods = toks[:-1]
        if any(t[2].startswith("(") for t in mods[:1]):
            return None
        own = [
            t
            for t in mods
            if t[2].lower().removeprefix("non-") not in self.stop
            and not self.target_mod.match(t[2])
            and not t[2].startswith("(")
        ]
        if toks[-1][2].lower() in self.heads and not own:
            return None  # "advanced disease", "HER2-positive disease", "residual disease"
        k = 0
        while k < len(mods) and mods[k][2].lower() in self.state:
            k += 1
        start = toks[k][0]
        return start, toks[-1][1], self._text(toks[k:]), self._text(toks)

    @staticmethod
    def _text(toks: list[tuple[int, int, str]]) -> str:
        return " ".join(t[2] for t in toks)

    def _forward(self, text: str, pos: int) -> tuple[int, int, str, str] | None:
        """The noun phrase starting at ``pos`` that ends in a disease head followed by no further noun."""
        toks: list[tuple[int, int, str]] = []
        for m in _WORD.finditer(text, pos, min(len(text), pos + 160)):
            w = m.group(0)
            if self._breaks(w) and not (toks == [] and w.lower() in self.determiners):
                break
            if toks and self.is_head(toks[-1][2]) and (w.startswith("(") or _PARTICIPLE.match(w)):
                break  # "<disease> (KWD)", "<disease> resulting from": the phrase ends at its head
            if "\n\n" in text[toks[-1][1] if toks else pos : m.start()]:
                break
            toks.append((m.start(), m.end(), w))
            if len(toks) > self.max_words + 1:
                break
        best = None
        for n in range(1, len(toks) + 1):
            if self.is_head(toks[n - 1][2]) and (n == len(toks) or not self.is_head(toks[n][2])):
                best = n if n == len(toks) else best
        # the phrase's head is its last word: a disease noun followed by another noun is a modifier
        return self._phrase(toks[:best]) if best else None

    def _backward(self, text: str, end: int) -> tuple[int, int, str, str] | None:
        """The noun phrase ending at ``end`` (before a patient noun) in a disease head."""
        window = text[max(0, end - 120) : end]
        lo = end - len(window)
        toks = [(lo + m.start(), lo + m.end(), m.group(0)) for m in _WORD.finditer(window)]
        k = len(toks)
        while k > 0 and not self._breaks(toks[k - 1][2]) and len(toks) - k < self.max_words:
            k -= 1
        if any("\n\n" in text[a[1] : b[0]] for a, b in zip(toks[k:], toks[k + 1 :], strict=False)):
            return None
        return self._phrase(toks[k:])

    def find(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """The disease candidates said in a frame, with every other occurrence of their names."""
        if not self.enabled:
            return []
        found: dict[tuple[int, int], tuple[str, str]] = {}
        frames = list(self.before.finditer(text))
        if self.before_patterns is not None:
            frames += self.before_patterns.finditer(text)
        for m in frames:
            hit = self._forward(text, m.end())
            for _ in range(4):  # "patients with <disease> or <disease>": each member of the list
                if hit is None:
                    break
                found[hit[0], hit[1]] = hit[2], hit[3]
                more = _COORDINATED.match(text, hit[1])
                hit = self._forward(text, more.end()) if more else None
        for m in self.after.finditer(text):
            hit = self._backward(text, m.start())
            if hit is not None:
                found[hit[0], hit[1]] = hit[2], hit[3]
        diseases = [c for c in cands if c.label == "DISEASE"]
        out: list[Candidate] = []
        names: dict[str, str] = {}
        for (s, e), (name, surface) in sorted(found.items()):
            # a known name inside a word ("Lowe disease" in "Tamsin-Lowe disease") is no name of its own here
            known = [
                c
                for c in diseases
                if c.end == e and s <= c.start and (c.start == s or text[c.start - 1].isspace())
            ]
            same = [c for c in known if c.start == s]
            if same:  # the lexicon or the grammar already reads this name: theirs stands, and the state
                # words the frame read before it ("pediatric <name>") make the surface an alias of it
                if surface and surface != name and not any(c.surface for c in same):
                    c = same[0]
                    out.append(self._candidate(s, e, c.key, c.name or text[c.start : c.end], surface))
                continue
            if any(
                s <= c.start and c.end < e and self.is_head(text[c.start : c.end].split()[-1])
                for c in diseases
            ):
                continue  # "<lexicon disease> virus infection": a known disease named more fully
            if known:  # "neovascular (wet) <lexicon disease>": the known name, the phrase its alias
                c = max(known, key=lambda c: c.end - c.start)
                out.append(self._candidate(s, e, c.key, c.name or text[c.start : c.end], surface or name))
                continue
            key = "frame|" + re.sub(r"[^a-z0-9]", "", name.lower())
            names[name] = key
            out.append(self._candidate(s, e, key, name, surface if surface != name else ""))
        for name, key in names.items():  # the name's other mentions in the document
            words = r"\s+".join(re.escape(w) for w in name.split())
            rx = re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)
            for m in rx.finditer(text):
                if not any(c.start <= m.start() and m.end() <= c.end for c in out):
                    out.append(self._candidate(m.start(), m.end(), key, name, ""))
        return out

    def _candidate(self, s: int, e: int, key: str, name: str, surface: str) -> Candidate:
        return Candidate(
            s,
            e,
            "DISEASE",
            "grammar:disease_frame",
            self.confidence,
            key=key,
            name=name,
            surface=surface,
            priority=1,
        )
