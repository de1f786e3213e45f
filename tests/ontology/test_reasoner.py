"""The ontology and built graphs in an OWL 2 reasoner (HermiT, shipped by owlready2; Java from the system)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from pharmakg import api
from pharmakg.cli import main
from pharmakg.graph.reasoning import RDF_TYPE, check_consistency
from pharmakg.graph.store import MERGED
from pharmakg.ontology.namespaces import PKG

pytest.importorskip("owlready2", reason="install the test extra: pip install -e '.[test]'")
if shutil.which("java") is None:
    pytest.skip("HermiT needs Java (apt-get install default-jre-headless)", allow_module_level=True)


def test_the_ontology_alone_is_accepted_strictly_and_consistent() -> None:
    """Strictly: no datatype outside the OWL 2 datatype map (HermiT refused xsd:date ranges before)."""
    report = check_consistency()
    assert report.consistent and report.checked == "ontology" and report.message == ""


def test_a_built_graph_is_consistent_with_the_ontology(graph_file: Path) -> None:
    kg = api.open_graph(graph_file)
    report = check_consistency(kg)
    assert report.consistent and report.checked == "ontology and graph"
    res = CliRunner().invoke(main, ["validate", "-g", str(graph_file), "--reasoner"])
    assert res.exit_code == 0, res.output
    assert "consistent with the ontology" in res.output


def test_a_company_typed_as_a_compound_is_inconsistent_and_named(graph_file: Path, tmp_path: Path) -> None:
    kg = api.open_graph(graph_file)
    company = next(
        iter(kg.store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(PKG.Company), MERGED))
    ).subject
    kg.store.add(ox.Quad(company, RDF_TYPE, ox.NamedNode(PKG.Compound), MERGED))
    report = check_consistency(kg)
    assert not report.consistent
    assert report.clashes == [(company.value, [str(PKG.Company), str(PKG.Compound)])]
    broken = kg.save(tmp_path / "broken.nq")
    res = CliRunner().invoke(main, ["validate", "-g", str(broken), "--reasoner"])
    assert res.exit_code == 1
    assert f"<{company.value}> is typed with disjoint classes: Company, Compound" in res.output
