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


# ---- corpus fixtures (owner: queries/analytics helper): corpus_dir, corpus_kg ---------------------------
# The shared corpus sits beside the clone (../shared/corpus); CI checks it out there too.
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus folder (seeds/ and dev/), or a skip when it is not beside the clone."""
    if not (CORPUS / "seeds").is_dir() or not (CORPUS / "dev").is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (expected seeds/ and dev/ beside the clone)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_kg(corpus_dir):
    """A KnowledgeGraph built by the real pipeline (ingest, extraction, graph) from the shared corpus
    seeds and dev documents; one per session, so tests must not modify it."""
    from pharmakg.extract.ingest import IngestError, iter_documents
    from pharmakg.extract.pipeline import Extractor
    from pharmakg.graph.store import KnowledgeGraph

    docs = [d for d in iter_documents([corpus_dir / "seeds", corpus_dir / "dev"])
            if not isinstance(d, IngestError)]
    if not docs:
        pytest.skip(f"no readable documents in {corpus_dir}")
    kg = KnowledgeGraph.open()
    kg.add_extractions(Extractor().extract(docs))
    return kg


# ---- end of corpus fixtures -----------------------------------------------------------------------------
