"""``pharmakg serve`` (the graph as a read-only SPARQL endpoint on 127.0.0.1) and ``pharmakg push`` (the
graph into a Graph Store Protocol endpoint); see :mod:`pharmakg.serve`."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("source", metavar="STORE_OR_FILE", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="TCP port (0: any free)."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a query may run before the endpoint answers 503.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Most rows (or triples) an answer holds; a cut answer says so in X-Result-Truncated.",
)
@click.option("--log", "log_requests", is_flag=True, help="Log each request to stderr.")
@click.option(
    "--writable",
    is_flag=True,
    help="Accept SPARQL updates at /update (a store folder only; the server holds its writer lock).",
)
def serve(source: Path, port: int, timeout: float, limit: int, log_requests: bool, writable: bool) -> None:
    """Serve a graph as a read-only SPARQL 1.1 endpoint on 127.0.0.1, with a query page.

    STORE_OR_FILE is an Oxigraph store folder (opened read-only) or an RDF file (.nq .trig .ttl .nt
    .jsonld, loaded into memory). SPARQL clients query http://127.0.0.1:PORT/query; the page at
    http://127.0.0.1:PORT/ runs the bundled questions. Updates are refused unless --writable, which
    serves a store folder read-write: POST updates to http://127.0.0.1:PORT/update; builds wait until
    the server stops.

    \b
    Example:
      pharmakg serve out/kg.nq --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
        http://127.0.0.1:7878/query
    """
    from pharmakg.serve import make_server

    try:
        server = make_server(source, port=port, timeout=timeout, limit=limit, writable=writable)
    except (OSError, ValueError, RuntimeError) as exc:  # StoreLocked is a RuntimeError
        raise click.ClickException(f"cannot serve {source}: {exc}") from exc
    server.verbose = log_requests
    click.echo(f"SPARQL endpoint {server.url}/query, query page {server.url}/ (Ctrl-C stops)", err=True)
    if writable:
        click.echo(f"read-write: SPARQL updates are accepted at {server.url}/update", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.service.close()


@click.command()
@click.argument("source", metavar="STORE_OR_FILE", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph) or "
    "http://localhost:3030/DATASET/data (Fuseki).",
)
@click.option(
    "--merge",
    is_flag=True,
    help="POST each graph (add to what the server holds) instead of PUT (replace the graph).",
)
@click.option(
    "--dataset",
    is_flag=True,
    help="One POST of N-Quads to URL instead of one request per graph (Oxigraph and Fuseki accept it).",
)
@click.option(
    "--timeout", type=click.FloatRange(min=1), default=300.0, show_default=True, help="Seconds per request."
)
def push(source: Path, endpoint: str, merge: bool, dataset: bool, timeout: float) -> None:
    """Load a graph into a SPARQL 1.1 Graph Store Protocol endpoint.

    STORE_OR_FILE is an Oxigraph store folder (opened read-only) or an RDF file. Each graph goes in
    its own request as Turtle (PUT URL?graph=IRI replaces it), or the whole dataset in one with --dataset.

    \b
    Example:
      oxigraph serve --location db &   # or Fuseki, GraphDB
      pharmakg push out/kg.nq --endpoint http://localhost:7878/store
    """
    import urllib.error

    from pharmakg.serve.push import push as push_graph

    try:
        report = push_graph(source, endpoint, replace=not merge, dataset=dataset, timeout=timeout)
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:500]
        raise click.ClickException(f"{endpoint} answered {exc.code} {exc.reason}: {detail}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise click.ClickException(f"cannot push to {endpoint}: {exc}") from exc
    click.echo(f"pushed {report.quads} quads in {report.graphs} request(s) to {endpoint}")
