"""Pair keys with gaps (``order_buckets.gapped_ranks``, s18-linear): ranks always sort the members in their
new order, a member added or moved rewrites its own key and not those of the members after it (what made the
writer's cost per release grow with the store: about 900 key rewrites per release at 6k releases), a bucket
whose gap is full is spread again around the crowded place, a store whose keys are dense (built before
s18-linear, or filled by ``pair_fill`` before s24-update) takes new writes with keys that still sort as a
recount, and a bucket filled at once (``spread_bucket``) takes new members in its gaps from the first one."""

from __future__ import annotations

import random
from pathlib import Path

from incremental_helpers import extract_texts
from test_pair_order import PAIR_FACTS, _partnering, assert_keys_are_a_recount, assert_pages_are_slices

from pharmakg.graph.order_buckets import gapped_ranks, spread_bucket
from pharmakg.graph.pair_ranking import dense_pair_keys
from pharmakg.graph.store import KnowledgeGraph


def _insert(order: list[float], keys: dict[float, int], member: float, top: int) -> int:
    """Add ``member`` to the bucket ``order`` (sorted) with keys ``keys``; the number of keys rewritten."""
    order.append(member)
    order.sort()
    ranks = gapped_ranks([keys.get(m) for m in order], top)
    assert all(a < b for a, b in zip(ranks, ranks[1:], strict=False)), "ranks out of order"
    assert all(0 <= r < top for r in ranks)
    rewritten = sum(1 for m, r in zip(order, ranks, strict=True) if keys.get(m) != r)
    keys.clear()
    keys.update(zip(order, ranks, strict=True))
    return rewritten


def test_ranks_sort_the_members_and_a_new_one_rewrites_about_its_own_key() -> None:
    rng = random.Random(0)
    for top in (16, 1 << 16, 1 << 20):
        order: list[float] = []
        keys: dict[float, int] = {}
        rewritten = sum(_insert(order, keys, rng.random(), top) for _ in range(min(top, 2000)))
        if top > 16:  # (dense ranks rewrite half the bucket per member: about 10^6 here)
            assert rewritten < 3 * len(order), rewritten


def test_a_dense_bucket_is_spread_once_then_takes_members_in_its_gaps() -> None:
    """Keys written before the gaps (dense ranks 0..n-1): the first member added spreads the members after
    it, the next ones find room."""
    rng = random.Random(1)
    order = [float(i) for i in range(1727)]
    keys = {m: int(m) for m in order}
    first = _insert(order, keys, 3.5, 1 << 20)
    assert first <= len(order)
    later = sum(_insert(order, keys, rng.uniform(0, 1727), 1 << 20) for _ in range(500))
    assert later < 3 * 500, later
    appended = sum(_insert(order, keys, 2000.0 + i, 1 << 20) for i in range(500))
    assert appended < 4 * 500, appended  # (at an end: the bucket spread again now and then)


def test_a_filled_bucket_takes_new_members_in_its_gaps_from_the_first() -> None:
    """The fill's keys (spread evenly over the field): each member added rewrites its own key only, where the
    first one added to a dense bucket rewrote the members after it."""
    rng = random.Random(3)
    order = [float(i) for i in range(1727)]
    keys = dict(zip(order, spread_bucket(len(order), 20), strict=True))
    assert spread_bucket(3, 2) == [0, 1, 2] and spread_bucket(5, 2) == [0, 1, 2, 3, 4]
    assert _insert(order, keys, 3.5, 1 << 20) == 1
    assert sum(_insert(order, keys, rng.uniform(0, 1727), 1 << 20) for _ in range(200)) == 200
    dense = [float(i) for i in range(1727)]
    assert _insert(dense, {m: int(m) for m in dense}, 3.5, 1 << 20) > 1000


def test_members_that_change_places_keep_the_ranks_of_the_others() -> None:
    old: list[int | None] = [10, 20, 30, 40, 50]
    # the member ranked 40 moves first, a new one comes last: the others keep their ranks
    ranks = gapped_ranks([40, 10, 20, 30, 50, None], 1 << 16)
    assert ranks[1:5] == [10, 20, 30, 50] and ranks[0] < 10 and ranks[5] > 50
    assert gapped_ranks(old, 1 << 16) == old
    assert gapped_ranks([None] * 3, 4) == [0, 1, 2]
    assert gapped_ranks([None] * 5, 4) == [0, 1, 2, 3, 4]  # (more than the field: dense, as pack clamps)


def _densified(kg: KnowledgeGraph) -> None:
    """Rewrite the store's pair keys as dense ranks: as pharmakg wrote them before the gaps."""
    keys = [q for p in PAIR_FACTS[3:] for q in kg.store.quads_for_pattern(None, p, None, None)]
    for q in keys:
        kg.store.remove(q)
    kg.store.extend(dense_pair_keys(keys))


def test_a_store_with_dense_keys_takes_new_writes(tmp_path: Path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(extract_texts(tmp_path / "a", {f"p{i}": _partnering(i) for i in range(5)}))
    _densified(kg)
    assert_keys_are_a_recount(kg)
    kg.derived.pairs._kept = None  # (read the keys again, as a new process opening the store does)
    kg.add_extractions(extract_texts(tmp_path / "b", {f"p{i}": _partnering(i) for i in range(5, 11)}))
    assert_keys_are_a_recount(kg)
    assert_pages_are_slices(kg)


def test_any_old_ranks_give_ranks_in_order() -> None:
    """Batches: several members new, moved, or with ranks of a crowded bucket, in any order."""
    rng = random.Random(2)
    for _ in range(3000):
        top = rng.choice([4, 8, 64, 1 << 16])
        n = rng.randint(1, min(top, 40))
        old: list[int | None] = [rng.randrange(top) if rng.random() < 0.7 else None for _ in range(n)]
        if rng.random() < 0.5:
            known = sorted(r for r in old if r is not None)
            it = iter(known)
            old = [None if r is None else next(it) for r in old]  # (a bucket whose order holds, new members)
        ranks = gapped_ranks(old, top)
        assert all(a < b for a, b in zip(ranks, ranks[1:], strict=False)), (old, ranks)
        assert all(0 <= r < top for r in ranks), (old, ranks)
