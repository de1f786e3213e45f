#!/usr/bin/env python3
"""Rewrite a store's pair keys from the dense ranks an older fill wrote (before s24-update) to the ranks
spread evenly over each bucket's field that ``pair_fill`` writes now (``order_buckets.spread_bucket``): the
store a deferred build with the current code writes (the pair quads depend on the merged graph only), without
building it again. For measuring an update (``incremental_update.py --child``) on a copy of an older base
store; it refuses a store whose keys are not dense fill keys. Rewrites the store in place: run it on a copy.

usage: python benchmarks/respread_pair_keys.py STORE_COPY
"""

from __future__ import annotations

import sys
import time

import pyoxigraph as ox

from pharmakg.graph.order_buckets import pack, spread_bucket
from pharmakg.graph.pair_ranking import RANKINGS
from pharmakg.graph.rdf_terms import int_lit


def respread(store: ox.Store) -> None:
    for r in RANKINGS:
        bits = r.rank_bits
        held = list(store.quads_for_pattern(None, r.predicate, None, None))
        keys: dict[str, int] = {}
        for q in held:
            assert isinstance(q.object, ox.Literal), q
            key = int(q.object.value)
            if keys.setdefault(q.subject.value, key) != key:
                raise SystemExit(f"two values for {q.subject.value}: an unsettled store")
        buckets: dict[int, list[tuple[int, str]]] = {}
        for iri, key in keys.items():
            buckets.setdefault(key >> bits, []).append((key & ((1 << bits) - 1), iri))
        new: dict[str, int] = {}
        for b, members in buckets.items():
            members.sort()
            if len(members) <= 1 << bits and [rank for rank, _ in members] != list(range(len(members))):
                raise SystemExit(f"bucket {b} of {r.predicate.value} is not dense: not an older fill's keys")
            for (_rank, iri), rank in zip(members, spread_bucket(len(members), bits), strict=True):
                new[iri] = pack(b, rank, bits)
        for q in held:
            store.remove(q)
        store.extend(
            ox.Quad(q.subject, q.predicate, int_lit(new[q.subject.value]), q.graph_name) for q in held
        )
        print(f"{r.predicate.value}: {len(keys):,} keys in {len(buckets):,} buckets, {len(held):,} quads")


def main() -> int:
    started = time.process_time()
    store = ox.Store(sys.argv[1])
    respread(store)
    store.flush()
    print(f"{time.process_time() - started:.1f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
