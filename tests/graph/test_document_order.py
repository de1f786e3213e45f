"""``pkg:documentOrder``: the integer the store keeps per document sorts the documents by date, name and
identifier, and stays so as documents are added, changed and removed (issue 10)."""

from __future__ import annotations

import pyoxigraph as ox
from incremental_helpers import batch_schedule
from test_compound_order import _extract, _release

from pharmakg.graph.document_order import DOCUMENT_ORDER, NOT_A_DATE, RANK_BITS, missing_order
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH
from pharmakg.graph.store import KnowledgeGraph

PREFIXES = "PREFIX pkg: <https://w3id.org/pharmakg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
KEYS = PREFIXES + "SELECT ?d ?k WHERE { ?d pkg:documentOrder ?k }"
BY_KEY = PREFIXES + "SELECT ?d WHERE { ?d pkg:documentOrder ?k } ORDER BY ?k"
BY_FIELDS = PREFIXES + (
    "SELECT ?d WHERE { ?d a pkg:Document ; pkg:documentName ?n ; dcterms:identifier ?i "
    "OPTIONAL { ?d dcterms:date ?date } } ORDER BY ?date ?n ?i"
)


def assert_keys_are_a_recount(kg: KnowledgeGraph) -> None:
    kept = set(kg.store.quads_for_pattern(None, DOCUMENT_ORDER, None, RESOLVED_GRAPH))
    recount = set(missing_order(kg.store))
    assert kept == recount
    assert kg.query(BY_KEY).rows == kg.query(BY_FIELDS).rows
    assert len(list(kg.store.quads_for_pattern(None, DOCUMENT_ORDER, None, None))) == 2 * len(kept)


def test_keys_follow_documents_added_changed_and_removed(tmp_path) -> None:
    # releases of one day (a bucket of three) and of others
    texts = {"b": _release(0, "ALG-131"), "a": _release(0, "ALG-132"), "c": _release(0, "ALG-133")}
    first = _extract(tmp_path / "a", {**texts, "d": _release(4, "ALG-134")})
    kg = KnowledgeGraph.open()
    kg.add_extractions(first[:2])
    assert_keys_are_a_recount(kg)
    kg.add_extractions(first[2:])
    assert_keys_are_a_recount(kg)
    assert len({k >> RANK_BITS for _d, k in kg.query(KEYS).rows}) == 2
    changed = _extract(tmp_path / "b", {"a": _release(0, "ALG-139")})
    kg.add_extractions(changed, replace=[first[1].document.doc_id])
    assert_keys_are_a_recount(kg)
    kg.remove_document(first[0].document.doc_id)
    assert_keys_are_a_recount(kg)
    assert len(kg.query(KEYS).rows) == 3


def test_a_document_without_a_date_comes_first_and_one_not_a_date_last(tmp_path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(_extract(tmp_path, {"r0": _release(0, "ALG-141"), "r1": _release(1, "ALG-142")}))
    dated = [ox.NamedNode(d) for d, _k in kg.query(KEYS).rows]
    date = ox.NamedNode("http://purl.org/dc/terms/date")
    for q in list(kg.store.quads_for_pattern(dated[0], date, None, None)):
        kg.store.remove(q)
    for q in list(kg.store.quads_for_pattern(dated[1], date, None, None)):
        kg.store.remove(q)
        kg.store.add(ox.Quad(q.subject, q.predicate, ox.Literal("spring 2022"), q.graph_name))
    for q in list(kg.store.quads_for_pattern(None, DOCUMENT_ORDER, None, None)):
        kg.store.remove(q)
    kg._insert(missing_order(kg.store))  # (to graph/resolved and the merged default graph)
    keys = dict(kg.query(KEYS).rows)
    assert keys[dated[0].value] >> RANK_BITS == 0 and keys[dated[1].value] >> RANK_BITS == NOT_A_DATE
    assert kg.query(BY_KEY).rows == kg.query(BY_FIELDS).rows


def test_a_graph_without_keys_gets_them_on_opening(tmp_path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(_extract(tmp_path / "in", {f"r{i}": _release(i % 2, f"ALG-15{i}") for i in range(4)}))
    expected = set(kg.store)
    for q in list(kg.store.quads_for_pattern(None, DOCUMENT_ORDER, None, None)):
        kg.store.remove(q)
    kg.save(tmp_path / "old.nq")
    kg.save(tmp_path / "old-store")
    assert set(KnowledgeGraph.open(tmp_path / "old.nq").store) == expected
    assert set(KnowledgeGraph.open(tmp_path / "old-store").store) == expected


def test_keys_equal_a_recount_after_every_batch_of_the_corpus(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    for batch, replace in batch_schedule(corpus_extractions, 5):
        kg.add_extractions(batch, replace=replace)
        assert_keys_are_a_recount(kg)
