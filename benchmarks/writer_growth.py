#!/usr/bin/env python3
"""Does the writer's CPU per release grow with the store? The same releases written into stores of each size.

``extract``: extract ``--docs`` releases of a folder once (not timed) into a pickle. ``run``: for each store
given, write those releases into a copy of it in batches of 64 as a build does (``incremental._write_batch``,
IRIs re-minted at the end as a build defers them, not measured) and print the writer thread's CPU per release
after a first warm-up batch (a writer's first batch reads a hub's figures once; a long build does not pay it
per batch). ``--profile`` prints the cProfile of the timed batches (cumulative, then own time); ``--facts``
prints a digest of the kept facts the writer derives (licence facts, pair nodes and keys, order keys, counts,
labels), to compare two versions' stores after the same writes (the pair keys as dense ranks: their order).
``--deferred`` times the writer of a build into an empty store instead (:mod:`pharmakg.graph.deferred`: per
batch only the documents, the merged graph, resolution and IRIs, labels, phases and name counts; the kept
facts are not touched, so ``--facts`` then reads them as the copied store had them).

Run it with the PYTHONPATH of another checkout (``git archive main pharmakg | tar -x -C BASE``) from a folder
that holds no ``pharmakg``, to compare two versions on the same stores in the same run.

usage: python benchmarks/writer_growth.py extract FOLDER --docs 264 --out RELEASES.pkl
       python benchmarks/writer_growth.py run RELEASES.pkl STORE [STORE ...] [--profile] [--facts]
                                                                   [--deferred]
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
    "firstCompany secondCompany agreementPair documentCount nameKey "
    "targetCompanyCount targetCompanies targetCompoundCount targetCompounds"
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


def target_facts_recount(store: Any) -> str:
    """Whether the targets' kept crowded-target facts (graph/resolved) are those a recount from the graph
    gives (the targets that differ, when some do)."""
    from pharmakg.graph.crowded_targets import TARGET_FACTS, missing_target_facts
    from pharmakg.graph.rdf_terms import RESOLVED_GRAPH

    kept = {q for p in TARGET_FACTS for q in store.quads_for_pattern(None, p, None, RESOLVED_GRAPH)}
    recount = set(missing_target_facts(store))
    differ = sorted({q.subject.value.rsplit("/", 1)[-1] for q in kept ^ recount})
    return f"{len(kept)} quads, " + (f"differ for {differ}" if differ else "equal")


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


def measure(
    store: Path,
    releases: list[Any],
    profile: bool,
    facts: bool,
    dump: Path | None = None,
    deferred: bool = False,
) -> None:
    from pharmakg.graph import incremental
    from pharmakg.graph.bookkeeping import REMINT_GRAPH, finish_remints, open_store
    from pharmakg.graph.deferred import defer

    work = Path(tempfile.mkdtemp(prefix="writer-growth-")) / "store"
    shutil.copytree(store, work, ignore=shutil.ignore_patterns("snapshots", "LOCK", ".pharmakg.lock"))
    kg = open_store(work)
    kg.store.remove_graph(REMINT_GRAPH)  # (another build's unfinished step: not measured here)
    kg.snapshot_interval = float("inf")
    kg.deferred_remints = set()
    if deferred:  # as a build into an empty store writes (its kept facts filled once at its end)
        defer(kg.derived)
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
    way = " (deferred)" if deferred else ""
    per_release = 1000 * cpu / len(timed)
    print(
        f"{store}{way}: {len(timed)} releases, writer thread CPU {per_release:.1f} ms per release",
        flush=True,
    )
    if dump is not None:
        profiler.dump_stats(dump)  # (steps: python benchmarks/writer_growth.py steps DUMP ...)
    if profile:
        for order, count in (("cumulative", 40), ("tottime", 20)):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(count)
            print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))
    finish_remints(kg)
    if facts:
        print(f"  after the writes: {kept_facts_digest(kg.store)}", flush=True)
        print(f"  crowded-target facts against a recount: {target_facts_recount(kg.store)}", flush=True)
    del kg
    shutil.rmtree(work.parent, ignore_errors=True)


# the writer's steps: (label, file, function), cumulative CPU of each (they nest: the batch holds the others)
STEPS = (
    ("whole batch", "incremental.py", "_write_batch"),
    ("  add_extractions", "store.py", "add_extractions"),
    ("    resolution (resolve.py)", "resolve.py", "resolve"),
    ("    _insert", "store.py", "_insert"),
    ("    _rename", "store.py", "_rename"),
    ("    _refresh_resolved", "store.py", "_refresh_resolved"),
    ("      DerivedFacts.refresh", "derived_facts.py", "refresh"),
    ("        DealLicences.update", "deal_facts.py", "update"),
    ("        PairOrder.update", "pair_order.py", "update"),
    ("          PairOrder._delta", "pair_order.py", "_delta"),
    ("          PairOrder._write", "pair_order.py", "_write"),
    ("          PairOrder._rerank", "pair_order.py", "_rerank"),
    ("        CompoundOrder.update", "compound_order.py", "update"),
    ("        DocumentOrder.update", "document_order.py", "update"),
    ("        CrowdedTargets.update", "crowded_targets.py", "update"),
    ("          compound_row", "crowded_targets.py", "compound_row"),
    ("          facts_of", "crowded_targets.py", "facts_of"),
    ("        AgreementPairs.update", "agreement_pairs.py", "update"),
    ("      DerivedFacts.written", "derived_facts.py", "written"),
    ("      DerivedFacts.removed", "derived_facts.py", "removed"),
    ("    _write_derived", "store.py", "_write_derived"),
    ("  remove_replaced (keys)", "derived_facts.py", "remove_replaced"),
    ("Store.extend", "~", "<method 'extend' of 'pyoxigraph.Store' objects>"),
    ("Store.remove", "~", "<method 'remove' of 'pyoxigraph.Store' objects>"),
    ("Store.quads_for_pattern", "~", "<method 'quads_for_pattern' of 'pyoxigraph.Store' objects>"),
    ("Store.__contains__", "~", "<method '__contains__' of 'pyoxigraph.Store' objects>"),
)


def print_steps(dumps: list[Path], timed: int = 200) -> None:
    """ms of CPU per timed release of each step (:data:`STEPS`), one column per profile dump."""
    columns = []
    for dump in dumps:
        stats: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(str(dump)).stats  # type: ignore[attr-defined]
        columns.append(
            [
                sum(v[3] for (f, _line, func), v in stats.items() if func == name and f.endswith(file))
                for _label, file, name in STEPS
            ]
        )
    print("step".ljust(34) + "".join(f"{d.stem[-14:]:>16}" for d in dumps))
    for i, (label, _file, _name) in enumerate(STEPS):
        print(label.ljust(34) + "".join(f"{1000 * c[i] / timed:>16.1f}" for c in columns))


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
    run.add_argument("--deferred", action="store_true", help="the writer of a deferring build (see above)")
    run.add_argument("--dump", type=Path, help="with --profile: the profile's stats to this file (one store)")
    steps = sub.add_parser("steps")
    steps.add_argument("dumps", nargs="+", type=Path)
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.folder, args.docs, args.out)
        return
    if args.command == "steps":
        print_steps(args.dumps)
        return
    import pharmakg

    print(f"pharmakg from {Path(pharmakg.__file__).parent}", flush=True)
    releases = pickle.loads(args.releases.read_bytes())
    for store in args.stores:
        measure(store, releases, args.profile, args.facts, args.dump, args.deferred)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
