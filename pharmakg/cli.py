"""The ``pharmakg`` command line: extract, build, query, viz, demo.

Heavy modules (spaCy, the graph store, the map) are imported inside the commands that need them, so
``pharmakg --help`` is instant and one stage failing to import does not take the others down.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import shlex
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pharmakg import __version__
from pharmakg.api import BatchStats
from pharmakg.data import example_corpus
from pharmakg.graph.views import VIEW_ALIASES, VIEWS

if TYPE_CHECKING:
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.ingest import IngestError
    from pharmakg.model import Extraction

# Output suffixes the graph store serialises to (the suffix picks the format); any other path, except
# those with a suffix of NOT_A_STORE, is an on-disk Oxigraph store folder.
RDF_SUFFIXES = (".ttl", ".nq", ".trig", ".jsonld", ".nt")
# Suffixes that look like a file the user meant to get but that we cannot write: refusing them beats
# silently creating a store folder called "kg.json".
NOT_A_STORE = (".json", ".jsonl", ".rdf", ".xml", ".owl", ".n3", ".txt", ".html", ".csv")

# Questions the demo answers: (heading, bundled query name, parameters, columns shown). The queries
# live in pharmakg/graph/queries/*.rq (data, not code); the demo shows the columns that fit a
# terminal (all of them if a query no longer has these), `pharmakg query` shows everything.
DEMO_QUESTIONS: tuple[tuple[str, str, dict[str, str], tuple[str, ...]], ...] = (
    ("Which compounds target CD56?", "compounds-by-target", {"target": "CD56"},
     ("compound", "how", "owners", "documents")),
    ("ImmunoGen's partners and what each paid (USD)", "partners-and-payments", {"company": "ImmunoGen"},
     ("partner", "paidToCompany", "paidByCompany", "payments")),
    ("huN901-DM1's phase by date", "phase-history", {"compound": "huN901-DM1"},
     ("date", "phase", "status", "document")),
    ("Which compounds carry DM4?", "compounds-by-payload", {"payload": "DM4"},
     ("compound", "targets", "owners", "documents")),
    ("The sentence behind a fact: huN901-DM1 targets CD56", "evidence",
     {"subject": "huN901-DM1", "relation": "TARGETS", "object": "CD56"},
     ("document", "start", "end", "extractor", "confidence", "sentence")),
)


# --------------------------------------------------------------------------------------------- helpers


def _progress_enabled(quiet: bool) -> bool:
    # A bar only helps a person watching: never in pipes, CI logs or under --quiet.
    return not quiet and sys.stderr.isatty()


def _report_error(message: str, bar_active: bool) -> None:
    """One line on stderr, written around an active progress bar instead of through it."""
    if not bar_active:
        click.echo(message, err=True)
        return
    from tqdm import tqdm

    with tqdm.external_write_mode(file=sys.stderr):
        click.echo(message, err=True)


def _error_line(exc: IngestError) -> str:
    """``error: PATH: reason``. Ingest messages already start with the path; add it when one does not."""
    msg = str(exc)
    path = getattr(exc, "path", None)
    if path is not None and not msg.startswith(str(path)):
        msg = f"{path}: {msg}"
    return f"error: {msg}"


def _extractions(inputs: Sequence[Path], stats: BatchStats, quiet: bool) -> Iterator[Extraction]:
    """Extractions of every readable document under ``inputs``; unreadable files are reported and skipped.

    Counts go into ``stats`` as the stream is consumed, so callers can stream straight into a
    writer or the graph without holding every extraction in memory.
    """
    from pharmakg import api

    show_bar = _progress_enabled(quiet)

    def report(error: IngestError) -> None:
        _report_error(_error_line(error), bar_active=show_bar)

    return _with_progress(api.extract(inputs, on_error=report, stats=stats), show_bar)


def _with_progress(stream: Iterator[Extraction], show_bar: bool) -> Iterator[Extraction]:
    from tqdm import tqdm

    yield from tqdm(stream, desc="extracting", unit="doc", file=sys.stderr, disable=not show_bar)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(_json_default(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], max_width: int | None = None) -> str:
    """Rows as aligned plain-text columns; numbers right-aligned, long cells cut at ``max_width``."""
    rows = [list(r) for r in rows]
    numeric = [
        bool(rows) and all(isinstance(r[i], int | float | Decimal) or r[i] is None for r in rows)
        for i in range(len(columns))
    ]
    text = [[_cell(v).replace("\n", " ") for v in r] for r in rows]
    if max_width:
        text = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in text]
    widths = [max([len(c)] + [len(r[i]) for r in text]) for i, c in enumerate(columns)]

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    out = [line(list(columns)), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in text]
    if not text:
        out.append("(no results)")
    return "\n".join(out)


def format_result(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    if fmt == "json":
        records = [dict(zip(columns, r, strict=True)) for r in rows]
        return json.dumps(records, ensure_ascii=False, indent=2, default=_json_default)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in r] for r in rows])
        return buf.getvalue().rstrip("\n")
    return format_table(columns, rows)


def _parse_params(params: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in params:
        key, sep, value = p.partition("=")
        key = key.strip().lstrip("?$")
        if not sep or not key:
            raise click.BadParameter(f"expected NAME=VALUE, got {p!r}", param_hint="--param")
        out[key] = value
    return out


def _resolve_query(query: str) -> tuple[str | None, str]:
    """(bundled name or None, SPARQL text) for a .rq file, a bundled query's name or SPARQL text."""
    from pharmakg.graph.queries import list_queries

    path = Path(query)
    if path.suffix == ".rq" or (len(query) < 256 and "\n" not in query and path.is_file()):
        if not path.is_file():
            raise click.BadParameter(f"no such query file: {query}", param_hint="QUERY")
        return None, path.read_text(encoding="utf-8")
    names = [name for name, *_ in list_queries()]
    if query in names:
        return query, ""
    if query.replace("_", "").replace("-", "").isalnum():
        # One bare word is a name, not SPARQL: say which names exist rather than a parse error.
        raise click.BadParameter(
            f"no bundled query named {query!r}; known: {', '.join(names) or '(none)'}", param_hint="QUERY"
        )
    return None, query


def _check_output(output: Path) -> None:
    """Refuse outputs that cannot work before spending minutes on extraction."""
    suffix = output.suffix.lower()
    if output.is_dir():
        # Only an Oxigraph store (RocksDB always writes CURRENT) or an empty folder may be replaced.
        if not (output / "CURRENT").exists() and any(output.iterdir()):
            raise click.BadParameter(
                f"{output}: a folder that is not a pharmakg store; not overwriting it",
                param_hint="-o/--output",
            )
    elif suffix in NOT_A_STORE or (output.exists() and suffix not in RDF_SUFFIXES):
        raise click.BadParameter(
            f"{output}: cannot write {suffix or 'this file'}; use one of {', '.join(RDF_SUFFIXES)} "
            "or a path without a suffix for an on-disk Oxigraph store",
            param_hint="-o/--output",
        )


def build_graph(
    inputs: Sequence[Path],
    output: Path | None,
    append: bool = False,
    quiet: bool = False,
) -> tuple[KnowledgeGraph, BatchStats]:
    """Extract ``inputs`` into a graph and, when ``output`` is given, save it there.

    :func:`pharmakg.api.build` saves only once every document went through, so a crash midway leaves the
    previous output intact."""
    from pharmakg import api

    stats = BatchStats()
    show_bar = _progress_enabled(quiet)

    def report(error: IngestError) -> None:
        _report_error(_error_line(error), bar_active=show_bar)

    kg = api.build(
        inputs, output, append=append, on_error=report, stats=stats,
        progress=lambda stream: _with_progress(stream, show_bar),
    )
    return kg, stats


def corpus_dir() -> Path:
    """The bundled example corpus (package data, so it ships in wheels as in checkouts)."""
    return example_corpus()


# --------------------------------------------------------------------------------------------- commands

class _ViewChoice(click.Choice):
    """The view names of :mod:`pharmakg.graph.views`; the map's older spellings are accepted too."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(VIEW_ALIASES.get(value, value), param, ctx)


def view_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--view``, one vocabulary for ``viz`` and ``export``."""
    return click.option("--view", "view_name", type=_ViewChoice(VIEWS), default=VIEWS[0], show_default=True,
                        help=help_text)


def graph_option(verb: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The required ``-g/--graph PATH`` option of the commands that read a built graph."""
    return click.option(
        "-g", "--graph", "graph_path", required=True, type=click.Path(exists=True, path_type=Path),
        help=f"The graph to {verb}: an RDF file (.ttl .nq .trig .jsonld .nt) or an Oxigraph store folder.",
    )


QUIET = click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar (it is also off when stderr is not a terminal)."
)


class _EchoHandler(logging.Handler):
    """Log records to whatever stderr is at the time (click's test runner swaps it per invocation)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


def _configure_logging(verbose: bool) -> None:
    logger = logging.getLogger("pharmakg")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        handler = _EchoHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    # Ingest logs each unreadable file, which the commands already print as "error: PATH: reason".
    logging.getLogger("pharmakg.ingest").setLevel(logging.INFO if verbose else logging.ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pharmakg")
@click.option(
    "-v", "--verbose", is_flag=True,
    help="Also log what ingest and extraction decide (duplicates skipped, encodings guessed).",
)
def main(verbose: bool) -> None:
    """Biopharma press releases in, an RDF knowledge graph of drug pipelines and partnerships out."""
    _configure_logging(verbose)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
    help="jsonl: one JSON object per document and line; json: one JSON array.",
)
@click.option(
    "-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
    help="Write here instead of standard output.",
)
@QUIET
def extract(inputs: tuple[Path, ...], fmt: str, output: Any, quiet: bool) -> None:
    """Extract entities and relations from files or folders.

    Reads .txt, .htm and .html files (folders recursively).
    Prints each document's extraction in the shape of the annotation contract (document = file
    stem). Unreadable files are reported on stderr and skipped; the exit status is then 1.
    """
    stats = BatchStats()
    stream = _extractions(inputs, stats, quiet)
    if fmt == "json":
        items = [x.to_contract() for x in stream]
        output.write(json.dumps(items, ensure_ascii=False, indent=2, default=_json_default) + "\n")
    else:
        for x in stream:
            output.write(json.dumps(x.to_contract(), ensure_ascii=False, default=_json_default) + "\n")
            output.flush()
    if stats.failed:
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path),
    help="Where the graph goes: .ttl, .nq, .trig or .jsonld picks the file format; "
    "a path without a suffix (or an existing folder) is an on-disk Oxigraph store.",
)
@click.option("--append", is_flag=True, help="Add to the graph already at OUTPUT instead of replacing it.")
@QUIET
def build(inputs: tuple[Path, ...], output: Path, append: bool, quiet: bool) -> None:
    """Build an RDF knowledge graph from files or folders.

    The graph is written only after every document went through, so a failure midway leaves an
    existing OUTPUT as it was. Unreadable files are reported and skipped (exit status 1).
    """
    _check_output(output)
    started = time.perf_counter()
    kg, stats = build_graph(inputs, output, append=append, quiet=quiet)
    seconds = time.perf_counter() - started
    if not stats.documents:
        click.echo("error: no document could be read; nothing written", err=True)
        sys.exit(1)
    click.echo(
        f"{output}: {stats.documents} documents, {stats.entities} entities, {stats.relations} relations"
        + (" added" if append else "")
        + f"; {len(kg)} triples; {seconds:.1f} s"
        + (f"; {stats.failed} unreadable files skipped" if stats.failed else "")
    )
    if stats.failed:
        sys.exit(1)


@main.command()
@click.argument("query", required=False)
@click.option(
    "-g", "--graph", "graph_path", type=click.Path(exists=True, path_type=Path),
    help="The graph to ask: an RDF file (.ttl .nq .trig .jsonld .nt) or an Oxigraph store folder.",
)
@click.option(
    "-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
    help="Bind the query variable ?NAME to VALUE (repeatable). Values are bound, never pasted into the text.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
    help="Output format.",
)
@click.option(
    "--list", "list_queries_", is_flag=True,
    help="List the bundled queries and exit; with a QUERY name, describe that query and its parameters.",
)
def query(query: str | None, graph_path: Path | None, params: tuple[str, ...], fmt: str,
          list_queries_: bool) -> None:
    """Ask the graph a SPARQL question.

    QUERY is a .rq file, a SPARQL string or the name of a bundled query. A bundled query's
    parameters take any name of the entity (alias, code name, brand), in any case.

    \b
    Examples:
      pharmakg query --list
      pharmakg query partners-and-payments --list
      pharmakg query compounds-by-target --param target=CD56 --graph out/kg.nq
      pharmakg query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --graph out/kg.nq --format csv
    """
    if list_queries_:
        from pharmakg.graph.queries import list_queries, query_info

        if query:
            try:
                info = query_info(query)
            except KeyError as exc:
                raise click.BadParameter(str(exc.args[0]), param_hint="QUERY") from exc
            click.echo(f"{info.name}: {info.title}\n\n{click.wrap_text(info.description, 100)}\n")
            click.echo(format_table(["parameter", "description"],
                                    [(p.name, p.description) for p in info.params]))
            return

        def shown(name: str) -> str:
            # optional parameters in brackets: [company=]
            return " ".join(f"[{p.name}=]" if p.optional else f"{p.name}=" for p in query_info(name).params)

        rows = [(name, title, shown(name)) for name, title, _params in list_queries()]
        click.echo(format_table(["query", "title", "parameters"], rows))
        return
    if not query:
        raise click.UsageError("give a QUERY (or --list to see the bundled ones)")
    if graph_path is None:
        raise click.UsageError("--graph is required to run a query")
    bindings = _parse_params(params)
    name, sparql = _resolve_query(query)
    from pharmakg.graph.store import KnowledgeGraph

    kg = KnowledgeGraph.open(graph_path)
    try:
        # A bundled query runs through kg.run: it checks the parameter names and drops their columns.
        result = kg.run(name, bindings) if name else kg.query(sparql, bindings=bindings or None)
    except (SyntaxError, ValueError, RuntimeError) as exc:  # pyoxigraph: SyntaxError for parse errors
        raise click.ClickException(f"query failed: {exc}") from exc
    click.echo(format_result(result.columns, result.rows, fmt))


ANALYSES = ("centrality", "communities", "crowded-targets", "path")


@main.command()
@click.argument("analysis", type=click.Choice(ANALYSES), default="centrality")
@graph_option("analyse")
@click.option("--from", "source", metavar="NAME", help="path: the first entity (any of its names).")
@click.option("--to", "target", metavar="NAME", help="path: the second entity (any of its names).")
@click.option("--top", type=int, default=None, help="centrality: only the first N companies.")
@click.option("--min-companies", type=int, default=2, show_default=True,
              help="crowded-targets: the least number of companies that makes a target crowded.")
@click.option("--method", type=click.Choice(["louvain", "greedy"]), default="louvain", show_default=True,
              help="communities: Louvain (seeded) or greedy modularity.")
@click.option("--seed", type=int, default=42, show_default=True, help="communities: Louvain's random seed.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
    help="Output format (csv and json also carry the entities' IRIs).",
)
def analyze(analysis: str, graph_path: Path, source: str | None, target: str | None, top: int | None,
            min_companies: int, method: str, seed: int, fmt: str) -> None:
    """Network analytics on the graph.

    \b
    centrality       the most connected partners (degree, betweenness)
    communities      groups of companies that partner with each other
    crowded-targets  targets pursued by more than one company
    path             a shortest chain of facts linking two entities (--from A --to B)
    """
    from pharmakg.graph import analytics
    from pharmakg.graph.network import to_networkx
    from pharmakg.graph.store import KnowledgeGraph

    if analysis == "path" and not (source and target):
        raise click.UsageError("path needs --from NAME and --to NAME")
    G = to_networkx(KnowledgeGraph.open(graph_path))
    try:
        if analysis == "centrality":
            rows = analytics.centrality(G, top=top)
        elif analysis == "communities":
            rows = analytics.communities(G, method=method, seed=seed)
        elif analysis == "crowded-targets":
            rows = analytics.crowded_targets(G, min_companies=min_companies)
        else:
            rows = analytics.shortest_path(G, source, target)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from exc
    if not rows:
        if fmt == "table" and analysis == "path":
            click.echo(f"no path between {source!r} and {target!r}")
            return
        click.echo(format_result([], [], fmt) if fmt != "table" else "(no results)")
        return
    columns = list(rows[0])
    if fmt == "table":  # IRIs are long; the table shows names, csv/json keep them
        columns = [c for c in columns if c not in ("iri", "iris")]
    click.echo(format_result(columns, [[r[c] for c in columns] for r in rows], fmt))


@main.command(name="export")
@graph_option("export")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.graphml (Cytoscape, Gephi, yEd) or FILE.gexf (Gephi); the suffix picks the format.",
)
@view_option(
    "full: every entity and relation; partnership: companies, weighted by agreements and payments; "
    "pipeline: companies, compounds, targets, payloads, diseases."
)
@click.option("--company", default=None, help="pipeline view: only this company's compounds (any name).")
def export_graph(graph_path: Path, output: Path, view_name: str, company: str | None) -> None:
    """Export the network as GraphML or GEXF for Gephi and Cytoscape."""
    from pharmakg.graph.export import FORMATS, view, write_graph
    from pharmakg.graph.network import to_networkx
    from pharmakg.graph.store import KnowledgeGraph

    if output.suffix.lower() not in FORMATS:
        raise click.BadParameter(f"{output}: use a .graphml or .gexf file", param_hint="-o/--output")
    G = to_networkx(KnowledgeGraph.open(graph_path))
    written = write_graph(G, output, view_name, company=company)
    V = view(G, view_name, company)
    click.echo(f"wrote {written} ({view_name} view: {V.number_of_nodes()} nodes, "
               f"{V.number_of_edges()} edges)")


@main.command()
@graph_option("draw")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("map.html"),
    show_default=True, help="The HTML file to write.",
)
@click.option("--title", default=None, help="Title shown on the page.")
@view_option(
    "full: every entity and relation; partnership: companies only; pipeline: compounds and what "
    "they attach to (with --company: that company's compounds)."
)
@click.option("--company", metavar="NAME", default=None,
              help="Keep the neighbourhood of this company (any of its names).")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True,
              help="--company: how many edges away from the company to keep.")
@click.option("--since", metavar="YYYY-MM-DD", default=None,
              help="Keep the facts of documents dated on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", default=None,
              help="Keep the facts of documents dated on or before this day.")
@click.option("--types", metavar="TYPE,...", default=None,
              help="Keep these entity types, e.g. COMPANY,COMPOUND,TARGET.")
@click.option("--no-physics", is_flag=True, help="Lay the map out in Python instead of in the browser.")
def viz(graph_path: Path, output: Path, title: str | None, view_name: str, company: str | None, depth: int,
        since: str | None, until: str | None, types: str | None, no_physics: bool) -> None:
    """Draw the graph as an interactive HTML network (open it in a browser).

    The page works offline. Its legend's checkboxes, date inputs and the search box with its depth
    menu filter it again in the browser; the filters live in the URL (map.html#types=COMPANY&since=...).
    """
    from datetime import date

    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.graph.viz import map_graph, write_html
    from pharmakg.model import ENTITY_TYPES

    for value, hint in ((since, "--since"), (until, "--until")):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=hint) from None
    type_list = [t.strip().upper() for t in types.split(",") if t.strip()] if types else None
    unknown = sorted(set(type_list or ()) - set(ENTITY_TYPES))
    if unknown:
        raise click.BadParameter(
            f"unknown type {', '.join(unknown)}; known: {', '.join(ENTITY_TYPES)}", param_hint="--types"
        )
    kg = KnowledgeGraph.open(graph_path)
    try:
        G = map_graph(kg, view=view_name, types=type_list, company=company, depth=depth, since=since,
                      until=until)
    except KeyError:
        raise click.ClickException(f"no entity named {company!r} in {graph_path}") from None
    written = write_html(G, output, title=title, physics=not no_physics)
    click.echo(f"wrote {written} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")


@main.command()
@graph_option("draw")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("timeline.png"),
    show_default=True, help="FILE.png (matplotlib) or FILE.html (self-contained SVG); the suffix picks.",
)
@click.option("--company", default=None, help="Only this company's compounds (any of its names).")
@click.option("--title", default=None, help="Title of the plot.")
def timeline(graph_path: Path, output: Path, company: str | None, title: str | None) -> None:
    """Plot compounds' phases over time as PNG or HTML.

    One row per compound, coloured by owner, a dot per dated phase statement.
    """
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.graph.timeline import timeline_rows, write_timeline

    if output.suffix.lower() not in (".png", ".html", ".htm"):
        raise click.BadParameter(f"{output}: use a .png or .html file", param_hint="-o/--output")
    kg = KnowledgeGraph.open(graph_path)
    rows = timeline_rows(kg, company)
    if company and not rows:
        raise click.ClickException(f"no compounds with phase records developed by {company!r}")
    try:
        written = write_timeline(kg, output, title=title, company=company)
    except ImportError as exc:  # the PNG needs an optional extra
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {written} ({len(rows)} compounds)")


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("input_dir", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this .jsonl/.json output of `pharmakg extract` (or any extractor) instead of extracting.",
)
@click.option("--by-doc", is_flag=True, help="Also print F1 per document.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="json adds per-document counts and relation precision per confidence band.",
)
@QUIET
def evaluate(gold_dir: Path, input_dir: Path | None, predictions: Path | None, by_doc: bool, fmt: str,
             quiet: bool) -> None:
    """Score extraction against annotated gold files.

    Gold files are NAME.gold.json in the annotation contract's shape.
    Extracts the documents in INPUT_DIR (default: GOLD_DIR, NAME.txt beside NAME.gold.json) and prints
    precision, recall and F1 per entity and relation type, overall and (--by-doc) per document, with
    the rules of the contract's reference scorer.
    """
    from pharmakg.evaluate import load_gold, load_predictions, score_documents

    gold = load_gold(gold_dir)
    if not gold:
        raise click.UsageError(f"no *.gold.json files in {gold_dir}")
    stats = BatchStats()
    if predictions is not None:
        pred = load_predictions(predictions)
    else:
        pred = {x.document.name: x.to_contract(with_provenance=True)
                for x in _extractions([input_dir or gold_dir], stats, quiet) if x.document.name in gold}
    report = score_documents(gold, pred)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.to_table(by_doc=by_doc))
    if stats.failed:
        sys.exit(1)


@main.command()
@click.option(
    "-o", "--outdir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
    show_default=True, help="Folder for kg.nq, kg.ttl and map.html.",
)
@QUIET
def demo(outdir: Path, quiet: bool) -> None:
    """Run the whole pipeline on the bundled example releases.

    Builds the graph of three ImmunoGen releases, writes OUTDIR/kg.nq and OUTDIR/kg.ttl, answers a
    few questions with SPARQL and draws the interactive map OUTDIR/map.html.
    """
    corpus = corpus_dir()
    outdir.mkdir(parents=True, exist_ok=True)
    click.echo(f"Reading the example corpus in {corpus}")
    started = time.perf_counter()
    kg, stats = build_graph([corpus], None, quiet=quiet)
    for name in ("kg.nq", "kg.ttl"):
        kg.save(outdir / name)
    click.echo(
        f"Built {stats.documents} documents -> {stats.entities} entities, {stats.relations} relations, "
        f"{len(kg)} triples in {time.perf_counter() - started:.1f} s; wrote {outdir / 'kg.nq'} "
        f"and {outdir / 'kg.ttl'}\n"
    )
    for heading, name, params, columns in DEMO_QUESTIONS:
        click.echo(heading)
        try:
            result = kg.run(name, params)
            keep = [result.columns.index(c) for c in columns if c in result.columns]
            if len(keep) < len(columns):
                keep = list(range(len(result.columns)))
            rows = [[row[i] for i in keep] for row in result.rows]
            click.echo(format_table([result.columns[i] for i in keep], rows, max_width=240))
        except Exception as exc:  # one broken question should not hide the others and the map
            click.echo(f"(could not answer: {exc})")
        shown = " ".join(f"--param {shlex.quote(f'{k}={v}')}" for k, v in params.items())
        click.echo(f"  $ pharmakg query {name} {shown} --graph {outdir / 'kg.nq'}\n")

    from pharmakg.graph.network import to_networkx
    from pharmakg.graph.viz import write_html

    G = to_networkx(kg)
    html = write_html(G, outdir / "map.html", title="pharmakg demo: ImmunoGen releases")
    click.echo(f"Interactive map: {Path(html).resolve()} (open it in a browser)")
    if stats.failed:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
