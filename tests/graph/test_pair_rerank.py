"""A bucket of pair keys placed again from its members kept sorted (``pair_rerank.rerank_bucket``, s19-flat)
gives the keys the whole-bucket ranking gives (``rerank_whole``, which reads every member's key and sorts
them: what made the ranking grow with a hub's bucket), whatever members come, move or leave, and the sorted
lists follow every key written or dropped; ``spread_ranks`` placing a few members among many reads only the
ranks of the windows it writes."""

from __future__ import annotations

import copy
import random

import pyoxigraph as ox

from pharmakg.graph.order_buckets import KeptKeys, gapped_ranks, pack, spread_ranks
from pharmakg.graph.pair_rerank import rerank_bucket, rerank_whole

PREDICATE = ox.NamedNode("https://example.org/order")


def _bucket(rng: random.Random, b: int, bits: int, size: int, dense: bool) -> tuple[KeptKeys, list[str]]:
    """A bucket of ``size`` settled members in sort-key order (their names sort as they are ranked), with
    gapped (or dense) ranks."""
    names = sorted(f"urn:m{rng.random():.12f}" for _ in range(size))
    top = 1 << bits
    ranks = list(range(size)) if dense else sorted(rng.sample(range(top), size))
    kept = KeptKeys(PREDICATE, bits=bits, ordered={b: []})
    for name, rank in zip(names, ranks, strict=True):
        kept.keys[name] = pack(b, rank, bits)
        kept.buckets.setdefault(b, set()).add(name)
    kept.ordered = {b: sorted(names, key=kept.keys.__getitem__)}
    return kept, names


def _assert_sorted_lists_follow(kept: KeptKeys) -> None:
    assert kept.ordered is not None
    for b, members in kept.ordered.items():
        held = {
            nd
            for nd in kept.buckets.get(b, set())
            if (k := kept.keys.get(nd)) is not None and k >> kept.bits == b
        }
        assert set(members) == held and len(members) == len(held)
        assert [kept.keys[nd] for nd in members] == sorted(kept.keys[nd] for nd in members)


def test_placing_among_sorted_members_gives_the_keys_of_the_whole_ranking() -> None:
    rng = random.Random(3)
    for trial in range(400):
        bits = rng.choice([3, 5, 8, 16])
        b = rng.randrange(4)
        size = rng.randint(0, min((1 << bits) - 1, 300))
        kept, names = _bucket(rng, b, bits, size, dense=rng.random() < 0.3)
        leaving = rng.sample(names, rng.randint(0, min(3, size)))
        for nd in leaving:
            kept.drop(nd, bits)
        kept.replaced.clear()
        arrived = {f"urn:m{rng.random():.12f}" for _ in range(rng.randint(0, 6))}
        for nd in arrived:
            kept.buckets.setdefault(b, set()).add(nd)
        still = [nd for nd in names if nd not in leaving]
        moving = set(rng.sample(still, rng.randint(0, min(2, len(still)))))
        renamed = {nd: f"urn:m{rng.random():.12f}" for nd in moving}  # (a new name: a new place)

        def sort_key(nd: str, renamed: dict[str, str] = renamed) -> tuple[object, ...]:
            return (renamed.get(nd, nd),)

        whole = copy.deepcopy(kept)
        placed = rerank_bucket(kept, b, bits, arrived, moving, sort_key)
        expected = rerank_whole(whole, b, bits, moving, sort_key)
        if placed is None:  # (a bucket fuller than its field: ranked whole)
            assert len(kept.buckets.get(b, set())) > 1 << bits or size >= 1 << bits, trial
            continue
        assert placed == expected, trial
        assert kept.keys == whole.keys
        _assert_sorted_lists_follow(kept)
        ranked = sorted(kept.buckets.get(b, set()), key=kept.keys.__getitem__)
        assert ranked == sorted(kept.buckets.get(b, set()), key=sort_key)


def test_spread_ranks_reads_only_the_windows_it_places() -> None:
    """Ten members placed among 100,000 with room between them: a few dozen ranks read, the same ranks as
    ``gapped_ranks`` of the whole list."""
    rng = random.Random(4)
    top, n_settled = 1 << 24, 100_000
    settled = sorted(rng.sample(range(top), n_settled))
    unranked = sorted(rng.sample(range(n_settled + 10), 10))
    old: list[int | None] = []
    it = iter(settled)
    for position in range(n_settled + 10):
        old.append(None if position in unranked else next(it))
    read: list[int] = []

    def rank_at(position: int) -> int:
        read.append(position)
        rank = old[position]
        assert rank is not None
        return rank

    assigned = spread_ranks(len(old), rank_at, unranked, top)
    assert len(read) < 100, len(read)
    ranks = gapped_ranks(old, top)
    assert {p: ranks[p] for p in assigned} == assigned
    assert all(ranks[p] == old[p] for p in range(len(old)) if p not in assigned)
