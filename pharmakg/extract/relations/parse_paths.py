"""The dependency path between two mentions, written as a short string that path patterns match.

The statistical model of the accuracy mode (pharmakg_accuracy_reader) leaves its parse in
``doc._.pkg_reading``: per token its character span, head, dependency label and lemma. The path between two
mentions runs from the head word of the first up to the lowest word both depend on, then down to the head
word of the second. It is written as the steps and the lemmas of the words passed on the way:

* ``<nsubjpass``: a step up from a word to its head, by that label; ``>dobj``: a step down to a dependent;
* ``<prep:of``, ``>prep:for``, ``>agent:by``: a preposition and its object, taken in one step (the
  preposition's word stands after the colon);
* ``[evaluate]``: the top word; ``[*]`` when the top is one of the two mentions itself ("ZB-12 in gout");
* the mentions' own words are not written, and coordination and apposition at either end are left out
  ("ZB-12 and ZB-14 in gout", "an ADC, ZB-12, ...": the other conjunct or the apposed noun stands for it).

"ZB-12 is being evaluated for the treatment of gout" (ZB-12 to gout): ``<nsubjpass [evaluate] >prep:for
treatment >prep:of``. The patterns themselves are data (patterns/dependency_paths.json).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

# coordination and apposition at the ends of a path: the conjunct or apposed noun stands for the mention
_SAME_THING = frozenset({"conj", "appos"})
# labels of a preposition whose object the path takes with it in one step
_PREPOSITIONS = frozenset({"prep", "agent"})
_MAX_DEPTH = 60  # a parse is a tree; the bound only guards against a malformed reading


class Parse:
    """The reading's parse with lookups by character offset (built once per document)."""

    def __init__(self, reading: dict[str, Any]) -> None:
        self.starts = [s for s, _ in reading["tokens"]]
        self.ends = [e for _, e in reading["tokens"]]
        self.heads: list[int] = reading["heads"]
        self.deps: list[str] = reading["deps"]
        self.lemmas: list[str] = reading["lemmas"]

    def head_word(self, start: int, end: int) -> int | None:
        """The token of the characters [start, end) whose head lies outside them (the last such one: an
        English name ends in its head word); None when no token lies there."""
        first, stop = bisect_right(self.ends, start), bisect_left(self.starts, end)
        if first >= stop:
            return None
        roots = [i for i in range(first, stop) if not first <= self.heads[i] < stop or self.heads[i] == i]
        return roots[-1] if roots else stop - 1

    def _up(self, i: int) -> list[int]:
        """``i`` and its heads up to the root of its sentence."""
        chain = [i]
        while self.heads[i] != i and len(chain) < _MAX_DEPTH:
            i = self.heads[i]
            chain.append(i)
        return chain

    def path(self, a: int, b: int, max_steps: int) -> str | None:
        """The path from token ``a`` to token ``b`` (module doc), None when they lie in different sentences
        of the parse, are the same word, or are more than ``max_steps`` steps apart."""
        if a == b:
            return None
        up_a, up_b = self._up(a), self._up(b)
        on_b = set(up_b)
        top = next((x for x in up_a if x in on_b), None)
        if top is None:
            return None
        rising, falling = up_a[: up_a.index(top)], up_b[: up_b.index(top)]
        if len(rising) + len(falling) > max_steps:
            return None
        while rising and self.deps[rising[0]] in _SAME_THING:
            rising.pop(0)
        while falling and self.deps[falling[0]] in _SAME_THING:
            falling.pop(0)
        top_word = "*" if top in (a, b) else self.lemmas[top]
        return " ".join([*self._rising(rising, top), f"[{top_word}]", *self._falling(falling[::-1], b)])

    def _rising(self, chain: list[int], top: int) -> list[str]:
        """The steps up from the first mention to the top (``chain``: the words passed, lowest first)."""
        out: list[str] = []
        k = 0
        while k < len(chain):
            x = chain[k]
            head = self.heads[x]
            if self.deps[x] == "pobj" and self.deps[head] in _PREPOSITIONS and head in chain:
                out.append(f"<{self.deps[head]}:{self.lemmas[head]}")
                k += 2  # the preposition is taken with its object
                head = self.heads[head]
            else:
                out.append(f"<{self.deps[x]}")
                k += 1
            if head != top:
                out.append(self.lemmas[head])
        return out

    def _falling(self, chain: list[int], b: int) -> list[str]:
        """The steps down from the top to the second mention (``chain``: the words passed, highest first)."""
        out: list[str] = []
        k = 0
        while k < len(chain):
            x = chain[k]
            if self.deps[x] in _PREPOSITIONS and k + 1 < len(chain) and self.deps[chain[k + 1]] == "pobj":
                out.append(f">{self.deps[x]}:{self.lemmas[x]}")
                x = chain[k + 1]
                k += 2
            else:
                out.append(f">{self.deps[x]}")
                k += 1
            if x != b:
                out.append(self.lemmas[x])
        return out
