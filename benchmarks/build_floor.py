#!/usr/bin/env python3
"""The floor under a build's cost per release: what the tokenizer and the store's own bulk loader cost alone.

Issue 10 aims at 100k releases built in under 15 minutes on 2 cores: 1,800 CPU seconds, 18 ms of CPU per
release for reading AND writing. Two costs sit under any build of pharmakg's graph whatever the code around
them: spaCy's blank English tokenizer over the release's text (every reader works on its tokens), and writing
the release's quads into the on-disk Oxigraph store. This script measures both on a store already built from a
corpus folder (``benchmarks/build_scale.py --keep`` or ``pharmakg build``), in CPU seconds of this process
(``time.process_time``, every thread of the process: the bulk loader parses on one thread and writes on
another), so that the figures hold on a shared machine:

* tokenizer: ``spacy.blank("en")`` over the corpus texts (``nlp.pipe``, read errors replaced);
* dump: the built store written out as N-Quads (the input of the next step; not part of a build);
* bulk load: those N-Quads into a new, empty store with ``Store.bulk_load`` (Oxigraph's bulk loader: no
  transaction, no reads; the fastest way the store offers to write a quad), then flushed and optimized;
* parse: the same N-Quads parsed into Python quads (``pyoxigraph.parse``), the cost of handing quads across
  the Python boundary at all.

It prints each per release and per quad, their sum against the 18 ms budget, and what the budget leaves
for the readers, the mapping to RDF, resolution and the kept facts. The 100k figure is this store's cost per
release times 100,000: quads per release grow a little with the store (kept facts), so it is a lower bound.

usage: python benchmarks/build_floor.py --store STORE_DIR --corpus CORPUS_DIR [--work DIR] [--releases N]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import spacy

BUDGET_RELEASES = 100_000
BUDGET_CPU_S = 15 * 60 * 2  # 15 minutes of both cores


def corpus_texts(corpus: Path) -> list[str]:
    """Every ``*.txt`` under ``corpus``, decoded as UTF-8 with undecodable bytes replaced."""
    files = sorted(corpus.rglob("*.txt"))
    return [path.read_text(encoding="utf-8", errors="replace") for path in files]


def tokenizer_cpu(texts: list[str]) -> float:
    """CPU seconds of the blank English pipeline over ``texts`` (after a short warm-up)."""
    nlp = spacy.blank("en")
    for _ in nlp.pipe(texts[:20]):
        pass
    start = time.process_time()
    for _ in nlp.pipe(texts):
        pass
    return time.process_time() - start


def bulk_costs(store_dir: Path, work: Path) -> dict[str, float]:
    """Dump ``store_dir`` to N-Quads, bulk-load them into a new store, parse them: CPU seconds and sizes."""
    dump = work / "store.nq"
    source = ox.Store.read_only(str(store_dir))
    start = time.process_time()
    with dump.open("wb") as out:
        source.dump(out, ox.RdfFormat.N_QUADS)
    dump_s = time.process_time() - start
    del source
    target = ox.Store(str(work / "bulk-store"))
    start = time.process_time()
    target.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    target.flush()
    target.optimize()
    load_s = time.process_time() - start
    quads = len(target)
    del target
    start = time.process_time()
    parsed = sum(1 for _ in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS))
    parse_s = time.process_time() - start
    if parsed != quads:
        raise SystemExit(f"parsed {parsed} quads but the bulk-loaded store holds {quads}")
    nq_mb = dump.stat().st_size / 2**20
    return {"dump_s": dump_s, "load_s": load_s, "parse_s": parse_s, "quads": quads, "nq_mb": nq_mb}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--store", type=Path, required=True, help="an on-disk store built from --corpus")
    parser.add_argument("--corpus", type=Path, required=True, help="the releases the store was built from")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed after)")
    parser.add_argument("--releases", type=int, help="releases in the store (default: the corpus's count)")
    args = parser.parse_args(argv)

    texts = corpus_texts(args.corpus)
    releases = args.releases or len(texts)
    if not texts or not releases:
        raise SystemExit(f"no releases under {args.corpus}")
    work = args.work or Path(tempfile.mkdtemp(prefix="build-floor-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        token_s = tokenizer_cpu(texts)
        costs = bulk_costs(args.store, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)

    quads = int(costs["quads"])
    token_ms = token_s / len(texts) * 1000
    load_ms, parse_ms = (costs[key] / releases * 1000 for key in ("load_s", "parse_s"))
    budget_ms = BUDGET_CPU_S / BUDGET_RELEASES * 1000
    floor_ms = token_ms + load_ms
    lines = [
        f"releases {releases:,} ({len(texts):,} texts), quads {quads:,} ({quads / releases:,.0f} a release)",
        f"tokenizer (spacy.blank)    {token_s:7.1f} s CPU  {token_ms:6.2f} ms per release",
        f"bulk load into a new store {costs['load_s']:7.1f} s CPU  {load_ms:6.2f} ms per release"
        f"  {costs['load_s'] / quads * 1e6:5.2f} us per quad",
        f"parse N-Quads to Python    {costs['parse_s']:7.1f} s CPU  {parse_ms:6.2f} ms per release"
        f"  {costs['parse_s'] / quads * 1e6:5.2f} us per quad",
        f"dump of the store          {costs['dump_s']:7.1f} s CPU  (not built; {costs['nq_mb']:,.0f} MB)",
        f"floor: tokenizer + bulk load = {floor_ms:.2f} ms CPU per release; budget {budget_ms:.1f} ms"
        f" ({BUDGET_CPU_S:,} CPU s for {BUDGET_RELEASES:,} releases)",
        f"left for reading, mapping, resolution and kept facts: {budget_ms - floor_ms:.2f} ms per release",
        f"100k at this floor: {floor_ms * BUDGET_RELEASES / 1000:,.0f} CPU s,"
        f" {floor_ms * BUDGET_RELEASES / 1000 / 2 / 60:.1f} min of 2 cores;"
        f" peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
