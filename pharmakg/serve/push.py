"""``pharmakg push``: load a graph into a SPARQL 1.1 Graph Store Protocol endpoint.

The endpoint URL is the server's graph store (Oxigraph server: ``http://HOST:7878/store``; Apache Jena
Fuseki: ``http://HOST:3030/DATASET/data``; GraphDB: ``http://HOST:7200/repositories/REPO/rdf-graphs/service``).
Each graph of the source goes in its own request, in Turtle: ``PUT URL?graph=IRI`` replaces that graph
(``URL?default`` for the default graph), ``POST`` adds to it (``replace=False``). With ``dataset=True`` the
whole dataset goes in one ``POST URL`` of N-Quads instead: not in the protocol, but Oxigraph and Fuseki
accept it, and it is one request for a store of any size.
"""

from __future__ import annotations

import io
import tempfile
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from pharmakg.serve.endpoint import open_source


@dataclass
class PushReport:
    graphs: int = 0  # requests sent (graphs, or 1 for a dataset)
    quads: int = 0


def _send(
    method: str, url: str, body: bytes | io.BufferedReader, media: str, length: int, timeout: float
) -> None:
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Content-Type", media)
    request.add_header("Content-Length", str(length))
    with urllib.request.urlopen(request, timeout=timeout) as response:  # HTTPError for 4xx/5xx
        response.read()


def _graph_url(endpoint: str, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str:
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if isinstance(graph, ox.DefaultGraph):
        return f"{endpoint}{separator}default"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph.value})}"


def push_store(
    store: ox.Store, endpoint: str, replace: bool = True, dataset: bool = False, timeout: float = 300.0
) -> PushReport:
    """Send every graph of ``store`` to the Graph Store endpoint ``endpoint``."""
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise ValueError(f"{endpoint}: the endpoint must be an http:// or https:// URL")
    report = PushReport()
    if dataset:
        with tempfile.TemporaryFile() as f:  # N-Quads of a large store need not fit in memory
            store.dump(f, ox.RdfFormat.N_QUADS)
            length = f.tell()
            f.seek(0)
            _send("POST", endpoint, f, "application/n-quads", length, timeout)  # type: ignore[arg-type]
        return PushReport(graphs=1, quads=len(store))
    graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [ox.DefaultGraph()]
    graphs += sorted(store.named_graphs(), key=str)
    for graph in graphs:
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, graph)
        ]
        if not triples and isinstance(graph, ox.DefaultGraph):
            continue  # nothing to say about the default graph: leave the server's as it is
        if isinstance(graph, ox.BlankNode):
            raise ValueError("a graph named by a blank node has no IRI to address it by")
        body = ox.serialize(triples, format=ox.RdfFormat.TURTLE)
        assert body is not None
        _send(
            "PUT" if replace else "POST", _graph_url(endpoint, graph), body, "text/turtle", len(body), timeout
        )
        report.graphs += 1
        report.quads += len(triples)
    return report


def push(
    source: str | Path, endpoint: str, replace: bool = True, dataset: bool = False, timeout: float = 300.0
) -> PushReport:
    """Push a store folder (opened read-only) or an RDF file to a Graph Store endpoint."""
    kg = open_source(source)  # held while pushing: a store folder's snapshot stays readable
    return push_store(kg.store, endpoint, replace=replace, dataset=dataset, timeout=timeout)
