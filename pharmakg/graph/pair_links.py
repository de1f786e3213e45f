"""What the pair keys are computed from (:mod:`pharmakg.graph.pair_order`): companies, their names, the
partner links of companies-sharing-a-partner and the agreements of deals, read from the merged graph.

A company's partners are ``L(x)``: the entities it is a partner of (``pkg:partnerOf``), it paid, or that paid
it (``pkg:madePaymentTo`` either way), itself left out. Two companies ``a`` and ``b`` share the partner ``p``
when ``p`` is in ``L(a)`` and in ``L(b)``, ``p`` is neither of them, and all three are named companies (typed
``pkg:Company`` with a preferred label): what companies-sharing-a-partner.rq counts. The holders of ``p`` are
the entities whose partners include it (the inverse of ``L``), so a link that appears or goes between ``x``
and ``p`` changes the pairs ``(x, b)`` for the holders ``b`` of ``p`` only.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import DCT, RDF_TYPE, SKOS, XSD, n
from pharmakg.ontology.namespaces import PKG, PROV

MERGED = ox.DefaultGraph()
TYPE, COMPANY, AGREEMENT = n(RDF_TYPE), n(PKG.Company), n(PKG.Agreement)
PARTNER_OF, PAID = n(PKG.partnerOf), n(PKG.madePaymentTo)
HAS_AGREEMENT, PARTY, DERIVED_FROM = n(PKG.agreement), n(PKG.party), n(PROV.wasDerivedFrom)
PREF_LABEL, DOC_NAME, DATE = n(SKOS + "prefLabel"), n(PKG.documentName), n(DCT + "date")
XSD_DATE = n(XSD + "date")
NOT_A_DATE = 1 << 22  # after every date's bucket: a date that is not an xsd:date (pharmakg writes none)
Pair = tuple[str, str]
_Node = ox.NamedNode | ox.BlankNode


def lacks_kept_facts(
    store: ox.Store,
    kept: ox.NamedNode,
    subjects: tuple[ox.NamedNode, ox.NamedNode | ox.Literal],
    facts: Callable[[ox.Store, ox.NamedNode | ox.BlankNode], set[ox.Quad]],
    sample: int = 1000,
) -> bool:
    """Whether a graph keeps no ``kept`` fact although some of its ``subjects`` (a predicate and an object,
    such as rdf:type pkg:Agreement) would have one: an old store to fill. Cheap on purpose: one look-up for a
    kept fact, then at most ``sample`` subjects are counted from scratch with ``facts``."""
    if next(iter(store.quads_for_pattern(None, kept, None, MERGED)), None) is not None:
        return False
    predicate, obj = subjects
    for i, q in enumerate(store.quads_for_pattern(None, predicate, obj, MERGED)):
        if i >= sample:
            break
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode) and facts(store, q.subject):
            return True
    return False


def value(term: object) -> str:
    """The IRI or text of a term read from the store (never a quoted triple here)."""
    assert isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal), term
    return term.value


def ordered(x: str, y: str) -> Pair:
    """A pair as the questions orient it: the first company by IRI first."""
    return (x, y) if x < y else (y, x)


class GraphReader:
    """Labels, company types, partners and agreements of the merged graph, each read once; ``labels``
    overrides the store's preferred labels (those of the entities being refreshed, not written yet)."""

    def __init__(self, store: ox.Store, labels: Mapping[str, str | None] | None = None) -> None:
        self.store = store
        self._labels: dict[str, str | None] = dict(labels or {})
        self._companies: dict[str, bool] = {}
        self._linked: dict[str, set[str]] = {}
        self._holders: dict[str, set[str]] = {}

    def cached(self) -> int:
        """How many entities' labels, types and links the reader holds (a fill starts a new one past a
        bound)."""
        return len(self._labels) + len(self._companies) + len(self._linked) + len(self._holders)

    def label(self, iri: str) -> str | None:
        if iri not in self._labels:
            q = next(iter(self.store.quads_for_pattern(ox.NamedNode(iri), PREF_LABEL, None, MERGED)), None)
            self._labels[iri] = q.object.value if q is not None and isinstance(q.object, ox.Literal) else None
        return self._labels[iri]

    def is_company(self, iri: str) -> bool:
        if iri not in self._companies:
            self._companies[iri] = ox.Quad(ox.NamedNode(iri), TYPE, COMPANY, MERGED) in self.store
        return self._companies[iri]

    def named_company(self, iri: str) -> bool:
        """Whether the entity counts in a pair (as either company or as the partner they share)."""
        return self.is_company(iri) and self.label(iri) is not None

    def linked(self, iri: str) -> set[str]:
        """``L(iri)``: the entities it is a partner of, paid, or was paid by (itself left out)."""
        if iri not in self._linked:
            e, found = ox.NamedNode(iri), set()
            for p in (PARTNER_OF, PAID):
                found |= {value(q.object) for q in self.store.quads_for_pattern(e, p, None, MERGED)}
            found |= {value(q.subject) for q in self.store.quads_for_pattern(None, PAID, e, MERGED)}
            found.discard(iri)
            self._linked[iri] = found
        return self._linked[iri]

    def holders(self, iri: str) -> set[str]:
        """The entities whose partners ``L`` include ``iri`` (it left out)."""
        if iri not in self._holders:
            e, found = ox.NamedNode(iri), set()
            for p in (PARTNER_OF, PAID):
                found |= {value(q.subject) for q in self.store.quads_for_pattern(None, p, e, MERGED)}
            found |= {value(q.object) for q in self.store.quads_for_pattern(e, PAID, None, MERGED)}
            found.discard(iri)
            self._holders[iri] = found
        return self._holders[iri]

    def shared(self, c: str) -> dict[str, set[str]]:
        """{other company: the partners it shares with ``c``} of a named company, from its partners."""
        found: dict[str, set[str]] = {}
        if not self.named_company(c):
            return found
        for p in self.linked(c):
            if not self.named_company(p):
                continue
            for b in self.holders(p) - {c}:
                if self.named_company(b):
                    found.setdefault(b, set()).add(p)
        return found

    def shared_partners(self, a: str, b: str) -> set[str]:
        """The partners the pair shares, counted from its two companies (as :meth:`shared` counts them)."""
        if a == b or not (self.named_company(a) and self.named_company(b)):
            return set()
        return {p for p in self.linked(a) & self.linked(b) if p not in (a, b) and self.named_company(p)}

    # ------------------------------------------------------------------------------------------- deals
    def _agreements(self, c: str) -> Iterator[_Node]:
        for q in self.store.quads_for_pattern(ox.NamedNode(c), HAS_AGREEMENT, None, MERGED):
            if isinstance(q.object, ox.NamedNode | ox.BlankNode):
                yield q.object

    def _date_bucket(self, ag: _Node) -> Iterator[int]:
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
        seen: tuple[list[_Node], list[_Node]] = ([], [])
        for ag_a, ag_b in itertools.zip_longest(self._agreements(a), self._agreements(b)):
            if ag_a is None:  # all of a's agreements are read: those with b are among them
                return self._deal_of(seen[0], b)
            if ag_b is None:
                return self._deal_of(seen[1], a)
            seen[0].append(ag_a)
            seen[1].append(ag_b)
        return self._deal_of(seen[0], b)

    def _deal_of(self, agreements: Iterable[_Node], other: str) -> int | None:
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
            found |= {value(q.object) for q in self.store.quads_for_pattern(ag, PARTY, None, MERGED)}
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


def pair_facts(store: ox.Store, reader: GraphReader) -> dict[Pair, tuple[int | None, frozenset[str]]]:
    """{pair: (deal date bucket, shared partners)} of every pair of a graph, counted from scratch."""
    deals: dict[Pair, int] = {}
    for q in store.quads_for_pattern(None, TYPE, AGREEMENT, MERGED):
        parties = {value(x.object) for x in store.quads_for_pattern(q.subject, PARTY, None, MERGED)}
        for pair in itertools.combinations(sorted(parties), 2):
            if pair not in deals and (d := reader.deal(*pair)) is not None:
                deals[pair] = d
    shared: dict[Pair, frozenset[str]] = {}
    for q in store.quads_for_pattern(None, TYPE, COMPANY, MERGED):
        c = value(q.subject)
        shared.update(((c, o), frozenset(ps)) for o, ps in reader.shared(c).items() if c < o)
    return {pair: (deals.get(pair), shared.get(pair, frozenset())) for pair in {*deals, *shared}}
