"""Incremental builds of a store folder: only new or changed files are read, the result is the graph a
build from scratch gives, an interrupted build is finished by the next one, one writer at a time."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from incremental_helpers import assert_same_store, release, store_quads, write_releases
from repo_paths import REPO
from test_layout import assert_merged

from pharmakg import api
from pharmakg.graph.bookkeeping import JOURNAL_GRAPH, SOURCES_GRAPH, StoreLocked, read_sources, store_lock
from pharmakg.graph.incremental import read_only
from pharmakg.graph.store import KnowledgeGraph


def build(inputs: list[Path], store: Path, **kwargs) -> api.BatchStats:
    stats = api.BatchStats()
    api.build(inputs, store, stats=stats, **kwargs)
    return stats


def test_a_then_b_is_the_graph_of_a_and_b_at_once(tmp_path: Path) -> None:
    a, b = tmp_path / "in" / "a", tmp_path / "in" / "b"
    write_releases(a, range(0, 4))
    write_releases(b, range(4, 8))
    build([a, b], tmp_path / "at-once")
    first = build([a], tmp_path / "in-turn", batch_size=3)
    second = build([a, b], tmp_path / "in-turn", batch_size=3)
    assert (first.documents, second.documents, second.unchanged) == (4, 4, 4)
    assert_same_store(tmp_path / "at-once", tmp_path / "in-turn")
    assert not store_quads(tmp_path / "at-once").get(str(JOURNAL_GRAPH))


def test_a_rerun_reads_nothing_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_releases(folder, range(3))
    store = tmp_path / "store"
    build([folder], store)
    before = store_quads(store)
    again = build([folder], store)
    assert (again.documents, again.unchanged, again.quads_added, again.quads_removed) == (0, 3, 0, 0)
    assert store_quads(store) == before


def test_sources_are_recorded_with_path_and_hash(tmp_path: Path) -> None:
    (path,) = write_releases(tmp_path / "in", [1])
    store = tmp_path / "store"
    build([path], store)
    kg = read_only(store)
    (record,) = read_sources(kg).values()
    assert record.path == str(path.resolve()) and len(record.file_hash) == 64
    assert kg.documents() == [record.doc_id]
    assert_merged(kg)


def test_a_changed_file_replaces_its_document_and_prune_removes_gone_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = write_releases(folder, range(4))
    store = tmp_path / "store"
    build([folder], store)
    paths[1].write_text(release(1, phase=2), encoding="utf-8")
    paths[2].unlink()
    kept = build([folder], store)  # without --prune the gone file's document stays
    assert (kept.documents, kept.changed, kept.unchanged, kept.pruned) == (1, 1, 2, 0)
    assert len(read_only(store).documents()) == 4
    pruned = build([folder], store, prune=True)
    assert (pruned.documents, pruned.pruned, pruned.unchanged) == (0, 1, 3)
    build([folder], tmp_path / "clean")
    assert_same_store(store, tmp_path / "clean")
    assert_merged(read_only(store))


def test_same_text_in_two_files_is_one_document_recorded_twice(tmp_path: Path) -> None:
    (path,) = write_releases(tmp_path / "in", [1])
    shutil.copy(path, tmp_path / "in" / "copy.txt")
    store = tmp_path / "store"
    stats = build([tmp_path / "in"], store)
    assert (stats.documents, stats.unchanged) == (1, 1)
    assert len(read_sources(read_only(store))) == 2
    assert build([tmp_path / "in"], store).unchanged == 2


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    write_releases(tmp_path / "in", [1])
    store = tmp_path / "store"
    build([tmp_path / "in"], store)
    with store_lock(store), pytest.raises(StoreLocked, match="another pharmakg build"):
        build([tmp_path / "in"], store)
    assert build([tmp_path / "in"], store).unchanged == 1  # the lock went with its holder


def test_an_interrupted_batch_is_rolled_back_and_redone(tmp_path: Path, monkeypatch) -> None:
    """A failure after a batch's quads went in and before its sources were recorded: the journal makes the
    next build remove that batch and read its files again; the result equals a clean build."""
    folder = tmp_path / "in"
    write_releases(folder, range(6))
    store = tmp_path / "store"
    calls = {"n": 0}
    original = KnowledgeGraph._refresh_resolved

    def crash_on_second_batch(self: KnowledgeGraph, entities) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # as if killed in the middle of the second batch
        original(self, entities)

    monkeypatch.setattr(KnowledgeGraph, "_refresh_resolved", crash_on_second_batch)
    with pytest.raises(KeyboardInterrupt):
        build([folder], store, batch_size=2)
    monkeypatch.setattr(KnowledgeGraph, "_refresh_resolved", original)
    interrupted = read_only(store)
    assert interrupted.documents() and store_quads(store).get(str(JOURNAL_GRAPH))  # readable, journal left
    resumed = build([folder], store, batch_size=2)
    assert resumed.documents == 4 and resumed.unchanged == 2
    build([folder], tmp_path / "clean", batch_size=2)
    assert_same_store(store, tmp_path / "clean")
    assert len(store_quads(store)[str(SOURCES_GRAPH)]) == 6 * 4


def test_documents_given_as_objects_are_written_into_a_store(tmp_path: Path) -> None:
    from pharmakg.model import Document

    docs = [Document(doc_id=f"d{i}", name=f"d{i}", text=release(i)) for i in range(3)]
    kg = api.build(docs, tmp_path / "store")
    assert len(kg.documents()) == 3


def test_nothing_readable_leaves_no_store_folder(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    stats = build([bad], tmp_path / "store", on_error="skip")
    assert stats.failed == 1 and not (tmp_path / "store").exists()


# A build that prints a line each time a batch is recorded, so the test can kill it mid-way without
# opening the store while it is written (a read-only opening beside a writer is undefined in Oxigraph).
_BUILD_SCRIPT = """
import sys
from pharmakg import api
from pharmakg.graph import incremental

def write_sources(kg, records, _write=incremental.write_sources):
    _write(kg, records)
    print("recorded", flush=True)

incremental.write_sources = write_sources
api.build([sys.argv[1]], sys.argv[2], batch_size=1)
"""


def _start_build(folder: Path, store: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    args = [sys.executable, "-c", _BUILD_SCRIPT, str(folder), str(store)]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)


def _wait_until_recorded(proc: subprocess.Popen, batches: int) -> int:
    """Until the build has recorded that many batches (or ended); how many it recorded."""
    assert proc.stdout is not None
    for done in range(batches):
        if not proc.stdout.readline():
            return done
    return batches


def test_kill_9_during_a_build_never_loses_the_store(tmp_path: Path) -> None:
    """SIGKILL a build subprocess at random moments while it writes (a few times, bounded): the store
    opens after each kill, and the next run finishes the work with the graph of a clean build."""
    folder = tmp_path / "in"
    write_releases(folder, range(12))
    store = tmp_path / "store"
    rng = random.Random()
    seed = int(os.environ.get("PHARMAKG_KILL_SEED") or rng.randrange(10**6))  # set it to replay a failure
    rng.seed(seed)
    recorded = 0
    for _ in range(3):
        proc = _start_build(folder, store)  # each run goes on from where the killed one stopped
        recorded += _wait_until_recorded(proc, rng.randint(0, 3))  # each kill leaves work to do
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if recorded:  # a store was made (a kill while RocksDB creates a new one leaves none yet)
            assert read_only(store).documents(), f"seed {seed}"  # readable after every kill
    finished = build([folder], store, batch_size=1)
    assert finished.failed == 0, f"seed {seed}"
    build([folder], tmp_path / "clean", batch_size=1)
    try:
        assert_same_store(store, tmp_path / "clean")
    except AssertionError as failed:
        raise AssertionError(f"seed {seed}: {failed}") from None
    assert not store_quads(store).get(str(JOURNAL_GRAPH)), f"seed {seed}"


def test_recovery_finishes_a_half_done_merge(tmp_path: Path) -> None:
    """A merge interrupted after some renamed copies were added: the journal names it, recovery redoes it."""
    import pyoxigraph as ox

    from pharmakg.graph.bookkeeping import Journal, open_store, recover

    write_releases(tmp_path / "in", [1])
    store = tmp_path / "store"
    build([tmp_path / "in"], store)
    kg = open_store(store)
    old = next(iri for iri in kg._document_entities(kg.documents()) if "/compound/" in iri)
    new = old + "-merged"
    Journal(kg).resolution({old: new}, {new})
    quads = list(kg.store.quads_for_pattern(ox.NamedNode(old), None, None, None))
    kg.store.extend(ox.Quad(ox.NamedNode(new), q.predicate, q.object, q.graph_name) for q in quads[::2])
    recover(kg)
    # the merge was finished, then re-minting gave the entity back the IRI its names mint: one node again
    assert not list(kg.store.quads_for_pattern(ox.NamedNode(new), None, None, None))
    assert len(list(kg.store.quads_for_pattern(ox.NamedNode(old), None, None, None))) == len(quads)
    assert not list(kg.store.quads_for_pattern(None, None, None, JOURNAL_GRAPH))
    assert_merged(kg)


def test_progress_counts_every_input_file_with_a_total(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_releases(folder, range(3))
    build([folder], tmp_path / "store")
    write_releases(folder, range(3, 5))
    (folder / "empty.txt").write_bytes(b"")
    seen: list[tuple[int, int]] = []

    def bar(stream):
        total, ticks = len(stream), sum(1 for _ in stream)  # what tqdm reads: len() then the items
        seen.append((total, ticks))
        return []

    stats = build([folder], tmp_path / "store", progress=bar, on_error="skip")
    assert seen == [(6, 6)]
    assert (stats.documents, stats.unchanged, stats.failed) == (2, 3, 1)
