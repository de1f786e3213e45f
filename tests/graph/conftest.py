"""Fixtures the graph tests share."""

from __future__ import annotations

import pytest

from pharmakg import api
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.model import Extraction


@pytest.fixture(scope="session")
def corpus_extractions(corpus_dir) -> list[Extraction]:
    """The extractions of seeds, dev and dev2 (read once per test run)."""
    docs = list(
        api.extract(
            [corpus_dir / name for name in ("seeds", "dev", "dev2") if (corpus_dir / name).is_dir()],
            on_error="skip",
        )
    )
    if len(docs) < 8:
        pytest.skip("too few readable corpus documents")
    return docs


@pytest.fixture(scope="session")
def corpus_graph(corpus_extractions: list[Extraction]) -> KnowledgeGraph:
    """The graph of seeds, dev and dev2, in memory (built once per test run; tests must not change it)."""
    kg = KnowledgeGraph()
    kg.add_extractions(corpus_extractions)
    return kg
