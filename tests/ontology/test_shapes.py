"""SHACL shapes (ontology/shapes.ttl) and `pharmakg validate`: a built graph conforms, a broken one not."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from pharmakg import api
from pharmakg.cli import main
from pharmakg.graph.validate import validate
from pharmakg.ontology.namespaces import PKG

pytest.importorskip("pyshacl", reason="install the test extra: pip install -e '.[test]'")


def test_a_built_graph_conforms(graph_file: Path) -> None:
    kg = api.open_graph(graph_file)
    assert list(kg.store.quads_for_pattern(None, ox.NamedNode(PKG.payer), None, None))  # a payment to check
    assert validate(kg) == []
    res = CliRunner().invoke(main, ["validate", "-g", str(graph_file)])
    assert res.exit_code == 0 and "conforms" in res.output


def test_a_payment_without_payer_and_an_unlabelled_entity_are_reported(graph_file: Path) -> None:
    kg = api.open_graph(graph_file)
    payer = ox.NamedNode(PKG.payer)
    payments = {q.subject.value for q in kg.store.quads_for_pattern(None, payer, None, None)}
    assert payments
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    unlabelled = next(iter(kg.store.quads_for_pattern(None, label, None, None))).subject
    for q in [
        *kg.store.quads_for_pattern(None, payer, None, None),
        *kg.store.quads_for_pattern(unlabelled, label, None, None),
    ]:
        kg.store.remove(q)  # in every graph: the document's, graph/resolved and the merged one
    messages = {(v.focus, v.message) for v in validate(kg)}
    assert {(p, "a payment has one payer, a company") for p in payments} <= messages
    assert (
        unlabelled.value,
        "an entity has exactly one non-empty display label (skos:prefLabel)",
    ) in messages
    broken = kg.save(graph_file.with_name("broken.nq"))
    res = CliRunner().invoke(main, ["validate", "-g", str(broken)])
    assert res.exit_code == 1
    assert "a payment has one payer, a company" in res.output and "SHACL violations" in res.output


def test_a_term_missing_from_the_ontology_is_reported(graph_file: Path) -> None:
    kg = api.open_graph(graph_file)
    subject = next(iter(kg.store.quads_for_pattern(None, None, None, None))).subject
    typo = ox.NamedNode(str(PKG) + "developedBY")
    kg.store.add(ox.Quad(subject, typo, ox.Literal("x"), ox.DefaultGraph()))
    found = validate(kg)
    assert [(v.focus, v.message) for v in found] == [
        (typo.value, "not declared in the ontology (pharmakg.ttl)")
    ]
