"""Extraction -> RDF quads (pyoxigraph terms), with per-document provenance.

RDF design
==========

Terms are under ``https://w3id.org/pharmakg/ontology#`` (prefix ``pkg:``, see ``pharmakg.ttl``), resources
under ``https://w3id.org/pharmakg/resource/``. Each document's facts go into its own named graph
``resource/graph/{doc_id}``, so a document can be replaced or dropped as a unit and every triple knows its
source. The store (:mod:`pharmakg.graph.store`) also keeps the merged facts in its default graph: every
distinct triple of all named graphs, once. Questions read that default graph (a fact that 200 documents
state is one row) and join provenance explicitly: ``GRAPH ?g { ... }`` for what each document said, the
Assertion nodes and ``prov:wasDerivedFrom`` for the evidence.

Mapping is the step after resolution: :func:`extraction_quads` takes the :class:`Resolution` that gives
every entity its IRI (the store resolves a batch against what it holds; one document alone is
``resolve([ex])``). Each relation is written by the mapper of its kind in the schema table
(``schema.RelationType.rdf``: "edge", "agreement", "phase", "payment", see :data:`RELATION_MAPPERS`), then
its statements by one writer common to all kinds, so a new relation type of an existing kind is one row in
:mod:`pharmakg.schema`.

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
  doc_id, type, subject, object or value, status, rule and evidence offset), a pkg:Assertion (a prov:Entity)
  with pkg:assertedSubject, pkg:assertedPredicate, pkg:assertedObject (or the phase record for IN_PHASE)
  and/or pkg:assertedValue (phase, USD amount), pkg:relationType ("TARGETS"), pkg:evidenceText (the
  sentence), pkg:charStart/pkg:charEnd (sentence offsets in the cleaned document text), pkg:extractor (a
  pkg:Extractor, a prov:SoftwareAgent with an rdfs:label), pkg:confidence (xsd:decimal) and
  prov:wasDerivedFrom the document. Deal attributes of the relation (``Relation.attrs``) are on its
  assertions: pkg:territory (one literal per territory, "worldwide excluding Japan"), pkg:exclusive
  (xsd:boolean), pkg:licensor and pkg:optionHolder (companies), pkg:developmentMode ("co-development",
  "opt-in", "retained"), pkg:share (xsd:decimal, 0.5) and pkg:relationStatus for facts that are not current
  ("discontinued", "declined", "option"); those get no direct triple (no ``pkg:licensedTo`` for a declined
  option), only their assertions and ``pkg:notCurrentObject`` from subject to object. Each statement links
  to its evidence group (:mod:`pharmakg.graph.evidence_relations`).

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
``skos:prefLabel`` per entity (the name most documents use), one ``pkg:nameKey`` per distinct name of the
entity in lower case (what the questions match a name parameter against, see
:mod:`pharmakg.graph.derived_facts`) and ``pkg:latestPhase`` / ``pkg:latestPhaseDate`` per compound (latest
dated current phase record, highest stage on that date).

Saving as Turtle (``.ttl``) or N-Triples writes the merged default graph: the per-document graph split is
lost but the Assertion nodes (and so every fact's document, sentence and offsets) are kept. N-Quads
(``.nq``), TriG (``.trig``) and the on-disk store keep the named graphs and the default graph; JSON-LD
(``.jsonld``) keeps the named graphs, and the default graph is rebuilt from them when it is opened.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from pharmakg import schema
from pharmakg.graph.deal_facts import sentence_statements
from pharmakg.graph.evidence_order import evidence_key
from pharmakg.graph.evidence_relations import group_iri, group_triples
from pharmakg.graph.rdf_kb import kb_quads
from pharmakg.graph.rdf_terms import (
    DCT,
    DOCUMENTS_GRAPH,
    RDF_TYPE,
    RDFS,
    SKOS,
    date_lit,
    decimal_lit,
    document_iri,
    graph_iri,
    int_lit,
    lit,
    n,
    short_hash,
)
from pharmakg.graph.resolve import Resolution, slug
from pharmakg.model import PHASES, Entity, Extraction, Relation, matches_key
from pharmakg.names import fold
from pharmakg.ontology.kb import KB, default_kb
from pharmakg.ontology.namespaces import PKG, PROV, RESOURCES_IRI

ENTITY_CLASSES = {t.name: t.iri for t in schema.ENTITY_TABLE}
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


def document_quads(ex: Extraction) -> list[ox.Quad]:
    """The Document node (graph ``resource/graph/documents``)."""
    doc = ex.document
    d = document_iri(doc.doc_id)
    g = DOCUMENTS_GRAPH
    out = [
        ox.Quad(d, n(RDF_TYPE), n(PKG.Document), g),
        ox.Quad(d, n(DCT + "identifier"), lit(doc.doc_id), g),
        ox.Quad(d, n(PKG.documentName), lit(doc.name), g),
    ]
    date = document_date(ex)
    for pred, value in ((DCT + "title", doc.title), (DCT + "source", doc.source)):
        if value:
            out.append(ox.Quad(d, n(pred), lit(value), g))
    if date is not None:
        out.append(ox.Quad(d, n(DCT + "date"), date, g))
    if doc.text:
        digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        out.append(ox.Quad(d, n(PKG.contentHash), lit(digest), g))
    for key, pred in FILING_META.items():
        if doc.meta.get(key):
            out.append(ox.Quad(d, n(pred), lit(doc.meta[key]), g))
    return out


def document_date(ex: Extraction) -> ox.Literal | None:
    """The document's dcterms:date (an xsd:date when it is one)."""
    return date_lit(ex.document.date or ex.document.meta.get("date_of_report"))


def _entity_key(ent: Entity) -> str:
    """Document-local, resolution-independent key of an entity (for hashing statement IRIs)."""
    return f"{ent.type}:{fold(ent.name) or ent.name}"


# ------------------------------------------------------------------------------------ one document's graph
@dataclass
class DocumentContext:
    """What the writers of one document's graph share: its IRIs, its entities' nodes, the n-ary nodes and
    extractors written so far, and the output list."""

    extraction: Extraction
    document: ox.NamedNode  # the Document node
    graph: ox.NamedNode  # the document's named graph
    entities: dict[str, Entity]  # local entity id -> entity
    node: dict[str, ox.NamedNode]  # local entity id -> its resolved IRI
    out: list[ox.Quad]
    agreements: dict[tuple[str, str], ox.NamedNode] = field(default_factory=dict)  # sorted id pair -> node
    payments_seen: dict[str, int] = field(default_factory=dict)  # payment key hash -> occurrences so far
    extractors: set[str] = field(default_factory=set)  # extractor names whose node is written
    date: ox.Literal | None = None  # the document's date (for the statements' pkg:evidenceOrder)
    groups: set[ox.NamedNode] = field(default_factory=set)  # evidence groups whose triples are written

    @property
    def doc_id(self) -> str:
        return self.extraction.document.doc_id

    def add(self, s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.out.append(ox.Quad(s, n(p), o, self.graph))

    def key(self, entity_id: str | None) -> str:
        """The resolution-independent key of an entity ("" for no entity): statement IRIs hash it."""
        return "" if entity_id is None else _entity_key(self.entities[entity_id])

    def agreement(self, a: str, b: str) -> ox.NamedNode:
        """The pkg:Agreement of two companies in this document, written (with pkg:partnerOf both ways)
        the first time the pair comes up."""
        first, second = sorted((a, b), key=lambda i: (self.key(i), i))
        pair = (first, second)
        if pair not in self.agreements:
            ag = n(f"{RESOURCES_IRI}agreement/{short_hash(self.doc_id, self.key(first), self.key(second))}")
            self.agreements[pair] = ag
            self.add(ag, RDF_TYPE, n(PKG.Agreement))
            self.add(ag, PROV.wasDerivedFrom, self.document)
            for i in pair:
                self.add(ag, PKG.party, self.node[i])
                self.add(self.node[i], PKG.agreement, ag)
            self.add(self.node[a], PKG.partnerOf, self.node[b])
            self.add(self.node[b], PKG.partnerOf, self.node[a])
        return self.agreements[pair]

    def extractor(self, name: str) -> ox.NamedNode:
        """The pkg:Extractor node of a rule, written the first time it is used."""
        ext = n(f"{RESOURCES_IRI}extractor/{slug(name)}")
        if name not in self.extractors:
            self.extractors.add(name)
            self.add(ext, RDF_TYPE, n(PKG.Extractor))
            self.add(ext, RDFS + "label", lit(name))
        return ext


@dataclass
class Mapped:
    """What a relation mapper wrote, as its statements (pkg:Assertion) need it."""

    asserted_object: ox.NamedNode | None = None  # the object entity, or the relation's record node
    value: ox.Literal | None = None  # pkg:assertedValue
    records: list[ox.NamedNode] = field(default_factory=list)  # n-ary nodes the statements support
    statement_attrs: list[tuple[str, ox.NamedNode | ox.Literal]] = field(default_factory=list)
    statement_key: tuple[str, ...] = ()  # more parts of the statement IRIs' hash


# A relation mapper writes the relation's own triples and nodes, and says what its statements assert.
RelationMapper = Callable[[DocumentContext, Relation, str | None], Mapped]


def _object_node(ctx: DocumentContext, r: Relation) -> ox.NamedNode | None:
    return ctx.node[r.object] if r.object is not None else None


def _plain_value(r: Relation) -> ox.Literal | None:
    return lit(r.value) if r.value is not None else None


def map_edge(ctx: DocumentContext, r: Relation, pred: str | None) -> Mapped:
    """A direct triple subject -pred-> object, none for facts that are not current (declined, ...)."""
    o = _object_node(ctx, r)
    if pred is not None and o is not None and str(r.attrs.get("status")) not in NON_CURRENT_STATUS:
        ctx.add(ctx.node[r.subject], pred, o)
    return Mapped(o, _plain_value(r), statement_attrs=_deal_attrs(r, ctx.node))


def map_agreement(ctx: DocumentContext, r: Relation, pred: str | None) -> Mapped:
    """A symmetric company pair: the document's pkg:Agreement of the two (pkg:partnerOf both ways)."""
    records = [ctx.agreement(r.subject, r.object)] if r.object is not None else []
    return Mapped(_object_node(ctx, r), _plain_value(r), records, _deal_attrs(r, ctx.node))


def map_phase(ctx: DocumentContext, r: Relation, pred: str | None) -> Mapped:
    """A dated pkg:PhaseRecord of the compound (see the module doc); the statements assert the record."""
    doc = ctx.extraction.document
    phase = str(r.value) if r.value is not None else ""
    status = str(r.attrs.get("status") or "current")
    rec = n(f"{RESOURCES_IRI}phase/{short_hash(ctx.doc_id, ctx.key(r.subject), phase, status)}")
    ctx.add(ctx.node[r.subject], PKG.phaseRecord, rec)
    ctx.add(rec, RDF_TYPE, n(PKG.PhaseRecord))
    ctx.add(rec, PKG.phase, lit(phase))
    if phase in PHASES:
        ctx.add(rec, PKG.phaseRank, int_lit(PHASES.index(phase)))
    if (date := date_lit(doc.date)) is not None:
        ctx.add(rec, PKG.phaseDate, date)
    ctx.add(rec, PKG.phaseStatus, lit(status))
    if r.attrs.get("pivotal"):
        ctx.add(rec, PKG.pivotal, lit("true", "boolean"))
    for region in _as_list(r.attrs.get("region")):
        ctx.add(rec, PKG.approvalRegion, lit(region))
    if re.fullmatch(r"\d{4}", str(r.attrs.get("year") or "")):
        ctx.add(rec, PKG.plannedYear, lit(str(r.attrs["year"]), "gYear"))
    ctx.add(rec, PROV.wasDerivedFrom, ctx.document)
    # the phase's status is the record's, not a deal status of the statement
    return Mapped(rec, lit(phase), [rec], _deal_attrs(r, ctx.node, with_status=False))


def map_payment(ctx: DocumentContext, r: Relation, pred: str | None) -> Mapped:
    """A pkg:Payment node (payer, payee, amounts, kind ...) and, between two companies, their agreement."""
    s, o = ctx.node[r.subject], _object_node(ctx, r)
    usd = decimal_lit(r.value) if r.value is not None else None
    extra = tuple(str(r.attrs.get(k, "")) for k in ("kind", "trigger"))
    key = (ctx.key(r.subject), ctx.key(r.object), str(r.value), *extra)
    # identical payment statements in one document are distinct payments (two $1M milestones)
    occurrence = ctx.payments_seen.get(short_hash(*key), 0)
    ctx.payments_seen[short_hash(*key)] = occurrence + 1
    pay = n(f"{RESOURCES_IRI}payment/{short_hash(ctx.doc_id, *key, occurrence)}")
    ctx.add(pay, RDF_TYPE, n(PKG.Payment))
    ctx.add(pay, PKG.payer, s)
    if o is not None:
        ctx.add(pay, PKG.payee, o)
        ctx.add(s, PKG.madePaymentTo, o)
    if usd is not None:
        ctx.add(pay, PKG.amountUSD, usd)
    amount = decimal_lit(r.attrs["amount"]) if r.attrs.get("amount") is not None else usd
    if amount is not None:
        ctx.add(pay, PKG.amount, amount)
        currency = r.attrs.get("currency") or ("USD" if r.attrs.get("amount") is None else None)
        if currency:
            ctx.add(pay, PKG.currency, lit(currency))
    for k, p in PAYMENT_ATTRS.items():
        if r.attrs.get(k):
            ctx.add(pay, p, lit(r.attrs[k]))
    ctx.add(pay, PROV.wasDerivedFrom, ctx.document)
    records = [pay]
    if r.object is not None and ctx.entities[r.subject].type == ctx.entities[r.object].type == "COMPANY":
        records.append(ctx.agreement(r.subject, r.object))
    # the payment's attributes are on its node, not on the statements
    return Mapped(o, usd, records, statement_key=extra)


# schema.RelationType.rdf -> its mapper: a new relation type of an existing kind needs nothing here
RELATION_MAPPERS: dict[schema.RdfMapping, RelationMapper] = {
    "edge": map_edge,
    "agreement": map_agreement,
    "phase": map_phase,
    "payment": map_payment,
}


def extraction_quads(
    ex: Extraction, resolution: Resolution, index: int = 0, kb: KB | None = None
) -> list[ox.Quad]:
    """All quads of one extraction: its document graph plus its Document node.

    ``resolution`` gives the entities' IRIs (:func:`pharmakg.graph.resolve.resolve` of a batch, ``ex``
    being the batch's extraction number ``index``; for one document alone, ``resolve([ex])``).
    ``kb``: the knowledge base whose facts are added (default: the packaged one; ``KB()`` adds none).
    """
    kb = default_kb() if kb is None else kb
    doc_id = ex.document.doc_id
    ctx = DocumentContext(
        extraction=ex,
        document=document_iri(doc_id),
        graph=graph_iri(doc_id),
        entities={e.id: e for e in ex.entities},
        node={e.id: n(resolution.iri_of[(index, e.id)]) for e in ex.entities},
        out=document_quads(ex),
        date=document_date(ex),
    )
    for e in ex.entities:
        _write_entity(ctx, e, kb)
    for r in ex.relations:
        if r.subject not in ctx.entities or (r.object is not None and r.object not in ctx.entities):
            continue  # a dangling id: nothing sound to say
        row = schema.RELATION_TYPES.get(r.type)
        pred = row.iri if row is not None else None
        mapped = RELATION_MAPPERS[row.rdf if row is not None else "edge"](ctx, r, pred)
        _write_statements(ctx, r, pred, mapped)
    return ctx.out + sentence_statements(ctx.out)  # (links the deals question reads: graph/deal_facts.py)


def _write_entity(ctx: DocumentContext, e: Entity, kb: KB) -> None:
    """An entity's type, names, document, knowledge-base facts and first mention (see the module doc)."""
    s = ctx.node[e.id]
    if e.type in ENTITY_CLASSES:
        ctx.add(s, RDF_TYPE, n(ENTITY_CLASSES[e.type]))
    ctx.add(s, PKG.entityType, lit(e.type))
    ctx.add(s, RDFS + "label", lit(e.name))
    for name in e.all_names():
        ctx.add(s, SKOS + "altLabel", lit(name))
    ctx.add(s, PKG.mentionedIn, ctx.document)
    ctx.out.extend(kb_quads(e, s, ctx.graph, kb))
    if e.mentions:
        m = min(e.mentions, key=lambda x: (x.start, x.end))
        mi = n(f"{RESOURCES_IRI}mention/{ctx.doc_id}-{m.start}-{m.end}")
        ctx.add(s, PKG.firstMention, mi)
        ctx.add(mi, RDF_TYPE, n(PKG.Mention))
        ctx.add(mi, PKG.mentionText, lit(m.text))
        ctx.add(mi, PKG.charStart, int_lit(m.start))
        ctx.add(mi, PKG.charEnd, int_lit(m.end))
        ctx.add(mi, PROV.wasDerivedFrom, ctx.document)


def _write_statements(ctx: DocumentContext, r: Relation, pred: str | None, mapped: Mapped) -> None:
    """The relation's pkg:Assertion nodes, one per evidence sentence (see the module doc)."""
    ext = ctx.extractor(r.extractor or "unspecified")
    conf = decimal_lit(round(float(r.confidence), 3))
    statements = _statement_iris(r, ctx.doc_id, ctx.key(r.subject), ctx.key(r.object), mapped.statement_key)
    for a in statements:
        ctx.add(a, RDF_TYPE, n(PKG.Assertion))
        ctx.add(a, PKG.assertedSubject, ctx.node[r.subject])
        if pred is not None:
            ctx.add(a, PKG.assertedPredicate, n(pred))
        if mapped.asserted_object is not None:
            ctx.add(a, PKG.assertedObject, mapped.asserted_object)
        if mapped.value is not None:
            ctx.add(a, PKG.assertedValue, mapped.value)
        ctx.add(a, PKG.relationType, lit(r.type))
        ctx.add(a, PKG.extractor, ext)
        if conf is not None:
            ctx.add(a, PKG.confidence, conf)
        for p, o in mapped.statement_attrs:
            ctx.add(a, p, o)
        ctx.add(a, PROV.wasDerivedFrom, ctx.document)
        for rec in mapped.records:
            ctx.add(rec, PKG.supportedBy, a)
    for a, ev in zip(statements, r.evidence, strict=False):
        ctx.add(a, PKG.evidenceText, lit(ev.sentence))
        ctx.add(a, PKG.charStart, int_lit(ev.start))
        ctx.add(a, PKG.charEnd, int_lit(ev.end))
    # the statement's place in the evidence question's answer (its document's date, the document, the offset)
    starts = [ev.start for ev in r.evidence]
    for i, a in enumerate(statements):
        start = starts[i] if i < len(starts) else None
        ctx.add(a, PKG.evidenceOrder, evidence_key(ctx.date, ctx.document, start, a))
    # the statements' group: the subject's statements of this relation (pharmakg.graph.evidence_relations)
    group = group_iri(ctx.key(r.subject), r.type, pred)
    for a in statements:
        ctx.add(a, PKG.evidenceGroup, group)
    if mapped.asserted_object is not None and any(p == PKG.relationStatus for p, _ in mapped.statement_attrs):
        ctx.add(ctx.node[r.subject], PKG.notCurrentObject, mapped.asserted_object)  # (no direct triple)
    if group not in ctx.groups:
        ctx.groups.add(group)
        ctx.out += [ox.Quad(*t, ctx.graph) for t in group_triples(group, ctx.node[r.subject], r.type, pred)]


def _as_list(v: Any) -> list[str]:
    if v is None or v == "":
        return []
    return [str(x) for x in v] if isinstance(v, list | tuple) else [str(v)]


def _deal_attrs(
    r: Relation, node: dict[str, ox.NamedNode], with_status: bool = True
) -> list[tuple[str, ox.NamedNode | ox.Literal]]:
    """(predicate, object) pairs of a relation's deal attributes (licence, development mode, status);
    ``with_status``: include pkg:relationStatus of a fact that is not current."""
    out: list[tuple[str, ox.NamedNode | ox.Literal]] = []
    for t in _as_list(r.attrs.get("territory")):
        out.append((PKG.territory, lit(t)))
    if isinstance(r.attrs.get("exclusive"), bool):
        out.append((PKG.exclusive, lit("true" if r.attrs["exclusive"] else "false", "boolean")))
    for key, p in (("licensor", PKG.licensor), ("option_holder", PKG.optionHolder)):
        if r.attrs.get(key) in node:
            out.append((p, node[r.attrs[key]]))
    if r.attrs.get("mode"):
        out.append((PKG.developmentMode, lit(r.attrs["mode"])))
    share = decimal_lit(r.attrs.get("share")) if r.attrs.get("share") is not None else None
    if share is not None:
        out.append((PKG.share, share))
    if with_status and str(r.attrs.get("status")) in NON_CURRENT_STATUS:
        out.append((PKG.relationStatus, lit(r.attrs["status"])))
    return out


def _statement_iris(
    r: Relation, doc_id: str, subj_key: str, obj_key: str, extra: tuple[str, ...] = ()
) -> list[ox.NamedNode]:
    """Statement node IRIs of a relation: one per evidence sentence (one when it has none).

    The hash covers what makes the statement itself (:func:`pharmakg.model.matches_key` over the entities'
    document keys, so a symmetric relation hashes the same whichever end comes first), its status and the
    rule that found it: a declined option and a retained right of the same pair are two statements."""
    value = "" if r.value is None else str(r.value)
    rtype, subj, obj, value = matches_key(r.type, subj_key, obj_key, value)
    status = str(r.attrs.get("status") or "")
    base = (doc_id, rtype, subj, obj, value, status, r.extractor, *extra)
    if not r.evidence:
        return [n(f"{RESOURCES_IRI}assertion/{short_hash(*base)}")]
    return [n(f"{RESOURCES_IRI}assertion/{short_hash(*base, ev.start, ev.end)}") for ev in r.evidence]
