"""Broader disease mentions: "solid tumors" or "hematologic malignancies" beside a named indication.

The annotation Conventions make a broader mention of the same indication an alias, not a second entity
("leukemia cells" beside "acute myeloid leukemia"). A disease whose core words all name a broad class (the
grammar's ``broad_core``: solid, hematologic, blood, B-cell ...) joins the group of the nearest other disease
of the document that it is broader than: one with words of its own before a head that each broad word allows
("solid" a cancer or a melanoma, "hematologic" a leukemia, lymphoma or myeloma). Every mention of the broad
name joins the same group (the one nearest its first mention), so two specific diseases are never joined
through it. Written "other solid tumors", the broad mention names a different set and stays its own entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from pharmakg.extract.components.base import Candidate

_WORD = re.compile(r"[\w'’+/-]+")
_OTHER_BEFORE = re.compile(r"\bother\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def join_broader(
    text: str,
    cands: list[Candidate],
    broad_core: Mapping[str, set[str]],
    head_key: Callable[[str], str],
) -> None:
    """Add to every broad DISEASE candidate the grouping key of the nearest disease it is broader than, and
    set "other <broad name>" mentions apart (in place)."""
    diseases = [c for c in cands if c.label == "DISEASE" and c.end > c.start]
    broad: list[tuple[Candidate, set[str]]] = []
    other: set[str] = set()  # broad names also written "other ...": a different set, joined to nothing
    for c in diseases:
        words = [w.lower() for w in _WORD.findall(c.name or text[c.start : c.end])]
        if not c.extractor.startswith("grammar:disease") or len(words) < 2:
            continue
        if not all(w in broad_core for w in words[:-1]):
            continue
        if _OTHER_BEFORE.search(text, max(0, c.start - 40), c.start):
            other.add(_key(c, text))
            continue
        allowed = set.intersection(*(broad_core[w] for w in words[:-1]))
        broad.append((c, allowed))
    if not broad:
        return
    broad_ids = {id(c) for c, _ in broad}
    specific = [(c, _head(c, text, head_key)) for c in diseases if id(c) not in broad_ids]
    target: dict[str, str] = {}  # broad key -> key of the disease it joins
    for c, allowed in sorted(broad, key=lambda b: b[0].start):
        own = _key(c, text)
        if own in other:
            continue
        if own not in target:
            fits = [s for s, head in specific if head in allowed and not _overlaps(s, c)]
            if not fits:
                continue
            near = min(fits, key=lambda s: (abs(s.start - c.start), -(s.end - s.start)))
            target[own] = _key(near, text)
        c.extra.setdefault("keys", []).append(target[own])
        c.key, c.name = "", ""  # the disease it joins names the entity; the broad text stays an alias


def _head(c: Candidate, text: str, head_key: Callable[[str], str]) -> str:
    """The head class of a disease that has words of its own before its head ("" for a bare head)."""
    words = _WORD.findall(c.name or text[c.start : c.end])
    return head_key(words[-1]) if len(words) > 1 else ""


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _key(c: Candidate, text: str) -> str:
    return c.key or c.name or text[c.start : c.end]
