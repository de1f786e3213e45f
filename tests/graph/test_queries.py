"""The named SPARQL queries answer the project's questions on the seed gold graph."""

from __future__ import annotations

import pytest
from test_graph import SENTENCE, hand_made  # tests/ is on sys.path (pytest rootdir conftest)

from pharmakg.graph.queries import list_queries, load_query, parse_header, query_info
from pharmakg.graph.store import KnowledgeGraph

REQUIRED = {
    "compounds-by-target",
    "partners-and-payments",
    "phase-history",
    "compounds-by-payload",
    "evidence",
    "pipeline",
    "aliases",
}


def test_list_queries_and_headers():
    listed = {name: (title, params) for name, title, params in list_queries()}
    assert REQUIRED <= set(listed)
    assert listed["compounds-by-target"][1] == ["target"]
    assert listed["evidence"][1] == ["subject", "relation", "object", "limit", "offset"]  # and a page
    for name in listed:
        info = query_info(name)
        assert info.title and info.description, name
        assert load_query(name).lstrip().startswith("#")
    ev = {p.name: p for p in query_info("evidence").params}
    assert not ev["subject"].optional and ev["relation"].optional


def test_parse_header_stops_at_query_text():
    info = parse_header("# title: T\n# param: x - the x (optional)\nSELECT ?x WHERE {}\n# param: y - no\n")
    assert info.title == "T" and [p.name for p in info.params] == ["x"] and info.params[0].optional


def test_unknown_query_and_params(gold_kg):
    with pytest.raises(KeyError):
        load_query("../store")
    with pytest.raises(ValueError):
        gold_kg.run("compounds-by-target", {})
    with pytest.raises(ValueError):
        gold_kg.run("compounds-by-target", {"target": "CD56", "colour": "red"})


@pytest.mark.parametrize("name", ["CD56", "cd56", "CD56 antigen"])
def test_compounds_targeting_cd56(gold_kg, name):
    res = gold_kg.run("compounds-by-target", {"target": name})
    assert [r["compound"] for r in res.records()] == ["huN901-DM1"]
    assert "target" not in res.columns  # parameter columns are left out


def test_compounds_targeting_psma_via_antibody(gold_kg):
    rows = gold_kg.run("compounds-by-target", {"target": "prostate-specific membrane antigen"}).records()
    assert [r["compound"] for r in rows] == ["MLN2704"]
    assert set(rows[0]["how"].split("; ")) == {"direct", "via antibody"}


def _sanofi_aventis(kg: KnowledgeGraph, rows: list[dict]) -> dict:
    """The partner row of sanofi-aventis, whichever name the entity (maybe merged with Sanofi) shows."""
    iris = {r["entity"] for r in kg.run("aliases", {"name": "sanofi-aventis"}).records()}
    found = [r for r in rows if r["partnerIri"] in iris]
    assert len(found) == 1, rows
    return found[0]


def test_partners_and_payments_of_immunogen(gold_kg):
    rows = gold_kg.run("partners-and-payments", {"company": "ImmunoGen"}).records()
    sanofi = _sanofi_aventis(gold_kg, rows)
    assert sanofi["paidToCompany"] == 3_000_000  # 2M + 1M
    assert sanofi["payments"] == 2
    assert {"Genentech", "Amgen", "Biotest", "Boehringer Ingelheim"} <= {r["partner"] for r in rows}
    assert all(r["paidToCompany"] is None for r in rows if r is not sanofi)
    # the alias reaches the same company
    assert len(gold_kg.run("partners-and-payments", {"company": "immunogen, inc."})) == len(rows)


def test_phase_history_by_date(gold_kg):
    rows = gold_kg.run("phase-history", {"compound": "HuN901-DM1"}).records()
    got = [(r["date"], r["phase"]) for r in rows]
    assert sorted(got[:2]) == [("2003-05-08", "Phase 1"), ("2003-05-08", "Phase 1/2")]
    assert got[2:] == [("2006-11-02", "Phase 1")]
    assert (
        gold_kg.run("phase-history", {"compound": "BB-10901"}).rows
        == gold_kg.run("phase-history", {"compound": "huN901-DM1"}).rows
    )


def test_compounds_carrying_dm4(gold_kg):
    rows = gold_kg.run("compounds-by-payload", {"payload": "dm4"}).records()
    assert {r["compound"] for r in rows} == {"huC242-DM4", "IMGN853"}


def test_sentence_behind_a_fact(gold_kg):
    ex = hand_made()
    gold_kg.add_extractions([ex])
    rows = gold_kg.run(
        "evidence", {"subject": "sanofi-aventis", "relation": "PAYMENT", "object": "ImmunoGen"}
    ).records()
    mine = [r for r in rows if r["document"] == "milestone_release"]
    assert len(mine) == 1
    r = mine[0]
    assert r["sentence"] == SENTENCE and ex.document.text[r["start"] : r["end"]] == SENTENCE
    assert r["date"] == "2006-11-02" and r["extractor"] == "relations:payment"
    assert r["confidence"] == pytest.approx(0.9) and r["value"] == 2_000_000
    # the gold document's two payments have no sentence but are found too
    assert len(rows) == 3
    # a value as the object, and a property name as the relation
    phase = gold_kg.run("evidence", {"subject": "AVE9633", "relation": "in phase", "object": "phase 1"})
    assert [r["document"] for r in phase.records()] == ["milestone_release"]
    owner = gold_kg.run("evidence", {"subject": "AVE9633", "relation": "developedBy"}).records()
    assert {r["objectName"] for r in owner} == {"sanofi-aventis"}


def test_pipeline(gold_kg):
    rows = {r["compound"]: r for r in gold_kg.run("pipeline").records()}
    hun = rows["huN901-DM1"]
    assert hun["owners"] == "ImmunoGen" and hun["targets"] == "CD56" and hun["payloads"] == "DM1"
    assert hun["latestPhase"] == "Phase 1" and hun["phaseDate"] == "2006-11-02" and hun["documents"] == 2
    assert "small-cell lung cancer" in hun["indications"].split("; ")
    # labels prefer an INN, then a code name, then a brand (issue 7): the seeds call Kadcyla trastuzumab-DM1
    assert rows["Trastuzumab-DM1"]["latestPhase"] == "Approved"
    mine = {r["compound"] for r in gold_kg.run("pipeline", {"company": "Roche Group"}).records()}
    assert mine == {"Trastuzumab-DM1"}


def test_aliases(gold_kg):
    rows = gold_kg.run("aliases", {"name": "bb-10901"}).records()
    assert len(rows) == 1
    assert rows[0]["prefLabel"] == "huN901-DM1"
    assert {"huN901-DM1", "BB-10901", "HuN901-DM1"} <= set(rows[0]["names"].split(" | "))


INJECTIONS = [
    'CD56" } ; DROP ALL ; #',
    "CD56' } ; DROP ALL ; #",
    'x") || true || ("',
    'CD56\\" } UNION { ?t ?p ?o } #',
    "<https://w3id.org/pharmakg/resource/target/cd56>",
]


@pytest.mark.parametrize("attack", INJECTIONS)
def test_injection_through_a_parameter_is_a_literal(gold_kg, attack):
    from pharmakg.graph.names import NameNotFound

    before = len(gold_kg)
    # bound as given: the binding itself keeps the value a literal
    assert gold_kg.run("compounds-by-target", {"target": attack}, resolve_names=False).rows == []
    evidence = {"subject": attack, "relation": attack, "object": attack}
    assert gold_kg.run("evidence", evidence, resolve_names=False).rows == []
    # through the name index (the default): no entity has such a name, so nothing runs
    with pytest.raises(NameNotFound):
        gold_kg.run("compounds-by-target", {"target": attack})
    assert len(gold_kg) == before


def test_documents_query(gold_kg):
    rows = gold_kg.run("documents").records()
    assert [r["date"] for r in rows] == ["2003-05-08", "2006-11-02", "2014-04-07"]
    assert all(r["entities"] > 10 and r["assertions"] > 10 for r in rows)


def test_queries_run_on_a_reloaded_turtle_file(gold_kg, tmp_path):
    loaded = KnowledgeGraph.open(gold_kg.save(tmp_path / "kg.ttl"))
    rows = loaded.run("partners-and-payments", {"company": "ImmunoGen"}).records()
    assert _sanofi_aventis(loaded, rows)["paidToCompany"] == 3_000_000


def _payment_graph(*extractions) -> KnowledgeGraph:
    kg = KnowledgeGraph.open()
    kg.add_extractions(extractions)
    return kg


def test_a_payment_restated_in_two_documents_counts_once():
    kg = _payment_graph(hand_made("doc-a", "2006-11-02"), hand_made("doc-b", "2007-02-01"))
    r = _sanofi_aventis(kg, kg.run("partners-and-payments", {"company": "ImmunoGen"}).records())
    assert r["paidToCompany"] == 2_000_000 and r["payments"] == 1 and r["paidByCompany"] is None
    assert r["agreements"] == 2 and r["paymentKinds"] == "milestone"
    # the payer's side: the same payment, paid by the company
    back = kg.run("partners-and-payments", {"company": "sanofi-aventis"}).records()
    assert [(b["partner"], b["paidByCompany"], b["paidToCompany"]) for b in back] == [
        ("ImmunoGen", 2_000_000, None)
    ]
    assert r["potentialUSD"] is None


def test_different_amounts_and_repeats_within_a_document_add_up():
    import copy

    twice = hand_made("doc-a")
    twice.relations.append(copy.deepcopy(twice.relations[0]))  # two $2M milestones in one release
    kg = _payment_graph(twice, hand_made("doc-b", "2007-02-01"), hand_made("doc-c", "2008-01-01", 5_000_000))
    r = kg.run("partners-and-payments", {"company": "ImmunoGen"}).records()[0]
    # doc-a's two milestones (doc-b restates one of them) + doc-c's $5M
    assert r["paidToCompany"] == 9_000_000 and r["payments"] == 3


def test_contingent_payments_are_potential_not_paid():
    potential = hand_made("doc-b", "2007-02-01", 50_000_000)
    potential.relations[0].attrs["status"] = "contingent"  # "up to $50 million in milestones"
    kg = _payment_graph(hand_made("doc-a"), potential)
    r = kg.run("partners-and-payments", {"company": "ImmunoGen"}).records()[0]
    assert (r["paidToCompany"], r["payments"], r["potentialUSD"]) == (2_000_000, 1, 50_000_000)
