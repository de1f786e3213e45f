#!/usr/bin/env python3
"""Where does a store build spend its writer's time, and does it grow with the store?

Extracts ``--docs`` releases first (not timed), then writes them in batches into a copy of each given store
(``--stores``; a path that does not exist stands for an empty store) and prints the writer's CPU per
release, with the parts of the write path that cost most (cProfile over the writer thread's CPU time). Run it
with an empty store and a large one in the same command: a part whose cost per release is much higher in
the large store is a step that grows with the store, which a build of N releases pays about N times.

``--remint-each-batch`` re-mints IRIs after every batch as builds did before session 4 (instead of once at
the end), to show what deferring it saves.

usage: python benchmarks/write_path.py --corpus DIR --docs 500 --stores none out/bench/build-5000-store-j1
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PARTS = (
    "store.py:.*\\(add_extractions\\)",
    "store.py:.*\\(_insert\\)",
    "store.py:.*\\(_refresh_resolved\\)",
    "store.py:.*\\(_rename\\)",
    "store.py:.*\\(_remint\\)",
    "bookkeeping.py:.*\\(finish_remints\\)",
    "label_index.py:.*\\(__init__\\)",
    "label_index.py:.*\\(relevant\\)",
    "key_index.py:.*\\(relevant\\)",
    "key_index.py:.*\\(flush\\)",
    "resolve.py:.*\\(resolve\\)",
    "rdf.py:.*\\(extraction_quads\\)",
    "agreement_pairs.py:.*\\(update\\)",
    "'extend' of 'pyoxigraph.Store'",
    "'remove' of 'pyoxigraph.Store'",
    "'quads_for_pattern' of 'pyoxigraph.Store'",
)


@dataclass
class Way:
    """How the writer is set up for one measurement."""

    index: str  # "stored": the store's resolution keys (graph/keys); "memory": every name read into memory


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS"))


def measure(
    store: Path | None, extractions: list[Any], batch: int, each_batch: bool, way: Way
) -> tuple[float, float, pstats.Stats]:
    """(writer CPU s, MB the writer holds after the writes, profile) of writing ``extractions``."""
    from pharmakg.graph import incremental
    from pharmakg.graph.bookkeeping import REMINT_GRAPH, finish_remints, open_store

    work = Path(tempfile.mkdtemp(prefix="write-path-")) / "store"
    if store is not None:
        shutil.copytree(store, work, ignore=shutil.ignore_patterns("snapshots", "LOCK", ".pharmakg.lock"))
    kg = open_store(work)
    # a killed build's list of IRIs to re-mint is another build's unfinished step: not measured here
    kg.store.remove_graph(REMINT_GRAPH)
    kg.snapshot_interval = float("inf")  # snapshots are measured by snapshot_cost.py
    kg.deferred_remints = None if each_batch else set()
    if way.index == "memory":
        kg._labels = None  # the first batch reads every name of the store into a LabelIndex
    else:
        started = time.process_time()
        kg._flush_keys()  # a store built before graph/keys gets them once: before the clock
        print(f"  (keys of the store written in {time.process_time() - started:.1f} s CPU, once)", flush=True)
    gc.collect()
    rss = _rss_mb()  # what the writes add to the open store (and to the loaded pipeline, before)
    # the writer thread's CPU: RocksDB's background threads (compaction) are in the total, not the parts
    profile = cProfile.Profile(time.thread_time)
    cpu = time.process_time()
    profile.enable()
    for i in range(0, len(extractions), batch):
        incremental._write_batch(kg, extractions[i : i + batch], [])
    finish_remints(kg)
    profile.disable()
    cpu = time.process_time() - cpu
    held = _rss_mb() - rss
    del kg
    shutil.rmtree(work.parent, ignore_errors=True)
    return cpu, held, pstats.Stats(profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="releases to write (not in the stores)")
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--stores", nargs="+", default=["none"], help="store folders; 'none': an empty one")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--remint-each-batch", action="store_true")
    parser.add_argument(
        "--index",
        nargs="+",
        choices=("stored", "memory"),
        default=["stored"],
        help="resolution's keys: kept in the store (graph/keys), or every name read into memory (before)",
    )
    args = parser.parse_args()

    from pharmakg import api

    files = sorted(p for p in args.corpus.rglob("*") if p.is_file() and not p.name.endswith(".json"))
    extractions = list(api.extract(files[: args.docs], on_error="skip"))
    n = len(extractions)
    print(f"{n} releases extracted from {args.corpus}; writing them in batches of {args.batch}", flush=True)
    for name in args.stores:
        for way in (Way(x) for x in args.index):
            store = None if name == "none" or not Path(name).exists() else Path(name)
            cpu, held, stats = measure(store, extractions, args.batch, args.remint_each_batch, way)
            print(
                f"\nstore {name}, {way.index} keys: writer CPU {cpu:.1f} s, "
                f"{1000 * cpu / n:.2f} ms per release, {held:.0f} MB held after the writes"
            )
            rows: dict[str, float] = {}
            for func, (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
                # builtins are ('~', 0, "<method 'extend' of 'pyoxigraph.Store' objects>")
                label = func[2] if func[0] == "~" else f"{Path(func[0]).name}:{func[1]}({func[2]})"
                for part in PARTS:
                    if re.search(part, label):
                        rows[part] = rows.get(part, 0.0) + cumulative
            for part in PARTS:
                if part in rows:
                    shown = part.replace("\\(", "").replace("\\)", "").replace(".*", " ")
                    print(f"  {shown:<45} {1000 * rows[part] / n:8.2f} ms per release (writer thread CPU)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
