"""What a published snapshot costs as the store grows: ``python benchmarks/snapshot_cost.py [--steps 5]``.

Writes batches of 400,000 quads into an on-disk store and times :func:`pharmakg.graph.snapshots.publish`
after each (a RocksDB checkpoint: flush, then hard links). A build publishes at most every 10 s, so the
figure over 10 s is the build time it adds.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from pharmakg.graph import snapshots

BATCH = 400_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args()
    predicate = ox.NamedNode("http://example.org/p")
    with tempfile.TemporaryDirectory(prefix="pharmakg-snap-") as tmp:
        folder = Path(tmp) / "store"
        store = ox.Store(str(folder))
        print(f"{'quads':>10} {'write s':>8} {'publish ms':>11} {'files':>6} {'share of 10 s':>14}")
        for step in range(args.steps):
            start = time.perf_counter()
            store.bulk_extend(
                ox.Quad(
                    ox.NamedNode(f"http://example.org/s{step}-{i}"),
                    predicate,
                    ox.Literal(f"value {i} of step {step}"),
                    ox.NamedNode(f"http://example.org/g{i % 100}"),
                )
                for i in range(BATCH)
            )
            written = time.perf_counter() - start
            start = time.perf_counter()
            snapshot = snapshots.publish(store, folder)
            took = time.perf_counter() - start
            files = sum(1 for _ in snapshot.iterdir())
            print(
                f"{BATCH * (step + 1):>10} {written:>8.1f} {took * 1000:>11.0f} {files:>6} {took / 10:>14.2%}"
            )


if __name__ == "__main__":
    main()
