"""Kept pair keys (``pkg:dealOrder``, ``pkg:sharedPartnerOrder``, graph/pair_order.py): they equal a recount
from scratch as documents are added, changed and removed and entities merge, a store built in several runs
holds those of one built at once, a graph without them gets them on opening; companies-sharing-a-partner pages
by them, each page the slice of the full answer of the former query (internal/reference-...)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from incremental_helpers import built_in_batches_and_at_once, built_in_runs_and_at_once, extract_texts

from pharmakg import api
from pharmakg.graph.pair_links import PREF_LABEL
from pharmakg.graph.pair_order import (
    DEAL_ORDER,
    FIRST,
    SECOND,
    SHARED_ORDER,
    SHARED_PARTNER,
    missing_pair_order,
)
from pharmakg.graph.pair_ranking import dense_pair_keys
from pharmakg.graph.queries import bind_parameters, load_internal_query, query_info, run_query, sorted_result
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH
from pharmakg.graph.store import KnowledgeGraph

PAIR_FACTS = (FIRST, SECOND, SHARED_PARTNER, DEAL_ORDER, SHARED_ORDER)
QUESTION = "companies-sharing-a-partner"
PARTNERS = ["Alphagen", "Betabio", "Gammarx", "Deltavax", "Epsilonix", "Zetagen"]


def _partnering(i: int) -> str:
    """An invented release where company i%6 names two partners (so pairs share partners and have deals)."""
    me, one, two = PARTNERS[i % 6], PARTNERS[(i + 1) % 6], PARTNERS[(i + 3) % 6]
    return (
        f"{me} Inc. and {one} Inc. Announce Collaboration\n\nBOSTON, June {i + 1}, 2022 -- {me} Inc. and "
        f"{one} Inc. today announced a collaboration agreement for ALG-20{i}. {me} Inc. also entered a "
        f"license agreement with {two} Inc. for ALG-30{i}.\n"
    )


def pair_quads(kg: KnowledgeGraph) -> set[ox.Quad]:
    """The pair facts, the keys as dense ranks (a writer's leave gaps that depend on the order of the writes:
    equal sets are equal facts and equal orders)."""
    return set(
        dense_pair_keys(q for p in PAIR_FACTS for q in kg.store.quads_for_pattern(None, p, None, None))
    )


def assert_keys_are_a_recount(kg: KnowledgeGraph) -> None:
    """The kept pair facts are those a count from scratch gives, in graph/resolved and the merged graph: the
    same facts, the keys in the same order and buckets (:func:`dense_pair_keys`), each key one value in both
    graphs."""
    for p in (DEAL_ORDER, SHARED_ORDER):
        copies = {
            g: {(q.subject, q.object) for q in kg.store.quads_for_pattern(None, p, None, g)}
            for g in (RESOLVED_GRAPH, ox.DefaultGraph())
        }
        assert copies[RESOLVED_GRAPH] == copies[ox.DefaultGraph()]
        assert len({s for s, _ in copies[RESOLVED_GRAPH]}) == len(copies[RESOLVED_GRAPH])
    recount = missing_pair_order(kg.store)  # (its keys spread evenly: as dense ranks too)
    expected = set(
        dense_pair_keys(
            ox.Quad(q.subject, q.predicate, q.object, g)
            for q in recount
            for g in (q.graph_name, ox.DefaultGraph())
        )
    )
    assert pair_quads(kg) == expected
    for kept in kg.derived.pairs._kept or []:  # the writer's sorted buckets follow its keys (s19-flat)
        assert kept.ordered is not None
        for b, members in kept.ordered.items():
            assert set(members) == {
                nd for nd in kept.buckets.get(b, set()) if kept.keys[nd] >> kept.bits == b
            }
            assert [kept.keys[nd] for nd in members] == sorted(kept.keys[nd] for nd in members)


def assert_pages_are_slices(kg: KnowledgeGraph, params: dict | None = None) -> None:
    """Every row of the question is the former query's answer, in its order up to its ties, and each page
    the slice of every row with the number of rows as its total."""
    params = params or {}
    reference = sorted_result(
        query_info(QUESTION),
        kg.query(bind_parameters(load_internal_query(f"reference-{QUESTION}"), params)),
    )
    every = run_query(kg, QUESTION, {**params, "limit": "all"})
    assert sorted(map(repr, every.rows)) == sorted(map(repr, reference.rows))
    key = [(-int(r[2]), str(r[0]).lower(), str(r[1]).lower(), str(r[0]), str(r[1])) for r in every.rows]
    assert key == sorted(key)
    for size, start in ((1, 0), (3, 2), (50, 0), (5, 10_000)):
        page = run_query(kg, QUESTION, {**params, "limit": size, "offset": start})
        assert page.rows == every.rows[start : start + size]
        assert page.total == len(every.rows)


def test_keys_follow_documents_added_changed_removed_and_merged(tmp_path: Path) -> None:
    first = extract_texts(tmp_path / "a", {f"p{i}": _partnering(i) for i in range(4)})
    kg = KnowledgeGraph.open()
    kg.add_extractions(first)
    assert_keys_are_a_recount(kg)
    more = extract_texts(tmp_path / "b", {f"p{i}": _partnering(i) for i in range(4, 9)})
    kg.add_extractions(more)
    assert_keys_are_a_recount(kg)
    assert {q.predicate for q in pair_quads(kg)} == set(PAIR_FACTS)
    assert_pages_are_slices(kg)
    assert_pages_are_slices(kg, {"company": "Alphagen"})
    # a changed document (other partners), then a removed one
    changed = extract_texts(tmp_path / "c", {"p1": _partnering(7)})
    kg.add_extractions(changed, replace=[first[1].document.doc_id])
    assert_keys_are_a_recount(kg)
    kg.remove_document(first[0].document.doc_id)
    assert_keys_are_a_recount(kg)
    # built at once from the documents the store now holds: the same facts
    at_once = KnowledgeGraph.open()
    at_once.add_extractions(first[2:] + more + changed)
    assert pair_quads(kg) == pair_quads(at_once)
    # two companies merged (as when a document shows they are one): their pairs are counted again
    companies = sorted(
        {q.object.value for q in kg.store.quads_for_pattern(None, FIRST, None, ox.DefaultGraph())}
    )
    kg._rename(companies[0], companies[1])
    kg._refresh_resolved({companies[1]})
    assert_keys_are_a_recount(kg)
    assert_pages_are_slices(kg)


def test_a_graph_without_pair_keys_gets_them_on_opening(tmp_path: Path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(extract_texts(tmp_path / "in", {f"p{i}": _partnering(i) for i in range(5)}))
    expected = set(dense_pair_keys(kg.store))  # (the fill spreads its keys evenly, a writer's gaps vary)
    for p in PAIR_FACTS:
        for q in list(kg.store.quads_for_pattern(None, p, None, None)):
            kg.store.remove(q)  # as pharmakg wrote graphs before it kept them
    kg.save(tmp_path / "old.nq")
    kg.save(tmp_path / "old-store")
    assert set(dense_pair_keys(KnowledgeGraph.open(tmp_path / "old.nq").store)) == expected
    assert set(dense_pair_keys(KnowledgeGraph.open(tmp_path / "old-store").store)) == expected


def test_a_store_built_in_runs_holds_the_keys_of_one_built_at_once(tmp_path: Path) -> None:
    runs, once = built_in_runs_and_at_once(tmp_path, _partnering, "p")
    a, b = (api.open_graph(p, read_only=True) for p in (runs, once))
    assert pair_quads(a) == pair_quads(b)
    assert_keys_are_a_recount(a)


def test_keys_equal_a_recount_on_the_corpus_and_pages_are_slices(corpus_graph) -> None:
    assert_keys_are_a_recount(corpus_graph)
    assert_pages_are_slices(corpus_graph)
    companies = sorted({str(r[0]) for r in run_query(corpus_graph, QUESTION, {"limit": "all"}).rows})
    for name in companies[:3]:
        assert_pages_are_slices(corpus_graph, {"company": name})


@pytest.mark.parametrize("count", [1, 5])
def test_the_corpus_built_in_batches_holds_the_keys_of_one_built_at_once(corpus_extractions, count) -> None:
    batches, once = built_in_batches_and_at_once(corpus_extractions, count)
    assert pair_quads(batches) == pair_quads(once)


def _company(kg: KnowledgeGraph, name: str) -> str:
    found = kg.store.quads_for_pattern(None, PREF_LABEL, ox.Literal(name), ox.DefaultGraph())
    return next(q.subject.value for q in found)


def test_renames_and_merges_keep_the_facts_of_a_recount(tmp_path: Path) -> None:
    """A company re-minted (its facts move to the nodes of its new IRI, as when a build re-mints IRIs at its
    end: renames, then the keys written once) and two merges of companies that share partners and are each
    other's partners (as when a document shows two are one): the kept facts equal a recount each time."""
    kg = KnowledgeGraph.open()
    kg.add_extractions(extract_texts(tmp_path / "in", {f"p{i}": _partnering(i) for i in range(9)}))
    assert_keys_are_a_recount(kg)
    hub = _company(kg, "Alphagen")
    kg._rename(hub, hub + "-renamed")  # a re-mint: the new IRI is new
    kg._write_derived(kg.derived.reorder())
    assert_keys_are_a_recount(kg)
    assert pair_quads(kg) != set() and {q.predicate for q in pair_quads(kg)} == set(PAIR_FACTS)
    gammarx = _company(kg, "Gammarx")
    kg._rename(_company(kg, "Betabio"), gammarx)  # a merge of two partners (a document shows they are one)
    kg._refresh_resolved({gammarx})
    assert_keys_are_a_recount(kg)
    epsilonix = _company(kg, "Epsilonix")
    kg._rename(_company(kg, "Deltavax"), epsilonix)
    kg._refresh_resolved({epsilonix})
    assert_keys_are_a_recount(kg)
    assert_pages_are_slices(kg)
