"""The one table of pharmakg's entity and relation types, read from the ontology.

Every stage that needs to know "which types exist and how each one looks in RDF, on the map and in the
contract" reads it here: the statement model (valid type names), the RDF mapping (OWL class or property and
how a relation is written), the NetworkX projection (predicate <-> relation, symmetric, valued), the map
(style key into ``style.json``), evaluation (symmetric and valued relations) and the ontology test.

The rows are data in ``ontology/pharmakg.ttl``: each entity class and relation property there carries its
contract name, resource slug, RDF mapping and so on as annotations (``pkg:contractName``, ``pkg:rdfMapping``
...; ``owl:SymmetricProperty`` makes a relation symmetric). So a new relation type is one block in the
ontology plus the rule that finds it, and the ontology can never disagree with the code about the types.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

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


ONTOLOGY_PATH = Path(__file__).resolve().parent / "ontology" / "pharmakg.ttl"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_OWL = "http://www.w3.org/2002/07/owl#"
_MAPPINGS = ("edge", "agreement", "phase", "payment")


def _annotations(path: Path) -> dict[str, dict[str, Any]]:
    """term IRI -> {property local name or "type"/"label": value(s)} for the terms with a contract name."""
    import pyoxigraph as ox  # a fast Turtle parser (ms); rdflib is not needed to read our own table

    props: dict[str, dict[str, Any]] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        s, p, o = quad.subject.value, quad.predicate.value, quad.object
        entry = props.setdefault(s, {"type": set()})
        if p == _RDF_TYPE:
            entry["type"].add(o.value)
        elif p == _RDFS_LABEL:
            entry["label"] = o.value
        elif p.startswith(TERMS_IRI):
            value: Any = o.value
            if isinstance(o, ox.Literal) and o.datatype.value.endswith(("#boolean",)):
                value = o.value == "true"
            elif isinstance(o, ox.Literal) and o.datatype.value.endswith(("#integer",)):
                value = int(o.value)
            entry[p[len(TERMS_IRI) :]] = value
    return {iri: e for iri, e in props.items() if "contractName" in e}


def load_tables(path: Path = ONTOLOGY_PATH) -> tuple[tuple[EntityType, ...], tuple[RelationType, ...]]:
    """The entity and relation rows of an ontology file, each list in ``pkg:schemaOrder``."""
    entities: list[tuple[int, EntityType]] = []
    relations: list[tuple[int, RelationType]] = []
    for iri, e in _annotations(path).items():
        term, name, order = iri[len(TERMS_IRI) :], str(e["contractName"]), int(e.get("schemaOrder", 1 << 30))
        if _OWL + "Class" in e["type"]:
            slug = str(e.get("resourceSlug") or name.lower())
            entities.append(
                (order, EntityType(name, term, slug, str(e.get("label", name)), e.get("mapStyle", name)))
            )
            continue
        mapping = str(e.get("rdfMapping", "edge"))
        if mapping not in _MAPPINGS:
            raise ValueError(f"{path}: {name}: pkg:rdfMapping must be one of {_MAPPINGS}, not {mapping!r}")
        row = RelationType(
            name,
            term,
            str(e.get("edgeLabel") or e.get("label") or name.replace("_", " ").lower()),
            mapping,  # type: ignore[arg-type]
            symmetric=_OWL + "SymmetricProperty" in e["type"],
            valued=bool(e.get("valuedRelation", False)),
            needs_object=not e.get("objectOptional", False),
            style=str(e.get("mapStyle", "")),
            pipeline=bool(e.get("pipelineRelation", False)),
        )
        relations.append((order, row))
    return (
        tuple(row for _, row in sorted(entities, key=lambda x: (x[0], x[1].name))),
        tuple(row for _, row in sorted(relations, key=lambda x: (x[0], x[1].name))),
    )


ENTITY_TABLE, RELATION_TABLE = load_tables()

ENTITY_TYPES: dict[str, EntityType] = {t.name: t for t in ENTITY_TABLE}
RELATION_TYPES: dict[str, RelationType] = {t.name: t for t in RELATION_TABLE}
RELATIONS_BY_PREDICATE: dict[str, RelationType] = {t.iri: t for t in RELATION_TABLE}


def is_symmetric(name: str) -> bool:
    row = RELATION_TYPES.get(name)
    return bool(row and row.symmetric)
