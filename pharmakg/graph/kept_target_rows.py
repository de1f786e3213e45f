"""The per-compound rows of crowded-targets' figures, kept in an on-disk store (graph ``graph/target-rows``)
so that a writer reads a target's rows with one scan instead of recounting every compound aimed at it.

:class:`~pharmakg.graph.crowded_targets.CrowdedTargets` sums a target's figures from one row per compound
aimed at it (the compound's owners that are companies and its preferred labels). A long build reads a
target's rows once and then recounts only the rows a batch touches; but every new writer process read every
row of every hub target again the first time a batch touched it: writing 128 releases into a 100k-release
store recomputed 43,125 rows (5 to 8 store reads each) for 33 targets, 39 s of a 165 s write. An on-disk store
therefore keeps the rows themselves, one quad per (target, compound) row, written and removed with the rows a
batch changes: the first touch of a target in a process is one scan of its quads, and the rows recomputed per
batch are those the batch touches.

Like the resolution keys (graph ``graph/keys``), the rows are bookkeeping of the writer, not facts: they live
in their own graph, outside the merged default graph, only in on-disk stores (in-memory graphs and files
never hold them), and depend only on the graph (a store built in several runs holds the rows of one built at
once). A ready mark says the graph is complete: a store written before it, or behind the writer's back
(``to_rdflib``), gets every row written again by its next writer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import lit, n
from pharmakg.ontology.namespaces import RESOURCES_IRI

ROWS_GRAPH = n(RESOURCES_IRI + "graph/target-rows")
TARGET_ROW = n(RESOURCES_IRI + "build/targetRow")
_MARK = n(RESOURCES_IRI + "build/target-rows")
# The ready mark names the rows' version. "complete": rows written before session 18, when a target
# re-minted in a build's last step could keep the row of a compound renamed in the same step under its former
# IRI (its targetCompoundCount one too many); such a store's figures are recounted at its next opening for
# writing (pharmakg.graph.stream_fill, kind targetFactsRecount) and its rows written again by its next writer.
FORMER_READY = ox.Quad(_MARK, TARGET_ROW, lit("complete"), ROWS_GRAPH)
_READY = ox.Quad(_MARK, TARGET_ROW, lit("complete v2"), ROWS_GRAPH)
_CHUNK = 20_000  # quads per write while the rows of a whole store are written

Row = tuple[frozenset[ox.NamedNode], tuple[str, ...]]  # a compound's owners that are companies, its labels


def encode(target: ox.NamedNode, compound: ox.NamedNode, row: Row) -> ox.Quad:
    """The quad of one (target, compound) row: owners sorted, labels in the order the row holds them."""
    text = json.dumps([compound.value, sorted(co.value for co in row[0]), list(row[1])], ensure_ascii=False)
    return ox.Quad(target, TARGET_ROW, lit(text), ROWS_GRAPH)


def decode(q: ox.Quad) -> tuple[ox.NamedNode, Row]:
    assert isinstance(q.object, ox.Literal)
    compound, owners, names = json.loads(q.object.value)
    return ox.NamedNode(compound), (frozenset(ox.NamedNode(co) for co in owners), tuple(names))


def written_before_remint_fix(store: ox.Store) -> bool:
    """Whether the rows carry the former ready mark, so the kept figures may hold a stale row (cheap)."""
    return FORMER_READY in store


class StoredRows:
    """The rows graph of an on-disk store: read a target's rows, write the ones that change."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.scans = 0  # targets whose rows were read from the graph (the work a writer does per process)

    def ready(self) -> bool:
        return _READY in self.store

    def invalidate(self) -> None:
        """The store was written behind the writer: its next writer writes every row again."""
        self.store.remove(_READY)
        self.store.remove(FORMER_READY)

    def read(self, target: ox.NamedNode) -> dict[ox.NamedNode, Row]:
        self.scans += 1
        return dict(decode(q) for q in self.store.quads_for_pattern(target, TARGET_ROW, None, ROWS_GRAPH))

    def change(self, target: ox.NamedNode, compound: ox.NamedNode, old: Row | None, new: Row | None) -> None:
        """One row changed (None: there was none / there is none now)."""
        if old is not None:
            self.store.remove(encode(target, compound, old))
        if new is not None:
            self.store.add(encode(target, compound, new))

    def replace(self, target: ox.NamedNode, rows: Mapping[ox.NamedNode, Row]) -> None:
        """Every row of a target read again whole (a renamed target: its quads were moved with it)."""
        for q in list(self.store.quads_for_pattern(target, TARGET_ROW, None, ROWS_GRAPH)):
            self.store.remove(q)
        self.store.extend(
            encode(target, c, row) for c, row in sorted(rows.items(), key=lambda cr: str(cr[0]))
        )

    def write_all(self, rows: Iterable[tuple[ox.NamedNode, Mapping[ox.NamedNode, Row]]]) -> None:
        """Every target's rows (``rows``: (target, {compound: row}) for all of them), the ready mark last
        (interrupted, the next writer starts again from an empty graph)."""
        self.store.remove_graph(ROWS_GRAPH)
        chunk: list[ox.Quad] = []
        for target, found in rows:
            chunk += (encode(target, c, row) for c, row in found.items())
            if len(chunk) >= _CHUNK:
                self.store.extend(chunk)
                chunk = []
        self.store.extend([*chunk, _READY])
