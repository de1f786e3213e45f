"""Kept pair keys: the place of a pair of companies in the answers of ``deals`` and ``companies-sharing-a-
partner``, kept by the store so that a page of either is ranked by one integer per pair.

``companies-sharing-a-partner`` ranks and pages its pairs by ``pkg:sharedPartnerOrder``; ``deals`` does not
use ``pkg:dealOrder`` yet (its columns per pair of a page are still to be written in a form Oxigraph loops
over: see BENCHMARKS.md, branch ``q-pairs``). Both questions list pairs of companies (10,307 pairs sharing a
partner and 1,613 deals at 1.7k releases), and ranking every pair first (dates of its documents, both names,
the number of shared partners: the whole join) cost 0.7 to 1.8 s whatever the page. The store keeps one node
per pair of companies that is a deal or shares a partner, ``resource/pair/HASH(a, b)`` with ``a`` < ``b`` by
IRI as the questions order them, with ``pkg:firstCompany a``, ``pkg:secondCompany b`` and one integer per
answer it is in:

- ``pkg:dealOrder`` (a deal: an agreement of the two stated by a named document, both named): sorts as
  ``?date LCASE(?parties)``, then ``?parties`` and the IRIs. Its bucket is the date (0 when a document of
  the deal has none: the answer's date is then unbound and sorts first; else 1 + the first date's ordinal
  day) and the first three bytes of the lower-cased first name, the rank within it 16 bits.
- ``pkg:sharedPartnerOrder`` (the two share a named partner company): sorts as ``DESC(?sharedPartners)
  LCASE(?companyName) LCASE(?otherCompany) ?companyName ?otherCompany``, then the IRIs. Its bucket is 2047
  minus the count (11 bits) and the first four bytes of the lower-cased first name, the rank 20 bits.

So a change re-ranks the few pairs of a bucket (:mod:`pharmakg.graph.order_buckets`). What a batch changes is
followed from the quads the store writes and removes (:meth:`PairOrder.seen`): an agreement written or
removed recomputes its parties' deal; a partner link (``pkg:partnerOf``, ``pkg:madePaymentTo``) or a
company's type that appears in or leaves the merged graph recomputes the shared partners of both ends; a
company renamed or merged, or whose label changed, has all its pairs recomputed. The keys depend only on the
current graph, so a store built in several runs holds the keys of one built at once.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from pharmakg.graph.order_buckets import pack, read_keys, remove_key
from pharmakg.graph.rdf_terms import DCT, RDF_TYPE, RESOLVED_GRAPH, SKOS, XSD, int_lit, n, short_hash
from pharmakg.ontology.namespaces import PKG, PROV, RESOURCES_IRI

MERGED = ox.DefaultGraph()
FIRST, SECOND = n(PKG.firstCompany), n(PKG.secondCompany)
DEAL_ORDER, SHARED_ORDER = n(PKG.dealOrder), n(PKG.sharedPartnerOrder)
TYPE, COMPANY, AGREEMENT = n(RDF_TYPE), n(PKG.Company), n(PKG.Agreement)
PARTNER_OF, PAID = n(PKG.partnerOf), n(PKG.madePaymentTo)
HAS_AGREEMENT, PARTY, DERIVED_FROM = n(PKG.agreement), n(PKG.party), n(PROV.wasDerivedFrom)
PREF_LABEL, DOC_NAME, DATE = n(SKOS + "prefLabel"), n(PKG.documentName), n(DCT + "date")
XSD_DATE = n(XSD + "date")
LINKS = (PARTNER_OF, PAID)
WATCHED = frozenset({PARTNER_OF, PAID, HAS_AGREEMENT, PARTY, TYPE})
NOT_A_DATE = 1 << 22  # after every date's bucket: a date that is not an xsd:date (pharmakg writes none)
MAX_COUNT = (1 << 11) - 1
_Pair = tuple[str, str]


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

    def rank_key(self, pair: _Pair, labels: tuple[str, str], primary: int) -> tuple[object, ...]:
        (a, b), (la, lb) = pair, labels
        if self.predicate == DEAL_ORDER:  # ?date LCASE(?parties) ?parties, CONCAT(aName, "; ", bName)
            return (la.lower() + "; " + lb.lower(), la + "; " + lb, a, b)
        return (-primary, la.lower(), lb.lower(), la, lb, a, b)


DEALS = Ranking(DEAL_ORDER, prefix_bytes=3, rank_bits=16, descending=False)
SHARED = Ranking(SHARED_ORDER, prefix_bytes=4, rank_bits=20, descending=True)
RANKINGS = (DEALS, SHARED)


def _value(term: object) -> str:
    """The IRI or text of a term read from the store (never a quoted triple here)."""
    assert isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal), term
    return term.value


def _node(term: object) -> ox.NamedNode | ox.BlankNode:
    assert isinstance(term, ox.NamedNode | ox.BlankNode), term
    return term


def pair_node(a: str, b: str) -> ox.NamedNode:
    """The node of the pair ``a`` < ``b`` (by IRI)."""
    return ox.NamedNode(f"{RESOURCES_IRI}pair/{short_hash(a, b)}")


def _ordered(x: str, y: str) -> _Pair:
    return (x, y) if x < y else (y, x)


class GraphReader:
    """Labels, company types and partner links of the merged graph, each read once; ``labels`` overrides the
    store's preferred labels (those of the entities being refreshed, not written yet)."""

    def __init__(self, store: ox.Store, labels: Mapping[str, str | None] | None = None) -> None:
        self.store = store
        self._labels: dict[str, str | None] = dict(labels or {})
        self._companies: dict[str, bool] = {}
        self._links: dict[str, set[str]] = {}

    def label(self, iri: str) -> str | None:
        if iri not in self._labels:
            q = next(iter(self.store.quads_for_pattern(ox.NamedNode(iri), PREF_LABEL, None, MERGED)), None)
            self._labels[iri] = q.object.value if q is not None and isinstance(q.object, ox.Literal) else None
        return self._labels[iri]

    def is_company(self, iri: str) -> bool:
        if iri not in self._companies:
            self._companies[iri] = ox.Quad(ox.NamedNode(iri), TYPE, COMPANY, MERGED) in self.store
        return self._companies[iri]

    def linked(self, iri: str) -> set[str]:
        """The companies the entity is a partner of, paid or was paid by (itself left out)."""
        if iri not in self._links:
            e, found = ox.NamedNode(iri), set()
            for p in LINKS:
                found |= {_value(q.object) for q in self.store.quads_for_pattern(e, p, None, MERGED)}
            found |= {_value(q.subject) for q in self.store.quads_for_pattern(None, PAID, e, MERGED)}
            found.discard(iri)
            self._links[iri] = {c for c in found if self.is_company(c)}
        return self._links[iri]

    def shared_counts(self, c: str) -> dict[str, int]:
        """{other company: number of named partner companies they share} of a named company."""
        counts: dict[str, int] = {}
        if not self.is_company(c) or self.label(c) is None:
            return counts
        for p in self.linked(c):
            if self.label(p) is None:
                continue
            for b in self.linked(p) - {c}:
                counts[b] = counts.get(b, 0) + 1
        return {b: k for b, k in counts.items() if self.label(b) is not None}

    def _agreements(self, c: str) -> Iterator[ox.NamedNode | ox.BlankNode]:
        for q in self.store.quads_for_pattern(ox.NamedNode(c), HAS_AGREEMENT, None, MERGED):
            if isinstance(q.object, ox.NamedNode | ox.BlankNode):
                yield q.object

    def _date_bucket(self, ag: ox.NamedNode | ox.BlankNode) -> Iterator[int]:
        """The date bucket of each named document the agreement is derived from."""
        for q in self.store.quads_for_pattern(ag, DERIVED_FROM, None, MERGED):
            doc = q.object
            if not isinstance(doc, ox.NamedNode):
                continue
            if next(iter(self.store.quads_for_pattern(doc, DOC_NAME, None, MERGED)), None) is None:
                continue
            yield _date_value(next(iter(self.store.quads_for_pattern(doc, DATE, None, MERGED)), None))

    def deal(self, a: str, b: str) -> int | None:
        """The date bucket of the deal of ``a`` and ``b`` (None: they have none), from the agreements of the
        company with fewer (both lists are walked together until the shorter one ends)."""
        if a == b or self.label(a) is None or self.label(b) is None:
            return None
        seen: tuple[list[ox.NamedNode | ox.BlankNode], list[ox.NamedNode | ox.BlankNode]] = ([], [])
        for ag_a, ag_b in itertools.zip_longest(self._agreements(a), self._agreements(b)):
            if ag_a is None:  # all of a's agreements are read: those with b are among them
                return self._deal_of(seen[0], b)
            if ag_b is None:
                return self._deal_of(seen[1], a)
            seen[0].append(ag_a)
            seen[1].append(ag_b)
        return self._deal_of(seen[0], b)

    def _deal_of(self, agreements: Iterable[ox.NamedNode | ox.BlankNode], other: str) -> int | None:
        dates: list[int] = []
        for ag in agreements:
            if ox.Quad(ag, PARTY, ox.NamedNode(other), MERGED) in self.store and (
                ox.Quad(ag, TYPE, AGREEMENT, MERGED) in self.store
            ):
                dates.extend(self._date_bucket(ag))
        if not dates:
            return None
        return 0 if 0 in dates else min(dates)

    def deal_partners(self, c: str) -> set[str]:
        """The other parties of the company's agreements."""
        found: set[str] = set()
        for ag in self._agreements(c):
            found |= {_value(q.object) for q in self.store.quads_for_pattern(ag, PARTY, None, MERGED)}
        found.discard(c)
        return found


def _date_value(q: ox.Quad | None) -> int:
    if q is None or not isinstance(q.object, ox.Literal):
        return 0
    if q.object.datatype == XSD_DATE:
        try:
            return 1 + datetime.date.fromisoformat(q.object.value).toordinal()
        except ValueError:
            pass
    return NOT_A_DATE


def ranked_keys(ranking: Ranking, members: Mapping[_Pair, int], reader: GraphReader) -> dict[_Pair, int]:
    """{pair: key} of pairs given as {pair: primary value} (whole buckets)."""
    buckets: dict[int, list[_Pair]] = {}
    for pair, primary in members.items():
        buckets.setdefault(ranking.bucket(primary, reader.label(pair[0]) or ""), []).append(pair)
    keys: dict[_Pair, int] = {}
    for b, pairs in buckets.items():
        primary = ranking.primary(b)
        pairs.sort(
            key=lambda p: ranking.rank_key(p, (reader.label(p[0]) or "", reader.label(p[1]) or ""), primary)
        )
        keys.update((p, pack(b, rank, ranking.rank_bits)) for rank, p in enumerate(pairs))
    return keys


def pair_facts(store: ox.Store) -> dict[_Pair, tuple[int | None, int | None]]:
    """{pair: (deal date bucket, shared partners)} of every pair of a graph, counted from scratch."""
    reader = GraphReader(store)
    state: dict[_Pair, list[int | None]] = {}
    for q in store.quads_for_pattern(None, TYPE, AGREEMENT, MERGED):
        parties = {_value(x.object) for x in store.quads_for_pattern(q.subject, PARTY, None, MERGED)}
        for pair in itertools.combinations(sorted(parties), 2):
            if pair not in state and (d := reader.deal(*pair)) is not None:
                state[pair] = [d, None]
    for q in store.quads_for_pattern(None, TYPE, COMPANY, MERGED):
        c = _value(q.subject)
        for o, k in reader.shared_counts(c).items():
            if c < o:
                state.setdefault((c, o), [None, None])[1] = k
    return {pair: (d, k) for pair, (d, k) in state.items()}


def _facts_quads(state: Mapping[_Pair, tuple[int | None, int | None]], reader: GraphReader) -> list[ox.Quad]:
    out: list[ox.Quad] = []
    for pair in sorted(state):
        node = pair_node(*pair)
        out += [ox.Quad(node, FIRST, ox.NamedNode(pair[0]), RESOLVED_GRAPH)]
        out += [ox.Quad(node, SECOND, ox.NamedNode(pair[1]), RESOLVED_GRAPH)]
    for i, ranking in enumerate(RANKINGS):
        members = {p: s[i] for p, s in state.items() if s[i] is not None}
        keys = ranked_keys(ranking, members, reader)  # type: ignore[arg-type]
        out += [
            ox.Quad(pair_node(*p), ranking.predicate, int_lit(k), RESOLVED_GRAPH)
            for p, k in sorted(keys.items())
        ]
    return out


def missing_pair_order(store: ox.Store) -> list[ox.Quad]:
    """The pair nodes and keys of a graph written without them, in graph/resolved."""
    return _facts_quads(pair_facts(store), GraphReader(store))


def lacks_pair_order(store: ox.Store) -> bool:
    """Whether a graph with agreements or partners lacks the pair keys."""
    has_links = any(next(iter(store.quads_for_pattern(None, p, None, MERGED)), None) for p in LINKS)
    return has_links and next(iter(store.quads_for_pattern(None, FIRST, None, MERGED)), None) is None


@dataclass
class _Keys:
    """A ranking's keys as the store holds them: {pair node IRI: key}, {bucket: node IRIs}."""

    keys: dict[str, int] = field(default_factory=dict)
    buckets: dict[int, set[str]] = field(default_factory=dict)


class PairOrder:
    """The pair keys of a store, read once from it, then kept up to date from what the writer changes."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._kept: list[_Keys] | None = None
        self._agreements: dict[
            ox.NamedNode | ox.BlankNode, set[str]
        ] = {}  # agreements written or removed -> parties seen
        self._companies: set[str] = set()  # companies whose shared partners are recounted (all their pairs)
        self._deal_companies: set[str] = (
            set()
        )  # companies whose deals are all recomputed (renamed, relabelled)
        self._links: set[ox.Quad] = set()  # partner links or types that left a document graph
        self._labels: dict[str, str | None] = {}  # companies being refreshed: their label before

    def _loaded(self) -> list[_Keys]:
        if self._kept is None:
            self._kept = []
            for r in RANKINGS:
                keys, buckets = read_keys(self.store, r.predicate, r.rank_bits)
                self._kept.append(_Keys(keys, buckets))
        return self._kept

    # ------------------------------------------------------------------------------- what changed
    def seen(self, q: ox.Quad, written: bool) -> None:
        """A quad of a document graph about to be written or removed (``q.predicate`` in WATCHED)."""
        p, s, o = q.predicate, q.subject, q.object
        if p == TYPE and o != COMPANY:
            return
        triple = ox.Quad(s, p, o, MERGED)
        if p in (HAS_AGREEMENT, PARTY):
            ag, party = (o, s) if p == HAS_AGREEMENT else (s, o)
            self._agreements.setdefault(_node(ag), set()).add(_value(party))
        elif not written:
            self._links.add(triple)  # recounted at the update if it leaves the merged graph
        elif triple not in self.store:  # a new link or company
            self._touch_link(triple)

    def _touch_link(self, triple: ox.Quad) -> None:
        ends = [t.value for t in (triple.subject, triple.object) if isinstance(t, ox.NamedNode)]
        self._companies.update(ends if triple.predicate != TYPE else ends[:1])
        if triple.predicate == TYPE:  # a new company: the pairs it is the shared partner of
            self._companies |= GraphReader(self.store).linked(ends[0]) if ends else set()

    def renaming(self, old: str, new: str) -> None:
        """``old`` is about to be merged into ``new``: their pairs, and the pairs they are the shared partner
        of (their partners' pairs), are recounted at the next update."""
        reader = GraphReader(self.store)
        self._companies |= {old, new} | reader.linked(old) | reader.linked(new)
        self._deal_companies |= {old, new}

    def labels_before(self, entities: Iterable[str]) -> None:
        """The current labels of the companies among ``entities``, before a refresh replaces them."""
        reader = GraphReader(self.store)
        for iri in entities:
            if reader.is_company(iri):
                self._labels[iri] = reader.label(iri)

    # -------------------------------------------------------------------------------------- update
    def update(self, labels: Mapping[str, str | None]) -> list[ox.Quad]:
        """New pair facts, in graph/resolved, after a batch (``labels``: the new labels of the entities
        refreshed); the facts they replace are removed from the store."""
        reader = GraphReader(self.store, labels)
        for triple in self._links:
            if triple not in self.store:  # no other document holds it
                self._touch_link(triple)
        for iri, before in self._labels.items():
            after = labels.get(iri, before)
            if after != before:
                self._companies.add(iri)
                self._deal_companies.add(iri)
                if (after is None) != (before is None):  # a partner named or no more: its partners' pairs
                    self._companies |= reader.linked(iri)
        deals: set[_Pair] = set()  # the pairs of the agreements written or removed: their deal is recomputed
        for ag, parties in self._agreements.items():
            parties |= {_value(q.object) for q in self.store.quads_for_pattern(ag, PARTY, None, MERGED)}
            deals |= {_ordered(x, y) for x, y in itertools.combinations(sorted(parties), 2)}
        companies, deal_companies = self._companies, self._deal_companies
        self._companies, self._deal_companies, self._agreements = set(), set(), {}
        self._links, self._labels = set(), {}
        if not companies and not deals and not deal_companies:
            return []
        return self._apply(reader, companies, deals, deal_companies)

    def _apply(
        self, reader: GraphReader, companies: set[str], deals: set[_Pair], deal_companies: set[str]
    ) -> list[ox.Quad]:
        kept = self._loaded()
        nodes: dict[str, _Pair] = {}  # existing nodes of the pairs to recompute -> their members
        for c in sorted(companies | deal_companies):
            for p in (FIRST, SECOND):
                for q in self.store.quads_for_pattern(None, p, ox.NamedNode(c), MERGED):
                    nodes[_value(q.subject)] = self._members(ox.NamedNode(_value(q.subject)))
        # (a new partner link changes no deal: a hub's deals are recomputed only when renamed or relabelled)
        for c in sorted(deal_companies):
            deals |= {_ordered(c, o) for o in reader.deal_partners(c)}
        for pair in deals:
            node = pair_node(*pair).value
            if node in kept[0].keys or node in kept[1].keys:
                nodes.setdefault(node, pair)
        state: dict[_Pair, list[int | None]] = {}
        for node, (a, b) in nodes.items():  # what is kept of the pairs not recomputed
            if a != b:
                state[_ordered(a, b)] = [self._primary(i, node) for i in range(len(RANKINGS))]
        for a, b in {*deals, *(p for p in nodes.values() if set(p) & deal_companies)}:
            if a != b:
                state.setdefault(_ordered(a, b), [None, None])[0] = reader.deal(a, b)
        for c in companies:
            for pair, s in state.items():
                if c in pair:
                    s[1] = None
            for o, k in reader.shared_counts(c).items():
                state.setdefault(_ordered(c, o), [None, None])[1] = k
        return self._write(reader, nodes, state)

    def _members(self, node: ox.NamedNode) -> _Pair:
        first, second = (
            next((_value(q.object) for q in self.store.quads_for_pattern(node, p, None, MERGED)), "")
            for p in (FIRST, SECOND)
        )
        return first, second

    def _primary(self, i: int, node: str) -> int | None:
        key = self._loaded()[i].keys.get(node)
        return None if key is None else RANKINGS[i].primary(key >> RANKINGS[i].rank_bits)

    def _write(
        self, reader: GraphReader, nodes: dict[str, _Pair], state: dict[_Pair, list[int | None]]
    ) -> list[ox.Quad]:
        kept = self._loaded()
        touched: list[set[int]] = [set() for _ in RANKINGS]
        for node in nodes:  # every old node goes (a rename may have left it under another IRI)
            for i, k in enumerate(kept):
                old = k.keys.pop(node, None)
                if old is not None:
                    touched[i].add(old >> RANKINGS[i].rank_bits)
                    k.buckets[old >> RANKINGS[i].rank_bits].discard(node)
            for q in list(self.store.quads_for_pattern(ox.NamedNode(node), None, None, None)):
                self.store.remove(q)
        new: list[ox.Quad] = []
        members: dict[str, _Pair] = {}
        for pair, s in sorted(state.items()):
            if s == [None, None]:
                continue
            pair_iri = pair_node(*pair)
            members[pair_iri.value] = pair
            new += [ox.Quad(pair_iri, FIRST, ox.NamedNode(pair[0]), RESOLVED_GRAPH)]
            new += [ox.Quad(pair_iri, SECOND, ox.NamedNode(pair[1]), RESOLVED_GRAPH)]
            for i, ranking in enumerate(RANKINGS):
                primary = s[i]
                if primary is not None:
                    b = ranking.bucket(primary, reader.label(pair[0]) or "")
                    kept[i].buckets.setdefault(b, set()).add(pair_iri.value)
                    touched[i].add(b)
        for i, ranking in enumerate(RANKINGS):
            new += self._rerank(i, ranking, touched[i], members, reader)
        return new

    def _rerank(
        self, i: int, ranking: Ranking, buckets: set[int], members: dict[str, _Pair], reader: GraphReader
    ) -> list[ox.Quad]:
        k = self._loaded()[i]
        new: list[ox.Quad] = []
        for b in sorted(buckets):
            nodes = k.buckets.get(b, set())
            pairs = {node: members.get(node) or self._members(ox.NamedNode(node)) for node in nodes}
            primary = ranking.primary(b)
            ranked = sorted(
                nodes,
                key=lambda nd: ranking.rank_key(
                    pairs[nd], (reader.label(pairs[nd][0]) or "", reader.label(pairs[nd][1]) or ""), primary
                ),
            )
            for rank, node in enumerate(ranked):
                key = pack(b, rank, ranking.rank_bits)
                if k.keys.get(node) != key:
                    if node in k.keys:
                        remove_key(self.store, node, ranking.predicate)
                    k.keys[node] = key
                    new.append(ox.Quad(ox.NamedNode(node), ranking.predicate, int_lit(key), RESOLVED_GRAPH))
        return new
