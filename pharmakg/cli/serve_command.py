"""``pharmakg serve``: the graph as a read-only SPARQL endpoint on 127.0.0.1 (see :mod:`pharmakg.serve`)."""

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
def serve(source: Path, port: int, timeout: float, limit: int, log_requests: bool) -> None:
    """Serve a graph as a read-only SPARQL 1.1 endpoint on 127.0.0.1, with a query page.

    STORE_OR_FILE is an Oxigraph store folder (opened read-only) or an RDF file (.nq .trig .ttl .nt
    .jsonld, loaded into memory). SPARQL clients query http://127.0.0.1:PORT/query; the page at
    http://127.0.0.1:PORT/ runs the bundled questions. Updates are refused.

    \b
    Example:
      pharmakg serve out/kg.nq --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
        http://127.0.0.1:7878/query
    """
    from pharmakg.serve import make_server

    try:
        server = make_server(source, port=port, timeout=timeout, limit=limit)
    except OSError as exc:
        raise click.ClickException(f"cannot serve {source}: {exc}") from exc
    server.verbose = log_requests
    click.echo(f"SPARQL endpoint {server.url}/query, query page {server.url}/ (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.service.close()
