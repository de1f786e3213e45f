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
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from pharmakg.graph.pair_links import AGREEMENT, HAS_AGREEMENT, PARTY, TYPE, ordered
from pharmakg.graph.pair_order import pair_node
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, n
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
AGREEMENT_PAIR = n(PKG.agreementPair)
_Node = ox.NamedNode | ox.BlankNode


def agreement_pairs(store: ox.Store, ag: _Node) -> set[ox.Quad]:
    """The kept facts of one agreement, in graph/resolved (none unless it is a ``pkg:Agreement`` of the merged
    graph with a party and another holder)."""
    if ox.Quad(ag, TYPE, AGREEMENT, MERGED) not in store:
        return set()
    parties = _iris(q.object for q in store.quads_for_pattern(ag, PARTY, None, MERGED))
    holders = _iris(q.subject for q in store.quads_for_pattern(None, HAS_AGREEMENT, ag, MERGED))
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


def lacks_agreement_pairs(store: ox.Store) -> bool:
    """Whether a graph with agreements kept none of their facts (cheap: the first agreements are checked)."""
    if next(iter(store.quads_for_pattern(None, AGREEMENT_PAIR, None, MERGED)), None) is not None:
        return False
    for i, q in enumerate(store.quads_for_pattern(None, TYPE, AGREEMENT, MERGED)):
        if i >= 1000:
            break
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode) and agreement_pairs(store, q.subject):
            return True
    return False


class AgreementPairs:
    """The agreements' pair facts of a store, recomputed for what the writer changes (see the module doc)."""

    WATCHED = frozenset({PARTY, HAS_AGREEMENT, TYPE})

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._agreements: set[_Node] = set()  # agreements whose quads a batch writes or removes
        self._entities: set[str] = set()  # companies renamed or merged into (their new IRIs)

    def seen(self, q: ox.Quad) -> None:
        """A quad of a document graph about to be written or removed."""
        if q.predicate == PARTY or (q.predicate == TYPE and q.object == AGREEMENT):
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

    def update(self) -> list[ox.Quad]:
        """The new facts after a batch, in graph/resolved; those they replace are removed (every graph's
        copy)."""
        agreements = set(self._agreements)
        for e in sorted(self._entities):
            node = ox.NamedNode(e)
            agreements.update(
                _nodes(q.object for q in self.store.quads_for_pattern(node, HAS_AGREEMENT, None, MERGED))
            )
            agreements.update(
                _nodes(q.subject for q in self.store.quads_for_pattern(None, PARTY, node, MERGED))
            )
        self._agreements, self._entities = set(), set()
        new: list[ox.Quad] = []
        for ag in sorted(agreements, key=str):
            want = agreement_pairs(self.store, ag)
            for q in list(self.store.quads_for_pattern(ag, AGREEMENT_PAIR, None, None)):
                if ox.Quad(q.subject, q.predicate, q.object, RESOLVED_GRAPH) not in want:
                    self.store.remove(q)
                elif q.graph_name == RESOLVED_GRAPH:
                    want.discard(q)  # kept as it is
            new += sorted(want, key=str)
        return new


def _nodes(terms: Iterable[object]) -> list[_Node]:
    return [t for t in terms if isinstance(t, ox.NamedNode | ox.BlankNode)]
