#!/usr/bin/env python3
"""Does the writer's CPU per release grow with the store? The same releases written into stores of each size.

``extract``: extract ``--docs`` releases of a folder once (not timed) into a pickle. ``run``: for each store
given, write those releases into a copy of it in batches of 64 as a build does (``incremental._write_batch``,
IRIs re-minted at the end as a build defers them, not measured) and print the writer thread's CPU per release
after a first warm-up batch (a writer's first batch reads a hub's figures once; a long build does not pay it
per batch). ``--profile`` prints the cProfile of the timed batches (cumulative, then own time); ``--facts``
prints a digest of the kept facts the writer derives (licence facts, pair nodes and keys, order keys, counts,
labels), to compare two versions' stores after the same writes (the pair keys as dense ranks: their order).

Run it with the PYTHONPATH of another checkout (``git archive main pharmakg | tar -x -C BASE``) from a folder
that holds no ``pharmakg``, to compare two versions on the same stores in the same run.

usage: python benchmarks/writer_growth.py extract FOLDER --docs 264 --out RELEASES.pkl
       python benchmarks/writer_growth.py run RELEASES.pkl STORE [STORE ...] [--profile] [--facts]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import pickle
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BATCH = 64  # incremental.DEFAULT_BATCH_SIZE
PAIR_KEY_BITS = {"dealOrder": 16, "sharedPartnerOrder": 20}  # (pair_ranking.RANKINGS' rank bits)
KEPT = (
    "licensedFrom licencePair dealOrder sharedPartnerOrder compoundOrder documentOrder sharedPartner "
    "firstCompany secondCompany agreementPair documentCount nameKey"
).split()


def extract(folder: Path, docs: int, out: Path) -> None:
    from pharmakg import api

    files = sorted(folder.rglob("*.txt"))[:docs]
    out.write_bytes(pickle.dumps(list(api.extract(files, on_error="skip"))))


def kept_facts_digest(store: Any) -> str:
    """The number of quads of the kept facts and a digest of them sorted (every graph's copy)."""
    import pyoxigraph as ox

    from pharmakg.ontology.namespaces import PKG

    predicates = [ox.NamedNode(str(getattr(PKG, name))) for name in KEPT]
    predicates.append(ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"))
    digest, total = hashlib.sha256(), 0
    for p in predicates:
        quads = list(store.quads_for_pattern(None, p, None, None))
        rank_bits = PAIR_KEY_BITS.get(p.value.rsplit("#", 1)[-1])
        dense = _dense(quads, rank_bits) if rank_bits else {}
        lines = sorted(
            f"{q.subject} {q.predicate} {dense.get((q.graph_name, q.object.value), q.object)} {q.graph_name}"
            for q in quads
        )
        total += len(lines)
        digest.update("\n".join(lines).encode("utf-8"))
    return f"{total} kept-fact quads, sha256 {digest.hexdigest()[:16]}"


def _dense(quads: list[Any], bits: int) -> dict[tuple[Any, str], int]:
    """{(graph, key): the key's dense rank in its bucket}: the pair keys as a recount gives them (since
    s18-linear a writer's ranks leave gaps; two stores whose pairs sort the same way agree here, so this
    compares versions before and after it)."""
    values: dict[tuple[Any, int], set[int]] = {}
    for q in quads:
        key = int(q.object.value)
        values.setdefault((q.graph_name, key >> bits), set()).add(key)
    return {
        (graph, str(key)): (bucket << bits) | rank
        for (graph, bucket), keys in values.items()
        for rank, key in enumerate(sorted(keys))
    }


def measure(store: Path, releases: list[Any], profile: bool, facts: bool) -> None:
    from pharmakg.graph import incremental
    from pharmakg.graph.bookkeeping import REMINT_GRAPH, finish_remints, open_store

    work = Path(tempfile.mkdtemp(prefix="writer-growth-")) / "store"
    shutil.copytree(store, work, ignore=shutil.ignore_patterns("snapshots", "LOCK", ".pharmakg.lock"))
    kg = open_store(work)
    kg.store.remove_graph(REMINT_GRAPH)  # (another build's unfinished step: not measured here)
    kg.snapshot_interval = float("inf")
    kg.deferred_remints = set()
    incremental._write_batch(kg, releases[:BATCH], [])  # the warm-up batch
    timed = releases[BATCH:]
    gc.collect()
    profiler = cProfile.Profile(time.thread_time)
    started = time.thread_time()
    if profile:
        profiler.enable()
    for i in range(0, len(timed), BATCH):
        incremental._write_batch(kg, timed[i : i + BATCH], [])
    profiler.disable()
    cpu = time.thread_time() - started
    print(
        f"{store}: {len(timed)} releases, writer thread CPU {1000 * cpu / len(timed):.1f} ms per release",
        flush=True,
    )
    if profile:
        for order, count in (("cumulative", 40), ("tottime", 20)):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(count)
            print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))
    finish_remints(kg)
    if facts:
        print(f"  after the writes: {kept_facts_digest(kg.store)}", flush=True)
    del kg
    shutil.rmtree(work.parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract")
    ex.add_argument("folder", type=Path)
    ex.add_argument("--docs", type=int, default=BATCH + 200)
    ex.add_argument("--out", type=Path, required=True)
    run = sub.add_parser("run")
    run.add_argument("releases", type=Path)
    run.add_argument("stores", nargs="+", type=Path)
    run.add_argument("--profile", action="store_true")
    run.add_argument("--facts", action="store_true")
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.folder, args.docs, args.out)
        return
    import pharmakg

    print(f"pharmakg from {Path(pharmakg.__file__).parent}", flush=True)
    releases = pickle.loads(args.releases.read_bytes())
    for store in args.stores:
        measure(store, releases, args.profile, args.facts)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
