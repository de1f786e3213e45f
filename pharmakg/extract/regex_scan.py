"""A compiled regex that skips the characters no match can start with.

``re`` searches a text by trying the whole pattern at every position, unless the pattern's first element is a
literal or a character class: then it runs a tight C loop over the characters not in that set and tries the
pattern only where one is. Most rule regexes open with a lookbehind or ``\\b`` ("(?<![\\w-])[A-Z]..."), so the
compiler finds no such set and each is tried at every character of every text (about 26 ns a character here:
for the ~90 shape rules, most of their time).

:func:`fast_scan` reads the pattern's parse tree for the set of characters that can start a match (the first
character consumed after any lookarounds and anchors, which take no characters) and recompiles it with that
set in its info block, the block ``re`` fills itself for a pattern that opens with a class. The program that
matches is the one ``re.compile`` builds: only where matching is tried changes, never what matches at a
position. A case-insensitive class or letter counts with its other case and the non-ASCII letters the
engine pairs with an ASCII one ("K" and the Kelvin sign). Where the set cannot be told as a superset (a
back-reference, a negated class or "." first, a category or non-ASCII letter matched case-insensitively, a
pattern that can match empty) or the pattern already has a prefix or set, the regex is returned as it is. So
is every regex where ``re``'s internals are not those of CPython 3.11+.
"""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.literals import CASE_PAIRS

try:  # CPython 3.11+: the compiler's internals this module builds on
    import _sre  # type: ignore[import-not-found,unused-ignore]
    import re._compiler as _compiler  # type: ignore[import-not-found,unused-ignore]
    import re._constants as _c  # type: ignore[import-not-found,unused-ignore]
    import re._parser as _parser  # type: ignore[import-not-found,unused-ignore]

    _SUPPORTED = all(
        hasattr(_compiler, name) for name in ("_code", "_optimize_charset", "_compile_charset")
    ) and hasattr(_sre, "compile")
except ImportError:  # pragma: no cover - Python 3.10
    _SUPPORTED = False

__all__ = ["fast_re", "fast_scan", "first_chars"]

_Items = list[tuple[Any, Any]]


def _first_of_seq(data: Any, icase: bool) -> tuple[_Items, bool] | None:
    """(set items of the characters a match of the sequence can start with, whether it can match empty);
    ``icase``: the sequence matches case-insensitively."""
    items: _Items = []
    for op, av in data:
        first = _first_of_op(op, av, icase)
        if first is None:
            return None
        more, nullable = first
        items += more
        if not nullable:
            return items, False
    return items, True


def _folded(items: _Items) -> _Items | None:
    """The set items of a case-insensitive class: every ASCII character of it with its other case and the
    non-ASCII letters the engine pairs with an ASCII one (literals.CASE_PAIRS); None where it holds anything
    else (a category, a non-ASCII character: their case partners are not told here)."""
    chars: list[int] = []
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            chars.append(av)
        elif op is _c.RANGE and av[1] < 128:
            chars += range(av[0], av[1] + 1)
        else:
            return None
    out: _Items = []
    for code in chars:
        c = chr(code)
        for x in {c, c.lower(), c.upper(), *CASE_PAIRS.get(c.lower(), "")}:
            out.append((_c.LITERAL, ord(x)))
    return out


def _first_of_op(op: Any, av: Any, icase: bool) -> tuple[_Items, bool] | None:
    if op is _c.LITERAL or op is _c.IN:
        items = [(_c.LITERAL, av)] if op is _c.LITERAL else list(av)
        if any(o is _c.NEGATE for o, _ in items):
            return None
        if icase:
            folded = _folded(items)
            return None if folded is None else (folded, False)
        return items, False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True  # zero width: the first character is the next element's
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags & (_c.SRE_FLAG_LOCALE | _c.SRE_FLAG_ASCII):
            return None
        if add_flags & _c.SRE_FLAG_IGNORECASE:
            icase = True
        elif del_flags & _c.SRE_FLAG_IGNORECASE:
            icase = False
        return _first_of_seq(sub.data, icase)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first_of_seq(av.data, icase)
    if op is _c.BRANCH:
        items = []
        nullable = False
        for alt in av[1]:
            first = _first_of_seq(alt.data, icase)
            if first is None:
                return None
            items += first[0]
            nullable = nullable or first[1]
        return items, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _, sub = av
        first = _first_of_seq(sub.data, icase)
        if first is None:
            return None
        return first[0], first[1] or lo == 0
    return None  # ".", a negated literal, a back-reference, a conditional: no set told


def _parsed(rx: re.Pattern[str]) -> Any:
    """``rx``'s parse tree, or None where this module does not read it (bytes, LOCALE or ASCII flags)."""
    if not _SUPPORTED or not isinstance(rx.pattern, str) or rx.flags & (re.LOCALE | re.ASCII):
        return None
    return _parser.parse(rx.pattern, rx.flags)


def _first_of_tree(data: Any, flags: int) -> _Items | None:
    if data and data[0][0] is _c.AT and data[0][1] in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
        return None  # "^...": re tries it at the start only, a set would have it tried further on
    first = _first_of_seq(data, bool(flags & re.IGNORECASE))
    if first is None or first[1] or not first[0]:
        return None
    return first[0]


def first_chars(rx: re.Pattern[str]) -> _Items | None:
    """The set items (re's parse-tree form) of the characters every match of ``rx`` starts with, or None."""
    p = _parsed(rx)
    return None if p is None else _first_of_tree(p.data, rx.flags)


def fast_scan(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` compiled with the set of characters its matches start with (see the module doc), or ``rx``."""
    try:
        p = _parsed(rx)  # parsed once: the first characters are read off the tree the program is built from
        items = None if p is None else _first_of_tree(p.data, rx.flags)
        if items is None:
            return rx
        flags = p.state.flags | rx.flags
        code = _compiler._code(p, rx.flags)
        if code[0] is not _c.INFO or code[2] != 0 or code[3] == 0:
            return rx  # a prefix or set already, or a pattern that may match empty
        charset, hascased = _compiler._optimize_charset(items)
        if hascased:
            return rx
        info = [_c.INFO, 0, _c.SRE_INFO_CHARSET, code[3], code[4]]
        _compiler._compile_charset(charset, flags, info)
        info[1] = len(info) - 1
        groupindex = p.state.groupdict
        indexgroup: list[str | None] = [None] * p.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        out = _sre.compile(
            rx.pattern, flags, info + code[1 + code[1] :], p.state.groups - 1, groupindex, tuple(indexgroup)
        )
    except Exception:  # any surprise of the internals: the regex as re compiled it
        return rx
    if out.flags != rx.flags or out.groupindex != rx.groupindex or out.groups != rx.groups:
        return rx
    return out


def fast_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` tried only where a match can start (:func:`fast_scan`)."""
    return fast_scan(re.compile(pattern, flags))
