"""A batch's documents go into an on-disk store through RocksDB's bulk loader (``store.BULK_MIN`` quads or
more, :meth:`pharmakg.graph.store.KnowledgeGraph._insert`): the store is the one transactions give, and a
build killed in a bulk write (between a batch's named graphs and their default-graph copies, say), then
finished, gives it too. The invented releases are small, so the bound is lowered to 1 here: every write
of quads goes through the bulk loader."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest
from incremental_helpers import assert_same_store, run_killing_build, write_releases

from pharmakg import api

# argv[1] the releases, argv[2] the store, argv[3] the bulk write before which the process is SIGKILLed
# (0: none), argv[4] the batch size
_BULK_BUILD = """
import os, signal, sys
import pyoxigraph as ox
from pharmakg import api
from pharmakg.graph import store as graph_store

graph_store.BULK_MIN = 1
kill_at, seen = int(sys.argv[3]), [0]
real_store = ox.Store


class KillingStore:
    def __init__(self, *args, **kwargs):
        self._store = real_store(*args, **kwargs)

    def bulk_extend(self, quads):
        seen[0] += 1
        if seen[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return self._store.bulk_extend(quads)

    def __getattr__(self, name):
        return getattr(self._store, name)

    def __iter__(self):
        return iter(self._store)

    def __len__(self):
        return len(self._store)

    def __contains__(self, quad):
        return quad in self._store


KillingStore.read_only = staticmethod(real_store.read_only)
ox.Store = KillingStore
api.build([sys.argv[1]], sys.argv[2], batch_size=int(sys.argv[4]))
print("bulk writes", seen[0])
"""


def _build(folder: Path, store: Path, kill_at: int, batch: int = 2) -> subprocess.CompletedProcess:
    return run_killing_build(_BULK_BUILD, str(folder), str(store), str(kill_at), str(batch))


@pytest.fixture(scope="module")
def releases_and_clean_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("bulk-writes")
    write_releases(root / "in", range(6))
    api.build([root / "in"], root / "clean", batch_size=2)  # (transactions: the releases are small)
    return root / "in", root / "clean"


def test_bulk_writes_give_the_same_store(tmp_path: Path, releases_and_clean_store: tuple[Path, Path]) -> None:
    folder, clean = releases_and_clean_store
    run = _build(folder, tmp_path / "store", 0)
    assert run.returncode == 0, run.stderr[-2000:]
    assert int(run.stdout.split()[-1]) > 6  # (documents, sources, journal, derived facts, the end's fill)
    assert_same_store(tmp_path / "store", clean)


# the bulk write before which the first run is killed (a clean run makes 54: journal entries, documents,
# source records, derived facts, the end's re-mint and fill, each as its named graphs then their default
# copies): 4 and 6, the named graphs of a write in, its default copies not; 14, 30, 45 later ones. (Not 1 nor
# 2: killed after the build marks its kept facts as deferred and before the default graph holds anything, a
# store holds named graphs only, and the next opening copies them into the default graph, the marks with them,
# for good; transactions leave that too (killed between the first write's two), a fault of the build's start.)
@pytest.mark.parametrize("kill_at", [4, 6, 14, 30, 45])
def test_killed_in_a_bulk_write_then_finished(
    tmp_path: Path, releases_and_clean_store: tuple[Path, Path], kill_at: int
) -> None:
    folder, clean = releases_and_clean_store
    store = tmp_path / "store"
    run = _build(folder, store, kill_at)
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    finished = _build(folder, store, 0)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_same_store(store, clean)
