"""A build into an empty store leaves the kept facts to one fill at its end (:mod:`.incremental`): it gives
the store a build that keeps them per batch gives, also when killed in its batches or in its fill and run
again, and a later build into it keeps them per batch again."""

from __future__ import annotations

import gc
import signal
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from incremental_helpers import (
    KILLING_STORE,
    assert_same_store,
    run_killing_build,
    store_quads,
    write_releases,
)
from test_kill_points import DEALS, _deal_release

from pharmakg import api
from pharmakg.graph import incremental
from pharmakg.graph.bookkeeping import JOURNAL_GRAPH
from pharmakg.graph.deferred import defer
from pharmakg.graph.derived_facts import DerivedFacts
from pharmakg.graph.kept_target_rows import _MARK as _ROWS_MARK
from pharmakg.graph.kept_target_rows import ROWS_GRAPH, TARGET_ROW
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.stream_fill import FILL_GRAPH, is_deferring

# argv: releases, store, the n-th counted removal to kill at (0: none), what is counted: the removals of graph
# "journal" (a batch written, its journal being cleared), "name-counts" (a batch's refresh: the kept counts of
# the names it changed) or "fill" (the first: the end of deferring; then each kind's mark once it is filled)
_KILLING_BUILD = (
    KILLING_STORE
    + """
def counted(quad):
    graph = "https://w3id.org/pharmakg/resource/graph/" + sys.argv[4]
    return isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value == graph


from pharmakg import api
from pharmakg.graph import incremental

_defer = incremental.defer


def defer(derived):
    print("deferring", flush=True)
    _defer(derived)


incremental.defer = defer
api.build([sys.argv[1]], sys.argv[2], batch_size=1)
print("removals", seen[0])
"""
)


def _build_killed_at(folder: Path, store: Path, removal: int, counted: str) -> subprocess.CompletedProcess:
    return run_killing_build(_KILLING_BUILD, str(folder), str(store), str(removal), counted)


def _write_inputs(folder: Path, releases: range, deals: range) -> None:
    """Invented releases (dosings, partners, targets) and deals (pairs, shared partners, a licence)."""
    write_releases(folder, releases)
    for i in deals:
        (folder / f"deal_{i}.txt").write_text(_deal_release(*DEALS[i]), encoding="utf-8")


@pytest.fixture(scope="module")
def inputs_and_per_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The inputs and a store built from them keeping the kept facts per batch."""
    root = tmp_path_factory.mktemp("deferred")
    _write_inputs(root / "in", range(8), range(len(DEALS)))
    api.build([root / "in"], root / "per-batch", batch_size=2, defer_kept=False)
    return root / "in", root / "per-batch"


def test_a_build_from_empty_defers_and_gives_the_store_of_one_that_keeps_per_batch(
    tmp_path: Path, inputs_and_per_batch: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, per_batch = inputs_and_per_batch
    deferred: list[DerivedFacts] = []

    def spy(derived: DerivedFacts) -> None:
        deferred.append(derived)
        defer(derived)

    monkeypatch.setattr(incremental, "defer", spy)
    api.build([folder], tmp_path / "deferred", batch_size=2)
    assert deferred
    assert_same_store(tmp_path / "deferred", per_batch)  # (the pair keys as dense ranks: see store_quads)
    quads = store_quads(tmp_path / "deferred")
    assert str(FILL_GRAPH) not in quads and quads[str(ROWS_GRAPH)]  # filled, and the target rows written


def test_a_build_into_a_deferred_store_keeps_per_batch_and_equals_one_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    _write_inputs(folder, range(5), range(4))
    api.build([folder], tmp_path / "store", batch_size=2)  # deferred
    _write_inputs(folder, range(5, 8), range(4, len(DEALS)))  # new files
    (folder / "deal_1.txt").write_text(_deal_release("Betabio", "Zetagen", "June 2", 11), encoding="utf-8")
    monkeypatch.setattr(incremental, "defer", _refused)
    api.build([folder], tmp_path / "store", batch_size=2)
    monkeypatch.undo()
    api.build([folder], tmp_path / "per-batch", batch_size=2, defer_kept=False)
    assert_same_store(tmp_path / "store", tmp_path / "per-batch")


def _refused(derived: DerivedFacts) -> None:
    raise AssertionError("a store with documents keeps its kept facts per batch")


def _deferring(store: Path) -> bool:
    return is_deferring(ox.Store.read_only(str(store)))


# (what is counted, the n-th counted removal of the first run to kill at, whether the store is left deferring)
KILLS = [
    ("journal", 3, True),  # a batch written, its journal half cleared: rolled back by the next run
    ("journal", 20, True),
    ("name-counts", 2, True),  # in a batch's refresh
    ("fill", 1, True),  # after the batches and the re-mint, before the fill begins
    ("fill", 2, False),  # in the fill: the name keys written, the other kinds not
    ("fill", 7, False),
]


@pytest.mark.parametrize("counted, at, deferring", KILLS)
def test_a_deferred_build_killed_is_finished_by_the_next_run(
    tmp_path: Path, inputs_and_per_batch: tuple[Path, Path], counted: str, at: int, deferring: bool
) -> None:
    """Killed in its batches, the next run goes on deferring (the marks say so) and fills at its end; killed
    in the fill, the next run (its opening) finishes the fill and then keeps the facts per batch."""
    folder, per_batch = inputs_and_per_batch
    store = tmp_path / "store"
    run = _build_killed_at(folder, store, at, counted)
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    assert "deferring" in run.stdout
    assert _deferring(store) == deferring
    finished = _build_killed_at(folder, store, 0, counted)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert ("deferring" in finished.stdout) == deferring
    assert_same_store(store, per_batch)
    quads = store_quads(store)
    assert not quads.get(str(JOURNAL_GRAPH)) and str(FILL_GRAPH) not in quads


def test_a_fill_killed_is_finished_by_the_next_opening(
    tmp_path: Path, inputs_and_per_batch: tuple[Path, Path]
) -> None:
    """Any opening for writing finishes a killed fill (the crowded-target rows, a writer's bookkeeping, are
    written by the next writer that needs them)."""
    folder, per_batch = inputs_and_per_batch
    store = tmp_path / "store"
    run = _build_killed_at(folder, store, 4, "fill")
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    kg = KnowledgeGraph.open(store)
    del kg
    gc.collect()  # (closes the store folder)
    left, expected = store_quads(store), store_quads(per_batch)
    assert str(FILL_GRAPH) not in left
    assert {g: q for g, q in left.items() if g != str(ROWS_GRAPH)} == {
        g: q for g, q in expected.items() if g != str(ROWS_GRAPH)
    }


# argv: releases, store, the n-th write (``Store.add``, ``extend`` or ``bulk_extend``) before which the run is
# killed (0: none). (The removals KILLING_STORE counts are none: ``counted`` counts nothing.)
_KILLED_AT_A_WRITE = (
    KILLING_STORE
    + """
def counted(quad):
    return False


class KilledAtAWrite(KillingStore):
    def _write(self):
        seen[0] += 1
        if seen[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def add(self, quad):
        self._write()
        return self._store.add(quad)

    def extend(self, quads):
        self._write()
        return self._store.extend(quads)

    def bulk_extend(self, quads):
        self._write()
        return self._store.bulk_extend(quads)


ox.Store = KilledAtAWrite
from pharmakg import api

api.build([sys.argv[1]], sys.argv[2], batch_size=2)
print("writes", seen[0])
"""
)


# the write of a build from scratch before which its first run is killed: 1 the deferring marks (graph/fill),
# 2 and 3 the first journal entry (its named graph, then its default-graph copies), 4 the resolution keys'
# mark, 5 and 6 the next journal entry, 8 and 9 the first batch's documents, 12 a name count. Killed before
# the 2nd or 3rd, the store held named graphs only (the default graph nothing): the next opening copied every
# named graph into the default graph, the fill marks with them, and the fill that followed removed the marks
# from graph/fill only (the finished store kept them as default-graph triples a clean build lacks).
# (write, whether a reader opens the killed store before the next run: its opening publishes a snapshot,
# an opening for writing that fills what the marks name)
EARLY_WRITES = [(write, False) for write in (1, 2, 3, 4, 5, 8, 9, 12)] + [(2, True), (3, True)]


@pytest.mark.parametrize("write, reader", EARLY_WRITES)
def test_a_build_from_scratch_killed_at_an_early_write_is_finished_by_the_next_run(
    tmp_path: Path, inputs_and_per_batch: tuple[Path, Path], write: int, reader: bool
) -> None:
    folder, per_batch = inputs_and_per_batch
    store = tmp_path / "store"
    run = run_killing_build(_KILLED_AT_A_WRITE, str(folder), str(store), str(write))
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    if reader:  # the store before the build: no document
        kg = KnowledgeGraph.open(store, read_only=True)
        assert not kg.documents()
        del kg
        gc.collect()  # (closes the store folder)
    finished = run_killing_build(_KILLED_AT_A_WRITE, str(folder), str(store), "0")
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_same_store(store, per_batch)
    quads = store_quads(store)
    assert not quads.get(str(JOURNAL_GRAPH)) and str(FILL_GRAPH) not in quads


@pytest.mark.parametrize("left", ["no rows", "rows not marked ready"])
def test_a_kill_between_the_fill_and_the_rows_is_finished_by_the_next_run(
    tmp_path: Path, inputs_and_per_batch: tuple[Path, Path], left: str
) -> None:
    """A build killed after its fill's last kind and before its crowded-target rows were complete leaves no
    mark of the fill: the next run, with nothing new to read, still writes the rows (a random kill test
    found the store short of its rows graph)."""
    folder, per_batch = inputs_and_per_batch
    store = tmp_path / "store"
    api.build([folder], store, batch_size=2)
    gc.collect()
    written = ox.Store(str(store))
    if left == "no rows":
        written.remove_graph(ROWS_GRAPH)
    else:
        written.remove(ox.Quad(_ROWS_MARK, TARGET_ROW, ox.Literal("complete v2"), ROWS_GRAPH))
    written.flush()
    del written
    gc.collect()
    api.build([folder], store, batch_size=2)
    gc.collect()
    assert_same_store(store, per_batch)


# invented releases: a compound two documents name, another that one names, and a fourth that gives both names
_JOINED = {
    "j1": "BOSTON, March 1, 2021 -- Kelvara Inc. today announced that the first patient was dosed in a "
    "Phase 2 trial of zorvatinib in patients with gastric cancer.\n",
    "j2": "BOSTON, April 1, 2021 -- Kelvara Inc. today announced positive results from a Phase 2 trial of "
    "zorvatinib in patients with lung cancer.\n",
    "j3": "BOSTON, May 1, 2021 -- Ostrell Inc. today announced that the first patient was dosed in a Phase 1 "
    "trial of ALX-417 in patients with breast cancer.\n",
    "j4": "BOSTON, June 1, 2021 -- Kelvara Inc. today announced that zorvatinib (ALX-417) received orphan "
    "drug designation for gastric cancer.\n",
}


def test_a_build_joining_two_entities_renames_the_smaller_and_equals_a_build_at_once(tmp_path, monkeypatch):
    """A batch that joins two entities of the store renames the one with fewer quads into the other (a hub
    is not rewritten for a newcomer), not the later in sorted order; the IRIs re-minted at the end make the
    store the one a build at once gives."""
    from pharmakg.model import Document

    def documents() -> list[Document]:
        return [Document(name, name, text) for name, text in _JOINED.items()]

    renamed: list[tuple[str, str]] = []
    rename = KnowledgeGraph._rename

    def recording(self: KnowledgeGraph, old: str, new: str) -> None:
        renamed.append((old.rsplit("/", 1)[-1], new.rsplit("/", 1)[-1]))
        rename(self, old, new)

    monkeypatch.setattr(KnowledgeGraph, "_rename", recording)
    api.build(documents(), tmp_path / "batches", batch_size=1)
    assert ("alx-417", "zorvatinib") in renamed
    assert ("zorvatinib", "alx-417") not in renamed  # (sorted order renamed it, then the end's re-mint back)
    api.build(documents(), tmp_path / "once", batch_size=len(_JOINED))
    assert_same_store(tmp_path / "batches", tmp_path / "once")
