"""Regular-expression alternations over cue words read from the data files."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], *, lower: bool = False) -> str:
    """The words as one regex alternation, escaped, longest first, or a pattern that never matches.

    Longest first because a regex alternation takes its first branch that matches: "license" before
    "license agreement" would stop short. An empty list gives ``(?!)``, never the empty string, which
    would match everywhere.
    """
    escaped = {re.escape(word.lower() if lower else word) for word in words}
    return "|".join(sorted(escaped, key=lambda w: (-len(w), w))) or "(?!)"


def phrase_alternation(words: Iterable[str]) -> str:
    """:func:`alternation` of lower-cased cue phrases whose spaces match any run of whitespace: a phrase of
    the data files ("made available", "relating to") also matches across a line break of the text."""
    return alternation(words, lower=True).replace(r"\ ", r"\s+")
