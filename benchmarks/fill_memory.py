#!/usr/bin/env python3
"""What memory and CPU does the end's fill of a deferred build take, kind by kind?

``--prebuild CORPUS STORE`` builds CORPUS into STORE the way ``pharmakg build`` does into an empty store
(``defer_kept``, two extraction processes), but stops before ``_fill_deferred``: the store is left as a kill
there would leave it. ``--fill STORE WORK`` copies STORE to WORK and runs the end's fill on the copy alone, in
this fresh process: for each step (a kind's quads computed, then written; the crowded-target rows; the flush
the build makes next) it prints one JSON line with the step's CPU (``time.process_time``: RocksDB's threads
included), its peak RSS (``VmHWM``, reset at each step through ``/proc/self/clear_refs``), the RSS after it
and the quads it counted; ``--trace`` adds Python's own peak (``tracemalloc``). The last line sums the fill.
Run the fill of the same pre-fill store with two trees (``PYTHONPATH``), alternated, to compare them.

usage: python benchmarks/fill_memory.py --prebuild CORPUS STORE
       python benchmarks/fill_memory.py --fill STORE WORK [--trace]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import shutil
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any


def _status() -> dict[str, float]:
    found = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                found[key] = int(value.split()[0]) / 1024
    return found


class Steps:
    """The steps of a fill, each closed by the next: CPU, peak RSS, RSS after, quads."""

    def __init__(self, trace: bool) -> None:
        self.trace = trace
        self.rows: list[dict[str, Any]] = []
        self.name, self.started, self.quads = "open", time.process_time(), 0

    def close(self, following: str) -> None:
        st = _status()
        row: dict[str, Any] = {
            "step": self.name,
            "cpu_s": round(time.process_time() - self.started, 2),
            "peak_mb": round(st["VmHWM"]),
            "rss_after_mb": round(st["VmRSS"]),
            "quads": self.quads,
        }
        if self.trace:
            current, peak = tracemalloc.get_traced_memory()
            row["python_peak_mb"], row["python_mb"] = round(peak / 2**20), round(current / 2**20)
            tracemalloc.reset_peak()
        self.rows.append(row)
        print(json.dumps(row), flush=True)
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM to the RSS now
        self.name, self.started, self.quads = following, time.process_time(), 0


def prebuild(corpus: Path, store: Path) -> None:
    from pharmakg import api
    from pharmakg.graph import incremental

    incremental._fill_deferred = lambda kg: None
    api.build([corpus], store, jobs=2, defer_kept=True)


def fill(store: Path, work: Path, trace: bool) -> None:
    import pharmakg.graph.stream_fill as sf
    from pharmakg.graph import incremental
    from pharmakg.graph.bookkeeping import open_store
    from pharmakg.graph.crowded_targets import CrowdedTargets

    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(store, work)
    steps = Steps(trace)

    def wrap(kind: Any) -> Any:
        def quads(s: Any) -> Iterator[Any]:
            steps.close(kind.name + ":compute")
            for q in kind.quads(s):
                steps.quads += 1
                yield q

        return dataclasses.replace(kind, quads=quads)

    sf.KINDS = tuple(wrap(k) for k in sf.KINDS)
    write_rows = CrowdedTargets.write_kept_rows

    def rows(self: CrowdedTargets) -> None:
        steps.close("targetRows")
        write_rows(self)

    CrowdedTargets.write_kept_rows = rows  # type: ignore[method-assign]
    kg = open_store(work, fill=False)
    incremental._defer_kept_facts(kg, True)
    if not kg.derived.deferring:
        raise SystemExit(f"{store}: not a store left before its end's fill (see --prebuild)")
    insert: Callable[[list[Any]], None] = kg._insert

    def counted(part: list[Any]) -> None:
        if not steps.name.endswith(":insert"):
            steps.close(steps.name.split(":")[0] + ":insert")
        insert(part)
        steps.quads += len(part)

    setattr(kg, "_insert", counted)  # noqa: B010 (the graph writes through it)
    if trace:
        tracemalloc.start()
    steps.close("stop deferring")
    started, before = time.process_time(), _status()["VmRSS"]
    incremental._fill_deferred(kg)
    steps.close("flush")
    kg.store.flush()  # (as the build does next: what the fill left in the memtables is written now)
    steps.close("close")
    del kg
    gc.collect()
    steps.close("")
    summary = {
        "fill_cpu_s": round(time.process_time() - started, 1),
        "peak_mb": max(r["peak_mb"] for r in steps.rows[2:]),
        "rss_before_mb": round(before),
    }
    print(json.dumps(summary), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--prebuild", nargs=2, type=Path, metavar=("CORPUS", "STORE"))
    group.add_argument("--fill", nargs=2, type=Path, metavar=("STORE", "WORK"))
    parser.add_argument("--trace", action="store_true", help="also Python's own peak (tracemalloc, slower)")
    args = parser.parse_args(argv)
    if args.prebuild:
        corpus, store = args.prebuild
        prebuild(corpus, store)
    else:
        store, work = args.fill
        fill(store, work, trace=args.trace)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
