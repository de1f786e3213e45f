"""``pkg:compoundOrder``: the integer the store keeps per compound sorts the compounds as their labels do, and
stays so as documents are added, changed and removed and as entities merge (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from incremental_helpers import batch_schedule

from pharmakg import api
from pharmakg.graph.compound_order import COMPOUND_ORDER, bucket, order_keys
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH
from pharmakg.graph.store import KnowledgeGraph

PREFIXES = (
    "PREFIX pkg: <https://w3id.org/pharmakg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
)
KEYS = PREFIXES + "SELECT ?c ?k WHERE { ?c pkg:compoundOrder ?k }"
LABELS = PREFIXES + "SELECT ?c ?l WHERE { ?c a pkg:Compound ; skos:prefLabel ?l }"
BY_KEY = PREFIXES + "SELECT ?c WHERE { ?c pkg:compoundOrder ?k } ORDER BY ?k"
BY_LABEL = (
    PREFIXES + "SELECT ?c WHERE { ?c a pkg:Compound ; skos:prefLabel ?l } ORDER BY LCASE(?l) ?l STR(?c)"
)


def _release(i: int, compound: str, partner: str = "") -> str:
    """An invented release about one compound of company i%3; a partner sentence when given."""
    company = ["Alphagen", "Betabio", "Gammarx"][i % 3]
    text = (
        f"{company} Inc. Doses First Patient with {compound}\n\n"
        f"BOSTON, May {i + 1}, 2022 -- {company} Inc. today announced that the first patient was dosed in a "
        f"Phase 1 trial of {compound}, an antibody-drug conjugate that targets HER2, in gastric cancer.\n"
    )
    return text + (f"{compound} is developed in collaboration with {partner} Inc.\n" if partner else "")


def _extract(folder: Path, texts: dict[str, str]) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return list(api.extract([folder / f"{name}.txt" for name in texts]))


def assert_keys_are_a_recount(kg: KnowledgeGraph) -> None:
    """Each compound has one key, the key a ranking of all compounds from scratch gives, in graph/resolved and
    the merged default graph; sorted by key, the compounds come in the questions' order by label."""
    kept = {str(c): int(k) for c, k in kg.query(KEYS).rows}
    labels = {str(c): str(lab) for c, lab in kg.query(LABELS).rows}
    assert kept == order_keys(labels)
    assert kg.query(BY_KEY).rows == kg.query(BY_LABEL).rows
    quads = list(kg.store.quads_for_pattern(None, COMPOUND_ORDER, None, None))
    assert len(quads) == 2 * len(kept)
    assert {q.graph_name for q in quads} <= {RESOLVED_GRAPH, ox.DefaultGraph()}


def test_keys_sort_as_labels_and_share_buckets_only_by_prefix() -> None:
    labels = {"c1": "ALG-102", "c2": "alg-101", "c3": "Alg-101", "c4": "Zeta", "c5": "ALG-1", "c6": "éclair"}
    keys = order_keys(labels)
    assert sorted(keys, key=keys.__getitem__) == ["c5", "c3", "c2", "c1", "c4", "c6"]
    assert bucket("ALG-101") == bucket("alg-109x") != bucket("ALG-1")
    assert len(set(keys.values())) == len(keys)


def test_keys_follow_documents_added_changed_and_removed(tmp_path) -> None:
    names = ["ALG-105", "ALG-101", "alg-103b", "Zortumab", "ALG-104", "ALG-102"]
    first = _extract(tmp_path / "a", {f"r{i}": _release(i, name) for i, name in enumerate(names[:3])})
    kg = KnowledgeGraph.open()
    kg.add_extractions(first)
    assert_keys_are_a_recount(kg)
    kg.add_extractions(
        _extract(tmp_path / "b", {f"r{i}": _release(i, n) for i, n in enumerate(names) if i >= 3})
    )
    assert_keys_are_a_recount(kg)
    assert len(kg.query(KEYS).rows) >= 5
    # a changed document: its compound gets another name (a new compound in the same bucket, the old one gone)
    changed = _extract(tmp_path / "c", {"r1": _release(1, "ALG-100")})
    kg.add_extractions(changed, replace=[first[1].document.doc_id])
    assert_keys_are_a_recount(kg)
    # a removed document
    kg.remove_document(first[0].document.doc_id)
    assert_keys_are_a_recount(kg)
    # built at once from the documents the store now holds: the same keys
    at_once = KnowledgeGraph.open()
    at_once.add_extractions(
        [ex for ex in first[2:]]
        + _extract(tmp_path / "d", {f"r{i}": _release(i, n) for i, n in enumerate(names) if i >= 3})
        + changed
    )
    assert set(kg.query(KEYS).rows) == set(at_once.query(KEYS).rows)


def test_keys_follow_a_merge_of_two_compounds(tmp_path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(
        _extract(
            tmp_path, {"r0": _release(0, "ALG-107"), "r1": _release(1, "ALG-106"), "r2": _release(2, "Bx-9")}
        )
    )
    compounds = sorted(str(c) for c, _k in kg.query(KEYS).rows)
    first, second = compounds[:2]
    kg._rename(first, second)  # as when a new document shows the two are one compound
    kg._refresh_resolved({second})
    assert_keys_are_a_recount(kg)
    assert first not in {str(c) for c, _k in kg.query(KEYS).rows}


def test_a_graph_without_keys_gets_them_on_opening(tmp_path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(_extract(tmp_path / "in", {f"r{i}": _release(i, f"ALG-11{i}") for i in range(4)}))
    expected = set(kg.store)
    for q in list(kg.store.quads_for_pattern(None, COMPOUND_ORDER, None, None)):
        kg.store.remove(q)  # as pharmakg wrote graphs before it kept the keys
    kg.save(tmp_path / "old.nq")
    kg.save(tmp_path / "old-store")
    assert set(KnowledgeGraph.open(tmp_path / "old.nq").store) == expected
    assert set(KnowledgeGraph.open(tmp_path / "old-store").store) == expected


def test_keys_equal_a_recount_after_every_batch_of_the_corpus(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    for batch, replace in batch_schedule(corpus_extractions, 5):
        kg.add_extractions(batch, replace=replace)
        assert_keys_are_a_recount(kg)


def test_a_refresh_of_unchanged_and_new_compounds_of_one_bucket(tmp_path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(_extract(tmp_path / "a", {"r0": _release(0, "ALG-121"), "r1": _release(1, "ALG-125")}))
    keys = set(kg.query(KEYS).rows)
    kg._refresh_resolved({str(c) for c, _k in keys})  # nothing changed: the same keys
    assert set(kg.query(KEYS).rows) == keys
    # a release naming a known compound (its label unchanged) and a new one of its bucket, refreshed together
    both = "ALG-121 and ALG-123, antibody-drug conjugates that target HER2, were dosed in gastric cancer.\n"
    kg.add_extractions(_extract(tmp_path / "b", {"r2": _release(2, "ALG-123") + both}))
    assert_keys_are_a_recount(kg)
    assert len(kg.query(KEYS).rows) == 3
