"""SHACL validation of a pharmakg graph against ``ontology/shapes.ttl`` (pyshacl, extra ``validate``).

The shapes constrain the merged default graph (each current fact once): every entity has one label and a
source document, every payment a payer, payee, amount and currency, every statement its sentence, offsets,
extractor and confidence. The per-document named graphs hold the same facts per document and are not
validated a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
import rdflib

from pharmakg.graph.store import KnowledgeGraph

SHAPES = Path(str(files("pharmakg.ontology").joinpath("shapes.ttl")))
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property path, the shape's message and its severity."""

    focus: str
    path: str
    message: str
    severity: str


def merged_graph(kg: KnowledgeGraph) -> rdflib.Graph:
    """The merged default graph of ``kg`` as an in-memory rdflib Graph (what the shapes constrain): written
    by pyoxigraph's N-Quads serializer (default-graph quads are N-Triples lines) and read by rdflib's."""
    data = ox.serialize(
        kg.store.quads_for_pattern(None, None, None, ox.DefaultGraph()), format=ox.RdfFormat.N_QUADS
    )
    return rdflib.Graph().parse(data=data, format="nt")


def validate(kg: KnowledgeGraph, shapes: Path = SHAPES) -> list[Violation]:
    """The SHACL violations of ``kg``'s merged graph against ``shapes`` (empty: the graph conforms)."""
    from pyshacl import validate as shacl_validate

    data = merged_graph(kg)
    shapes_graph = rdflib.Graph().parse(shapes, format="turtle")
    _conforms, report, _text = shacl_validate(data, shacl_graph=shapes_graph, inference="none")
    assert isinstance(report, rdflib.Graph)
    out: list[Violation] = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        out.append(
            Violation(
                focus=str(report.value(result, SH.focusNode)),
                path=str(report.value(result, SH.resultPath) or ""),
                message=str(report.value(result, SH.resultMessage) or ""),
                severity=str(report.value(result, SH.resultSeverity) or "").rsplit("#", 1)[-1],
            )
        )
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))
