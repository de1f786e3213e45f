"""Challenge sets: invented sentences in JSON Lines (``tests/extract/challenge/*.jsonl``), one case a line.

A case with a ``gap`` is a known miss: it runs as a strict xfail, so a change that reads it fails the run
until the gap is removed from the file (the file, not the test, records what the reader cannot do yet).
"""

from __future__ import annotations

import json
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
