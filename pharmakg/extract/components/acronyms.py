"""Whether a word in capitals abbreviates the words written before it ("Trials Group (ANZUP)"): the test
that tells an abbreviation being defined from a trial's or product's own acronym."""

from __future__ import annotations

import re


def initials_match(acronym: str, before: str) -> bool:
    """Schwartz-Hearst style: can the acronym's letters be read, in order, off the starts of the words?"""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = re.findall(r"[A-Za-z0-9]+", before)[-(len(letters) + 3) :]
    initials = "".join(w[0].lower() for w in words)
    i = 0
    for ch in initials:
        if i < len(letters) and ch == letters[i]:
            i += 1
    return i == len(letters)


def spells_last_words(acronym: str, before: str) -> bool:
    """Whether the acronym abbreviates the words right before it with one letter read from inside a word:
    "cardiovascular outcomes trial (CVOT)" (_initials_match reads word starts only); its first letter
    starts a word, its last starts the last word, the others start the words between, in order."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", before)[-(len(letters) + 1) :]]
    if len(letters) < 3 or not words or words[-1][0] != letters[-1]:
        return False
    starts = [k for k in range(len(words) - 1) if words[k][0] == letters[0]]
    return any(_reads(letters[:-1], words[k:-1], 1) for k in starts)


def _reads(letters: list[str], words: list[str], inner: int) -> bool:
    """Whether the letters are the words' initials in order (every word used), with up to ``inner``
    letters taken from inside the word whose initial came just before."""
    if not letters or not words:
        return not letters and not words
    if words[0][0] != letters[0]:
        return False
    rest = letters[1:]
    if inner and rest and rest[0] in words[0][1:] and _reads(rest[1:], words[1:], inner - 1):
        return True
    return _reads(rest, words[1:], inner)
