#!/usr/bin/env python3
"""Memory and CPU of the pair-key fill of an old store (``pair_order_quads``, the ``pairOrder`` kind of
``pharmakg/graph/stream_fill.py``), for any source tree: run it with ``PYTHONPATH`` set to the tree measured.

``measure STORE``: opens the store folder read-only and writes the kind's quads to a temporary N-Quads file,
as the fill does before its chunked writes (the writes are the same for any way of counting the quads);
prints one JSON line: quads, CPU seconds (user + system) of the count, and the process's peak RSS. Run it
under ``/usr/bin/time -v`` for the maximum resident set of the whole process.

``synthetic STORE --companies N [--seed S]``: writes an on-disk store of a merged graph of N named companies,
each the partner of 5 of N/4 partner companies and party to an agreement now and then, whose number of pairs
grows with N (about 50 pairs per company): to measure past the sizes a release corpus can be built to.

usage: PYTHONPATH=SRC python benchmarks/pair_fill_memory.py measure STORE
       python benchmarks/pair_fill_memory.py synthetic STORE --companies N [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox


def measure(store_dir: Path) -> dict[str, float | int]:
    from pharmakg.graph.pair_order import pair_order_quads  # (re-exported by every tree measured)

    store = ox.Store.read_only(str(store_dir))
    started, wall = time.process_time(), time.perf_counter()
    with tempfile.TemporaryFile() as spool:
        counted = [0]

        def counting() -> Iterator[ox.Quad]:
            for q in pair_order_quads(store):
                counted[0] += 1
                yield q

        ox.serialize(counting(), spool, ox.RdfFormat.N_QUADS)
    return {
        "quads": counted[0],
        "cpu_s": round(time.process_time() - started, 2),
        "wall_s": round(time.perf_counter() - wall, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def synthetic(store_dir: Path, companies: int, seed: int) -> int:
    """Write the synthetic graph; returns its number of quads."""
    from pharmakg.graph.pair_links import (
        AGREEMENT,
        COMPANY,
        DATE,
        DERIVED_FROM,
        DOC_NAME,
        HAS_AGREEMENT,
        PARTNER_OF,
        PARTY,
        PREF_LABEL,
        TYPE,
        XSD_DATE,
    )
    from pharmakg.ontology.namespaces import RESOURCES_IRI

    rng, merged = random.Random(seed), ox.DefaultGraph()
    store = ox.Store(str(store_dir))
    words = ["Alpha", "Beta", "Gamma", "Delta", "Onco", "Thera", "Gen", "Bio", "Rx", "Vax", "Cure", "Immuno"]

    def company(i: int) -> ox.NamedNode:
        return ox.NamedNode(f"{RESOURCES_IRI}company/c{i}")

    def quads() -> Iterator[ox.Quad]:
        partners = max(companies // 4, 2)
        for i in range(companies + partners):
            name = f"{rng.choice(words)}{rng.choice(words).lower()} {i}"
            yield ox.Quad(company(i), TYPE, COMPANY, merged)
            yield ox.Quad(company(i), PREF_LABEL, ox.Literal(name), merged)
        for i in range(companies):
            for p in rng.sample(range(companies, companies + partners), 5):
                yield ox.Quad(company(i), PARTNER_OF, company(p), merged)
            if i % 3 == 0:  # an agreement with another company, stated by a dated document
                agreement = ox.NamedNode(f"{RESOURCES_IRI}agreement/a{i}")
                doc = ox.NamedNode(f"{RESOURCES_IRI}document/d{i}")
                yield ox.Quad(agreement, TYPE, AGREEMENT, merged)
                yield ox.Quad(agreement, DERIVED_FROM, doc, merged)
                yield ox.Quad(doc, DOC_NAME, ox.Literal(f"d{i}"), merged)
                day = f"20{rng.randrange(10, 25)}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}"
                yield ox.Quad(doc, DATE, ox.Literal(day, datatype=XSD_DATE), merged)
                for party in (i, rng.randrange(companies)):
                    yield ox.Quad(agreement, PARTY, company(party), merged)
                    yield ox.Quad(company(party), HAS_AGREEMENT, agreement, merged)

    store.bulk_extend(quads())
    store.flush()
    return len(store)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["measure", "synthetic"])
    parser.add_argument("store", type=Path)
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.what == "measure":
        print(json.dumps({"store": str(args.store), **measure(args.store)}))
    else:
        quads = synthetic(args.store, args.companies, args.seed)
        print(json.dumps({"store": str(args.store), "quads": quads}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
