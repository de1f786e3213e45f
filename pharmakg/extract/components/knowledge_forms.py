"""The other written forms under which the knowledge index (components/knowledge.py) files a table name: a
symbol with a digit split before its number (SIGLEC15 -> siglec 15) and a lone number in Roman numerals
(NaPi-2b -> NaPi IIb); and the name forms of NameForms, read alike in the names and the text (a Greek letter
spelled or as the symbol's Latin letter, a glued number split off)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pharmakg.extract.regex_scan import fast_re

_LETTERS_THEN_DIGITS = re.compile(r"^([A-Za-z]{2,})(\d[\w]*)$")


def symbol_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The lower-cased word tuples of a one-word symbol with a digit, whole and split before its number
    (SIGLEC15 -> siglec15, siglec 15), matched in any case (knowledge.SYMBOL_FORM_KIND)."""
    if len(words) != 1 or not any(ch.isdigit() for ch in words[0]):
        return []
    low = words[0].lower()
    split = _LETTERS_THEN_DIGITS.match(low)
    return [(low,), (split.group(1), split.group(2))] if split else [(low,)]


# a symbol's number after a hyphen written in Roman numerals: "NaPi-IIb" of NaPi-2b, "IGF-IR" of IGF-1R
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_NUMBER_WORD = re.compile(r"^([1-4])([a-z]?)$")


def roman_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The word tuple of a symbol or alias with a lone number after a first word of letters, the number in
    Roman numerals (NaPi-2b -> NaPi IIb), matched as written like the name itself."""
    if len(words) < 2 or len(words[0]) < 2 or not words[0].isalpha():
        return []
    out = []
    for k in range(1, len(words)):
        m = _NUMBER_WORD.match(words[k])
        if m:
            out.append((*words[:k], _ROMAN[m.group(1)] + m.group(2), *words[k + 1 :]))
    return out


# a lower-case word of at least 4 letters with a number glued to it: "interleukin6" of "interleukin 6"
_GLUED_NUMBER = re.compile(r"^([a-z]{4,})(\d{1,3}[a-z]?)$")
# (start, end) of a word in the text
Span = tuple[int, int]


class NameForms:
    """Gene and protein names as releases write them, from a [letter, spelled, Latin] table of Greek letters
    (knowledge_context.json name_form_greek_letters), applied alike to a table name's words and to the text's:

    * spelled form (``spelled``): a Greek letter is a word of its own, spelled ("FRα" -> FR alpha, "MIP-4α"
      and "MIP-4alpha" -> MIP 4 alpha), and a number glued to a lower-case word is one too ("interleukin6" ->
      interleukin 6);
    * symbol form (``latin``, text only): a Greek letter is the Latin letter the HGNC symbol writes
      ("PPARγ" -> PPARG, "IL13Rα2" -> IL13RA2, "HIF-2alpha" -> HIF 2A), and a lone letter after a hyphen is
      glued to the symbol before it ("IFN-γ", "TNF-alpha" -> IFNG, TNFA). A Greek letter that starts a
      phrase ("α-helix", "β-cell") names no symbol and is left as written."""

    def __init__(self, letters: Sequence[Sequence[str]]) -> None:
        self.spelled_of = {row[0]: row[1] for row in letters}
        self.latin_of = {row[0]: row[2] for row in letters}
        self.latin_of.update({row[1]: row[2] for row in letters})
        spelled = "|".join(sorted((row[1] for row in letters), key=len, reverse=True))
        unicode = "".join(self.spelled_of)
        self._letter = re.compile(f"[{unicode}]") if unicode else re.compile("(?!)")
        # a spelled letter glued after a number: the "alpha" of "HIF-2alpha", "MIP-4alpha"
        self._spelled_after_number = re.compile(rf"^(\w*\d)({spelled})$") if spelled else re.compile("(?!)")
        # a text that may hold one of the forms, so that most texts cost one search
        parts = [
            p for p in (f"[{unicode}]" if unicode else "", rf"[\d-](?:{spelled})\b" if spelled else "") if p
        ]
        parts.append(r"\b[a-z]{4,}\d")
        self.trigger = fast_re("|".join(parts))
        # a table name whose spelled form may differ from it (a cheaper superset of the forms: ~100,000 names
        # are looked at when the index is built)
        self.name_trigger = re.compile(f"[{unicode}]|[a-z]\\d|\\d[a-z]" if unicode else r"[a-z]\d|\d[a-z]")

    def spelled_word(self, word: str) -> list[tuple[str, int, int]]:
        """The words of one word in the spelled form, with their offsets in it."""
        if self._letter.search(word):
            out: list[tuple[str, int, int]] = []
            start = 0
            for i, ch in enumerate(word):
                if ch in self.spelled_of:
                    if i > start:
                        out.append((word[start:i], start, i))
                    out.append((self.spelled_of[ch], i, i + 1))
                    start = i + 1
            if start < len(word):
                out.append((word[start:], start, len(word)))
            return out
        m = self._spelled_after_number.match(word) or _GLUED_NUMBER.match(word)
        if m:
            return [(m.group(1), 0, m.end(1)), (m.group(2), m.end(1), len(word))]
        return [(word, 0, len(word))]

    def spelled(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """A table name's words in the spelled form (the same words when none changes)."""
        return tuple(w for word in words for w, _, _ in self.spelled_word(word))

    def text_forms(
        self, text: str, words: Sequence[str], spans: Sequence[Span]
    ) -> list[tuple[list[str], list[Span]]]:
        """The text's words in the spelled and the symbol form, with their spans; [] if no word changes."""
        if self.trigger.search(text) is None:
            return []
        out = []
        spelled_words: list[str] = []
        spelled_spans: list[Span] = []
        for word, (s, _e) in zip(words, spans, strict=True):
            for w, a, b in self.spelled_word(word):
                spelled_words.append(w)
                spelled_spans.append((s + a, s + b))
        if spelled_words != list(words):
            out.append((spelled_words, spelled_spans))
        latin_words: list[str] = []
        latin_spans: list[Span] = []
        for word, span in zip(words, spans, strict=True):
            lone = self.latin_of.get(word)
            prev = latin_words[-1] if latin_words else ""
            if (
                lone is not None
                and prev
                and text[latin_spans[-1][1] : span[0]] in ("-", "‐", "‑")
                and any(c.isupper() for c in prev)
                and not any(c.islower() for c in prev)
                and (word in self.spelled_of or word.islower())
            ):
                latin_words[-1] = prev + lone  # "IFN-γ" -> IFNG
                latin_spans[-1] = (latin_spans[-1][0], span[1])
                continue
            if len(word) > 1 and self._letter.search(word):
                word = "".join(self.latin_of.get(c, c) for c in word)  # "PPARγ" -> PPARG
            else:
                m = self._spelled_after_number.match(word)
                if m:
                    word = m.group(1) + self.latin_of[m.group(2)]  # "2alpha" -> 2A
            latin_words.append(word)
            latin_spans.append(span)
        if latin_words != list(words):
            out.append((latin_words, latin_spans))
        return out


# numbered members of a family after its plural noun: "cyclin-dependent kinases 4 and 6", "fibroblast growth
# factor receptors 1, 2 and 3", "Janus kinases 1 or 2" (a member's number: 1-2 digits and a letter)
_PLURAL_MEMBERS = re.compile(
    r"(?<![\w-])((?:[A-Za-z][\w]*[- ]){0,5}[A-Za-z][a-z]+)s[ \t]+(\d{1,2}[a-z]?)"
    r"((?:[ \t]*,[ \t]*\d{1,2}[a-z]?)*,?[ \t]+(?:and|or|and/or)[ \t]+\d{1,2}[a-z]?)(?![\w.-])"
)
_MEMBER_NUMBER = re.compile(r"\d{1,2}[a-z]?")
_NAME_WORD = re.compile(r"[^\W_]+")


def plural_members(text: str, is_name: Callable[[tuple[str, ...]], bool]) -> list[list[tuple[int, int, str]]]:
    """For each family named by its plural noun and numbers ("cyclin-dependent kinases 4 and 6"), the (start,
    end, name) of each member ("cyclin-dependent kinases 4" as cyclin-dependent kinase 4, "6" as
    cyclin-dependent kinase 6), where ``is_name`` knows the singular head and each number as a target name
    (the longest head that it knows: "kinases 4" alone is no member of anything)."""
    if " and " not in text and " or " not in text:
        return []
    out: list[list[tuple[int, int, str]]] = []
    for m in _PLURAL_MEMBERS.finditer(text):
        words = list(_NAME_WORD.finditer(m.group(1)))
        numbers = [m.group(2)] + _MEMBER_NUMBER.findall(m.group(3))
        for k in range(len(words)):
            head = tuple(w.group(0).lower() for w in words[k:])
            if all(is_name((*head, n)) for n in numbers):
                start = m.start(1) + words[k].start()
                stem = text[start : m.end(1)]
                group = [(start, m.end(2), f"{stem} {numbers[0]}")]
                for n in _MEMBER_NUMBER.finditer(m.group(3)):
                    group.append((m.start(3) + n.start(), m.start(3) + n.end(), f"{stem} {n.group(0)}"))
                out.append(group)
                break
    return out
