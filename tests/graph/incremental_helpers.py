"""Invented releases and store comparisons shared by the incremental-build tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from repo_paths import REPO

from pharmakg import api
from pharmakg.graph.store import KnowledgeGraph

# The head of a build script that a kill test runs in a subprocess: pyoxigraph's Store replaced by one that
# SIGKILLs the process at its kill_at-th (argv[3]) removal that ``counted(quad)`` counts: the script defines
# ``counted`` after this text, then builds.
KILLING_STORE = """
import os, signal, sys
import pyoxigraph as ox

kill_at, seen = int(sys.argv[3]), [0]
real_store = ox.Store


class KillingStore:
    # the real store, but for a SIGKILL of the process at its kill_at-th counted removal
    def __init__(self, *args, **kwargs):
        self._store = real_store(*args, **kwargs)

    def remove(self, quad):
        if counted(quad):
            seen[0] += 1
            if seen[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
        return self._store.remove(quad)

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
"""


# What follows KILLING_STORE and a script's ``counted(quad)`` to arm the kill in the build's last step only
# (the deferred re-mint, two renames per chunk, and the next run's recovery of it): argv[1] the releases,
# argv[2] the store, built one release per batch.
ARMED_IN_LAST_STEP = """
from pharmakg import api
from pharmakg.graph import bookkeeping, incremental

bookkeeping.REMINT_CHUNK = 2
finish = bookkeeping.finish_remints


def armed_finish(kg):
    armed[0] = True
    finish(kg)
    armed[0] = False


bookkeeping.finish_remints = incremental.finish_remints = armed_finish  # (the recovery's call too)
api.build([sys.argv[1]], sys.argv[2], batch_size=1, defer_kept=False)
print("removals", seen[0])
"""


def run_killing_build(script: str, *args: str) -> subprocess.CompletedProcess:
    """Run ``script`` (:data:`KILLING_STORE` and what follows it) with ``args`` as its argv, this repository
    first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=300
    )


COMPANIES = ["Alphagen", "Betabio", "Gammarx", "Deltavax"]
TARGETS = ["HER2", "TROP2", "CD33", "FRα"]


def release(i: int, phase: int = 1) -> str:
    """A short invented release: company i%4 doses compound ALG-10i (targets a target) in a Phase trial;
    every third one also names a partner, so documents share entities that resolution merges."""
    company, target = COMPANIES[i % 4], TARGETS[i % 4]
    text = (
        f"{company} Inc. Announces Dosing in Phase {phase} Trial of ALG-10{i}\n\n"
        f"BOSTON, March {i + 1}, 2021 -- {company} Inc. today announced that the first patient was dosed in "
        f"a Phase {phase} trial of ALG-10{i}, an antibody-drug conjugate that targets {target}, in patients "
        "with gastric cancer.\n"
    )
    if i % 3 == 0:
        text += f"ALG-10{i} is developed in collaboration with {COMPANIES[(i + 1) % 4]} Inc.\n"
    return text


def write_releases(folder: Path, numbers: range | list[int]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in numbers:
        path = folder / f"release_{i:02d}.txt"
        path.write_text(release(i), encoding="utf-8")
        paths.append(path)
    return paths


def store_quads(folder: Path) -> dict[str, set[str]]:
    """The quads of a store folder by graph name ("" for the default graph), as N-Quads terms (pharmakg
    writes no blank nodes, so equal sets are equal graphs). The pair keys as dense ranks: a writer's ranks
    leave gaps that depend on the order the pairs came in, their order does not (``dense_pair_keys``)."""
    from pharmakg.graph.pair_ranking import dense_pair_keys

    store = ox.Store.read_only(str(folder))
    graphs: dict[str, set[str]] = {}
    for q in dense_pair_keys(store):
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        graphs.setdefault(name, set()).add(f"{q.subject} {q.predicate} {q.object}")
    return graphs


def assert_same_store(a: Path, b: Path) -> None:
    qa, qb = store_quads(a), store_quads(b)
    assert sorted(qa) == sorted(qb), f"different named graphs: {sorted(set(qa) ^ set(qb))[:6]}"
    for name in qa:
        assert qa[name] == qb[name], f"graph {name or 'DEFAULT'}: {sorted(qa[name] ^ qb[name])[:6]}"


def batch_schedule(extractions: Sequence, size: int) -> Iterator[tuple[list, list[str]]]:
    """(batch, doc_ids to replace) for building a graph batch by batch: from the third batch on, every third
    also replaces a document of two batches before (which takes names and mentions away from its entities)."""
    batches = [list(extractions[i : i + size]) for i in range(0, len(extractions), size)]
    for k, batch in enumerate(batches):
        yield batch, [batches[k - 2][0].document.doc_id] if k >= 2 and k % 3 == 0 else []


def built_in_runs_and_at_once(
    tmp_path: Path, text_of: Callable[[int], str], prefix: str
) -> tuple[Path, Path]:
    """Two stores of the same eight files (``text_of(i)`` for odd i, a plain release for even i): one built in
    three runs (two files added later, one changed), one built at once. Returns (runs, once)."""
    from pharmakg import api  # (the helpers stay importable without loading the pipeline)

    files = tmp_path / "files"
    files.mkdir()
    for i in range(8):
        (files / f"{prefix}{i}.txt").write_text(text_of(i) if i % 2 else release(i), encoding="utf-8")
    runs = tmp_path / "runs"
    hidden = [files / f"{prefix}5.txt", files / f"{prefix}6.txt"]
    for path in hidden:
        path.rename(path.with_suffix(".later"))
    api.build([files], runs)
    for path in hidden:
        path.with_suffix(".later").rename(path)
    (files / f"{prefix}1.txt").write_text(text_of(4), encoding="utf-8")  # changed
    api.build([files], runs)
    once = tmp_path / "once"
    api.build([files], once)
    return runs, once


def extract_texts(folder: Path, texts: dict[str, str]) -> list:
    """The extractions of invented releases ({name: text}), written as files in ``folder`` first."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return list(api.extract([folder / f"{name}.txt" for name in texts]))


def built_in_batches_and_at_once(extractions: Sequence, count: int) -> tuple[KnowledgeGraph, KnowledgeGraph]:
    """(graph, graph) in memory of the same extractions added in about ``count * 3`` batches, and at once."""
    once = KnowledgeGraph.open()
    once.add_extractions(extractions)
    batches = KnowledgeGraph.open()
    size = max(1, len(extractions) // (count * 3))
    for i in range(0, len(extractions), size):
        batches.add_extractions(extractions[i : i + size])
    return batches, once
