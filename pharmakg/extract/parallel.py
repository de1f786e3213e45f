"""Extraction on several processes of one machine (``jobs > 1``), and the worker side that Dask shares.

The parent reads the files (so unreadable ones are reported there, one by one, and the batch goes on), cuts
the Documents into batches and hands them to worker processes; each worker builds the pipeline once and
returns the entities and relations of its batch. The parent puts them back on its own Document objects and
yields them in input order, so the output is the one of a single process, byte for byte. Only the parent
ever writes a store.

How workers start: when this process runs no other thread, by ``fork``, after it built the pipeline, so the
workers start at once with the pipeline in place (as spaCy's own ``n_process`` does). Forking a process
that runs threads (a progress bar's monitor, a Dask client) can leave a child waiting forever on a lock one
of them held, so then they start from a fork server that imported spaCy and pharmakg once (``forkserver``;
``spawn`` where neither exists), about 1.5 s later, and, as with any such start, a script that calls this
must keep its top-level code under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from pharmakg.extract.limits import DEFAULT_TIME_LIMIT, ExtractionFailed, document_label
from pharmakg.model import Document, Entity, Extraction, Relation

if TYPE_CHECKING:
    from pharmakg.extract.pipeline import Extractor

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "batches",
    "extract_batch",
    "extract_in_processes",
    "in_order",
    "with_documents",
]

# Documents per task: large enough that pickling and queueing stay small next to extraction (~30 ms per
# release), small enough that two workers stay busy to the end of a few hundred documents.
DEFAULT_BATCH_SIZE = 8
# Batches in flight per worker: one running and one waiting, so a worker never idles on the parent.
BATCHES_AHEAD = 2
# Below this many documents per job the batch runs in this process: starting workers (~1.5 s, imports and
# pipeline) costs more than they would save on a handful of releases. The output is the same either way.
MIN_DOCUMENTS_PER_JOB = 16

Found = tuple[list[Entity], list[Relation]]
# what a worker returns per document: what it found, or why it failed (an ExtractionFailed's reason)
Result = Found | str

# One Extractor per worker process and extraction mode, built on its first batch (the default pipeline takes
# ~0.25 s to build). A lock because a Dask worker may run tasks on several threads, and a spaCy pipeline is
# not shared across threads.
_extractors: dict[str, Extractor] = {}
_extractor_lock = threading.Lock()


def extract_batch(
    documents: list[Document], time_limit: float | None = DEFAULT_TIME_LIMIT, mode: str = "default"
) -> list[Result]:
    """The entities and relations of each Document, or why it failed (worker side; the Documents stay with
    the caller). ``mode``: the extraction mode (pharmakg.extract.pipeline_config.MODES)."""
    with _extractor_lock:
        extractor = _worker_extractor(mode)
        extractor.time_limit = time_limit
        return [
            x.reason if isinstance(x, ExtractionFailed) else (x.entities, x.relations)
            for x in extractor.results(documents)
        ]


def _worker_extractor(mode: str = "default") -> Extractor:
    if mode not in _extractors:
        from pharmakg.extract.pipeline import Extractor, build_pipeline

        _extractors[mode] = Extractor(build_pipeline(mode=mode))
    return _extractors[mode]


def with_documents(documents: list[Document], found: list[Result]) -> Iterator[Extraction | ExtractionFailed]:
    """Extractions of the caller's own Documents from what a worker found in their copies."""
    if len(found) != len(documents):
        raise RuntimeError(f"a worker returned {len(found)} extractions for {len(documents)} documents")
    for document, result in zip(documents, found, strict=True):
        if isinstance(result, str):
            yield ExtractionFailed(document_label(document), result)
        else:
            yield Extraction(document=document, entities=result[0], relations=result[1])


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    stream = iter(documents)
    while batch := list(islice(stream, size)):
        yield batch


def _context(mode: str = "default") -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        _worker_extractor(mode)  # built once here, inherited by every forked worker
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # The server imports these once; every worker forked from it starts with them loaded.
        context.set_forkserver_preload(["pharmakg.extract.pipeline", "pharmakg.extract.parallel"])
        return context
    return multiprocessing.get_context("spawn")


def extract_in_processes(
    documents: Iterable[Document],
    jobs: int,
    batch_size: int = DEFAULT_BATCH_SIZE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    mode: str = "default",
) -> Iterator[Extraction | ExtractionFailed]:
    """One Extraction (or ExtractionFailed) per Document, in order, extracted by ``jobs`` worker processes
    (in this process when there are fewer than ``MIN_DOCUMENTS_PER_JOB`` documents per job)."""
    from pharmakg.extract.pipeline import Extractor, build_pipeline

    stream = iter(documents)
    head = list(islice(stream, max(jobs, 1) * MIN_DOCUMENTS_PER_JOB))
    if jobs <= 1 or len(head) < jobs * MIN_DOCUMENTS_PER_JOB:
        yield from Extractor(build_pipeline(mode=mode), time_limit=time_limit).results(chain(head, stream))
        return
    yield from _extract_in_pool(chain(head, stream), jobs, batch_size, time_limit, mode)


def in_order(
    documents: Iterable[Document],
    submit: Callable[[list[Document]], Any],
    in_flight: int,
    batch_size: int,
) -> Iterator[Extraction | ExtractionFailed]:
    """Extractions in input order from batches run elsewhere: ``submit(batch)`` starts one and returns a
    future (``.result()``, ``.cancel()``); at most ``in_flight`` batches run ahead of the reader. Shared by
    the process pool and the Dask runner. A reader that stops early cancels the batches nobody will read."""
    pending: deque[tuple[list[Document], Any]] = deque()
    try:
        for batch in batches(documents, batch_size):
            pending.append((batch, submit(batch)))
            if len(pending) >= in_flight:
                done, future = pending.popleft()
                yield from with_documents(done, future.result())
        while pending:
            done, future = pending.popleft()
            yield from with_documents(done, future.result())
    finally:
        for _, future in pending:
            future.cancel()


def _extract_in_pool(
    documents: Iterable[Document], jobs: int, batch_size: int, time_limit: float | None, mode: str
) -> Iterator[Extraction | ExtractionFailed]:
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(mode))
    try:
        yield from in_order(
            documents,
            lambda batch: pool.submit(extract_batch, batch, time_limit, mode),
            BATCHES_AHEAD * jobs,
            batch_size,
        )
    finally:
        # A consumer that stops early (or an error) must not wait for batches nobody will read.
        pool.shutdown(wait=True, cancel_futures=True)
