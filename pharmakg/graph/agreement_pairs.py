"""Kept ``?ag pkg:agreementPair ?pair``: the pair node of each two companies of an agreement, so that the
deals question's agreement branches start from the pair of a page's row.

A page of ``deals`` (queries/deals.rq) finds the columns of each of its pairs in branches that Oxigraph loops
over per pair. The agreement branches read ``?b pkg:agreement ?ag . ?ag pkg:party ?a``: every agreement of
``?b`` for each row, hundreds for a hub company, although few of them are with ``?a`` (BENCHMARKS.md, branch
``q-deals9``). With this fact the agreements branch and the supporting-statements branch start from
``?ag pkg:agreementPair ?pair`` (one lookup by the pair node: the pair's own agreements) and check the party
links as before; the assets branch still starts from ``?b`` (BENCHMARKS.md, branch ``q-deals10``, says why).

The fact: for each ``pkg:Agreement`` ``ag`` of the merged graph, each party ``x`` (``?ag pkg:party ?x``) and
each holder ``y`` (``?y pkg:agreement ?ag``) with ``x`` != ``y``, the node of the pair of ``x`` and ``y``
(:func:`pharmakg.graph.pair_order.pair_node`, which orders them by IRI), in graph/resolved (the store copies
it into the merged graph). pharmakg writes an agreement with its two parties holding it both ways, in one
document, so that is one pair per agreement. It depends on the agreement's quads and on its companies' IRIs,
so the writer (:class:`AgreementPairs`) recomputes the facts of the agreements whose party, holder or type
quads a batch writes or removes (a document added, changed or leaving) and of the agreements of the companies
renamed or merged; :func:`missing_agreement_pairs` counts them from scratch (the tests' oracle, and a graph
written without them gets them once: :func:`pharmakg.graph.stream_fill.fill_missing`).

Kept with it, ``?ag pkg:agreementAsset ?c``: the subject ``c`` of each statement ``s`` of the agreement's
sentences (``?ag pkg:sentenceStatement ?s``, :mod:`pharmakg.graph.deal_facts`) whose object is one of the
agreement's companies (its parties and holders), for an agreement with a pair fact. The deals question's
assets branch read every agreement of ``?b`` per row to find them (``?b pkg:agreement ?ag . ?ag pkg:party ?a
. ?ag pkg:sentenceStatement ?s``, then the statement's object and subject); with this fact it starts from the
pair's own agreements as the other agreement branches do, and checks only that ``c`` is a compound and
reads its name (BENCHMARKS.md, branch ``q-deals11``). The question asks for statements about ``?a`` or ``?b``,
the two companies of the pair; an agreement's companies are exactly its pair's two (pharmakg writes two
parties each holding it; a merge only joins them), so the fact is the question's answer per agreement. It
depends on what the pair facts depend on and on the agreement's sentence statements (written and removed
with its document, so the same agreements are recomputed) and their subjects and objects (of the same
document; a rename rewrites the kept fact with them, and a company renamed or merged recomputes the
agreements it holds).

And ``?pay pkg:paymentPair ?pair`` for each ``pkg:Payment``: the node of the pair of each payer and each other
payee, so that the payments branches start from the pair's own payments (``?pay pkg:paymentPair ?pair .
?pay pkg:payer ?a . ?pay pkg:payee ?b``) instead of every payment of ``?a`` (hundreds for a hub, per row);
recomputed for the payments whose type quad a batch writes or removes (written with its payer and payee)
and for the payments of the companies renamed or merged.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from pharmakg.graph.deal_facts import (
    OBJECT,
    SENTENCE_STATEMENT,
    SUBJECT,
    agreement_links,
    lacks_sentence_statements,
)
from pharmakg.graph.pair_links import AGREEMENT, HAS_AGREEMENT, PARTY, TYPE, lacks_kept_facts, ordered
from pharmakg.graph.pair_order import pair_node
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, n
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
AGREEMENT_PAIR, AGREEMENT_ASSET = n(PKG.agreementPair), n(PKG.agreementAsset)
PAYMENT, PAYER, PAYEE, PAYMENT_PAIR = n(PKG.Payment), n(PKG.payer), n(PKG.payee), n(PKG.paymentPair)
KEPT = (AGREEMENT_PAIR, AGREEMENT_ASSET, PAYMENT_PAIR)  # the kinds of fact an agreement or payment keeps
_Node = ox.NamedNode | ox.BlankNode


def agreement_pairs(store: ox.Store, ag: _Node) -> set[ox.Quad]:
    """The kept pair facts of one agreement, in graph/resolved (none unless it is a ``pkg:Agreement`` of the
    merged graph with a party and another holder)."""
    return _pairs(store, ag, *_companies(store, ag))


def agreement_assets(store: ox.Store, ag: _Node, links_kept: bool = True) -> set[ox.Quad]:
    """The kept asset facts of one agreement, in graph/resolved (none unless it has a pair fact), from its
    kept sentence links (``links_kept``) or from the links found anew (a graph that lacks them: they are
    filled in the same fill)."""
    parties, holders = _companies(store, ag)
    if not _pairs(store, ag, parties, holders):
        return set()
    companies = parties | holders
    out: set[ox.Quad] = set()
    links = (
        store.quads_for_pattern(ag, SENTENCE_STATEMENT, None, MERGED)
        if links_kept
        else agreement_links(store, ag)
    )
    for link in links:
        s = link.object
        if not isinstance(s, ox.NamedNode | ox.BlankNode):
            continue
        if not _iris(q.object for q in store.quads_for_pattern(s, OBJECT, None, MERGED)) & companies:
            continue  # a statement about another company: not an asset of this deal
        out.update(
            ox.Quad(ag, AGREEMENT_ASSET, c, RESOLVED_GRAPH)
            for c in _nodes(q.object for q in store.quads_for_pattern(s, SUBJECT, None, MERGED))
        )
    return out


def payment_pairs(store: ox.Store, pay: _Node) -> set[ox.Quad]:
    """The kept pair facts of one payment, in graph/resolved (none unless it is a ``pkg:Payment`` of the
    merged graph with a payer and another payee)."""
    if ox.Quad(pay, TYPE, PAYMENT, MERGED) not in store:
        return set()
    payers = _iris(q.object for q in store.quads_for_pattern(pay, PAYER, None, MERGED))
    payees = _iris(q.object for q in store.quads_for_pattern(pay, PAYEE, None, MERGED))
    return {
        ox.Quad(pay, PAYMENT_PAIR, pair_node(*ordered(x, y)), RESOLVED_GRAPH)
        for x in payers
        for y in payees
        if x != y
    }


def agreement_facts(store: ox.Store, node: _Node) -> set[ox.Quad]:
    """Every kept fact of one agreement or payment (each kind asks for its own type)."""
    return agreement_pairs(store, node) | agreement_assets(store, node) | payment_pairs(store, node)


def _companies(store: ox.Store, ag: _Node) -> tuple[set[str], set[str]]:
    """An agreement's parties and holders in the merged graph (none unless it is a ``pkg:Agreement``)."""
    if ox.Quad(ag, TYPE, AGREEMENT, MERGED) not in store:
        return set(), set()
    parties = _iris(q.object for q in store.quads_for_pattern(ag, PARTY, None, MERGED))
    holders = _iris(q.subject for q in store.quads_for_pattern(None, HAS_AGREEMENT, ag, MERGED))
    return parties, holders


def _pairs(store: ox.Store, ag: _Node, parties: set[str], holders: set[str]) -> set[ox.Quad]:
    return {
        ox.Quad(ag, AGREEMENT_PAIR, pair_node(*ordered(x, y)), RESOLVED_GRAPH)
        for x in parties
        for y in holders
        if x != y
    }


def _iris(terms: Iterable[object]) -> set[str]:
    return {t.value for t in terms if isinstance(t, ox.NamedNode)}


def missing_agreement_pairs(store: ox.Store) -> list[ox.Quad]:
    """Every agreement's kept facts, counted from scratch (in graph/resolved)."""
    out: set[ox.Quad] = set()
    for q in store.quads_for_pattern(None, TYPE, AGREEMENT, MERGED):
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode):
            out |= agreement_pairs(store, q.subject)
    return sorted(out, key=str)


def missing_agreement_assets(store: ox.Store) -> list[ox.Quad]:
    """Every agreement's kept asset facts, counted from scratch (in graph/resolved)."""
    out: set[ox.Quad] = set()
    links_kept = not lacks_sentence_statements(store)
    for q in store.quads_for_pattern(None, TYPE, AGREEMENT, MERGED):
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode):
            out |= agreement_assets(store, q.subject, links_kept)
    return sorted(out, key=str)


def missing_payment_pairs(store: ox.Store) -> list[ox.Quad]:
    """Every payment's kept pair facts, counted from scratch (in graph/resolved)."""
    out: set[ox.Quad] = set()
    for q in store.quads_for_pattern(None, TYPE, PAYMENT, MERGED):
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode):
            out |= payment_pairs(store, q.subject)
    return sorted(out, key=str)


def lacks_payment_pairs(store: ox.Store) -> bool:
    """Whether a graph with payments kept none of their pair facts (cheap: the first payments)."""
    return lacks_kept_facts(store, PAYMENT_PAIR, (TYPE, PAYMENT), payment_pairs)


def lacks_agreement_pairs(store: ox.Store) -> bool:
    """Whether a graph with agreements kept none of their pair facts (cheap: the first agreements are
    checked)."""
    return lacks_kept_facts(store, AGREEMENT_PAIR, (TYPE, AGREEMENT), agreement_pairs)


def lacks_agreement_assets(store: ox.Store) -> bool:
    """Whether a graph with agreements kept none of their asset facts (cheap: the first agreements); so does
    one that lacks the sentence links they come from (filled before them)."""
    if next(iter(store.quads_for_pattern(None, AGREEMENT_ASSET, None, MERGED)), None) is not None:
        return False
    return lacks_sentence_statements(store) or lacks_kept_facts(
        store, AGREEMENT_ASSET, (TYPE, AGREEMENT), agreement_assets
    )


class AgreementPairs:
    """The agreements' pair and asset facts of a store, recomputed for what the writer changes (see the
    module doc)."""

    WATCHED = frozenset({PARTY, HAS_AGREEMENT, TYPE})

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._agreements: set[_Node] = set()  # agreements and payments whose quads a batch writes or removes
        self._entities: set[str] = set()  # companies renamed or merged into (their new IRIs)

    def seen(self, q: ox.Quad) -> None:
        """A quad of a document graph about to be written or removed."""
        if q.predicate == PARTY or (q.predicate == TYPE and q.object in (AGREEMENT, PAYMENT)):
            ag: object = q.subject
        elif q.predicate == HAS_AGREEMENT:
            ag = q.object
        else:
            return
        if isinstance(ag, ox.NamedNode | ox.BlankNode):
            self._agreements.add(ag)

    def renaming(self, old: str, new: str) -> None:
        """``old`` is about to be renamed ``new`` (or merged into it): its agreements' pairs change."""
        self._entities.discard(old)
        self._entities.add(new)

    def recheck(self, entities: Iterable[str]) -> None:
        """A rolled-back batch touched these entities: recompute at the next update the agreements whose kept
        facts name them (as an asset) or a pair of two of them. A build killed after a document's graph left
        and before the update removed its agreements' facts leaves facts that nothing else names: the
        rollback finds no graph to remove, so the writer never sees those agreements again (their companies
        and compounds are in the journal's entities)."""
        iris = sorted(set(entities))
        for e in iris:
            found = self.store.quads_for_pattern(None, AGREEMENT_ASSET, ox.NamedNode(e), None)
            self._agreements.update(_nodes(q.subject for q in found))
        for i, x in enumerate(iris):
            for y in iris[i + 1 :]:
                for predicate in (AGREEMENT_PAIR, PAYMENT_PAIR):
                    found = self.store.quads_for_pattern(None, predicate, pair_node(x, y), None)
                    self._agreements.update(_nodes(q.subject for q in found))

    def update(self) -> list[ox.Quad]:
        """The new facts (both kinds) after a batch, in graph/resolved; those they replace are removed (every
        graph's copy)."""
        agreements = set(self._agreements)
        for e in sorted(self._entities):
            node = ox.NamedNode(e)
            agreements.update(
                _nodes(q.object for q in self.store.quads_for_pattern(node, HAS_AGREEMENT, None, MERGED))
            )
            for predicate in (PARTY, PAYER, PAYEE):  # (its agreements, and its payments either way)
                agreements.update(
                    _nodes(q.subject for q in self.store.quads_for_pattern(None, predicate, node, MERGED))
                )
        self._agreements, self._entities = set(), set()
        new: list[ox.Quad] = []
        for ag in sorted(agreements, key=str):
            want = agreement_facts(self.store, ag)
            for predicate in KEPT:
                for q in list(self.store.quads_for_pattern(ag, predicate, None, None)):
                    if ox.Quad(q.subject, q.predicate, q.object, RESOLVED_GRAPH) not in want:
                        self.store.remove(q)
                    elif q.graph_name == RESOLVED_GRAPH:
                        want.discard(q)  # kept as it is
            new += sorted(want, key=str)
        return new


def _nodes(terms: Iterable[object]) -> list[_Node]:
    return [t for t in terms if isinstance(t, ox.NamedNode | ox.BlankNode)]
