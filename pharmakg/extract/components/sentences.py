"""pharmakg_sentences: sentence boundaries that survive press-release and filing layout.

Rules (all on the raw text, then mapped to tokens in one vectorised step):
- a blank line (paragraph break) ends a sentence; so do the ends of skip spans (boilerplate, tables);
- a single newline ends a sentence only when the line before looks finished (ends in . ! ? : ; or a closing
  quote), is a heading (short, title-like) or a table row (has a tab), or the next line is a bullet;
  otherwise it is a wrapped line and the sentence goes on (dev files are hard-wrapped at ~70 characters);
- inside a line, [.!?] + space + an upper-case letter, digit, quote or bullet ends a sentence unless the word
  before the dot is an abbreviation (patterns/abbreviations.txt) or an initial ("Gregg D. Beloff"), and the
  next sentence is no quotation opening ('said Jane Roe, Ph.D. "We plan ...').
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from pharmakg.extract.components.base import doc_text, read_lines, register_extensions
from pharmakg.ingest.layout import is_table_line

register_extensions()

_BULLET = "•·●▪‣◦*–—-"
_LINE_END_DONE = re.compile(r"""[.!?:;]["'”’)\]]*\s*$""")
_IN_LINE = re.compile(r"""(?<=[.!?])["'”’)\]]*[ \t]+(?=["'“‘(\[]?[A-Z0-9•·●▪])""")
_WORD_BEFORE = re.compile(r"(\S+)$")
# a quotation opening after an abbreviation ends the attribution before it
# ('..., said Jane Roe, Ph.D. "We ...')
_QUOTE_OPENS = re.compile(r"""["“][A-Z]""")
# a dateline's dash glued to the words around it ("WIRE)--Helix", "2024—Helix"): split there, so that no name
# span reaches into the dateline
_GLUED_DASH = re.compile(r"(-{2,}|—|(?<=\))–|–(?=\())")
_DASH_TOUCH = re.compile(r"(?<=\S)(?:--|—|–)|(?:--|—|–)(?=\S)")


def _is_row(line: str) -> bool:
    """A table row, tab- or pipe-laid (a pipe row of a pipeline table is a sentence of its own too)."""
    return "\t" in line or (line.count("|") >= 2 and is_table_line(line))


class SentenceSegmenter:
    def __init__(self, abbreviations: str, heading_max_chars: int) -> None:
        self.abbrev = {a.lower() for a in read_lines(abbreviations)}
        self.heading_max = heading_max_chars

    def boundaries(self, text: str, skips: list[tuple[int, int]]) -> list[int]:
        """Character offsets at which a new sentence starts."""
        cuts: list[int] = []
        pos = 0
        lines = text.split("\n")
        prev_line = None
        for line in lines:
            start = pos
            pos += len(line) + 1
            stripped = line.strip()
            if not stripped:
                prev_line = None  # a blank line: whatever comes next starts a sentence
                continue
            if prev_line is None or self._line_break(prev_line, stripped):
                cuts.append(start + (len(line) - len(line.lstrip())))
            if _is_row(line):
                prev_line = "\t"  # a table row stands alone
            else:
                prev_line = stripped
            for m in _IN_LINE.finditer(line):
                if not self._is_abbrev(line[: m.start()]) or _QUOTE_OPENS.match(line, m.end()):
                    cuts.append(start + m.end())
        for s, e in skips:
            cuts.append(s)
            cuts.append(e)
        return cuts

    def _is_abbrev(self, before: str) -> bool:
        m = _WORD_BEFORE.search(before)
        if not m:
            return False
        word = m.group(1).rstrip("\"'”’)]")
        if not word.endswith("."):
            return False  # ended with ! or ?
        core = word[:-1].lstrip("(\"'“‘[")
        if len(core) == 1 and core.isalpha():
            return True  # an initial
        return core.lower() in self.abbrev or core.lower().rstrip(".") in self.abbrev

    def _line_break(self, prev: str, line: str) -> bool:
        if prev == "\t" or _is_row(line):
            return True
        if line[0] in _BULLET or prev[0] in _BULLET and _LINE_END_DONE.search(prev):
            return True
        if _LINE_END_DONE.search(prev):
            # "... Ltd." at a line end is an abbreviation unless the next line starts a new sentence
            return not (self._is_abbrev(prev) and line[:1].islower())
        if len(prev) <= self.heading_max and _looks_like_heading(prev) and line[:1].isupper():
            return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        _split_glued_dashes(doc)
        n = len(doc)
        skips = [(int(s), int(e)) for s, e, *_ in (doc._.pkg_skip or [])]
        cuts = self.boundaries(doc_text(doc), skips)
        idx = doc.to_array("IDX")
        space = doc.to_array("IS_SPACE").astype(bool)
        flags = numpy.full(n, -1, dtype="int32")
        if cuts:
            tok = numpy.searchsorted(idx, numpy.asarray(cuts, dtype=idx.dtype), side="left")
            tok = tok[tok < n]
            flags[tok] = 1
        # a sentence must start on a non-space token: move starts that fell on whitespace forward
        starts = numpy.nonzero((flags == 1) & space)[0]
        for i in starts:
            flags[i] = -1
            j = i + 1
            while j < n and space[j]:
                j += 1
            if j < n:
                flags[j] = 1
        flags[0] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))  # type: ignore[arg-type]
        return doc


def _split_glued_dashes(doc: Doc) -> None:
    """Split tokens like "WIRE)--Helix" into "WIRE)", "--", "Helix" (the text stays the same)."""
    text = doc_text(doc)
    hits = [pos for m in _DASH_TOUCH.finditer(text) for pos in (m.start(), m.end() - 1)]
    if not hits:
        return
    idx = doc.to_array("IDX")
    todo = {}
    for pos in hits:
        tok = doc[int(numpy.searchsorted(idx, pos, side="right")) - 1]
        if tok.i in todo:
            continue
        orths = [x for x in _GLUED_DASH.split(tok.text) if x]  # the pattern's group keeps the dashes
        if len(orths) > 1:
            todo[tok.i] = (tok, orths)
        elif tok.text[:1] == "-" and len(tok.text) > 1 and tok.i > 0:
            prev = doc[tok.i - 1]
            if prev.text.endswith("-") and not prev.whitespace_:
                todo[tok.i] = (tok, ["-", tok.text[1:]])  # "2019", "-", "-Helix": the tokenizer's split
    if todo:
        with doc.retokenize() as retokenizer:
            for tok, orths in todo.values():
                retokenizer.split(tok, orths, heads=[(tok, 0)] * len(orths))


def _looks_like_heading(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not words:
        return True
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL)
    return caps >= 0.75 * len(words)


_SMALL = {"a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "with", "by", "from", "vs", "s"}
