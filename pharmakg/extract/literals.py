"""The literal words a regex cannot match without: a prefilter that skips a regex where it cannot match.

Running a regex over a text costs time at every character, even where it finds nothing; checking that a text
holds a word (``str.__contains__``) is a fast C scan. Many rule regexes cannot match without one of a few
words ("phase", "approv", "licens"), so a text that holds none of them need not be searched at all.

:func:`needed_literals` reads a compiled regex's parse tree and returns words of which every match holds at
least one (lower-cased, ASCII only), or None when it cannot tell. :func:`folded` lowers a text for that check.
The check is a necessary condition only: where it says "may match" the regex is run as before, so whatever
the regex finds is unchanged; where it says "cannot", the regex would have found nothing.

Case: a literal is compared with the lowered text whatever the regex's case flags (a case-sensitive "P"
matches only "P", which lowers to "p"). The regex engine's case-insensitive matching also pairs a few
non-ASCII letters with ASCII ones that ``str.lower`` does not lower to them (dotless "ı" with "i", long "ſ"
with "s", "İ" lowers to "i" plus a combining dot): a text holding one of them is not folded (:func:`folded`
returns None and the regex runs).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

try:  # the regex parser is re._parser from Python 3.11, sre_parse before
    import re._parser as _sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef,unused-ignore]

__all__ = [
    "FOLD_TRAPS",
    "folded",
    "holds_any",
    "literal_spans",
    "may_match",
    "may_match_within",
    "needed_literal_groups",
    "needed_literals",
    "whole_words_regex",
    "word_sets",
]

# non-ASCII characters that case-insensitive regex matching takes for an ASCII letter while str.lower() does
# not give that letter (tests/extract/test_literals.py checks the list against every code point)
FOLD_TRAPS = ("ı", "ſ", "İ")

# the non-ASCII characters a case-insensitive regex takes for an ASCII letter (tests check every code point)
CASE_PAIRS = {"i": "İı", "s": "ſ", "k": "\u212a"}

_MIN_LEN = 3  # shorter words are in nearly every text: no use as a filter
_MAX_WORDS = 40  # more alternatives cost more str scans than they save

_LITERAL = _sre_parse.LITERAL
_BRANCH = _sre_parse.BRANCH
_SUBPATTERN = _sre_parse.SUBPATTERN
_REPEATS = (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT)
_POSSESSIVE = getattr(_sre_parse, "POSSESSIVE_REPEAT", None)
_ATOMIC = getattr(_sre_parse, "ATOMIC_GROUP", None)


def folded(text: str) -> str | None:
    """``text`` lowered for :func:`may_match`, or None when lowering could hide a case-insensitive match."""
    if text.isascii() or not any(t in text for t in FOLD_TRAPS):
        return text.lower()
    return None


def may_match(low: str | None, words: tuple[str, ...] | None, held: dict[str, bool] | None = None) -> bool:
    """Whether a regex that needs one of ``words`` may match the text ``low`` was folded from; ``held``:
    the answers for words already looked up in ``low`` (rules share words: each is scanned for once)."""
    if low is None or words is None:
        return True
    if held is None:
        held = {}
    return holds_any(low, words, held)


def may_match_within(
    low: str | None, words: tuple[str, ...] | None, lo: int, hi: int, held: dict[str, bool]
) -> bool:
    """Whether a regex that needs one of ``words`` may match inside ``text[lo:hi]``; ``low`` is
    ``folded(text)``, whose offsets are the text's (the one character str.lower() lengthens, "İ", is a fold
    trap: a text holding it is not folded). ``held`` as for :func:`may_match`: a word that is nowhere in the
    text is not looked for in each window."""
    if low is None or words is None:
        return True
    for w in words:  # a plain loop: this runs for every pattern in every window
        found = held.get(w)
        if found is None:
            found = held[w] = w in low
        if found and low.find(w, lo, hi) >= 0:
            return True
    return False


def word_sets(
    needed: list[tuple[str, ...] | None],
) -> tuple[list[frozenset[str] | None], tuple[str, ...]]:
    """The needed words of several regexes as sets, and the words of them all in order: a text is searched for
    each word once, and a regex may match where its set meets the words found (``isdisjoint``)."""
    sets = [None if words is None else frozenset(words) for words in needed]
    return sets, tuple(dict.fromkeys(w for words in needed if words for w in words))


def holds_any(text: str, needles: tuple[str, ...], held: dict[str, bool]) -> bool:
    """Whether ``text`` holds one of ``needles``, each looked up at most once per text (``held`` remembers
    the answers: rules that share needles need not scan the text again)."""
    for n in needles:
        found = held.get(n)
        if found is None:
            found = held[n] = n in text
        if found:
            return True
    return False


def _word_char(c: str) -> bool:
    """The regex engine's ``\\w`` for str patterns: a character ``str.isalnum`` accepts, or "_"."""
    return c.isalnum() or c == "_"


def literal_spans(
    text: str,
    literals: Sequence[str],
    not_before: str = "-",
    not_after: str = "-",
    *,
    dash_digit_after: bool = False,
    limit: int = 0,
) -> list[tuple[int, int, str]]:
    r"""``(start, end, literal)`` of each match ``re.finditer`` gives for the whole-word alternation
    ``(?<![\w<not_before>])(?:l1|l2|...)(?![\w<not_after>])`` (with ``|-\d`` in the lookahead when
    ``dash_digit_after``), the literals tried in their order at each position; at most ``limit`` matches
    (0: all).

    Found with ``str.find`` instead: a regex that opens with a lookbehind is tried at every character of the
    text, and one built for names a document holds is compiled anew for each document. Every literal must be
    non-empty."""
    if not all(literals):
        raise ValueError("literal_spans needs non-empty literals")
    starts: set[int] = set()
    for lit in dict.fromkeys(literals):
        i = text.find(lit)
        while i >= 0:
            starts.add(i)
            i = text.find(lit, i + 1)
    out: list[tuple[int, int, str]] = []
    n = len(text)
    free = 0  # matches do not overlap: the next one starts at or after the end of the last
    for p in sorted(starts):
        if p < free:
            continue
        if p > 0 and (_word_char(text[p - 1]) or text[p - 1] in not_before):
            continue
        for lit in literals:
            if not text.startswith(lit, p):
                continue
            e = p + len(lit)
            if e < n:
                c = text[e]
                if _word_char(c) or c in not_after:
                    continue
                if dash_digit_after and c == "-" and e + 1 < n and text[e + 1].isdecimal():
                    continue
            out.append((p, e, lit))
            free = e
            break
        if limit and len(out) >= limit:
            break
    return out


def needed_literals(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words (lower case) of which every match of ``rx`` holds one, or None when the regex needs none that
    is worth checking (fewer than 3 characters, more than 40 alternatives, or a shape the reader skips)."""
    try:
        tree = _sre_parse.parse(rx.pattern, rx.flags)
    except Exception:  # a pattern this Python parses differently: no prefilter, the regex always runs
        return None
    words = _sequence(list(tree))
    if not words or len(words) > _MAX_WORDS or min(map(len, words)) < _MIN_LEN:
        return None
    return tuple(sorted(words))


def needed_literal_groups(rx: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Word sets (lower case) of which every match of ``rx`` holds one word of each: one set per item of the
    regex's top-level sequence (groups that are items of it opened up), each as :func:`needed_literals`
    reads an item and under its limits. A text that lacks every word of one set cannot be matched; () when
    none is known."""
    try:
        tree = _sre_parse.parse(rx.pattern, rx.flags)
    except Exception:  # a pattern this Python parses differently: no prefilter
        return ()
    sets: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in _top_items(list(tree)):
        if op is _LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            sets.append(frozenset(["".join(run)]))
            run = []
        words = _item(op, av)
        if words:
            sets.append(words)
    if run:
        sets.append(frozenset(["".join(run)]))
    kept = [w for w in sets if len(w) <= _MAX_WORDS and min(map(len, w)) >= _MIN_LEN]
    return tuple(tuple(sorted(w)) for w in dict.fromkeys(kept))


def _top_items(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A sequence's items, with the items of a group (not repeated: a repeat is its own item) in its place."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is _SUBPATTERN:
            out += _top_items(list(av[-1]))
        else:
            out.append((op, av))
    return out


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two word sets: longer shortest word, then fewer words."""
    if a is None or b is None:
        return a if b is None else b
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best word set of a sequence: a run of consecutive ASCII literals, or one item's own set."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in items:
        if op is _LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


def _item(op: Any, av: Any) -> frozenset[str] | None:
    """The words one parsed item needs (None: none known). Zero-width items (lookarounds, \\b) and character
    classes need none; a group needs what its body needs; a repeat what its body needs if it runs at least
    once; an alternation one of each branch's words."""
    if op is _SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _ATOMIC and _ATOMIC is not None:
        return _sequence(list(av))
    if op in _REPEATS or (_POSSESSIVE is not None and op is _POSSESSIVE):
        low, _, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is _BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            words = _sequence(list(branch))
            if not words:
                return None
            out |= words
        return frozenset(out)
    return None


@lru_cache(maxsize=1)
def _every_character() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


def case_variants(chars: str) -> set[str]:
    """Every character a case-insensitive regex takes for one of ``chars`` (them included): the ASCII ones
    from CASE_PAIRS, others by letting the regex engine itself find them among every code point (once per
    set of characters, at pipeline load: about 20 ms)."""
    out = set(chars)
    rare = "".join(c for c in chars if not c.isascii())
    for c in chars:
        if c.isascii():
            out |= {c.lower(), c.upper(), *CASE_PAIRS.get(c.lower(), "")}
    if rare:
        out |= set(re.compile("[" + re.escape(rare) + "]", re.IGNORECASE).findall(_every_character()))
    return out


def whole_words_regex(words: list[str]) -> re.Pattern[str]:
    r"""Any of ``words`` as a whole word (not touching a word character or hyphen), case-insensitive, longest
    first: the same matches as ``(?i)(?<![\w-])(?:w1|w2|...)(?![\w-])``, written so the regex engine can skip
    every character that starts none of the words.

    That plain form starts with a lookbehind, so the engine tries the whole alternation at every character of
    the text. Here the pattern opens with a class of the words' first characters in every case (no case
    flag on it: such a class lets the engine jump between candidate characters), checks the character
    before it after reading it, then tries only the words that start with the character read, in the same
    longest-first order (two words that can match at one place are one the other's prefix, so their order
    is their lengths'). Words that start with a non-ASCII character keep the plain form."""
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    if not alts or any(not w or not w[0].isascii() for w in alts):
        escaped = sorted({re.escape(w.lower()) for w in words}, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(escaped) + r")(?![\w-])", re.IGNORECASE)
    by_first: dict[str, list[str]] = {}
    for w in alts:
        by_first.setdefault(w[0], []).append(w[1:])
    firsts = "".join(sorted(case_variants("".join(by_first))))
    branches = "|".join(
        "(?<=" + re.escape(f) + ")(?:" + "|".join(map(re.escape, rests)) + ")"
        for f, rests in by_first.items()
    )
    return re.compile("[" + re.escape(firsts) + r"](?<![\w-][\s\S])(?i:" + branches + r")(?![\w-])")
