"""The files a knowledge graph is saved to and read from: suffixes, prefixes, and how each format is written.

N-Quads and TriG keep every named graph and the merged default graph; Turtle and N-Triples hold the merged
default graph alone (each distinct triple once, sorted so the output is stable); JSON-LD keeps the named
graphs, written by rdflib's serializer (through oxrdflib) for its compaction with pharmakg's prefixes.
"""

from __future__ import annotations

import warnings
from typing import Any

import pyoxigraph as ox
import rdflib

from pharmakg.graph.rdf_terms import RDFS, SKOS, XSD
from pharmakg.ontology.namespaces import PROV, RESOURCES_IRI, TERMS_IRI

MERGED = ox.DefaultGraph()

PREFIXES = {
    "pkg": TERMS_IRI,
    "pkgr": RESOURCES_IRI,
    "prov": str(PROV),
    "skos": SKOS,
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": RDFS,
    "xsd": XSD,
}
# file suffix -> (format, keeps named graphs)
FILE_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    ".ttl": (ox.RdfFormat.TURTLE, False),
    ".nt": (ox.RdfFormat.N_TRIPLES, False),
    ".nq": (ox.RdfFormat.N_QUADS, True),
    ".trig": (ox.RdfFormat.TRIG, True),
    ".jsonld": (ox.RdfFormat.JSON_LD, True),
}


def rdflib_dataset(store: ox.Store) -> rdflib.Dataset:
    from oxrdflib import OxigraphStore

    """An rdflib Dataset over a pyoxigraph store (oxrdflib): changes go both ways."""
    ds = rdflib.Dataset(store=OxigraphStore(store=store))
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri)
    return ds


def write_file(store: ox.Store, f: Any, suffix: str) -> None:
    """Write the store to the open binary file ``f`` in the format of ``suffix`` (a key of FILE_FORMATS)."""
    fmt, keeps_graphs = FILE_FORMATS[suffix]
    if suffix == ".jsonld":
        f.write(to_jsonld(store).encode("utf-8"))
    elif keeps_graphs:
        store.dump(f, fmt, prefixes=PREFIXES if fmt is ox.RdfFormat.TRIG else None)
    else:
        # the merged default graph (each triple of all graphs once), sorted for stable output
        merged = store.quads_for_pattern(None, None, None, MERGED)
        triples = sorted(
            (ox.Triple(q.subject, q.predicate, q.object) for q in merged),
            key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
        )
        ox.serialize(triples, f, fmt, prefixes=PREFIXES if fmt is ox.RdfFormat.TURTLE else None)


def to_jsonld(store: ox.Store) -> str:
    """JSON-LD of the named graphs (rdflib's serializer, compacted with pharmakg's prefixes). The merged
    default graph is left out: rdflib would write it as a graph without a name, which reads back as a
    blank-node graph; :meth:`pharmakg.graph.store.KnowledgeGraph.open` rebuilds it from the named graphs."""
    named = ox.Store()
    named.bulk_extend(q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    with warnings.catch_warnings():
        # rdflib's JSON-LD serializer still calls its own deprecated Dataset.contexts()
        warnings.simplefilter("ignore", DeprecationWarning)
        return rdflib_dataset(named).serialize(format="json-ld", context=dict(PREFIXES), indent=1)
