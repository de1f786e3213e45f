"""The one writer of a store folder served with ``pharmakg serve --writable``.

A writable endpoint holds the store's writer lock for as long as it serves (a build started meanwhile gets
StoreLocked, as with a second build), runs SPARQL updates one at a time, and publishes a snapshot after
each (:mod:`pharmakg.graph.snapshots`), so other processes that open the store read-only see it.

An update writes exactly what it says. Questions read the default graph (the merged facts) and provenance
lives in the per-document named graphs: a fact meant for questions goes into the default graph, and into a
document's graph as well if it should be traced to that document. The next build keeps what was added to
the default graph until a document that states the same triple is removed.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from pathlib import Path

import pyoxigraph as ox

from pharmakg.graph.bookkeeping import open_store, store_lock
from pharmakg.graph.sparql_guard import refuse_service
from pharmakg.graph.store import KnowledgeGraph


class StoreWriter:
    """Holds ``folder``'s writer lock and its read-write store until :meth:`close`."""

    def __init__(self, folder: Path) -> None:
        if not (folder / "CURRENT").exists():
            raise ValueError(f"{folder}: --writable serves an Oxigraph store folder, not a file")
        self._held = ExitStack()
        self._held.enter_context(store_lock(folder))  # StoreLocked when a build writes it
        try:
            self.kg: KnowledgeGraph | None = open_store(folder)
        except BaseException:
            self._held.close()
            raise
        self._mutex = threading.Lock()

    @property
    def store(self) -> ox.Store:
        assert self.kg is not None, "closed"
        return self.kg.store

    def update(self, sparql: str) -> None:
        """Run one SPARQL 1.1 Update (SyntaxError when malformed; SERVICE refused), then publish."""
        refuse_service(sparql)
        with self._mutex:
            if self.kg is None:
                raise RuntimeError("the endpoint is closing")
            self.kg.store.update(sparql)
            self.kg.publish_snapshot()

    def close(self) -> None:
        with self._mutex:
            if self.kg is None:
                return
            self.kg.store.flush()
            self.kg.publish_snapshot(final=True)
            self.kg = None  # closes the store before the writer lock goes
            self._held.close()
