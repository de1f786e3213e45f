"""The pair facts of a graph written without them (:mod:`pharmakg.graph.pair_ranking`), counted from scratch
in a memory that does not grow with the number of pairs: the fill of an old store (:mod:`.stream_fill`).

:func:`pair_ranking.missing_pair_order` holds every pair's state (its deal's date and its set of shared
partners) to rank them: 4.5 GB at 100k releases (9.7M pair quads). Here each pair is counted once, from its
first company (the IRI that sorts first: every pair a company is first of comes from its own partners and
agreements), and at once gives its node's quads; what ranking it needs goes to an external sort, one record
per pair and answer: the pair's bucket, then its sort key within the bucket (:meth:`Ranking.rank_key`). Read
back in that order, the records of a bucket come together and in rank order; one bucket's records are held
at a time, to spread their ranks evenly over the bucket's field (:func:`order_buckets.spread_bucket`: the
next writer places new members in the gaps). The sort keeps :data:`RUN` records in memory at a time and
writes each sorted run to a temporary file, merged :data:`FAN_IN` at a time. The reader's caches of labels,
types and links (which grow with the companies read) are dropped past :data:`READER_ENTRIES`.

The quads equal :func:`missing_pair_order`'s (tests: ``tests/graph/test_pair_fill.py``); they depend on the
merged graph only, so a fill killed half-way gives the same quads when the next opening counts them again.
"""

from __future__ import annotations

import heapq
import itertools
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

import pyoxigraph as ox

from pharmakg.graph.order_buckets import pack, spread_bucket
from pharmakg.graph.pair_links import AGREEMENT, COMPANY, PARTY, TYPE, GraphReader, value
from pharmakg.graph.pair_ranking import MERGED, RANKINGS, Ranking, node_quads, pair_node
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, int_lit

RUN = 20_000  # records sorted in memory at a time (a record: a pair's bucket, labels and IRIs)
FAN_IN = 32  # runs merged at a time (each holds a file buffer while merged)
BATCH = 256  # records per pickle in a run's file (a merge holds one batch of each run)
READER_ENTRIES = 200_000  # entities whose labels, types and links a reader keeps before a fresh one
Record = tuple[object, ...]  # (bucket, *rank key): ints and strings


class ExternalSort:
    """Records added in any order, read back sorted with repeats dropped, holding :data:`RUN` of them."""

    def __init__(self, run: int, fan_in: int) -> None:
        self.run, self.fan_in = run, fan_in
        self._pending: list[Record] = []
        self._runs: list[IO[bytes]] = []

    def add(self, record: Record) -> None:
        self._pending.append(record)
        if len(self._pending) >= self.run:
            self._runs.append(self._spill(sorted(self._pending)))
            self._pending = []

    def _spill(self, records: Iterable[Record]) -> IO[bytes]:
        spool = tempfile.TemporaryFile()
        it = iter(records)
        while batch := list(itertools.islice(it, BATCH)):  # one pickle per batch: its memo is its own
            pickle.dump(batch, spool, protocol=pickle.HIGHEST_PROTOCOL)
        spool.seek(0)
        return spool

    @staticmethod
    def _read(spool: IO[bytes]) -> Iterator[Record]:
        with spool:
            while True:
                try:
                    yield from pickle.load(spool)
                except EOFError:
                    return

    def sorted(self) -> Iterator[Record]:
        """Every record added, in order, once; the sort is spent afterwards."""
        while len(self._runs) > self.fan_in:  # merge the oldest runs into one until the rest fit
            merged = heapq.merge(*(self._read(s) for s in self._runs[: self.fan_in]))
            self._runs = [*self._runs[self.fan_in :], self._spill(merged)]
        streams = [*(self._read(s) for s in self._runs), iter(sorted(self._pending))]
        self._runs, self._pending = [], []
        previous: Record | None = None
        for record in heapq.merge(*streams):
            if record != previous:
                yield record
            previous = record


def _first_companies(store: ox.Store) -> Iterator[str]:
    """Every entity that can be the first of a pair: the companies (pairs sharing a partner) and the parties
    of agreements (deals; a party needs a name, not the company type), each once."""
    for q in store.quads_for_pattern(None, TYPE, COMPANY, MERGED):
        yield value(q.subject)
    previous = None
    for q in store.quads_for_pattern(None, PARTY, None, MERGED):
        # the index groups a party's quads, so a party usually comes once; the sort drops a repeat's records
        party = q.object
        if isinstance(party, ox.NamedNode) and party != previous:
            if ox.Quad(party, TYPE, COMPANY, MERGED) not in store:
                yield party.value
        previous = party


def _pairs_of(store: ox.Store, reader: GraphReader, a: str) -> dict[str, tuple[int | None, set[str]]]:
    """{b: (deal date bucket, shared partners)} of the pairs (a, b) with a < b, as ``pair_facts`` counts
    them: its deals with the other parties of its agreements, its shared partners from its partners."""
    deals: dict[str, int] = {}
    checked: set[str] = set()
    for q in store.quads_for_pattern(None, PARTY, ox.NamedNode(a), MERGED):
        agreement = q.subject
        if not isinstance(agreement, ox.NamedNode | ox.BlankNode):
            continue
        if ox.Quad(agreement, TYPE, AGREEMENT, MERGED) not in store:
            continue
        for p in store.quads_for_pattern(agreement, PARTY, None, MERGED):
            b = value(p.object)
            if a < b and b not in checked:
                checked.add(b)
                if (d := reader.deal(a, b)) is not None:
                    deals[b] = d
    shared = {b: partners for b, partners in reader.shared(a).items() if a < b}
    return {b: (deals.get(b), shared.get(b, set())) for b in {*deals, *shared}}


def _record(ranking: Ranking, primary: int, a: str, b: str, labels: tuple[str, str]) -> Record:
    bucket = ranking.bucket(primary, labels[0])
    return (bucket, *ranking.rank_key((a, b), labels, ranking.primary(bucket)))


def _keys(ranking: Ranking, records: Iterator[Record]) -> Iterator[ox.Quad]:
    """The keys of records read in order: each bucket's ranks spread evenly over its field
    (:func:`order_buckets.spread_bucket`), so that the writer places later members in the gaps."""
    for bucket, group in itertools.groupby(records, key=lambda r: r[0]):
        members = list(group)  # (one bucket's records: its size sets the gap)
        for rank, record in zip(spread_bucket(len(members), ranking.rank_bits), members, strict=True):
            a, b = record[-2], record[-1]
            assert isinstance(bucket, int) and isinstance(a, str) and isinstance(b, str)
            key = pack(bucket, rank, ranking.rank_bits)
            yield ox.Quad(pair_node(a, b), ranking.predicate, int_lit(key), RESOLVED_GRAPH)


def pair_order_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """The pair nodes, shared partners and keys of a graph written without them, in graph/resolved (the quads
    of :func:`pair_ranking.missing_pair_order`; a node's quads may come twice)."""
    sorts = {ranking.predicate: ExternalSort(RUN, FAN_IN) for ranking in RANKINGS}
    reader = GraphReader(store)
    for a in _first_companies(store):
        if reader.cached() > READER_ENTRIES:  # (read at each call: the tests make the bounds small)
            reader = GraphReader(store)
        for b, (deal, partners) in sorted(_pairs_of(store, reader, a).items()):
            yield from node_quads((a, b), partners)
            labels = (reader.label(a) or "", reader.label(b) or "")
            for ranking in RANKINGS:
                if (primary := ranking.of((deal, frozenset(partners)))) is not None:
                    sorts[ranking.predicate].add(_record(ranking, primary, a, b, labels))
    for ranking in RANKINGS:
        yield from _keys(ranking, sorts[ranking.predicate].sorted())
