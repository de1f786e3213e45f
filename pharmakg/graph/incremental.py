"""Incremental builds of an on-disk store: read only new or changed files, write in batches, resume.

:func:`build_store` is what :func:`pharmakg.api.build` runs for a store folder:

1. Under the store's writer lock, roll back a batch an interrupted build left behind
   (:func:`pharmakg.graph.bookkeeping.recover`).
2. Plan: hash every input file's bytes and compare with the recorded source files. Bytes, not the document
   text: hashing bytes needs no decoding, HTML parsing or repairs, so an unchanged 10k-file folder is
   checked in a second; a file whose bytes changed but whose text did not is read, found to give a
   document the store holds, and only recorded again.
3. Remove, in one journaled step, the documents of changed files and (``prune``) of recorded files that are
   gone or no longer among the inputs, unless another recorded file still gives them.
4. Read and extract the new and changed files, writing them in batches of ``batch_size`` documents straight
   into the store, each batch journaled; a document's source record is written after its quads.

The entities a batch touches get their derived facts (preferred label, latest phase) refreshed by the store;
nothing else is recomputed.

A build into an empty store (or one that goes on from such a build, killed) defers the kept facts the store
can compute from the graph (:data:`pharmakg.graph.stream_fill.DEFERRED`: name keys, counts, order keys,
crowded-target figures, pair, licence and agreement facts): it marks them all as being filled before its
first batch, keeps only the preferred labels, latest phases and name counts per batch, and fills the marked
kinds once after its last step (:func:`pharmakg.graph.stream_fill.fill_missing`, in bounded chunks), then
writes the crowded-target rows its next writer reads. Per batch, keeping them read and rewrote facts of hub
partners, targets and licensors: a cost per release that grew with the store. A build killed before the fill
leaves the marks, and its next run defers too; killed in the fill, the next opening finishes it. A store
with documents keeps them per batch as before (a fill only adds facts: it cannot replace stale ones).
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pharmakg.graph.bookkeeping import (
    Journal,
    SourceRecord,
    finish_remints,
    forget_sources,
    has_document,
    open_store,
    read_sources,
    recover,
    store_lock,
    write_sources,
)
from pharmakg.graph.deferred import defer
from pharmakg.graph.snapshots import DEFAULT_INTERVAL
from pharmakg.graph.stream_fill import (
    fill_missing,
    holds_documents,
    is_deferring,
    start_deferring,
    stop_deferring,
)
from pharmakg.model import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from pharmakg.api import BatchStats
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.ingest import IngestError

DEFAULT_BATCH_SIZE = 64
Progress = Callable[[Iterator[Any]], Iterable[Any]]


@dataclass
class _File:
    path: Path
    key: str  # absolute path: the source record's key
    file_hash: str | None  # None: the bytes could not be read (ingest reports why)


@dataclass
class _Plan:
    files: list[_File]
    to_read: list[_File] = field(default_factory=list)
    unchanged: list[_File] = field(default_factory=list)
    copies: list[SourceRecord] = field(default_factory=list)  # bytes some record has: record, no reading
    changed_keys: set[str] = field(default_factory=set)
    pruned_keys: set[str] = field(default_factory=set)
    leaving: set[str] = field(default_factory=set)  # doc_ids to remove before reading


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _under(key: str, roots: list[Path]) -> bool:
    p = Path(key)
    return any(p == r or r in p.parents for r in roots)


def plan(kg: KnowledgeGraph, inputs: list[Path], prune: bool) -> _Plan:
    """Which files to read, which are unchanged, which documents leave the store."""
    from pharmakg.ingest import expand_inputs

    records = read_sources(kg)
    by_hash = {r.file_hash: r.doc_id for r in records.values() if has_document(kg, r.doc_id)}
    files = [_File(p, str(p.resolve()), _file_hash(p)) for p in expand_inputs(inputs)]
    result = _Plan(files)
    keys = {f.key for f in files}
    for f in files:
        known = records.get(f.key)
        if known is not None and known.file_hash == f.file_hash and has_document(kg, known.doc_id):
            result.unchanged.append(f)
            continue
        if known is not None:
            result.changed_keys.add(f.key)
        if f.file_hash is not None and f.file_hash in by_hash:
            result.copies.append(SourceRecord(f.key, f.file_hash, by_hash[f.file_hash]))
            result.unchanged.append(f)
        else:
            result.to_read.append(f)
    if prune:
        roots = [p.resolve() for p in inputs]
        result.pruned_keys = {
            k for k in records if k not in keys and (_under(k, roots) or not Path(k).exists())
        }
    dropped = result.changed_keys | result.pruned_keys
    kept = {r.doc_id for k, r in records.items() if k not in dropped} | {r.doc_id for r in result.copies}
    result.leaving = {records[k].doc_id for k in dropped} - kept
    return result


def _read(
    kg: KnowledgeGraph,
    files: Iterable[_File],
    copies: list[SourceRecord],
    given: dict[str, _File],
    on_error: Callable[[IngestError], None],
    stats: BatchStats,
) -> Iterator[Document]:
    """Documents of the files to read; a text the store (or this run) already has is only recorded.
    ``given`` gets the file of each document yielded."""
    from pharmakg.ingest import IngestError, iter_documents

    for f in files:
        for item in iter_documents([f.path]):
            if isinstance(item, IngestError):
                stats.failed += 1
                on_error(item)
            elif item.doc_id in given or has_document(kg, item.doc_id):
                stats.unchanged += 1  # the same text as a document the store has: recorded, not extracted
                copies.append(SourceRecord(f.key, f.file_hash or "", item.doc_id))
            else:
                given[item.doc_id] = f
                yield item


class _Ticks:
    """One tick per input file as its work is done, with a length, so a progress bar knows its total."""

    def __init__(self, total: int, ticks: Iterator[None]) -> None:
        self.total, self.ticks = total, ticks

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[None]:
        return self.ticks


def _batches(stream: Iterator[Extraction], size: int) -> Iterator[list[Extraction]]:
    while batch := list(islice(stream, size)):
        yield batch


def _write_batch(
    kg: KnowledgeGraph,
    batch: list[Extraction],
    records: list[SourceRecord],
    leaving: Iterable[str] = (),
) -> None:
    """One journaled step: remove ``leaving``, add ``batch``, record its source files, clear the journal."""
    journal = Journal(kg)
    kg.add_extractions(batch, replace=leaving, journal=journal)
    write_sources(kg, records)
    journal.clear()
    kg.publish_snapshot(every=kg.snapshot_interval)  # readers see the store batch by batch, at most this late


def _sync_files(
    kg: KnowledgeGraph,
    inputs: list[Path],
    *,
    on_error: Callable[[IngestError], None],
    nlp: Language | None,
    stats: BatchStats,
    progress: Progress | None,
    prune: bool,
    batch_size: int,
    jobs: int = 1,
    dask: str | None = None,
    time_limit: float | None = None,
    mode: str = "default",
) -> None:
    todo = plan(kg, inputs, prune)
    stats.unchanged += len(todo.unchanged)
    stats.pruned += len(todo.pruned_keys)
    if todo.leaving or todo.changed_keys or todo.pruned_keys:
        journal = Journal(kg)
        kg.add_extractions([], replace=todo.leaving, journal=journal)
        forget_sources(kg, paths=todo.changed_keys | todo.pruned_keys)
        journal.clear()
    work = _write_files(kg, todo, nlp, stats, on_error, batch_size, jobs, dask, time_limit, mode)
    ticks = _Ticks(len(todo.files), work)
    for _ in progress(ticks) if progress is not None else ticks:  # type: ignore[arg-type]
        pass


def _write_files(
    kg: KnowledgeGraph,
    todo: _Plan,
    nlp: Language | None,
    stats: BatchStats,
    on_error: Callable[[IngestError], None],
    batch_size: int,
    jobs: int = 1,
    dask: str | None = None,
    time_limit: float | None = None,
    mode: str = "default",
) -> Iterator[None]:
    """Read, extract and write the files to read, in batches; a tick per input file once it is written
    (the unchanged ones first), so a bar shows the pace of writing, not of reading ahead."""
    from pharmakg import api

    yield from (None for _ in todo.unchanged)
    copies = list(todo.copies)
    given: dict[str, _File] = {}
    documents = _read(kg, todo.to_read, copies, given, on_error, stats)
    done = len(todo.unchanged)
    extractions = api.extract(
        documents,
        on_error=on_error,
        nlp=nlp,
        stats=stats,
        jobs=jobs,
        dask=dask,
        time_limit=time_limit,
        mode=mode,
    )
    for batch in _batches(extractions, batch_size):
        records = [_record(ex, given) for ex in batch]
        stats.changed += sum(r.path in todo.changed_keys for r in records)
        # a copy of a document still in extraction is recorded with it, never before its quads are in
        in_batch = {ex.document.doc_id for ex in batch}
        ready = [c for c in copies if c.doc_id in in_batch or has_document(kg, c.doc_id)]
        _write_batch(kg, batch, records + ready)
        copies[:] = [c for c in copies if c not in ready]
        finished = min(len(todo.files), done + len(batch) + len(ready))
        yield from (None for _ in range(finished - done))
        done = finished
    if copies:
        write_sources(kg, copies)
    yield from (None for _ in range(len(todo.files) - done))  # failed files and late copies


def _record(ex: Extraction, given: dict[str, _File]) -> SourceRecord:
    f = given[ex.document.doc_id]
    return SourceRecord(f.key, f.file_hash or "", ex.document.doc_id)


def build_store(
    inputs: Iterable[str | Path] | Iterable[Document],
    folder: str | Path,
    *,
    on_error: Callable[[IngestError], None],
    nlp: Language | None = None,
    stats: BatchStats,
    progress: Progress | None = None,
    prune: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
    dask: str | None = None,
    time_limit: float | None = None,
    snapshot_interval: float = DEFAULT_INTERVAL,
    mode: str = "default",
    defer_kept: bool = True,
) -> KnowledgeGraph:
    """Bring the store in ``folder`` up to date with ``inputs`` (files and folders, or Documents: these have
    no file to remember, so they are always written). Raises StoreLocked when another process writes it.

    Readers see the store through snapshots (:mod:`pharmakg.graph.snapshots`): one when the build opens
    it, then after a batch once ``snapshot_interval`` seconds have passed, and one at the end.
    ``defer_kept``: False keeps the kept facts per batch in an empty store too (see above).

    Returns a read-only view of the store (so the caller can open it again, or another process write it)."""
    from pharmakg import api

    folder = Path(folder)
    created = not folder.exists()
    stream = iter([inputs] if isinstance(inputs, str | Path) else inputs)
    first = next(stream, None)
    with store_lock(folder):
        kg = open_store(folder, fill=False)
        kg.snapshot_interval = snapshot_interval
        _defer_kept_facts(kg, defer_kept)
        recover(kg)
        kg.publish_snapshot()  # a reader never waits for the first batch
        kg.deferred_remints = set()  # IRIs re-minted once, at the end (finish_remints)
        added, removed = kg.quads_added, kg.quads_removed
        if isinstance(first, Document):  # streamed: a generator of documents is never held whole
            extractions = api.extract(
                chain([first], stream),  # type: ignore[arg-type]
                on_error=on_error,
                nlp=nlp,
                stats=stats,
                jobs=jobs,
                dask=dask,
                time_limit=time_limit,
                mode=mode,
            )
            for batch in _batches(extractions, batch_size):
                _write_batch(kg, batch, [])
        elif first is not None:
            paths = [Path(p) for p in chain([first], stream)]  # type: ignore[arg-type]
            _sync_files(
                kg,
                paths,
                on_error=on_error,
                nlp=nlp,
                stats=stats,
                progress=progress,
                prune=prune,
                batch_size=batch_size,
                jobs=jobs,
                dask=dask,
                time_limit=time_limit,
                mode=mode,
            )
        finish_remints(kg)
        _fill_deferred(kg)
        stats.quads_added += kg.quads_added - added
        stats.quads_removed += kg.quads_removed - removed
        kg.store.flush()
        kg.publish_snapshot(final=True)
        empty = created and not len(kg)
        del kg  # closes the store (and releases RocksDB's lock) before the writer lock goes
    if empty:  # nothing could be read into a new store: leave no empty store folder behind
        shutil.rmtree(folder, ignore_errors=True)
        return api.open_graph(None)
    return read_only(folder)


def _defer_kept_facts(kg: KnowledgeGraph, defer_kept: bool) -> None:
    """Defer the kept facts (:func:`.deferred.defer`) if the build goes on from a deferring one, or
    (``defer_kept``) the store holds no document nor derived fact yet, then marked before anything is written.
    Else fill now the kept facts the store lacks (as an opening for writing does)."""
    from pharmakg.graph.rdf_terms import RESOLVED_GRAPH

    store = kg.store
    derived = next(iter(store.quads_for_pattern(None, None, None, RESOLVED_GRAPH)), None) is not None
    documents = holds_documents(store)  # (the opening filled the merged graph: it holds every document)
    if is_deferring(store) or (defer_kept and not derived and not documents):
        start_deferring(store)  # (marks written again change nothing)
        defer(kg.derived)
    else:
        fill_missing(store, kg._insert)
        if documents:  # a killed fill's rows, or those of a build killed after its fill: no mark tells (cheap
            kg.derived.crowds.write_kept_rows()  # when the rows are complete: one lookup of their ready mark)


def _fill_deferred(kg: KnowledgeGraph) -> None:
    """The end of a deferring build: the kept kinds filled from the graph, then the crowded-target rows (an
    on-disk store's writer reads them); per batch again from here."""
    from pharmakg.graph.derived_facts import DerivedFacts

    if not kg.derived.deferring:
        return
    stop_deferring(kg.store)
    kg.store.flush()
    fill_missing(kg.store, kg._insert)
    kg.derived = DerivedFacts(kg.store, kept_rows=True)
    if holds_documents(kg.store):  # (a store of nothing stays empty)
        kg.derived.crowds.write_kept_rows()


def read_only(folder: Path) -> KnowledgeGraph:
    """A read-only view of a store folder (see :func:`pharmakg.graph.store.open_read_only`): it takes no
    lock, so the store can be opened again, by this or another process."""
    from pharmakg.graph.store import open_read_only

    return open_read_only(folder)
