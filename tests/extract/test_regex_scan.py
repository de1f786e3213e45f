"""regex_scan.fast_scan: a regex recompiled with the set of characters its matches start with finds the same
matches (spans and groups) as re's own compilation: on invented patterns of every kind the set is read from,
on every rule regex the extraction compiles with it, over the bundled corpus's texts (as written, upper- and
lower-cased) and random texts built from invented pieces with case-folding traps."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pharmakg.extract import regex_scan
from pharmakg.extract.literals import CASE_PAIRS
from pharmakg.extract.pipeline import build_pipeline
from pharmakg.extract.regex_scan import fast_scan, first_chars

CORPUS = Path(__file__).resolve().parents[2] / "pharmakg" / "data" / "corpus"
SUPPORTED = regex_scan._SUPPORTED

PIECES = [
    "Zorvix",
    "ZORVIX",
    "zorvix",
    "ZX-12",
    "zx-12a",
    "Kelvo",
    "\u212aelvo",  # the Kelvin sign: a case-insensitive "k"
    "ſtudy",  # the long s: a case-insensitive "s"
    "İnhibitor",
    "ınhibitor",
    "Phase 2",
    "phase II",
    "PHASE",
    "Helix Bio, Inc.",
    "(Nasdaq: HLX)",
    "'s",
    "’s",
    "®",
    "™",
    " ",
    "  ",
    "\n",
    "\t",
    "-",
    ".",
    ",",
    "(",
    ")",
    '"',
    "“",
    "é",
    "Ä",
    "2",
    "19",
    "²",
    "_",
    "targets",
    "inhibitor",
    "antibody",
    "study",
    "trial",
    "conjugate",
]

INVENTED = [
    r"(?<![\w.-])[A-Z]{2,5}\d-\d{2,4}",
    r"\bzorvix\b",
    r"(?<![\w-])((?:[A-Z](?=[a-z]*[A-Z0-9])[A-Za-z0-9]+|[a-z]{1,3}[A-Z]{2,}[0-9]*))(?![\w-])",
    r"(?:(?<![\w-])|(?<=\b[Pp]an-))([a-z]{2,4}[A-Z][0-9]{0,2})",
    r"(?<![\w-])(?:phase\s+(?:[1-4]|I{1,3}|IV))(?![\w-])",  # case-insensitive below
    r"\b(?:[Ii]nhibitors?|targets?)\s+(\w+)",
    r"(?i:kelvo|study)\b",
    r"\b(?i:k)elvo",
    r"(?:a|b)?c\d",  # an optional first element: the set holds what follows it too
    r"(?>[A-Z]+)\d",
    r"[A-Z]++-\d",
    r"(?P<name>[A-Z][a-z]+)(?P=name)",
    r"\s+(?:and|or)\s+",
    r"[^\sA-Za-z]+",  # a negated class first: no set, the regex as it is
    r"(?:x*)",  # may match empty: as it is
    r"^[A-Z]\w+",  # anchored at the start: as it is
    r"(\w+)\s+\1",
]


def _texts(seed: int, n: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))


def _same_search(a: re.Pattern[str], b: re.Pattern[str], text: str) -> bool:
    ma, mb = a.search(text, 2), b.search(text, 2)
    return (ma and (ma.span(), ma.groups())) == (mb and (mb.span(), mb.groups()))


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.mark.skipif(not SUPPORTED, reason="re's internals differ: fast_scan returns every regex as it is")
def test_first_chars_of_invented_patterns() -> None:
    def chars(pattern: str, flags: int = 0) -> set[str] | None:
        items = first_chars(re.compile(pattern, flags))
        if items is None:
            return None
        return {c for c in map(chr, range(0x2200)) if re.fullmatch(_set_of(items), c)}

    assert chars(r"(?<![\w-])[A-C]x") == {"A", "B", "C"}
    assert chars(r"\b(?:ab|Cd)") == {"a", "C"}
    assert chars(r"(?:a|b)?c") == {"a", "b", "c"}
    assert chars(r"k\w", re.IGNORECASE) == {"k", "K", "\u212a"}  # the Kelvin sign
    assert chars(r"s", re.IGNORECASE) == {"s", "S", "ſ"}
    assert first_chars(re.compile(r"x*")) is None  # may match empty
    assert first_chars(re.compile(r"^[A-Z]")) is None  # re tries it at the start only
    assert first_chars(re.compile(r"(\w)\1")) is not None
    assert first_chars(re.compile(r"(?=(\w))\1")) is None  # a back-reference first
    assert first_chars(re.compile(r"[^a]b")) is None
    assert first_chars(re.compile(r".b")) is None
    assert first_chars(re.compile(r"\wb", re.IGNORECASE)) is None  # a category matched case-insensitively
    assert first_chars(re.compile(r"éb", re.IGNORECASE)) is None  # a non-ASCII letter so


def _set_of(items: list[tuple[object, object]]) -> str:
    """A class regex of literal items (the tests' patterns start with literals and ranges only)."""
    out = []
    for op, av in items:
        if str(op) == "LITERAL":
            out.append(re.escape(chr(av)))  # type: ignore[arg-type]
        elif str(op) == "RANGE":
            lo, hi = av  # type: ignore[misc]
            out.append(re.escape(chr(lo)) + "-" + re.escape(chr(hi)))
        else:
            out.append({"CATEGORY_WORD": r"\w", "CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s"}[str(av)])
    return "[" + "".join(out) + "]"


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_invented_patterns_match_the_same(flags: int) -> None:
    texts = list(_texts(1, 3000))
    for pattern in INVENTED:
        plain = re.compile(pattern, flags)
        fast = fast_scan(plain)
        assert fast.pattern == plain.pattern and fast.flags == plain.flags and fast.groups == plain.groups
        for text in texts:
            assert _matches(fast, text) == _matches(plain, text), (pattern, text)
            assert _same_search(fast, plain, text), (pattern, text)


def test_ascii_partners_of_case_insensitive_matching() -> None:
    """The non-ASCII characters re takes for an ASCII character case-insensitively are those of CASE_PAIRS
    (the set of a case-insensitive class is built from it): checked at every code point."""
    ascii_any = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    paired = {chr(cp) for cp in range(128, sys.maxunicode + 1) if ascii_any.fullmatch(chr(cp))}
    assert paired == {c for v in CASE_PAIRS.values() for c in v}


def _rule_regexes() -> list[re.Pattern[str]]:
    """Every regex the extraction compiles with fast_scan (its components' attributes)."""
    nlp = build_pipeline()
    found: dict[int, re.Pattern[str]] = {}

    def walk(obj: object, depth: int) -> None:
        if isinstance(obj, re.Pattern):
            found[id(obj)] = obj
        elif depth < 3 and isinstance(obj, (list, tuple)):
            for x in obj:
                walk(x, depth + 1)
        elif depth < 3 and hasattr(obj, "__dict__") and type(obj).__module__.startswith("pharmakg"):
            for x in vars(obj).values():
                walk(x, depth + 1)

    for _, proc in nlp.pipeline:
        walk(proc, 0)
    return [rx for rx in found.values() if isinstance(rx.pattern, str)]


def test_rule_regexes_match_the_same() -> None:
    regexes = _rule_regexes()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts += [t.upper() for t in texts] + [t.lower() for t in texts]
    texts += list(_texts(2, 400))
    rewritten = 0
    for rx in regexes:
        plain = re.compile(rx.pattern, rx.flags)
        fast = fast_scan(plain)
        if fast is plain:
            continue
        rewritten += 1
        for text in texts:
            assert _matches(fast, text) == _matches(plain, text), rx.pattern[:80]
    assert rewritten >= (50 if SUPPORTED else 0)
