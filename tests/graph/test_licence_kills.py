"""Kill points of the kept licence facts (graph/deal_facts.py). The licence facts of the build's last step are
written once after all its chunks of renames (:func:`pharmakg.graph.bookkeeping.finish_remints`,
``pkg:remintLicences``): a build killed (SIGKILL) in a chunk, between chunks or while those facts are
written, then finished, gives the clean build's store. A store that kept them for every licensor (before
they were kept for partners only) killed while its opening writes them again is finished by the next one.

Each licensee is written one way in its first release (``BetaBio``) and another in the three after
(``Beta-Bio``), and so is its compound (``ZGN101``, ``ZGN-101``): built one release per batch, both are
re-minted at the end, two renames per chunk, and the licences to the renamed licensee change their pair
nodes (a licence's facts name the pair node of its licensee and licensor, partners by a collaboration)."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest
from incremental_helpers import (
    ARMED_IN_LAST_STEP,
    KILLING_STORE,
    assert_same_store,
    extract_texts,
    run_killing_build,
    store_quads,
)

from pharmakg import api
from pharmakg.graph.bookkeeping import JOURNAL_GRAPH, REMINT_GRAPH

# argv: releases, store, the n-th counted removal to kill at (0: none), what is counted ("all" removals of
# the last step, or "licences": those of licence facts after the chunks)
_KILLED_IN_LAST_STEP = (
    KILLING_STORE
    + """
armed = [False]
LICENCE_FACTS = ("https://w3id.org/pharmakg/ontology#licensedFrom", "https://w3id.org/pharmakg/ontology#licencePair")


def counted(quad):
    return armed[0] and (sys.argv[4] == "all" or quad.predicate.value in LICENCE_FACTS)

"""
    + ARMED_IN_LAST_STEP
)
LICENSEES = [("BetaBio", "Beta-Bio"), ("DeltaVax", "Delta-Vax"), ("ZetaGen", "Zeta-Gen")]


def _release(day: int, licensee: str, code: str) -> str:
    return (
        f"Alphagen Inc. and {licensee} Inc. Announce License Agreement\n\nBOSTON, June {day}, 2022 -- "
        f"Alphagen Inc. and {licensee} Inc. today announced an exclusive license agreement under which "
        f"Alphagen Inc. granted {licensee} Inc. worldwide rights to {code}. {code}, developed by Gammarx "
        f"Inc., is licensed to {licensee} Inc. {licensee} Inc. also entered a collaboration agreement with "
        "Gammarx Inc.\n"
    )


def _build_killed_at(folder: Path, store: Path, removal: int, counted: str) -> subprocess.CompletedProcess:
    return run_killing_build(_KILLED_IN_LAST_STEP, str(folder), str(store), str(removal), counted)


@pytest.fixture(scope="module")
def renamed_and_clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int, int]:
    """(releases, a clean build's store, the removals of an unkilled last step built one per batch, and
    those of licence facts after its chunks)."""
    root = tmp_path_factory.mktemp("remint-licence-kills")
    folder = root / "in"
    folder.mkdir()
    for k, (first, then) in enumerate(LICENSEES):
        (folder / f"a{k}.txt").write_text(_release(1 + k, first, f"ZGN{101 + k}"), encoding="utf-8")
        for j in range(3):
            (folder / f"b{k}{j}.txt").write_text(_release(10 + j, then, f"ZGN-{101 + k}"), encoding="utf-8")
    api.build([folder], root / "clean")
    unkilled = _build_killed_at(folder, root / "unkilled", 0, "all")
    assert unkilled.returncode == 0, unkilled.stderr[-2000:]
    assert_same_store(root / "unkilled", root / "clean")
    licences = _build_killed_at(folder, root / "licences", 0, "licences")
    assert licences.returncode == 0, licences.stderr[-2000:]
    iris = {line.split()[0] for line in store_quads(root / "clean")[""]}
    assert "<https://w3id.org/pharmakg/resource/company/beta-bio>" in iris
    return folder, root / "clean", int(unkilled.stdout.split()[-1]), int(licences.stdout.split()[-1])


# (what is counted, where the first run is killed: a fraction of the counted removals; the n-th removal of
# the second run, whose recovery rolls the killed chunk forward, makes the rest and writes the licences)
KILLS = [
    ("all", 0.2, 1),
    ("all", 0.5, 2),
    ("all", 0.8, 1),
    ("all", 0.99, 1),
    ("licences", 0.0, 1),
    ("licences", 0.5, 2),
]


@pytest.mark.parametrize("counted, at, again", KILLS)
def test_killed_in_the_last_step_and_its_licences_then_finished(
    tmp_path: Path, renamed_and_clean: tuple[Path, Path, int, int], counted: str, at: float, again: int
) -> None:
    folder, clean, removals, licence_removals = renamed_and_clean
    assert removals > 20 and licence_removals > 1  # (the licences' pair nodes change with the licensees)
    store = tmp_path / "store"
    first = max(1, int(at * (removals if counted == "all" else licence_removals)))
    for removal in (first, again):
        run = _build_killed_at(folder, store, removal, counted)
        assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    finished = _build_killed_at(folder, store, 0, "all")
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_same_store(store, clean)
    quads = store_quads(store)
    assert not quads.get(str(JOURNAL_GRAPH)) and not quads.get(str(REMINT_GRAPH))


# argv: -, the store, the n-th removal of a licence fact to kill at
_KILLED_OPENING = (
    KILLING_STORE
    + """
LICENCE_FACTS = ("https://w3id.org/pharmakg/ontology#licensedFrom", "https://w3id.org/pharmakg/ontology#licencePair")


def counted(quad):
    return quad.predicate.value in LICENCE_FACTS


from pharmakg.graph.store import KnowledgeGraph

KnowledgeGraph.open(sys.argv[2])
print("opened")
"""
)


@pytest.mark.parametrize("at", [1, 7, 30])
def test_a_former_store_killed_while_its_licence_facts_are_retired_is_finished_by_the_next_opening(
    tmp_path: Path, at: int
) -> None:
    """A store that kept licence facts for every licensor (as pharmakg did before) killed at the n-th
    removal of one while its opening writes them again for partners only: the next opening finishes it into
    the clean build's graph."""
    from test_deal_facts import _developer_only, _former_licence_facts, _licensing, licence_quads

    from pharmakg.graph.store import KnowledgeGraph

    kg = KnowledgeGraph.open()
    texts = {f"l{i}": _licensing(i) for i in range(5)} | {"d1": _developer_only("Omegavir", "ALG-400", 2)}
    kg.add_extractions(extract_texts(tmp_path / "in", texts))
    expected = set(kg.store)
    kg.store.extend(_former_licence_facts(kg) - licence_quads(kg))
    assert len(licence_quads(kg)) > at
    kg.save(tmp_path / "old-store")
    run = run_killing_build(_KILLED_OPENING, "-", str(tmp_path / "old-store"), str(at))
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    assert set(KnowledgeGraph.open(tmp_path / "old-store").store) == expected
