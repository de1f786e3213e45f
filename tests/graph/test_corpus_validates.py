"""The graph of every shared corpus with gold conforms to the SHACL shapes and is consistent in OWL 2."""

from __future__ import annotations

import shutil

import pytest

from pharmakg.graph.store import KnowledgeGraph

NO_JAVA = "HermiT needs Java (apt-get install default-jre-headless)"


def test_the_corpus_graph_conforms_to_the_shapes(corpus_graph: KnowledgeGraph) -> None:
    pytest.importorskip("pyshacl", reason="install the test extra: pip install -e '.[test]'")
    from pharmakg.graph.validate import validate

    assert validate(corpus_graph) == []  # shapes, and every pkg term declared in the ontology


@pytest.mark.skipif(shutil.which("java") is None, reason=NO_JAVA)
def test_the_corpus_graph_is_consistent(corpus_graph: KnowledgeGraph) -> None:
    pytest.importorskip("owlready2", reason="install the test extra: pip install -e '.[test]'")
    from pharmakg.graph.reasoning import check_consistency

    report = check_consistency(corpus_graph)
    assert report.consistent, report.clashes[:10]
    assert report.triples > 10_000
