"""SHACL validation of a pharmakg graph against ``ontology/shapes.ttl`` (pyshacl, extra ``validate``).

Every property and class of the pkg namespace that the graph uses must be declared in the ontology too.
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
    out = undeclared_terms(data)
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


def undeclared_terms(data: rdflib.Graph) -> list[Violation]:
    """A property or class of the pkg namespace that the graph uses and the ontology does not declare (a
    typo in a mapping, or a term the ontology lost): one violation per term, on the term itself."""
    from pharmakg.ontology.namespaces import TERMS_IRI
    from pharmakg.schema import ONTOLOGY_PATH

    ontology = rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")
    declared = {str(s) for s in ontology.subjects(rdflib.RDF.type, None) if str(s).startswith(TERMS_IRI)}
    used = {str(p) for p in data.predicates() if str(p).startswith(TERMS_IRI)}
    used |= {str(c) for c in data.objects(None, rdflib.RDF.type) if str(c).startswith(TERMS_IRI)}
    return [
        Violation(
            focus=term, path="", message="not declared in the ontology (pharmakg.ttl)", severity="Violation"
        )
        for term in sorted(used - declared)
    ]
