"""The commands that read a built graph: ``query``, ``analyze``, ``export``, ``viz`` and ``timeline``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from pharmakg.cli.formatting import format_result, format_table
from pharmakg.cli.name_commands import resolve_name, resolved_label, resolved_query_params
from pharmakg.cli.options import graph_option, table_format_option, view_option

__all__ = ["analyze", "export_graph", "query", "timeline", "viz"]


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


def _describe_queries(name: str | None) -> None:
    """``query --list``: the bundled queries with their parameters, or with a name that one query in full."""
    from pharmakg.graph.queries import list_queries, query_info

    if name:
        try:
            info = query_info(name)
        except KeyError as exc:
            raise click.BadParameter(str(exc.args[0]), param_hint="QUERY") from exc
        click.echo(f"{info.name}: {info.title}\n\n{click.wrap_text(info.description, 100)}\n")
        click.echo(format_table(["parameter", "description"], [(p.name, p.description) for p in info.params]))
        return

    def shown(name: str) -> str:
        # optional parameters in brackets: [company=]
        return " ".join(f"[{p.name}=]" if p.optional else f"{p.name}=" for p in query_info(name).params)

    rows = [(name, title, shown(name)) for name, title, _params in list_queries()]
    click.echo(format_table(["query", "title", "parameters"], rows))


@click.command()
@click.argument("query", required=False)
@click.option(
    "-g",
    "--graph",
    "graph_path",
    type=click.Path(exists=True, path_type=Path),
    help="The graph to ask: an RDF file (.ttl .nq .trig .jsonld .nt) or an Oxigraph store folder.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind parameter NAME to VALUE (repeatable): it fills the query's VALUES ?NAME { UNDEF } block as a "
    "string literal, never as query text. A question that lists everything answers 50 rows unless "
    "-p limit=N (or limit=all) says otherwise; -p offset=N skips rows.",
)
@table_format_option()
@click.option(
    "--list",
    "list_queries_",
    is_flag=True,
    help="List the bundled queries and exit; with a QUERY name, describe that query and its parameters.",
)
def query(
    query: str | None, graph_path: Path | None, params: tuple[str, ...], fmt: str, list_queries_: bool
) -> None:
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
        _describe_queries(query)
        return
    if not query:
        raise click.UsageError("give a QUERY (or --list to see the bundled ones)")
    if graph_path is None:
        raise click.UsageError("--graph is required to run a query")
    bindings = _parse_params(params)
    name, sparql = _resolve_query(query)
    from pharmakg.graph.store import KnowledgeGraph

    kg = KnowledgeGraph.open(graph_path, read_only=True)
    if name:  # names found through the name index; unknown names and values stop here, with suggestions
        bindings = resolved_query_params(kg, bindings)
    try:
        # A bundled query runs through kg.run: it checks the parameter names and binds their VALUES blocks.
        result = kg.run(name, bindings) if name else _run_text(kg, sparql, bindings)
    except (SyntaxError, ValueError, RuntimeError) as exc:  # pyoxigraph: SyntaxError for parse errors
        raise click.ClickException(f"query failed: {exc}") from exc
    click.echo(format_result(result.columns, result.rows, fmt))
    if result.is_page:
        click.echo(page_note(result), err=True)


def page_note(result: Any) -> str:
    """The line that says a bundled question's answer is a page of a longer one, and how to ask for more."""
    first, last = result.offset + 1, result.offset + len(result.rows)
    shown = f"rows {first:,} to {last:,}" if result.rows else f"no rows from row {first:,}"
    after = f"-p offset={last} for the next, " if last < result.total else ""
    return f"note: {shown} of {result.total:,} (a page: {after}-p limit=all for every row)"


def _run_text(kg: Any, sparql: str, bindings: dict[str, str]) -> Any:
    """A .rq file or SPARQL string: parameters fill its ``VALUES ?name { UNDEF }`` blocks, as for bundled
    queries; a text without such blocks for every parameter gets pyoxigraph's substitution of projected
    variables instead (what ``--param`` always did for ad-hoc SPARQL)."""
    from pharmakg.graph.queries import bind_parameters, parameter_slots

    if bindings and set(bindings) <= parameter_slots(sparql):
        return kg.query(bind_parameters(sparql, bindings))
    return kg.query(sparql, bindings=bindings or None)


ANALYSES = ("centrality", "communities", "crowded-targets", "path")


def _path_ends(source: str | None, target: str | None) -> tuple[str, str]:
    """``analyze path``'s --from and --to; click cannot require an option for one ANALYSIS only."""
    if not (source and target):
        raise click.UsageError("path needs --from NAME and --to NAME")
    return source, target


@click.command()
@click.argument("analysis", type=click.Choice(ANALYSES), default="centrality")
@graph_option("analyse")
@click.option("--from", "source", metavar="NAME", help="path: the first entity (any of its names).")
@click.option("--to", "target", metavar="NAME", help="path: the second entity (any of its names).")
@click.option("--top", type=int, default=None, help="centrality: only the first N companies.")
@click.option(
    "--min-companies",
    type=int,
    default=2,
    show_default=True,
    help="crowded-targets: the least number of companies that makes a target crowded.",
)
@click.option(
    "--method",
    type=click.Choice(["louvain", "greedy"]),
    default="louvain",
    show_default=True,
    help="communities: Louvain (seeded) or greedy modularity.",
)
@click.option("--seed", type=int, default=42, show_default=True, help="communities: Louvain's random seed.")
@table_format_option("Output format (csv and json also carry the entities' IRIs).")
def analyze(
    analysis: str,
    graph_path: Path,
    source: str | None,
    target: str | None,
    top: int | None,
    min_companies: int,
    method: str,
    seed: int,
    fmt: str,
) -> None:
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

    path_ends = _path_ends(source, target) if analysis == "path" else None
    kg = KnowledgeGraph.open(graph_path, read_only=True)
    if path_ends is not None:  # the IRIs of the entities the names find (shortest_path takes IRIs too)
        path_ends = (
            resolve_name(kg, path_ends[0], hint="--from").iri,
            resolve_name(kg, path_ends[1], hint="--to").iri,
        )
    G = to_networkx(kg)
    try:
        if analysis == "centrality":
            rows = analytics.centrality(G, top=top)
        elif analysis == "communities":
            rows = analytics.communities(G, method=method, seed=seed)
        elif analysis == "crowded-targets":
            rows = analytics.crowded_targets(G, min_companies=min_companies)
        else:  # path: _path_ends checked --from and --to before the graph was loaded
            assert path_ends is not None
            rows = analytics.shortest_path(G, *path_ends)
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


@click.command(name="export")
@graph_option("export")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
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
    kg = KnowledgeGraph.open(graph_path, read_only=True)
    company = resolved_label(kg, company)
    G = to_networkx(kg)
    written = write_graph(G, output, view_name, company=company)
    V = view(G, view_name, company)
    click.echo(
        f"wrote {written} ({view_name} view: {V.number_of_nodes()} nodes, {V.number_of_edges()} edges)"
    )


# The map's filters in Python (the page filters again in the browser), in the order --help lists them.
_MAP_FILTERS = (
    click.option(
        "--company",
        metavar="NAME",
        default=None,
        help="Keep the neighbourhood of this company (any of its names).",
    ),
    click.option(
        "--depth",
        type=click.IntRange(0, 10),
        default=1,
        show_default=True,
        help="--company: how many edges away from the company to keep.",
    ),
    click.option(
        "--since",
        metavar="YYYY-MM-DD",
        default=None,
        help="Keep the facts of documents dated on or after this day.",
    ),
    click.option(
        "--until",
        metavar="YYYY-MM-DD",
        default=None,
        help="Keep the facts of documents dated on or before this day.",
    ),
    click.option(
        "--types",
        metavar="TYPE,...",
        default=None,
        help="Keep these entity types, e.g. COMPANY,COMPOUND,TARGET.",
    ),
)


def _map_filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``viz``'s filter options, applied last to first so that they keep their order."""
    for option in reversed(_MAP_FILTERS):
        command = option(command)
    return command


def _checked_map_filters(since: str | None, until: str | None, types: str | None) -> list[str] | None:
    """Refuse malformed --since/--until dates and unknown --types; the entity types asked for, if any."""
    from datetime import date

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
    return type_list


@click.command()
@graph_option("draw")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("map.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option("--title", default=None, help="Title shown on the page.")
@view_option(
    "full: every entity and relation; partnership: companies only; pipeline: compounds and what "
    "they attach to (with --company: that company's compounds)."
)
@_map_filter_options
@click.option(
    "--focus",
    metavar="NAME",
    default=None,
    help="Open the map on this entity (any of its names): highlighted and centred.",
)
@click.option(
    "--technology-hubs",
    is_flag=True,
    help="Keep technology nodes linked to many others (left out by default unless --types names "
    "TECHNOLOGY; the legend names them).",
)
@click.option("--no-physics", is_flag=True, help="Lay the map out in Python instead of in the browser.")
def viz(
    graph_path: Path,
    output: Path,
    title: str | None,
    view_name: str,
    company: str | None,
    depth: int,
    since: str | None,
    until: str | None,
    types: str | None,
    focus: str | None,
    technology_hubs: bool,
    no_physics: bool,
) -> None:
    """Draw the graph as an interactive HTML network (open it in a browser).

    The page works offline. Its legend's checkboxes, date inputs and the search box with its depth
    menu filter it again in the browser; the filters live in the URL (map.html#types=COMPANY&since=...).
    """
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.graph.viz import load_style, map_graph, write_html

    if output.suffix.lower() not in (".html", ".htm"):  # the map is a web page, whatever the name says
        raise click.BadParameter(
            f"{output}: the map is HTML; use a .html or .htm file", param_hint="-o/--output"
        )
    type_list = _checked_map_filters(since, until, types)
    kg = KnowledgeGraph.open(graph_path, read_only=True)
    company = resolved_label(kg, company)
    focus_iri = resolve_name(kg, focus, (), "--focus").iri if focus else None
    # Asking for technologies by type keeps them all, hubs included.
    keep_hubs = technology_hubs or "TECHNOLOGY" in (type_list or ())
    hub_links = None if keep_hubs else int(load_style()["technology_hub_links"])
    try:
        G = map_graph(
            kg,
            view=view_name,
            types=type_list,
            company=company,
            depth=depth,
            since=since,
            until=until,
            hub_links=hub_links,
            keep=[focus_iri] if focus_iri else [],
        )
    except KeyError:
        raise click.ClickException(f"no entity named {company!r} in {graph_path}") from None
    if focus_iri and focus_iri not in G:
        raise click.ClickException(f"--focus {focus!r}: the other options leave it off the map")
    written = write_html(G, output, title=title, physics=not no_physics, focus=focus_iri)
    hubs = G.graph.get("hidden_hubs") or []
    note = f"; technology hubs left out: {', '.join(h for h, _n in hubs)}" if hubs else ""
    click.echo(f"wrote {written} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges{note})")


@click.command()
@graph_option("draw")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("timeline.png"),
    show_default=True,
    help="FILE.png (matplotlib) or FILE.html (self-contained SVG); the suffix picks.",
)
@click.option("--company", default=None, help="Only this company's compounds (any of its names).")
@click.option("--title", default=None, help="Title of the plot.")
def timeline(graph_path: Path, output: Path, company: str | None, title: str | None) -> None:
    """Plot compounds' phases over time as PNG or HTML.

    One row per compound, coloured by owner, a dot per dated phase statement.
    """
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.graph.timeline import compounds_without_stage, timeline_rows, write_timeline

    if output.suffix.lower() not in (".png", ".html", ".htm"):
        raise click.BadParameter(f"{output}: use a .png or .html file", param_hint="-o/--output")
    kg = KnowledgeGraph.open(graph_path, read_only=True)
    company = resolved_label(kg, company)
    rows = timeline_rows(kg, company)
    if company and not rows:
        raise click.ClickException(f"no compounds with phase records developed by {company!r}")
    try:
        written = write_timeline(kg, output, title=title, company=company)
    except ImportError as exc:  # the PNG needs an optional extra
        raise click.ClickException(str(exc)) from None
    drawn = sum(1 for r in rows if r["first"])
    others = len(compounds_without_stage(kg, rows, company))
    click.echo(
        f"wrote {written} ({drawn} compounds with a dated stage; {others} other compounds without one)"
    )
