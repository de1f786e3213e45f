"""The one table of pharmakg's entity and relation types.

Every stage that needs to know "which types exist and how each one looks in RDF, on the map and in the
contract" reads it here: the statement model (valid type names), the RDF mapping (OWL class or property and
how a relation is written), the NetworkX projection (predicate <-> relation, symmetric, valued), the map
(style key into ``graph/viz/style.json``), evaluation (symmetric and valued relations) and the ontology test
(every term named here is declared in ``ontology/pharmakg.ttl``).

Adding a relation type is one row below, its declaration in ``pharmakg.ttl`` and the rule that finds it.

This module depends on nothing but the standard library, so the model and every stage can import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TERMS_IRI = "https://w3id.org/pharmakg/ontology#"

# How the RDF mapping writes a relation (pharmakg.graph.rdf dispatches on it):
# "edge": a direct triple subject -predicate-> object (none for facts that are not current) plus statements;
# "agreement": symmetric company pair: a pkg:Agreement node with both parties and pkg:partnerOf both ways;
# "phase": a dated pkg:PhaseRecord node (valued: the phase name);
# "payment": a pkg:Payment node with payer, payee, amounts (valued: the USD amount).
RdfMapping = Literal["edge", "agreement", "phase", "payment"]


@dataclass(frozen=True)
class EntityType:
    """A kind of thing the releases talk about."""

    name: str  # the contract's type name (ANNOTATION.md), e.g. "COMPOUND"
    term: str  # local name of its OWL class in the pkg: namespace
    slug: str  # IRI path segment of its resources: resource/compound/...
    label: str  # human label (legend, tables)
    style: str  # key of its node style in graph/viz/style.json

    @property
    def iri(self) -> str:
        return TERMS_IRI + self.term


@dataclass(frozen=True)
class RelationType:
    """A kind of fact between two entities, or between an entity and a value."""

    name: str  # the contract's type name, e.g. "TARGETS"
    term: str  # local name of the direct predicate (an OWL object property) in the pkg: namespace
    label: str  # human label of an edge ("targets", "pays")
    rdf: RdfMapping  # how pharmakg.graph.rdf writes it
    symmetric: bool = False  # A rel B == B rel A: ends are stored sorted and compared unordered
    valued: bool = False  # the object is a value (a phase, an amount), not always an entity
    needs_object: bool = True  # False when a value alone makes the fact (IN_PHASE)
    style: str = ""  # key of its edge style in graph/viz/style.json (default: the name)
    pipeline: bool = False  # part of a compound's pipeline view (targets, payloads, owners ...)

    @property
    def iri(self) -> str:
        return TERMS_IRI + self.term

    @property
    def style_key(self) -> str:
        return self.style or self.name


ENTITY_TABLE: tuple[EntityType, ...] = (
    EntityType("COMPANY", "Company", "company", "Company", "COMPANY"),
    EntityType("COMPOUND", "Compound", "compound", "Compound", "COMPOUND"),
    EntityType("ANTIBODY", "Antibody", "antibody", "Antibody", "ANTIBODY"),
    EntityType("PAYLOAD", "Payload", "payload", "Payload", "PAYLOAD"),
    EntityType("TARGET", "Target", "target", "Target", "TARGET"),
    EntityType("DISEASE", "Disease", "disease", "Disease", "DISEASE"),
    EntityType("TECHNOLOGY", "Technology", "technology", "Technology", "TECHNOLOGY"),
    EntityType("TRIAL", "ClinicalTrial", "trial", "Trial", "TRIAL"),
)

RELATION_TABLE: tuple[RelationType, ...] = (
    RelationType("TARGETS", "targets", "targets", "edge", pipeline=True),
    RelationType("HAS_PAYLOAD", "hasPayload", "has payload", "edge", pipeline=True),
    RelationType("HAS_ANTIBODY", "hasAntibody", "has antibody", "edge", pipeline=True),
    RelationType("INDICATION", "indication", "indication", "edge", pipeline=True),
    RelationType("DEVELOPED_BY", "developedBy", "developed by", "edge", pipeline=True),
    RelationType("LICENSED_TO", "licensedTo", "licensed to", "edge", pipeline=True),
    RelationType("PARTNER_OF", "partnerOf", "partner of", "agreement", symmetric=True),
    RelationType("USES_TECHNOLOGY", "usesTechnology", "uses technology", "edge", pipeline=True),
    RelationType("EVALUATES", "evaluates", "evaluates", "edge", pipeline=True),
    RelationType("IN_PHASE", "phaseRecord", "in phase", "phase", valued=True, needs_object=False),
    RelationType("PAYMENT", "madePaymentTo", "pays", "payment", valued=True),
)

ENTITY_TYPES: dict[str, EntityType] = {t.name: t for t in ENTITY_TABLE}
RELATION_TYPES: dict[str, RelationType] = {t.name: t for t in RELATION_TABLE}
RELATIONS_BY_PREDICATE: dict[str, RelationType] = {t.iri: t for t in RELATION_TABLE}


def entity_type(name: str) -> EntityType:
    """The row of an entity type; a KeyError naming the known types when there is none."""
    try:
        return ENTITY_TYPES[name]
    except KeyError:
        raise KeyError(f"unknown entity type {name!r}; known: {', '.join(ENTITY_TYPES)}") from None


def relation_type(name: str) -> RelationType:
    """The row of a relation type; a KeyError naming the known types when there is none."""
    try:
        return RELATION_TYPES[name]
    except KeyError:
        raise KeyError(f"unknown relation type {name!r}; known: {', '.join(RELATION_TYPES)}") from None


def is_symmetric(name: str) -> bool:
    row = RELATION_TYPES.get(name)
    return bool(row and row.symmetric)


def is_valued(name: str) -> bool:
    row = RELATION_TYPES.get(name)
    return bool(row and row.valued)
