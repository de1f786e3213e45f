"""Challenge sets: invented sentences in JSON Lines (``tests/extract/challenge/*.jsonl``), one case a line.

A case with a ``gap`` is a known miss: it runs as a strict xfail, so a change that reads it fails the run
until the gap is removed from the file (the file, not the test, records what the reader cannot do yet).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of a challenge file, blank lines skipped."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def case_params(cases: list[dict[str, Any]]) -> list[Any]:
    """``pytest.mark.parametrize`` values: each case, a strict xfail where it names its ``gap``."""
    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["gap"]), id=c["id"])
        if c.get("gap")
        else pytest.param(c, id=c["id"])
        for c in cases
    ]


def report_by_class(
    cases: list[dict[str, Any]], problems: Callable[[dict[str, Any]], str], width: int = 24
) -> None:
    """The report a challenge test module prints when run as a script: per phrasing class, its cases and the
    cases that pass; on stderr, each case whose reading disagrees with its ``gap`` (a failure, or a gap the
    reader now closes). ``problems`` says what a case's reading gets wrong, "" when it passes."""
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for case in cases:
        wrong = problems(case)
        total[case["class"]] += 1
        passed[case["class"]] += not wrong
        if bool(wrong) != bool(case.get("gap")):
            verdict = "FAIL" if wrong else "NOW PASSES (drop its gap)"
            print(f"{verdict} {case['id']}: {wrong}", file=sys.stderr)
    for cls in sorted(total):
        print(f"{cls:{width}} {passed[cls]:3}/{total[cls]}")
    print(f"{'all':{width}} {sum(passed.values()):3}/{sum(total.values())}")


def missed_and_wrong(missed: Iterable[Any], wrong: Iterable[Any]) -> str:
    """A case's problems for :func:`report_by_class`: "" when nothing is missed or wrongly found."""
    missed, wrong = sorted(missed, key=str), sorted(wrong, key=str)
    return f"missed {missed} wrong {wrong}" if missed or wrong else ""
