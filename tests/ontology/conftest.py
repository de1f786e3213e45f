"""Fixtures shared by the ontology tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmakg import api

RELEASE = (
    "title: Helix and Orbital sign ZB-12 deal\ndate: 2024-03-01\n\n"
    "Helix Pharmaceuticals is developing ZB-12, an antibody-drug conjugate that targets HER2, in a Phase 2 "
    "trial in patients with gastric cancer. Orbital Bio will pay Helix Pharmaceuticals an upfront payment "
    "of $25 million for an exclusive license to ZB-12 in Japan.\n"
)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An invented release with a deal built into an .nq file (tests open it; none writes it)."""
    folder = tmp_path_factory.mktemp("helix")
    (folder / "helix.txt").write_text(RELEASE, encoding="utf-8")
    api.build([folder / "helix.txt"], folder / "kg.nq")
    return folder / "kg.nq"
