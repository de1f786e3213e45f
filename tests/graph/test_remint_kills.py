"""A build killed (SIGKILL) in its last step, the chunked re-mint of the IRIs it deferred
(:func:`pharmakg.graph.bookkeeping.finish_remints`), again while the next run recovers, then finished: the
store is the one a clean build gives.

The releases name six compounds by a code written two ways (``ZGN101`` in the first release of each,
``ZGN-101`` in the three after): built one release per batch, each compound is minted from the first
spelling and re-minted from the second at the build's end, two renames per chunk (``REMINT_CHUNK``), so
the step has a plan, three journaled chunks and the removal of its bookkeeping to be killed in. The build
runs in a subprocess whose pyoxigraph stores kill the process at the n-th removal of a quad once the last
step has begun (every write of that step that changes what is there removes something: renames, the
plan's entries, the pending list, the journal).
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest
from incremental_helpers import (
    ARMED_IN_LAST_STEP,
    KILLING_STORE,
    assert_same_store,
    run_killing_build,
    store_quads,
)

from pharmakg import api
from pharmakg.graph.bookkeeping import JOURNAL_GRAPH, REMINT_GRAPH

_KILLED_IN_LAST_STEP = (
    KILLING_STORE
    + """
armed = [False]


def counted(quad):  # every removal of the build's last step
    return armed[0]

"""
    + ARMED_IN_LAST_STEP
)


def _release(k: int, day: int, code: str) -> str:
    return (
        f"Zetagen Inc. Announces Dosing in Phase 1 Trial of {code}\n\n"
        f"BOSTON, March {day}, 2021 -- Zetagen Inc. today announced that the first patient was dosed in a "
        f"Phase 1 trial of {code}, an antibody-drug conjugate that targets HER2, in patients with gastric "
        "cancer.\n"
    )


def _build_killed_at(folder: Path, store: Path, removal: int) -> subprocess.CompletedProcess:
    return run_killing_build(_KILLED_IN_LAST_STEP, str(folder), str(store), str(removal))


@pytest.fixture(scope="module")
def renamed_and_clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """(releases, a clean build's store, the removals of an unkilled last step built one per batch)."""
    root = tmp_path_factory.mktemp("remint-kills")
    folder = root / "in"
    folder.mkdir()
    for k in range(6):
        (folder / f"a{k}.txt").write_text(_release(k, 1 + k, f"ZGN{101 + k}"), encoding="utf-8")
        for j in range(3):
            (folder / f"b{k}{j}.txt").write_text(_release(k, 10 + j, f"ZGN-{101 + k}"), encoding="utf-8")
    api.build([folder], root / "clean")
    unkilled = _build_killed_at(folder, root / "unkilled", 0)
    assert unkilled.returncode == 0, unkilled.stderr[-2000:]
    assert_same_store(root / "unkilled", root / "clean")  # the re-mint in chunks gives the clean build's IRIs
    iris = {line.split()[0] for line in store_quads(root / "clean")[""]}
    assert "<https://w3id.org/pharmakg/resource/compound/zgn-101>" in iris
    return folder, root / "clean", int(unkilled.stdout.split()[-1])


# (where the first run is killed, as a fraction of its last step's removals; the n-th removal of the second
# run, whose recovery rolls the killed chunk forward and then makes the rest of the plan)
KILLS = [(0.0, 1), (0.3, 2), (0.6, 1), (0.95, 3)]


@pytest.mark.parametrize("at, again", KILLS)
def test_killed_while_reminting_and_again_while_recovering(
    tmp_path: Path, renamed_and_clean: tuple[Path, Path, int], at: float, again: int
) -> None:
    folder, clean, removals = renamed_and_clean
    assert removals > 20  # (the plan, three chunks of renames, the bookkeeping: many kill points)
    store = tmp_path / "store"
    for removal in (max(1, int(at * removals)), again):
        run = _build_killed_at(folder, store, removal)
        assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    finished = _build_killed_at(folder, store, 0)  # (0: no kill)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_same_store(store, clean)
    quads = store_quads(store)
    assert not quads.get(str(JOURNAL_GRAPH)) and not quads.get(str(REMINT_GRAPH))
