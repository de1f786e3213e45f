"""Kept pair facts: the pairs of companies of ``deals`` and ``companies-sharing-a-partner``, their shared
partners and their place in both answers, kept by the store so that a page of either is ranked by one integer
per pair and its rows read from the pair's node.

Both questions list pairs of companies (14,117 pairs sharing a partner and 1,613 deals at 1.7k releases), and
ranking every pair first (dates of its documents, both names, the number of shared partners: the whole join)
cost 0.7 to 1.8 s whatever the page. The store keeps one node per pair of companies that is a deal or shares a
partner, ``resource/pair/HASH(a, b)`` with ``a`` < ``b`` by IRI as the questions order them, with
``pkg:firstCompany a``, ``pkg:secondCompany b``, ``pkg:sharedPartner p`` for each partner they share
(:mod:`pharmakg.graph.pair_links` says which) and one integer per answer it is in:

- ``pkg:dealOrder`` (a deal: an agreement of the two stated by a named document, both named): sorts as
  ``?date LCASE(?parties)``, then ``?parties`` and the IRIs. Its bucket is the date (0 when a document of
  the deal has none: the answer's date is then unbound and sorts first; else 1 + the first date's ordinal
  day) and the first three bytes of the lower-cased first name, the rank within it 16 bits (a writer's
  ranks leave gaps, :func:`.order_buckets.gapped_ranks`; a recount's are dense). (``deals`` does
  not page by it yet: see BENCHMARKS.md, branch ``q-pairs``.)
- ``pkg:sharedPartnerOrder`` (the two share a named partner company): sorts as ``DESC(?sharedPartners)
  LCASE(?companyName) LCASE(?otherCompany) ?companyName ?otherCompany``, then the IRIs. Its bucket is 2047
  minus the count (11 bits) and the first four bytes of the lower-cased first name, the rank 20 bits.

(:mod:`pharmakg.graph.pair_order` keeps them up to date as a store is written; this module says what they
are and counts them from scratch.)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from pharmakg.graph.order_buckets import pack, spread_bucket
from pharmakg.graph.pair_links import PAID, PARTNER_OF, GraphReader, Pair, pair_facts
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, int_lit, n, short_hash
from pharmakg.ontology.namespaces import PKG, RESOURCES_IRI

MERGED = ox.DefaultGraph()
FIRST, SECOND, SHARED_PARTNER = n(PKG.firstCompany), n(PKG.secondCompany), n(PKG.sharedPartner)
DEAL_ORDER, SHARED_ORDER = n(PKG.dealOrder), n(PKG.sharedPartnerOrder)
LINKS = (PARTNER_OF, PAID)
MAX_COUNT = (1 << 11) - 1
PairState = tuple[int | None, frozenset[str]]  # (deal date bucket, shared partners)


@dataclass(frozen=True)
class Ranking:
    """One kept key: its predicate and how a pair's (primary value, first name) make its bucket."""

    predicate: ox.NamedNode
    prefix_bytes: int
    rank_bits: int
    descending: bool  # the primary value sorts descending (a count)

    def bucket(self, primary: int, first_label: str) -> int:
        prefix = first_label.lower().encode("utf-8")[: self.prefix_bytes].ljust(self.prefix_bytes, b"\0")
        value = MAX_COUNT - min(primary, MAX_COUNT) if self.descending else primary
        return (value << (8 * self.prefix_bytes)) | int.from_bytes(prefix, "big")

    def primary(self, bucket: int) -> int:
        value = bucket >> (8 * self.prefix_bytes)
        return MAX_COUNT - value if self.descending else value

    def rank_key(self, pair: Pair, labels: tuple[str, str], primary: int) -> tuple[object, ...]:
        (a, b), (la, lb) = pair, labels
        if self.predicate == DEAL_ORDER:  # ?date LCASE(?parties) ?parties, CONCAT(aName, "; ", bName)
            return (la.lower() + "; " + lb.lower(), la + "; " + lb, a, b)
        return (-primary, la.lower(), lb.lower(), la, lb, a, b)

    def of(self, state: PairState) -> int | None:
        """The pair's primary value in this ranking (None: the pair is not in this answer)."""
        if self.predicate == DEAL_ORDER:
            return state[0]
        return len(state[1]) or None


DEALS = Ranking(DEAL_ORDER, prefix_bytes=3, rank_bits=16, descending=False)
SHARED = Ranking(SHARED_ORDER, prefix_bytes=4, rank_bits=20, descending=True)
RANKINGS = (DEALS, SHARED)


@lru_cache(maxsize=1 << 17)  # a writer hashes a hub's pairs again at every batch (~40 MB when full)
def pair_node(a: str, b: str) -> ox.NamedNode:
    """The node of the pair ``a`` < ``b`` (by IRI)."""
    return ox.NamedNode(f"{RESOURCES_IRI}pair/{short_hash(a, b)}")


def ranked_keys(ranking: Ranking, members: Mapping[Pair, int], reader: GraphReader) -> dict[Pair, int]:
    """{pair: key} of pairs given as {pair: primary value} (whole buckets)."""
    buckets: dict[int, list[Pair]] = {}
    for pair, primary in members.items():
        buckets.setdefault(ranking.bucket(primary, reader.label(pair[0]) or ""), []).append(pair)
    keys: dict[Pair, int] = {}
    for b, pairs in buckets.items():
        primary = ranking.primary(b)
        pairs.sort(
            key=lambda p: ranking.rank_key(p, (reader.label(p[0]) or "", reader.label(p[1]) or ""), primary)
        )
        ranks = spread_bucket(len(pairs), ranking.rank_bits)
        keys.update((p, pack(b, rank, ranking.rank_bits)) for rank, p in zip(ranks, pairs, strict=True))
    return keys


def dense_pair_keys(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads with each pair key replaced by its dense rank in its bucket, graph by graph. A writer's keys
    leave gaps between neighbours (:func:`.order_buckets.gapped_ranks`) that depend on the order pairs came
    in (a recount's are spread evenly, :func:`.order_buckets.spread_bucket`); two stores whose pairs sort
    the same way give the same quads here."""
    bits = {r.predicate: r.rank_bits for r in RANKINGS}
    quads = list(quads)
    values: dict[tuple[object, ox.NamedNode, int], set[int]] = {}
    for q in quads:
        if q.predicate in bits and isinstance(q.object, ox.Literal):
            key = int(q.object.value)
            values.setdefault((q.graph_name, q.predicate, key >> bits[q.predicate]), set()).add(key)
    dense = {
        (graph, p, key): pack(bucket, rank, bits[p])
        for (graph, p, bucket), keys in values.items()
        for rank, key in enumerate(sorted(keys))
    }
    return [
        ox.Quad(
            q.subject,
            q.predicate,
            int_lit(dense[q.graph_name, q.predicate, int(q.object.value)]),
            q.graph_name,
        )
        if q.predicate in bits and isinstance(q.object, ox.Literal)
        else q
        for q in quads
    ]


def node_quads(pair: Pair, partners: Iterable[str]) -> list[ox.Quad]:
    node = pair_node(*pair)
    out = [ox.Quad(node, FIRST, ox.NamedNode(pair[0]), RESOLVED_GRAPH)]
    out += [ox.Quad(node, SECOND, ox.NamedNode(pair[1]), RESOLVED_GRAPH)]
    return out + [ox.Quad(node, SHARED_PARTNER, ox.NamedNode(p), RESOLVED_GRAPH) for p in sorted(partners)]


def missing_pair_order(store: ox.Store) -> list[ox.Quad]:
    """The pair nodes, shared partners and keys of a graph written without them (counted from scratch, every
    pair held in memory: the tests' oracle; a store fills them with :func:`.pair_fill.pair_order_quads`), in
    graph/resolved."""
    reader = GraphReader(store)
    state = pair_facts(store, reader)
    out = [q for pair in sorted(state) for q in node_quads(pair, state[pair][1])]
    for ranking in RANKINGS:
        members = {p: v for p, s in state.items() if (v := ranking.of(s)) is not None}
        keys = ranked_keys(ranking, members, reader)
        out += (
            ox.Quad(pair_node(*p), ranking.predicate, int_lit(k), RESOLVED_GRAPH)
            for p, k in sorted(keys.items())
        )
    return out


def lacks_pair_order(store: ox.Store) -> bool:
    """Whether a graph with agreements or partners lacks the pair keys."""
    has_links = any(next(iter(store.quads_for_pattern(None, p, None, MERGED)), None) for p in LINKS)
    return has_links and next(iter(store.quads_for_pattern(None, FIRST, None, MERGED)), None) is None
