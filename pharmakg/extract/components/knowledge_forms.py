"""The other written forms under which the knowledge index (components/knowledge.py) files a table name: a
symbol with a digit split before its number (SIGLEC15 -> siglec 15) and a lone number in Roman numerals
(NaPi-2b -> NaPi IIb)."""

from __future__ import annotations

import re

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
