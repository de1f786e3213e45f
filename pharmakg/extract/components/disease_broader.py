"""Broader disease mentions: "solid tumors" or "lymphoma" beside a named indication.

The annotation Conventions make a broader mention of the same indication an alias, not a second entity
("leukemia cells" beside "acute myeloid leukemia"). A grammar disease named by broad-class words alone (the
grammar's ``broad_core``: solid, hematologic, blood ...) joins the group of the nearest other disease of the
document that it is broader than: one with words of its own before a head that each broad word allows
("solid" a cancer or a melanoma, "hematologic" a leukemia, lymphoma or myeloma). A bare head ("lymphoma",
"leukemias") is broader than the diseases of its own head ("mantle cell lymphoma"). Every mention of a broad
name joins the same group (the one nearest its first mention), so two specific diseases are never joined
through it; with no disease it is broader than, a broad name is an entity of its own ("a Phase 1 study in
advanced solid tumors").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from pharmakg.extract.components.base import Candidate

_WORD = re.compile(r"[\w'’+/-]+")
# a disease named by a target modifier coordinated before another one ("KRAS-mutant" of "KRAS-mutant and
# EGFR-mutant colorectal cancer"): the core name beside it ("colorectal cancer") is not its broader mention
MODIFIER_COORDINATION = "grammar:disease_modifier_coordination"


def join_broader(
    text: str,
    cands: list[Candidate],
    broad_core: Mapping[str, set[str]],
    head_key: Callable[[str], str],
) -> None:
    """Add to every broad DISEASE candidate the grouping key of the nearest disease it is broader than (in
    place); the disease it joins then names the entity, the broad text stays an alias."""
    diseases = [c for c in cands if c.label == "DISEASE" and c.end > c.start]
    broad: list[tuple[Candidate, set[str]]] = []
    for c in diseases:
        words = [w.lower() for w in _WORD.findall(c.name or text[c.start : c.end])]
        if not c.extractor.startswith("grammar:disease") or not words:
            continue
        if len(words) == 1:
            broad.append((c, {head_key(words[0])}))
        elif all(w in broad_core for w in words[:-1]):
            broad.append((c, set.intersection(*(broad_core[w] for w in words[:-1]))))
    if not broad:
        return
    broad_ids = {id(c) for c, _ in broad}
    compounds = sorted((c.start, c.end, c.key) for c in cands if c.label == "COMPOUND" and c.end > c.start)
    # a disease named by broad-class words alone is never the narrower disease of another broad mention, from
    # whatever table it comes ("solid tumors and hematological malignancies" are two classes, not one)
    specific = [
        (c, _head(c, text, head_key))
        for c in diseases
        if id(c) not in broad_ids and not _broad_words_only(c, text, broad_core)
    ]
    target: dict[str, str] = {}  # broad key -> key of the disease it joins
    for c, allowed in sorted(broad, key=lambda b: b[0].start):
        own = _key(c, text)
        if own not in target:
            fits = [
                s
                for s, head in specific
                if head in allowed and not _overlaps(s, c) and not _other_compounds(text, compounds, s, c)
            ]
            if not fits:
                continue
            near = min(fits, key=lambda s: (abs(s.start - c.start), -(s.end - s.start)))
            if _target_defined(c, text, near):
                continue
            target[own] = _key(near, text)
        c.extra.setdefault("keys", []).append(target[own])
        c.key, c.name = "", ""


# how far before a disease the compound it is said of may be named ("ZB-4, an anti-CD33 ADC for ...")
_COMPOUND_REACH = 150


def _other_compounds(text: str, compounds: list[tuple[int, int, str]], a: Candidate, b: Candidate) -> bool:
    """ "ZB-4, an ADC for acute myeloid leukemia, and ZB-7, an ADC for hematological malignancies": each
    disease is said of its own compound (the names of the compounds just before them differ), so the broad
    one is an indication of its own, not a broader mention of the other. Two names of one drug-table record
    (a brand and its INN) are one compound."""
    before = []
    for d in (a, b):
        near = [(s, e, k) for s, e, k in compounds if e <= d.start and d.start - e <= _COMPOUND_REACH]
        if not near:
            return False
        start, end, key = near[-1]
        before.append(key or text[start:end].lower())
    return before[0] != before[1]


def _broad_words_only(c: Candidate, text: str, broad_core: Mapping[str, set[str]]) -> bool:
    """ "hematological malignancies", "solid tumours": broad_core words before the head, nothing else."""
    words = [w.lower() for w in _WORD.findall(c.name or text[c.start : c.end])]
    return len(words) > 1 and all(w in broad_core for w in words[:-1])


def _head(c: Candidate, text: str, head_key: Callable[[str], str]) -> str:
    """The head class of a disease that has words of its own before its head ("" for a bare head)."""
    words = _WORD.findall(c.name or text[c.start : c.end])
    return head_key(words[-1]) if len(words) > 1 else ""


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _key(c: Candidate, text: str) -> str:
    return c.key or c.name or text[c.start : c.end]


# "CD56-expressing solid tumors such as small-cell lung cancer": the examples that follow a broad mention
EXAMPLES_AFTER = re.compile(
    r"[\s,]{0,3}(?:\(?\s*(?:such as|including|which include|which includes|e\.g\.|for example|like)\b)",
    re.IGNORECASE,
)
# a target modifier in the surface form of a broad mention ("CD56+ solid tumors", "HER2-positive tumors")
_TARGET_WORD = re.compile(r"(?:\+|[-\s](?:expressing|overexpressing|positive|high|amplified))(?:\s|$)", re.I)


def _target_defined(c: Candidate, text: str, specific: Candidate) -> bool:
    """ "CD56+ solid tumors": a broad mention narrowed by its target is a disease of its own, not a broader
    mention of the nearest disease, unless that disease is one of the examples that follow it."""
    if not _TARGET_WORD.search(c.surface or ""):
        return False
    return not (specific.start >= c.end and EXAMPLES_AFTER.match(text, c.end) and specific.start - c.end < 60)


_NEGATING = {"non"}  # "small cell lung cancer" is not a form of "non-small cell lung cancer"


def join_shorter_names(
    text: str, cands: list[Candidate], subtypes: Collection[tuple[int, int]] = frozenset()
) -> None:
    """ "lung cancer" beside "non-small cell lung cancer", "multiple myeloma" beside "smoldering multiple
    myeloma": a disease whose words end the name of exactly one other disease of the document is a broader
    mention of it and joins its group (in place). Broad-class mentions joined already are left alone, and so
    are the ``subtypes`` spans, named with a target modifier ("HER2-positive breast cancer" is no broader
    mention of "triple-negative breast cancer")."""
    spans = sorted({(c.start, c.end) for c in cands if c.label == "DISEASE" and c.end > c.start})
    # a name inside a longer disease name ("lung cancer" in "non-small cell lung cancer") is no mention
    outer = [sp for sp in spans if not any(o[0] <= sp[0] and sp[1] <= o[1] and o != sp for o in spans)]
    keep = set(outer)
    diseases = [c for c in cands if c.label == "DISEASE" and (c.start, c.end) in keep and (c.key or c.name)]
    named = [(c, _key(c, text), _words(c.name or text[c.start : c.end])) for c in diseases]
    for c, own, words in named:
        if c.extractor == MODIFIER_COORDINATION or (c.start, c.end) in subtypes:
            continue
        # the longer names, one key each (a lexicon and a grammar candidate may name the same disease)
        longer = {
            tuple(other): key
            for o, key, other in named
            if key != own
            and o.extractor != MODIFIER_COORDINATION
            and len(other) > len(words)
            and other[-len(words) :] == words
            and other[-len(words) - 1] not in _NEGATING
        }
        if len(longer) == 1:
            c.extra.setdefault("keys", []).append(next(iter(longer.values())))
            c.key, c.name = "", ""


def _words(name: str) -> list[str]:
    """Lower-case words of a name, plurals folded ("cancers" = "cancer"), hyphens splitting words."""
    out = []
    for w in re.findall(r"[a-z0-9]+", name.lower().replace("'s", "")):
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out
