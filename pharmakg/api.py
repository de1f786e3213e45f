"""pharmakg as a library: the ingest -> extract -> graph sequence, wired once.

The command line, the notebooks, the tests and the benchmarks call these functions instead of putting the
stages together themselves::

    import pharmakg.api as pkg

    for extraction in pkg.extract(["releases/"]):
        print(extraction.document.name, len(extraction.relations))

    kg = pkg.build(["releases/"], store="out/store")         # an on-disk Oxigraph store folder
    kg = pkg.build(["releases/"])                              # in memory
    kg = pkg.build(["releases/"], "kg.nq", jobs=2)            # extraction on 2 worker processes
    kg.run("compounds-by-target", {"target": "CD56"})

Unreadable files never stop a batch, nor do documents that cannot be extracted (longer than the character
limit, over the time limit per document, or breaking a component: :mod:`pharmakg.extract.limits`); those
come as :class:`~pharmakg.extract.limits.ExtractionFailed`, an ``IngestError``. ``on_error`` says what
happens to each one: ``"warn"`` (default: a
log warning naming the file and the reason, then the next file), ``"skip"`` (silently), ``"raise"`` (the
``IngestError`` is raised: all or nothing), or a callable that receives the error.

Heavy stages (ingest, spaCy, the store) are imported when first used, so importing this module is cheap.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from pharmakg.model import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from pharmakg.extract.limits import ExtractionFailed
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.ingest import IngestError

__all__ = [
    "BatchStats",
    "OnError",
    "build",
    "documents",
    "extract",
    "open_graph",
]

log = logging.getLogger("pharmakg.api")

OnError: TypeAlias = "Literal['warn', 'skip', 'raise'] | Callable[[IngestError], None]"
PathLike: TypeAlias = "str | Path"
# seconds per document (pharmakg.extract.limits.DEFAULT_TIME_LIMIT); None: no bound
DEFAULT_TIME_LIMIT = 120.0
# wraps a stream (the extractions; for a store folder, the input files) and yields it back: a progress bar
Progress: TypeAlias = "Callable[[Iterator[Any]], Iterable[Any]]"


@dataclass
class BatchStats:
    """What a batch did, counted as its stream is consumed."""

    documents: int = 0  # documents extracted
    failed: int = 0  # files that could not be read, and documents that could not be extracted
    entities: int = 0
    relations: int = 0
    # builds into a store folder (pharmakg.graph.incremental): files skipped, replaced, removed, and the
    # quads written to / removed from the document graphs
    unchanged: int = 0
    changed: int = 0  # of ``documents``: files read again because their bytes changed
    pruned: int = 0
    quads_added: int = 0
    quads_removed: int = 0


def _error_handler(on_error: OnError) -> Callable[[IngestError], None]:
    if callable(on_error):
        return on_error
    if on_error == "raise":

        def fail(error: IngestError) -> None:
            raise error

        return fail
    if on_error == "warn":
        return lambda error: log.warning("%s", error)
    if on_error == "skip":
        return lambda error: None
    raise ValueError(f"on_error must be 'warn', 'skip', 'raise' or a callable, not {on_error!r}")


def _as_inputs(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(paths, str | Path):
        return [Path(paths)]
    return [Path(p) for p in paths]


def documents(
    paths: PathLike | Iterable[PathLike],
    *,
    on_error: OnError = "warn",
    stats: BatchStats | None = None,
) -> Iterator[Document]:
    """The readable documents of files and folders (folders recursively), in order, duplicates once."""
    from pharmakg.ingest import IngestError, iter_documents

    handle = _error_handler(on_error)
    for item in iter_documents(_as_inputs(paths)):
        if isinstance(item, IngestError):
            if stats is not None:
                stats.failed += 1
            handle(item)
            continue
        yield item


def extract(
    paths: PathLike | Iterable[PathLike] | Iterable[Document],
    *,
    on_error: OnError = "warn",
    nlp: Language | None = None,
    stats: BatchStats | None = None,
    jobs: int = 1,
    dask: str | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    mode: str = "default",
) -> Iterator[Extraction]:
    """One :class:`Extraction` per readable document, streamed (nothing is held for the whole batch).

    ``paths`` are files and folders, or :class:`Document` objects already read. ``nlp``: a pipeline from
    :func:`pharmakg.extract.pipeline.build_pipeline` to reuse (it is built once per call otherwise).
    ``jobs``: worker processes on this machine (a few dozen documents or fewer run in this process anyway).
    ``dask``: a Dask scheduler address, or ``"local"`` for a local cluster (needs the ``dask`` extra).
    Whatever runs them, the extractions are the same and come in input order; files are read here.
    ``time_limit``: seconds per document (None: no bound); a document over it is an error like an
    unreadable file, given to ``on_error``, and the batch goes on.
    ``mode``: ``"default"`` (rules and lexicons, fast) or ``"accuracy"`` (the same plus a statistical English
    model's candidates: needs ``pip install 'pharmakg[accuracy]'``, else an ImportError that says so, raised
    before any file is read); ignored when ``nlp`` is given.
    """
    from pharmakg.extract.limits import ExtractionFailed

    check_mode(mode)
    handle = _error_handler(on_error)
    documents = _documents_of(paths, on_error, stats)
    for extraction in _extractions(documents, nlp, jobs, dask, time_limit, mode):
        if isinstance(extraction, ExtractionFailed):
            if stats is not None:
                stats.failed += 1
            handle(extraction)
            continue
        if stats is not None:
            stats.documents += 1
            stats.entities += len(extraction.entities)
            stats.relations += len(extraction.relations)
        yield extraction


def check_mode(mode: str) -> None:
    """ValueError for an unknown extraction mode; for the accuracy mode without its model installed, the
    ImportError naming the extra (:class:`~pharmakg.extract.components.accuracy_reader.AccuracyModelMissing`).
    """
    from pharmakg.extract.pipeline_config import mode_config

    mode_config(mode)
    if mode == "accuracy":
        from pharmakg.extract.components.accuracy_reader import require_accuracy_model

        require_accuracy_model()


def _extractions(
    documents: Iterator[Document],
    nlp: Language | None,
    jobs: int,
    dask: str | None,
    time_limit: float | None,
    mode: str = "default",
) -> Iterator[Extraction | ExtractionFailed]:
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    if dask is not None:
        if nlp is not None:
            raise ValueError("a pipeline object cannot be sent to Dask workers; they build the default one")
        from pharmakg.extract.distributed import extract_with_dask

        return extract_with_dask(documents, dask, time_limit=time_limit, mode=mode)
    if jobs > 1 and nlp is None:
        from pharmakg.extract.parallel import extract_in_processes

        return extract_in_processes(documents, jobs, time_limit=time_limit, mode=mode)
    from pharmakg.extract.pipeline import Extractor, build_pipeline

    if nlp is None:
        nlp = build_pipeline(mode=mode)
    # A given pipeline goes to spaCy's own worker processes (nlp.pipe(n_process=...)), which inherit it.
    return Extractor(nlp, n_process=jobs, time_limit=time_limit).results(documents)


def _documents_of(
    inputs: PathLike | Iterable[PathLike] | Iterable[Document], on_error: OnError, stats: BatchStats | None
) -> Iterator[Document]:
    """Documents given as such are streamed as they come (a generator stays lazy); paths are read."""
    if isinstance(inputs, str | Path | Document):
        inputs = [inputs]
    stream = iter(inputs)
    first = next(stream, None)
    if first is None:
        return
    if isinstance(first, Document):
        yield first
        for doc in stream:
            if not isinstance(doc, Document):
                raise TypeError(f"expected Document objects only, got {type(doc).__name__}")
            yield doc
        return
    yield from documents([first, *stream], on_error=on_error, stats=stats)  # type: ignore[list-item]


def open_graph(path: PathLike | None = None, *, read_only: bool = False) -> KnowledgeGraph:
    """A built graph: an RDF file (.ttl .nq .trig .jsonld .nt, loaded into memory), an Oxigraph store
    folder (opened on disk), or a new empty in-memory graph when ``path`` is None. ``read_only``: a store
    folder is read through its newest snapshot, without its lock, so other processes may build, serve or
    read it at the same time (:mod:`pharmakg.graph.snapshots`)."""
    from pharmakg.graph.store import KnowledgeGraph

    return KnowledgeGraph.open(path, read_only=read_only)


def build(
    paths: PathLike | Iterable[PathLike] | Iterable[Document],
    store: PathLike | None = None,
    *,
    append: bool = False,
    on_error: OnError = "warn",
    nlp: Language | None = None,
    stats: BatchStats | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    dask: str | None = None,
    prune: bool = False,
    batch_size: int | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    snapshot_interval: float | None = None,
    mode: str = "default",
    defer_kept: bool = True,
) -> KnowledgeGraph:
    """Extract ``paths`` into a knowledge graph and, when ``store`` is given, save it there.

    ``store``: a path whose suffix picks an RDF file format (.ttl .nq .trig .jsonld .nt) or, without one, an
    on-disk Oxigraph store folder; None keeps the graph in memory only.

    A store folder is built incrementally (:mod:`pharmakg.graph.incremental`), with or without ``append``:
    only new or changed files are read, a changed file's document is replaced, ``prune`` removes the
    documents of recorded files that are gone or no longer under ``paths``; documents are written in
    batches (``batch_size``) straight into the store, and an interrupted build is finished by the next one.
    ``progress`` then wraps the list of input files. Readers of the store (``open_graph(read_only=True)``,
    ``pharmakg serve``) see it through snapshots the build publishes every ``snapshot_interval`` seconds
    (default 10) and at its end (:mod:`pharmakg.graph.snapshots`).

    A file is built in memory (with ``append``, on top of what it already holds) and written only once every
    document went through, so a failure midway leaves the previous file as it was. Nothing is written when
    no document could be read. ``progress`` wraps the extraction stream (a progress bar, say). ``jobs`` and
    ``dask``: see :func:`extract`; extraction runs there, the graph is written by this process only.
    ``mode``: the extraction mode, see :func:`extract` (checked before anything is read or written).
    ``defer_kept``: a store folder built from empty fills its kept facts once at the end instead of keeping
    them per batch (see :mod:`pharmakg.graph.incremental`); False keeps them per batch.
    """
    from pharmakg.graph.store import FILE_FORMATS

    check_mode(mode)
    stats = stats if stats is not None else BatchStats()
    target = Path(store) if store is not None else None
    if target is not None and (target.is_dir() or target.suffix.lower() not in FILE_FORMATS):
        from pharmakg.graph.incremental import DEFAULT_BATCH_SIZE, build_store
        from pharmakg.graph.snapshots import DEFAULT_INTERVAL

        inputs = [paths] if isinstance(paths, str | Path | Document) else paths
        return build_store(
            inputs,
            target,
            on_error=_error_handler(on_error),
            nlp=nlp,
            stats=stats,
            progress=progress,
            prune=prune,
            batch_size=batch_size or DEFAULT_BATCH_SIZE,
            jobs=jobs,
            dask=dask,
            time_limit=time_limit,
            snapshot_interval=DEFAULT_INTERVAL if snapshot_interval is None else snapshot_interval,
            mode=mode,
            defer_kept=defer_kept,
        )
    if target is None:
        return _build_in_memory(
            None, paths, append, stats, progress, on_error, nlp, jobs, dask, time_limit, mode
        )
    from pharmakg.graph.bookkeeping import graph_file_lock

    with graph_file_lock(target):  # one writer: a second build gets StoreLocked, never a lost update
        return _build_in_memory(
            target, paths, append, stats, progress, on_error, nlp, jobs, dask, time_limit, mode
        )


def _build_in_memory(
    target: Path | None,
    paths: PathLike | Iterable[PathLike] | Iterable[Document],
    append: bool,
    stats: BatchStats,
    progress: Progress | None,
    on_error: OnError,
    nlp: Language | None,
    jobs: int,
    dask: str | None,
    time_limit: float | None,
    mode: str = "default",
) -> KnowledgeGraph:
    from pharmakg.graph.store import KnowledgeGraph

    kg = KnowledgeGraph.open(None)
    if append and target is not None and target.exists():
        kg = KnowledgeGraph.open(target)  # an RDF file: loaded into memory
    stream: Iterable[Extraction] = extract(
        paths, on_error=on_error, nlp=nlp, stats=stats, jobs=jobs, dask=dask, time_limit=time_limit, mode=mode
    )
    if progress is not None:
        stream = progress(iter(stream))
    kg.add_extractions(stream)
    if target is not None and stats.documents:
        kg.save(target)  # atomic: a temporary file renamed over the old one
    return kg
