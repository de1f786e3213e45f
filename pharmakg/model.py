"""Plain statement objects shared by every stage (after INDRA: extract first, assemble later).

A :class:`Document` is what ingest makes of a file. Extraction turns it into an
:class:`Extraction`: :class:`Entity` objects (each with its :class:`Mention` offsets) and
:class:`Relation` objects (each with its :class:`Evidence`). The graph stage maps those to RDF.
Nothing here depends on spaCy or rdflib, so every stage can be tested on its own.

Character offsets always refer to ``Document.text`` (the cleaned body that extraction reads). Mentions,
entities, evidence and relations are frozen: a stage that wants another value makes a new object.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from pharmakg import schema

# The contract's type names, in the order of the schema table (pharmakg.schema).
ENTITY_TYPES: tuple[str, ...] = tuple(schema.ENTITY_TYPES)
RELATION_TYPES: tuple[str, ...] = tuple(schema.RELATION_TYPES)
# Relations that are not the current state of things, by attrs["status"] -> the contract key they are listed
# under instead of "relations" (they stay Relation objects, so the graph records them with their status):
# planned phases ("plans to start a Phase 3 study"), discontinued development and declined options ("will not
# exercise its option"), options not yet exercised ("has an option to opt in").
NON_CURRENT_KEYS = {
    "planned": "planned_phases",
    "discontinued": "discontinued",
    "declined": "discontinued",
    "option": "options",
}
PHASES = (
    "Preclinical",
    "IND",
    "Phase 1",
    "Phase 1/2",
    "Phase 2",
    "Phase 2/3",
    "Phase 3",
    "Filed",
    "Approved",
)


@dataclass
class Document:
    """One ingested file: its cleaned text plus what is known about it."""

    doc_id: str  # content hash: the same release read twice is one document
    name: str  # the file's stem; the contract's "document"
    text: str  # cleaned body; all offsets refer to this string
    path: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, from the header or found in the text
    title: str | None = None
    source: str | None = None
    # Ranges of ``text`` kept out of extraction: (start, end, reason), reason e.g.
    # "safe-harbor", "contacts", "table", "filing-cover". Kept in the text so offsets stay true.
    skip_spans: list[tuple[int, int, str]] = field(default_factory=list)
    # Filing cover data when the file is an SEC filing: company, cik, file_number,
    # date_of_report, form_type, exhibit.
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    id: str  # local to one extraction: "e1", "e2", ...
    type: str  # one of ENTITY_TYPES
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # Knowledge-base identifiers when known, e.g. {"hgnc": "HGNC:7656", "ncit": "C4917"}
    identifiers: dict[str, str] = field(default_factory=dict)
    extractor: str = ""
    confidence: float = 1.0
    # What extraction knows beyond the contract (to_contract does not write these): lexicon names of the
    # entity that are not written in the text (not for scoring), and conjugate name parts
    # ({"antibody": "huN901", "payload": "DM1"}) that the relation rules read.
    kb_aliases: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    def all_names(self) -> list[str]:
        return [self.name, *[a for a in self.aliases if a != self.name]]


@dataclass(frozen=True)
class Evidence:
    sentence: str  # the sentence text as it stands in Document.text
    start: int  # sentence offsets in Document.text
    end: int
    document: str = ""  # Document.name
    doc_id: str = ""


StatementKey = tuple[str, str, "str | None", Any]


def matches_key(rtype: str, subject: str, obj: str | None, value: Any = None) -> StatementKey:
    """The identity of a stated fact: (type, subject, object, value), the two ends of a symmetric relation
    (PARTNER_OF) in sorted order. Two statements with the same key say the same thing: the extraction sink
    merges them (keeping all their evidence) and evaluation matches them, after mapping entity ids."""
    if obj is not None and schema.is_symmetric(rtype):
        subject, obj = sorted((subject, obj))
    return (rtype, subject, obj, value)


@dataclass(frozen=True)
class Relation:
    type: str  # one of RELATION_TYPES
    subject: str  # entity id
    object: str | None = None  # entity id, or None for valued relations (IN_PHASE)
    value: Any = None  # phase string for IN_PHASE, USD amount for PAYMENT
    evidence: list[Evidence] = field(default_factory=list)
    extractor: str = ""  # the component/rule that found it, e.g. "relations:targets_cue"
    confidence: float = 1.0
    # Extra typed facts: PAYMENT {"currency", "amount", "kind", "trigger", "status"} (status "contingent" for
    # "up to"/"eligible" sums: to_contract lists those under "contingent_payments", not "relations"),
    # IN_PHASE {"status": "current"|"planned", "pivotal", "year" (planned), "region" (Approved: "US",
    # "EU", "JP"; a list when several)}, LICENSED_TO {"licensor" (entity id), "exclusive", "territory"
    # (list: "Europe", "worldwide", "worldwide excluding Japan")}, DEVELOPED_BY/PARTNER_OF {"mode":
    # "co-development"|"opt-in"|"retained", "share" (0.5), "territory", "option_holder"}; "status"
    # "discontinued"/"declined"/"option" marks facts that are not current (NON_CURRENT_KEYS).
    attrs: dict[str, Any] = field(default_factory=dict)

    def matches_key(self) -> StatementKey:
        """See :func:`matches_key`."""
        return matches_key(self.type, self.subject, self.object, self.value)


@dataclass
class Extraction:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def to_contract(self, with_provenance: bool = True) -> dict[str, Any]:
        """The JSON object of shared/corpus/ANNOTATION.md, plus provenance fields."""
        doc = self.document
        out: dict[str, Any] = {"document": doc.name, "date": doc.date}
        if with_provenance:
            out.update({"doc_id": doc.doc_id, "title": doc.title, "source": doc.source})
            if doc.meta:
                out["meta"] = dict(doc.meta)
        ents = []
        for e in self.entities:
            item: dict[str, Any] = {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases)}
            if with_provenance:
                item["mentions"] = [asdict(m) for m in e.mentions]
                if e.identifiers:
                    item["identifiers"] = dict(e.identifiers)
                item["extractor"] = e.extractor
                item["confidence"] = round(e.confidence, 3)
            ents.append(item)
        rels = []
        contingent = []
        unpriced = []
        apart: dict[str, list[dict[str, Any]]] = {}
        for r in self.relations:
            item = {"type": r.type, "subject": r.subject}
            if r.object is not None:
                item["object"] = r.object
            if r.value is not None:
                item["value"] = r.value
            if with_provenance:
                item["extractor"] = r.extractor
                item["confidence"] = round(r.confidence, 3)
                item["evidence"] = [
                    {"sentence": ev.sentence, "start": ev.start, "end": ev.end} for ev in r.evidence
                ]
                if r.attrs:
                    item["attrs"] = dict(r.attrs)
            # Potential sums ("up to $X in milestones") and amounts without a USD value are facts of the
            # graph, not payments made: kept apart so that the contract's "relations" stay comparable to gold.
            if r.type == "PAYMENT" and r.attrs.get("status") == "contingent":
                contingent.append(item)
            elif r.type == "PAYMENT" and r.value is None:
                unpriced.append(item)
            elif r.type != "PAYMENT" and str(r.attrs.get("status")) in NON_CURRENT_KEYS:
                apart.setdefault(NON_CURRENT_KEYS[str(r.attrs["status"])], []).append(item)
            else:
                rels.append(item)
        out["entities"] = ents
        out["relations"] = rels
        if contingent:
            out["contingent_payments"] = contingent
        if unpriced:
            out["unpriced_payments"] = unpriced
        out.update(apart)
        return out

    @classmethod
    def from_contract(cls, obj: dict[str, Any], text: str = "") -> Extraction:
        """Read an object of the contract's shape (a gold file or our own JSON output)."""
        name = str(obj.get("document", ""))
        doc = Document(
            doc_id=str(obj.get("doc_id") or name),
            name=name,
            text=text,
            date=obj.get("date"),
            title=obj.get("title"),
            source=obj.get("source"),
            meta=dict(obj.get("meta") or {}),
        )
        entities = [
            Entity(
                id=e["id"],
                type=e["type"],
                name=e["name"],
                aliases=list(e.get("aliases") or []),
                mentions=[Mention(**m) for m in e.get("mentions") or []],
                identifiers=dict(e.get("identifiers") or {}),
                extractor=e.get("extractor", ""),
                confidence=float(e.get("confidence", 1.0)),
            )
            for e in obj.get("entities", [])
        ]
        relations = [
            Relation(
                type=r["type"],
                subject=r["subject"],
                object=r.get("object"),
                value=r.get("value"),
                evidence=[Evidence(document=name, doc_id=doc.doc_id, **ev) for ev in r.get("evidence") or []],
                extractor=r.get("extractor", ""),
                confidence=float(r.get("confidence", 1.0)),
                attrs=dict(r.get("attrs") or {}),
            )
            for r in obj.get("relations", [])
        ]
        return cls(document=doc, entities=entities, relations=relations)
