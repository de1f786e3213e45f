"""Cross-document resolution with the knowledge base, on short releases written for the tests
(tests/fixtures/resolution) run through the real extraction pipeline."""

from __future__ import annotations

import pytest
from repo_paths import FIXTURES

from pharmakg.graph.rdf import extraction_quads
from pharmakg.graph.rdf_terms import identifier_iri
from pharmakg.graph.resolve import resolve
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.model import Document, Entity, Extraction
from pharmakg.ontology.kb import KB

RESOLUTION = FIXTURES / "resolution"
R = "https://w3id.org/pharmakg/resource/"


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    from pharmakg import api

    return list(api.extract([RESOLUTION], on_error="skip"))


@pytest.fixture(scope="module")
def kg(extractions) -> KnowledgeGraph:
    kg = KnowledgeGraph.open()
    kg.add_extractions(extractions)
    return kg


def nodes_named(kg: KnowledgeGraph, etype: str, name: str) -> set[str]:
    rows = kg.query(
        "SELECT DISTINCT ?e ?t ?n WHERE { ?e pkg:entityType ?t ; skos:altLabel ?n }", {"t": etype, "n": name}
    ).rows
    return {r[0] for r in rows}


def labels(kg: KnowledgeGraph, iri: str) -> set[str]:
    from rdflib import URIRef

    return {r[1] for r in kg.query("SELECT ?e ?l WHERE { ?e skos:altLabel ?l }", {"e": URIRef(iri)}).rows}


def one_node(kg: KnowledgeGraph, etype: str, *names: str) -> str:
    found = set().union(*(nodes_named(kg, etype, n) for n in names))
    assert len(found) == 1, (names, found)
    return found.pop()


# ------------------------------------------------------------------------------------------------ merged
def test_code_name_inn_and_brand_across_three_documents_are_one_node(kg):
    iri = one_node(kg, "COMPOUND", "trastuzumab-DM1", "T-DM1", "trastuzumab emtansine", "Kadcyla")
    names = {"trastuzumab-DM1", "Trastuzumab-DM1", "T-DM1", "trastuzumab emtansine", "Kadcyla"}
    assert names <= labels(kg, iri)
    docs = kg.query("SELECT DISTINCT ?e ?d WHERE { ?e pkg:mentionedIn ?d }", {"e": _u(iri)}).rows
    assert len(docs) == 3


def test_hun901_dm1_of_2003_and_lorvotuzumab_mertansine_of_2010_are_one_node(kg):
    one_node(kg, "COMPOUND", "huN901-DM1", "lorvotuzumab mertansine")


def test_a_rename_is_one_node_with_both_names(kg):
    iri = one_node(kg, "COMPANY", "sanofi-aventis", "Sanofi")
    assert iri == R + "company/sanofi"
    rows = kg.query("SELECT DISTINCT ?e ?f WHERE { ?e pkg:formerName ?f }", {"e": _u(iri)}).rows
    assert [r[1] for r in rows] == ["sanofi-aventis"]
    ev = kg.query("""SELECT DISTINCT ?kind ?year WHERE { ?c pkg:corporateEvent ?ev .
        ?ev pkg:eventKind ?kind ; pkg:eventYear ?year ; pkg:fromName "sanofi-aventis" }""").rows
    assert ev == [("renamed", "2011")]


def test_an_acquisition_is_a_dated_link_not_a_merge(kg):
    genentech = one_node(kg, "COMPANY", "Genentech")
    roche = one_node(kg, "COMPANY", "Roche")
    assert genentech != roche
    links = kg.query("SELECT DISTINCT ?g ?r WHERE { ?g pkg:acquiredBy ?r . ?r pkg:successorOf ?g }").rows
    assert (genentech, roche) in links
    rows = kg.query(
        """SELECT DISTINCT ?g ?r ?year WHERE { ?ev a pkg:CorporateEvent ; pkg:fromCompany ?g ;
        pkg:toCompany ?r ; pkg:eventKind "acquired_by" ; pkg:eventYear ?year }""",
        {"g": _u(genentech), "r": _u(roche)},
    ).rows
    assert [r[2] for r in rows] == ["2009"]


def test_identifier_links_use_skos_exact_match(kg):
    cd56 = one_node(kg, "TARGET", "CD56")
    rows = kg.query("SELECT ?e ?m WHERE { ?e skos:exactMatch ?m }", {"e": _u(cd56)}).rows
    assert {r[1] for r in rows} == {"https://identifiers.org/hgnc:7656"}
    sclc = one_node(kg, "DISEASE", "small-cell lung cancer")
    rows = kg.query("SELECT ?e ?m WHERE { ?e skos:exactMatch ?m }", {"e": _u(sclc)}).rows
    # the lexicon's NCIt id, and MeSH's since "is in Phase I testing for" is indication wording
    assert {r[1] for r in rows} == {
        "http://purl.obolibrary.org/obo/NCIT_C4917",
        "https://identifiers.org/mesh:D055752",
    }
    tick = kg.query("SELECT DISTINCT ?t WHERE { ?e pkg:ticker ?t ; skos:altLabel 'ImmunoGen' }").rows
    assert tick == [("NASDAQ:IMGN",)]
    assert kg.query("ASK { ?e <http://www.w3.org/2002/07/owl#sameAs> ?x }").rows == [(False,)]


# -------------------------------------------------------------------------------------------------- apart
def test_names_sharing_a_word_stay_apart(kg):
    assert nodes_named(kg, "DISEASE", "lung cancer") != nodes_named(kg, "DISEASE", "small-cell lung cancer")
    lung = nodes_named(kg, "DISEASE", "lung cancer")
    sclc = nodes_named(kg, "DISEASE", "small-cell lung cancer")
    assert len(lung) == len(sclc) == 1 and lung != sclc
    biogen = one_node(kg, "COMPANY", "Biogen Idec")
    idec = one_node(kg, "COMPANY", "Idec Pharmaceuticals")
    assert biogen != idec
    # different drugs of one platform and payload stay apart
    assert one_node(kg, "COMPOUND", "IMGN853") != one_node(kg, "COMPOUND", "Kadcyla")
    assert one_node(kg, "COMPOUND", "SAR3419") != one_node(kg, "COMPOUND", "AVE9633")


def test_same_name_of_different_types_stays_apart():
    doc = Document("d1", "d1", "")
    ex = Extraction(
        doc,
        [
            Entity("e1", "COMPANY", "Kadcyla"),
            Entity("e2", "COMPOUND", "T-DM1"),
            Entity("e3", "COMPOUND", "Kadcyla"),
            Entity("e4", "ANTIBODY", "trastuzumab"),
        ],
    )
    res = resolve([ex])
    assert res.iri_of[(0, "e2")] == res.iri_of[(0, "e3")]
    assert len({res.iri_of[(0, e)] for e in ("e1", "e2", "e4")}) == 3


# ------------------------------------------------------------------------------------ order and stability
def test_kb_merging_is_order_independent_and_incremental_equals_batch(extractions, kg):
    n = len(extractions)
    a = resolve(extractions)
    b = resolve(list(reversed(extractions)))
    backward = {(n - 1 - i, e): v for (i, e), v in b.iri_of.items()}
    assert dict(a.iri_of) == backward
    # added one by one in another order: IRIs are the first minted ones (stable), the partition is the same
    one_by_one = KnowledgeGraph.open()
    for ex in reversed(extractions):
        one_by_one.add_extractions([ex])
    assert len(one_by_one) == len(kg)
    assert partition(one_by_one) == partition(kg)


def partition(g: KnowledgeGraph) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for e, t, label in g.query("SELECT DISTINCT ?e ?t ?l WHERE { ?e pkg:entityType ?t ; skos:altLabel ?l }"):
        groups.setdefault(e, set()).add(f"{t}:{label}")
    return {frozenset(v) for v in groups.values()}


def test_readding_documents_is_idempotent(extractions):
    g = KnowledgeGraph.open()
    g.add_extractions(extractions)
    before = set(g.store)
    g.add_extractions(extractions[:2])
    assert set(g.store) == before


def test_a_later_document_joins_the_existing_node_through_the_kb(extractions):
    by_name = {ex.document.name: ex for ex in extractions}
    g = KnowledgeGraph.open()
    g.add_extractions([by_name["acme_2003_hun901"]])
    first = one_node(g, "COMPOUND", "huN901-DM1")
    g.add_extractions([by_name["acme_2010_tdm1_lorvo"]])
    assert one_node(g, "COMPOUND", "huN901-DM1", "lorvotuzumab mertansine") == first


def test_without_a_kb_only_shared_names_merge(extractions):
    res = resolve(extractions, kb=KB())
    kadcyla = {
        res.iri_of[(i, e.id)]
        for i, ex in enumerate(extractions)
        for e in ex.entities
        if e.type == "COMPOUND" and e.name in ("Kadcyla", "T-DM1", "trastuzumab-DM1")
    }
    assert len(kadcyla) == 3
    quads = extraction_quads(extractions[0], resolve(extractions[:1], kb=KB()), kb=KB())
    assert not any(q.predicate.value.endswith(("#kbKey", "#ticker", "#acquiredBy")) for q in quads)


def test_identifier_iri():
    assert identifier_iri("hgnc", "HGNC:7656") == "https://identifiers.org/hgnc:7656"
    assert identifier_iri("ncit", "C4917") == "http://purl.obolibrary.org/obo/NCIT_C4917"
    assert identifier_iri("ncit", "NCIT:C2926") == "http://purl.obolibrary.org/obo/NCIT_C2926"


def _u(iri: str):
    from rdflib import URIRef

    return URIRef(iri)


def test_a_batch_joining_two_compounds_joins_their_generic_trials():
    """Existing compounds zorvatinib and ALX-417, each with a "Study 001"; a batch names zorvatinib (ALX-417):
    the compounds are one, and so are their generic trials (a build at once keys both by the same compound).
    A company renamed in the same batch renames no trial."""
    from pharmakg.model import Relation

    c, t = R + "compound/", R + "trial/"
    existing = [
        (c + "zorvatinib", "COMPOUND", "zorvatinib"),
        (c + "alx-417", "COMPOUND", "ALX-417"),
        (t + "zorvatinib-study-001", "TRIAL", "Study 001"),
        (t + "alx-417-study-001", "TRIAL", "Study 001"),
        (t + "kelvara-inc-study-001", "TRIAL", "Study 001"),  # (named after a document, "kelvara-inc")
        (R + "company/kelvara", "COMPANY", "Kelvara"),
        (R + "company/kelvara-inc", "COMPANY", "Kelvara Inc."),
    ]
    ex = Extraction(
        Document("j4", "j4", ""),
        [
            Entity("e1", "COMPOUND", "zorvatinib", aliases=["ALX-417"]),
            Entity("e2", "TRIAL", "Study 001"),
            Entity("e3", "COMPANY", "Kelvara Inc.", aliases=["Kelvara"]),
        ],
        [Relation("EVALUATES", "e2", "e1")],
    )
    res = resolve([ex], existing, kb=KB())
    assert res.renames == {
        c + "zorvatinib": c + "alx-417",  # (the smaller IRI kept; the end of a build re-mints it)
        t + "zorvatinib-study-001": t + "alx-417-study-001",
        R + "company/kelvara-inc": R + "company/kelvara",
    }
    assert res.iri_of[(0, "e2")] == t + "alx-417-study-001"
    # weighed (a build): zorvatinib is kept as the heavier, and the trials follow it the other way
    sizes = {c + "zorvatinib": 900, c + "alx-417": 3, R + "company/kelvara": 5, R + "company/kelvara-inc": 1}
    heavy = resolve([ex], existing, kb=KB(), weight=sizes.__getitem__)
    assert heavy.renames == {
        c + "alx-417": c + "zorvatinib",
        t + "alx-417-study-001": t + "zorvatinib-study-001",
        R + "company/kelvara-inc": R + "company/kelvara",
    }
    assert heavy.iri_of[(0, "e1")] == c + "zorvatinib"
    assert heavy.iri_of[(0, "e2")] == t + "zorvatinib-study-001"


def test_a_join_of_existing_entities_keeps_the_heaviest_when_weighed():
    """An invented batch names one compound by two names the store holds as two entities: without weights
    the first IRI in sorted order is kept; with them (a build: its IRIs are re-minted at its end) the
    heaviest, so the hub's quads are not rewritten, and equal weights keep the sorted order's first."""
    doc = Document("d1", "d1", "")
    ex = Extraction(doc, [Entity("e1", "COMPOUND", "Zorvatinib", aliases=["ALX-417"])])
    existing = [
        (R + "compound/alx-417", "COMPOUND", "ALX-417"),
        (R + "compound/zorvatinib", "COMPOUND", "Zorvatinib"),
    ]
    plain = resolve([ex], existing, kb=KB())
    assert plain.renames == {R + "compound/zorvatinib": R + "compound/alx-417"}
    sizes = {R + "compound/alx-417": 3, R + "compound/zorvatinib": 900}
    weighed = resolve([ex], existing, kb=KB(), weight=sizes.__getitem__)
    assert weighed.renames == {R + "compound/alx-417": R + "compound/zorvatinib"}
    assert weighed.iri_of[(0, "e1")] == R + "compound/zorvatinib"
    tied = resolve([ex], existing, kb=KB(), weight=lambda _iri: 7)
    assert tied.renames == plain.renames and tied.iri_of == plain.iri_of
