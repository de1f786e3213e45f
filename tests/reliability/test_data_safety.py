"""Data safety: one writer per graph file or store, a clear message for the second, atomic writes, and
``kill -9`` at random moments of a build leaves the previous graph readable and the next run succeeds."""

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
from bad_inputs import RELEASE

from pharmakg import atomic
from pharmakg.graph.bookkeeping import graph_file_lock, store_lock
from pharmakg.graph.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "pharmakg" / "data" / "corpus"


def _cli(*args: str | Path, wait: bool = True) -> subprocess.Popen[str] | subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "pharmakg", *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not wait:
        return subprocess.Popen(
            cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True
        )
    return subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _releases(folder: Path, count: int) -> Path:
    """``count`` invented releases (each its own text) plus the bundled three."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in CORPUS.iterdir():
        shutil.copy(p, folder / p.name)
    for i in range(count):
        (folder / f"invented_{i:03d}.txt").write_text(
            RELEASE.replace("ACM-101", f"ACM-{100 + i}").replace("CD33", f"CD{30 + i % 9}"), encoding="utf-8"
        )
    return folder


def test_second_writer_of_a_graph_file_gets_a_clear_message(tmp_path: Path) -> None:
    out = tmp_path / "kg.nq"
    with graph_file_lock(out):  # as a build that is running would
        result = _cli("build", CORPUS, "-o", out, "--append", "--jobs", "1", "--quiet")
    assert result.returncode == 1
    assert "another pharmakg build" in result.stderr and "graph file" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_second_writer_of_a_store_gets_a_clear_message(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with store_lock(store):
        result = _cli("build", CORPUS, "-o", store, "--jobs", "1", "--quiet")
    assert result.returncode == 1 and "another pharmakg build" in result.stderr
    assert "Traceback" not in result.stderr
    assert _cli("build", CORPUS, "-o", store, "--jobs", "1", "--quiet").returncode == 0
    kg = KnowledgeGraph.open(store)  # RocksDB's own lock, held by this process: still one clear line
    try:
        result = _cli("build", CORPUS, "-o", store, "--jobs", "1", "--quiet")
    finally:
        del kg
    assert result.returncode == 1 and "error:" in result.stderr and "Traceback" not in result.stderr
    assert "LOCK" not in result.stderr


def test_stale_temporaries_of_a_killed_write_are_removed(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale_file = tmp_path / f".kg.nq.{dead.pid}.abc123.tmp"
    stale_dir = tmp_path / f".store.{dead.pid}.xyz"
    old_dir = tmp_path / f".store.old-{dead.pid}"
    mine = tmp_path / f".kg.nq.{os.getpid()}.keep.tmp"  # this process is alive: its files stay
    stale_file.write_text("half", encoding="utf-8")
    stale_dir.mkdir()
    old_dir.mkdir()
    mine.write_text("mine", encoding="utf-8")
    kg = KnowledgeGraph.open()
    kg.save(tmp_path / "kg.nq")
    kg.save(tmp_path / "store")
    assert not stale_file.exists() and not stale_dir.exists() and not old_dir.exists()
    assert mine.exists()
    atomic.write_text(tmp_path / "page.html", "<p>whole</p>")
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == "<p>whole</p>"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".page.html.")] == []


def _readable(target: Path) -> int:
    """Triples in the graph at ``target`` (opening it must work); 0 when there is none yet."""
    if not target.exists():
        return 0
    kg = KnowledgeGraph.open(target)
    try:
        assert kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0] >= 0
        return len(kg)
    finally:
        del kg


@pytest.mark.parametrize("target_name", ["kg.nq", "store"])
def test_kill_9_at_random_moments_leaves_a_readable_graph(tmp_path: Path, target_name: str) -> None:
    first = _releases(tmp_path / "first", 2)
    more = _releases(tmp_path / "more", 40)
    target = tmp_path / target_name
    assert _cli("build", first, "-o", target, "--jobs", "1", "--quiet").returncode == 0
    before = _readable(target)
    assert before > 0
    rng = random.Random()
    delays = [rng.uniform(0.5, 6.0) for _ in range(2)]
    for delay in delays:
        proc = _cli("build", more, "-o", target, "--append", "--jobs", "1", "--quiet", wait=False)
        assert isinstance(proc, subprocess.Popen)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _readable(target) >= before, f"unreadable after kill -9 at {delay:.1f} s"
    done = _cli("build", more, "-o", target, "--append", "--jobs", "1", "--quiet")
    assert done.returncode == 0, (delays, done.stderr)
    assert _readable(target) > before
    leftovers = [
        p.name for p in tmp_path.iterdir() if p.name.startswith(f".{target_name}.") and "lock" not in p.name
    ]
    assert leftovers == [], (delays, leftovers)
