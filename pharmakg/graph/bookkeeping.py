"""What an on-disk store remembers about its own builds: source files, the build journal and the writer lock.

* **Source files** (graph ``resource/graph/sources``): one ``pkg:SourceFile`` per file a build read, with its
  absolute ``pkg:sourcePath``, the SHA-256 of its bytes (``pkg:fileHash``) and the document it gave
  (``pkg:sourceOf``). A file whose path and hash are recorded is not read again. A record is written only
  after its document's quads are in, so a document without one is read again by the next build.
* **The journal** (graph ``resource/graph/journal``, empty between builds): before a batch writes, it records
  the doc_ids it adds or removes, the entities whose derived facts it changes and the resources it merges.
  IRIs are kept as strings, so a merge never rewrites the journal itself. A build that finds a journal
  rolls that batch back (:func:`recover`): redo its merges, remove its documents and their source records,
  refresh the derived facts of the entities it touched. Their files are then read again.
* **The lock** (``.pharmakg.lock`` in the store folder, ``fcntl.flock``): one writer at a time; a second one
  gets :class:`StoreLocked` naming the store and the other process.

Both graphs follow the store's layout (their triples are in the default graph too, see
:mod:`pharmakg.graph.store`); their subjects are theirs alone, so both copies are removed directly.
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from pharmakg.graph import snapshots
from pharmakg.graph.rdf_terms import RDF_TYPE, document_iri, lit, n, short_hash
from pharmakg.graph.store import MERGED, KnowledgeGraph, _value
from pharmakg.ontology.namespaces import PKG, RESOURCES_IRI

SOURCES_GRAPH = n(RESOURCES_IRI + "graph/sources")
JOURNAL_GRAPH = n(RESOURCES_IRI + "graph/journal")
JOURNAL = n(RESOURCES_IRI + "build/journal")
# entities whose IRI a build re-mints at its end (apart from the batch journal, which each batch clears)
REMINT_GRAPH = n(RESOURCES_IRI + "graph/remint")
REMINT = n(RESOURCES_IRI + "build/remint")
PENDING, PLANNED = n(PKG.remintPending), n(PKG.remintPlanned)  # its list of entities; the renames decided
LICENCES = n(PKG.remintLicences)  # the renames' new IRIs, until their licence facts are written
LOCK_NAME = snapshots.WRITER_LOCK  # ".pharmakg.lock"
_DOCUMENT_PREFIX = RESOURCES_IRI + "document/"


class StoreLocked(RuntimeError):
    """Another process is writing (or holds open) the store."""


@contextmanager
def store_lock(folder: Path) -> Iterator[None]:
    """Hold the store folder's writer lock (created with the folder if need be) for the block."""
    folder.mkdir(parents=True, exist_ok=True)
    with _writer_lock(folder / LOCK_NAME, folder, "store"):
        yield


@contextmanager
def graph_file_lock(path: Path) -> Iterator[None]:
    """Hold the writer lock of a graph file (``.kg.nq.pharmakg.lock`` beside it) for the block: two builds
    that append to one file would each write the file they read, and one's documents would be lost."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(path.with_name(f".{path.name}{LOCK_NAME}"), path, "graph file"):
        yield


@contextmanager
def _writer_lock(lock_file: Path, target: Path, what: str) -> Iterator[None]:
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            other = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise StoreLocked(
                f"{target}: another pharmakg build (pid {other}) is writing this {what}; "
                "run again when it has finished"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock, also when the process is killed


def open_store(folder: Path, fill: bool = True) -> KnowledgeGraph:
    """The store in ``folder`` (created if need be), with RocksDB's own lock error made readable; ``fill``:
    see :meth:`KnowledgeGraph.open`."""
    try:
        return KnowledgeGraph.open(folder, fill=fill)
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreLocked(
                f"{folder}: the store is open in another process; close it and run again"
            ) from exc
        raise


def _remove_subject_quads(kg: KnowledgeGraph, subject: ox.NamedNode, graph: ox.NamedNode) -> None:
    """Remove a bookkeeping node (default copy first, as the store does: never a default-only triple)."""
    quads = list(kg.store.quads_for_pattern(subject, None, None, graph))
    for q in quads:
        kg.store.remove(ox.Quad(q.subject, q.predicate, q.object, MERGED))
    for q in quads:
        kg.store.remove(q)


# ------------------------------------------------------------------------------------------- source files
@dataclass(frozen=True)
class SourceRecord:
    path: str  # absolute
    file_hash: str  # SHA-256 of the bytes
    doc_id: str


def _source_iri(path: str) -> ox.NamedNode:
    return n(f"{RESOURCES_IRI}source/{short_hash(path)}")


def read_sources(kg: KnowledgeGraph) -> dict[str, SourceRecord]:
    """The recorded source files, by absolute path."""
    fields: dict[str, dict[str, str]] = {}
    for q in kg.store.quads_for_pattern(None, None, None, SOURCES_GRAPH):
        fields.setdefault(str(q.subject), {})[q.predicate.value] = _value(q.object)
    records: dict[str, SourceRecord] = {}
    for f in fields.values():
        path, digest, doc = (f.get(str(p)) for p in (PKG.sourcePath, PKG.fileHash, PKG.sourceOf))  # rdflib
        if path and digest and doc and doc.startswith(_DOCUMENT_PREFIX):
            records[path] = SourceRecord(path, digest, doc[len(_DOCUMENT_PREFIX) :])
    return records


def write_sources(kg: KnowledgeGraph, records: Iterable[SourceRecord]) -> None:
    """Record source files (a path recorded before gets the new record)."""
    quads: list[ox.Quad] = []
    for r in records:
        s = _source_iri(r.path)
        _remove_subject_quads(kg, s, SOURCES_GRAPH)
        quads += [
            ox.Quad(s, n(RDF_TYPE), n(PKG.SourceFile), SOURCES_GRAPH),
            ox.Quad(s, n(PKG.sourcePath), lit(r.path), SOURCES_GRAPH),
            ox.Quad(s, n(PKG.fileHash), lit(r.file_hash), SOURCES_GRAPH),
            ox.Quad(s, n(PKG.sourceOf), document_iri(r.doc_id), SOURCES_GRAPH),
        ]
    kg._insert(quads)


def forget_sources(kg: KnowledgeGraph, paths: Iterable[str] = (), documents: Iterable[str] = ()) -> None:
    """Remove the records of these paths and every record of these documents."""
    subjects = {_source_iri(p) for p in paths}
    for doc_id in documents:
        for q in kg.store.quads_for_pattern(None, n(PKG.sourceOf), document_iri(doc_id), SOURCES_GRAPH):
            assert isinstance(q.subject, ox.NamedNode)
            subjects.add(q.subject)
    for s in sorted(subjects, key=str):
        _remove_subject_quads(kg, s, SOURCES_GRAPH)


def has_document(kg: KnowledgeGraph, doc_id: str) -> bool:
    d = document_iri(doc_id)
    return next(iter(kg.store.quads_for_pattern(d, n(RDF_TYPE), None, None)), None) is not None


# ------------------------------------------------------------------------------------------------ journal
class Journal:
    """The build journal of a store (a :class:`pharmakg.graph.store.BuildJournal`)."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg

    def documents(self, doc_ids: list[str], entities: set[str]) -> None:
        quads = [ox.Quad(JOURNAL, n(PKG.pendingDocument), lit(d), JOURNAL_GRAPH) for d in doc_ids]
        self._write(quads, entities)

    def resolution(self, renames: Mapping[str, str], entities: set[str]) -> None:
        quads: list[ox.Quad] = []
        for old, new in renames.items():
            node = n(f"{RESOURCES_IRI}build/rename/{short_hash(old, new)}")
            quads += [
                ox.Quad(node, n(PKG.renameFrom), lit(old), JOURNAL_GRAPH),
                ox.Quad(node, n(PKG.renameTo), lit(new), JOURNAL_GRAPH),
            ]
        self._write(quads, entities | set(renames.values()))

    def remint_later(self, entities: set[str]) -> None:
        self.kg._insert([ox.Quad(REMINT, PENDING, lit(e), REMINT_GRAPH) for e in sorted(entities)])

    def _write(self, quads: list[ox.Quad], entities: set[str]) -> None:
        quads += [ox.Quad(JOURNAL, n(PKG.touchedEntity), lit(e), JOURNAL_GRAPH) for e in sorted(entities)]
        # Not flushed: every write of an on-disk store is a transaction appended to RocksDB's write-ahead
        # log, in order, so after a kill the journal is there whenever anything written after it is. A
        # flush per write turned each batch's memtable into small level-0 files that compaction then had
        # to merge again and again (3 flushes per batch, 23% of a batch's write time).
        self.kg._insert(quads)

    def read(self) -> tuple[set[str], set[str], set[tuple[str, str]]]:
        """(pending doc_ids, touched entity IRIs, (from, to) renames) of an unfinished batch."""
        docs: set[str] = set()
        touched: set[str] = set()
        ends: dict[str, dict[str, set[str]]] = {}
        for q in self.kg.store.quads_for_pattern(None, None, None, JOURNAL_GRAPH):
            p = q.predicate.value
            if p == str(PKG.pendingDocument):
                docs.add(_value(q.object))
            elif p == str(PKG.touchedEntity):
                touched.add(_value(q.object))
            else:
                ends.setdefault(str(q.subject), {}).setdefault(p, set()).add(_value(q.object))
        renames = {
            (old, new)
            for e in ends.values()
            for old in e.get(str(PKG.renameFrom), ())
            for new in e.get(str(PKG.renameTo), ())
            if old != new
        }
        return docs, touched, renames

    def clear(self) -> None:
        subjects = {q.subject for q in self.kg.store.quads_for_pattern(None, None, None, JOURNAL_GRAPH)}
        for s in sorted(subjects, key=str):
            assert isinstance(s, ox.NamedNode)
            _remove_subject_quads(self.kg, s, JOURNAL_GRAPH)
        self.kg.store.remove_graph(JOURNAL_GRAPH)  # the graph's name too: a finished build leaves no trace


# renames the end of a build makes per journaled step (then the store is flushed): its memory is that of a
# chunk, not of every rename at once (RocksDB's memtables and the kept facts' pending changes grew with them)
REMINT_CHUNK = 128


def finish_remints(kg: KnowledgeGraph) -> None:
    """Re-mint the IRIs of the entities a build deferred (:meth:`KnowledgeGraph._remint`), its own or
    those of a build that was killed; then stop deferring.

    The renames are decided once over all of them (as one re-mint would: which entity takes a contested IRI
    depends on the others), kept in the store as a plan, then made ``REMINT_CHUNK`` at a time, each chunk
    journaled like a batch, its plan entries removed with it, and the store flushed. A build killed in a
    chunk is rolled forward by :func:`recover` (the journal's renames) and the next build makes the rest of
    the plan, so the graph is the one of an uninterrupted build.

    The licence facts the renames change are written once, after the chunks (per chunk, a hub's licences
    were recomputed by each chunk that renamed one of its partners or compounds: the step's CPU doubled):
    the plan's new IRIs are kept with it (``pkg:remintLicences``) until then, and what a kill left undone
    is recomputed from them by the next run."""
    kg.deferred_remints = None
    plan = _read_plan(kg)
    renamed = {_value(q.object) for q in kg.store.quads_for_pattern(REMINT, LICENCES, None, REMINT_GRAPH)}
    if not plan and not renamed:
        pending = {_value(q.object) for q in kg.store.quads_for_pattern(REMINT, PENDING, None, REMINT_GRAPH)}
        if not pending:
            return
        plan = kg.remint_plan(pending)
        renamed = set(plan.values())
        # one transaction writes the plan's quads (the default graph's copies follow): a kill leaves all
        # of it or none, and then the list it came from, which the next build plans from again
        kg._insert([_plan_quad(old, new) for old, new in sorted(plan.items())] + _licence_quads(renamed))
    _remove_quads(
        kg, kg.store.quads_for_pattern(REMINT, PENDING, None, REMINT_GRAPH)
    )  # the plan says the rest
    steps = sorted(plan.items())
    licences = kg.derived.licences
    licences.held = True  # (their news wait for the update after the chunks)
    try:
        for start in range(0, len(steps), REMINT_CHUNK):
            chunk = steps[start : start + REMINT_CHUNK]
            journal = Journal(kg)
            # a rename a killed chunk made already (its old IRI gone) was finished by the recovery
            kg.apply_renames({old: new for old, new in chunk if _is_named(kg, old)}, journal)
            _remove_quads(kg, [_plan_quad(old, new) for old, new in chunk])
            journal.clear()
            kg.store.flush()  # RocksDB's memtables hold a chunk's writes, not the whole step's
    finally:
        licences.held = False
    licences.renamed(renamed)
    kg._write_derived(licences.update())
    _remove_quads(kg, _licence_quads(renamed))
    kg.store.remove_graph(REMINT_GRAPH)


def _licence_quads(renamed: set[str]) -> list[ox.Quad]:
    return [ox.Quad(REMINT, LICENCES, lit(new), REMINT_GRAPH) for new in sorted(renamed)]


def _plan_quad(old: str, new: str) -> ox.Quad:
    return ox.Quad(REMINT, PLANNED, lit(f"{old} {new}"), REMINT_GRAPH)


def _read_plan(kg: KnowledgeGraph) -> dict[str, str]:
    """The renames a build's end decided and has not yet made (see :func:`finish_remints`)."""
    pairs = (
        _value(q.object).partition(" ")
        for q in kg.store.quads_for_pattern(REMINT, PLANNED, None, REMINT_GRAPH)
    )
    return {old: new for old, _, new in pairs}


def _remove_quads(kg: KnowledgeGraph, quads: Iterable[ox.Quad]) -> None:
    """Remove bookkeeping quads and their default copies (default copy first, as the store does)."""
    quads = list(quads)
    for q in quads:
        kg.store.remove(ox.Quad(q.subject, q.predicate, q.object, MERGED))
    for q in quads:
        kg.store.remove(q)


def _is_named(kg: KnowledgeGraph, iri: str) -> bool:
    """Whether any quad has ``iri`` as its subject or object."""
    node = ox.NamedNode(iri)
    return any(
        next(iter(kg.store.quads_for_pattern(s, None, o, None)), None) is not None
        for s, o in ((node, None), (None, node))
    )


def recover(kg: KnowledgeGraph) -> list[str]:
    """Roll back the batch an interrupted build left in the journal and re-mint what it deferred; returns
    the batch's doc_ids (they and their source records are removed, so their files are read again)."""
    journal = Journal(kg)
    docs, touched, renames = journal.read()
    if not (docs or touched or renames):
        finish_remints(kg)
        return []
    for old, new in sorted(renames):
        kg._rename(old, new)  # finishes a half-done merge; a no-op when it was done
        touched.add(new)
    for doc_id in sorted(docs):
        touched |= kg._remove_document(doc_id)
    forget_sources(kg, documents=docs)
    # what a batch killed after its documents' graphs left and before their kept facts did leaves, which no
    # graph names any more: the documents' order keys, their agreements' facts
    kg.derived.left(document_iri(d) for d in docs)
    kg.derived.agreements.recheck(touched)
    # and the pairs and licences those documents' links and statements made, kept by delta: a recovery killed
    # after the removals above and before the refresh below lost that news (the next one removes nothing)
    kg.derived.pairs.recheck(touched)
    kg.derived.licences.recheck(touched)
    kg._refresh_resolved(touched)
    kg._remint(touched, journal)  # journaled too: interrupted here, the next recovery finishes the renames
    if kg._labels is not None:  # the batch may have changed names whose keys it had not yet written
        kg._labels.mark(touched)
    kg._flush_keys()
    journal.clear()
    finish_remints(kg)
    return sorted(docs)


def refresh_snapshot(folder: Path) -> bool:
    """Publish a snapshot of a store no process writes (under its writer lock). False when the folder
    can't be written (read-only media): nothing can write it then either. StoreBusy when a process has the
    store open for writing."""
    try:
        with store_lock(folder):
            if not snapshots.is_stale(folder):
                return True  # another reader published it meanwhile
            kg = open_store(folder)
            # a batch a killed build left half-written shows as it is; the next build rolls it back
            snapshots.publish(kg.store, folder, final=True)
            del kg  # closes the store before the writer lock goes
    except StoreLocked as exc:
        raise snapshots.StoreBusy(str(exc)) from exc
    except OSError as exc:  # PermissionError among them
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return False
        raise
    return True
