"""What the kept order keys of compounds and documents share (compound_order.py, document_order.py).

A key packs a bucket and a rank within it into one integer, ``bucket << bits | rank``: ordering by the key
orders by bucket, then by rank, and a change re-ranks the members of one bucket only. The keys sit in
graph/resolved and the merged default graph; a writer reads them once, with their buckets.
"""

from __future__ import annotations

import pyoxigraph as ox

MERGED = ox.DefaultGraph()


def pack(bucket: int, rank: int, bits: int) -> int:
    """The key of the member ranked ``rank`` in ``bucket`` (ranks past the field share its last value)."""
    return (bucket << bits) | min(rank, 2**bits - 1)


def read_keys(
    store: ox.Store, predicate: ox.NamedNode, bits: int
) -> tuple[dict[str, int], dict[int, set[str]]]:
    """({IRI: key}, {bucket: IRIs}) of the keys ``predicate`` gives in the merged graph."""
    keys: dict[str, int] = {}
    buckets: dict[int, set[str]] = {}
    for q in store.quads_for_pattern(None, predicate, None, MERGED):
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
            key = keys[q.subject.value] = int(q.object.value)
            buckets.setdefault(key >> bits, set()).add(q.subject.value)
    return keys, buckets


def remove_key(store: ox.Store, iri: str, predicate: ox.NamedNode) -> None:
    """Every graph's copy of the resource's key."""
    for q in list(store.quads_for_pattern(ox.NamedNode(iri), predicate, None, None)):
        store.remove(q)
