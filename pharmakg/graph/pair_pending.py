"""What a batch changed that the kept pair facts depend on (:mod:`pharmakg.graph.pair_order`): the news
:meth:`PairOrder.seen <pharmakg.graph.pair_order.PairOrder.seen>` and ``renaming`` gather, and the new state
of a pair they lead to."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from pharmakg.graph.pair_links import HAS_AGREEMENT, PAID, PARTNER_OF, PARTY, TYPE, Pair, value

MERGED = ox.DefaultGraph()
WATCHED = frozenset({PARTNER_OF, PAID, HAS_AGREEMENT, PARTY, TYPE})  # the predicates whose quads are news


@dataclass
class Entry:
    """The new state of a pair: its deal's date bucket and its shared partners."""

    deal: int | None = None
    partners: set[str] = field(default_factory=set)


@dataclass
class Pending:
    """What a batch changed that the pair facts depend on (IRIs as the store holds them now)."""

    partners: dict[str, set[str]] = field(default_factory=dict)  # partner -> entities linked or unlinked
    entities: set[str] = field(default_factory=set)  # company type or name appeared or went
    agreements: dict[ox.NamedNode | ox.BlankNode, set[str]] = field(default_factory=dict)  # -> parties
    renamed: set[str] = field(default_factory=set)  # a pure rename's new IRI: its pairs move to new nodes
    merged: set[str] = field(default_factory=set)  # an IRI another entity merged into: its pairs recounted
    recounted: set[Pair] = field(default_factory=set)  # they shared both IRIs of a merge: one partner less
    deal_companies: set[str] = field(default_factory=set)  # every deal of theirs recomputed
    relabelled: set[str] = field(default_factory=set)  # their pairs re-ranked
    left: set[ox.Quad] = field(default_factory=set)  # link or type triples that left a document graph
    labels: dict[str, str | None] = field(default_factory=dict)  # companies being refreshed: label before

    def remap(self, old: str, new: str) -> None:
        """News about ``old`` is about ``new`` once it is renamed."""
        if old in self.partners:
            self.partners.setdefault(new, set()).update(self.partners.pop(old))
        for group in (*self.partners.values(), *self.agreements.values()):
            if old in group:
                group.discard(old)
                group.add(new)
        for names in (self.entities, self.renamed, self.merged, self.deal_companies, self.relabelled):
            if old in names:
                names.discard(old)
                names.add(new)
        self.recounted = {(new if a == old else a, new if b == old else b) for a, b in self.recounted}
        o, nw = ox.NamedNode(old), ox.NamedNode(new)
        self.left = {
            ox.Quad(
                nw if q.subject == o else q.subject, q.predicate, nw if q.object == o else q.object, MERGED
            )
            for q in self.left
        }

    def link(self, triple: ox.Quad) -> None:
        """A link or company type that appeared in or left the merged graph."""
        s, o = value(triple.subject), value(triple.object)
        if triple.predicate == TYPE:
            self.entities.add(s)
            return
        self.partners.setdefault(o, set()).add(s)  # o in L(s)
        if triple.predicate == PAID:
            self.partners.setdefault(s, set()).add(o)  # and s in L(o)
