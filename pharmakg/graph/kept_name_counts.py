"""Entities' name counts kept in an on-disk store (graph ``graph/name-counts``), so that a writer process
reads a hub's few counts instead of its thousands of labels the first time a batch touches it.

:class:`~pharmakg.graph.derived_facts.DerivedFacts` chooses an entity's preferred label and name keys from
the number of document graphs that give it each name (``skos:altLabel``, ``rdfs:label``). It keeps those
counts up to date from the quads the store writes and removes, but a new writer process read them again from
every label of the entity in every document graph: 427 entities touched by 128 releases into the 100k store
cost 25 s, most of it the hubs (a company named by 20,000 documents). An on-disk store keeps the counts
themselves, one quad per (entity, name) that some document gives it: ``(entity, <build/nameCount>, "[name,
as altLabel, as rdfs:label]")``. They change with the writes: :meth:`StoredNames.change` at the end of each
refresh, for the names a batch's writes changed.

Like the resolution keys and the target rows, this graph is bookkeeping of the writer, not facts: outside the
merged default graph, only in store folders, and it depends only on the graph. A ready mark says the counts
are those of the store. The writer removes it before the first write of a batch that changes a count and
puts it back once the batch's counts are written, so a writer killed in between leaves no mark; a store
without it (written before the counts were kept, by such a writer, or behind pharmakg's back) has every
count written again by its next writer (:meth:`StoredNames.write_all`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import lit, n
from pharmakg.ontology.namespaces import RESOURCES_IRI

NAMES_GRAPH = n(RESOURCES_IRI + "graph/name-counts")
NAME_COUNT = n(RESOURCES_IRI + "build/nameCount")
_READY = ox.Quad(n(RESOURCES_IRI + "build/name-counts"), NAME_COUNT, lit("complete"), NAMES_GRAPH)
_CHUNK = 20_000  # quads per write while the counts of a whole store are written

Counts = dict[str, list[int]]  # name -> [document graphs giving it as skos:altLabel, as rdfs:label]


def encode(entity: ox.NamedNode, name: str, counts: list[int]) -> ox.Quad:
    text = json.dumps([name, *counts], ensure_ascii=False)
    return ox.Quad(entity, NAME_COUNT, lit(text), NAMES_GRAPH)


class StoredNames:
    """The name-counts graph of an on-disk store."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.reads = 0  # entities whose counts were read from the graph (a writer's first touches)

    def ready(self) -> bool:
        return _READY in self.store

    def unready(self) -> None:
        """The store is about to change in a way the counts do not show yet."""
        self.store.remove(_READY)

    def mark_ready(self) -> None:
        self.store.add(_READY)

    def read(self, entity: ox.NamedNode) -> Counts:
        self.reads += 1
        counts: Counts = {}
        for q in self.store.quads_for_pattern(entity, NAME_COUNT, None, NAMES_GRAPH):
            assert isinstance(q.object, ox.Literal)
            name, alt, main = json.loads(q.object.value)
            counts[name] = [alt, main]
        return counts

    def change(self, entity: ox.NamedNode, name: str, old: list[int], new: list[int]) -> None:
        """One name's counts changed ([0, 0]: the entity has no such name)."""
        if old != [0, 0]:
            self.store.remove(encode(entity, name, old))
        if new != [0, 0]:
            self.store.add(encode(entity, name, new))

    def replace(self, entity: ox.NamedNode, counts: Counts) -> None:
        """Every count of an entity written again (after a rename moved another entity's counts to it)."""
        for q in list(self.store.quads_for_pattern(entity, NAME_COUNT, None, NAMES_GRAPH)):
            self.store.remove(q)
        self.store.extend(encode(entity, name, c) for name, c in sorted(counts.items()) if c != [0, 0])

    def write_all(self, counts: Iterable[tuple[ox.NamedNode, Counts]]) -> None:
        """Every entity's counts (``counts``: (entity, counts) for all of them), the ready mark last."""
        self.store.remove_graph(NAMES_GRAPH)
        chunk: list[ox.Quad] = []
        for entity, found in counts:
            chunk += (encode(entity, name, c) for name, c in found.items() if c != [0, 0])
            if len(chunk) >= _CHUNK:
                self.store.extend(chunk)
                chunk = []
        self.store.extend([*chunk, _READY])
