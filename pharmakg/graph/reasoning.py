"""OWL 2 consistency of the ontology and of a graph with it, by HermiT (the reasoner owlready2 ships).

HermiT is a Java program: owlready2 (extra ``reason``) carries its jar, Java comes from the system
(Debian's ``default-jre-headless``). The check runs it twice:

1. The ontology alone, strictly: HermiT refuses any datatype outside the OWL 2 datatype map, so the ontology
   names xsd:date and xsd:gYear only through ``pkg:valueDatatype`` (SHACL checks those values).
2. The ontology with the graph's merged facts, with ``--ignoreUnsupportedDatatypes``: the data's date and
   year literals are xsd:date and xsd:gYear, which HermiT can only treat as opaque values.

What can make a graph inconsistent is the ontology's axioms: disjoint classes (a company is no compound),
domains and ranges. When HermiT finds the graph inconsistent, :func:`disjoint_type_clashes` names the
nodes typed with two disjoint classes, the usual cause.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection

from pharmakg.graph import rdf_terms
from pharmakg.graph.rdf_terms import n
from pharmakg.graph.store import MERGED, KnowledgeGraph, _value
from pharmakg.schema import ONTOLOGY_PATH as ONTOLOGY_FILE

RDF_TYPE = n(rdf_terms.RDF_TYPE)
OWL = rdflib.Namespace("http://www.w3.org/2002/07/owl#")
_HERMIT = "org.semanticweb.HermiT.cli.CommandLine"


class ReasonerUnavailable(RuntimeError):
    """owlready2 (HermiT's jar) or Java is missing; the message says how to install it."""


@dataclass
class ReasonerReport:
    consistent: bool
    checked: str  # "ontology" or "ontology and graph"
    seconds: float
    triples: int  # triples given to the reasoner
    message: str = ""  # HermiT's complaint, when it has one
    clashes: list[tuple[str, list[str]]] = field(default_factory=list)  # (node, its disjoint classes)


def hermit_classpath() -> str:
    try:
        import owlready2
    except ImportError as e:
        raise ReasonerUnavailable("the OWL reasoner needs owlready2: pip install 'pharmakg[reason]'") from e
    folder = Path(owlready2.__file__).parent / "hermit"
    return f"{folder}:{folder / 'HermiT.jar'}"


def java() -> str:
    found = shutil.which("java")
    if found is None:
        raise ReasonerUnavailable("HermiT needs Java: apt-get install default-jre-headless")
    return found


def _ontology() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(ONTOLOGY_FILE, format="turtle")
    return g


def _run_hermit(path: Path, ignore_unsupported: bool, timeout: float, memory_mb: int) -> tuple[bool, str]:
    args = [java(), f"-Xmx{memory_mb}M", "-cp", hermit_classpath(), _HERMIT, "-k"]
    if ignore_unsupported:
        args.append("--ignoreUnsupportedDatatypes")
    args.append(path.resolve().as_uri())
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    out = done.stdout + done.stderr
    if done.returncode == 0 and "is satisfiable" in out:
        return True, ""
    if "InconsistentOntologyException" in out:
        return False, "HermiT: the ontology and the graph are inconsistent"
    lines = [ln for ln in out.splitlines() if "Exception" in ln or "supports" in ln or "datatype" in ln]
    raise RuntimeError("HermiT failed: " + (" ".join(lines[:6]) or out[-2000:]))


def check_consistency(
    kg: KnowledgeGraph | None = None, timeout: float = 600.0, memory_mb: int = 2000
) -> ReasonerReport:
    """The ontology alone (``kg`` None) or the ontology with ``kg``'s merged facts, checked by HermiT."""
    start = time.perf_counter()
    onto = _ontology()
    with tempfile.TemporaryDirectory(prefix="pharmakg-hermit-") as tmp:
        path = Path(tmp) / "ontology.nt"
        onto.serialize(path, format="nt", encoding="utf-8")
        consistent, message = _run_hermit(path, False, timeout, memory_mb)
        triples = len(onto)
        if kg is None or not consistent:
            return ReasonerReport(consistent, "ontology", time.perf_counter() - start, triples, message)
        data = Path(tmp) / "graph.nt"
        with data.open("wb") as f:
            f.write(path.read_bytes())
            kg.store.dump(f, ox.RdfFormat.N_TRIPLES, from_graph=MERGED)
        triples += sum(1 for _ in kg.store.quads_for_pattern(None, None, None, MERGED))
        consistent, message = _run_hermit(data, True, timeout, memory_mb)
    report = ReasonerReport(consistent, "ontology and graph", time.perf_counter() - start, triples, message)
    if not consistent:
        report.clashes = disjoint_type_clashes(kg, onto)
    return report


def disjoint_type_clashes(
    kg: KnowledgeGraph, onto: rdflib.Graph | None = None
) -> list[tuple[str, list[str]]]:
    """Nodes of the merged graph typed with classes the ontology declares disjoint, sorted."""
    onto = onto if onto is not None else _ontology()
    axioms = _disjoint_axioms(onto)
    types: dict[str, set[str]] = {}
    for q in kg.store.quads_for_pattern(None, RDF_TYPE, None, MERGED):
        types.setdefault(_value(q.subject), set()).add(_value(q.object))
    clashes = []
    for node, classes in types.items():
        if len(classes) < 2:
            continue
        for sides in axioms:
            hit = sorted({c for side in sides if classes & side for c in classes & side})
            if sum(1 for side in sides if classes & side) > 1:
                clashes.append((node, hit))
                break
    return sorted(clashes)


def _disjoint_axioms(onto: rdflib.Graph) -> list[list[set[str]]]:
    """Each owl:AllDisjointClasses axiom as its members, each member with its subclasses."""
    sub: dict[str, set[str]] = {}
    for child, parent in onto.subject_objects(rdflib.RDFS.subClassOf):
        sub.setdefault(str(parent), set()).add(str(child))

    def with_subclasses(c: str) -> set[str]:
        out, todo = {c}, [c]
        while todo:
            for s in sub.get(todo.pop(), ()):
                if s not in out:
                    out.add(s)
                    todo.append(s)
        return out

    axioms = []
    for axiom in onto.subjects(rdflib.RDF.type, OWL.AllDisjointClasses):
        first = onto.value(axiom, OWL.members)
        if first is None:
            continue
        members = Collection(onto, first)
        axioms.append([with_subclasses(str(m)) for m in members])
    return axioms
