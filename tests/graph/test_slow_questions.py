"""The rewrites of the questions that were over 50 ms at 1M triples (issue 10) give the answers the questions
gave before, in the cases the synthetic and shared corpora do not hold (they state no indication that is not
current)."""

from __future__ import annotations

from pharmakg.graph.store import KnowledgeGraph
from pharmakg.model import Document, Entity, Evidence, Extraction, Mention, Relation


def indication_release(doc_id: str, compound: str, disease: str, status: str | None = None) -> Extraction:
    """A release that states ``compound`` for ``disease`` (a fact that is not current when ``status`` says so:
    "discontinued", "declined", "option")."""
    sentence = f"{compound} is being developed for {disease}."
    doc = Document(doc_id=doc_id, name=f"release_{doc_id}", text=sentence, date="2024-01-0" + doc_id[-1])
    entities = [
        Entity("e1", "COMPOUND", compound, [], [Mention(0, len(compound), compound)]),
        Entity("e2", "DISEASE", disease, [], [Mention(sentence.index(disease), len(sentence) - 1, disease)]),
    ]
    attrs = {"status": status} if status else {}
    relation = Relation(
        "INDICATION",
        "e1",
        "e2",
        evidence=[Evidence(sentence, 0, len(sentence))],
        extractor="test",
        attrs=attrs,
    )
    return Extraction(doc, entities, [relation])


def test_documents_of_an_indication_include_those_that_state_it_as_not_current() -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(
        [
            indication_release("doc1", "ZB-12", "ovarian cancer"),
            indication_release("doc2", "ZB-12", "ovarian cancer", "discontinued"),
            # the same document states it as current and as an option: listed once
            indication_release("doc3", "ZB-12", "ovarian cancer"),
            indication_release("doc4", "KT-7", "ovarian cancer", "declined"),  # no current fact: no row
        ]
    )
    kg.add_extractions([_current_and_option("doc5")])
    rows = kg.run("compounds-by-indication", {"disease": "Ovarian Cancer", "limit": "all"}).records()
    assert [(r["compound"], r["documents"]) for r in rows] == [
        ("ZB-12", "release_doc1; release_doc2; release_doc3; release_doc5")
    ]
    page = kg.run("compounds-by-indication", {"disease": "ovarian cancer"})
    assert page.rows == kg.run("compounds-by-indication", {"disease": "ovarian cancer", "limit": 1}).rows
    assert page.total == 1


def _current_and_option(doc_id: str) -> Extraction:
    ex = indication_release(doc_id, "ZB-12", "ovarian cancer")
    option = Relation(
        "INDICATION",
        "e1",
        "e2",
        evidence=list(ex.relations[0].evidence),
        extractor="test:option",
        attrs={"status": "option"},
    )
    return Extraction(ex.document, ex.entities, [*ex.relations, option])


def test_a_compound_without_owners_targets_or_documents_has_none() -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions([indication_release("doc1", "ZB-12", "ovarian cancer")])
    (row,) = kg.run("compounds-by-indication", {"disease": "ovarian cancer"}).records()
    assert row["owners"] is None and row["targets"] is None and row["documents"] == "release_doc1"
