"""The extraction speed benchmark runs end to end on a tiny corpus (no timing assertions)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "pharmakg" / "data" / "corpus" / "immunogen_2014_04_imgn853_dosing.txt"


def test_benchmark_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / SEED.name)
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "extract_speed.py"),
            "--corpus",
            str(tmp_path),
            "--min-docs",
            "3",
            "--profile",
        ],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "ratio" in out and "extraction" in out and "tokenizer" in out
    rows = {
        line.split()[0]: line.split()[1:]
        for line in out.splitlines()
        if line.split()[:1] in (["extraction"], ["tokenizer"])
    }
    # Same 3 documents and the same word count on both rows.
    assert rows["extraction"][:2] == rows["tokenizer"][:2]
    assert rows["extraction"][0] == "3"
    assert "assembly" in out  # the --profile section
    assert "warning" not in proc.stderr
