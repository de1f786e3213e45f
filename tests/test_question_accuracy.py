"""benchmarks/question_accuracy.py judges the graph's answers against gold files: invented releases here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "benchmarks" / "question_accuracy.py"

FIRST = """Helix Pharmaceuticals Reports Progress of ZB-12

BOSTON, March 3, 2025 -- Helix Pharmaceuticals, Inc. today announced that ZB-12, its wholly owned
antibody-drug conjugate targeting CD98, entered a Phase 1 study in ovarian cancer. Under the agreement
signed in 2024, Orion Biosciences paid Helix Pharmaceuticals an upfront payment of $5 million.
"""
SECOND = """Helix Pharmaceuticals Completes Enrollment of ZB-12 Study

BOSTON, June 9, 2025 -- Helix Pharmaceuticals, Inc. today announced that enrollment of the Phase 1 study of
ZB-12 is complete. Orion Biosciences paid Helix Pharmaceuticals an upfront payment of $5 million in 2024.
"""


def _gold(doc: str, relations: list[dict[str, object]]) -> dict[str, object]:
    return {
        "document": doc,
        "entities": [
            {"id": "e1", "type": "COMPANY", "name": "Helix Pharmaceuticals", "aliases": []},
            {"id": "e2", "type": "COMPOUND", "name": "ZB-12", "aliases": []},
            {"id": "e3", "type": "COMPANY", "name": "Orion Biosciences", "aliases": []},
        ],
        "relations": relations,
    }


def test_restated_payments_count_once_and_missed_owners_are_listed(tmp_path: Path) -> None:
    paid = {"type": "PAYMENT", "subject": "e3", "object": "e1", "value": 5000000}
    owned = {"type": "DEVELOPED_BY", "subject": "e2", "object": "e1"}
    not_stated = {"type": "DEVELOPED_BY", "subject": "e2", "object": "e3"}  # no text says it: missed
    for stem, text, relations in (("first", FIRST, [owned, paid]), ("second", SECOND, [paid, not_stated])):
        (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{stem}.gold.json").write_text(json.dumps(_gold(stem, relations)), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"graph of 2 releases from {tmp_path.name}"
    owners = next(line for line in lines if line.startswith("owners"))
    assert "pairs 1, right 1, precision 1.000, gold owner pairs 2, recall 0.500" in owners
    assert any(line.strip().startswith("missed: zb12 <- orionbioscience") for line in lines)
    # the $5 million stated by both releases is one payment, in the gold as in the graph's answer
    payments = next(line for line in lines if line.startswith("payments"))
    assert "gold pairs 1, right sums 1, graph pairs 1, precision 1.000, recall 1.000" in payments
