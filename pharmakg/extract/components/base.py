"""Shared pieces of the entity components: Doc extensions, candidates, data-file loading.

Candidates are character-based (start, end) on ``doc.text``: the recognisers (lexicon, shapes) run compiled
regular expressions over the raw text, so names that a hard-wrapped line breaks ("pulmonary arterial\\n
hypertension") or that spaCy's tokenizer splits oddly ("HuMax®-TAC-ADC") are still found in one pass. Only the
final component (``pharmakg_aliases``) turns the chosen candidates into token spans for ``doc.ents``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
from spacy.tokens import Doc, Span

from pharmakg.extract import codec
from pharmakg.extract.literals import case_variants
from pharmakg.extract.regex_scan import fast_re
from pharmakg.ontology import data_rows, split_list

LEXICON_PACKAGE = "pharmakg.ontology.lexicons"
PATTERN_PACKAGE = "pharmakg.extract.patterns"
# the labels of a drug product and its parts: names a code shape or a table may give
PRODUCT_LABELS = ("COMPOUND", "ANTIBODY", "PAYLOAD")


@dataclass
class Candidate:
    """A possible entity mention found by one rule, before overlap resolution and grouping."""

    start: int
    end: int
    label: str
    extractor: str
    confidence: float = 0.8
    key: str = ""  # grouping key: a lexicon's canonical name, or "" (then the folded text is used)
    name: str = ""  # preferred name hint (lexicon canonical name, or a disease's base form)
    surface: str = ""  # the surface form to record as alias when longer than the span (disease modifiers)
    priority: int = 0  # on equal length: higher wins (lexicon 2, cue 1, shape 0)
    extra: dict[str, Any] = field(default_factory=dict)


def register_extensions() -> None:
    """Register the Doc/Span extensions of the entity half (safe to call many times), and the msgpack codecs
    that let Doc.to_bytes keep their values (nlp.pipe with n_process > 1 relies on it)."""
    codec.register(Candidate)
    if not Doc.has_extension("pkg_skip"):
        Doc.set_extension("pkg_skip", default=None)
    if not Doc.has_extension("pkg_candidates"):
        Doc.set_extension("pkg_candidates", default=None)
    if not Doc.has_extension("pkg_entities"):
        Doc.set_extension("pkg_entities", default=None)
    if not Doc.has_extension("pkg_mention_entity"):
        Doc.set_extension("pkg_mention_entity", default=None)
    if not Span.has_extension("pkg_entity_id"):
        Span.set_extension("pkg_entity_id", getter=_span_entity_id)


def _span_entity_id(span: Span) -> str | None:
    table = span.doc._.pkg_mention_entity or {}
    return table.get((span.start_char, span.end_char))


def doc_text(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; the entity components read it often, so cache it."""
    text = doc.user_data.get("pkg_text")
    if text is None:  # a Doc's text never changes (retokenizing keeps it), so the cache stays valid
        text = doc.text
        doc.user_data["pkg_text"] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Seed the ``doc_text`` cache with the text the Doc was made from (the tokenizer keeps every character,
    so ``doc.text`` would join its tokens into that same string again)."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data["pkg_text"] = text


def skip_ranges(doc: Doc) -> list[tuple[int, int]]:
    return sorted((int(s), int(e)) for s, e, *_ in (doc._.pkg_skip or []))


def candidates(doc: Doc) -> list[Candidate]:
    if doc._.pkg_candidates is None:
        doc._.pkg_candidates = []
    return doc._.pkg_candidates


# ---------------------------------------------------------------- data files


def merged_windows(
    hits: list[tuple[int, int]], before: int, after: int, length: int
) -> list[tuple[int, int]]:
    """The stretches of a text of ``length`` characters from ``before`` characters before each hit (start,
    end, in order of start) to ``after`` after its end, merged where they meet: a cue's regexes then run
    only there, not over the whole document."""
    windows: list[tuple[int, int]] = []
    for start, end in hits:
        lo, hi = max(0, start - before), min(length, end + after)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _data_path(package: str, name: str) -> Path:
    p = Path(name)
    if p.is_absolute() or p.exists():
        return p
    return Path(str(resources.files(package).joinpath(name)))


def lexicon_path(name: str) -> Path:
    return _data_path(LEXICON_PACKAGE, name)


def pattern_path(name: str) -> Path:
    return _data_path(PATTERN_PACKAGE, name)


@dataclass
class LexEntry:
    name: str
    synonyms: list[str]
    flags: set[str]


@lru_cache(maxsize=64)
def read_lexicon(path: str) -> tuple[LexEntry, ...]:
    """A lexicon TSV: name, synonyms (| separated), flags (comma separated), note. '#' lines are comments."""
    out: list[LexEntry] = []
    for row in data_rows(lexicon_path(path)):
        row += [""] * (3 - len(row))
        out.append(LexEntry(row[0], split_list(row[1]), set(split_list(row[2], ","))))
    return tuple(out)


@lru_cache(maxsize=32)
def read_json(path: str) -> Any:
    return json.loads(pattern_path(path).read_text(encoding="utf-8"))


def legal_tail(cues: dict[str, Any], more: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The legal suffixes that may end a company name (company_cues.json "legal_suffixes", without the
    "kept_suffixes" that name another company: a holding company is not its operating company), one or
    more after an optional comma, at the end of a string: "Helix Bio Co., Ltd." -> "Helix Bio",
    "Sakura Kirin K.K." -> "Sakura Kirin". ``more``: other words to strip ("Company")."""
    kept = set(cues.get("kept_suffixes", []))
    words = [w for w in cues["legal_suffixes"] if w not in kept] + list(more)
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    # "Merck & Co.", "X and Co." keep it; fast_re: tried only at a comma or a space (extract.regex_scan)
    return fast_re(rf"(?:(?<!&)(?<!\band),?\s+(?:{alt})(?![\w&]))+$")


@lru_cache(maxsize=32)
def read_lines(path: str) -> tuple[str, ...]:
    lines = pattern_path(path).read_text(encoding="utf-8").splitlines()
    return tuple(x.strip() for x in lines if x.strip() and not x.startswith("#"))


# ---------------------------------------------------------------- trie regex


def _trie_regex(trie: dict[str, Any]) -> str:
    if "" in trie and len(trie) == 1:
        return ""
    alts = []
    optional = False
    for ch in sorted(trie):
        if ch == "":
            optional = True
            continue
        alts.append(_piece(ch) + _trie_regex(trie[ch]))
    body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
    if optional:
        body = ("(?:" + "|".join(alts) + ")?") if alts else ""
    return body


# the characters each special piece matches (see _piece)
_PIECE_CHARS = {"-": "-‐‑–", "'": "'’", "’": "'’"}


def _piece(ch: str) -> str:
    if ch == " ":
        return r"\s+"  # a space in a lexicon term matches any run of whitespace (wrapped lines)
    if ch == "-":
        return r"[-‐‑–]"
    if ch in "'’":
        return "['’]"
    return re.escape(ch)


def terms_regex(terms: list[str], ignore_case: bool) -> re.Pattern[str] | None:
    """One compiled alternation (as a character trie, so matching stays linear) of whole-word terms."""
    trie: dict[str, Any] = {}
    for t in sorted(set(terms)):
        node = trie
        for ch in re.sub(r"\s+", " ", t):
            if ignore_case:
                ch = ch.lower()
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return None
    firsts = sorted(ch for ch in trie if ch)
    if "" in trie or " " in firsts:
        flags = re.IGNORECASE if ignore_case else 0
        return re.compile(r"(?<![\w])" + _trie_regex(trie) + r"(?![\w])", flags)
    # The same matches as "(?<![\w])(?:a...|b...|...)(?![\w])", opened with a class of the first characters
    # (in every case) so that the regex engine skips every character that starts no term instead of trying
    # the trie there; each branch then checks the character it would have read (same order of branches).
    chars = {c for ch in firsts for c in (_PIECE_CHARS.get(ch, ch))}
    if ignore_case:
        chars = case_variants("".join(sorted(chars)))
    branches = "|".join("(?<=" + _piece(ch) + ")" + _trie_regex(trie[ch]) for ch in firsts)
    body = "(?i:" + branches + ")" if ignore_case else "(?:" + branches + ")"
    return re.compile("[" + re.escape("".join(sorted(chars))) + r"](?<![\w][\s\S])" + body + r"(?![\w])")


def tokens_ending_at(doc: Doc, positions: set[int]) -> list[int]:
    """The indices (in order) of the tokens whose last character is at one of ``positions``: found by a
    binary search on the token offsets, not by reading every token's text (a document has thousands)."""
    if not positions:
        return []
    idx = doc.to_array("IDX")
    found = set()
    for pos in positions:
        i = int(numpy.searchsorted(idx, pos, side="right")) - 1
        if i >= 0 and doc[i].idx + len(doc[i]) - 1 == pos:
            found.add(i)
    return sorted(found)


def split_final_periods(doc: Doc, ends: set[int]) -> None:
    """ "for hemophilia B. Zenova ...": the tokenizer keeps "B." whole, so a name that ends before the
    sentence's period would take the period in. Such a token is split before the period (the text stays the
    same) wherever a chosen name ends just before it."""
    text = doc_text(doc)
    periods = {e for e in ends if 0 <= e < len(text) and text[e] == "."}
    todo = [doc[i] for i in tokens_ending_at(doc, periods) if len(doc[i]) > 1]
    if todo:
        with doc.retokenize() as retokenizer:
            for tok in todo:
                retokenizer.split(tok, [tok.text[:-1], "."], heads=[(tok, 0), (tok, 0)])


def trademarked(text: str, name: str) -> bool:
    """Whether the document writes the name with a trademark sign ("Zelvora®", "Zelvora™")."""
    return any(name + mark in text for mark in ("®", "™", " ®", "(R)", "(TM)"))
