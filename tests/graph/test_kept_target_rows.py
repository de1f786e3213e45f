"""An on-disk store keeps crowded-targets' per-compound rows (:mod:`pharmakg.graph.kept_target_rows`): a
writer opened on it recounts only the rows a batch touches, however many compounds its targets have, and
the kept rows are always those a recount from scratch gives (after every change, in a store built in runs)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from test_crowded_targets_kept import assert_kept_is_a_recount, fixture_releases, owned, release

from pharmakg.graph.crowded_targets import TARGETS, stored_labels, target_rows
from pharmakg.graph.derived_facts import DerivedFacts
from pharmakg.graph.kept_target_rows import ROWS_GRAPH, TARGET_ROW, StoredRows
from pharmakg.graph.store import KnowledgeGraph

MANY = 30  # compounds aimed at the hub target


def assert_rows_are_a_recount(kg: KnowledgeGraph) -> None:
    """The rows graph is complete and holds, for every target, the rows a recount gives."""
    kept = StoredRows(kg.store)
    assert kept.ready()
    targets = {q.object for q in kg.store.quads_for_pattern(None, TARGETS, None, ox.DefaultGraph())}
    labels = stored_labels(kg.store)
    stored = {q.subject for q in kg.store.quads_for_pattern(None, TARGET_ROW, None, ROWS_GRAPH)}
    recount = {t: target_rows(kg.store, t, labels) for t in targets if isinstance(t, ox.NamedNode)}
    for t, rows in recount.items():
        assert kept.read(t) == rows, t
    ready_mark = {
        q.subject
        for q in kg.store.quads_for_pattern(None, TARGET_ROW, None, ROWS_GRAPH)
        if q.subject not in targets and str(q.subject).endswith("build/target-rows>")
    }
    assert stored - ready_mark == {t for t, rows in recount.items() if rows}
    assert_kept_is_a_recount(kg)


def reopened(kg: KnowledgeGraph) -> KnowledgeGraph:
    """The store as a new writer process finds it: nothing read yet (the figures it keeps in memory are
    those a writer starts with; the store folder stays open, so its lock is not released and retaken)."""
    kg.derived = DerivedFacts(kg.store, kept_rows=True)
    return kg


def hub_releases() -> list:
    return [owned(f"h{i}", f"HB-{i}", f"Company {i % 12}", "HER2") for i in range(MANY)]


def test_a_new_writer_recounts_only_the_rows_a_batch_touches(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    kg = KnowledgeGraph.open(folder)
    kg.add_extractions([*fixture_releases(), *hub_releases()])
    assert_rows_are_a_recount(kg)
    kg = reopened(kg)
    kg.add_extractions([owned("n1", "HB-new", "Newcomer Bio", "HER2")])
    crowds = kg.derived.crowds
    assert crowds.rows_recounted == 1  # the new compound's row; not the hub's 32 others
    assert crowds.kept is not None and crowds.kept.scans == 1  # HER2's rows: one scan of the kept rows
    assert_rows_are_a_recount(kg)
    her2 = next(r for r in kg.run("crowded-targets").records() if r["target"] == "HER2")
    assert "Newcomer Bio" in her2["companies"] and her2["compoundCount"] == MANY + 3


def test_kept_rows_follow_documents_changed_pruned_and_merged(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    kg = KnowledgeGraph.open(folder)
    releases = fixture_releases()
    kg.add_extractions(releases[:4])
    assert_rows_are_a_recount(kg)
    kg = reopened(kg)
    kg.add_extractions(releases[4:])
    assert_rows_are_a_recount(kg)
    kg.add_extractions([owned("d2b", "KT-7", "Helix Pharmaceuticals", "HER2")], replace=["d2"])
    assert_rows_are_a_recount(kg)
    kg = reopened(kg)
    kg.remove_document("d6")
    assert_rows_are_a_recount(kg)
    # QR-9 and LX-3 are one compound; a target renamed by a second name in more documents
    merge = release(
        "m1", {"c": ("COMPOUND", "QR-9", "LX-3"), "t": ("TARGET", "TROP2")}, [("TARGETS", "c", "t")]
    )
    kg.add_extractions([merge])
    assert_rows_are_a_recount(kg)
    kg = reopened(kg)
    kg.remove_document("d3")
    assert_rows_are_a_recount(kg)


def test_a_store_without_kept_rows_gets_them_at_its_next_write(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    kg = KnowledgeGraph.open(folder)
    kg.add_extractions(fixture_releases()[:6])
    kg.store.remove_graph(ROWS_GRAPH)  # as pharmakg wrote stores before it kept them
    kg = reopened(kg)
    kg.add_extractions(fixture_releases()[6:])
    assert_rows_are_a_recount(kg)
    # written behind the writer through rdflib: the rows are no longer trusted, and written again
    kg.to_rdflib()
    assert not StoredRows(kg.store).ready()
    kg.add_extractions([owned("d9", "FR-3", "Solace Bio", "FRa")])
    assert_rows_are_a_recount(kg)


def test_in_memory_graphs_keep_no_rows(tmp_path: Path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(fixture_releases())
    assert kg.derived.crowds.kept is None
    assert not kg.store.contains_named_graph(ROWS_GRAPH)
    # a store's dump loaded in memory: its rows are not kept up to date there, so no longer marked complete
    on_disk = KnowledgeGraph.open(tmp_path / "store")
    on_disk.add_extractions(fixture_releases()[:4])
    on_disk.save(tmp_path / "dump.nq")
    loaded = KnowledgeGraph.open(tmp_path / "dump.nq")
    assert StoredRows(loaded.store).ready()
    loaded.add_extractions(fixture_releases()[4:])
    assert not StoredRows(loaded.store).ready()
