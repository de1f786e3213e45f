"""Find an entity by any of its names: one name index for every command and query parameter.

The index holds, per entity of a built graph, every name it can be found by (the internal query
``name-index.rq``): its preferred label, the names the documents use (``skos:altLabel``), former company
names, tickers, identifier IRIs and, through its knowledge-base record (``pkg:kbKey``), every synonym and
identifier the knowledge base lists for it: ``NCAM1`` finds the target CD56 although no document says
NCAM1, ``ralinepag`` finds the compound the documents call APD811.

A text is matched in tiers, the first tier with a hit wins (:meth:`NameIndex.find` lists them all):

1. ``exact``: a name equal to the text, case-insensitively;
2. ``folded``: equal after :func:`pharmakg.names.fold` (case, punctuation, dashes, legal suffixes, plural);
3. ``prefix``: the text starts the name or one of its words ("lorvotuzumab" finds lorvotuzumab mertansine),
   for texts of at least :data:`MIN_PREFIX` folded characters;
4. ``fuzzy``: similar spelling (rapidfuzz's normalised Indel similarity over folded names, difflib's ratio
   when rapidfuzz is not installed), at least :data:`FUZZY_ACCEPT` for a match; a typo in a short
   code name ("CD33" for CD30) is another entity more often than not, so texts shorter than
   :data:`MIN_FUZZY` folded characters are never matched fuzzily, only suggested.

:meth:`NameIndex.resolve` turns a text into one entity or raises :class:`NameNotFound` (with "did you
mean" suggestions) or :class:`AmbiguousName` (with the candidates).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pharmakg.graph.queries import load_internal_query
from pharmakg.graph.results import SparqlEndpoint
from pharmakg.names import fold
from pharmakg.ontology.kb import KB, default_kb

TIERS = ("exact", "folded", "prefix", "fuzzy")
MIN_PREFIX = 4  # folded characters a prefix needs: "cd" would find every CD antigen
MIN_FUZZY = 6  # folded characters a text needs to be matched fuzzily (shorter: suggestions only)
FUZZY_ACCEPT = 85.0  # similarity (0-100) that counts as a match
FUZZY_SUGGEST = 60.0  # similarity that is worth a "did you mean"
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class NameEntry:
    """One name of one entity, and where the name comes from (label, alias, kb, former name ...)."""

    iri: str
    type: str
    label: str  # the entity's preferred label
    name: str
    kind: str


@dataclass(frozen=True)
class NameMatch:
    """An entity found for a text: how (tier), through which name, how well (100 for exact)."""

    iri: str
    type: str
    label: str
    name: str
    kind: str
    tier: str
    score: float

    def describe(self) -> str:
        via = "" if self.name == self.label else f" (as {self.name!r}, {self.kind})"
        return f"{self.label} [{self.type}]{via}"


class NameNotFound(LookupError):
    """No entity has the name; ``suggestions`` are the closest names."""

    def __init__(self, text: str, types: Sequence[str] | None, suggestions: Sequence[NameMatch]) -> None:
        self.text, self.types, self.suggestions = text, list(types or ()), list(suggestions)
        kind = f" of type {'/'.join(self.types)}" if self.types else ""
        what = f"no entity named {text!r}{kind} in the graph"
        if self.suggestions:
            what += "; did you mean " + ", ".join(m.describe() for m in self.suggestions) + "?"
        super().__init__(what)


class AmbiguousName(LookupError):
    """Several entities match the text equally well; ``candidates`` lists them."""

    def __init__(self, text: str, candidates: Sequence[NameMatch]) -> None:
        self.text, self.candidates = text, list(candidates)
        super().__init__(
            f"{text!r} names {len(candidates)} entities: "
            + "; ".join(m.describe() for m in candidates)
            + " (give a longer name or one of these)"
        )


def _similarity(a: str, b: str) -> float:
    try:
        from rapidfuzz import fuzz
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency; difflib keeps a bare checkout working
        from difflib import SequenceMatcher

        return 100.0 * SequenceMatcher(None, a, b).ratio()
    return float(fuzz.ratio(a, b))


def _word_suffixes(name: str) -> list[str]:
    """The folded name from each of its words on: where a prefix may start."""
    words = _WORD.findall(name)
    return [f for i in range(len(words)) if (f := fold(" ".join(words[i:])))]


@dataclass
class NameIndex:
    """Every name of every entity of a graph, matched by :meth:`find` and :meth:`resolve`."""

    entries: list[NameEntry]
    _by_exact: dict[str, list[NameEntry]] = field(default_factory=dict, repr=False)
    _by_folded: dict[str, list[NameEntry]] = field(default_factory=dict, repr=False)
    _starts: list[tuple[tuple[str, ...], NameEntry]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.entries = sorted(set(self.entries), key=lambda e: (e.type, e.label, e.iri, e.name, e.kind))
        for e in self.entries:
            self._by_exact.setdefault(e.name.casefold(), []).append(e)
            if key := fold(e.name):
                self._by_folded.setdefault(key, []).append(e)
            self._starts.append((tuple(_word_suffixes(e.name)), e))

    @classmethod
    def from_graph(cls, kg: SparqlEndpoint, kb: KB | None = None) -> NameIndex:
        """The names of ``kg``'s entities, with the synonyms and ids of their knowledge-base records."""
        kb = default_kb() if kb is None else kb
        entries: list[NameEntry] = []
        for iri, etype, pref, name, kind in kg.query(load_internal_query("name-index")).rows:
            label = pref or name
            if kind == "kb":
                entries.extend(NameEntry(iri, etype, label, n, "kb") for n in _kb_names(kb, name))
            else:
                entries.append(NameEntry(iri, etype, label, name, kind))
                if kind == "identifier":  # https://identifiers.org/hgnc:7656 is found as hgnc:7656 too
                    entries.append(NameEntry(iri, etype, label, name.rstrip("/").rsplit("/", 1)[-1], kind))
        return cls(entries)

    def _typed(self, entries: Iterable[NameEntry], types: Sequence[str] | None) -> list[NameEntry]:
        return [e for e in entries if not types or e.type in types]

    def find(self, text: str, types: Sequence[str] | None = None, limit: int = 10) -> list[NameMatch]:
        """Entities matching ``text``, best first: by tier, then score, then label; one row per entity."""
        text = text.strip()
        if not text:
            return []
        best: dict[str, NameMatch] = {}

        def offer(e: NameEntry, tier: str, score: float) -> None:
            m = NameMatch(e.iri, e.type, e.label, e.name, e.kind, tier, round(score, 1))
            old = best.get(e.iri)
            # equally good: the name as typed, then the label, tells most plainly why it matched
            plain = (m.name != text, m.name != m.label)
            if old is None or (_rank(m), plain) < (_rank(old), (old.name != text, old.name != old.label)):
                best[e.iri] = m

        for e in self._typed(self._by_exact.get(text.casefold(), ()), types):
            offer(e, "exact", 100.0)
        key = fold(text)
        for e in self._typed(self._by_folded.get(key, ()), types) if key else ():
            offer(e, "folded", 100.0)
        if len(key) >= MIN_PREFIX:
            for starts, e in self._starts:
                if (
                    (not types or e.type in types)
                    and e.iri not in best
                    and any(s.startswith(key) for s in starts)
                ):
                    offer(e, "prefix", 100.0 * len(key) / max(len(starts[0]), 1))
        found = sorted(best.values(), key=_rank)
        if found and found[0].tier != "prefix":
            return found[:limit]  # an exact or folded hit: no need for guesses
        return sorted([*found, *self.similar(text, types, FUZZY_ACCEPT, exclude=best)], key=_rank)[:limit]

    def similar(
        self,
        text: str,
        types: Sequence[str] | None = None,
        cutoff: float = FUZZY_SUGGEST,
        exclude: Iterable[str] = (),
        limit: int = 5,
    ) -> list[NameMatch]:
        """Entities with a name spelt like ``text`` (similarity >= ``cutoff``), best first."""
        key = fold(text)
        if not key:
            return []
        skip = set(exclude)
        best: dict[str, NameMatch] = {}
        for folded, entries in self._by_folded.items():
            score = _similarity(key, folded)
            if score < cutoff:
                continue
            for e in self._typed(entries, types):
                if e.iri in skip:
                    continue
                m = NameMatch(e.iri, e.type, e.label, e.name, e.kind, "fuzzy", round(score, 1))
                if e.iri not in best or _rank(m) < _rank(best[e.iri]):
                    best[e.iri] = m
        return sorted(best.values(), key=_rank)[:limit]

    def resolve(self, text: str, types: Sequence[str] | None = None) -> NameMatch:
        """The one entity ``text`` names (see the module doc); NameNotFound or AmbiguousName otherwise."""
        found = self.find(text, types)
        top = [m for m in found if m.tier == found[0].tier] if found else []
        if top and top[0].tier == "fuzzy":
            accepted = len(fold(text)) >= MIN_FUZZY and top[0].score >= FUZZY_ACCEPT
            top = [m for m in top if m.score == top[0].score] if accepted else []
        if not top:
            raise NameNotFound(text, types, self.similar(text, types))
        if len(top) > 1:
            raise AmbiguousName(text, top)
        return top[0]

    def has_name(self, text: str, types: Sequence[str] | None = None) -> bool:
        """Whether an entity (of ``types``) has ``text`` as a label or document name, case-insensitively:
        what the bundled queries compare parameters with."""
        return any(
            e.kind in ("label", "alias")
            for e in self._typed(self._by_exact.get(text.strip().casefold(), ()), types)
        )


def _rank(m: NameMatch) -> tuple[int, float, str, str, str]:
    return (TIERS.index(m.tier), -m.score, m.label.casefold(), m.type, m.iri)


def _kb_names(kb: KB, identity: str) -> list[str]:
    """The names and identifiers of a knowledge-base entity (``TARGET:CD56`` -> CD56, NCAM1, HGNC:7656)."""
    if identity not in kb.records:
        return []
    return [*kb.names(identity), *kb.identifiers(identity).values()]


# graph object -> (its write counts when the index was built, the index)
_INDEXES: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int], NameIndex]] = weakref.WeakKeyDictionary()


def index_of(kg: Any) -> NameIndex:
    """The name index of an open graph, built at its first use and again after the graph was written."""
    version = (getattr(kg, "quads_added", 0), getattr(kg, "quads_removed", 0))
    cached = _INDEXES.get(kg)
    if cached is None or cached[0] != version:
        cached = _INDEXES[kg] = (version, NameIndex.from_graph(kg))
    return cached[1]
