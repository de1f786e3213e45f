"""Readers open published snapshots of a store, never the folder a writer changes (issue 10)."""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox

from pharmakg.graph import snapshots
from pharmakg.graph.bookkeeping import store_lock
from pharmakg.graph.store import KnowledgeGraph, open_read_only

EX = "http://example.org/"


def _add(kg: KnowledgeGraph, name: str) -> None:
    kg.store.add(ox.Quad(ox.NamedNode(EX + name), ox.NamedNode(EX + "p"), ox.Literal(name)))


def _names(kg: KnowledgeGraph) -> set[str]:
    return {q.object.value for q in kg.store.quads_for_pattern(None, ox.NamedNode(EX + "p"), None)}


def _writer(folder: Path) -> KnowledgeGraph:
    kg = KnowledgeGraph.open(folder)
    kg.publish_snapshot()
    return kg


def test_a_view_shows_the_last_snapshot_not_later_writes(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with store_lock(folder):
        kg = _writer(folder)
        _add(kg, "first")
        kg.publish_snapshot()
        _add(kg, "second")  # not published yet
        assert _names(open_read_only(folder)) == {"first"}
        kg.publish_snapshot(final=True)
        assert _names(open_read_only(folder)) == {"first", "second"}
        del kg


def test_a_held_snapshot_outlives_newer_ones_and_goes_when_released(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with store_lock(folder):
        kg = _writer(folder)
        _add(kg, "a")
        kg.publish_snapshot()
        view = open_read_only(folder)
        assert view.view is not None
        held = view.view.path
        for name in ("b", "c"):
            _add(kg, name)
            kg.publish_snapshot()
        assert held.exists()  # a reader has it: not removed
        assert _names(view) == {"a"}
        del view  # releases its reader lock
        gc.collect()
        kg.publish_snapshot(final=True)
        assert not held.exists()
        assert len(list((folder / snapshots.SNAPSHOTS).iterdir())) == 1
        del kg


def test_a_build_publishes_every_interval_at_most(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    kg = KnowledgeGraph.open(folder)
    assert kg.publish_snapshot(every=3600)  # the first one always
    assert not kg.publish_snapshot(every=3600)
    assert kg.publish_snapshot()


def test_a_store_without_snapshot_gets_one_from_its_first_reader(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = ox.Store(str(folder))  # written by another tool, or by pharmakg before snapshots
    store.add(ox.Quad(ox.NamedNode(EX + "x"), ox.NamedNode(EX + "p"), ox.Literal("x")))
    del store
    gc.collect()
    assert snapshots.newest(folder) is None
    assert _names(open_read_only(folder)) == {"x"}
    assert snapshots.newest(folder) is not None and not (folder / snapshots.STALE_MARK).exists()


def test_a_store_written_and_dropped_without_snapshot_is_refreshed_by_its_next_reader(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with store_lock(folder):
        kg = _writer(folder)
        _add(kg, "old")
        kg.publish_snapshot(final=True)
        del kg
    kg = KnowledgeGraph.open(folder)  # a notebook adds a fact and never publishes
    _add(kg, "new")
    del kg
    gc.collect()
    assert (folder / snapshots.STALE_MARK).exists()
    assert _names(open_read_only(folder)) == {"old", "new"}


def test_while_a_writer_holds_the_lock_readers_use_its_last_snapshot(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with store_lock(folder):
        kg = _writer(folder)
        _add(kg, "published")
        kg.publish_snapshot()
        _add(kg, "unpublished")
        assert snapshots.writer_active(folder)
        assert _names(open_read_only(folder)) == {"published"}  # no refresh under a writer
        del kg
    assert not snapshots.writer_active(folder)


def test_a_snapshot_half_written_by_a_killed_writer_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with store_lock(folder):
        kg = _writer(folder)
        dead = (folder / snapshots.SNAPSHOTS) / ".00000000000000000001-999999999.tmp"
        dead.mkdir()
        (dead / "CURRENT").write_text("half")
        kg.publish_snapshot(final=True)
        assert not dead.exists()
        del kg
