"""Extraction as a Dask job: documents go out to a Dask cluster in partitions, their extractions come back.

The driver (this process) reads the files, so unreadable ones are reported here and the workers need no
access to them; it submits partitions of Documents as tasks, keeps a few partitions per worker in flight,
and yields the extractions in input order. Each worker process builds the pipeline once, on its first
partition (:func:`pharmakg.extract.parallel.extract_batch`), and returns plain entities and relations,
which pickle. The driver is the only store writer.

``scheduler``: the address of a running scheduler (``tcp://host:8786``; workers need pharmakg installed) or
``"local"`` for a :class:`distributed.LocalCluster` of one single-threaded worker process per core, closed
when the stream ends.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from pharmakg.extract.limits import DEFAULT_TIME_LIMIT, ExtractionFailed
from pharmakg.extract.parallel import BATCHES_AHEAD, DEFAULT_BATCH_SIZE, extract_batch, in_order
from pharmakg.model import Document, Extraction

__all__ = ["LOCAL", "extract_with_dask", "import_distributed"]

LOCAL = "local"


def import_distributed() -> Any:
    """The ``distributed`` package, or an ImportError that says which extra brings it."""
    try:
        import distributed
    except ImportError as exc:
        raise ImportError("extraction on Dask needs dask.distributed: pip install 'pharmakg[dask]'") from exc
    return distributed


def _client(distributed: Any, scheduler: str, stack: ExitStack) -> Any:
    if scheduler == LOCAL:
        cluster = stack.enter_context(
            distributed.LocalCluster(
                n_workers=os.cpu_count() or 1,
                threads_per_worker=1,  # the pipeline is pure Python: threads would only queue on the GIL
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",  # local only, on a free port
            )
        )
        return stack.enter_context(distributed.Client(cluster))
    return stack.enter_context(distributed.Client(scheduler))


def extract_with_dask(
    documents: Iterable[Document],
    scheduler: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    mode: str = "default",
) -> Iterator[Extraction | ExtractionFailed]:
    """One Extraction (or ExtractionFailed) per Document, in order, extracted on the Dask cluster at
    ``scheduler`` (the time limit holds where a task runs in a worker's main thread). ``mode``: the
    extraction mode the workers run (the accuracy mode needs the ``accuracy`` extra on every worker)."""
    distributed = import_distributed()
    with ExitStack() as stack:
        client = _client(distributed, scheduler, stack)
        # Task slots of the cluster as it is now (a cluster that is still starting counts as one).
        workers = max(sum(client.nthreads().values()), 1)
        # pure=False: two partitions with equal content are still two tasks with their own results.
        yield from in_order(
            documents,
            lambda batch: client.submit(extract_batch, batch, time_limit, mode, pure=False),
            BATCHES_AHEAD * workers,
            batch_size,
        )
