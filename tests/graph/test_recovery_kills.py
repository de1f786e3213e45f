"""A recovery killed after it removed the killed batch's documents and before its refresh (the pair step among
it): the next run must still finish to the clean build's store.

The first run is killed once its last batch is written, before its journal is cleared, so the batch's
documents and every kept fact they gave (pairs sharing a partner, deals) are in the store. The second run
recovers that batch: it removes the documents (the partner links and agreements they gave leave the merged
graph), and is killed right after, at its first ``forget_sources``, before the refresh that would count the
news of those removals (the pairs are kept by delta, from what a step writes and removes). The third run
finishes. When the batch's file is gone by then, nothing writes its links again: the pairs they made must
have left all the same. (BENCHMARKS.md, ``w-pairkeys``' "Left" and ``w-pairfill``.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from incremental_helpers import assert_same_store, store_quads
from repo_paths import REPO
from test_kill_points import DEALS, _deal_release
from test_pair_order import _partnering

from pharmakg import api
from pharmakg.graph.bookkeeping import JOURNAL_GRAPH

_BUILD_KILLED_AT_CALL = """
import os, signal, sys
from pharmakg import api
from pharmakg.graph import bookkeeping

name, at = sys.argv[3].split(":")
seen = [0]

def killing(function):
    def counted(*args, **kwargs):
        seen[0] += 1
        if seen[0] == int(at):
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return counted

if name == "clear":  # the n-th journal cleared: a batch written, its journal not yet cleared
    bookkeeping.Journal.clear = killing(bookkeeping.Journal.clear)
elif name == "forget_sources":  # recover's: after it removed the batch's documents, before its refresh
    bookkeeping.forget_sources = killing(bookkeeping.forget_sources)
api.build([sys.argv[1]], sys.argv[2], batch_size=1, prune=True, defer_kept=False)
print("calls", seen[0])
"""

# the last file: a new company's deal with Betabio and its licence from Gammarx, so that it shares partners
# with the companies of the other releases and makes deal pairs of its own
LAST = ("Omegabio", "Betabio", "June 1", 9, "Gammarx")


def _write_folder(folder: Path, with_last: bool) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    texts = {f"a_partnering_{i}.txt": _partnering(i) for i in range(6)}
    texts |= {f"b_deal_{i}.txt": _deal_release(*deal) for i, deal in enumerate(DEALS)}
    if with_last:
        texts["z_last.txt"] = _deal_release(*LAST)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return len(texts)


def _build(folder: Path, store: Path, kill: str = "none:0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    args = [sys.executable, "-c", _BUILD_KILLED_AT_CALL, str(folder), str(store), kill]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("file_stays", [True, False])
def test_a_recovery_killed_after_removing_the_batch_documents_is_finished(
    tmp_path: Path, file_stays: bool
) -> None:
    folder, store = tmp_path / "in", tmp_path / "store"
    files = _write_folder(folder, with_last=True)
    first = _build(folder, store, f"clear:{files}")  # (one batch per file, the last file last)
    assert first.returncode == -signal.SIGKILL, first.stdout + first.stderr[-2000:]
    assert store_quads(store).get(str(JOURNAL_GRAPH)), "the last batch was not left in the journal"
    if not file_stays:
        (folder / "z_last.txt").unlink()
    second = _build(folder, store, "forget_sources:1")
    assert second.returncode == -signal.SIGKILL, second.stdout + second.stderr[-2000:]
    finished = _build(folder, store)
    assert finished.returncode == 0, finished.stderr[-2000:]
    api.build([folder], tmp_path / "clean", batch_size=1)  # (the folder as it is now: the same source paths)
    assert_same_store(store, tmp_path / "clean")
    assert not store_quads(store).get(str(JOURNAL_GRAPH))
