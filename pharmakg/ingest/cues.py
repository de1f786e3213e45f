"""The boilerplate cue table: ``boilerplate.tsv`` beside this module, compiled into patterns.

Each row is reason <TAB> kind <TAB> phrase (the kinds are described at the top of the table). Skip spans
(``boilerplate.py``) and the dropped marker lines of the repairs (``repairs.py``) read it; the phrases are
data, so a new cue is one more row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CUES_PATH = Path(__file__).with_name("boilerplate.tsv")


def _phrase_regex(phrase: str) -> str:
    parts = []
    for tok in re.split(r"(\s+|-)", phrase.strip()):
        if not tok:
            continue
        if tok.isspace():
            parts.append(r"\s+")
        elif tok == "-":
            parts.append(r"[-\u2010\u2011\u2013\u2014\s]?")
        else:
            parts.append(re.escape(tok))
    rx = "".join(parts)
    if phrase[:1].isalnum():
        rx = r"\b" + rx
    if phrase[-1:].isalnum():
        rx += r"\b"
    return rx


def line_key(line: str) -> str:
    """A line reduced to its words (case and punctuation ignored): how "line" cues are matched."""
    return re.sub(r"[^a-z0-9#]+", " ", line.casefold()).strip()


_BULLET_PREFIX = r"^(?:[-•*·▪●◦–—>]\s*|o\s+)*"


@dataclass
class Cues:
    """Compiled cue patterns: ``starts[reason]`` (line begins with a phrase), ``anywhere[reason]``, ..."""

    starts: dict[str, re.Pattern[str]] = field(default_factory=dict)
    headings: dict[str, re.Pattern[str]] = field(default_factory=dict)
    cues: dict[str, re.Pattern[str]] = field(default_factory=dict)
    markers: dict[str, re.Pattern[str]] = field(default_factory=dict)
    continues: dict[str, re.Pattern[str]] = field(default_factory=dict)
    lines: dict[str, frozenset[str]] = field(default_factory=dict)

    def start(self, reason: str, line: str) -> re.Match[str] | None:
        pat = self.starts.get(reason)
        return pat.match(line) if pat else None

    def heading(self, reason: str, line: str) -> re.Match[str] | None:
        pat = self.headings.get(reason)
        return pat.match(line) if pat else None

    def has(self, kind: str, reason: str, line: str) -> bool:
        pat = getattr(self, kind).get(reason)
        return bool(pat and pat.search(line))

    def distinct(self, reason: str, line: str) -> int:
        pat = self.cues.get(reason)
        if not pat:
            return 0
        return len({m.group(0).casefold() for m in pat.finditer(line)})


def _compile_alt(phrases: list[str], anchored: bool) -> re.Pattern[str]:
    # Longest phrase first so that an alternation prefers "Conference Call and Webcast" to "Conference Call".
    alt = "|".join(_phrase_regex(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile((_BULLET_PREFIX if anchored else "") + "(?:" + alt + ")", re.I)


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    """Read the cue table (default: boilerplate.tsv beside this module) into compiled patterns."""
    table: dict[tuple[str, str], list[str]] = {}
    text = Path(path or CUES_PATH).read_text(encoding="utf-8")
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) < 3 or cols[0] == "reason":
            continue
        table.setdefault((cols[0].strip(), cols[1].strip()), []).append(cols[2].strip())
    cues = Cues()
    by_kind: dict[str, dict[str, list[str]]] = {}
    for (reason, kind), phrases in table.items():
        by_kind.setdefault(kind, {})[reason] = phrases
    # A heading phrase also opens a section when text follows it on the same line, so starts include them.
    start_phrases: dict[str, list[str]] = {}
    for kind in ("start", "heading"):
        for reason, phrases in by_kind.get(kind, {}).items():
            start_phrases.setdefault(reason, []).extend(phrases)
    for reason, phrases in start_phrases.items():
        cues.starts[reason] = _compile_alt(phrases, anchored=True)
    for reason, phrases in by_kind.get("heading", {}).items():
        cues.headings[reason] = _compile_alt(phrases, anchored=True)
    for kind, target in (("cue", cues.cues), ("marker", cues.markers), ("continue", cues.continues)):
        for reason, phrases in by_kind.get(kind, {}).items():
            target[reason] = _compile_alt(phrases, anchored=False)
    for reason, phrases in by_kind.get("line", {}).items():
        cues.lines[reason] = frozenset(line_key(p) for p in phrases)
    return cues
