"""Resolution keys kept in an on-disk store, so that a writer's memory does not grow with the store.

:class:`pharmakg.graph.label_index.LabelIndex` holds every name of the store in memory, read once per
opening: 445 MB and 16.5 s of CPU for the 109k entities of a 50k-release store, twice that at 100k. An
on-disk store keeps the same keys as quads of graph ``resource/graph/keys`` instead: one
``(entity, pkg:resolutionKey, "TYPE:key")`` per key of its names (:func:`pharmakg.graph.resolve.name_keys`)
and ``(entity, pkg:resolutionKey, "TRIAL@generic")`` for a generic trial, whose rows resolution reads whole.
:meth:`StoredKeyIndex.relevant` walks the closure of a batch's keys with one index lookup per key and per
entity found, so a batch costs the same whatever the store's size, and nothing is held between batches but
the entities a write changed.

The store marks the entities its writes change (:meth:`mark`, :meth:`mark_quads`); :meth:`flush` rewrites
their keys from their names in the merged graph. A store build flushes at the end of each batch, before the
batch's journal is cleared, and the journal's recovery marks every entity the journal names, so after a kill
the keys are again those of the store the recovery leaves. Keys are written only once they cover the whole
store: a store built before this index (or one written behind pharmakg's back, see
:meth:`pharmakg.graph.store.KnowledgeGraph.to_rdflib`) has no ``ready`` mark, and the first flush reads every
name of the store once to write them all, the mark last.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

import pyoxigraph as ox

from pharmakg.graph.label_index import (
    IndexMarks,
    Row,
    entity_rows,
    is_generic_row,
    key_text,
    read_all_rows,
    term_text,
)
from pharmakg.graph.rdf_terms import SKOS, lit, n
from pharmakg.model import Extraction
from pharmakg.ontology.kb import KB, default_kb
from pharmakg.ontology.namespaces import PKG, RESOURCES_IRI

MERGED = ox.DefaultGraph()
KEYS_GRAPH = n(RESOURCES_IRI + "graph/keys")
RESOLUTION_KEY = n(PKG.resolutionKey)
ENTITY_TYPE, ALT_LABEL = n(PKG.entityType), n(SKOS + "altLabel")
GENERIC = lit("TRIAL@generic")  # the key of every generic trial: resolution reads them all
_READY = ox.Quad(n(RESOURCES_IRI + "build/keys"), RESOLUTION_KEY, lit("complete"), KEYS_GRAPH)
_CHUNK = 20_000  # quads per write while the keys of a whole store are written


class StoredIRIs:
    """The entity IRIs in use, looked up in the store one at a time (resolution asks only of the IRIs it
    mints), instead of a set of every IRI."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def __contains__(self, iri: object) -> bool:
        if not isinstance(iri, str):
            return False
        found = self.store.quads_for_pattern(ox.NamedNode(iri), n(PKG.entityType), None, MERGED)
        return next(iter(found), None) is not None


class StoredKeyIndex(IndexMarks):
    """The answers of :class:`~pharmakg.graph.label_index.LabelIndex` from keys the store keeps."""

    ROW_LIMIT = 200_000  # (type, name) rows remembered between batches

    def __init__(self, store: ox.Store, kb: KB | None = None) -> None:
        super().__init__()
        self.store = store
        self.kb = default_kb() if kb is None else kb
        self._row_cache: dict[str, frozenset[tuple[str, str]]] = {}
        self._cached_rows = 0
        self._added: dict[str, set[str]] = {}  # IRI -> names written since the last flush

    def mark_quads(self, quads: Iterable[ox.Quad], written: bool = False) -> None:
        """Mark the entities whose type or names the quads state; quads about to be ``written`` only when
        their triple is not in the merged graph yet (a hub's name restated by one more document changes
        none of its rows, and reading its thousands of names again after every batch is what it costs)."""
        if not written:
            super().mark_quads(quads)
            return
        new = [  # one lookup per type or name written, not per quad of the batch
            q
            for q in quads
            if q.predicate in (ENTITY_TYPE, ALT_LABEL)
            and ox.Quad(q.subject, q.predicate, q.object, MERGED) not in self.store
        ]
        super().mark_quads(q for q in new if q.predicate == ENTITY_TYPE)  # a new entity: read it whole
        for q in new:  # a new name of an entity: its rows and keys grow, nothing else changes
            if q.predicate == ALT_LABEL and isinstance(q.subject, ox.NamedNode):
                self._added.setdefault(q.subject.value, set()).add(term_text(q.object))

    # ------------------------------------------------------------------------------------ writing keys
    def ready(self) -> bool:
        """Whether the keys cover the store (written once, then kept up to date)."""
        return _READY in self.store

    def invalidate(self) -> None:
        """The store was written behind the index: the next flush writes every key again."""
        self.store.remove(_READY)

    def flush(self) -> None:
        """Rewrite the keys of the marked entities (or of the whole store, the first time)."""
        if not self.ready():
            self._write_all()
            return
        for iri in sorted(self.dirty):
            e = ox.NamedNode(iri)
            rows = entity_rows(self.store, e)
            if self._row_cache.get(iri) == rows:
                continue  # the same names: the same keys
            self._remember(iri, rows)
            before = set(self.store.quads_for_pattern(e, RESOLUTION_KEY, None, KEYS_GRAPH))
            after = set(self._key_quads(e, rows))
            for q in before - after:
                self.store.remove(q)
            if after - before:
                self.store.extend(sorted(after - before, key=str))
        for iri, labels in sorted(self._added.items()):
            if iri in self.dirty:
                continue  # read whole above
            e = ox.NamedNode(iri)
            types = {term_text(q.object) for q in self.store.quads_for_pattern(e, ENTITY_TYPE, None, MERGED)}
            rows = {(t, label) for t in types for label in labels}
            if (cached := self._row_cache.get(iri)) is not None:
                self._remember(iri, set(cached | rows))
            self.store.extend(self._key_quads(e, rows))  # a key it had already is written over
        self.dirty.clear()
        self._added.clear()

    def _write_all(self) -> None:
        """Every entity's keys from every name of the store, the ready mark last (interrupted, the next
        flush starts again from an empty graph)."""
        self.store.remove_graph(KEYS_GRAPH)
        self._row_cache.clear()
        self._cached_rows = 0
        self._added.clear()
        rows: dict[str, set[tuple[str, str]]] = {}
        for iri, etype, label in read_all_rows(self.store):
            rows.setdefault(iri, set()).add((etype, label))
        chunk: list[ox.Quad] = []
        for iri in sorted(rows):
            chunk += self._key_quads(ox.NamedNode(iri), rows.pop(iri))
            if len(chunk) >= _CHUNK:
                self.store.extend(chunk)
                chunk = []
        self.store.extend([*chunk, _READY])
        self.dirty.clear()

    def _key_quads(self, e: ox.NamedNode, rows: Iterable[tuple[str, str]]) -> list[ox.Quad]:
        texts: set[str] = set()
        for etype, label in rows:
            if is_generic_row(etype, label):
                texts.add(GENERIC.value)
            else:
                texts.update(key_text(key) for key in self._keys(etype, label))
        return [ox.Quad(e, RESOLUTION_KEY, lit(t), KEYS_GRAPH) for t in sorted(texts)]

    # ------------------------------------------------------------------------------- what resolution reads
    def relevant(self, extractions: Sequence[Extraction]) -> list[Row]:
        """Rows of the existing entities that can join the batch's entities, and every generic-trial row.

        One lookup per key of the batch: resolution joins every two entities of a type that share a key,
        so no two existing entities share one, and the closure LabelIndex walks (the keys of an entity
        found, then the entities of those keys) finds no entity more; the tests compare both."""
        self.flush()
        found = {
            term_text(q.subject)
            for key in self.batch_keys(extractions)
            for q in self.store.quads_for_pattern(None, RESOLUTION_KEY, lit(key_text(key)), KEYS_GRAPH)
        }
        rows = {(iri, t, label) for iri in found for t, label in self._rows_of(iri)}
        for q in self.store.quads_for_pattern(None, RESOLUTION_KEY, GENERIC, KEYS_GRAPH):
            iri = term_text(q.subject)  # a generic trial's generic names, whether or not the batch reaches it
            rows.update((iri, t, lb) for t, lb in self._rows_of(iri) if is_generic_row(t, lb))
        return sorted(rows)

    def _rows_of(self, iri: str) -> frozenset[tuple[str, str]]:
        """An entity's rows, remembered between batches (a hub entity has thousands of names, and nearly
        every batch reaches it); a flush reads a marked entity's rows again."""
        rows = self._row_cache.get(iri)
        if rows is None:
            rows = self._remember(iri, entity_rows(self.store, ox.NamedNode(iri)))
        return rows

    def _remember(self, iri: str, rows: set[tuple[str, str]]) -> frozenset[tuple[str, str]]:
        self._cached_rows += len(rows) - len(self._row_cache.get(iri, ()))
        if self._cached_rows > self.ROW_LIMIT:  # a bound on memory: forget them all, read them again
            self._row_cache.clear()
            self._cached_rows = len(rows)
        self._row_cache[iri] = frozen = frozenset(rows)
        return frozen

    def taken(self) -> Container[str]:
        """The entity IRIs in use (looked up one by one)."""
        self.flush()
        return StoredIRIs(self.store)

    def rows(self) -> list[Row]:
        """Every row: what the full query of the store returns (for tests; reads every name)."""
        self.flush()
        return sorted(read_all_rows(self.store))
