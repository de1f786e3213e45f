"""Extraction -> RDF mapping, cross-document resolution and the KnowledgeGraph store."""

from __future__ import annotations

import pytest

from pharmakg.graph.pair_ranking import dense_pair_keys
from pharmakg.graph.rdf import extraction_quads
from pharmakg.graph.resolve import resolve, slug
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.model import Document, Entity, Evidence, Extraction, Mention, Relation

PREFIX = "https://w3id.org/pharmakg/resource/"
SENTENCE = "ImmunoGen received a $2 million milestone payment from sanofi-aventis for AVE9633."


def hand_made(doc_id: str = "doc-milestone", date: str = "2006-11-02", amount: int = 2_000_000) -> Extraction:
    """A small extraction with mentions, evidence, payment attrs and a phase."""
    text = SENTENCE + " AVE9633 is in Phase 1 for acute myeloid leukemia."
    doc = Document(
        doc_id=doc_id,
        name="milestone_release",
        text=text,
        date=date,
        title="Milestone",
        source="https://example.org/pr",
        meta={"company": "ImmunoGen, Inc.", "cik": "855654", "form_type": "8-K"},
    )
    ents = [
        Entity("e1", "COMPANY", "ImmunoGen", [], [Mention(0, 9, "ImmunoGen")]),
        Entity("e2", "COMPANY", "sanofi-aventis", [], [Mention(56, 70, "sanofi-aventis")]),
        Entity("e3", "COMPOUND", "AVE9633", [], [Mention(75, 82, "AVE9633")]),
    ]
    phase_sentence = "AVE9633 is in Phase 1 for acute myeloid leukemia."
    start = text.index(phase_sentence)
    rels = [
        Relation(
            "PAYMENT",
            "e2",
            "e1",
            amount,
            [Evidence(SENTENCE, 0, len(SENTENCE))],
            "relations:payment",
            0.9,
            {
                "currency": "USD",
                "amount": amount,
                "kind": "milestone",
                "trigger": "AVE9633 IND",
                "status": "paid",
            },
        ),
        Relation(
            "IN_PHASE",
            "e3",
            None,
            "Phase 1",
            [Evidence(phase_sentence, start, start + len(phase_sentence))],
            "relations:phase",
            0.8,
        ),
        Relation(
            "DEVELOPED_BY",
            "e3",
            "e2",
            evidence=[Evidence(SENTENCE, 0, len(SENTENCE))],
            extractor="relations:owner",
            confidence=0.7,
        ),
    ]
    return Extraction(doc, ents, rels)


def names(kg: KnowledgeGraph, iri: str) -> set[str]:
    rows = kg.query("SELECT ?e ?l WHERE { ?e skos:altLabel ?l }", {"e": _iri(iri)}).rows
    return {r[1] for r in rows}


def _iri(iri: str):
    from rdflib import URIRef

    return URIRef(iri)


# ---------------------------------------------------------------------------------------------- resolve
def test_hun901_dm1_of_2003_and_2006_is_one_node(gold_kg):
    rows = gold_kg.query(
        "SELECT DISTINCT ?e WHERE { ?e a pkg:Compound ; skos:altLabel ?l "
        "FILTER(LCASE(STR(?l)) = 'hun901-dm1') }"
    ).rows
    assert len(rows) == 1
    iri = rows[0][0]
    assert iri == PREFIX + "compound/hun901-dm1"
    assert {"huN901-DM1", "BB-10901", "HuN901-DM1"} <= names(gold_kg, iri)
    docs = gold_kg.query("SELECT ?e ?d WHERE { ?e pkg:mentionedIn ?d }", {"e": _iri(iri)}).rows
    assert len(docs) == 2
    pref = gold_kg.query("SELECT ?e ?p WHERE { ?e skos:prefLabel ?p }", {"e": _iri(iri)}).rows
    assert pref == [(iri, "huN901-DM1")]


def test_entities_sharing_only_a_word_stay_apart(gold_kg):
    # "small-cell lung cancer" vs "non-small-cell lung cancers", "lung cancer"; "Biotest" vs "Biogen Idec"
    diseases = gold_kg.query("SELECT ?p WHERE { ?e a pkg:Disease ; skos:prefLabel ?p }").rows
    labels = {r[0] for r in diseases}
    assert {"small-cell lung cancer", "lung cancer"} <= labels
    assert any(lab.startswith("non-small") for lab in labels)
    companies = {r[0] for r in gold_kg.query("SELECT ?p WHERE { ?e a pkg:Company ; skos:prefLabel ?p }").rows}
    assert {"Biotest", "Biogen Idec", "Genentech", "Roche"} <= companies


def test_a_renamed_company_is_one_node(gold_kg):
    # A rename is the same legal entity (knowledge-base history): sanofi-aventis (2006) = Sanofi (2014).
    q = (
        "SELECT DISTINCT ?e WHERE { ?e a pkg:Company ; skos:altLabel ?l "
        "FILTER(?l IN ('Sanofi', 'sanofi-aventis')) }"
    )
    assert len(gold_kg.query(q).rows) == 1


def test_same_name_different_type_stays_apart():
    doc = Document("d1", "d1", "")
    ex = Extraction(doc, [Entity("e1", "ANTIBODY", "huC242"), Entity("e2", "COMPOUND", "huC242")])
    res = resolve([ex])
    assert res.iri_of[(0, "e1")] != res.iri_of[(0, "e2")]


def test_iris_do_not_depend_on_document_order(gold_extractions):
    a = resolve(gold_extractions)
    b = resolve(list(reversed(gold_extractions)))
    n = len(gold_extractions)
    forward = {(i, eid): iri for (i, eid), iri in a.iri_of.items()}
    backward = {(n - 1 - i, eid): iri for (i, eid), iri in b.iri_of.items()}
    assert forward == backward


def test_generic_trial_names_merge_only_with_the_same_compound():
    def ex(doc_id: str, compound: str) -> Extraction:
        return Extraction(
            Document(doc_id, doc_id, ""),
            [Entity("e1", "TRIAL", "Study 001"), Entity("e2", "COMPOUND", compound)],
            [Relation("EVALUATES", "e1", "e2")],
        )

    res = resolve([ex("a", "huN901-DM1"), ex("b", "SGN-35"), ex("c", "huN901-DM1")])
    assert res.iri_of[(0, "e1")] == res.iri_of[(2, "e1")]
    assert res.iri_of[(0, "e1")] != res.iri_of[(1, "e1")]
    assert res.iri_of[(0, "e1")] == PREFIX + "trial/hun901-dm1-study-001"


def test_slug():
    assert slug("FRα") == "fralpha"
    assert slug("huN901-DM1/BB-10901") == "hun901-dm1-bb-10901"
    assert slug("®")  # never empty


def test_adding_later_document_reuses_iri_and_merges_existing(gold_extractions):
    kg = KnowledgeGraph.open()
    kg.add_extractions(gold_extractions[:1])  # 2003: Abgenix and no Amgen
    abgenix = kg.query("SELECT ?e WHERE { ?e skos:prefLabel 'Abgenix' }").rows[0][0]
    kg.add_extractions(gold_extractions[1:])  # 2006: "Amgen" with alias "Abgenix"
    batch = KnowledgeGraph.open()
    batch.add_extractions(gold_extractions)
    # huN901-DM1 keeps its IRI; the incremental graph and the batch graph agree
    assert kg.query("ASK { pkgr:compound\\/hun901-dm1 a pkg:Compound }").rows == [(True,)]
    rows = kg.query("SELECT DISTINCT ?e WHERE { ?e skos:altLabel 'Amgen' }").rows
    assert len(rows) == 1 and rows[0] != (abgenix,)  # Abgenix merged with Amgen: renamed to the IRI ...
    batch_rows = batch.query("SELECT DISTINCT ?e WHERE { ?e skos:altLabel 'Amgen' }").rows
    assert rows == batch_rows  # ... that the batch of all documents mints (not the one that came first)
    assert set(dense_pair_keys(kg.store)) == set(dense_pair_keys(batch.store))  # (pair keys: their order)


# ---------------------------------------------------------------------------------------------- mapping
def test_hand_made_extraction_quads():
    ex = hand_made()
    quads = extraction_quads(ex, resolve([ex]))
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {PREFIX + "graph/doc-milestone", PREFIX + "graph/documents"}
    preds = {q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for q in quads}
    assert {
        "assertedSubject",
        "evidenceText",
        "charStart",
        "confidence",
        "wasDerivedFrom",
        "firstMention",
        "payer",
        "amountUSD",
        "paymentKind",
        "phaseRecord",
        "party",
        "partnerOf",
    } <= preds


def test_a_new_edge_relation_type_is_mapped_from_its_schema_row_alone(monkeypatch):
    """rdf.py dispatches on schema.RelationType.rdf: a new "edge" row needs no change in the mapping."""
    from pharmakg import schema

    row = schema.RelationType("CO_PROMOTES", "coPromotes", "co-promotes", "edge")
    monkeypatch.setitem(schema.RELATION_TYPES, row.name, row)
    ex = hand_made()
    ex.relations.append(
        Relation(
            "CO_PROMOTES",
            "e1",
            "e2",
            evidence=[Evidence(SENTENCE, 0, len(SENTENCE))],
            extractor="relations:test",
        )
    )
    res = resolve([ex])
    quads = extraction_quads(ex, res)
    e1, e2 = res.iri_of[(0, "e1")], res.iri_of[(0, "e2")]
    assert any((q.subject.value, q.predicate.value, q.object.value) == (e1, row.iri, e2) for q in quads)
    statements = {
        q.subject
        for q in quads
        if q.predicate.value.endswith("#assertedPredicate") and q.object.value == row.iri
    }
    assert len(statements) == 1


def test_payment_node_and_agreement():
    kg = KnowledgeGraph.open()
    kg.add_extractions([hand_made()])
    q = """SELECT ?payer ?payee ?usd ?amount ?cur ?kind ?status ?trigger ?sentence WHERE {
        ?p a pkg:Payment ; pkg:payer/skos:prefLabel ?payer ; pkg:payee/skos:prefLabel ?payee ;
           pkg:amountUSD ?usd ; pkg:amount ?amount ; pkg:currency ?cur ; pkg:paymentKind ?kind ;
           pkg:paymentStatus ?status ; pkg:trigger ?trigger ; pkg:supportedBy/pkg:evidenceText ?sentence }"""
    assert kg.query(q).rows == [
        (
            "sanofi-aventis",
            "ImmunoGen",
            2_000_000,
            2_000_000,
            "USD",
            "milestone",
            "paid",
            "AVE9633 IND",
            SENTENCE,
        )
    ]
    ag = kg.query("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?a a pkg:Agreement ; pkg:party ?c }").rows
    assert ag == [(2,)]
    both = kg.query("SELECT ?x ?y WHERE { ?x pkg:partnerOf ?y }").rows
    assert len(both) == 2


def test_document_node_and_phase_record():
    kg = KnowledgeGraph.open()
    kg.add_extractions([hand_made()])
    rows = kg.query("""SELECT ?name ?date ?title ?cik ?form ?hash WHERE {
        ?d a pkg:Document ; pkg:documentName ?name ; dcterms:date ?date ; dcterms:title ?title ;
           pkg:cik ?cik ; pkg:formType ?form ; pkg:contentHash ?hash .
        FILTER(DATATYPE(?date) = xsd:date) }""").rows
    assert rows and rows[0][:5] == ("milestone_release", "2006-11-02", "Milestone", "855654", "8-K")
    rec = kg.query("""SELECT ?phase ?rank ?date ?latest WHERE {
        ?c skos:prefLabel "AVE9633" ; pkg:phaseRecord ?r ; pkg:latestPhase ?latest .
        ?r pkg:phase ?phase ; pkg:phaseRank ?rank ; pkg:phaseDate ?date }""").rows
    assert rec == [("Phase 1", 2, "2006-11-02", "Phase 1")]


def test_assertion_has_offsets_extractor_and_confidence():
    ex = hand_made()
    kg = KnowledgeGraph.open()
    kg.add_extractions([ex])
    rows = kg.query("""SELECT ?start ?end ?sentence ?extractor ?conf WHERE {
        ?a pkg:relationType "DEVELOPED_BY" ; pkg:charStart ?start ; pkg:charEnd ?end ;
           pkg:evidenceText ?sentence ; pkg:extractor/rdfs:label ?extractor ; pkg:confidence ?conf }""").rows
    start, end, sentence, extractor, conf = rows[0]
    assert ex.document.text[start:end] == sentence == SENTENCE
    assert extractor == "relations:owner" and conf == pytest.approx(0.7)


# ------------------------------------------------------------------------------------------------ store
def test_readding_a_document_replaces_it(gold_extractions, gold_kg):
    before = len(gold_kg)
    gold_kg.add_extractions(gold_extractions[1:2])
    assert len(gold_kg) == before
    # a changed version of a document replaces the old one (same doc_id)
    kg = KnowledgeGraph.open()
    kg.add_extractions([hand_made(amount=2_000_000)])
    kg.add_extractions([hand_made(amount=5_000_000)])
    amounts = kg.query("SELECT ?v WHERE { ?p a pkg:Payment ; pkg:amountUSD ?v }").rows
    assert amounts == [(5_000_000,)]
    assert kg.documents() == ["doc-milestone"]


@pytest.mark.parametrize("suffix", [".ttl", ".nq", ".trig", ".jsonld", ".nt"])
def test_save_and_load_round_trip(gold_kg, tmp_path, suffix):
    path = gold_kg.save(tmp_path / f"kg{suffix}")
    assert path.exists() and not list(tmp_path.glob(".*tmp"))
    loaded = KnowledgeGraph.open(path)
    union = len({(q.subject, q.predicate, q.object) for q in gold_kg.store})
    assert len(loaded) == (len(gold_kg) if suffix in (".nq", ".trig", ".jsonld") else union)
    # the Assertion nodes survive every format
    count = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a pkg:Assertion }"
    assert loaded.query(count).rows == gold_kg.query(count).rows
    assert (
        loaded.run("phase-history", {"compound": "BB-10901"}).rows
        == gold_kg.run("phase-history", {"compound": "BB-10901"}).rows
    )


def test_failed_save_keeps_existing_output(gold_kg, tmp_path, monkeypatch):
    target = gold_kg.save(tmp_path / "kg.nq")
    before = target.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("pharmakg.graph.store.write_file", boom)
    with pytest.raises(OSError):
        gold_kg.save(target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kg.nq"]


def test_on_disk_store_persists(gold_extractions, tmp_path):
    folder = tmp_path / "store"
    kg = KnowledgeGraph.open(folder)
    kg.add_extractions(gold_extractions)
    n = len(kg)
    kg.store.flush()
    del kg
    again = KnowledgeGraph.open(folder)
    assert len(again) == n
    assert again.run("phase-history", {"compound": "huN901-DM1"}).rows
    del again


def test_save_to_folder_and_refuse_foreign_folder(gold_kg, tmp_path):
    out = gold_kg.save(tmp_path / "saved")
    loaded = KnowledgeGraph.open(out)
    assert len(loaded) == len(gold_kg)
    del loaded
    gold_kg.save(tmp_path / "saved")  # overwriting a store folder is fine
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(ValueError):
        gold_kg.save(foreign)
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_query_result_formats(gold_kg):
    res = gold_kg.run("compounds-by-payload", {"payload": "DM4"})
    assert res.to_csv().splitlines()[0].startswith("compound,")
    assert '"compound": "huC242-DM4"' in res.to_json()
    table = res.to_table().splitlines()
    assert table[0].startswith("compound") and set(table[1]) <= {"-", " "}
    try:
        import pandas  # noqa: F401
    except ImportError:
        return
    assert list(res.to_dataframe()["compound"]) == [r[0] for r in res.rows]


def test_bindings_of_all_kinds(gold_kg):
    q = "SELECT ?x WHERE { BIND(1 AS ?dummy) }"
    for value in ("text", 3, 2.5, True):
        assert gold_kg.query(q, {"x": value}).rows == [(value,)]
    with pytest.raises(TypeError):
        gold_kg.query(q, {"x": object()})
    with pytest.raises(ValueError):
        gold_kg.query("SELECT ?y WHERE { BIND(1 AS ?y) }", {"x": "not projected"})


def test_a_declined_option_and_a_retained_right_are_two_statements():
    """Same pair, same type, different status: two statement nodes, and the current one reads as current."""
    text = "Betabio declined its option on XYZ-7. Alphagen retains all rights to XYZ-7."
    doc = Document(doc_id="doc-status", name="status", text=text, date="2020-05-01")
    ents = [
        Entity("e1", "COMPANY", "Alphagen", mentions=[Mention(38, 46, "Alphagen")]),
        Entity("e2", "COMPOUND", "XYZ-7", mentions=[Mention(31, 36, "XYZ-7")]),
    ]
    first = Evidence(text[:37], 0, 37, "status", "doc-status")
    rels = [
        Relation(
            "DEVELOPED_BY",
            "e2",
            "e1",
            evidence=[first],
            extractor="test:option",
            attrs={"status": "declined"},
        ),
        Relation(
            "DEVELOPED_BY",
            "e2",
            "e1",
            evidence=[first],
            extractor="test:retained",
            attrs={"mode": "retained"},
        ),
    ]
    kg = KnowledgeGraph.open()
    kg.add_extractions([Extraction(doc, ents, rels)])
    rows = kg.query(
        "SELECT ?a ?status WHERE { ?a pkg:relationType 'DEVELOPED_BY' . "
        "OPTIONAL { ?a pkg:relationStatus ?status } }"
    ).records()
    assert len(rows) == 2
    assert sorted(str(r["status"]) for r in rows) == ["None", "declined"]
