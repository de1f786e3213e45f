"""A build killed (SIGKILL) at chosen writes, again while the next run recovers, then finished: the store is
the one a clean build gives. Deterministic counterpart of the random kill test of test_incremental.py.

The build runs in a subprocess whose pyoxigraph stores are the real on-disk stores behind a thin proxy that
counts the removals of kept order keys (``pkg:compoundOrder``, ``pkg:documentOrder``; or the pair keys,
``pkg:dealOrder``, ``pkg:sharedPartnerOrder``) and kills the process at the n-th: the moments when a bucket's
members are re-ranked, the neighbours of a changed compound, document or pair among them, which a build's
journal does not name. The same for the agreements' and payments' kept facts (``pkg:agreementPair``,
``pkg:agreementAsset``, ``pkg:paymentPair``), removed when a company or compound is re-minted or merged and
when their document leaves.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest
from incremental_helpers import (
    KILLING_STORE,
    assert_same_store,
    run_killing_build,
    store_quads,
    write_releases,
)

from pharmakg import api
from pharmakg.graph.bookkeeping import JOURNAL_GRAPH

_KILLING_BUILD = (
    KILLING_STORE
    + """
KEYS = {"https://w3id.org/pharmakg/ontology#" + name for name in sys.argv[4].split(",")}


def counted(quad):  # the removals of an order key
    return quad.predicate.value in KEYS


from pharmakg import api

api.build([sys.argv[1]], sys.argv[2], batch_size=1, prune=sys.argv[5] == "prune", defer_kept=False)
print("key removals", seen[0])
"""
)


ORDER_KEYS = ("compoundOrder", "documentOrder")
PAIR_KEYS = ("dealOrder", "sharedPartnerOrder")
AGREEMENT_FACTS = ("agreementPair", "agreementAsset", "paymentPair")


def _build_killed_at(
    folder: Path, store: Path, removal: int, keys: tuple[str, ...] = ORDER_KEYS, prune: bool = False
) -> subprocess.CompletedProcess:
    # (prune: a file gone from the folder is a document removed)
    return run_killing_build(
        _KILLING_BUILD, str(folder), str(store), str(removal), ",".join(keys), "prune" if prune else "keep"
    )


@pytest.fixture(scope="module")
def releases_and_clean_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("kill-points")
    write_releases(root / "in", range(12))
    api.build([root / "in"], root / "clean", batch_size=1)
    return root / "in", root / "clean"


# (n-th key removal of the first run, n-th of the second run, which starts by recovering the first's batch)
KILLS = [(5, 1), (9, 2), (14, 1)]


@pytest.mark.parametrize("first, second", KILLS)
def test_killed_while_reranking_and_again_while_recovering(
    tmp_path: Path, releases_and_clean_store: tuple[Path, Path], first: int, second: int
) -> None:
    folder, clean = releases_and_clean_store
    store = tmp_path / "store"
    for removal in (first, second):
        run = _build_killed_at(folder, store, removal)
        # the kill point was reached (the output says how many key removals the run made instead)
        assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    finished = _build_killed_at(folder, store, 0)  # (0: no kill)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_same_store(store, clean)
    assert not store_quads(store).get(str(JOURNAL_GRAPH))


def _deal_release(first: str, second: str, day: str, n: int, licensee: str = "") -> str:
    """An invented release of a deal of ``first`` and ``second`` (and of a licence of ``first``), dated."""
    text = (
        f"{first} Inc. and {second} Inc. Announce Collaboration\n\nBOSTON, {day}, 2022 -- {first} Inc. and "
        f"{second} Inc. today announced a collaboration agreement for ALG-20{n}."
    )
    if licensee:
        text += f" {first} Inc. also entered a license agreement with {licensee} Inc. for ALG-30{n}."
    return text + "\n"


# Deals of Betabio on one day (one bucket of pkg:dealOrder), partners they share (pkg:sharedPartnerOrder), and
# earlier deals that move pairs to other buckets. (Since the ranks leave gaps, s18-linear, a new pair no
# longer rewrites the keys of its bucket's other members: the last three releases, pairs that move, give the
# kill points the removals they had.)
DEALS = [
    ("Betabio", "Gammarx", "June 1", 1, ""),
    ("Betabio", "Deltavax", "June 1", 2, ""),
    ("Betabio", "Epsilonix", "June 1", 3, ""),
    ("Zetagen", "Betabio", "June 1", 4, "Gammarx"),
    ("Betabio", "Alphagen", "May 30", 5, "Deltavax"),
    ("Gammarx", "Betabio", "May 2", 6, ""),
    ("Epsilonix", "Zetagen", "May 3", 7, "Betabio"),
    ("Deltavax", "Betabio", "May 1", 8, ""),
]


@pytest.fixture(scope="module")
def deals_and_clean_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("pair-kill-points")
    (root / "in").mkdir()
    for i, deal in enumerate(DEALS):
        (root / "in" / f"deal_{i}.txt").write_text(_deal_release(*deal), encoding="utf-8")
    api.build([root / "in"], root / "clean", batch_size=1)
    return root / "in", root / "clean"


# (n-th pair-key removal of the first run, then of each next run, which starts by recovering the batch)
PAIR_KILLS = [(6,), (6, 1), (6, 2), (6, 1, 1), (12, 1)]


@pytest.mark.parametrize("kills", PAIR_KILLS)
def test_killed_while_replacing_pair_keys_and_again_while_recovering(
    tmp_path: Path, deals_and_clean_store: tuple[Path, Path], kills: tuple[int, ...]
) -> None:
    """The pair keys (``pkg:dealOrder``, ``pkg:sharedPartnerOrder``). Before they were replaced in two
    steps, a kill after a re-ranked neighbour's key was removed and before its new value was written left
    the pair without a key (or, read again, with the rank of a bucket it was missing from): (6,) and (6, 1)
    finished with another sharedPartnerOrder than a clean build's."""
    folder, clean = deals_and_clean_store
    store = tmp_path / "store"
    for removal in kills:
        run = _build_killed_at(folder, store, removal, PAIR_KEYS)
        assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    finished = _build_killed_at(folder, store, 0, PAIR_KEYS)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_same_store(store, clean)
    assert not store_quads(store).get(str(JOURNAL_GRAPH))


def _write_licences(folder: Path, numbers: dict[int, int]) -> None:
    """Invented licensing releases (agreements with assets): file i holds release numbers[i]."""
    from test_deal_facts import _licensing

    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.glob("*.txt"):
        path.unlink()
    for i, text in numbers.items():
        (folder / f"licence_{i}.txt").write_text(_licensing(text), encoding="utf-8")


BEFORE = {i: i for i in range(6)}  # the first run's files, then the second's: two changed, one gone
AFTER = {0: 0, 1: 7, 2: 2, 3: 9, 5: 5}


def _built_then_changed(folder: Path, store: Path) -> None:
    """A store built from BEFORE in ``folder``, which then holds AFTER (the same folder as the clean build's:
    the files' paths are in the store)."""
    _write_licences(folder, BEFORE)
    first = _build_killed_at(folder, store, 0, AGREEMENT_FACTS, prune=True)
    assert first.returncode == 0, first.stderr[-2000:]
    _write_licences(folder, AFTER)


@pytest.fixture(scope="module")
def deal_releases_and_clean_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """The folder, a clean build of AFTER in it, and how many kept agreement facts the second run of a store
    built from BEFORE removes (the agreements of the changed and removed files)."""
    root = tmp_path_factory.mktemp("kill-agreements")
    _write_licences(root / "in", AFTER)
    api.build([root / "in"], root / "clean", batch_size=1)
    _built_then_changed(root / "in", root / "counted")
    counted = _build_killed_at(root / "in", root / "counted", 0, AGREEMENT_FACTS, prune=True)
    assert counted.returncode == 0, counted.stderr[-2000:]
    assert_same_store(root / "counted", root / "clean")  # (without a kill: the same store)
    return root / "in", root / "clean", int(counted.stdout.split("key removals")[-1])


# (the second run killed at this fraction of its removals of agreement facts, the next at its n-th removal:
# while it recovers the killed batch)
AGREEMENT_KILLS = [(0.2, 1), (0.5, 2), (0.9, 1)]


@pytest.mark.parametrize("first, second", AGREEMENT_KILLS)
def test_killed_while_agreement_facts_change_and_again_while_recovering(
    tmp_path: Path, deal_releases_and_clean_store: tuple[Path, Path, int], first: float, second: int
) -> None:
    folder, clean, removals = deal_releases_and_clean_store
    assert removals > 10  # (the run removes kept agreement facts: the kill points are reached)
    store = tmp_path / "store"
    _built_then_changed(folder, store)
    run = _build_killed_at(folder, store, max(1, round(first * removals)), AGREEMENT_FACTS, prune=True)
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    _build_killed_at(
        folder, store, second, AGREEMENT_FACTS, prune=True
    )  # (killed if recovery removes as many)
    finished = _build_killed_at(folder, store, 0, AGREEMENT_FACTS, prune=True)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_same_store(store, clean)
    assert not store_quads(store).get(str(JOURNAL_GRAPH))
