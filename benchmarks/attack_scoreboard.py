"""Attack scoreboard: bad files, fuzzed texts, kill -9 during builds, concurrent writers. Prints, per class,
the inputs tried, crashes (a traceback or an unexpected exit), hangs (past the time bound) and data lost.

    python benchmarks/attack_scoreboard.py [--fuzz 300] [--kills 10] [--races 5]

* bad files: the 27 files of tests/reliability/bad_inputs.py (binaries, encodings, malformed and deep HTML,
  external entities, broken EDGAR...) in one ``pharmakg extract`` batch: each must be read or get one error
  line naming it, and the batch must finish.
* fuzzed releases: mutated releases and random text (the strategies of tests/reliability/test_fuzz.py, seeded)
  through ingest, extraction and RDF writing, with the invariants of that suite.
* kill -9: a build of 40 releases into a store, killed at a random moment, then opened read-only and
  finished by the next build; data lost = documents missing against a clean build.
* concurrent writers: two builds of different releases into one store at once; one must get the writer-lock
  message, and after both have run (the refused one again) every document must be there.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "reliability"), str(ROOT)]

from bad_inputs import CASES, RELEASE  # noqa: E402

HANG_SECONDS = 300  # the per-document time limit (120 s) plus start-up


def _cli(*args: object, wait: bool = True) -> subprocess.Popen[str] | subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "pharmakg", *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not wait:
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=HANG_SECONDS)


def _releases(folder: Path, start: int, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        text = RELEASE.replace("ACM-101", f"ACM-{100 + i}").replace("Betapharm", f"Betapharm {i}")
        (folder / f"release_{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _documents(store: Path) -> int:
    from pharmakg import api

    return len(api.open_graph(store, read_only=True).documents())


def bad_files(tmp: Path) -> dict[str, int]:
    folder = tmp / "bad"
    folder.mkdir()
    for case in CASES:
        case.write(folder)
    row = {"tried": len(CASES), "crashes": 0, "hangs": 0, "lost": 0}
    try:
        done = _cli("extract", folder, "--format", "jsonl", "--quiet")
    except subprocess.TimeoutExpired:
        row["hangs"] = len(CASES)
        return row
    assert isinstance(done, subprocess.CompletedProcess)
    if "Traceback" in done.stderr or done.returncode not in (0, 1):
        row["crashes"] = 1

    def named(case: object) -> bool:  # the error lines print a newline in a file name as \n
        name = case.name  # type: ignore[attr-defined]
        return name in done.stderr or name.replace("\n", "\\n") in done.stderr

    # a readable file named in an error line gave nothing (files with the same text are one document)
    row["lost"] = sum(1 for c in CASES if c.expect == "read" and named(c))
    row["crashes"] += sum(1 for c in CASES if c.expect == "error" and not named(c))  # errors naming no file
    return row


def fuzzed(count: int, seed: int) -> dict[str, int]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed
    from hypothesis import strategies as st
    from test_fuzz import _check, mutated_release

    row = {"tried": 0, "crashes": 0, "hangs": 0, "lost": 0}

    def run(raw: bytes, suffix: str) -> None:
        row["tried"] += 1
        start = time.monotonic()
        try:
            _check(raw, suffix)
        except Exception as exc:  # noqa: BLE001 - a broken invariant or a crash: counted, not raised
            row["crashes"] += 1
            print(f"  fuzz failure: {type(exc).__name__}: {str(exc)[:200]}", file=sys.stderr)
        if time.monotonic() - start > HANG_SECONDS:
            row["hangs"] += 1

    config = settings(
        max_examples=count, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )

    @hseed(seed)
    @config
    @given(mutated_release(), st.sampled_from([".txt", ".htm"]))
    def mutated(text: str, suffix: str) -> None:
        run(text.encode("utf-8", "surrogatepass"), suffix)

    @hseed(seed + 1)
    @config
    @given(st.text(max_size=3000), st.sampled_from([".txt", ".htm"]))
    def random_text(text: str, suffix: str) -> None:
        run(text.encode("utf-8", "surrogatepass"), suffix)

    mutated()
    random_text()
    return row


def kills(tmp: Path, count: int, rng: random.Random) -> dict[str, int]:
    first, more = _releases(tmp / "k-first", 0, 2), _releases(tmp / "k-more", 2, 40)
    clean = tmp / "k-clean"
    _cli("build", first, more, "-o", clean, "--jobs", "1", "--quiet")
    expected = _documents(clean)
    row = {"tried": count, "crashes": 0, "hangs": 0, "lost": 0}
    for n in range(count):
        store = tmp / f"k-store-{n}"
        _cli("build", first, "-o", store, "--jobs", "1", "--quiet")
        before = _documents(store)
        proc = _cli("build", first, more, "-o", store, "--jobs", "1", "--quiet", wait=False)
        assert isinstance(proc, subprocess.Popen)
        time.sleep(rng.uniform(0.3, 8.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        try:
            if _documents(store) < before:
                row["lost"] += 1
            done = _cli("build", first, more, "-o", store, "--jobs", "1", "--quiet")
            assert isinstance(done, subprocess.CompletedProcess)
            if done.returncode != 0 or "Traceback" in done.stderr:
                row["crashes"] += 1
            row["lost"] += expected - _documents(store)
        except subprocess.TimeoutExpired:
            row["hangs"] += 1
        except Exception as exc:  # noqa: BLE001 - an unreadable store is a crash of the last build
            row["crashes"] += 1
            print(f"  after kill {n}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return row


def races(tmp: Path, count: int) -> dict[str, int]:
    row = {"tried": count, "crashes": 0, "hangs": 0, "lost": 0}
    for n in range(count):
        a, b = _releases(tmp / f"r{n}-a", 0, 12), _releases(tmp / f"r{n}-b", 100, 12)
        store = tmp / f"r-store-{n}"
        procs = [_cli("build", x, "-o", store, "--jobs", "1", "--quiet", wait=False) for x in (a, b)]
        outcomes = []
        for proc in procs:
            assert isinstance(proc, subprocess.Popen)
            _out, err = proc.communicate(timeout=HANG_SECONDS)
            outcomes.append((proc.returncode, err))
        for code, err in outcomes:
            if "Traceback" in err or (code != 0 and "another pharmakg build" not in err):
                row["crashes"] += 1
        for (code, _err), folder in zip(outcomes, (a, b), strict=True):
            if code != 0:  # the refused one runs again once the other is done
                _cli("build", folder, "-o", store, "--jobs", "1", "--quiet")
        row["lost"] += 24 - _documents(store)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fuzz", type=int, default=300, help="examples per fuzz strategy (two strategies)")
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--races", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pharmakg-attack-") as name:
        tmp = Path(name)
        rows = {
            "bad files (one batch)": bad_files(tmp),
            "fuzzed releases and text": fuzzed(args.fuzz, args.seed),
            "kill -9 during a store build": kills(tmp, args.kills, rng),
            "two builds into one store at once": races(tmp, args.races),
        }
    print(f"{'class':36} {'tried':>6} {'crashes':>8} {'hangs':>6} {'data lost':>10}")
    for name, row in rows.items():
        print(f"{name:36} {row['tried']:>6} {row['crashes']:>8} {row['hangs']:>6} {row['lost']:>10}")
    print(f"seed {args.seed}; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
