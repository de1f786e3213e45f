"""The literal prefilter (pharmakg.extract.literals) may only skip a regex where the regex finds nothing."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

from pharmakg.extract.components.coref import CUES_PATH
from pharmakg.extract.literals import (
    CASE_PAIRS,
    FOLD_TRAPS,
    case_variants,
    folded,
    holds_any,
    literal_spans,
    may_match,
    may_match_within,
    needed_literal_groups,
    needed_literals,
    whole_words_regex,
)
from pharmakg.extract.pipeline import build_pipeline

CORPUS = Path(__file__).resolve().parents[2] / "pharmakg" / "data" / "corpus"


def test_fold_traps_are_every_letter_the_regex_engine_pairs_with_ascii_unlike_lower() -> None:
    letters = {ch: re.compile(ch, re.IGNORECASE) for ch in "abcdefghijklmnopqrstuvwxyz"}
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    traps = set()
    for cp in range(128, sys.maxunicode + 1):
        c = chr(cp)
        if any_letter.fullmatch(c) and any(rx.fullmatch(c) and c.lower() != ch for ch, rx in letters.items()):
            traps.add(c)
    assert traps == set(FOLD_TRAPS)


@pytest.mark.parametrize(
    ("pattern", "flags", "words"),
    [
        (r"(?<![\w-])(?:phase[\s-]*(?:iii|3)[abc]?)(?![\w-])", re.IGNORECASE, ("phase",)),
        (r"\b(?:[Tt]rial|[Ss]tudy)\s+[A-Z]{4,}", 0, ("rial", "tudy")),
        # the parser takes the common "g" out of the branches: what follows it is needed
        (r"(?:granted|grants|gave)\s+X", 0, ("ave", "ranted", "rants")),
        (r"(?:marketing\s+)?approval", 0, ("approval",)),
        (r"Co\.?|Ltd", 0, None),  # a word shorter than three characters on one side: no filter
        (r"[A-Z]{2,5}-\d+", 0, None),  # no literal at all
        (r"(?:abc)?def", 0, ("def",)),  # an optional group needs nothing
        (r"(?:xyz){2,}", 0, ("xyz",)),
        (r"(?i:PLATFORM)s?", 0, ("platform",)),
        (r"fam–trastuzumab", 0, ("trastuzumab",)),  # a non-ASCII letter ends a run of literals
    ],
)
def test_needed_literals(pattern: str, flags: int, words: tuple[str, ...] | None) -> None:
    assert needed_literals(re.compile(pattern, flags)) == words


@pytest.mark.parametrize(
    ("pattern", "flags", "groups"),
    [
        # one set per item of the top-level sequence, groups opened up, in order
        (
            r"\b(?:[Tt]rials?|[Ss]tudy)\s*,?\s+(?:called|named)\s+[A-Z]+",
            0,
            (("rial", "tudy"), ("called", "named")),
        ),
        (
            r"(?<![\w-])((?:[a-z]{3,})[- ]?(?:kinase|protease))\s+(?:inhibitor|blocker)",
            re.I,
            (("kinase", "protease"), ("blocker", "inhibitor")),
        ),
        (r"(?:marketing\s+)?approval", 0, (("approval",),)),  # an optional item needs nothing
        (r"(?:abc|de)\s+xyz", 0, (("xyz",),)),  # a set with a word under three characters is left out
        (r"xyz(?:abc)+", 0, (("xyz",), ("abc",))),  # a group repeated at least once is its own item
        (r"[A-Z]{2,5}-\d+", 0, ()),
    ],
)
def test_needed_literal_groups(pattern: str, flags: int, groups: tuple[tuple[str, ...], ...]) -> None:
    assert needed_literal_groups(re.compile(pattern, flags)) == groups


def test_folded_leaves_texts_with_a_trap_unfolded() -> None:
    assert folded("Phase 3 ® “study”") == "phase 3 ® “study”"
    assert folded("PHASE 3 İN") is None
    assert may_match(None, ("phase",)) and may_match("x", None)
    assert not may_match("a phaser", ("approv",))


def test_holds_any_looks_each_needle_up_once() -> None:
    held: dict[str, bool] = {}
    assert holds_any("a Phase 3 trial", ("study", "trial"), held)
    assert held == {"study": False, "trial": True}
    held["study"] = True  # answered from memory, not from the text
    assert holds_any("nothing here", ("study",), held)


def _samples() -> list[str]:
    """Sentences of the bundled corpus as written, in capitals, in title case, and with random
    words of the regexes' own literals and fold traps spliced in."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.iterdir()) if p.is_file()]
    sents = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
    out = []
    for s in sents:
        out += [s, s.upper(), s.title()]
    rnd = random.Random(9)
    for _ in range(400):
        s = rnd.choice(sents)
        i = rnd.randrange(len(s) + 1)
        out.append(s[:i] + rnd.choice([*FOLD_TRAPS, "ſtudy", "PHASE", "Trial", "licenſed"]) + s[i:])
    return out


def test_no_pipeline_regex_is_skipped_where_it_matches() -> None:
    nlp = build_pipeline()
    shapes = nlp.get_pipe("pharmakg_shapes")
    regexes = [rx for _, _, rx, _, _ in shapes.rules]
    regexes += nlp.get_pipe("pharmakg_companies").deal_rx
    phases = [r for r, _ in nlp.get_pipe("pharmakg_relations").sentence_rules if type(r).__name__ == "Phases"]
    regexes += [rx for rx, _ in phases[0].patterns] + [phases[0].prefilter]
    samples = _samples()
    checked = 0
    for rx in regexes:
        words = needed_literals(rx)
        if words is None:
            continue
        for text in samples:
            if rx.search(text):
                checked += 1
                assert may_match(folded(text), words), (rx.pattern[:80], text[:80])
    assert checked > 500  # matches seen (629 when written)


def test_every_needed_word_set_of_a_shape_rule_is_met_where_it_matches() -> None:
    """needed_literal_groups: a match of a shape rule (or the text it is in) holds a word of every set."""
    shapes = build_pipeline().get_pipe("pharmakg_shapes")
    samples = _samples()
    checked = 0
    for _, _, rx, _, _ in shapes.rules:
        groups = needed_literal_groups(rx)
        if len(groups) < 2:
            continue
        for text in samples:
            m = rx.search(text)
            low = folded(m.group(0)) if m else None  # a match holding a fold trap: the rule runs anyway
            if low is not None:
                checked += 1
                assert all(any(w in low for w in g) for g in groups), (rx.pattern[:80], text[:80])
    assert checked > 15  # matches seen (21 when written)


def test_lowering_keeps_offsets_but_for_a_fold_trap() -> None:
    longer = [chr(cp) for cp in range(sys.maxunicode + 1) if len(chr(cp).lower()) != 1]
    assert set(longer) <= set(FOLD_TRAPS)
    held: dict[str, bool] = {}
    assert may_match_within("xx licensed yy", ("grant", "licens"), 3, 11, held)
    assert not may_match_within("xx licensed yy", ("licens",), 4, 14, held)  # not whole inside the window
    assert held == {"licens": True, "grant": False}


def test_case_pairs_are_every_non_ascii_character_a_case_insensitive_ascii_letter_matches() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    paired = [chr(cp) for cp in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(cp))]
    for ch in "abcdefghijklmnopqrstuvwxyz":
        rx = re.compile(ch, re.IGNORECASE)
        assert {c for c in paired if rx.fullmatch(c)} == set(CASE_PAIRS.get(ch, "")), ch


def _plain_words_regex(words: list[str]) -> re.Pattern[str]:
    """words_regex as it was written before whole_words_regex (the reference)."""
    alts = sorted({re.escape(w.lower()) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


def _word_lists(node: object) -> list[list[str]]:
    if isinstance(node, dict):
        return [x for v in node.values() for x in _word_lists(v)]
    if isinstance(node, list) and node and all(isinstance(x, str) for x in node):
        return [node]
    if isinstance(node, list):
        return [x for v in node for x in _word_lists(v)]
    return []


def test_whole_words_regex_finds_what_the_plain_alternation_finds() -> None:
    cues = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    lists = _word_lists(cues) + [
        ["a", "an", "ab-c", "k9", "kinase", "is", "i", "s", "-x", "(r)", "  two", "the company's", "ſt"],
        ["up front", "up-front", "upfront", "up"],
    ]
    samples = _samples()
    rnd = random.Random(4)
    words = [w for ws in lists for w in ws]
    for _ in range(300):  # the cue words themselves, in odd casings and with traps and hyphens around them
        w = rnd.choice(words)
        w = "".join(c.upper() if rnd.random() < 0.3 else c for c in w)
        pre, post = rnd.choice(["", " ", "-", "x", "ı", "K", "\n"]), rnd.choice(["", " ", "-", "s", "ſ", "."])
        samples.append(rnd.choice(["", "the "]) + pre + w + post + rnd.choice(["", " end"]))
        samples.append(w.replace("i", "İ").replace("s", "ſ").replace("k", "\u212a"))
    for ws in lists:
        fast, plain = whole_words_regex(ws), _plain_words_regex(ws)
        for text in samples:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (
                ws,
                text,
            )


def test_terms_regex_finds_what_the_plain_trie_finds() -> None:
    from pharmakg.extract.components import base

    nlp = build_pipeline()
    lexicon = nlp.get_pipe("pharmakg_lexicon")
    samples = _samples()
    odd = ["A-b", "a‐b", "’T", "'t", "Kinase", "\u212ainase", "ıt", "x abc", "(abc)", "abc-d", "ABC\n"]
    for rx, ci in ((lexicon.cs_re, False), (lexicon.ci_re, True)):
        assert rx is not None and rx.pattern.startswith("["), ci  # the fast form
    for terms in (["abc", "a-b", "’t", "k2", "kinase", "it"], ["Xy", "x-ray", "X", "'s"]):
        for ci in (False, True):
            fast = base.terms_regex(terms, ci)
            trie: dict = {}
            for t in sorted(set(terms)):
                node = trie
                for ch in t:
                    node = node.setdefault(ch.lower() if ci else ch, {})
                node[""] = {}
            plain = re.compile(
                r"(?<![\w])" + base._trie_regex(trie) + r"(?![\w])", re.IGNORECASE if ci else 0
            )
            assert fast is not None
            for text in samples[:200] + odd + [" ".join(odd)]:
                assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_case_variants_hold_every_character_a_case_insensitive_literal_matches() -> None:
    every = [chr(cp) for cp in range(sys.maxunicode + 1)]
    for ch in "αβγµßΩσςKkSsİıIi’-":
        rx = re.compile(re.escape(ch), re.IGNORECASE)
        assert {c for c in every if rx.fullmatch(c)} <= case_variants(ch), ch


def test_disease_heads_found_as_by_the_plain_alternation() -> None:
    grammar = build_pipeline().get_pipe("pharmakg_diseases")
    heads = sorted(grammar.heads_core | grammar.heads_bare, key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(" + "|".join(heads) + r")(?![\w-])", re.IGNORECASE)
    samples = _samples() + [h.upper() + "-x " + h.title() + "s " + h for h in heads]
    for text in samples:
        assert [m.span() for m in grammar.rx_head.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_word_char_is_the_regex_engines_word_class_at_every_code_point() -> None:
    from pharmakg.extract.literals import _word_char

    word = re.compile(r"\w")
    assert all(bool(word.match(chr(cp))) == _word_char(chr(cp)) for cp in range(sys.maxunicode + 1))


@pytest.mark.parametrize(
    ("text", "literals", "not_before", "expected"),
    [
        ("Helix and Helix-2, helix; HELIX", ["Helix", "HELIX"], "-", [(0, 5, "Helix"), (26, 31, "HELIX")]),
        ("Helix Bio Helix", ["Helix Bio", "Helix"], "-", [(0, 9, "Helix Bio"), (10, 15, "Helix")]),
        ("&Zeta .Zeta Zeta", ["Zeta"], "&.-", [(12, 16, "Zeta")]),
    ],
)
def test_literal_spans_examples(
    text: str, literals: list[str], not_before: str, expected: list[tuple[int, int, str]]
) -> None:
    assert literal_spans(text, literals, not_before) == expected


def test_literal_spans_finds_what_the_whole_word_alternation_finds() -> None:
    rnd = random.Random(11)
    chars = "aAbB-_.&1 2\n(é)Ⅻ²ß"
    for _ in range(20000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 30)))
        lits = ["".join(rnd.choice("aAbB-1é.ß") for _ in range(rnd.randint(1, 3))) for _ in range(3)]
        before, after, dash_digit = rnd.choice(["-", "&.-", ""]), rnd.choice(["-", ""]), rnd.random() < 0.3
        plain = re.compile(
            rf"(?<![\w{re.escape(before)}])("
            + "|".join(map(re.escape, lits))
            + rf")(?![\w{re.escape(after)}]"
            + (r"|-\d" if dash_digit else "")
            + ")"
        )
        want = [(m.start(), m.end(), m.group(1)) for m in plain.finditer(text)]
        assert literal_spans(text, lits, before, after, dash_digit_after=dash_digit) == want
        assert literal_spans(text, lits, before, after, dash_digit_after=dash_digit, limit=1) == want[:1]
