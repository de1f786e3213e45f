"""The OWL ontology (pharmakg.ttl) declares every term the code uses, with label and comment."""

from __future__ import annotations

import re

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from repo_paths import PACKAGE

from pharmakg.ontology import ONTOLOGY_DIR
from pharmakg.ontology.namespaces import PKG, TERMS_IRI

PROV = Namespace("http://www.w3.org/ns/prov#")
DCT = Namespace("http://purl.org/dc/terms/")


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_DIR / "pharmakg.ttl", format="turtle")
    return g


def ttl_terms(g: Graph) -> set[str]:
    subjects = {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    return {s[len(TERMS_IRI) :] for s in subjects if s.startswith(TERMS_IRI)}


def test_ontology_header(onto):
    ont = URIRef("https://w3id.org/pharmakg/ontology")
    assert (ont, RDF.type, OWL.Ontology) in onto
    assert onto.value(ont, OWL.versionInfo) is not None
    assert onto.value(ont, DCT.title) is not None
    assert onto.value(ont, DCT.description) is not None


def test_namespace_terms_match_ttl(onto):
    """Every term of the ontology is reachable from the code: as an attribute of the PKG namespace, or as
    the term of a row of the schema table (a new type needs no namespace attribute: code reaches it
    through pharmakg.schema)."""
    from pharmakg import schema

    declared = set(PKG.__annotations__)
    rows = {row.term for row in (*schema.ENTITY_TABLE, *schema.RELATION_TABLE)}
    assert ttl_terms(onto) == declared | rows


def test_every_term_has_label_comment_and_a_kind(onto):
    for name in ttl_terms(onto):
        term = URIRef(TERMS_IRI + name)
        assert onto.value(term, RDFS.label) is not None, name
        assert onto.value(term, RDFS.comment) is not None, name
        kinds = set(onto.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}, name
        if not kinds & {OWL.Class, OWL.AnnotationProperty}:  # annotations have no domain or range in OWL
            assert (term, RDFS.domain, None) in onto or (term, RDFS.range, None) in onto, name


def test_terms_used_in_code_and_queries_are_declared(onto):
    declared = ttl_terms(onto)
    used: set[str] = set()
    for py in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r"\bPKG\.([A-Za-z]\w*)", py.read_text(encoding="utf-8")))
    for rq in PACKAGE.rglob("*.rq"):
        used |= set(re.findall(r"\bpkg:([A-Za-z_]\w*)", rq.read_text(encoding="utf-8")))
    assert used, "found no PKG terms in the code"
    assert used <= declared, sorted(used - declared)


def test_standard_vocabularies_are_reused(onto):
    assert (PKG.Document, RDFS.subClassOf, PROV.Entity) in onto
    assert (PKG.Assertion, RDFS.subClassOf, PROV.Entity) in onto
    assert (PKG.Extractor, RDFS.subClassOf, PROV.SoftwareAgent) in onto
    assert (PKG.partnerOf, RDF.type, OWL.SymmetricProperty) in onto
    assert (PKG.extractor, RDFS.subPropertyOf, PROV.wasAttributedTo) in onto
    assert (PKG.Company, RDFS.subClassOf, PKG.Organization) in onto
    for cls in (PKG.Compound, PKG.Antibody, PKG.Payload):
        assert (cls, RDFS.subClassOf, PKG.Drug) in onto
    assert (PKG.targets, RDFS.range, PKG.Target) in onto


def test_schema_table_terms_are_declared_with_their_kind(onto):
    """Every row of pharmakg.schema names a term of the ontology: an OWL class per entity type, an object
    property per relation type, symmetric exactly when the row says so, labelled as the row labels it."""
    from pharmakg import schema

    for et in schema.ENTITY_TABLE:
        assert (URIRef(et.iri), RDF.type, OWL.Class) in onto, et.name
    for rt in schema.RELATION_TABLE:
        term = URIRef(rt.iri)
        assert (term, RDF.type, OWL.ObjectProperty) in onto, rt.name
        assert ((term, RDF.type, OWL.SymmetricProperty) in onto) == rt.symmetric, rt.name
    assert len({et.slug for et in schema.ENTITY_TABLE}) == len(schema.ENTITY_TABLE)
    assert len({rt.iri for rt in schema.RELATION_TABLE}) == len(schema.RELATION_TABLE)


def test_map_styles_name_schema_types():
    """Every style in the map's style.json belongs to a type of the schema table (no stale entries); the
    types of today's schema all have one (a new type may start with the default style)."""
    import json

    from pharmakg import schema

    style = json.loads((PACKAGE / "graph" / "viz" / "style.json").read_text(encoding="utf-8"))
    node_keys = {et.style for et in schema.ENTITY_TABLE}
    edge_keys = {rt.style_key for rt in schema.RELATION_TABLE if rt.needs_object}
    assert set(style["nodes"]) <= node_keys and set(style["edges"]) <= edge_keys
    assert len(style["nodes"]) == 8 and len(style["edges"]) == 10


# A throwaway relation type (named so that no real one will ever clash with it).
NEW_RELATION = """
pkg:exampleCombinedWith a owl:ObjectProperty, owl:SymmetricProperty ;
    pkg:contractName "EXAMPLE_COMBINED_WITH" ;
    pkg:rdfMapping "edge" ;
    pkg:schemaOrder 999 ;
    rdfs:label "combined with"@en ;
    rdfs:comment "The two compounds are given together in a regimen."@en ;
    rdfs:domain pkg:Compound ;
    rdfs:range pkg:Compound .
"""


def test_a_relation_type_declared_in_the_ontology_is_a_schema_row(tmp_path):
    """The schema table is read from the ontology: one block there is one more relation type."""
    from pharmakg import schema

    path = tmp_path / "pharmakg.ttl"
    path.write_text(schema.ONTOLOGY_PATH.read_text(encoding="utf-8") + NEW_RELATION, encoding="utf-8")
    entities, relations = schema.load_tables(path)
    assert entities == schema.ENTITY_TABLE
    assert relations[:-1] == schema.RELATION_TABLE
    row = relations[-1]
    assert (row.name, row.term, row.label, row.rdf, row.symmetric) == (
        "EXAMPLE_COMBINED_WITH",
        "exampleCombinedWith",
        "combined with",
        "edge",
        True,
    )
    assert row.iri == TERMS_IRI + "exampleCombinedWith"


def test_an_unknown_rdf_mapping_is_refused(tmp_path):
    from pharmakg import schema

    path = tmp_path / "pharmakg.ttl"
    bad = NEW_RELATION.replace('"edge"', '"hyperedge"')
    path.write_text(schema.ONTOLOGY_PATH.read_text(encoding="utf-8") + bad, encoding="utf-8")
    with pytest.raises(ValueError, match="EXAMPLE_COMBINED_WITH.*hyperedge"):
        schema.load_tables(path)
