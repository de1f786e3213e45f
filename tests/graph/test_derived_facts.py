"""The store's kept name counts and best phases give the derived facts a recount gives (issue 10)."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from incremental_helpers import batch_schedule

from pharmakg.graph.derived_facts import (
    ASSERTION_COUNT,
    DOCUMENT_COUNT,
    ENTITY_COUNT,
    NAME_KEY,
    PREF_LABEL,
    DerivedFacts,
    name_key,
)
from pharmakg.graph.pair_ranking import dense_pair_keys
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH
from pharmakg.graph.store import KnowledgeGraph


def _entities(kg: KnowledgeGraph) -> list[str]:
    return sorted({q.subject.value for q in kg.store.quads_for_pattern(None, PREF_LABEL, None, None)})


def test_kept_figures_equal_a_recount_after_every_batch(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    for batch, replace in batch_schedule(corpus_extractions, 3):
        kg.add_extractions(batch, replace=replace)
        fresh = DerivedFacts(kg.store)
        for iri in _entities(kg):
            assert kg.derived.preferred_label(iri) == fresh.preferred_label(iri), iri
            assert kg.derived.latest_phase(iri) == fresh.latest_phase(iri), iri
    assert len(kg.derived._names) > 20  # the figures were kept, not read again each time


def test_a_store_built_in_batches_equals_one_built_at_once(corpus_extractions) -> None:
    at_once = KnowledgeGraph.open()
    at_once.add_extractions(corpus_extractions)
    in_batches = KnowledgeGraph.open()
    for i in range(0, len(corpus_extractions), 4):
        in_batches.add_extractions(corpus_extractions[i : i + 4])
    in_batches.remove_document(corpus_extractions[0].document.doc_id)
    in_batches.add_extractions(corpus_extractions[:1])
    # (the pair keys as dense ranks: a writer's leave gaps that depend on the order of the writes)
    assert set(dense_pair_keys(in_batches.store)) == set(dense_pair_keys(at_once.store))


def test_writes_through_rdflib_drop_the_figures(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(corpus_extractions[:3])
    assert kg.derived._names
    kg.to_rdflib()
    assert not kg.derived._names
    kg.add_extractions(corpus_extractions[3:6])
    fresh = DerivedFacts(kg.store)
    assert all(kg.derived.preferred_label(i) == fresh.preferred_label(i) for i in _entities(kg))
    assert isinstance(kg.store, ox.Store)


# ---- pkg:nameKey: each name of an entity in lower case, so questions find it by index ---------------------
KEYS = "SELECT ?e ?k WHERE { ?e <https://w3id.org/pharmakg/ontology#nameKey> ?k }"
LCASE_NAMES = (
    "SELECT DISTINCT ?e (LCASE(STR(?l)) AS ?k) WHERE { "
    "?e <http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel> ?l }"
)


def _pairs(kg: KnowledgeGraph, sparql: str) -> set[tuple[str, str]]:
    return {(str(e), str(k)) for e, k in kg.query(sparql).rows}


def _built_in_batches(extractions: list) -> Iterator[KnowledgeGraph]:
    """One graph, yielded after each batch of 4 documents; from the third batch on, every third also replaces
    a document of two batches before (which takes names and mentions away from its entities)."""
    kg = KnowledgeGraph.open()
    for batch, replace in batch_schedule(extractions, 4):
        kg.add_extractions(batch, replace=replace)
        yield kg


def test_name_keys_are_the_lower_cased_names_after_every_batch(corpus_extractions) -> None:
    for kg in _built_in_batches(corpus_extractions):
        assert _pairs(kg, KEYS) == _pairs(kg, LCASE_NAMES)
    kg.remove_document(corpus_extractions[1].document.doc_id)
    assert _pairs(kg, KEYS) == _pairs(kg, LCASE_NAMES)
    # the keys live in graph/resolved, and the merged default graph holds each once
    keys = list(kg.store.quads_for_pattern(None, NAME_KEY, None, None))
    assert {q.graph_name for q in keys} == {RESOLVED_GRAPH, ox.DefaultGraph()}
    assert len(keys) == 2 * len(_pairs(kg, KEYS))


def test_name_key_is_sparql_lcase() -> None:
    names = ["CD56", "huN901-DM1", "ΟΔΟΣ Σ", "İstanbul", "STRASSE ß", "ǅemal", "Ⅻ", "ＡＢＣ", "ÉCOLE"]
    store = ox.Store()
    for name in names:
        solutions = store.query(
            "SELECT ?n (LCASE(?n) AS ?k) WHERE {}", substitutions={ox.Variable("n"): ox.Literal(name)}
        )
        assert [s["k"].value for s in solutions] == [name_key(name)], name


def test_a_graph_without_name_keys_gets_them_on_opening(corpus_extractions, tmp_path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(corpus_extractions[:6])
    expected = set(kg.store)
    for p in (NAME_KEY, DOCUMENT_COUNT, ENTITY_COUNT, ASSERTION_COUNT):
        for q in list(kg.store.quads_for_pattern(None, p, None, None)):
            kg.store.remove(q)  # as pharmakg wrote graphs before it had the keys and counts
    kg.save(tmp_path / "old.nq")
    kg.save(tmp_path / "old-store")
    assert set(KnowledgeGraph.open(tmp_path / "old.nq").store) == expected
    assert set(KnowledgeGraph.open(tmp_path / "old-store").store) == expected


# ---- kept counts: documents per entity, entities and statements per document -------------------------------
PKG_NS = "PREFIX pkg: <https://w3id.org/pharmakg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
KEPT_COUNTS = PKG_NS + (
    "SELECT ?x ?p ?n WHERE { VALUES ?p { pkg:documentCount pkg:entityCount pkg:assertionCount } ?x ?p ?n }"
)
# what the questions counted before the store kept the figures (an entity with a label, a Document node)
RECOUNTS = PKG_NS + (
    "SELECT ?x ?p ?n WHERE { { "
    "{ SELECT ?x (COUNT(DISTINCT ?d) AS ?n) WHERE { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?l "
    "  OPTIONAL { ?x pkg:mentionedIn ?d } } GROUP BY ?x } BIND(pkg:documentCount AS ?p) } UNION { "
    "{ SELECT ?x (COUNT(DISTINCT ?e) AS ?n) WHERE { ?x a pkg:Document OPTIONAL { ?e pkg:mentionedIn ?x } } "
    "  GROUP BY ?x } BIND(pkg:entityCount AS ?p) } UNION { "
    "{ SELECT ?x (COUNT(DISTINCT ?a) AS ?n) WHERE { ?x a pkg:Document "
    "  OPTIONAL { ?a a pkg:Assertion ; prov:wasDerivedFrom ?x } } GROUP BY ?x } "
    "  BIND(pkg:assertionCount AS ?p) } }"
)


def _counts(kg: KnowledgeGraph, sparql: str) -> set[tuple[str, str, int]]:
    return {(str(x), str(p), int(c)) for x, p, c in kg.query(sparql).rows}


def test_kept_counts_equal_a_recount_after_every_batch(corpus_extractions) -> None:
    for kg in _built_in_batches(corpus_extractions):
        assert _counts(kg, KEPT_COUNTS) == _counts(kg, RECOUNTS)
    kg.remove_document(corpus_extractions[1].document.doc_id)
    kept = _counts(kg, KEPT_COUNTS)
    assert kept == _counts(kg, RECOUNTS)
    assert len(kg.derived._mentions) > 20  # the entities' counts were kept, not read again each time
    # one copy in graph/resolved, one in the merged default graph
    quads = [
        q for p in (DOCUMENT_COUNT, ENTITY_COUNT) for q in kg.store.quads_for_pattern(None, p, None, None)
    ]
    assert {q.graph_name for q in quads} == {RESOLVED_GRAPH, ox.DefaultGraph()}


def test_a_merge_of_two_entities_of_one_document_counts_it_once(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(corpus_extractions[:6])
    mention = ox.NamedNode("https://w3id.org/pharmakg/ontology#mentionedIn")
    doc = next(kg.store.quads_for_pattern(None, mention, None, ox.DefaultGraph())).object
    first, second = sorted(
        {q.subject.value for q in kg.store.quads_for_pattern(None, mention, doc, ox.DefaultGraph())}
    )[:2]
    before = dict(((x, p), n) for x, p, n in _counts(kg, KEPT_COUNTS))
    kg._rename(first, second)  # as when a new document shows the two are one entity
    kg._refresh_resolved({second})
    after = dict(((x, p), n) for x, p, n in _counts(kg, KEPT_COUNTS))
    assert after[(doc.value, ENTITY_COUNT.value)] == before[(doc.value, ENTITY_COUNT.value)] - 1
    assert _counts(kg, KEPT_COUNTS) == _counts(kg, RECOUNTS)


def test_a_refresh_writes_only_the_facts_that_change(corpus_extractions) -> None:
    """An entity refreshed again (a hub mentioned by one more document) keeps its unchanged facts: none of
    its name keys is removed and written back; a stale fact goes, a missing copy is written again."""
    kg = KnowledgeGraph.open()
    kg.add_extractions(corpus_extractions[:6])
    merged = ox.DefaultGraph()
    keyed: dict[str, int] = {}
    for q in kg.store.quads_for_pattern(None, NAME_KEY, None, RESOLVED_GRAPH):
        keyed[q.subject.value] = keyed.get(q.subject.value, 0) + 1
    iri = max(sorted(keyed), key=keyed.__getitem__)  # the entity with the most names
    e = ox.NamedNode(iri)
    assert keyed[iri] >= 2
    before = set(kg.store.quads_for_pattern(e, None, None, RESOLVED_GRAPH))
    assert kg.derived.refresh({iri}) == []  # nothing changed: nothing to write
    assert set(kg.store.quads_for_pattern(e, None, None, RESOLVED_GRAPH)) == before  # nothing removed
    # a stale key (both copies) and a key whose merged copy is missing (as a kill between two writes leaves)
    kept = next(iter(kg.store.quads_for_pattern(e, NAME_KEY, None, RESOLVED_GRAPH)))
    stale = ox.Literal("no such name")
    kg.store.extend([ox.Quad(e, NAME_KEY, stale, RESOLVED_GRAPH), ox.Quad(e, NAME_KEY, stale, merged)])
    kg.store.remove(ox.Quad(e, NAME_KEY, kept.object, merged))
    assert kg.derived.refresh({iri}) == [kept]
    assert ox.Quad(e, NAME_KEY, stale, merged) not in kg.store
    kg._write_derived([kept])
    assert _pairs(kg, KEYS) == _pairs(kg, LCASE_NAMES)
    assert set(kg.store.quads_for_pattern(e, None, None, RESOLVED_GRAPH)) == before
