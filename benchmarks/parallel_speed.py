#!/usr/bin/env python3
"""How much faster is extraction on 2 processes (``jobs=2``) than on one, measured in the same run?

The corpus (default: ../shared/corpus seeds, dev and dev2) is read once with ``pharmakg.api.documents``
(ingest is not timed) and its Documents repeated to ``--docs`` documents, each copy with its own doc_id and
name. Then, ``--repeat`` times, alternating so that a change in the machine's load hits every mode alike:

* ``jobs=1``: ``api.extract(documents, jobs=1)``, today's single process (pipeline built in the call);
* ``jobs=2``: ``api.extract(documents, jobs=2)``, two worker processes (start-up included: this
  process builds the pipeline, then forks the workers, see pharmakg/extract/parallel.py);
* with ``--spacy``: ``nlp.pipe(n_process=2)`` through ``Extractor``, for comparison;
* with ``--dask``: ``api.extract(documents, dask="local")``, a LocalCluster started and closed in the run;
* with ``--batch-sizes 4,8,16``: ``extract_in_processes`` with each batch size.

Printed per run: wall seconds, documents/s, CPU seconds of this process and of its child processes once
they ended (``RUSAGE_CHILDREN``: pool workers started by fork, spaCy's workers, Dask's nannies and workers;
not the workers of a fork server, used only when this process runs other threads: "threads" says how
many ran at the start) and the ratio of documents/s to the jobs=1 run of the same repeat. The machine is
shared: wall-clock ratios move with the load of other processes, CPU seconds much less. Every mode's
output is checked equal to jobs=1 (same JSON, same order).

usage: python benchmarks/parallel_speed.py [--corpus DIR ...] [--docs 500] [--repeat 3] [--spacy] [--dask]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import statistics
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pharmakg import api
from pharmakg.model import Document, Extraction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_CORPUS = [SHARED / "seeds", SHARED / "dev", SHARED / "dev2"]

Run = Callable[[list[Document]], Iterable[Extraction]]


def corpus_documents(dirs: list[Path], n: int) -> list[Document]:
    """The documents of ``dirs`` repeated to ``n``, each copy with its own doc_id and name."""
    base = list(api.documents(dirs, on_error="raise"))
    return [
        dataclasses.replace(doc, doc_id=f"{doc.doc_id}-{i // len(base)}", name=f"{doc.name}-{i // len(base)}")
        for i, doc in zip(range(n), _cycle(base), strict=False)
    ]


def _cycle(items: list[Document]) -> Iterator[Document]:
    while True:
        yield from items


def children_cpu() -> float:
    """CPU seconds of the child processes that ended and were waited for (workers of a pool, of spaCy, and
    Dask's nannies with their workers), so a run's figure is the difference around it."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(run: Run, documents: list[Document]) -> tuple[list[str], dict[str, float]]:
    own, children = time.process_time(), children_cpu()
    start = time.perf_counter()
    out = [json.dumps(x.to_contract(), ensure_ascii=False) for x in run(documents)]
    wall = time.perf_counter() - start
    return out, {
        "wall": wall,
        "cpu_self": time.process_time() - own,
        "cpu_children": children_cpu() - children,
    }


def local_modes(args: argparse.Namespace) -> dict[str, Run]:
    out: dict[str, Run] = {
        "jobs=1": lambda docs: api.extract(docs, jobs=1),
        "jobs=2": lambda docs: api.extract(docs, jobs=2),
    }
    if args.spacy:
        from pharmakg.extract.pipeline import Extractor

        out["spacy n_process=2"] = lambda docs: Extractor(n_process=2, batch_size=args.spacy_batch).extract(
            docs
        )
    for size in args.batch_sizes:
        from pharmakg.extract.parallel import extract_in_processes

        out[f"jobs=2 batch={size}"] = lambda docs, size=size: extract_in_processes(docs, 2, batch_size=size)
    return out


def dask_modes() -> dict[str, Run]:
    # Run after the others: a Dask client leaves a thread behind, and then jobs=2 starts its workers from a
    # fork server (whose CPU time RUSAGE_CHILDREN does not see) instead of by fork.
    return {
        "jobs=1": lambda docs: api.extract(docs, jobs=1),
        "dask local": lambda docs: api.extract(docs, dask="local"),
    }


def run_modes(
    modes: dict[str, Run], documents: list[Document], label: str, ratios: dict[str, list[float]]
) -> None:
    """Each mode once, the first (jobs=1) as the reference for output and speed."""
    reference, base_rate = None, 0.0
    for name, run in modes.items():
        threads = threading.active_count()
        out, t = timed(run, documents)
        if reference is None:
            reference, base_rate = out, len(out) / t["wall"]
        elif out != reference:
            raise SystemExit(f"{name}: output differs from jobs=1")
        rate = len(out) / t["wall"]
        ratios.setdefault(name, []).append(rate / base_rate)
        cpu = t["cpu_self"] + t["cpu_children"]
        print(
            f"{label}  {name:18} wall {t['wall']:6.1f} s  {rate:6.1f} docs/s  "
            f"cpu {cpu:6.1f} s (self {t['cpu_self']:5.1f} + children {t['cpu_children']:5.1f})  "
            f"ratio {rate / base_rate:4.2f}  threads {threads}",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="*", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--spacy", action="store_true", help="also nlp.pipe(n_process=2)")
    ap.add_argument("--spacy-batch", type=int, default=32, help="batch_size of the --spacy mode")
    ap.add_argument("--dask", action="store_true", help="also a Dask LocalCluster (needs pharmakg[dask])")
    ap.add_argument("--batch-sizes", type=lambda s: [int(x) for x in s.split(",")], default=[])
    args = ap.parse_args(argv)
    documents = corpus_documents(args.corpus, args.docs)
    print(f"{len(documents)} documents from {', '.join(str(d) for d in args.corpus)}; {os.cpu_count()} cores")
    ratios: dict[str, list[float]] = {}
    for r in range(args.repeat):
        run_modes(local_modes(args), documents, f"repeat {r + 1}", ratios)
    dask_ratios: dict[str, list[float]] = {}
    for r in range(args.repeat if args.dask else 0):
        run_modes(dask_modes(), documents, f"dask {r + 1}  ", dask_ratios)
    if dask_ratios:
        ratios["dask local"] = dask_ratios["dask local"]
    print(
        "median docs/s ratio to jobs=1:",
        ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in ratios.items()),
    )
    print("outputs equal to jobs=1: yes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
