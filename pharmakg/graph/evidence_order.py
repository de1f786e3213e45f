"""``pkg:evidenceOrder``: where a statement stands in the answer of the ``evidence`` question, one number per
statement, written with the statement (:mod:`pharmakg.graph.rdf`), so that a page of a hub's evidence is
chosen by one index lookup per statement.

The question lists a subject's statements grouped by document, the documents in date order (a document
without a date first), and the statements of a document in reading order (by the offset of their sentence; a
statement without a sentence first). Ranking by the date, the document's name and the offset themselves read
about eight values per statement (about 130 ms for the 1,520 statements of a hub at 1.1M quads); the kept
``pkg:documentOrder`` of the document ranks its documents by date and name, but it changes when a document
of the same date arrives, so a statement key built from it would have to be rewritten then.

This key is built from what never changes once a document is written (a changed file is a new document): the
document's date, its IRI and the statement's sentence offset. It is an ``xsd:decimal`` (Oxigraph keeps it
inline, so comparing two costs no lookup): the integer part is the date's bucket (as ``pkg:documentOrder``'s:
0 without a date, ``1 + date.toordinal()`` for an ``xsd:date``, one bucket after every date for a date that
is not one) times 10^13 plus a 13-digit number hashed from the document IRI (the documents of one date in a
fixed order: two of them share a number with a chance of about 1 in 10^13); the fraction is the offset plus
one in 9 digits (0: no sentence), then 9 digits hashed from the statement IRI, so the statements of one
sentence come in a fixed order and no two keys are equal but by a hash collision (the question then orders by
the IRI: comparing IRIs decodes them, so they should rarely be compared). Written in the lexical form
Oxigraph gives back (no trailing zeros), so a graph read back from a store is the graph written.

Only a statement that the question can list gets one: a ``pkg:relationType`` and a document with a
``pkg:documentName`` (pharmakg writes both for every statement), so the key alone finds the rows.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import DCT, RESOLVED_GRAPH, XSD, n
from pharmakg.ontology.namespaces import PKG, PROV

MERGED = ox.DefaultGraph()
EVIDENCE_ORDER = n(PKG.evidenceOrder)
DATE, NAME, XSD_DATE = n(DCT + "date"), n(PKG.documentName), n(XSD + "date")
RELATION_TYPE, DERIVED_FROM, SUBJECT = n(PKG.relationType), n(PROV.wasDerivedFrom), n(PKG.assertedSubject)
CHAR_START = n(PKG.charStart)
DOCUMENT_DIGITS = 13
OFFSET_DIGITS = 9
STATEMENT_DIGITS = 9
NOT_A_DATE = 1 << 22  # after every date's bucket (date.max.toordinal() is 3,652,059), as pkg:documentOrder


def date_bucket(date: ox.Literal | None) -> int:
    """0 without a date, ``1 + ordinal`` for an ``xsd:date``, :data:`NOT_A_DATE` for anything else."""
    if date is None:
        return 0
    if date.datatype == XSD_DATE:
        try:
            return 1 + datetime.date.fromisoformat(date.value).toordinal()
        except ValueError:
            pass
    return NOT_A_DATE


def _hashed(iri: str, digits: int) -> int:
    return int.from_bytes(hashlib.sha256(iri.encode("utf-8")).digest()[:8], "big") % 10**digits


def evidence_key(
    date: ox.Literal | None, document: ox.NamedNode, start: int | None, statement: ox.NamedNode
) -> ox.Literal:
    """The ``pkg:evidenceOrder`` of ``statement``, of ``document`` (dated ``date``), whose sentence starts at
    ``start`` (None: no sentence)."""
    whole = date_bucket(date) * 10**DOCUMENT_DIGITS + _hashed(document.value, DOCUMENT_DIGITS)
    offset = 0 if start is None else min(max(start, 0) + 1, 10**OFFSET_DIGITS - 1)
    fraction = f"{offset:0{OFFSET_DIGITS}d}{_hashed(statement.value, STATEMENT_DIGITS):0{STATEMENT_DIGITS}d}"
    text = f"{whole}.{fraction}".rstrip("0").rstrip(".")
    return ox.Literal(text, datatype=n(XSD + "decimal"))


def _value(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode) -> ox.NamedNode | ox.Literal | None:
    q = next(iter(store.quads_for_pattern(s, p, None, MERGED)), None)
    return q.object if q is not None and isinstance(q.object, ox.NamedNode | ox.Literal) else None


def missing_evidence_order(store: ox.Store) -> list[ox.Quad]:
    """The keys of the statements of a graph written without them, each in the named graphs that hold the
    statement's relation type (so they leave with its document)."""
    return list(evidence_order_quads(store))


def evidence_order_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """:func:`missing_evidence_order` one statement at a time."""
    for q in store.quads_for_pattern(None, RELATION_TYPE, None, MERGED):
        a = q.subject
        if not isinstance(a, ox.NamedNode):
            continue
        doc = _value(store, a, DERIVED_FROM)
        if not isinstance(doc, ox.NamedNode) or _value(store, doc, NAME) is None:
            continue
        date, start = _value(store, doc, DATE), _value(store, a, CHAR_START)
        start_value = int(start.value) if isinstance(start, ox.Literal) and start.value.isdigit() else None
        key = evidence_key(date if isinstance(date, ox.Literal) else None, doc, start_value, a)
        graphs = {g.graph_name for g in store.quads_for_pattern(a, RELATION_TYPE, None, None)} - {MERGED}
        # (a graph read from a triples file has no document graphs: its keys go to graph/resolved)
        yield from (ox.Quad(a, EVIDENCE_ORDER, key, g) for g in sorted(graphs, key=str) or [RESOLVED_GRAPH])
