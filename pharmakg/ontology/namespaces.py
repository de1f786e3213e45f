"""pharmakg's namespaces as rdflib ``DefinedNamespace`` classes.

``PKG`` holds the ontology's terms (classes and properties, defined in ``pharmakg.ttl``);
``PKGR`` is the base of resource IRIs (entities, documents, assertions).
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from pharmakg.schema import TERMS_IRI

RESOURCES_IRI = "https://w3id.org/pharmakg/resource/"


class PKG(DefinedNamespace):
    """pharmakg ontology terms."""

    _NS = Namespace(TERMS_IRI)
    _fail = True

    # Schema annotations on the classes and properties of the contract's types (pharmakg.schema reads them)
    contractName: URIRef
    resourceSlug: URIRef
    schemaOrder: URIRef
    rdfMapping: URIRef
    edgeLabel: URIRef
    valuedRelation: URIRef
    objectOptional: URIRef
    pipelineRelation: URIRef
    mapStyle: URIRef
    valueDatatype: URIRef  # the XML Schema datatype of values whose rdfs:range is rdfs:Literal (not OWL 2)

    # Classes: things the releases talk about
    Organization: URIRef  # superclass of Company
    Company: URIRef
    Drug: URIRef  # superclass of Compound, Antibody, Payload
    Compound: URIRef
    Antibody: URIRef
    Payload: URIRef
    Target: URIRef
    Disease: URIRef
    Technology: URIRef
    ClinicalTrial: URIRef
    Agreement: URIRef
    Payment: URIRef
    PhaseRecord: URIRef  # a compound's stage as stated by one document on its date
    Mention: URIRef  # where a document first names an entity (character offsets)
    # Classes: provenance
    Document: URIRef  # a press release or filing (a prov:Entity)
    Assertion: URIRef  # a statement node: one extracted fact with its evidence
    Extractor: URIRef  # a pipeline component or rule (a prov:SoftwareAgent)
    CorporateEvent: URIRef  # a company rename, acquisition or merger (knowledge base)

    # Object properties of the contract's relations
    targets: URIRef
    hasPayload: URIRef
    hasAntibody: URIRef
    indication: URIRef
    developedBy: URIRef
    licensedTo: URIRef
    partnerOf: URIRef
    usesTechnology: URIRef
    evaluates: URIRef
    madePaymentTo: URIRef  # Company -> Company: the direct triple of a PAYMENT relation
    # Phase records
    phaseRecord: URIRef  # Compound -> PhaseRecord
    phase: URIRef  # PhaseRecord -> literal "Phase 1" ...
    phaseRank: URIRef  # PhaseRecord -> xsd:integer for ordering
    phaseDate: URIRef  # PhaseRecord -> xsd:date (the document's date)
    phaseStatus: URIRef  # "current" | "planned"
    latestPhase: URIRef  # Compound -> literal, convenience (latest dated record)
    latestPhaseDate: URIRef  # Compound -> xsd:date of that record
    # Agreements and payments
    agreement: URIRef  # Company -> Agreement
    party: URIRef  # Agreement -> Company
    payer: URIRef
    payee: URIRef
    amount: URIRef  # xsd:decimal
    currency: URIRef  # ISO 4217 code literal
    amountUSD: URIRef  # xsd:decimal
    paymentKind: URIRef  # milestone, license fee, upfront, equity, research funding ...
    paymentStatus: URIRef  # paid, earned, due, contingent
    trigger: URIRef  # free-text trigger event
    # Deal and phase attributes (Relation.attrs)
    territory: URIRef  # Assertion -> "Europe", "worldwide", "worldwide excluding Japan"
    exclusive: URIRef  # Assertion -> xsd:boolean
    licensor: URIRef  # Assertion -> Company that granted the licence
    optionHolder: URIRef  # Assertion -> Company holding an option
    developmentMode: URIRef  # Assertion -> co-development, opt-in, retained
    share: URIRef  # Assertion -> xsd:decimal cost/profit/ownership share
    relationStatus: URIRef  # Assertion -> discontinued, declined, option
    pivotal: URIRef  # PhaseRecord -> xsd:boolean
    approvalRegion: URIRef  # PhaseRecord -> "US", "EU", "JP"
    plannedYear: URIRef  # PhaseRecord -> xsd:gYear
    supportedBy: URIRef  # PhaseRecord / Payment / Agreement -> Assertion it was made from
    # Documents
    documentName: URIRef  # the file stem
    contentHash: URIRef
    # Build bookkeeping of an on-disk store (pharmakg.graph.incremental)
    SourceFile: URIRef
    sourcePath: URIRef  # SourceFile -> absolute path
    fileHash: URIRef  # SourceFile -> SHA-256 of the file's bytes
    sourceOf: URIRef  # SourceFile -> Document
    pendingDocument: URIRef  # journal -> doc_id of an unfinished batch
    touchedEntity: URIRef  # journal -> entity whose derived facts the batch changes
    remintPending: URIRef  # build -> entity whose IRI the build re-mints at its end
    remintPlanned: URIRef  # build -> "OLD NEW", a rename its end decided and has not yet made
    remintLicences: URIRef  # build -> new IRI of a rename whose licence facts are not yet written
    resolutionKey: URIRef  # entity -> a key resolution joins it on (an on-disk store's graph/keys)
    renameFrom: URIRef  # journal rename -> resource merged away
    renameTo: URIRef  # journal rename -> resource kept
    filingCompany: URIRef
    cik: URIRef
    fileNumber: URIRef
    formType: URIRef
    exhibit: URIRef
    mentionedIn: URIRef  # entity -> Document
    firstMention: URIRef  # entity -> Mention
    mentionText: URIRef  # Mention -> the surface form
    # Statement nodes (Assertion)
    assertedSubject: URIRef
    assertedPredicate: URIRef
    assertedObject: URIRef
    assertedValue: URIRef
    relationType: URIRef  # contract type name, e.g. "TARGETS"
    evidenceText: URIRef  # the sentence
    charStart: URIRef
    charEnd: URIRef
    extractor: URIRef  # Assertion -> Extractor
    confidence: URIRef  # xsd:decimal
    entityType: URIRef  # contract type name, e.g. "COMPOUND"
    nameKey: URIRef  # entity -> one of its names in lower case (LCASE), maintained by the store
    documentCount: URIRef  # entity -> number of documents mentioning it, maintained by the store
    entityCount: URIRef  # Document -> number of entities it mentions, maintained by the store
    assertionCount: URIRef  # Document -> number of statements derived from it, maintained by the store
    compoundOrder: URIRef  # Compound -> integer sorting as LCASE(label), label, IRI; maintained by the store
    documentOrder: URIRef  # Document -> integer sorting as date, name, identifier; maintained by the store
    firstCompany: URIRef  # pair node -> the company of the pair first by IRI; maintained by the store
    secondCompany: URIRef  # pair node -> the other company of the pair; maintained by the store
    dealOrder: URIRef  # pair node -> integer sorting the deals as deals.rq does; maintained by the store
    sharedPartnerOrder: URIRef  # pair node -> integer sorting as companies-sharing-a-partner; by the store
    sharedPartner: URIRef  # pair node -> a named partner company both companies share; by the store
    sentenceStatement: URIRef  # Agreement -> a DEVELOPED_BY / LICENSED_TO statement in a supporting sentence
    licensedFrom: (
        URIRef  # LICENSED_TO Assertion -> its licensor, stated or its subject's developer; by the store
    )
    licencePair: URIRef  # LICENSED_TO Assertion -> pair node of its object and a licensor; by the store
    agreementPair: URIRef  # Agreement -> the pair node of two of its companies; by the store
    agreementAsset: URIRef  # Agreement -> subject of its sentence statement about its companies; by store
    paymentPair: URIRef  # Payment -> the pair node of its payer and payee; by the store
    evidenceOrder: URIRef  # Assertion -> decimal sorting as its document's date, the document, the offset
    EvidenceGroup: URIRef  # the statements of one subject and relation (the evidence question)
    evidenceGroup: URIRef  # Assertion -> its group: the statements of one subject and relation
    evidenceSubject: URIRef  # evidence group -> the subject entity of its statements
    evidenceRelationType: URIRef  # evidence group -> the relation type of its statements ("TARGETS")
    evidenceProperty: URIRef  # evidence group -> its statements' property name in lower case ("targets")
    notCurrentObject: URIRef  # entity -> the object of a statement about it that is not current; by the store
    targetCompanyCount: URIRef  # Target -> owners of compounds aimed at it (crowded-targets); by the store
    targetCompanies: URIRef  # Target -> their preferred labels, joined by "; ", sorted; by the store
    targetCompoundCount: URIRef  # Target -> compounds aimed at it that have an owner; by the store
    targetCompounds: URIRef  # Target -> their preferred labels, joined by "; ", sorted; by the store
    # Knowledge base (pharmakg/ontology/kb.py)
    kbKey: URIRef  # entity -> "TYPE:canonical name" of its knowledge-base record
    ticker: URIRef  # Company -> "NASDAQ:IMGN"
    formerName: URIRef  # Company -> a name it had before a rename
    acquiredBy: URIRef  # Company -> the Company that acquired it or that it merged into
    successorOf: URIRef  # Company -> a Company it acquired or that merged into it (inverse of acquiredBy)
    corporateEvent: URIRef  # Company -> CorporateEvent
    eventKind: URIRef  # "renamed" | "acquired_by" | "merged_into"
    eventYear: URIRef  # xsd:gYear
    fromCompany: URIRef  # CorporateEvent -> the company before the event
    toCompany: URIRef  # CorporateEvent -> the company after it (acquirer, or the renamed company itself)
    fromName: URIRef  # CorporateEvent -> name before
    toName: URIRef  # CorporateEvent -> name after (the acquirer's name)


PKGR = Namespace(RESOURCES_IRI)
PROV = Namespace("http://www.w3.org/ns/prov#")
