#!/usr/bin/env python3
"""What does an update cost? New releases into a built store, against a full rebuild, in the same run.

Given a store built from a corpus (``--base``, e.g. ``build_scale.py --docs 10000 --keep`` leaves
``out/bench/build-10000-store-j1`` built from ``out/bench/corpus-10000-seed0``), this script writes ``--new``
more synthetic releases (another seed, so other texts and names), then times, each in its own child process:

* **incremental**: a copy of the base store (copied before the clock starts) brought up to date with the base
  corpus and the new releases: ``api.build([BASE_CORPUS, NEW], store=COPY)`` hashes every file, finds the
  base files unchanged and reads and writes only the new ones;
* **full**: the same inputs built into a new store from scratch.

The full rebuild starts first and runs beside the rest, so both are measured under the same load. A
``--base`` folder that does not exist yet is built from ``--corpus`` first, beside the full rebuild (its
figures are printed too), so one command measures a base build, the update and the rebuild.

Printed: wall and CPU seconds, peak RSS and documents of each, the ratio incremental / full, and whether the
two stores hold the same quads (an order-free digest of every quad, unless ``--no-compare``).

usage: python benchmarks/incremental_update.py --base STORE --corpus BASE_CORPUS [--new 100] [--seed 1]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_scale  # noqa: E402
import synthetic_corpus  # noqa: E402


def child_build(inputs: list[Path], target: Path) -> dict[str, float]:
    from pharmakg import api
    from pharmakg.extract.pipeline import build_pipeline

    nlp = build_pipeline()
    stats = api.BatchStats()
    cpu_before, started = build_scale._cpu_seconds(), time.perf_counter()
    kg = api.build(inputs, store=target, nlp=nlp, stats=stats, on_error="skip")
    return {
        "build_s": time.perf_counter() - started,
        "cpu_s": build_scale._cpu_seconds() - cpu_before,
        "documents": stats.documents,
        "unchanged": stats.unchanged,
        "quads": len(kg),
    }


def start(inputs: list[Path], target: Path) -> subprocess.Popen[str]:
    """A build of ``inputs`` into ``target`` in a child process (see :func:`finish`)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(target), *map(str, inputs)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)


def measure(inputs: list[Path], target: Path) -> dict[str, float]:
    return finish(start(inputs, target), target)


def finish(proc: subprocess.Popen[str], target: Path) -> dict[str, float]:
    """Wait for a build started by :func:`start`; its figures and the child's own peak RSS."""
    assert proc.stdout is not None
    reported = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build into {target} failed")
    run = json.loads(reported.strip().splitlines()[-1])
    run["peak_mb"] = usage.ru_maxrss / 1024
    print(f"measured {target.name}: {json.dumps(run)}", file=sys.stderr, flush=True)
    return run


def digest(store: Path) -> tuple[int, str]:
    """(quads, order-free digest): the sum of every quad's SHA-256 modulo 2**256. The pair keys count as
    their dense ranks (``pair_ranking.dense_pair_keys``): a writer's ranks leave gaps that depend on the order
    of the writes, their order does not."""
    import pyoxigraph as ox

    from pharmakg.graph.pair_ranking import DEAL_ORDER, SHARED_ORDER, dense_pair_keys

    opened = ox.Store.read_only(str(store))
    pair_keys = [q for p in (DEAL_ORDER, SHARED_ORDER) for q in opened.quads_for_pattern(None, p, None, None)]
    rest = (q for q in opened if q.predicate not in (DEAL_ORDER, SHARED_ORDER))
    total, count = 0, 0
    for q in itertools.chain(dense_pair_keys(pair_keys), rest):
        total += int.from_bytes(hashlib.sha256(str(q).encode("utf-8")).digest(), "big")
        count += 1
    return count, f"{total % 2**256:064x}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, help="a store built from --corpus (left unchanged)")
    parser.add_argument("--corpus", type=Path, help="the corpus the base store was built from")
    parser.add_argument("--new", type=int, default=100, help="new releases to add (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the new releases (default 1)")
    parser.add_argument("--work", type=Path, default=build_scale.DEFAULT_WORK)
    parser.add_argument("--source", type=Path, nargs="+", default=synthetic_corpus.DEFAULT_SOURCES)
    parser.add_argument("--no-compare", action="store_true", help="skip comparing the two stores")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        target, *inputs = map(Path, args.child)
        print(json.dumps(child_build(inputs, target)))
        return 0
    if args.base is None or args.corpus is None:
        parser.error("--base and --corpus are required")
    new = build_scale.corpus_for(args.work, args.new, args.seed, args.source)
    inputs = [args.corpus, new]
    updated, rebuilt = args.work / "update-incremental", args.work / "update-full"
    for folder in (updated, rebuilt):
        shutil.rmtree(folder, ignore_errors=True)
    full_build = start(inputs, rebuilt)
    runs: dict[str, dict[str, float]] = {}
    if not args.base.exists():  # built here, beside the full rebuild (both under the same load)
        runs["base"] = measure([args.corpus], args.base)
    started = time.perf_counter()
    shutil.copytree(args.base, updated)
    print(f"copied the base store in {time.perf_counter() - started:.1f} s (not timed)", file=sys.stderr)
    incremental = runs["incremental"] = measure(inputs, updated)
    full = runs["full rebuild"] = finish(full_build, rebuilt)
    print("| build | documents read | unchanged | wall s | CPU s | peak RSS MB | quads |")
    print("|---|---|---|---|---|---|---|")
    for name, run in runs.items():
        cells = [name, f"{run['documents']:,}", f"{run['unchanged']:,}", f"{run['build_s']:.1f}"]
        cells += [f"{run['cpu_s']:.1f}", f"{run['peak_mb']:,.0f}", f"{run['quads']:,}"]
        print("| " + " | ".join(cells) + " |")
    print(
        f"\nincremental / full: wall {incremental['build_s'] / full['build_s']:.2%}, "
        f"CPU {incremental['cpu_s'] / full['cpu_s']:.2%}"
    )
    if not args.no_compare:
        a, b = digest(updated), digest(rebuilt)
        print(f"same quads: {a == b} ({a[0]:,} and {b[0]:,} quads)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
