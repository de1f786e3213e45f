"""The names of the store's entities, indexed by the keys resolution joins them on.

:func:`pharmakg.graph.resolve.resolve` joins a batch's entities with the existing entities that share a
(type, folded name) or (type, knowledge-base entity) key with them, transitively. Handing it every name of
the store for each batch made a build's cost per document grow with the store, so
:class:`pharmakg.graph.store.KnowledgeGraph` keeps this index, read once from the store, and gives
resolution only the existing entities that can join the batch: the closure of the batch's keys over the
index (an entity found brings its other keys, which may find more). The entities outside it form groups
without a batch entity, which resolution leaves alone, so the result is the same as with all of them.
Two things resolution reads over all existing entities are handed over whole: every IRI in use (a new
IRI must differ) and the generic trials' names (their IRIs are reused as they are).

This index serves a graph in memory; an on-disk store keeps the same keys as quads instead
(:class:`pharmakg.graph.key_index.StoredKeyIndex`), so that its writer's memory does not grow with it.

The store marks the entities a write changes (:meth:`LabelIndex.mark`); their rows are read again before
the index is next used. Writes that bypass :class:`~pharmakg.graph.store.KnowledgeGraph` (its ``store``
written directly, or through :meth:`~pharmakg.graph.store.KnowledgeGraph.to_rdflib`) are not seen, so
``to_rdflib`` drops the index and the next batch reads it again.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

import pyoxigraph as ox

from pharmakg.graph.queries import load_internal_query
from pharmakg.graph.rdf_terms import SKOS, n
from pharmakg.graph.resolve import is_generic_trial, key_joins, name_keys
from pharmakg.model import Extraction
from pharmakg.ontology.kb import KB, default_kb
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
Row = tuple[str, str, str]  # (entity IRI, entity type, label), as resolve() takes them
_Key = tuple[str, str]


def is_generic_row(etype: str, label: str) -> bool:
    """A generic trial's name ("a Phase 1 study"): resolution reads these rows whole, they join no key."""
    return etype == "TRIAL" and is_generic_trial(label)


def key_text(key: _Key) -> str:
    """A resolution key as one string (an entity type has no colon)."""
    return f"{key[0]}:{key[1]}"


def read_all_rows(store: ox.Store) -> Iterable[Row]:
    """Every (IRI, type, label) of the merged graph's entities: each name once."""
    labels = store.query(load_internal_query("entity-labels"))
    assert isinstance(labels, ox.QuerySolutions)
    for s in labels:
        yield term_text(s["e"]), term_text(s["t"]), term_text(s["l"])


def entity_rows(store: ox.Store, e: ox.NamedNode) -> set[tuple[str, str]]:
    """(type, label) of one entity in the merged graph: what :func:`read_all_rows` gives for it."""
    types = {term_text(q.object) for q in store.quads_for_pattern(e, n(PKG.entityType), None, MERGED)}
    labels = {term_text(q.object) for q in store.quads_for_pattern(e, n(SKOS + "altLabel"), None, MERGED)}
    return {(t, label) for t in types for label in labels}


class IndexMarks:
    """What both label indexes share: the entities a write changed, and the keys of a batch's names."""

    _KEY_CACHE = 200_000  # names whose keys are remembered; forgotten all at once past this

    kb: KB

    def __init__(self) -> None:
        self.dirty: set[str] = set()
        self._key_cache: dict[tuple[str, str], tuple[_Key, ...]] = {}

    def mark(self, iris: Iterable[str]) -> None:
        """These entities' names or types may have changed: read them again before the next use."""
        self.dirty.update(iris)

    def mark_quads(self, quads: Iterable[ox.Quad], written: bool = False) -> None:
        """Mark the subjects of the quads that state an entity's type or name (written or removed)."""
        watched = (n(PKG.entityType), n(SKOS + "altLabel"))
        self.dirty.update(
            q.subject.value for q in quads if q.predicate in watched and isinstance(q.subject, ox.NamedNode)
        )

    def _keys(self, etype: str, label: str) -> tuple[_Key, ...]:
        """The keys a name joins on, remembered: a batch reads its hub entities' many names again."""
        keys = self._key_cache.get((etype, label))
        if keys is None:
            if len(self._key_cache) >= self._KEY_CACHE:
                self._key_cache.clear()  # a bound on memory; the keys of names in use come back at once
            keys = tuple(k for k in name_keys(etype, label, self.kb) if key_joins(k))
            self._key_cache[(etype, label)] = keys
        return keys

    def batch_keys(self, extractions: Sequence[Extraction]) -> set[_Key]:
        """The keys of every name of the batch's entities (generic trials excepted)."""
        keys: set[_Key] = set()
        for ex in extractions:
            for ent in ex.entities:
                if not is_generic_row(ent.type, ent.name):
                    for name in ent.all_names():
                        keys.update(self._keys(ent.type, name))
        return keys


class LabelIndex(IndexMarks):
    """(IRI, type, label) rows of the merged graph's entities, by resolution key."""

    def __init__(self, store: ox.Store, kb: KB | None = None) -> None:
        super().__init__()
        self.store = store
        self.kb = default_kb() if kb is None else kb
        self.rows_of: dict[str, set[tuple[str, str]]] = {}  # IRI -> {(type, label)}
        self.keys_of: dict[str, set[_Key]] = {}  # IRI -> keys of its labels (generic trials' excepted)
        self.iris_of: dict[_Key, set[str]] = {}  # key -> IRIs with a label of that key
        self.generic: dict[str, set[tuple[str, str]]] = {}  # IRI -> its generic-trial rows
        for iri, etype, label in read_all_rows(store):
            self._add(iri, etype, label)

    def _add(self, iri: str, etype: str, label: str) -> None:
        self.rows_of.setdefault(iri, set()).add((etype, label))
        if is_generic_row(etype, label):
            self.generic.setdefault(iri, set()).add((etype, label))
            return
        keys = self.keys_of.setdefault(iri, set())
        for key in self._keys(etype, label):
            keys.add(key)
            self.iris_of.setdefault(key, set()).add(iri)

    def _drop(self, iri: str) -> None:
        self.rows_of.pop(iri, None)
        self.generic.pop(iri, None)
        for key in self.keys_of.pop(iri, ()):
            iris = self.iris_of[key]
            iris.discard(iri)
            if not iris:
                del self.iris_of[key]

    def _refresh(self) -> None:
        """Read the marked entities' rows again (what the full query returns for them)."""
        for iri in sorted(self.dirty):
            self._drop(iri)
            for etype, label in entity_rows(self.store, ox.NamedNode(iri)):
                self._add(iri, etype, label)
        self.dirty.clear()

    def rows(self) -> list[Row]:
        """Every row: what the full query of the store returns."""
        self._refresh()
        return sorted((iri, t, label) for iri, rows in self.rows_of.items() for t, label in rows)

    def flush(self) -> None:
        """Read the marked entities' rows again now (they would be before the next use)."""
        self._refresh()

    def taken(self) -> Container[str]:
        """Every entity IRI with a name (resolution's IRIs in use)."""
        self._refresh()
        return self.rows_of.keys()

    def relevant(self, extractions: Sequence[Extraction]) -> list[Row]:
        """Rows of the existing entities that can join the batch's entities, and every generic-trial row."""
        self._refresh()
        frontier = self.batch_keys(extractions)
        seen_keys: set[_Key] = set()
        found: set[str] = set()
        while frontier:
            seen_keys |= frontier
            new = {iri for key in frontier for iri in self.iris_of.get(key, ()) if iri not in found}
            found |= new
            frontier = {key for iri in new for key in self.keys_of.get(iri, ()) if key not in seen_keys}
        rows = {(iri, t, label) for iri in found for t, label in self.rows_of[iri]}
        rows.update((iri, t, label) for iri, generic in self.generic.items() for t, label in generic)
        return sorted(rows)


def term_text(term: object) -> str:
    """The text of an IRI, blank node or literal (as the store's ``_value``)."""
    assert isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal), term
    return term.value
