#!/usr/bin/env python3
"""What the writer reads and writes per release, by kind, as the store grows (issue 10).

The same releases as ``writer_growth.py`` (``writer_growth.py extract``: a warm-up batch of 64, then the timed
ones) are written in batches of 64 into a copy of each store given, through a store that counts every call the
writer makes (not timed: the counting costs more than the writes). Per release it prints:

- the quads written (``extend``, ``add``) and removed (``remove``, ``remove_graph``) per kind: the graph they
  go to (a document's graph, ``graph/documents``, ``graph/resolved``, the merged default graph, the kept
  indexes' graphs) and their predicate; ``new`` is the part of the writes not already in the store, ``same``
  the quads removed and written back unchanged within one batch (a fact rewritten whole where a delta would
  write nothing);
- the rows read (``quads_for_pattern``: rows returned; ``in``: lookups) per step of the writer, the innermost
  of :data:`STEPS` on the call stack.

usage: python benchmarks/write_counts.py RELEASES.pkl STORE [STORE ...] [--top 40]
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

BATCH = 64  # incremental.DEFAULT_BATCH_SIZE

# the writer's steps a read or write is charged to (the innermost on the stack): (file, function) -> label
STEPS = {
    ("incremental.py", "_write_batch"): "batch (journal, sources, snapshot)",
    ("bookkeeping.py", "_write"): "journal",
    ("bookkeeping.py", "clear"): "journal",
    ("bookkeeping.py", "write_sources"): "source records",
    ("store.py", "_remove_document"): "remove document",
    ("store.py", "_rename"): "rename",
    ("derived_facts.py", "renaming"): "rename: derived facts told",
    ("resolve.py", "resolve"): "resolution",
    ("label_index.py", "relevant"): "resolution: names read",
    ("key_index.py", "relevant"): "resolution: names read",
    ("key_index.py", "flush"): "resolution keys written",
    ("key_index.py", "mark_quads"): "resolution keys marked",
    ("store.py", "add_extractions"): "insert (document quads)",  # (its other steps are inner ones)
    ("derived_facts.py", "written"): "derived: told of writes",
    ("derived_facts.py", "removed"): "derived: told of removals",
    ("crowded_targets.py", "written"): "derived: told of writes",
    ("crowded_targets.py", "removed"): "derived: told of removals",
    ("derived_facts.py", "refresh"): "refresh: entity facts",
    ("derived_facts.py", "_write_names"): "refresh: kept name counts",
    ("derived_facts.py", "document_counts"): "refresh: document counts",
    ("document_order.py", "update"): "DocumentOrder",
    ("compound_order.py", "update"): "CompoundOrder",
    ("crowded_targets.py", "update"): "CrowdedTargets",
    ("pair_order.py", "update"): "PairOrder",
    ("deal_facts.py", "update"): "DealLicences",
    ("agreement_pairs.py", "update"): "AgreementPairs",
    ("store.py", "_write_derived"): "write derived",
    ("derived_facts.py", "remove_replaced"): "remove replaced keys",
    ("store.py", "_remint"): "re-mint",
}
KNOWN_GRAPHS = (
    "documents resolved sources journal remint name-counts target-rows keys pair-replacing fill".split()
)


def graph_kind(g: Any) -> str:
    if isinstance(g, ox.DefaultGraph):
        return "default"
    tail = g.value.rsplit("graph/", 1)[-1]
    return f"g/{tail}" if tail in KNOWN_GRAPHS else "document graph"


def predicate_name(p: Any) -> str:
    return p.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def kind(q: ox.Quad) -> tuple[str, str]:
    return graph_kind(q.graph_name), predicate_name(q.predicate)


def step() -> str:
    f = sys._getframe(2)
    while f is not None:
        label = STEPS.get((Path(f.f_code.co_filename).name, f.f_code.co_name))
        if label is not None:
            return label
        f = f.f_back  # type: ignore[assignment]
    return "other"


class Counts:
    def __init__(self) -> None:
        self.written: Counter[tuple[str, str]] = Counter()
        self.new: Counter[tuple[str, str]] = Counter()
        self.removed: Counter[tuple[str, str]] = Counter()
        self.same: Counter[tuple[str, str]] = Counter()
        self.rows: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self.lookups: Counter[str] = Counter()
        self.written_by: Counter[str] = Counter()  # quads written and removed by step
        self.removed_by: Counter[str] = Counter()
        self.batch_removed: set[ox.Quad] = set()


class CountingStore:
    """A pyoxigraph store that counts the writer's reads and writes (the class can't be subclassed)."""

    def __init__(self, inner: ox.Store) -> None:
        self._inner = inner
        self.counts = Counts()
        self.on = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __len__(self) -> int:
        return len(self._inner)

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self._inner)

    def _wrote(self, quads: list[ox.Quad]) -> None:
        c = self.counts
        c.written_by[step()] += len(quads)
        for q in quads:
            k = kind(q)
            c.written[k] += 1
            if q not in self._inner:
                c.new[k] += 1
                if q in c.batch_removed:
                    c.same[k] += 1

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        quads = list(quads)
        if self.on:
            self._wrote(quads)
        self._inner.extend(quads)

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        quads = list(quads)
        if self.on:
            self._wrote(quads)
        self._inner.bulk_extend(quads)

    def add(self, quad: ox.Quad) -> None:
        if self.on:
            self._wrote([quad])
        self._inner.add(quad)

    def remove(self, quad: ox.Quad) -> None:
        if self.on and quad in self._inner:
            self.counts.removed[kind(quad)] += 1
            self.counts.removed_by[step()] += 1
            self.counts.batch_removed.add(quad)
        self._inner.remove(quad)

    def remove_graph(self, graph: Any) -> None:
        if self.on:
            label = step()
            for q in self._inner.quads_for_pattern(None, None, None, graph):
                self.counts.removed[kind(q)] += 1
                self.counts.removed_by[label] += 1
                self.counts.batch_removed.add(q)
        self._inner.remove_graph(graph)

    def clear_graph(self, graph: Any) -> None:
        if self.on:
            for q in self._inner.quads_for_pattern(None, None, None, graph):
                self.counts.removed[kind(q)] += 1
                self.counts.batch_removed.add(q)
        self._inner.clear_graph(graph)

    def quads_for_pattern(self, *args: Any, **kwargs: Any) -> Iterator[ox.Quad]:
        if not self.on:
            return self._inner.quads_for_pattern(*args, **kwargs)
        label = step()
        self.counts.calls[label] += 1
        return self._rows(label, self._inner.quads_for_pattern(*args, **kwargs))

    def _rows(self, label: str, rows: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
        for q in rows:
            self.counts.rows[label] += 1
            yield q

    def __contains__(self, quad: ox.Quad) -> bool:
        if self.on:
            self.counts.lookups[step()] += 1
        return quad in self._inner


def measure(store_dir: Path, releases: list[Any], top: int) -> Counts:
    from pharmakg.graph import incremental, snapshots
    from pharmakg.graph.bookkeeping import REMINT_GRAPH
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.graph.stream_fill import fill_missing

    work = Path(tempfile.mkdtemp(prefix="write-counts-")) / "store"
    shutil.copytree(store_dir, work, ignore=shutil.ignore_patterns("snapshots", "LOCK", ".pharmakg.lock"))
    counting = CountingStore(ox.Store(str(work)))
    kg = KnowledgeGraph(counting, path=work)  # type: ignore[arg-type]
    snapshots.mark_stale(work)
    kg._fill_merged()
    fill_missing(counting, kg._insert)  # type: ignore[arg-type]  (a no-op on a store of this version)
    counting.remove_graph(REMINT_GRAPH)  # (another build's unfinished step: not counted)
    kg.snapshot_interval = float("inf")
    kg.deferred_remints = set()
    incremental._write_batch(kg, releases[:BATCH], [])  # the warm-up batch
    timed = releases[BATCH:]
    counting.on = True
    for i in range(0, len(timed), BATCH):
        counting.counts.batch_removed = set()
        incremental._write_batch(kg, timed[i : i + BATCH], [])
    counting.on = False
    counts = counting.counts
    del kg, counting
    shutil.rmtree(work.parent, ignore_errors=True)
    return counts


def table(names: list[str], columns: list[Counter[Any]], per: int, top: int, title: str) -> None:
    keys = Counter[Any]()
    for c in columns:
        keys.update(c)
    rows = sorted(keys, key=lambda k: -max(c[k] for c in columns))[:top]
    print(f"\n{title}".ljust(60) + "".join(f"{n:>12}" for n in names))
    for k in rows:
        label = " ".join(k) if isinstance(k, tuple) else str(k)
        print(label[:59].ljust(60) + "".join(f"{c[k] / per:>12.1f}" for c in columns))
    print("total".ljust(60) + "".join(f"{sum(c.values()) / per:>12.1f}" for c in columns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("releases", type=Path)
    parser.add_argument("stores", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    import pharmakg

    print(f"pharmakg from {Path(pharmakg.__file__).parent}", flush=True)
    releases = pickle.loads(args.releases.read_bytes())
    per = len(releases) - BATCH
    names = [s.name for s in args.stores]
    runs = [measure(s, releases, args.top) for s in args.stores]
    print(f"per release ({per} releases after a warm-up batch of {BATCH}; stores: {', '.join(names)})")
    for label, attr in (("written", "written"), ("new", "new"), ("removed", "removed"), ("same", "same")):
        by_graph = [Counter[str]() for _ in runs]
        for c, r in zip(by_graph, runs, strict=True):
            for (g, _p), v in getattr(r, attr).items():
                c[g] += v
        table(names, by_graph, per, args.top, f"quads {label} by graph")
    table(names, [r.written_by for r in runs], per, args.top, "quads written by step")
    table(names, [r.removed_by for r in runs], per, args.top, "quads removed by step")
    table(names, [r.written for r in runs], per, args.top, "quads written (graph, predicate)")
    table(names, [r.new for r in runs], per, args.top, "  of which new (not in the store)")
    table(names, [r.removed for r in runs], per, args.top, "quads removed (graph, predicate)")
    table(names, [r.same for r in runs], per, args.top, "  removed and written back unchanged in a batch")
    table(names, [r.rows for r in runs], per, args.top, "rows read (quads_for_pattern) by step")
    table(names, [r.calls for r in runs], per, args.top, "quads_for_pattern calls by step")
    table(names, [r.lookups for r in runs], per, args.top, "lookups (quad in store) by step")


if __name__ == "__main__":
    main()
