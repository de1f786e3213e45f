"""``pkg:documentOrder``: a document's place in the list of documents, kept by the store so that the
``documents`` question ranks its rows, and chooses a page of them, by one integer per document.

The question lists documents ordered by ``?date ?document ?docId`` (date, name, identifier; a document without
a date first). Ranking 1,700 documents that way costs Oxigraph about 30 ms (a date and a name lookup per
document, and names decoded at the comparisons of the sort), for a page of 50 as for all of them; one index
scan of integers sorts them in about 1 ms. The integer is the document's *bucket* shifted left by 20 bits plus
its rank in the bucket by (date, name, identifier): bucket 0 for no date, ``1 + date.toordinal()`` for an
``xsd:date``, and one bucket after every date for a date that is not one (a plain string: SPARQL engines sort
the typed dates first; Oxigraph does, and pharmakg writes no other kind). A document never changes (a changed
file is a new document), so adding or removing one re-ranks only the documents of its date. The value depends
only on the documents, not on the order they arrived in.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import pyoxigraph as ox

from pharmakg.graph.order_buckets import KeptKeys, pack, read_keys
from pharmakg.graph.rdf_terms import DCT, RDF_TYPE, RESOLVED_GRAPH, XSD, int_lit, n
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
DOCUMENT_ORDER = n(PKG.documentOrder)
DATE, NAME, IDENTIFIER = n(DCT + "date"), n(PKG.documentName), n(DCT + "identifier")
TYPE, DOCUMENT, XSD_DATE = n(RDF_TYPE), n(PKG.Document), n(XSD + "date")
RANK_BITS = 20
NOT_A_DATE = 1 << 22  # after every date's bucket (date.max.toordinal() is 3,652,059)
_RankKey = tuple[str, str, str]


def _value(store: ox.Store, doc: ox.NamedNode, predicate: ox.NamedNode) -> ox.Literal | None:
    q = next(iter(store.quads_for_pattern(doc, predicate, None, MERGED)), None)
    return q.object if q is not None and isinstance(q.object, ox.Literal) else None


def sort_key(store: ox.Store, doc: ox.NamedNode) -> tuple[int, _RankKey] | None:
    """(bucket, rank key) of a Document node; None when it is not one or lacks a name or an identifier (the
    question lists no such document)."""
    name, ident = _value(store, doc, NAME), _value(store, doc, IDENTIFIER)
    if name is None or ident is None or ox.Quad(doc, TYPE, DOCUMENT, MERGED) not in store:
        return None
    date = _value(store, doc, DATE)
    if date is None:
        return 0, ("", name.value, ident.value)
    if date.datatype == XSD_DATE:
        try:
            return 1 + datetime.date.fromisoformat(date.value).toordinal(), ("", name.value, ident.value)
        except ValueError:
            pass
    return NOT_A_DATE, (date.value, name.value, ident.value)


def _keys_of(bucket: int, members: dict[str, _RankKey]) -> dict[str, int]:
    ranked = sorted(members, key=members.__getitem__)
    return {iri: pack(bucket, rank, RANK_BITS) for rank, iri in enumerate(ranked)}


def missing_order(store: ox.Store) -> list[ox.Quad]:
    """The keys of every document of a graph written without them, in graph/resolved."""
    buckets: dict[int, dict[str, _RankKey]] = {}
    for q in store.quads_for_pattern(None, TYPE, DOCUMENT, MERGED):
        if isinstance(q.subject, ox.NamedNode) and (found := sort_key(store, q.subject)) is not None:
            buckets.setdefault(found[0], {})[q.subject.value] = found[1]
    keys = {iri: key for b, members in buckets.items() for iri, key in _keys_of(b, members).items()}
    return [ox.Quad(ox.NamedNode(i), DOCUMENT_ORDER, int_lit(keys[i]), RESOLVED_GRAPH) for i in sorted(keys)]


class DocumentOrder:
    """The keys of a store's documents, read once from the store, then kept as documents come and go. The
    keys an update replaces go at :meth:`remove_replaced`, once their new values are written."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._kept: KeptKeys | None = None  # (None: not read yet)
        self._rank: dict[str, _RankKey] = {}  # IRI -> rank key, read once (a document never changes)

    def _loaded(self) -> KeptKeys:
        if self._kept is None:
            self._kept = read_keys(self.store, DOCUMENT_ORDER, RANK_BITS)
        return self._kept

    def update(self, documents: Iterable[ox.NamedNode]) -> list[ox.Quad]:
        """New keys, in graph/resolved, after ``documents`` were added or removed; the keys they replace go
        at :meth:`remove_replaced`."""
        kept = self._loaded()
        unsettled, touched = kept.take_unsettled()
        for doc in [*documents, *map(ox.NamedNode, sorted(unsettled))]:  # (an unsettled one is placed again)
            iri = doc.value
            if (old := kept.drop(iri, RANK_BITS)) is not None:
                touched.add(old)
            self._rank.pop(iri, None)
            found = sort_key(self.store, doc)
            if found is not None:
                touched.add(found[0])
                kept.buckets.setdefault(found[0], set()).add(iri)
                self._rank[iri] = found[1]
        new: list[ox.Quad] = []
        for b in sorted(touched):
            members = {iri: self._rank_key(iri) for iri in kept.buckets.get(b, ())}
            new += [
                kept.assign(iri, key)
                for iri, key in sorted(_keys_of(b, members).items())
                if kept.keys.get(iri) != key
            ]
        return new

    def remove_replaced(self) -> None:
        """Remove the old keys the last update replaced (call once its new keys are written)."""
        if self._kept is not None:
            self._kept.remove_replaced(self.store)

    def _rank_key(self, iri: str) -> _RankKey:
        if iri not in self._rank:
            found = sort_key(self.store, ox.NamedNode(iri))
            self._rank[iri] = found[1] if found is not None else ("", "", iri)
        return self._rank[iri]
