"""A new writer takes an entity's best phase so far from its kept pkg:latestPhase instead of reading every
phase record of it again (issue 10: a hub's first refresh per process), and the store still equals a recount
and a build at once whatever the runs, replacements, removals and merges."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from pharmakg.graph.derived_facts import (
    ALT_LABEL,
    LATEST,
    LATEST_DATE,
    MAIN_LABEL,
    MERGED,
    NAME_KEY,
    PREF_LABEL,
    DerivedFacts,
)
from pharmakg.graph.kept_name_counts import NAME_COUNT, NAMES_GRAPH, StoredNames
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.model import Document, Entity, Evidence, Extraction, Mention, Relation

# (doc, date, phase, status) of one compound, ZX-1, and a second name that a later release joins to it
RECORDS = [
    ("p0", "2021-03-01", "Phase 1", "current"),
    ("p1", "2022-05-01", "Phase 2", "current"),
    ("p2", "2022-05-01", "Phase 1/2", "current"),  # the same date, a lower stage
    ("p3", "2023-01-10", "Phase 3", "planned"),  # a planned stage is not the compound's stage
    ("p4", "2020-01-01", "Phase 3", "current"),  # an older date
    ("p5", "2022-05-01", "Phase 2/3", "current"),  # the same date, a higher stage
]


def _release(doc: str, date: str, phase: str, status: str, name: str = "ZX-1") -> Extraction:
    text = f"{name} entered {phase}."
    ents = [Entity("e1", "COMPOUND", name, [], [Mention(0, len(name), name)])]
    ev = [Evidence(text, 0, len(text))]
    rels = [Relation("IN_PHASE", "e1", value=phase, evidence=ev, attrs={"status": status})]
    return Extraction(Document(doc, doc, text, date=date), ents, rels)


def _joined(doc: str) -> Extraction:
    """A release that names ZX-1 and zexatinib as one compound (resolution merges the two entities)."""
    text = "Zexatinib (ZX-1) entered Phase 2."
    ents = [Entity("e1", "COMPOUND", "zexatinib", ["ZX-1"], [Mention(0, 9, "Zexatinib")])]
    ev = [Evidence(text, 0, len(text))]
    rels = [Relation("IN_PHASE", "e1", value="Phase 2", evidence=ev, attrs={"status": "current"})]
    return Extraction(Document(doc, doc, text, date="2021-07-07"), ents, rels)


def _phases(kg: KnowledgeGraph) -> set[ox.Quad]:
    return {q for p in (LATEST, LATEST_DATE) for q in kg.store.quads_for_pattern(None, p, None, None)}


def _recount(kg: KnowledgeGraph) -> dict[str, object]:
    fresh = DerivedFacts(kg.store)
    iris = {q.subject.value for q in kg.store.quads_for_pattern(None, LATEST, None, None)}
    return {iri: fresh.latest_phase(iri) for iri in iris}


def _new_writer(kg: KnowledgeGraph) -> None:
    """As a new writer process opens the store: nothing read yet."""
    kg.derived = DerivedFacts(kg.store, kept_rows=kg.path is not None)


STEPS: list[tuple[str, list[Extraction], list[str]]] = [
    ("add", [_release(*r) for r in RECORDS[:2]], []),
    ("add", [_release(*RECORDS[2])], []),
    ("add", [_release(*RECORDS[3]), _release(*RECORDS[4])], []),
    ("add", [_release("z0", "2019-02-02", "Phase 1", "current", name="zexatinib")], []),
    ("add", [_joined("j0")], []),  # a merge: the two entities' records join
    ("add", [_release(*RECORDS[5])], []),
    ("replace", [_release("p5", "2022-05-01", "Phase 1", "current")], []),  # the best record changes
    ("add", [], ["p1"]),  # a record leaves
]


@pytest.mark.parametrize("on_disk", [False, True])
def test_a_new_writer_per_step_keeps_the_phases_of_a_recount_and_of_one_build(
    tmp_path, on_disk: bool
) -> None:
    kg = KnowledgeGraph.open(tmp_path / "store" if on_disk else None)
    documents: dict[str, Extraction] = {}
    for _kind, batch, leaving in STEPS:
        _new_writer(kg)
        kg.add_extractions(batch, replace=leaving)
        documents.update((ex.document.doc_id, ex) for ex in batch)
        for doc in leaving:
            documents.pop(doc)
        assert {q.subject.value: q for q in kg.store.quads_for_pattern(None, LATEST, None, None)}
        for iri, best in _recount(kg).items():
            assert kg.derived.latest_phase(iri) == best, iri
        at_once = KnowledgeGraph.open()
        at_once.add_extractions(documents.values())
        assert _phases(kg) == _phases(at_once)
        assert _names(kg) == _names(at_once)
        if on_disk:
            assert_kept_counts_are_a_recount(kg)
    assert len(_recount(kg)) == 1  # (zexatinib and ZX-1 were merged)


def _names(kg: KnowledgeGraph) -> set[ox.Quad]:
    return {q for p in (PREF_LABEL, NAME_KEY) for q in kg.store.quads_for_pattern(None, p, None, None)}


def assert_kept_counts_are_a_recount(kg: KnowledgeGraph) -> None:
    """The kept name counts of an on-disk store are those its labels give, and marked complete."""
    stored = StoredNames(kg.store)
    assert stored.ready()
    entities = {q.subject for q in kg.store.quads_for_pattern(None, PREF_LABEL, None, MERGED)}
    entities |= {q.subject for q in kg.store.quads_for_pattern(None, NAME_COUNT, None, NAMES_GRAPH)}
    fresh = DerivedFacts(kg.store)  # (in memory: counts from the labels)
    for e in entities:
        if isinstance(e, ox.NamedNode) and "/resource/build/" not in e.value:  # (not the ready mark)
            counts = {name: list(c) for name, c in fresh._count_names(e).items() if c != [0, 0]}
            assert stored.read(e) == counts, e


def test_a_new_writer_reads_no_phase_record_of_an_entity_it_adds_a_record_to(monkeypatch) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions([_release(*r) for r in RECORDS[:5]])
    _new_writer(kg)
    read: list[ox.NamedNode | ox.BlankNode] = []
    record = DerivedFacts._record

    def counted(self: DerivedFacts, rec: ox.NamedNode | ox.BlankNode) -> object:
        read.append(rec)
        return record(self, rec)

    monkeypatch.setattr(DerivedFacts, "_record", counted)
    kg.add_extractions([_release("p9", "2024-01-01", "Phase 3", "current")])
    assert len(read) == 1  # the new record only, not the five before it
    assert {q.object.value for q in kg.store.quads_for_pattern(None, LATEST, None, None)} == {"Phase 3"}


def test_writes_through_rdflib_make_the_writer_read_the_records() -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions([_release(*r) for r in RECORDS[:2]])
    kg.to_rdflib()
    assert not kg.derived.trust_kept_phases


def _hub_release(i: int) -> Extraction:
    """Release i names Acmebio (as "Acmebio" or "Acmebio Inc.") and a compound of its own."""
    name = "Acmebio" if i % 3 else "Acmebio Inc."
    text = f"{name} doses AB-{i}."
    ents = [
        Entity("e1", "COMPANY", name, [], [Mention(0, len(name), name)]),
        Entity("e2", "COMPOUND", f"AB-{i}", [], [Mention(len(name) + 7, len(text) - 1, f"AB-{i}")]),
    ]
    ev = [Evidence(text, 0, len(text))]
    rels = [Relation("DEVELOPED_BY", "e2", "e1", evidence=ev, extractor="test", confidence=0.9)]
    return Extraction(Document(f"h{i}", f"h{i}", text, date="2022-02-02"), ents, rels)


def test_a_new_writer_reads_the_kept_counts_of_a_hub_not_its_labels(tmp_path, monkeypatch) -> None:
    kg = KnowledgeGraph.open(tmp_path / "store")
    kg.add_extractions([_hub_release(i) for i in range(12)])
    _new_writer(kg)
    counted: list[ox.NamedNode] = []
    count = DerivedFacts._count_names

    def counting(self: DerivedFacts, e: ox.NamedNode) -> dict[str, list[int]]:
        counted.append(e)
        return count(self, e)

    monkeypatch.setattr(DerivedFacts, "_count_names", counting)
    kg.add_extractions([_hub_release(12)])
    assert counted == [] and kg.derived.kept_names is not None and kg.derived.kept_names.reads >= 2
    monkeypatch.undo()
    assert_kept_counts_are_a_recount(kg)


def test_counts_left_unmarked_by_a_killed_writer_are_written_again(tmp_path) -> None:
    kg = KnowledgeGraph.open(tmp_path / "store")
    kg.add_extractions([_hub_release(i) for i in range(6)])
    stored = StoredNames(kg.store)
    (acmebio,) = {q.subject for q in kg.store.quads_for_pattern(None, NAME_COUNT, None, NAMES_GRAPH)} - {
        q.subject for q in kg.store.quads_for_pattern(None, PREF_LABEL, ox.Literal("AB-0"), MERGED)
    } & {
        q.subject
        for q in kg.store.quads_for_pattern(None, PREF_LABEL, None, MERGED)
        if "Acme" in str(q.object)
    }
    stored.replace(acmebio, {"Acmebio": [0, 99]})  # (as a writer killed half-way through its counts left it)
    stored.unready()
    _new_writer(kg)
    kg.add_extractions([_hub_release(6)])
    assert_kept_counts_are_a_recount(kg)
    assert {q.object.value for q in kg.store.quads_for_pattern(acmebio, PREF_LABEL, None, MERGED)} == {
        "Acmebio"
    }


class _Killed(Exception):
    pass


def test_a_writer_killed_before_its_counts_are_written_leaves_them_unmarked(tmp_path, monkeypatch) -> None:
    kg = KnowledgeGraph.open(tmp_path / "store")
    kg.add_extractions([_hub_release(i) for i in range(6)])
    _new_writer(kg)

    def killed(self: KnowledgeGraph, entities: object) -> None:
        raise _Killed

    monkeypatch.setattr(KnowledgeGraph, "_refresh_resolved", killed)
    with pytest.raises(_Killed):
        kg.add_extractions([_hub_release(6)])  # its quads are written, its counts are not
    assert not StoredNames(kg.store).ready()
    monkeypatch.undo()
    _new_writer(kg)
    kg.add_extractions([_hub_release(7)])
    assert_kept_counts_are_a_recount(kg)


def test_counts_of_a_store_written_again_in_memory_are_not_trusted(tmp_path) -> None:
    kg = KnowledgeGraph.open(tmp_path / "store")
    kg.add_extractions([_hub_release(i) for i in range(4)])
    kg.save(tmp_path / "dump.nq")
    in_memory = KnowledgeGraph.open(tmp_path / "dump.nq")
    assert StoredNames(in_memory.store).ready()  # (the dump holds the store's bookkeeping graphs)
    in_memory.add_extractions([_hub_release(i) for i in range(4, 8)])
    assert not StoredNames(in_memory.store).ready()
    in_memory.save(tmp_path / "again")
    kg = KnowledgeGraph.open(tmp_path / "again")
    kg.add_extractions([_hub_release(8)])
    assert_kept_counts_are_a_recount(kg)


def test_counts_written_again_include_names_whose_merged_copy_a_kill_left_out(tmp_path) -> None:
    """A build killed between a batch's two writes (its document graph, then the merged copies) leaves names
    only in a document graph, and no ready mark: the counts written again are those of the document graphs,
    so removing that document (the next build's recovery) takes them back to none, not below."""
    kg = KnowledgeGraph.open(tmp_path / "store")
    kg.add_extractions([_hub_release(i) for i in range(3)])
    (ab2,) = {q.subject for q in kg.store.quads_for_pattern(None, PREF_LABEL, ox.Literal("AB-2"), MERGED)}
    for p in (ALT_LABEL, MAIN_LABEL, PREF_LABEL):
        for q in list(kg.store.quads_for_pattern(ab2, p, None, MERGED)):
            kg.store.remove(q)
    StoredNames(kg.store).unready()
    _new_writer(kg)
    kg.add_extractions([], replace=["h2"])
    assert StoredNames(kg.store).read(ab2) == {}
    kg.add_extractions([_hub_release(3)])
    assert_kept_counts_are_a_recount(kg)
