"""Opens a copy of a store built before session 18's re-mint fix with this checkout's code (the
``targetFactsRecount`` fill of :mod:`pharmakg.graph.stream_fill`) and compares its crowded-target figures
with a recount of the same graph and with a store built from scratch by this code.

    python benchmarks/remint_repair.py OLD_STORE FRESH_STORE COPY

OLD_STORE: built by code before the fix (e.g. ``git archive ff49a4b pharmakg`` on PYTHONPATH, then
``api.build([corpus], OLD_STORE)``); FRESH_STORE: the same corpus built by this code; COPY: where the copy of
OLD_STORE is opened (replaced if present).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from pharmakg.graph.crowded_targets import TARGET_FACTS, missing_target_facts
from pharmakg.graph.kept_target_rows import FORMER_READY
from pharmakg.graph.store import KnowledgeGraph

Fact = tuple[str, str, str]


def kept_figures(store: ox.Store) -> set[Fact]:
    return {
        (q.subject.value, q.predicate.value, q.object.value)
        for p in TARGET_FACTS
        for q in store.quads_for_pattern(None, p, None, ox.DefaultGraph())
    }


def recount(store: ox.Store) -> set[Fact]:
    return {(q.subject.value, q.predicate.value, q.object.value) for q in missing_target_facts(store)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("fresh", type=Path)
    parser.add_argument("copy", type=Path)
    args = parser.parse_args()
    shutil.rmtree(args.copy, ignore_errors=True)
    shutil.copytree(args.old, args.copy)
    before = ox.Store.read_only(str(args.copy))
    old = kept_figures(before)
    wrong = old - recount(before)
    print(
        f"former mark: {FORMER_READY in before}; kept figures {len(old)}, "
        f"wrong against a recount: {len(wrong)}"
    )
    for fact in sorted(wrong):
        print("   ", *fact)
    del before
    t0, c0 = time.perf_counter(), time.process_time()
    kg = KnowledgeGraph.open(args.copy)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"opening for writing (the fill): {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak:.0f} MB")
    after = kept_figures(kg.store)
    print(f"after: kept figures {len(after)}, wrong against a recount: {len(after - recount(kg.store))}")
    del kg
    fresh = kept_figures(ox.Store.read_only(str(args.fresh)))
    print(f"unlike the fresh build: {len(after ^ fresh) // 2} after, {len(old ^ fresh) // 2} before")


if __name__ == "__main__":
    main()
