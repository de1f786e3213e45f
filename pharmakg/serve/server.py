"""``pharmakg serve``: a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1, plus the query page at ``/``.

Python's standard ``ThreadingHTTPServer`` in front of pyoxigraph (see :mod:`pharmakg.serve.endpoint`):
- ``GET /entity?iri=IRI``: the names, facts and evidence sentences of a resource (linked from the page).
- ``GET /query?query=...``, ``POST /query`` as a form (``query=...``) or with an ``application/sparql-query``
  body; ``default-graph-uri`` / ``named-graph-uri`` as in the protocol. The answer's format follows the
  Accept header: SPARQL results as JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples or RDF/XML.
- Updates (``POST /update`` or ``/query`` with an ``update=`` form or an ``application/sparql-update``
  body) are refused with 403, unless the server was made ``writable`` for a store folder
  (:mod:`pharmakg.serve.writable`): then each runs in turn and answers 204. Otherwise a store folder is
  opened read-only (its newest snapshot).
- 400 for a malformed query, 406 for an Accept nothing matches, 503 when the time limit is reached or
  too many queries run; a cut answer carries ``X-Result-Truncated: true``.
"""

from __future__ import annotations

import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from pharmakg.serve.endpoint import (
    EndpointBusy,
    QueryTimeout,
    SparqlService,
    UpdateRefused,
    negotiate,
    open_source,
    serialize,
)
from pharmakg.serve.entity_page import render_entity
from pharmakg.serve.page import render_page
from pharmakg.serve.writable import StoreWriter

HOST = "127.0.0.1"
MAX_BODY = 1 << 20  # bytes of a POSTed query
QUERY_PATHS = ("/query", "/sparql")
UPDATE_PATHS = (*QUERY_PATHS, "/update")


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "pharmakg-sparql"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        if self.server.verbose:
            super().log_message(format, *args)

    # ------------------------------------------------------------------------------------------- routes
    def do_GET(self) -> None:
        url = urlsplit(self.path)
        form = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/":
            status, html = render_page(self.server.service, {k: v[-1] for k, v in form.items()})
            self._send(status, html.encode("utf-8"), "text/html; charset=utf-8")
        elif url.path in QUERY_PATHS:
            self._protocol(form)
        elif url.path == "/entity" and form.get("iri"):
            status, html = render_entity(self.server.service, form["iri"][-1])
            self._send(status, html.encode("utf-8"), "text/html; charset=utf-8")
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such page: {url.path}; SPARQL queries go to /query")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in UPDATE_PATHS:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, "POST queries to /query, updates to /update")
            return
        try:
            form = parse_qs(url.query, keep_blank_values=True)
            media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            body = self._body()
            if media == "application/sparql-update":
                form["update"] = [body.decode("utf-8")]
            elif media == "application/sparql-query":
                form["query"] = [body.decode("utf-8")]
            elif media == "application/x-www-form-urlencoded":
                for key, values in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                    form.setdefault(key, []).extend(values)
            else:
                raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"cannot read a {media or 'missing'} body")
        except _Refused as exc:
            self._error(exc.status, str(exc))
            return
        except UnicodeDecodeError:
            self._error(HTTPStatus.BAD_REQUEST, "the query is not UTF-8")
            return
        if "update" in form:
            self._update(form["update"])
        elif url.path == "/update":
            self._error(HTTPStatus.BAD_REQUEST, "give one SPARQL update in the 'update' parameter")
        else:
            self._protocol(form)

    def do_PUT(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "read-only endpoint")

    do_DELETE = do_PATCH = do_PUT

    # ---------------------------------------------------------------------------------------- protocol
    def _update(self, updates: list[str]) -> None:
        if len(updates) != 1 or not updates[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one SPARQL update in the 'update' parameter")
            return
        try:
            self.server.service.update(updates[0])
        except UpdateRefused as exc:
            self._error(HTTPStatus.FORBIDDEN, str(exc))
            return
        except (SyntaxError, ValueError, OSError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, f"not a SPARQL update: {exc}")
            return
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _protocol(self, form: dict[str, list[str]]) -> None:
        if "update" in form:  # a GET: the protocol sends updates by POST only
            self._error(HTTPStatus.FORBIDDEN, "updates are refused here: POST them to /update")
            return
        queries = form.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one SPARQL query in the 'query' parameter")
            return
        service = self.server.service
        try:
            answer = service.evaluate(queries[0], form.get("default-graph-uri"), form.get("named-graph-uri"))
        except SyntaxError as exc:
            self._error(HTTPStatus.BAD_REQUEST, f"not a SPARQL query (updates are refused): {exc}")
            return
        except (QueryTimeout, EndpointBusy) as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            return
        except (ValueError, OSError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        media = negotiate(self.headers.get("Accept", ""), answer.kind)
        if media is None:
            self._error(
                HTTPStatus.NOT_ACCEPTABLE, f"cannot answer a {answer.kind} result in the Accept types"
            )
            return
        extra = {"X-Result-Truncated": "true"} if answer.truncated else {}
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        self._send(HTTPStatus.OK, serialize(answer, media), media + charset, extra)

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length") from None
        if length > MAX_BODY:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"queries are limited to {MAX_BODY} bytes")
        return self.rfile.read(length)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: int, body: bytes, media: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


class SparqlServer(ThreadingHTTPServer):
    """The endpoint on 127.0.0.1; ``port=0`` picks a free port (see :attr:`url`)."""

    daemon_threads = True

    def __init__(
        self,
        store: ox.Store,
        port: int = 7878,
        timeout: float = 30.0,
        limit: int = 10_000,
        owner: object = None,
        writer: StoreWriter | None = None,
    ):
        self.service = SparqlService(store, timeout=timeout, limit=limit, owner=owner, writer=writer)
        self.verbose = False
        super().__init__((HOST, port), SparqlHandler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"

    def start(self) -> threading.Thread:
        """Serve in a daemon thread (tests, notebooks); stop with :meth:`stop`."""
        thread = threading.Thread(target=self.serve_forever, name="pharmakg-serve", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self.service.close()


def make_server(
    source: str | Path,
    port: int = 7878,
    timeout: float = 30.0,
    limit: int = 10_000,
    writable: bool = False,
) -> SparqlServer:
    """A server for a store folder (opened read-only) or an RDF file (loaded into memory). ``writable``
    (a store folder only) holds the store's writer lock and accepts SPARQL updates until :meth:`stop`."""
    if writable:
        writer = StoreWriter(Path(source))
        try:
            return SparqlServer(writer.store, port=port, timeout=timeout, limit=limit, writer=writer)
        except BaseException:
            writer.close()
            raise
    kg = open_source(source)
    return SparqlServer(kg.store, port=port, timeout=timeout, limit=limit, owner=kg)
