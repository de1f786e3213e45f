"""The pair keys of one bucket placed again after a batch (:meth:`.pair_order.PairOrder._write`).

A bucket's members that kept their key and whose names did not change are in order already (by key); the
others (new to the bucket, or whose names changed) are put among them by their sort key, by a binary search
that reads the labels of a few members, and take ranks in the gaps their neighbours leave
(:func:`.order_buckets.gapped_ranks`). The writer keeps each bucket's settled members sorted by key
(:attr:`.order_buckets.KeptKeys.ordered`), so :func:`rerank_bucket` reads only the members it places and
the neighbours of the windows it writes: the whole-bucket ranking (:func:`rerank_whole`) read every member's
key and sorted them at every batch that touched the bucket, and a hub's bucket holds thousands of pairs at a
few thousand releases (BENCHMARKS.md, s19-flat). Both give the same keys; the whole one stays for a bucket
fuller than its field (dense ranks, as :func:`.order_buckets.pack` clamps them).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

import pyoxigraph as ox

from pharmakg.graph.order_buckets import KeptKeys, gapped_ranks, pack, spread_ranks

SortKey = Callable[[str], tuple[object, ...]]


def rerank_bucket(
    kept: KeptKeys, b: int, bits: int, arrived: Iterable[str], moving: set[str], sort_key: SortKey
) -> list[ox.Quad] | None:
    """The new keys of bucket ``b`` (the quads to write; each old key goes at ``remove_replaced``), placing
    ``arrived`` (members put in the bucket since the last ranking, without a key in it) and the members of
    ``moving`` keyed in it (names changed) among its settled members; None when the bucket is fuller than its
    field or holds equal keys (then :func:`rerank_whole`)."""
    assert kept.ordered is not None
    top, mask, keys = 1 << bits, (1 << bits) - 1, kept.keys
    in_bucket = kept.buckets.get(b, set())
    moved = {nd for nd in moving if nd in in_bucket and (k := keys.get(nd)) is not None and k >> bits == b}
    placing_nodes = moved | {
        nd for nd in arrived if nd in in_bucket and ((k := keys.get(nd)) is None or k >> bits != b)
    }
    if not placing_nodes:
        return []  # (members left the bucket, none came or moved: the others stay in order)
    members = kept.sorted_members(b)
    settled = [nd for nd in members if nd not in moved] if moved else members
    n = len(settled) + len(placing_nodes)
    if n > top or (len(settled) > 1 and keys[settled[-2]] & mask == mask):
        return None  # (ranks clamped at the field's end: equal keys, which the whole ranking drops)
    if len(settled) + len(placing_nodes) != len(in_bucket):
        return None  # (a member the writer did not follow: ranked whole, as a recount would)
    placing = sorted((sort_key(nd), nd) for nd in placing_nodes)
    positions: list[int] = []  # where each placed member goes among the n, in order
    start = 0
    for j, (placed_key, _nd) in enumerate(placing):
        at = bisect.bisect_left(settled, placed_key, lo=start, key=lambda nd: sort_key(nd))
        positions.append(at + j)
        start = at

    def settled_at(position: int) -> str:
        return settled[position - bisect.bisect_left(positions, position)]

    assigned = spread_ranks(n, lambda v: keys[settled_at(v)] & mask, positions, top)
    placed_at = {position: nd for position, (_key, nd) in zip(positions, placing, strict=True)}
    changes = [
        (node, key)
        for v, rank in sorted(assigned.items())
        if keys.get(node := placed_at.get(v) or settled_at(v)) != (key := pack(b, rank, bits))
    ]
    return [kept.assign(node, key) for node, key in changes]  # (after the reads: assign reorders members)


def rerank_whole(kept: KeptKeys, b: int, bits: int, moving: set[str], sort_key: SortKey) -> list[ox.Quad]:
    """:func:`rerank_bucket` reading every member of the bucket (its keys, then a sort by key)."""
    nodes = kept.buckets.get(b, set())
    keys, mask = kept.keys, (1 << bits) - 1
    old_rank = {
        nd: keys[nd] & mask
        for nd in nodes
        if nd not in moving and (held := keys.get(nd)) is not None and held >> bits == b
    }
    if len(old_rank) == len(nodes):
        return []  # (members left the bucket, none came or moved: the others stay in order)
    settled = sorted(old_rank, key=keys.__getitem__)
    placing = sorted((sort_key(nd), nd) for nd in nodes.difference(old_rank))
    ranked: list[str] = []
    start = 0
    for placed_key, nd in placing:
        at = bisect.bisect_left(settled, placed_key, lo=start, key=sort_key)
        ranked += settled[start:at]
        ranked.append(nd)
        start = at
    ranked += settled[start:]
    old = [old_rank.get(nd) for nd in ranked]
    new: list[ox.Quad] = []
    for node, was, rank in zip(ranked, old, gapped_ranks(old, 1 << bits), strict=True):
        if was != rank and keys.get(node) != (new_key := pack(b, rank, bits)):
            new.append(kept.assign(node, new_key))  # (the old key goes at remove_replaced)
    return new
