"""The evidence question answers a page of a subject's statements ranked by the key written with each
statement (``pkg:evidenceOrder``): every page is the slice of the full answer, and the full answer holds the
rows of the question as it was (``queries/internal/evidence-reference.rq``) in the new order: grouped by
document, the documents by date (undated first), the statements of a document by the offset of their
sentence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pyoxigraph as ox
import pytest

from pharmakg.graph.evidence_order import EVIDENCE_ORDER, evidence_key, missing_evidence_order
from pharmakg.graph.queries import bind_parameters, load_internal_query
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.stream_fill import lacks_derived_facts, missing_derived_facts
from pharmakg.model import Document, Entity, Evidence, Extraction, Mention, Relation
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
RELATION_TYPE = ox.NamedNode(PKG.relationType)
NAMES = {"c": ("COMPOUND", "ZB-12"), "k": ("COMPOUND", "KT-7"), "t": ("TARGET", "CD56")}
NAMES |= {"h": ("TARGET", "HER2"), "d": ("DISEASE", "NSCLC")}


def release(
    doc_id: str, date: str | None, facts: list[tuple[str, str, str | None, Any, int | None]]
) -> Extraction:
    """A release stating ``facts``: (type, subject, object, value, sentence number or None: no evidence)."""
    sentences = [f"Sentence {i} of {doc_id} about ZB-12, KT-7, CD56, HER2 and NSCLC." for i in range(4)]
    text = " ".join(sentences)
    doc = Document(doc_id=doc_id, name=f"release_{doc_id}", text=text, date=date)
    entities = [
        Entity(key, kind, name, [], [Mention(text.index(name), text.index(name) + len(name), name)])
        for key, (kind, name) in NAMES.items()
    ]
    relations = []
    for kind, subject, obj, value, number in facts:
        evidence = []
        if number is not None:
            start = text.index(sentences[number])
            evidence = [Evidence(sentences[number], start, start + len(sentences[number]))]
        relations.append(Relation(kind, subject, obj, value, evidence, extractor=f"test:{kind.lower()}"))
    return Extraction(doc, entities, relations)


RELEASES = [
    release(
        "d1",
        "2024-03-05",
        [
            ("TARGETS", "c", "t", None, 2),
            ("TARGETS", "c", "h", None, 2),  # two statements of one sentence
            ("INDICATION", "c", "d", None, 0),
            ("IN_PHASE", "c", None, "Phase 2", 1),
            ("TARGETS", "k", "t", None, 1),
        ],
    ),
    release("d2", "2024-03-05", [("TARGETS", "c", "t", None, 3), ("IN_PHASE", "c", None, "Phase 1", 0)]),
    release("d3", "2023-01-10", [("TARGETS", "c", "t", None, 1), ("INDICATION", "c", "d", None, None)]),
    release("d4", None, [("TARGETS", "c", "h", None, 0), ("TARGETS", "k", "t", None, 0)]),  # undated: first
]
ASKED = [
    {"subject": "ZB-12"},
    {"subject": "zb-12", "relation": "TARGETS"},
    {"subject": "ZB-12", "relation": "targets"},  # a property name
    {"subject": "ZB-12", "relation": "in phase"},
    {"subject": "ZB-12", "relation": "hasPayload"},  # nothing
    {"subject": "ZB-12", "object": "cd56"},
    {"subject": "ZB-12", "relation": "TARGETS", "object": "CD56"},
    {"subject": "ZB-12", "object": "phase 2"},  # a value
    {"subject": "ZB-12", "relation": "IN_PHASE", "object": "Phase 1"},
    {"subject": "ZB-12", "object": ""},  # an empty object: not asked
    {"subject": "KT-7"},
    {"subject": "KT-7", "object": "CD56"},
    {"subject": "no such compound"},
]


def _graph(*batches: list[Extraction]) -> KnowledgeGraph:
    kg = KnowledgeGraph.open()
    for batch in batches:
        kg.add_extractions(batch)
    return kg


def _key(kg: KnowledgeGraph, assertion: str) -> Decimal:
    (q,) = kg.store.quads_for_pattern(ox.NamedNode(assertion), EVIDENCE_ORDER, None, MERGED)
    return Decimal(q.object.value)


def reference(kg: KnowledgeGraph, params: dict[str, str]) -> list[tuple[Any, ...]]:
    """The rows of the question as it was, in the order evidence.rq gives them (its key, then the IRI)."""
    rows = kg.query(bind_parameters(load_internal_query("evidence-reference"), params)).rows
    return sorted(rows, key=lambda row: (_key(kg, row[-1]), row[-1]))


def check_pages(kg: KnowledgeGraph, params: dict[str, str]) -> list[tuple[Any, ...]]:
    """The full answer is the reference's rows; each page is its slice, with its length as the total."""
    full = kg.run("evidence", {**params, "limit": "all"}, resolve_names=False)
    expected = reference(kg, params)
    assert full.rows == expected, params
    assert full.total == len(expected)
    assert kg.run("evidence", params, resolve_names=False).rows == expected[:50]
    for limit, offset in ((1, 0), (1, 3), (2, 1), (3, 4), (50, 0), (5, 100)):
        page = kg.run("evidence", {**params, "limit": limit, "offset": offset}, resolve_names=False)
        assert page.rows == expected[offset : offset + limit], (params, limit, offset)
        assert page.total == len(expected) and page.offset == offset
    return expected


@pytest.mark.parametrize("params", ASKED, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()))
def test_every_page_is_the_slice_of_the_reference_answer(params: dict[str, str]) -> None:
    check_pages(_graph(RELEASES), params)


def test_the_order_is_by_document_date_then_reading_order() -> None:
    kg = _graph(RELEASES)
    rows = kg.run("evidence", {"subject": "ZB-12", "limit": "all"}).records()
    assert len(rows) == 9
    documents = [r["document"] for r in rows]
    # grouped by document, undated first, then by date (d1 and d2 share one: a fixed order of the two)
    assert documents[:1] == ["release_d4"] and documents[1:3] == ["release_d3"] * 2
    assert sorted(documents[3:]) == documents[3:] or sorted(documents[3:], reverse=True) == documents[3:]
    for doc in set(documents):
        starts = [r["start"] for r in rows if r["document"] == doc]
        assert starts == sorted(starts, key=lambda s: -1 if s is None else s)  # no sentence first
    # the two statements of one sentence come together, in a fixed order
    same = [r["objectName"] for r in rows if r["document"] == "release_d1" and r["relationType"] == "TARGETS"]
    assert sorted(same) == ["CD56", "HER2"]


def test_keys_are_written_with_the_statements_and_never_change() -> None:
    once = _graph(RELEASES)
    in_steps = _graph(RELEASES[2:], RELEASES[:1], RELEASES[1:2])  # documents arriving in another order
    keys = set(once.store.quads_for_pattern(None, EVIDENCE_ORDER, None, None))
    assert keys == set(in_steps.store.quads_for_pattern(None, EVIDENCE_ORDER, None, None))
    statements = {q.subject for q in once.store.quads_for_pattern(None, RELATION_TYPE, None, MERGED)}
    # one per statement, in its document's graph and in the merged graph
    assert sorted(str(q.subject) for q in keys if q.graph_name == MERGED) == sorted(map(str, statements))
    assert sorted(str(q.subject) for q in keys if q.graph_name != MERGED) == sorted(map(str, statements))
    of_d1 = {
        q.subject
        for q in keys
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.endswith("/d1")
    }
    assert in_steps.remove_document("d1")
    assert set(in_steps.store.quads_for_pattern(None, EVIDENCE_ORDER, None, None)) == {
        q for q in keys if q.subject not in of_d1
    }
    for params in ASKED:
        check_pages(in_steps, params)


def test_a_graph_written_without_keys_gets_the_same_ones() -> None:
    kg = _graph(RELEASES)
    written = sorted(str(q) for q in kg.store.quads_for_pattern(None, EVIDENCE_ORDER, None, None))
    named = [
        q for q in kg.store.quads_for_pattern(None, EVIDENCE_ORDER, None, None) if q.graph_name != MERGED
    ]
    for q in list(kg.store.quads_for_pattern(None, EVIDENCE_ORDER, None, None)):
        kg.store.remove(q)
    assert lacks_derived_facts(kg.store)
    refilled = missing_evidence_order(kg.store)
    assert sorted(map(str, refilled)) == sorted(map(str, named))
    kg._insert(missing_derived_facts(kg.store))
    assert sorted(str(q) for q in kg.store.quads_for_pattern(None, EVIDENCE_ORDER, None, None)) == written
    assert not lacks_derived_facts(kg.store)


def test_keys_sort_by_date_document_offset() -> None:
    date = ox.Literal("2024-03-05", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    later = ox.Literal("2024-03-06", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    doc, a, b = (ox.NamedNode(f"https://example.org/{x}") for x in ("doc", "a", "b"))

    def k(d: ox.Literal | None, start: int | None, s: ox.NamedNode = a) -> Decimal:
        return Decimal(evidence_key(d, doc, start, s).value)

    assert k(None, 5) < k(date, None) < k(date, 0) < k(date, 7) < k(later, 0)
    assert k(date, 7, a) != k(date, 7, b) and int(k(date, 7, a)) == int(k(date, 7, b))
    # the lexical form Oxigraph gives back (no trailing zeros), so a store gives back the graph written
    store = ox.Store()
    for start in (None, 0, 10, 123456):
        key = evidence_key(date, doc, start, b)
        store.add(ox.Quad(a, EVIDENCE_ORDER, key))
        assert next(iter(store.quads_for_pattern(a, EVIDENCE_ORDER, key))).object.value == key.value


def test_on_the_corpus_build(corpus_kg: KnowledgeGraph) -> None:
    """The subjects with the most statements, alone and with the relation and object of their statements."""
    store = corpus_kg.store
    counts: dict[ox.NamedNode, int] = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(PKG.assertedSubject), None, MERGED):
        if isinstance(q.object, ox.NamedNode):
            counts[q.object] = counts.get(q.object, 0) + 1
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    asked = 0
    for subject in sorted(counts, key=lambda s: (-counts[s], s.value))[:6]:
        name = next(iter(store.quads_for_pattern(subject, label, None, MERGED))).object.value
        rows = check_pages(corpus_kg, {"subject": name})
        assert rows
        for row in rows[:: max(1, len(rows) // 4)]:
            record = dict(
                zip(corpus_kg.run("evidence", {"subject": name, "limit": 1}).columns, row, strict=True)
            )
            params = {"subject": name, "relation": record["relationType"]}
            check_pages(corpus_kg, params)
            value = record["objectName"] or record["value"]
            if value is not None:
                check_pages(corpus_kg, {**params, "object": str(value)})
                asked += 1
    assert asked >= 6
