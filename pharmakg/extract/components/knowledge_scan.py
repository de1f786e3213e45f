"""The scan of a text's words for the names of the knowledge index (components/knowledge.py): each word
position looks up the word n-grams that start there, as written and lower-cased; and the target names
found only in the text's other name forms (knowledge_forms.NameForms: "PPARγ", "IFN-γ", "interleukin6")."""

from __future__ import annotations

import re
from itertools import compress, repeat

from pharmakg.extract.components.knowledge_index import SYMBOL_FORM_KIND, Hit, Index, plain

Span = tuple[int, int]
Match = tuple[int, int, Hit]
# what may stand between two words of one name in the text; a possessive "'s " too, as MeSH writes
# eponyms without it ("Crohn Disease" is written "Crohn's disease"); and a bracket of a name that holds one,
# written with or without a space ("lipoprotein(a)", "poly (ADP-ribose) polymerase"), in a target's name only
_JOINER = re.compile(r"\s+|[-‐‑–'’]|[-‐‑–]\s*\n\s*|['’]s?\s+|[ \t]?[()][ \t]?")
_BRACKET = re.compile(r"[()]")


def _same_record_at(out: list[Match], start: int, end: int, hit: Hit) -> bool:
    """Whether the matches found so far (those of this start come last) hold the hit's record at the span."""
    for s, e, h in reversed(out):
        if s != start:
            return False
        if e == end and h[1] is hit[1]:
            return True
    return False


def scan(
    index: Index,
    max_lens: dict[str, int],
    text: str,
    words: list[str],
    spans: list[Span],
    changed: set[int] | None = None,
) -> list[Match]:
    """The table names in a run of words (parallel to their spans), in text order and longest first per
    start; with ``changed``, only the names that hold one of those words (a name form of the text). Two
    words of a name form may touch ("interleukin" "6" of "interleukin6")."""
    # parallel lists, so that a name's word tuple is one slice
    lowers = list(map(str.lower, words))
    # a disease name is also looked up without its diacritics ("Sjögren" as the table's "sjogren")
    plains = list(map(plain, lowers)) if not all(map(str.isascii, words)) else lowers
    max_len, lookup, joined = max_lens.get, index.get, _JOINER.fullmatch
    # the most words a name starting at each word has (as written or lower-cased), looked up in C: the
    # loop below visits only the words that start a name of the tables
    most = list(map(max, map(max_len, words, repeat(0)), map(max_len, plains, repeat(0))))
    out: list[Match] = []
    for i in compress(range(len(words)), most):
        longest = min(most[i], len(words) - i)
        if changed is not None and not any(i + k in changed for k in range(longest)):
            continue
        run = 1  # how many words from i on are joined as one name may join them
        while run < longest and (
            spans[i + run - 1][1] == spans[i + run][0]
            or joined(text, spans[i + run - 1][1], spans[i + run][0])
        ):
            run += 1
        start = spans[i][0]
        for n in range(run, 0, -1):
            if changed is not None and not any(i + k in changed for k in range(n)):
                continue
            end = spans[i + n - 1][1]
            target_only = False
            if n > 1 and _BRACKET.search(text, start, end):
                end = _bracket_end(text, start, end)
                target_only = True
                if end < 0:
                    continue
            for hit in lookup((True, tuple(words[i : i + n])), ()):
                if not target_only or hit[0] == "TARGET":
                    out.append((start, end, hit))
            for hit in lookup((False, tuple(lowers[i : i + n])), ()):
                # a symbol written as the table writes it is found by its own key already
                if target_only and hit[0] != "TARGET":
                    continue
                if hit[2] != SYMBOL_FORM_KIND or not _same_record_at(out, start, end, hit):
                    out.append((start, end, hit))
            if plains is not lowers and plains[i : i + n] != lowers[i : i + n]:
                bare = lookup((False, tuple(plains[i : i + n])), ())
                out.extend((start, end, h) for h in bare if h[0] == "DISEASE")
    return out


def _bracket_end(text: str, start: int, end: int) -> int:
    """The end of a target name whose words a bracket joins ("poly (ADP-ribose) polymerase"), over the closing
    bracket right after its last word ("lipoprotein(a)"); -1 where the brackets are not the name's own
    ("interleukin-6) receptor" of "IL-6 (interleukin-6) receptor")."""
    depth = 0
    for ch in text[start:end]:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return -1
    if depth == 0:
        return end
    return end + 1 if depth == 1 and text[end : end + 1] == ")" else -1


def with_other_forms(
    index: Index,
    max_lens: dict[str, int],
    text: str,
    out: list[Match],
    written: dict[Span, str],
    forms: list[tuple[list[str], list[Span]]],
) -> list[Match]:
    """The matches ``out`` of the text as written (``written``: span -> word) with the target names found
    only in its other name forms, in text order and longest first per start. A form's match covers whole
    words of the text, never a part of one ("RORγ" of "RORγt")."""
    known = {(s, e, id(h[1])) for s, e, h in out}
    starts, ends = {sp[0] for sp in written}, {sp[1] for sp in written}
    added = False
    for form_words, form_spans in forms:
        changed = {
            k for k, (w, sp) in enumerate(zip(form_words, form_spans, strict=True)) if written.get(sp) != w
        }
        for s, e, hit in scan(index, max_lens, text, form_words, form_spans, changed):
            if hit[0] == "TARGET" and s in starts and e in ends and (s, e, id(hit[1])) not in known:
                known.add((s, e, id(hit[1])))
                out.append((s, e, hit))
                added = True
    return sorted(out, key=lambda m: (m[0], -m[1])) if added else out
