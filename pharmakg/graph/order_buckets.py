"""What the kept order keys of compounds, documents and company pairs share (compound_order.py,
document_order.py, pair_order.py).

A key packs a bucket and a rank within it into one integer, ``bucket << bits | rank``: ordering by the key
orders by bucket, then by rank, and a change re-ranks the members of one bucket only. The compound and
document keys are dense ranks (0, 1, 2, ...); the pair keys' ranks leave gaps (:func:`gapped_ranks`), so a
new member takes a free rank between its neighbours instead of shifting every member after it. The keys sit in
graph/resolved and the merged default graph; a writer reads them once, with their buckets (:class:`KeptKeys`).

Re-ranking a bucket rewrites the keys of members that did not change themselves (their neighbours did), and
a build's journal names only the entities that changed. So a key is replaced in two steps that leave every
member with a key at any moment: the new key is written with the rest of a step's quads, and only then are
the old copies removed (:meth:`KeptKeys.remove_replaced`). A member whose copies disagree when the keys are
read (two values, or a copy in one graph only: a build killed between the two steps) is *unsettled*: it is
read without a key, placed again, and its buckets are ranked again at the next update.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, int_lit

MERGED = ox.DefaultGraph()
SETTLED = frozenset({RESOLVED_GRAPH, MERGED})  # the graphs a key is written to


def pack(bucket: int, rank: int, bits: int) -> int:
    """The key of the member ranked ``rank`` in ``bucket`` (ranks past the field share its last value)."""
    return (bucket << bits) | min(rank, 2**bits - 1)


def gapped_ranks(old: list[int | None], top: int) -> list[int]:
    """Ranks in ``[0, top)`` for a bucket's members in their new order, changing as few as it can: ``old``
    are their ranks now (None: new to the bucket). The longest run of members whose old ranks still
    increase keep them; the others are spread evenly in the gap between their kept neighbours (before the
    first or after the last: the gap of the bucket spread over the field, so that members added at an end
    do not halve what is left each time). A gap too
    small is widened over its neighbours, twice as many each time, and the whole window spread again (it
    then leaves room for as many again), so a new member rewrites its own key, not those of every member
    after it as dense ranks did (a hub's bucket holds thousands at a few thousand releases). Dense ranks,
    as :func:`pack` clamps them, when the bucket holds more than ``top`` members."""
    n = len(old)
    if n > top:
        return list(range(n))
    keep = _increasing(old)
    assigned = spread_ranks(n, lambda i: _known(old[i]), [i for i in range(n) if i not in keep], top)
    return [assigned[i] if i in assigned else _known(old[i]) for i in range(n)]


def spread_bucket(n: int, bits: int) -> list[int]:
    """The ranks of a bucket's ``n`` members, in order, when all are placed at once (a recount: the fill of
    :mod:`.pair_fill`): :func:`gapped_ranks` of ``n`` new members, spread evenly over the field. Dense ranks
    (0, 1, 2, ...) left no gap, so the first update after a fill widened a window to the end of the bucket
    for each member it added and rewrote half a bucket's keys (140k keys rewritten for 100 releases added to
    a 10k store, BENCHMARKS.md, s24-update)."""
    return gapped_ranks([None] * n, 1 << bits)


def spread_ranks(n: int, rank_at: Callable[[int], int], unranked: Sequence[int], top: int) -> dict[int, int]:
    """:func:`gapped_ranks` of a bucket of ``n`` members (at most ``top``) given without a list of them:
    the members at the positions ``unranked`` (sorted) have no rank, the others the increasing ranks
    ``rank_at(position)``; {position: rank} of those it places, the unranked and the kept neighbours a full
    gap is widened over. It reads the ranks of the windows it places only, so a writer that keeps a
    bucket's members sorted places a few new ones among thousands without reading the others
    (:func:`.pair_rerank.rerank_bucket`)."""
    assigned: dict[int, int] = {}
    pending = set(unranked)

    def rank(i: int) -> int:
        return assigned[i] if i in assigned else rank_at(i)

    def is_unranked(i: int) -> bool:
        return i in pending and i not in assigned

    at = 0
    while at < len(unranked):
        i = unranked[at]
        if i in assigned:
            at += 1
            continue
        lo_i, hi_i, step = i - 1, i + 1, 1
        while hi_i < n and is_unranked(hi_i):
            hi_i += 1
        while True:  # (lo_i, hi_i): the kept neighbours of the window (-1, n: the field's ends)
            lo = -1 if lo_i < 0 else rank(lo_i)
            hi = top if hi_i >= n else rank(hi_i)
            width = hi_i - lo_i - 1
            whole = lo_i < 0 and hi_i >= n
            if hi - lo - 1 >= width and (step == 1 or whole or hi - lo >= 2 * (width + 1)):
                break
            lo_i, hi_i, step = max(-1, lo_i - step), min(n, hi_i + step), step * 2
            while hi_i < n and is_unranked(hi_i):  # (members to place after it: in the window too)
                hi_i += 1
        gap = (hi - lo) // (width + 1)
        if (lo_i < 0) != (hi_i >= n):  # at one end of the field: room left there for as many again
            gap = min(gap, max(1, top // (n + 1))) if step == 1 else max(1, (hi - lo) // (2 * width + 1))
            lo = hi - (width + 1) * gap if lo_i < 0 else lo
        for k in range(lo_i + 1, hi_i):
            assigned[k] = lo + (k - lo_i) * gap
        at = bisect.bisect_left(unranked, hi_i, lo=at)
    return assigned


def _known(rank: int | None) -> int:
    assert rank is not None
    return rank


def _increasing(ranks: list[int | None]) -> set[int]:
    """The positions of a longest strictly increasing run of the known ranks (patience sorting)."""
    known = [(i, r) for i, r in enumerate(ranks) if r is not None]
    if all(a[1] < b[1] for a, b in zip(known, known[1:], strict=False)):
        return {i for i, _ in known}  # (what a writer gives: the members that kept their place are in order)
    tails: list[int] = []  # tails[k]: the position ending the best run of length k + 1 found so far
    before: dict[int, int] = {}
    for i, r in enumerate(ranks):
        if r is None:
            continue
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if _known(ranks[tails[mid]]) < r:
                lo = mid + 1
            else:
                hi = mid
        if lo:
            before[i] = tails[lo - 1]
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    found: set[int] = set()
    at = tails[-1] if tails else None
    while at is not None:
        found.add(at)
        at = before.get(at)
    return found


@dataclass
class KeptKeys:
    """One predicate's keys as the store holds them: {IRI: key}, {bucket: IRIs}; the unsettled members and
    their buckets (to place and rank again), and the IRIs whose old copies go once new keys are written."""

    predicate: ox.NamedNode
    keys: dict[str, int] = field(default_factory=dict)
    buckets: dict[int, set[str]] = field(default_factory=dict)
    unsettled: set[str] = field(default_factory=set)
    unsettled_buckets: set[int] = field(default_factory=set)
    replaced: set[str] = field(default_factory=set)  # members whose every copy is read again at the removal
    # settled members whose key only changed by assign: the values to remove (a bucket re-ranked rewrites
    # thousands of keys at a few thousand releases; reading each member's copies again cost as much)
    swapped: dict[str, set[int]] = field(default_factory=dict)
    # {bucket: its settled members sorted by key} when the owner places members among them without reading
    # the bucket (the pair keys, :mod:`.pair_rerank`); None: not kept (the compound and document keys). A
    # bucket's list is sorted when first asked for (:meth:`sorted_members`): a batch touches a few buckets
    ordered: dict[int, list[str]] | None = None
    bits: int = 0  # (the rank bits: a key's bucket, for ``ordered``)

    def drop(self, iri: str, bits: int) -> int | None:
        """Take the member out of its bucket (its copies go at :meth:`remove_replaced`); that bucket."""
        self._unlist(iri)
        old = self.keys.pop(iri, None)
        self.replaced.add(iri)
        if old is None:
            return None
        self.buckets[old >> bits].discard(iri)
        return old >> bits

    def assign(self, iri: str, key: int) -> ox.Quad:
        """The member's new key, as the quad to write; its old copies go at :meth:`remove_replaced`."""
        if iri in self.keys and iri not in self.replaced:
            self.swapped.setdefault(iri, set()).add(self.keys[iri])  # (in both graphs, as read or written)
        self._unlist(iri)
        self.keys[iri] = key
        if self.ordered is not None and (members := self.ordered.get(key >> self.bits)) is not None:
            bisect.insort(members, iri, key=self.keys.__getitem__)  # (a list not sorted yet reads the keys)
        return ox.Quad(ox.NamedNode(iri), self.predicate, int_lit(key), RESOLVED_GRAPH)

    def sorted_members(self, b: int) -> list[str]:
        """The members keyed in bucket ``b``, sorted by key (kept from then on by :meth:`assign`)."""
        assert self.ordered is not None
        members = self.ordered.get(b)
        if members is None:
            keys, bits = self.keys, self.bits
            held = [nd for nd in self.buckets.get(b, ()) if keys.get(nd, -1) >> bits == b]
            members = self.ordered[b] = sorted(held, key=keys.__getitem__)
        return members

    def _unlist(self, iri: str) -> None:
        """Take the member out of its bucket's sorted list (before its key changes or goes)."""
        key = self.keys.get(iri)
        if self.ordered is None or key is None:
            return
        members = self.ordered.get(key >> self.bits, [])
        at = bisect.bisect_left(members, key, key=self.keys.__getitem__)
        while at < len(members) and members[at] != iri:  # (equal keys: a bucket fuller than its field)
            at += 1
        if at < len(members):
            del members[at]

    def take_unsettled(self) -> tuple[set[str], set[int]]:
        """(members, buckets) found unsettled: members to place again, buckets to rank again (once)."""
        found = self.unsettled, self.unsettled_buckets
        self.unsettled, self.unsettled_buckets = set(), set()
        return found

    def remove_replaced(self, store: ox.Store) -> None:
        """After the new keys are written: remove every graph's copy of a key the members no longer have, and
        the copies outside graph/resolved and the merged graph (the pair keys' marks, see pair_order.py)."""
        for iri in sorted(self.replaced):
            now = self.keys.get(iri)
            for q in list(store.quads_for_pattern(ox.NamedNode(iri), self.predicate, None, None)):
                if now is None or q.graph_name not in SETTLED:
                    store.remove(q)
                elif not isinstance(q.object, ox.Literal) or int(q.object.value) != now:
                    store.remove(q)
        for iri, values in sorted(self.swapped.items()):
            if iri not in self.replaced:
                for old in sorted(values - {self.keys.get(iri)}):
                    for graph in (RESOLVED_GRAPH, MERGED):
                        store.remove(ox.Quad(ox.NamedNode(iri), self.predicate, int_lit(old), graph))
        self.replaced.clear()
        self.swapped.clear()


def read_keys(store: ox.Store, predicate: ox.NamedNode, bits: int, ordered: bool = False) -> KeptKeys:
    """The keys ``predicate`` gives, read from every graph: a member is settled when its key has one value,
    in graph/resolved and the merged graph. An unsettled one is in no bucket and has no key: its owner places
    it again and ranks the buckets of all its values again. ``ordered``: each bucket's members also kept
    sorted by key (:attr:`KeptKeys.ordered`, sorted when first asked for).

    Only graph/resolved's copies are read one by one; the copies that differ from them (a merged-graph copy
    with another value or none, a copy in another graph: what a killed step leaves, a few) are found by the
    store's own joins (:func:`_odd_copies`: 0.6 s for 156k keys). Reading both graphs' copies here cost 4 s
    CPU per writer for the 10k store's pair keys (BENCHMARKS.md, s24-update)."""
    # one value per member (the pair keys are millions at 100k releases), the values of the few others apart
    first: dict[str, int] = {}
    odd: dict[str, set[int]] = {}  # members with two values: all of them
    for q in store.quads_for_pattern(None, predicate, None, RESOLVED_GRAPH):
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
            iri, key = q.subject.value, int(q.object.value)
            if first.setdefault(iri, key) != key:
                odd.setdefault(iri, {first[iri]}).add(key)
    flagged: set[str] = set()  # the members with a copy that is not one value in both graphs
    for iri, key, graph in _odd_copies(store, predicate):
        flagged.add(iri)
        if graph != RESOLVED_GRAPH and first.setdefault(iri, key) != key:
            odd.setdefault(iri, {first[iri]}).add(key)
    kept = KeptKeys(predicate)
    for iri, key in first.items():
        if iri not in flagged and iri not in odd:
            kept.keys[iri] = key
            kept.buckets.setdefault(key >> bits, set()).add(iri)
        else:  # placed again by the owner (kept.replaced lists it), its old buckets ranked again
            kept.unsettled.add(iri)
            kept.unsettled_buckets |= {k >> bits for k in odd.get(iri, {key})}
            kept.replaced.add(iri)
    if ordered:
        kept.bits, kept.ordered = bits, {}
    return kept


def _odd_copies(
    store: ox.Store, predicate: ox.NamedNode
) -> list[tuple[str, int, ox.NamedNode | ox.DefaultGraph]]:
    """(member, value, graph) of the copies of ``predicate`` that are not in both graph/resolved and the
    merged graph with that value: the merged graph's copies missing from graph/resolved, the copies in
    another graph, the resolved copies missing from the merged graph."""
    from pharmakg.graph.queries import bind_parameters, load_internal_query  # (queries imports the graph)

    params = {"p": predicate, "resolved": RESOLVED_GRAPH}
    found: list[tuple[str, int, ox.NamedNode | ox.DefaultGraph]] = []
    for name, graph in (("merged-only", MERGED), ("other-graphs", None), ("resolved-only", RESOLVED_GRAPH)):
        solutions = store.query(bind_parameters(load_internal_query(f"kept-keys-{name}"), params))
        assert isinstance(solutions, ox.QuerySolutions)
        for row in solutions:
            s, k = row["s"], row["k"]
            if isinstance(s, ox.NamedNode) and isinstance(k, ox.Literal):
                g = graph if graph is not None else row["g"]
                assert isinstance(g, ox.NamedNode | ox.DefaultGraph)
                found.append((s.value, int(k.value), g))
    return found
