"""The store's layout: the default graph is the merge of the named graphs, kept so by every write."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.writer_graphs import WRITER_GRAPHS
from pharmakg.model import Document, Entity, Evidence, Extraction, Mention, Relation

_Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]


def doc(doc_id: str, compound: str, aliases: list[str], target: str = "CD99") -> Extraction:
    """A one-sentence document: ``compound`` (with ``aliases``) targets ``target``, owned by Acmebio."""
    text = f"{compound} of Acmebio targets {target}."
    ents = [
        Entity("e1", "COMPOUND", compound, aliases, [Mention(0, len(compound), compound)]),
        Entity(
            "e2",
            "COMPANY",
            "Acmebio",
            [],
            [Mention(text.index("Acmebio"), text.index(" targets"), "Acmebio")],
        ),
        Entity("e3", "TARGET", target, [], [Mention(text.index(target), len(text) - 1, target)]),
    ]
    ev = [Evidence(text, 0, len(text))]
    rels = [
        Relation("TARGETS", "e1", "e3", evidence=ev, extractor="test", confidence=0.9),
        Relation("DEVELOPED_BY", "e1", "e2", evidence=ev, extractor="test", confidence=0.9),
    ]
    return Extraction(Document(doc_id, doc_id, text, date="2020-01-02"), ents, rels)


def triples(kg: KnowledgeGraph, named: bool) -> set[_Triple]:
    """The default graph's triples, or those of the named graphs (an on-disk store's own graphs, its
    resolution keys among them, are kept apart: not facts a question reads)."""
    return {
        (q.subject, q.predicate, q.object)
        for q in kg.store
        if isinstance(q.graph_name, ox.DefaultGraph) != named and q.graph_name not in WRITER_GRAPHS
    }


def assert_merged(kg: KnowledgeGraph) -> None:
    """The invariant: the default graph is exactly the set of distinct triples of all named graphs."""
    merged = triples(kg, named=False)
    assert merged == triples(kg, named=True)
    assert merged  # never trivially true on these tests


def built(*extractions: Extraction) -> KnowledgeGraph:
    kg = KnowledgeGraph.open()
    kg.add_extractions(extractions)
    return kg


def test_default_graph_is_the_merge_after_add_readd_and_remove():
    kg = built(doc("a", "ACB-1", []), doc("b", "ACB-1", [], "CD99"))
    assert_merged(kg)
    # shared facts (ACB-1 targets CD99, its type, Acmebio's names) are held by two graphs, stored once
    rows = kg.query("SELECT ?t WHERE { ?c pkg:targets ?t }").rows
    assert len(rows) == 1
    kg.add_extractions([doc("b", "ACB-1", [], "CD44")])  # a changed document b replaces its graph
    assert_merged(kg)
    assert {r[0].rsplit("/", 1)[-1] for r in kg.query("SELECT ?t WHERE { ?c pkg:targets ?t }").rows} == {
        "cd99",
        "cd44",
    }
    kg.add_extractions([doc("b", "ACB-1", [], "CD44")])  # the same again: nothing changes
    assert_merged(kg)
    assert kg.remove_document("a")
    assert_merged(kg)
    # what only document a said is gone, what b says too stays
    assert [r[0].rsplit("/", 1)[-1] for r in kg.query("SELECT ?t WHERE { ?c pkg:targets ?t }").rows] == [
        "cd44"
    ]
    assert kg.remove_document("b")
    assert len(kg) == 0


def test_default_graph_is_the_merge_after_a_rename():
    # two names, two entities; a third document says they are one compound: the store merges them
    kg = built(doc("a", "ACB-1", []), doc("b", "Acmetuzumab", [], "CD44"))
    before = {r[0] for r in kg.query("SELECT ?c WHERE { ?c a pkg:Compound }").rows}
    assert len(before) == 2
    kg.add_extractions([doc("c", "ACB-1", ["Acmetuzumab"])])
    assert_merged(kg)
    after = kg.query(
        "SELECT ?c (COUNT(?n) AS ?names) WHERE { ?c a pkg:Compound ; skos:altLabel ?n } GROUP BY ?c"
    )
    assert len(after.rows) == 1 and after.rows[0][1] == 2  # each name once, though two documents use it
    kg.remove_document("c")
    assert_merged(kg)


def test_store_answers_from_the_default_graph_only():
    kg = built(doc("a", "ACB-1", []), doc("b", "ACB-1", []))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?c pkg:developedBy ?o }"
    assert kg.query(count).rows == [(1,)]
    assert kg.query(count, union=True).rows == [(3,)]  # two document graphs and the merged graph
    # the per-document detail is asked for explicitly
    per_doc = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?c pkg:developedBy ?o } }"
    assert kg.query(per_doc).rows == [(2,)]


@pytest.mark.parametrize("suffix", [".nq", ".trig", ".jsonld", ".ttl", ".nt", ""])
def test_saved_graph_reloads_with_its_default_graph(tmp_path, suffix):
    kg = built(doc("a", "ACB-1", []), doc("b", "ACB-1", [], "CD44"))
    loaded = KnowledgeGraph.open(kg.save(tmp_path / f"kg{suffix}"))
    assert triples(loaded, named=False) == triples(kg, named=False)
    if suffix in (".nq", ".trig", ".jsonld", ""):
        assert set(loaded.store) == set(kg.store)
    del loaded  # an on-disk store: release its lock


def test_a_graph_without_default_graph_gets_one_on_opening(tmp_path):
    kg = built(doc("a", "ACB-1", []), doc("b", "ACB-1", [], "CD44"))
    old = tmp_path / "old.nq"  # as written before the default graph held the merged facts
    with old.open("wb") as f:
        ox.serialize(
            (q for q in kg.store if not isinstance(q.graph_name, ox.DefaultGraph)), f, ox.RdfFormat.N_QUADS
        )
    loaded = KnowledgeGraph.open(old)
    assert set(loaded.store) == set(kg.store)
    assert_merged(loaded)


def test_a_store_folder_saved_as_json_ld_reloads_with_the_same_default_graph(tmp_path):
    """JSON-LD keeps the named graphs only, a store folder's own graphs (resolution keys, name counts) among
    them; the reloaded graph's default graph is filled from the named graphs but those: the facts alone."""
    folder = tmp_path / "store"
    kg = KnowledgeGraph.open(folder)
    kg.add_extractions([doc("a", "ACB-1", ["Acmetuzumab"]), doc("b", "ACB-1", [], "CD44")])
    assert {q.graph_name for q in kg.store} & WRITER_GRAPHS  # (the keys are kept: the test is not trivial)
    assert_merged(kg)
    loaded = KnowledgeGraph.open(kg.save(tmp_path / "kg.jsonld"))
    assert triples(loaded, named=False) == triples(kg, named=False)
    assert_merged(loaded)
    del kg
