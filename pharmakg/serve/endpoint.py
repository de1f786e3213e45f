"""Read-only SPARQL evaluation for ``pharmakg serve``: pyoxigraph runs the query, with a time and a row limit.

pyoxigraph is the engine and the serialiser; this module only adds what a public endpoint needs around it:
- a per-query time limit: the query runs in a worker thread (pyoxigraph releases the GIL while it
  evaluates) and the caller gets :class:`QueryTimeout` when it is over. pyoxigraph cannot cancel a
  running query, so the worker finishes in the background; a bounded number of running queries
  (``max_running``) keeps runaway ones from piling up (:class:`EndpointBusy` beyond that);
- a row limit: at most ``limit`` solutions (or triples) are read; the answer says it was cut;
- the default graph: where it holds no triple (a store whose facts live in named graphs only), queries
  see the union of all graphs, so the bundled questions answer either way.
"""

from __future__ import annotations

import io
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from pharmakg.graph.sparql_guard import refuse_service

if TYPE_CHECKING:
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.serve.writable import StoreWriter

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


class QueryTimeout(Exception):
    """The query ran longer than the endpoint's time limit."""


class UpdateRefused(PermissionError):
    """An update sent to a read-only endpoint."""


class EndpointBusy(Exception):
    """As many queries as the endpoint runs at once are still running."""


@dataclass
class Answer:
    """What a query gave: solutions (``variables``, ``rows``), ``triples`` or a ``boolean``."""

    kind: str  # "solutions", "triples" or "boolean"
    variables: list[str] = field(default_factory=list)
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None]] = field(
        default_factory=list
    )
    triples: list[ox.Triple] = field(default_factory=list)
    boolean: bool = False
    truncated: bool = False  # more rows than the limit: only the first ``limit`` are here


def open_source(source: str | Path) -> KnowledgeGraph:
    """An Oxigraph store folder opened read-only (its newest snapshot: a build may write the store
    meanwhile), or an RDF file loaded into memory. Keep the graph while its ``store`` is used: it holds the
    snapshot's reader lock."""
    from pharmakg.graph.store import KnowledgeGraph, open_read_only

    path = Path(source)
    if path.is_dir():
        return open_read_only(path)
    return KnowledgeGraph.open(path)


def default_graph_is_empty(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


class SparqlService:
    """Runs read-only queries on a store with a time limit (seconds) and a row limit."""

    def __init__(
        self,
        store: ox.Store,
        timeout: float = 30.0,
        limit: int = 10_000,
        max_running: int = 4,
        owner: object = None,
        writer: StoreWriter | None = None,
    ):
        self.store = store
        self.owner = owner  # what keeps the store readable (a snapshot view), held as long as the service
        self.writer = writer  # None: read-only (updates are refused)
        self.timeout = timeout
        self.limit = limit
        self.union = default_graph_is_empty(store)
        self.max_running = max_running
        self._slots = threading.BoundedSemaphore(max_running)
        self._pool = ThreadPoolExecutor(max_workers=max_running, thread_name_prefix="sparql")

    def evaluate(
        self,
        sparql: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Answer:
        """Run ``sparql``; SyntaxError for a malformed query or an update (the parser takes queries only),
        ServiceRefused (a ValueError) for a federated query."""
        refuse_service(sparql)
        if not self._slots.acquire(blocking=False):
            raise EndpointBusy(f"{self.max_running} queries are running; try again later")
        try:
            future = self._pool.submit(self._read, sparql, default_graphs, named_graphs)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _f: self._slots.release())
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            raise QueryTimeout(f"the query ran longer than the {self.timeout:g} s limit") from None

    def _read(self, sparql: str, default_graphs: list[str] | None, named_graphs: list[str] | None) -> Answer:
        result = self.store.query(
            sparql,
            use_default_graph_as_union=self.union and not default_graphs,
            default_graph=[ox.NamedNode(g) for g in default_graphs] if default_graphs else None,
            named_graphs=[ox.NamedNode(g) for g in named_graphs] if named_graphs else None,
        )
        if isinstance(result, ox.QueryBoolean):
            return Answer("boolean", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows: list[list[Term | None]] = []
            for solution in result:
                if len(rows) == self.limit:
                    return Answer("solutions", variables, rows, truncated=True)
                rows.append([solution[v] for v in variables])
            return Answer("solutions", variables, rows)
        triples: list[ox.Triple] = []
        for triple in result:
            if len(triples) == self.limit:
                return Answer("triples", triples=triples, truncated=True)
            triples.append(triple)
        return Answer("triples", triples=triples)

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update: UpdateRefused on a read-only endpoint, SyntaxError when malformed."""
        if self.writer is None:
            raise UpdateRefused("read-only endpoint: start pharmakg serve with --writable to accept updates")
        self.writer.update(sparql)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self.writer is not None:
            del self.store  # the writer's store must close (and free RocksDB's lock) with the writer
            self.writer.close()


def _ranked_media_types(accept: str) -> list[str]:
    """Media types of an Accept header, highest q first (ties keep the client's order)."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *options = (p.strip() for p in part.split(";"))
        q = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [media for _q, _i, media in sorted(ranked)]


def negotiate(accept: str, kind: str) -> str | None:
    """The media type to answer with for an Accept header, None when none of them can be served."""
    formats = GRAPH_FORMATS if kind == "triples" else RESULT_FORMATS
    default = "text/turtle" if kind == "triples" else "application/sparql-results+json"
    for media in _ranked_media_types(accept or "*/*"):
        if media in formats:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return default if media != "text/*" or default.startswith("text/") else "text/csv"
    return None


def serialize(answer: Answer, media: str) -> bytes:
    """The answer in ``media`` (a type :func:`negotiate` chose), written by pyoxigraph."""
    out = io.BytesIO()
    if answer.kind == "triples":
        ox.serialize(answer.triples, out, GRAPH_FORMATS[media])
        return out.getvalue()
    fmt = RESULT_FORMATS[media]
    if answer.kind == "boolean":
        _boolean_results(answer.boolean).serialize(out, fmt)
        return out.getvalue()
    _solutions(answer).serialize(out, fmt)
    return out.getvalue()


def _solutions(answer: Answer) -> ox.QuerySolutions:
    """The kept rows as pyoxigraph QuerySolutions: written as SPARQL TSV (each term in pyoxigraph's own
    N-Triples syntax, which escapes tabs and newlines) and parsed back, so pyoxigraph writes every format."""
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in answer.rows]
    parsed = ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)
    assert isinstance(parsed, ox.QuerySolutions)
    return parsed


def _boolean_results(value: bool) -> ox.QueryBoolean:
    parsed = ox.parse_query_results(
        '{"head":{},"boolean":' + ("true" if value else "false") + "}", ox.QueryResultsFormat.JSON
    )
    assert isinstance(parsed, ox.QueryBoolean)
    return parsed
