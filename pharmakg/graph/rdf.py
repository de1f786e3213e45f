"""Extraction -> RDF quads (pyoxigraph terms), with per-document provenance.

RDF design
==========

Terms are under ``https://w3id.org/pharmakg/ontology#`` (prefix ``pkg:``, see ``pharmakg.ttl``), resources
under ``https://w3id.org/pharmakg/resource/``. Each document's facts go into its own named graph
``resource/graph/{doc_id}``, so a document can be replaced or dropped as a unit and every triple knows its
source. Queries run over the union of all graphs.

In the document graph ``resource/graph/{doc_id}``:

* Entities (IRIs from :mod:`pharmakg.graph.resolve`, one per real-world entity across documents, e.g.
  ``resource/compound/hun901-dm1``): ``rdf:type`` (pkg:Compound, pkg:Target ...), ``pkg:entityType``
  ("COMPOUND"), ``rdfs:label`` (the name this document uses as main name), ``skos:altLabel`` (every surface
  form this document uses, the main name included, so ``skos:altLabel`` alone lists all names),
  ``pkg:mentionedIn`` the document, ``skos:exactMatch`` identifier IRIs (identifiers.org) when known,
  and ``pkg:firstMention`` a pkg:Mention (``pkg:mentionText``, ``pkg:charStart``/``pkg:charEnd``).
* Direct triples, so simple questions are simple queries: ``?compound pkg:targets ?target``,
  pkg:hasPayload, pkg:hasAntibody, pkg:indication, pkg:developedBy, pkg:licensedTo, pkg:usesTechnology,
  pkg:evaluates, pkg:partnerOf (stored both ways) and ``?payer pkg:madePaymentTo ?payee``.
* IN_PHASE is dated: ``?compound pkg:phaseRecord ?rec . ?rec a pkg:PhaseRecord ; pkg:phase "Phase 1" ;
  pkg:phaseRank 2 ; pkg:phaseDate "2006-11-02"^^xsd:date ; pkg:phaseStatus "current" ;
  prov:wasDerivedFrom ?doc``: a compound's phase history across documents is one query. From
  ``Relation.attrs``: ``pkg:pivotal true`` (pivotal/registrational trials), ``pkg:approvalRegion "EU"``
  (Approved), ``pkg:plannedYear`` (xsd:gYear, planned stages: ``pkg:phaseStatus "planned"``).
* PAYMENT is a pkg:Payment node: pkg:payer, pkg:payee, pkg:amountUSD (the contract value), pkg:amount and
  pkg:currency, pkg:paymentKind, pkg:paymentStatus, pkg:trigger (from ``Relation.attrs``). A PARTNER_OF or
  PAYMENT between two companies also gives one pkg:Agreement per company pair per document
  (pkg:party both, ``?company pkg:agreement ?agreement``). Records point to their evidence with
  pkg:supportedBy and to the document with prov:wasDerivedFrom.
* One statement node per extracted relation and evidence sentence: ``resource/assertion/{hash}`` (hash of
  doc_id, type, subject, object or value and evidence offset), a pkg:Assertion (a prov:Entity) with
  pkg:assertedSubject, pkg:assertedPredicate, pkg:assertedObject (or the phase record for IN_PHASE) and/or
  pkg:assertedValue (phase, USD amount), pkg:relationType ("TARGETS"), pkg:evidenceText (the sentence),
  pkg:charStart/pkg:charEnd (sentence offsets in the cleaned document text), pkg:extractor (a pkg:Extractor,
  a prov:SoftwareAgent with an rdfs:label), pkg:confidence (xsd:decimal) and prov:wasDerivedFrom the document.
  Deal attributes of the relation (``Relation.attrs``) are on its assertions: pkg:territory (one literal per
  territory, "worldwide excluding Japan"), pkg:exclusive (xsd:boolean), pkg:licensor and pkg:optionHolder
  (companies), pkg:developmentMode ("co-development", "opt-in", "retained"), pkg:share (xsd:decimal, 0.5) and
  pkg:relationStatus for facts that are not current ("discontinued", "declined", "option"); those get no
  direct triple (no ``pkg:licensedTo`` for a declined option), only their assertions.

Knowledge-base facts (:mod:`pharmakg.ontology.kb`), written into the graph of each document that mentions
the entity, so that they come and go with the documents and a re-add stays idempotent:

* ``skos:exactMatch`` to identifier IRIs: HGNC genes as ``https://identifiers.org/hgnc:7656``, NCIt
  concepts as ``http://purl.obolibrary.org/obo/NCIT_C4917``. skos:exactMatch, not owl:sameAs, on purpose:
  owl:sameAs would make our node and the external record one individual, so every statement about
  either holds for both (an HGNC record describes a gene, our pkg:Target the antigen a drug binds; NCIt
  codes a concept with its own hierarchy). skos:exactMatch says "the same concept in another scheme" and
  entails nothing else, which is what a curated mapping can promise. Tickers are not IRIs: ``pkg:ticker
  "NASDAQ:IMGN"`` (a literal). ``pkg:kbKey`` names the knowledge-base record ("COMPANY:Sanofi").
* Company history. A rename is the same legal entity, so resolution makes it one node; its earlier names
  are ``pkg:formerName`` literals (Sanofi: "sanofi-aventis"). An acquisition or merger into another
  company is not: ``?acquired pkg:acquiredBy ?acquirer`` and ``?acquirer pkg:successorOf ?acquired``
  link the two nodes, stated in the graphs of the documents that mention the acquired company; the
  acquirer's IRI is the one resolution mints for it from the knowledge base (``company/amgen``), whether
  or not a document names it yet. Every rename, acquisition and merger is also a dated
  ``pkg:CorporateEvent`` (``resource/event/...``): ``pkg:eventKind`` ("renamed", "acquired_by",
  "merged_into"), ``pkg:eventYear`` (xsd:gYear), ``pkg:fromCompany``/``pkg:toCompany`` and
  ``pkg:fromName``/``pkg:toName``, reached from the company by ``pkg:corporateEvent``.

In graph ``resource/graph/documents``: the Document nodes ``resource/document/{doc_id}``: a pkg:Document
with dcterms:identifier (doc_id), dcterms:title, dcterms:date (xsd:date), dcterms:source,
pkg:documentName, pkg:contentHash (SHA-256 of the text) and, for SEC filings, pkg:filingCompany, pkg:cik,
pkg:fileNumber, pkg:formType, pkg:exhibit.

In graph ``resource/graph/resolved`` (maintained by the store over all documents): exactly one
``skos:prefLabel`` per entity (the name most documents use) and ``pkg:latestPhase`` /
``pkg:latestPhaseDate`` per compound (latest dated current phase record, highest stage on that date).

Saving as Turtle (``.ttl``) writes the union of all graphs: the per-document graph split is lost but the
Assertion nodes (and so every fact's document, sentence and offsets) are kept. N-Quads (``.nq``), TriG
(``.trig``), JSON-LD (``.jsonld``) and the on-disk store keep the graphs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import pyoxigraph as ox

from pharmakg import schema
from pharmakg.graph.resolve import kb_iri, resolve, slug
from pharmakg.model import PHASES, Entity, Extraction, Relation
from pharmakg.names import fold
from pharmakg.ontology.kb import KB, default_kb
from pharmakg.ontology.namespaces import PKG, PROV, RESOURCES_IRI

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

DOCUMENTS_GRAPH = ox.NamedNode(RESOURCES_IRI + "graph/documents")
RESOLVED_GRAPH = ox.NamedNode(RESOURCES_IRI + "graph/resolved")

ENTITY_CLASSES = {t.name: t.iri for t in schema.ENTITY_TABLE}
RELATION_PROPERTIES = {t.name: t.iri for t in schema.RELATION_TABLE}
FILING_META = {
    "company": PKG.filingCompany,
    "cik": PKG.cik,
    "file_number": PKG.fileNumber,
    "form_type": PKG.formType,
    "exhibit": PKG.exhibit,
}
PAYMENT_ATTRS = {"kind": PKG.paymentKind, "status": PKG.paymentStatus, "trigger": PKG.trigger}
# Relation.attrs["status"] values of facts that are not the current state: recorded on the assertions only
NON_CURRENT_STATUS = {"discontinued", "declined", "option"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@cache
def n(iri: str) -> ox.NamedNode:
    """A pyoxigraph IRI node (cached: the same few predicates are used over and over)."""
    return ox.NamedNode(str(iri))


def document_iri(doc_id: str) -> ox.NamedNode:
    return n(f"{RESOURCES_IRI}document/{doc_id}")


def graph_iri(doc_id: str) -> ox.NamedNode:
    return n(f"{RESOURCES_IRI}graph/{doc_id}")


def _lit(value: Any, datatype: str = "string") -> ox.Literal:
    return ox.Literal(str(value), datatype=n(XSD + datatype))


def _int(value: int) -> ox.Literal:
    return _lit(int(value), "integer")


def _decimal(value: Any) -> ox.Literal | None:
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not d.is_finite():
        return None
    # canonical-ish lexical form: no exponent, no trailing zeros after the point
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return _lit(text, "decimal")


def _date(value: str | None) -> ox.Literal | None:
    if not value:
        return None
    value = str(value).strip()
    return _lit(value, "date") if _DATE.match(value) else _lit(value)


def _hash(*parts: Any) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


# identifier schemes that are literals, not IRIs (scheme -> property)
LITERAL_IDENTIFIERS = {"ticker": PKG.ticker}


def identifier_iri(scheme: str, value: str) -> str:
    """IRI of a knowledge-base identifier: ('hgnc', 'HGNC:7656') -> https://identifiers.org/hgnc:7656,
    ('ncit', 'C4917') -> http://purl.obolibrary.org/obo/NCIT_C4917 (the OBO PURL NCIt is published under)."""
    value = value.strip()
    if re.match(r"^https?://", value):
        return value
    if scheme.lower() == "ncit" or value.upper().startswith("NCIT:"):
        return f"http://purl.obolibrary.org/obo/NCIT_{value.split(':', 1)[-1].upper()}"
    if ":" in value:
        prefix, local = value.split(":", 1)
        return f"https://identifiers.org/{prefix.lower()}:{local}"
    return f"https://identifiers.org/{scheme.lower()}:{value}"


def document_quads(ex: Extraction) -> list[ox.Quad]:
    """The Document node (graph ``resource/graph/documents``)."""
    doc = ex.document
    d = document_iri(doc.doc_id)
    g = DOCUMENTS_GRAPH
    out = [
        ox.Quad(d, n(RDF_TYPE), n(PKG.Document), g),
        ox.Quad(d, n(DCT + "identifier"), _lit(doc.doc_id), g),
        ox.Quad(d, n(PKG.documentName), _lit(doc.name), g),
    ]
    date = doc.date or doc.meta.get("date_of_report")
    for pred, value in ((DCT + "title", doc.title), (DCT + "source", doc.source)):
        if value:
            out.append(ox.Quad(d, n(pred), _lit(value), g))
    if date:
        out.append(ox.Quad(d, n(DCT + "date"), _date(date), g))
    if doc.text:
        digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        out.append(ox.Quad(d, n(PKG.contentHash), _lit(digest), g))
    for key, pred in FILING_META.items():
        if doc.meta.get(key):
            out.append(ox.Quad(d, n(pred), _lit(doc.meta[key]), g))
    return out


def _entity_key(ent: Entity) -> str:
    """Document-local, resolution-independent key of an entity (for hashing statement IRIs)."""
    return f"{ent.type}:{fold(ent.name) or ent.name}"


def kb_quads(ent: Entity, node: ox.NamedNode, graph: ox.NamedNode, kb: KB) -> list[ox.Quad]:
    """Knowledge-base facts about one entity: identifiers, former names, acquisitions (see the module doc)."""
    out: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Quad(s, n(p), o, graph))

    identity = kb.entity_identity(ent.type, ent.all_names())
    identifiers = dict(ent.identifiers)
    if identity is not None:
        add(node, PKG.kbKey, _lit(identity))
        for scheme, value in kb.identifiers(identity).items():
            identifiers.setdefault(scheme, value)
    for scheme, value in sorted(identifiers.items()):
        if scheme.lower() in LITERAL_IDENTIFIERS:
            add(node, LITERAL_IDENTIFIERS[scheme.lower()], _lit(value))
        else:
            add(node, SKOS + "exactMatch", n(identifier_iri(scheme, str(value))))
    if identity is None or ent.type != "COMPANY":
        return out
    for name in kb.former_names(identity):
        add(node, PKG.formerName, _lit(name))
    members = {rec.key for rec in kb.members(identity)}
    for ev in kb.history(identity):
        old, new = kb.record(ev.old), kb.record(ev.new)
        if ev.relation == "renamed":
            src = dst = node
        elif ev.old in members:
            src, dst = node, n(kb_iri(kb, kb.identity(ev.new)))
            if kb.identity(ev.new) == identity:
                continue
            # Decided from the knowledge base and this entity alone, never from the node's IRI, so that a
            # document adds the same quads whatever else is in the store (incremental = batch). When other
            # documents name the acquired and the acquirer as one entity ("Amgen (formerly Abgenix)"),
            # resolution merges them and this link becomes a loop on that node.
            add(src, PKG.acquiredBy, dst)
            add(dst, PKG.successorOf, src)
        else:
            continue  # the acquirer's side: stated where the acquired company is mentioned
        event = n(f"{RESOURCES_IRI}event/{slug(old.name)}-{slug(ev.relation)}-{slug(new.name)}")
        add(src, PKG.corporateEvent, event)
        add(event, RDF_TYPE, n(PKG.CorporateEvent))
        add(event, PKG.eventKind, _lit(ev.relation))
        if ev.year:
            add(event, PKG.eventYear, _lit(ev.year, "gYear"))
        add(event, PKG.fromCompany, src)
        add(event, PKG.toCompany, dst)
        add(event, PKG.fromName, _lit(old.name))
        add(event, PKG.toName, _lit(new.name))
    return out


def extraction_quads(
    ex: Extraction, iri_of: Callable[[str], str] | None = None, kb: KB | None = None
) -> list[ox.Quad]:
    """All quads of one extraction: its document graph plus its Document node.

    ``iri_of`` maps a local entity id to its resource IRI (from :func:`pharmakg.graph.resolve.resolve`);
    without it the entities of this one document are resolved on their own. ``kb``: the knowledge base
    whose facts are added (default: the packaged one; ``KB()`` adds none).
    """
    kb = default_kb() if kb is None else kb
    if iri_of is None:
        single = resolve([ex], kb=kb)

        def iri_of(eid: str) -> str:
            return single.iri_of[(0, eid)]

    doc = ex.document
    d = document_iri(doc.doc_id)
    g = graph_iri(doc.doc_id)
    out = document_quads(ex)

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Quad(s, n(p), o, g))

    ents = {e.id: e for e in ex.entities}
    node = {e.id: n(iri_of(e.id)) for e in ex.entities}
    for e in ex.entities:
        s = node[e.id]
        if e.type in ENTITY_CLASSES:
            add(s, RDF_TYPE, n(ENTITY_CLASSES[e.type]))
        add(s, PKG.entityType, _lit(e.type))
        add(s, RDFS + "label", _lit(e.name))
        for name in e.all_names():
            add(s, SKOS + "altLabel", _lit(name))
        add(s, PKG.mentionedIn, d)
        out.extend(kb_quads(e, s, g, kb))
        if e.mentions:
            m = min(e.mentions, key=lambda x: (x.start, x.end))
            mi = n(f"{RESOURCES_IRI}mention/{doc.doc_id}-{m.start}-{m.end}")
            add(s, PKG.firstMention, mi)
            add(mi, RDF_TYPE, n(PKG.Mention))
            add(mi, PKG.mentionText, _lit(m.text))
            add(mi, PKG.charStart, _int(m.start))
            add(mi, PKG.charEnd, _int(m.end))
            add(mi, PROV.wasDerivedFrom, d)

    extractors: set[str] = set()
    agreements: dict[tuple[str, str], ox.NamedNode] = {}
    seen_payments: dict[str, int] = {}

    def agreement(a: str, b: str) -> ox.NamedNode:
        pair = tuple(sorted((a, b), key=lambda i: (_entity_key(ents[i]), i)))
        if pair not in agreements:
            ag = n(f"{RESOURCES_IRI}agreement/{_hash(doc.doc_id, *(_entity_key(ents[i]) for i in pair))}")
            agreements[pair] = ag
            add(ag, RDF_TYPE, n(PKG.Agreement))
            add(ag, PROV.wasDerivedFrom, d)
            for i in pair:
                add(ag, PKG.party, node[i])
                add(node[i], PKG.agreement, ag)
            add(node[a], PKG.partnerOf, node[b])
            add(node[b], PKG.partnerOf, node[a])
        return agreements[pair]

    for r in ex.relations:
        if r.subject not in ents or (r.object is not None and r.object not in ents):
            continue  # a dangling id: nothing sound to say
        s = node[r.subject]
        o = node[r.object] if r.object is not None else None
        subj_key = _entity_key(ents[r.subject])
        obj_key = _entity_key(ents[r.object]) if r.object is not None else ""
        pred = RELATION_PROPERTIES.get(r.type)
        records: list[ox.NamedNode] = []  # n-ary nodes this relation's assertions support
        asserted_object = o
        value_lit: ox.Literal | None = None

        if r.type == "IN_PHASE":
            phase = str(r.value) if r.value is not None else ""
            status = str(r.attrs.get("status") or "current")
            rec = n(f"{RESOURCES_IRI}phase/{_hash(doc.doc_id, subj_key, phase, status)}")
            add(s, PKG.phaseRecord, rec)
            add(rec, RDF_TYPE, n(PKG.PhaseRecord))
            add(rec, PKG.phase, _lit(phase))
            if phase in PHASES:
                add(rec, PKG.phaseRank, _int(PHASES.index(phase)))
            if doc.date:
                add(rec, PKG.phaseDate, _date(doc.date))
            add(rec, PKG.phaseStatus, _lit(status))
            if r.attrs.get("pivotal"):
                add(rec, PKG.pivotal, _lit("true", "boolean"))
            for region in _as_list(r.attrs.get("region")):
                add(rec, PKG.approvalRegion, _lit(region))
            if re.fullmatch(r"\d{4}", str(r.attrs.get("year") or "")):
                add(rec, PKG.plannedYear, _lit(str(r.attrs["year"]), "gYear"))
            add(rec, PROV.wasDerivedFrom, d)
            records.append(rec)
            asserted_object = rec
            value_lit = _lit(phase)
        elif r.type == "PAYMENT":
            usd = _decimal(r.value) if r.value is not None else None
            value_lit = usd
            key = (subj_key, obj_key, str(r.value), *(str(r.attrs.get(k, "")) for k in ("kind", "trigger")))
            # identical payment statements in one document are distinct payments (two $1M milestones)
            occurrence = seen_payments.get(_hash(*key), 0)
            seen_payments[_hash(*key)] = occurrence + 1
            pay = n(f"{RESOURCES_IRI}payment/{_hash(doc.doc_id, *key, occurrence)}")
            add(pay, RDF_TYPE, n(PKG.Payment))
            add(pay, PKG.payer, s)
            if o is not None:
                add(pay, PKG.payee, o)
                add(s, PKG.madePaymentTo, o)
            if usd is not None:
                add(pay, PKG.amountUSD, usd)
            amount = _decimal(r.attrs["amount"]) if r.attrs.get("amount") is not None else usd
            if amount is not None:
                add(pay, PKG.amount, amount)
                currency = r.attrs.get("currency") or ("USD" if r.attrs.get("amount") is None else None)
                if currency:
                    add(pay, PKG.currency, _lit(currency))
            for k, p in PAYMENT_ATTRS.items():
                if r.attrs.get(k):
                    add(pay, p, _lit(r.attrs[k]))
            add(pay, PROV.wasDerivedFrom, d)
            records.append(pay)
            if o is not None and ents[r.subject].type == ents[r.object].type == "COMPANY":
                records.append(agreement(r.subject, r.object))
        elif r.type == "PARTNER_OF" and o is not None:
            records.append(agreement(r.subject, r.object))
        elif pred is not None and o is not None and str(r.attrs.get("status")) not in NON_CURRENT_STATUS:
            add(s, pred, o)
        if r.type not in ("IN_PHASE", "PAYMENT") and r.value is not None:
            value_lit = _lit(r.value)

        for a in _assertions(r, doc.doc_id, subj_key, obj_key):
            add(a, RDF_TYPE, n(PKG.Assertion))
            add(a, PKG.assertedSubject, s)
            if pred is not None:
                add(a, PKG.assertedPredicate, n(pred))
            if asserted_object is not None:
                add(a, PKG.assertedObject, asserted_object)
            if value_lit is not None:
                add(a, PKG.assertedValue, value_lit)
            add(a, PKG.relationType, _lit(r.type))
            ext_name = r.extractor or "unspecified"
            ext = n(f"{RESOURCES_IRI}extractor/{slug(ext_name)}")
            add(a, PKG.extractor, ext)
            if ext_name not in extractors:
                extractors.add(ext_name)
                add(ext, RDF_TYPE, n(PKG.Extractor))
                add(ext, RDFS + "label", _lit(ext_name))
            conf = _decimal(round(float(r.confidence), 3))
            if conf is not None:
                add(a, PKG.confidence, conf)
            if r.type != "PAYMENT":
                for p, o2 in _deal_attrs(r, node):
                    add(a, p, o2)
            add(a, PROV.wasDerivedFrom, d)
            for rec in records:
                add(rec, PKG.supportedBy, a)
        for a, ev in zip(_assertions(r, doc.doc_id, subj_key, obj_key), r.evidence, strict=False):
            add(a, PKG.evidenceText, _lit(ev.sentence))
            add(a, PKG.charStart, _int(ev.start))
            add(a, PKG.charEnd, _int(ev.end))
    return out


def _as_list(v: Any) -> list[str]:
    if v is None or v == "":
        return []
    return [str(x) for x in v] if isinstance(v, list | tuple) else [str(v)]


def _deal_attrs(r: Relation, node: dict[str, ox.NamedNode]) -> list[tuple[str, ox.NamedNode | ox.Literal]]:
    """(predicate, object) pairs of a relation's deal attributes (licence, development mode, status)."""
    out: list[tuple[str, ox.NamedNode | ox.Literal]] = []
    for t in _as_list(r.attrs.get("territory")):
        out.append((PKG.territory, _lit(t)))
    if isinstance(r.attrs.get("exclusive"), bool):
        out.append((PKG.exclusive, _lit("true" if r.attrs["exclusive"] else "false", "boolean")))
    for key, p in (("licensor", PKG.licensor), ("option_holder", PKG.optionHolder)):
        if r.attrs.get(key) in node:
            out.append((p, node[r.attrs[key]]))
    if r.attrs.get("mode"):
        out.append((PKG.developmentMode, _lit(r.attrs["mode"])))
    share = _decimal(r.attrs.get("share")) if r.attrs.get("share") is not None else None
    if share is not None:
        out.append((PKG.share, share))
    if r.type != "IN_PHASE" and str(r.attrs.get("status")) in NON_CURRENT_STATUS:
        out.append((PKG.relationStatus, _lit(r.attrs["status"])))
    return out


def _assertions(r: Relation, doc_id: str, subj_key: str, obj_key: str) -> list[ox.NamedNode]:
    """Statement node IRIs of a relation: one per evidence sentence (one when it has none)."""
    base = (doc_id, r.type, subj_key, obj_key, "" if r.value is None else str(r.value))
    if r.type == "PAYMENT":
        base = (*base, *(str(r.attrs.get(k, "")) for k in ("kind", "trigger")))
    if not r.evidence:
        return [n(f"{RESOURCES_IRI}assertion/{_hash(*base)}")]
    return [n(f"{RESOURCES_IRI}assertion/{_hash(*base, ev.start, ev.end)}") for ev in r.evidence]
