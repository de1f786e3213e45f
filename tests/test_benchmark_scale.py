"""The scale benchmark's scripts run end to end on a tiny corpus (no timing assertions).

The synthetic releases are made from the three seed releases bundled with the package, so these tests
need no corpus beside the checkout.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from repo_paths import BUNDLED_CORPUS, REPO

from pharmakg import api

BENCHMARKS = REPO / "benchmarks"


def _run(script: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    return proc


def _generate(out: Path, seed: int) -> dict[str, bytes]:
    _run("synthetic_corpus.py", out, "--docs", "5", "--seed", str(seed), "--source", BUNDLED_CORPUS)
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.txt"))}


def test_synthetic_releases_are_distinct_readable_and_reproducible(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a", seed=3)
    assert sorted(first) == [f"0000/syn_000000{i}.txt" for i in range(5)]
    assert (tmp_path / "a" / "synthetic.json").exists()

    extractions = list(api.extract([tmp_path / "a"], on_error="raise"))
    assert len(extractions) == 5
    assert len({x.document.doc_id for x in extractions}) == 5  # content hashes differ
    for x in extractions:
        header_date = first[f"0000/{x.document.name}.txt"].split(b"\n")[1].decode()
        assert header_date == f"date: {x.document.date}"  # the header block still parses
        assert x.document.title and x.entities

    assert _generate(tmp_path / "b", seed=3) == first  # the same seed writes the same files
    assert _generate(tmp_path / "c", seed=4) != first


def test_build_scale_prints_its_table(tmp_path: Path) -> None:
    args: list[str | Path] = [
        "--docs",
        "5",
        "--targets",
        "store",
        "--work",
        tmp_path,
        "--source",
        BUNDLED_CORPUS,
    ]
    out = _run("build_scale.py", *args).stdout
    assert "| docs | target | jobs |" in out
    row = next(line for line in out.splitlines() if line.startswith("| 5 | store | 1 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert int(cells[-1].replace(",", "")) > 0  # quads
    assert not (tmp_path / "build-5-store-j1").exists()  # outputs are removed unless --keep


def test_incremental_update_compares_an_update_with_a_rebuild(tmp_path: Path) -> None:
    common = ["--work", tmp_path, "--source", BUNDLED_CORPUS]
    _run("build_scale.py", "--docs", "4", "--targets", "store", "--keep", "--log-every", "2", *common)
    base, corpus = tmp_path / "build-4-store-j1", tmp_path / "corpus-4-seed0"
    out = _run("incremental_update.py", "--base", base, "--corpus", corpus, "--new", "2", *common).stdout
    rows = {line.split("|")[1].strip(): line for line in out.splitlines() if line.startswith("| ")}
    assert "| 2 | 4 |" in rows["incremental"]  # the new releases read, the base ones found unchanged
    assert "| 6 | 0 |" in rows["full rebuild"]
    assert "same quads: True" in out


def test_write_path_profiles_the_writer_in_an_empty_and_a_built_store(tmp_path: Path) -> None:
    common = ["--work", tmp_path, "--source", BUNDLED_CORPUS]
    _run("build_scale.py", "--docs", "4", "--targets", "store", "--keep", *common)
    _generate(tmp_path / "new", seed=9)
    base = tmp_path / "build-4-store-j1"
    out = _run(
        "write_path.py",
        "--corpus",
        tmp_path / "new",
        "--docs",
        "3",
        "--stores",
        "none",
        base,
        "--index",
        "stored",
        "memory",
    ).stdout
    assert "3 releases extracted" in out
    assert out.count("ms per release, ") == 4 and "store.py: add_extractions" in out  # 2 stores x 2 ways
    assert "stored keys: writer CPU" in out and "memory keys: writer CPU" in out
    assert (base / "CURRENT").exists()  # the store measured is a copy: the original is left as it was


def test_pair_fill_memory_writes_a_synthetic_store_and_measures_its_fill(tmp_path: Path) -> None:
    import json

    made = json.loads(_run("pair_fill_memory.py", "synthetic", tmp_path / "s", "--companies", "40").stdout)
    measured = json.loads(_run("pair_fill_memory.py", "measure", tmp_path / "s").stdout)
    assert made["quads"] > 200 and measured["quads"] > 100 and measured["peak_rss_mb"] > 0


def test_build_floor_reloads_every_quad_of_a_built_store(tmp_path: Path) -> None:
    common = ["--work", tmp_path, "--source", BUNDLED_CORPUS]
    _run("build_scale.py", "--docs", "4", "--targets", "store", "--keep", *common)
    base, corpus = tmp_path / "build-4-store-j1", tmp_path / "corpus-4-seed0"
    import pyoxigraph

    quads = len(pyoxigraph.Store.read_only(str(base)))
    out = _run("build_floor.py", "--store", base, "--corpus", corpus, "--work", tmp_path / "floor").stdout
    assert f"releases 4 (4 texts), quads {quads:,} " in out  # the bulk-loaded copy holds the store's quads
    assert "floor: tokenizer + bulk load = " in out and "left for reading" in out
    assert (tmp_path / "floor" / "bulk-store").is_dir() and (base / "CURRENT").exists()
