"""The map page: the graph's nodes, edges, legend and filters rendered into ``templates/map.html.j2``.

The page is one offline file. vis-network (``assets/vis-network.min.js``, see ``assets/README.md``), the
page's script and styles are inlined; a Content-Security-Policy forbids fetching anything, and
:data:`REMOTE_REFERENCE` fails the rendering loudly should a remote script or stylesheet ever appear.

Escaping: the template autoescapes every value with the same escaping as the tooltips
(:func:`~pharmakg.graph.viz.tooltips.esc`); data reaches the ``<script>`` block only through jinja2's
``tojson`` filter, which writes ``<``, ``>``, ``&`` and ``'`` as ``\\u00XX`` so that no string can close it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup

from pharmakg import atomic
from pharmakg.graph.viz.elements import edge_dicts, node_dict
from pharmakg.graph.viz.layout import static_layout, static_threshold, vis_options
from pharmakg.graph.viz.legend import DEPTH_CHOICES, date_bounds, entity_rows, relation_rows
from pharmakg.graph.viz.style import load_style
from pharmakg.graph.viz.tooltips import esc

HERE = Path(__file__).parent
ASSETS = HERE / "assets"
DEFAULT_TITLE = "pharmakg knowledge graph"
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:"
)
REMOTE_REFERENCE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)
# A map with physics and more than this many nodes shows a progress bar while it settles.
LOADING_BAR_NODES = 100


def _escape(value: Any) -> Markup:
    """The template's escaping: markup we built passes, anything else is escaped as the tooltips are."""
    return value if isinstance(value, Markup) else Markup(esc(value))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        finalize=_escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    # Key order as built (vis options read better so); tojson still escapes <, >, & and '.
    env.policies["json.dumps_kwargs"] = {"sort_keys": False}
    return env


def _inline(name: str, closing_tag: str) -> Markup:
    """An asset file's text, to be put between <script> or <style> tags: it must not close them."""
    text = (ASSETS / name).read_text(encoding="utf-8")
    if closing_tag in text.lower():
        raise RuntimeError(f"{name} contains {closing_tag!r}: it cannot be inlined")
    return Markup(text)


@lru_cache(maxsize=1)
def _assets() -> dict[str, Markup]:
    return {
        "vis_js": _inline("vis-network.min.js", "</script"),
        "vis_css": _inline("vis-network.css", "</style"),
        "labels_js": _inline("labels.js", "</script"),
        "map_js": _inline("map.js", "</script"),
        "map_css": _inline("map.css", "</style"),
    }


def graph_items(
    G: nx.Graph, st: Mapping[str, Any], static: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The vis-network nodes and edges of ``G``; ``static``: positions computed here, edges straight
    on big maps (a curve costs a bezier per edge per frame)."""
    n_nodes = G.number_of_nodes()
    positions = static_layout(G) if static and n_nodes else {}
    ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
    nodes = [node_dict(G, node, ids[node], st, positions.get(node)) for node in G.nodes]
    edges = edge_dicts(G, ids, st, curved=n_nodes <= static_threshold(st))
    return nodes, edges


def render_html(
    G: nx.Graph,
    title: str | None = None,
    physics: bool = True,
    style: Mapping[str, Any] | None = None,
    focus: Any = None,
) -> str:
    """The HTML page as a string (see :func:`write_html`)."""
    st = dict(style) if style is not None else load_style()
    n_nodes = G.number_of_nodes()
    static = (not physics) or n_nodes > static_threshold(st)
    nodes, edges = graph_items(G, st, static)
    if focus is not None and focus not in G:
        raise KeyError(focus)
    focus_id = nodes[list(G.nodes).index(focus)]["id"] if focus is not None else None
    page = (
        _environment()
        .get_template("map.html.j2")
        .render(
            title=title or DEFAULT_TITLE,
            csp=Markup(CSP),
            assets=_assets(),
            background=st.get("background", "#ffffff"),
            dates=date_bounds(G),
            depth_choices=DEPTH_CHOICES,
            entity_rows=entity_rows(G, st),
            relation_rows=relation_rows(G, st),
            n_nodes=n_nodes,
            n_edges=len(edges),
            nodes=nodes,
            edges=edges,
            options=vis_options(st, physics=not static, n_nodes=n_nodes),
            physics=not static,
            focus=focus_id,
            hidden_hubs=G.graph.get("hidden_hubs") or [],
            loading_bar=not static and n_nodes > LOADING_BAR_NODES,
        )
    )
    if REMOTE_REFERENCE.search(page):  # an asset or the template changed: fail rather than go online
        raise RuntimeError("the generated map references a remote script or stylesheet")
    return page


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    title: str | None = None,
    physics: bool = True,
    style: str | Path | Mapping[str, Any] | None = None,
    focus: Any = None,
) -> Path:
    """Write ``G`` (as made by :func:`pharmakg.graph.network.to_networkx`) as a self-contained HTML map.

    Node attributes used: label, type, aliases, documents, dates, phase. Edge attributes used:
    relation, label, documents, evidence, count, confidence, amount. Missing ones are fine, so any
    NetworkX graph can be drawn. ``style``: a style table or the path of one (default ``style.json``).
    ``focus``: a node of ``G`` the page opens on, highlighted and centred (``KeyError`` if not in ``G``).
    Returns the path written.
    """
    st = dict(style) if isinstance(style, Mapping) else load_style(style)
    path = Path(path)
    page = render_html(G, title=title, physics=physics, style=st, focus=focus)
    atomic.write_text(path, page)
    return path
