"""Shared pytest fixtures. Each helper keeps its fixtures in its own marked block."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# ---- graph fixtures (owner: ontology/RDF/store helper): gold_extractions, gold_kg ----------------------
SEEDS = Path("/work/shared/corpus/seeds")
if not SEEDS.is_dir():  # the bundled copy of the seed corpus
    SEEDS = Path(__file__).resolve().parents[1] / "pharmakg" / "data" / "corpus"


@pytest.fixture(scope="session")
def gold_extractions():
    """Extractions read from the seed gold files (no evidence, no attrs), sorted by document name."""
    from pharmakg.model import Extraction

    paths = sorted(SEEDS.glob("*.gold.json"))
    if not paths:
        pytest.skip(f"no gold files in {SEEDS}")
    return [Extraction.from_contract(json.loads(p.read_text(encoding="utf-8"))) for p in paths]


@pytest.fixture
def gold_kg(gold_extractions):
    """An in-memory KnowledgeGraph of the seed gold (a fresh one per test: tests may modify it)."""
    from pharmakg.graph.store import KnowledgeGraph

    kg = KnowledgeGraph.open()
    kg.add_extractions(gold_extractions)
    return kg


# ---- end of graph fixtures ------------------------------------------------------------------------------
