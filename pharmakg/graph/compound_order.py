"""``pkg:compoundOrder``: a compound's place in the list of compounds, kept by the store so that a question
can rank compounds by one integer instead of by their labels.

The bundled questions list compounds ordered by ``LCASE(?label) ?label STR(?compound)``. Ranking 2,279
compounds that way costs Oxigraph about 45 ms at 1.7k releases (a label lookup per compound, then strings
decoded and lower-cased at every comparison of the sort), even for a page of 50 of them; an integer read from
one index scan sorts the same compounds in about 1 ms. The integer is the compound's *bucket*, the first six
bytes of its lower-cased label in UTF-8 (zero-padded, big-endian: buckets sort as the labels' starts do),
shifted left by 15 bits, plus its rank among the compounds of the same bucket by (lower-cased label, label,
IRI). So integers sort exactly as the labels do (Python and SPARQL compare strings by code point, which is
UTF-8's byte order), and a change of one compound's label re-ranks only the few compounds whose names start
with the same six bytes, not the whole list. The value depends only on the compounds and their labels (not on
the order in which documents arrived), so a store built in several runs holds the same keys as one built at
once.

(A bucket holds at most 2**15 compounds; more compounds whose lower-cased names share their first six bytes
would share the last key. The 1.7k-release synthetic store has 1,424 buckets for 2,279 compounds, the largest
of 28.)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from pharmakg.graph.order_buckets import KeptKeys, pack, read_keys
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, SKOS, int_lit, n
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
COMPOUND_ORDER = n(PKG.compoundOrder)
PREF_LABEL, ENTITY_TYPE = n(SKOS + "prefLabel"), n(PKG.entityType)
COMPOUND = "COMPOUND"  # the entity type whose members get a key
RANK_BITS = 15
PREFIX_BYTES = 6


def bucket(label: str) -> int:
    """The bucket of a label: the first six bytes of its lower-cased UTF-8, as a big-endian integer."""
    return int.from_bytes(label.lower().encode("utf-8")[:PREFIX_BYTES].ljust(PREFIX_BYTES, b"\0"), "big")


def _rank_key(iri: str, label: str) -> tuple[str, str, str]:
    # the questions' order: LCASE(?label) ?label STR(?compound)
    return label.lower(), label, iri


def order_keys(labels: Mapping[str, str]) -> dict[str, int]:
    """{IRI: key} of compounds given as {IRI: preferred label} (a whole bucket at least)."""
    buckets: dict[int, list[str]] = {}
    for iri, label in labels.items():
        buckets.setdefault(bucket(label), []).append(iri)
    keys: dict[str, int] = {}
    for b, members in buckets.items():
        members.sort(key=lambda iri: _rank_key(iri, labels[iri]))
        keys.update((iri, pack(b, rank, RANK_BITS)) for rank, iri in enumerate(members))
    return keys


def _label(store: ox.Store, iri: str) -> str | None:
    q = next(iter(store.quads_for_pattern(ox.NamedNode(iri), PREF_LABEL, None, MERGED)), None)
    return q.object.value if q is not None and isinstance(q.object, ox.Literal) else None


def _is_compound(store: ox.Store, iri: str) -> bool:
    return ox.Quad(ox.NamedNode(iri), ENTITY_TYPE, ox.Literal(COMPOUND), MERGED) in store


def missing_order(store: ox.Store) -> list[ox.Quad]:
    """The keys of every compound of a graph written without them, in graph/resolved."""
    labels = {
        q.subject.value: q.object.value
        for q in store.quads_for_pattern(None, PREF_LABEL, None, MERGED)
        if isinstance(q.subject, ox.NamedNode)
        and isinstance(q.object, ox.Literal)
        and _is_compound(store, q.subject.value)
    }
    keys = order_keys(labels)
    return [ox.Quad(ox.NamedNode(i), COMPOUND_ORDER, int_lit(keys[i]), RESOLVED_GRAPH) for i in sorted(keys)]


class CompoundOrder:
    """The keys of a store's compounds, read once from the store, then kept up to date as labels change. The
    keys a refresh replaces go at :meth:`remove_replaced`, once their new values are written."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._kept: KeptKeys | None = None  # (None: not read yet)
        self._renamed: set[str] = set()  # merged or renamed since the last update: looked up again
        self._ranked_as: dict[str, str] = {}  # IRI -> the label its key was ranked by (none: not seen yet)

    def _loaded(self) -> KeptKeys:
        if self._kept is None:
            self._kept = read_keys(self.store, COMPOUND_ORDER, RANK_BITS)
        return self._kept

    def renaming(self, old: str, new: str) -> None:
        """``old`` is about to be merged into (or renamed) ``new``: both are looked up again at the next
        update (their keys move with the rest of their quads)."""
        self._renamed |= {old, new}

    def update(self, labels: Mapping[str, str | None]) -> list[ox.Quad]:
        """New keys, in graph/resolved, after the entities ``labels`` got new preferred labels (None: no
        label any more; only compounds get keys) and the compounds renamed since the last update. Only the
        buckets the compounds leave or join are ranked again, and only the keys that change are written;
        the keys they replace go at :meth:`remove_replaced`."""
        kept = self._loaded()
        unsettled, touched = kept.take_unsettled()
        self._renamed |= unsettled  # looked up again, as a renamed one
        for iri in self._renamed:  # a merge may have left two keys on one IRI: both go
            self._ranked_as.pop(iri, None)
            if (old := kept.drop(iri, RANK_BITS)) is not None:
                touched.add(old)
        # a compound whose label is the one its key was ranked by keeps its key (most refreshes of a batch)
        unchanged = {
            i
            for i, label in labels.items()
            if label is not None and i in kept.keys and self._ranked_as.get(i) == label
        }
        changed, self._renamed = (set(labels) - unchanged) | self._renamed, set()
        # (the labels of every compound refreshed: the store holds none of them while the refresh runs)
        current: dict[str, str] = {i: label for i, label in labels.items() if label is not None}
        for iri in sorted(changed):
            self._ranked_as.pop(iri, None)
            label = labels[iri] if iri in labels else self._stored_label(iri)
            if label is None:
                if (old := kept.drop(iri, RANK_BITS)) is not None:
                    touched.add(old)
                continue
            old = kept.keys.get(iri)
            if old is not None:
                touched.add(old >> RANK_BITS)
                kept.buckets[old >> RANK_BITS].discard(iri)
            current[iri] = label
            touched.add(bucket(label))
            kept.buckets.setdefault(bucket(label), set()).add(iri)
        return self._rerank(touched, current)

    def remove_replaced(self) -> None:
        """Remove the old keys the last update replaced (call once its new keys are written)."""
        if self._kept is not None:
            self._kept.remove_replaced(self.store)

    def _stored_label(self, iri: str) -> str | None:
        return _label(self.store, iri) if _is_compound(self.store, iri) else None

    def _rerank(self, buckets: Iterable[int], current: dict[str, str]) -> list[ox.Quad]:
        kept = self._loaded()
        new: list[ox.Quad] = []
        for b in sorted(buckets):
            labels = dict(current)
            for iri in sorted(kept.buckets.get(b, ())):
                if iri not in labels:
                    label = _label(self.store, iri)
                    if label is None:  # renamed away without its key: nothing left to rank
                        kept.buckets[b].discard(iri)
                        kept.drop(iri, RANK_BITS)
                        self._ranked_as.pop(iri, None)
                        continue
                    labels[iri] = label
            ranked = order_keys({iri: labels[iri] for iri in kept.buckets.get(b, ())})
            self._ranked_as.update((iri, labels[iri]) for iri in ranked)
            new += [kept.assign(iri, key) for iri, key in sorted(ranked.items()) if kept.keys.get(iri) != key]
        return new
