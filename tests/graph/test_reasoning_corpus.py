"""The graph of every shared corpus with gold is consistent with the ontology in OWL 2 (HermiT)."""

from __future__ import annotations

import shutil

import pytest

from pharmakg.graph.reasoning import check_consistency
from pharmakg.graph.store import KnowledgeGraph

pytest.importorskip("owlready2", reason="install the test extra: pip install -e '.[test]'")


@pytest.mark.skipif(
    shutil.which("java") is None, reason="HermiT needs Java (apt-get install default-jre-headless)"
)
def test_the_corpus_graph_is_consistent(corpus_extractions) -> None:
    kg = KnowledgeGraph()
    kg.add_extractions(corpus_extractions)
    report = check_consistency(kg)
    assert report.consistent, report.clashes[:10]
    assert report.triples > 10_000
