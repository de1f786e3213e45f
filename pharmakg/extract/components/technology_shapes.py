"""Platforms named by their shape in context (shapes.json "technology_context"), beside the plain regex rules.

Three shapes need a check a regex cannot make on its own:
- a capitalised word before a platform noun ("the Lumora conjugation platform", "our proprietary Vexin
  technology"): a name only if the text never writes the word in lower case (a common word) and never uses it
  as a company's name ("Lumora Therapeutics", "Lumora's");
- a name defined by its long form just after it ("the KLAMP™ (Kinase-Linked Antibody Masking Peptide)
  technology"): the long form's initials must spell the name;
- names listed after a platform noun ("its proprietary conjugation technologies, SynLok and TetraLink, and
  ..."): each listed name of a platform's shape (camel case, capitals or a trademark).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pharmakg.extract.components.alias_forms import technology_head
from pharmakg.extract.components.base import Candidate, merged_windows
from pharmakg.extract.regex_scan import fast_re

# "Lumora's", "Lumora Therapeutics", "Lumora Inc": the word names a company somewhere in the text
_COMPANY_USE = r"(?:['’]s?\b|\s+(?:{WORDS})\b)"
_MARK = re.compile(r"(?:[®™]|\((?:TM|R)\))")
# the end of the text before a sentence's first word
_SENTENCE_START = re.compile(r"(?:[.!?:;]\s+|\n\s*)\Z")
# how far from a platform noun a shape may start or a listed name end
_REACH = 160


class TechnologyShapes:
    def __init__(self, data: dict[str, Any]) -> None:
        # fast_re (extract.regex_scan): re.compile, tried only where a match can start
        self.capitalised = fast_re(data["capitalised"])
        self.capitalised_listed = fast_re(data.get("capitalised_listed", "(?!)"))
        self.capitalised_listed_name = fast_re(data.get("capitalised_listed_name", "(?!)"))
        self.defined_after = fast_re(data["defined_after"])
        self.defined_before = fast_re(data.get("defined_before", "(?!)"))
        self.modality_phrase = fast_re(data.get("modality_phrase", "(?!)"))
        self.modality_owner = fast_re(data.get("modality_owner", "(?!)"))
        self.named_words = fast_re(data["named_words"])
        self.named_later = fast_re(data["named_later"])
        self.listed_later = fast_re(data["listed_later"])
        name = data["list_name"]
        self.list_name = fast_re(name)
        self.listed = fast_re(data["listed"].replace("{NAME}", name))
        self.stop = {w.lower() for w in data.get("stop", [])}
        self.stop_upper = {w.upper() for w in data.get("stop", [])}
        words = "|".join(re.escape(w) for w in sorted(data.get("company_words", []), key=len, reverse=True))
        self.company_use = _COMPANY_USE.replace("{WORDS}", words or "(?!)")
        self.company_word_set = set(data.get("company_words", []))
        self.head = fast_re(data["head"])
        self.apposed = fast_re(data["apposed"])
        self.apposed_copula = fast_re(data.get("apposed_copula", "(?!)"))
        self.named_before = fast_re(data["named_before"])
        self.based = fast_re(data["based"])
        self.based_head = re.compile(data["based_head"])

    def __call__(self, text: str, named: list[Candidate]) -> list[Candidate]:
        spans = _windows(text, self.head)
        based = _windows(text, self.based_head)
        if not spans and not based:
            return []
        companies = {text[c.start : c.end] for c in named if c.label == "COMPANY"}
        return [
            *self._capitalised(text, spans, companies),
            *self._capitalised_listed(text, spans, companies),
            *self._defined_after(text, spans),
            *self._defined_before(text, spans, named),
            *self._listed(text, spans),
            *self._named_words(text, spans, companies),
            *self._named_apart(text, self.apposed, spans, named),
            *self._named_apart(text, self.apposed_copula, spans, named, subject=True),
            *self._named_apart(text, self.based, based, named),
        ]

    def _named_apart(
        self,
        text: str,
        rx: re.Pattern[str],
        spans: list[tuple[int, int]],
        named: list[Candidate],
        subject: bool = False,
    ) -> list[Candidate]:
        """A name set off by a comma before an owned platform phrase, or before "-based", or the subject of a
        copula before one (``subject``: "Trimora is Helix's protein engineering platform", where a capitalised
        word opening the sentence is the name): a platform unless a common word, a company's name or a name
        another rule reads as something else (a drug, a target)."""
        out = []
        for m in _in(rx, text, spans):
            s, e = m.span(1)
            word = m.group(2)
            if word.lower() in self.stop or any(c.start < e and s < c.end for c in named):
                continue
            opens = not subject and (s < 2 or _SENTENCE_START.search(text[s - 4 : s]) is not None)
            if word[1:].islower() and (opens or self._common_or_company(text, word)):
                continue  # "Importantly, Helix's platform": a capitalised word opening a sentence is no name
            if self._company_name(text, word):
                continue
            out.append(Candidate(s, e, "TECHNOLOGY", "shape:technology_named_apart", confidence=0.7))
        return out

    def _named_words(self, text: str, spans: list[tuple[int, int]], companies: set[str]) -> list[Candidate]:
        out = []
        for m in _in(self.named_words, text, spans):
            word = m.group(2)
            if {word.upper(), word.split("-")[0].upper()} & self.stop_upper:
                continue  # "the mRNA vaccine platform", "the AAV gene therapy platform": a modality
            if word in companies or self._company_name(text, word):
                continue  # "Helix drug delivery technology": a company's technology, named by the owner
            s, e = m.span(1)
            out.append(Candidate(s, e, "TECHNOLOGY", "shape:technology_named_words", confidence=0.75))
        return out

    def _restates(self, text: str, c: Candidate, o: Candidate) -> bool:
        """Whether the owned phrase c restates the named platform o next to it ("Trimora, Helix's protein
        engineering platform"; "Helix's delivery technology, known as the Medora® Technology")."""
        if o.end <= c.start:
            return bool(self.named_before.match(text[o.end : c.start]))
        return c.end < o.start and bool(self.named_later.match(text[c.end : o.start]))

    def without_owner(self, text: str, found: list[Candidate]) -> None:
        """ "the Quillon Genomics PrimeEdit technology": capitalised words before a platform's name that name
        a company (a company word ends them, or the text uses them as a company's name) are its owner, not
        part of the name: the candidate starts after them."""
        for c in found:
            if c.label != "TECHNOLOGY" or c.extractor != "shape:technology_named":
                continue
            words = list(re.finditer(r"\S+", text[c.start : c.end]))
            for w in reversed(words[:-2]):
                lead = text[c.start : c.start + w.end()]
                if w.group(0) in self.company_word_set or self._company_name(text, lead):
                    c.start += words[words.index(w) + 1].start()
                    break

    def renamed(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """An owned phrase that restates the named platform beside it is that platform (one entity: the
        name becomes its grouping key, and "Helix's" still says whose it is); one that only introduces a list
        of named platforms ("Helix's ADC technologies, SynLok and TetraLink") is dropped."""
        techs = [c for c in found if c.label == "TECHNOLOGY"]
        out = []
        for c in found:
            if c.extractor != "shape:technology_owned":
                out.append(c)
                continue
            if any(
                o.extractor == "shape:technology_listed" and self.listed_later.match(text[c.end : o.start])
                for o in techs
                if o.start > c.end
            ):
                continue
            same = next((o for o in techs if o is not c and self._restates(text, c, o)), None)
            if same is not None:
                name = text[same.start : same.end]
                key = technology_head(name) or _MARK.sub("", name)  # "Medora(R) technology" is keyed "Medora"
                c.extra = {**c.extra, "keys": [*c.extra.get("keys", []), key]}
            out.append(c)
        return out

    def modality(self, text: str, c: Candidate) -> bool:
        """Whether the candidate is a modality's word and a platform noun alone ("RNAi technology")."""
        return c.label == "TECHNOLOGY" and self.modality_phrase.fullmatch(text, c.start, c.end) is not None

    def unowned_modalities(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """ "an application of RNAi technology", "X is a next-generation ADC platform": a modality said with a
        platform noun names no platform unless owned ("Helix's ADC technology", "our siRNA platform")."""
        return [c for c in found if not self.modality(text, c) or self._owned(text, c.start)]

    def _owned(self, text: str, start: int) -> bool:
        """An owner right before the phrase: "Helix's industry-leading ...", "our proprietary ..."."""
        return (
            start > 0
            and text[start - 1].isspace()
            and self.modality_owner.search(text, max(0, start - 80), start) is not None
        )

    def _capitalised(self, text: str, spans: list[tuple[int, int]], companies: set[str]) -> list[Candidate]:
        out = []
        for m in _in(self.capitalised, text, spans):
            word = m.group(2)
            if word.lower() in self.stop or word in companies or self._common_or_company(text, word):
                continue
            if (m.group(3) or "").lower() in self.stop:
                continue  # "the Lumora Antibody platform": a company's or a modality's words, no name
            s, e = m.span(1)
            # "the Medora platform" and "Medora® technology" are one platform: its name is a grouping key; the
            # capitalised words alone ("the Lumora Display platform ... using Lumora Display") name it too
            head = _MARK.sub("", text[m.start(2) : m.end(3) if m.group(3) else m.end(2)])
            extra = {"keys": [word], "head": head}
            cand = Candidate(s, e, "TECHNOLOGY", "shape:technology_capitalised", 0.7, extra=extra)
            out.append(cand)
        return out

    def _capitalised_listed(
        self, text: str, spans: list[tuple[int, int]], companies: set[str]
    ) -> list[Candidate]:
        """ "its proprietary Zorax and Alco7 platforms": each capitalised name listed before a plural platform
        noun, under the checks of a single one (no common word, no company's name)."""
        out = []
        for m in _in(self.capitalised_listed, text, spans):
            for n in self.capitalised_listed_name.finditer(m.group(1)):
                word = _MARK.sub("", n.group(0))
                if word.lower() in self.stop or word in companies or self._common_or_company(text, word):
                    continue
                s = m.start(1) + n.start()
                out.append(Candidate(s, s + len(word), "TECHNOLOGY", "shape:technology_capitalised", 0.7))
        return out

    def _common_or_company(self, text: str, word: str) -> bool:
        """The word written in lower case (a common word capitalised for emphasis), or used as a company's
        name ("Lumora's", "Lumora Therapeutics")."""
        if re.search(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])", text):
            return True
        return self._company_name(text, word)

    def _company_name(self, text: str, word: str) -> bool:
        return re.search(r"(?<![\w-])" + re.escape(word) + self.company_use, text) is not None

    def _defined_after(self, text: str, spans: list[tuple[int, int]]) -> list[Candidate]:
        out = []
        for m in _in(self.defined_after, text, spans):
            name, long_form = _MARK.sub("", m.group(2)), m.group(3)
            if not spells(name, long_form):
                continue
            s, e = m.start(2), m.start(2) + len(name)  # the name without its mark, its long form an alias
            out.append(
                Candidate(
                    s, e, "TECHNOLOGY", "shape:technology_defined_after", confidence=0.8, surface=long_form
                )
            )
        return out

    def _defined_before(
        self, text: str, spans: list[tuple[int, int]], named: list[Candidate]
    ) -> list[Candidate]:
        """ "its proprietary Helical Antigen Lattice Option (HALO) protein engineering technology": the
        shortest run of words before the parenthesis whose initials spell the abbreviation is the long form;
        the platform runs from it to the platform noun, the long form its alias. Not a run another rule reads
        as a name of another kind (a company: "Helix Bio Labs (HBL) platform")."""
        out = []
        for m in _in(self.defined_before, text, spans):
            abbr = _MARK.sub("", m.group(2))
            abbr = abbr[:-1] if abbr.endswith("s") and abbr[-2:-1].isupper() else abbr  # "TATs": a plural
            words = list(re.finditer(r"[A-Za-z][\w-]*", m.group(1)))
            start = next(
                (
                    m.start(1) + w.start()
                    for w in reversed(words)
                    if spells(abbr, text[m.start(1) + w.start() : m.end(1)])
                ),
                None,
            )
            if start is None or any(
                c.label != "TECHNOLOGY" and c.start < m.end(1) and start < c.end for c in named
            ):
                continue
            if abbr.upper() in self.stop_upper and not self._owned(text, start):
                continue  # "a lipid nanoparticle (LNP) delivery platform": a modality, unless owned
            long_form = text[start : m.end(1)].strip()
            out.append(
                Candidate(
                    start,
                    m.end(),
                    "TECHNOLOGY",
                    "shape:technology_defined_before",
                    confidence=0.75,
                    surface=long_form,
                )
            )
        return out

    def _listed(self, text: str, spans: list[tuple[int, int]]) -> list[Candidate]:
        out = []
        for m in _in(self.listed, text, spans):
            names = list(self.list_name.finditer(m.group(1)))
            if len(names) == 1 and not re.match(r"\s*[,.;)]", text[m.end(1) :]):
                continue  # one name after "technology," must close the apposition ("..., SynLok, ...")
            for n in names:
                word = _MARK.sub("", n.group(0))
                if word.lower() in self.stop or len(word) < 3:
                    continue
                s = m.start(1) + n.start()
                out.append(
                    Candidate(s, s + len(word), "TECHNOLOGY", "shape:technology_listed", confidence=0.7)
                )
        return out


def _windows(text: str, head: re.Pattern[str]) -> list[tuple[int, int]]:
    """The stretches of text around each platform noun, merged: every shape here ends at such a noun or lists
    names right after one, so the rest of the text need not be searched."""
    return merged_windows([h.span() for h in head.finditer(text)], _REACH, _REACH, len(text))


def _in(rx: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for s, e in spans:
        yield from rx.finditer(text, s, e)


def spells(name: str, long_form: str) -> bool:
    """ "BEAM (Bispecific Engagement by Antibody Modules)": the name's capitals are the initials, in order, of
    the long form's words (small joining words may be skipped; a word may give two letters)."""
    letters = [c.lower() for c in name if c.isalpha()]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", long_form)]
    if len(letters) < 2 or not words or words[0][0] != letters[0]:
        return False
    i = 0
    for w in words:
        j = 0
        while i < len(letters) and j < len(w) and w[j] == letters[i] and (j == 0 or j < 2):
            i += 1
            j += 1
    return i == len(letters)
