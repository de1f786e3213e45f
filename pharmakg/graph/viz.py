"""The interactive map: a NetworkX projection of the graph written as one offline pyvis HTML page.

Everything document-derived (names, aliases, sentences, document names) is data that may contain
markup, so it is HTML-escaped before it becomes part of a tooltip, and it reaches the page only
through pyvis's ``tojson`` filter, which writes ``<`` as ``\\u003c`` so that no string can close the
``<script>`` block. Tooltips are built in the page as DOM elements from that escaped HTML (vis-network
would show a plain string verbatim, and pyvis switches to an ``innerHTML`` popup whenever a title
contains "href"; keeping the tooltip under our own ``tip`` key avoids both).

The page needs no network: vis-network is embedded (``cdn_resources="in_line"``), pyvis's Bootstrap
links are removed, and a Content-Security-Policy forbids loading anything from anywhere.

Filters work at two levels. In Python, :func:`filter_graph` (and :func:`map_graph`, which also picks a
view of the knowledge graph) keeps entity types, the neighbourhood of a company to a depth, and the
facts of documents dated in a range: the page then only carries what was asked for. In the page, the
legend's checkboxes hide entity and relation types, two date inputs keep the facts of documents in a
range, and the search box with its depth menu shows only the neighbourhood of a name. The page state
lives in the URL fragment (``map.html#types=COMPANY,COMPOUND&since=2010-01-01&focus=ImmunoGen&depth=1``)
so a view can be bookmarked or shared, and tests can drive the filters.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter, deque
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from pharmakg.graph.analytics import find_nodes

STYLE_PATH = Path(__file__).with_name("viz_style.json")
# Above this many nodes the browser's physics would take minutes to settle: lay out in Python.
STATIC_LAYOUT_THRESHOLD = 1500
_LABEL_MAX = 40

_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:"
)
# Remote stylesheet/script tags pyvis's template always emits (Bootstrap), whatever cdn_resources says.
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.I)
_REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)
REMOTE_REFERENCE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)


@lru_cache(maxsize=4)
def _load_style(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_style(path: str | Path | None = None) -> dict[str, Any]:
    """The style table (viz_style.json unless another file is given)."""
    return _load_style(str(path or STYLE_PATH))


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    title: str | None = None,
    physics: bool = True,
    style: str | Path | Mapping[str, Any] | None = None,
) -> Path:
    """Write ``G`` (as made by :func:`pharmakg.graph.network.to_networkx`) as a self-contained HTML map.

    Node attributes used: label, type, aliases, documents, dates, phase. Edge attributes used:
    relation, label, documents, evidence, count, confidence, amount. Missing ones are fine, so any
    NetworkX graph can be drawn. Returns the path written.
    """
    st = dict(style) if isinstance(style, Mapping) else load_style(style)
    path = Path(path)
    page = render_html(G, title=title, physics=physics, style=st)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def render_html(
    G: nx.Graph, title: str | None = None, physics: bool = True, style: Mapping[str, Any] | None = None
) -> str:
    """The HTML page as a string (see :func:`write_html`)."""
    st = dict(style) if style is not None else load_style()
    title = title or "pharmakg knowledge graph"
    n_nodes = G.number_of_nodes()
    static = (not physics) or n_nodes > STATIC_LAYOUT_THRESHOLD
    positions = static_layout(G) if static and n_nodes else {}

    net = Network(
        height="calc(100vh - 64px)",
        width="100%",
        directed=G.is_directed(),
        bgcolor=st.get("background", "#ffffff"),
        cdn_resources="in_line",
        heading="",  # pyvis writes the heading unescaped (twice): we add our own header instead
    )
    ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
    nodes = [_node_dict(G, node, ids[node], st, positions.get(node)) for node in G.nodes]
    # Curved edges cost a bezier per edge per frame: straight lines keep big static maps responsive.
    edges = _edge_dicts(G, ids, st, curved=n_nodes <= STATIC_LAYOUT_THRESHOLD)
    # pyvis's add_node/add_edge check membership in lists (quadratic); its data model is these lists.
    net.nodes = nodes
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.edges = edges
    net.options = _options(st, physics=not static, n_nodes=n_nodes)
    page = net.generate_html(name="index.html")
    return _post_process(page, G, title, st, physics=not static, n_edges=len(edges))


# ---------------------------------------------------------------------------------------------------
# nodes and edges


def _node_style(st: Mapping[str, Any], etype: str | None) -> dict[str, Any]:
    return {**st["default_node"], **st["nodes"].get(etype or "", {})}


def _edge_style(st: Mapping[str, Any], relation: str | None) -> dict[str, Any]:
    return {**st["default_edge"], **st["edges"].get(relation or "", {})}


def _short(text: str, limit: int = _LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _node_label(G: nx.Graph, node: Any) -> str:
    return str(G.nodes[node].get("label") or node)


def _node_dict(
    G: nx.Graph, node: Any, vid: str, st: Mapping[str, Any], pos: tuple[float, float] | None
) -> dict[str, Any]:
    data = G.nodes[node]
    ns = _node_style(st, data.get("type"))
    size_cfg = st["node_size"]
    degree = G.degree(node)
    size = min(size_cfg["max"], size_cfg["min"] + size_cfg["per_degree"] * math.sqrt(degree))
    label = _node_label(G, node)
    out: dict[str, Any] = {
        "id": vid,
        # Drawn on the canvas (never parsed as HTML); tojson keeps it inert inside <script>.
        "label": _short(label),
        "shape": ns["shape"],
        "color": {
            "background": ns["color"],
            "border": ns["color"],
            "highlight": {"background": ns["color"], "border": "#000000"},
            "hover": {"background": ns["color"], "border": "#000000"},
        },
        "size": round(size, 1),
        "tip": _node_tooltip(data, label, ns, st),
        "ptype": data.get("type") or "",
        "search": label,
        # For the in-page filters: the dates of the documents that mention it, and every name.
        "dates": sorted({str(d) for d in _as_list(data.get("dates")) if d}),
        "names": [label, *(str(a) for a in _as_list(data.get("aliases")) if a and a != label)],
    }
    if pos is not None:
        out["x"], out["y"] = round(pos[0], 1), round(pos[1], 1)
        out["physics"] = False
    return out


def _edge_dicts(
    G: nx.Graph, ids: Mapping[Any, str], st: Mapping[str, Any], curved: bool = True
) -> list[dict[str, Any]]:
    edges: list[dict[str, Any]] = []
    # Parallel edges between one pair would be drawn on top of each other: bend each a bit more.
    seen: Counter[frozenset[Any]] = Counter()
    if G.is_multigraph():
        triples: Iterable[tuple[Any, Any, dict[str, Any]]] = (
            (u, v, d) for u, v, _k, d in G.edges(keys=True, data=True)
        )
    else:
        triples = G.edges(data=True)
    for u, v, data in triples:
        relation = data.get("relation")
        es = _edge_style(st, relation)
        count = int(data.get("count") or 1)
        pair = frozenset((u, v))
        nth = seen[pair]
        seen[pair] += 1
        smooth: dict[str, Any] | bool
        if not curved and nth == 0:
            smooth = False
        elif nth == 0:
            smooth = {"enabled": True, "type": "continuous", "roundness": 0.2}
        else:
            smooth = {
                "enabled": True,
                "type": "curvedCW" if nth % 2 else "curvedCCW",
                "roundness": 0.15 * ((nth + 1) // 2) + 0.1,
            }
        edge: dict[str, Any] = {
            "from": ids[u],
            "to": ids[v],
            "label": str(data.get("label") or es["label"]),
            "color": {"color": es["color"], "highlight": "#000000", "hover": "#000000"},
            "dashes": bool(es.get("dashes")),
            # Wider when more statements support the relation.
            "width": round(float(es.get("width", 1.5)) * (1 + 0.5 * math.log(count)), 2),
            "arrows": {"to": {"enabled": bool(es.get("arrows", True)) and G.is_directed()}},
            "smooth": smooth,
            "tip": _edge_tooltip(G, u, v, data, es, st),
            "relation": relation or "",
            "dates": edge_dates(G, data),
        }
        edges.append(edge)
    return edges


# ---------------------------------------------------------------------------------------------------
# tooltips: every piece of text is escaped here, then joined with our own markup


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    return [value]


def _joined(values: Iterable[Any], limit: int) -> str:
    vals = [str(v) for v in values if v not in (None, "")]
    shown = ", ".join(_esc(v) for v in vals[:limit])
    if len(vals) > limit:
        shown += f" <i>and {len(vals) - limit} more</i>"
    return shown


def _row(name: str, value_html: str) -> str:
    return f'<div class="pkg-row"><span class="pkg-key">{_esc(name)}</span> {value_html}</div>'


def _node_tooltip(data: Mapping[str, Any], label: str, ns: Mapping[str, Any], st: Mapping[str, Any]) -> str:
    cfg = st["tooltip"]
    parts = [
        f'<div class="pkg-head"><b>{_esc(label)}</b> '
        f'<span class="pkg-type" style="color:{_esc(ns["color"])}">{_esc(ns["label"])}</span></div>'
    ]
    aliases = [a for a in _as_list(data.get("aliases")) if a != label]
    if aliases:
        parts.append(_row("Also:", _joined(aliases, cfg["max_aliases"])))
    if data.get("phase"):
        phase = _esc(data["phase"])
        if data.get("phase_date"):
            phase += f" <i>(as of {_esc(data['phase_date'])})</i>"
        parts.append(_row("Phase:", phase))
    docs = _as_list(data.get("documents"))
    if docs:
        parts.append(_row(f"Documents ({len(docs)}):", _joined(docs, cfg["max_documents"])))
    dates = sorted({str(d) for d in _as_list(data.get("dates")) if d})
    if dates:
        span = dates[0] if len(dates) == 1 else f"{dates[0]} \u2013 {dates[-1]}"
        parts.append(_row("Dates:", _esc(span)))
    return "".join(parts)


def _edge_tooltip(
    G: nx.Graph, u: Any, v: Any, data: Mapping[str, Any], es: Mapping[str, Any], st: Mapping[str, Any]
) -> str:
    cfg = st["tooltip"]
    rel = data.get("label") or es["label"]
    parts = [
        f'<div class="pkg-head"><b>{_esc(_node_label(G, u))}</b> '
        f'<span class="pkg-type" style="color:{_esc(es["color"])}">{_esc(rel)}</span> '
        f"<b>{_esc(_node_label(G, v))}</b></div>"
    ]
    count = data.get("count")
    conf = data.get("confidence")
    facts = []
    if count:
        facts.append(f"{int(count)} statement{'s' if int(count) != 1 else ''}")
    if conf is not None:
        facts.append(f"confidence {float(conf):.2f}")
    if facts:
        parts.append(_row("Support:", _esc(", ".join(facts))))
    if data.get("amount"):
        parts.append(_row("Amount:", _esc(f"US${float(data['amount']):,.0f}")))
    payments = [p for p in _as_list(data.get("payments")) if isinstance(p, Mapping)]
    if len(payments) > 1:
        items = "".join(
            "<li>" + _esc(" ".join(filter(None, (
                f"US${float(p['amount']):,.0f}" if p.get("amount") is not None else "amount not stated",
                p.get("kind"),
                f"({p['document']})" if p.get("document") else None,
            )))) + "</li>"
            for p in payments[: cfg["max_documents"]]
        )
        parts.append(f'<ul class="pkg-evidence">{items}</ul>')
    docs = _as_list(data.get("documents"))
    if docs:
        parts.append(_row(f"Documents ({len(docs)}):", _joined(docs, cfg["max_documents"])))
    dates = edge_dates(G, data)
    if dates:
        span = dates[0] if len(dates) == 1 else f"{dates[0]} \u2013 {dates[-1]}"
        parts.append(_row("Dates:", _esc(span)))
    evidence = [str(e) for e in _as_list(data.get("evidence")) if e]
    if evidence:
        items = "".join(
            f"<li>{_esc(_short(' '.join(s.split()), cfg['max_sentence_chars']))}</li>"
            for s in evidence[: cfg["max_evidence"]]
        )
        more = len(evidence) - cfg["max_evidence"]
        if more > 0:
            items += f"<li><i>and {more} more</i></li>"
        parts.append(f'<ul class="pkg-evidence">{items}</ul>')
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------
# filters (Python side; the page has the same ones in _SCRIPT)

VIEWS = ("all", "partnerships", "pipeline")

Q_DOCUMENT_DATES = """
PREFIX pkg: <https://w3id.org/pharmakg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?name ?date WHERE { ?doc pkg:documentName ?name ; dcterms:date ?date }
"""


def document_dates(kg: Any) -> dict[str, str]:
    """Document name -> its date (ISO ``YYYY-MM-DD``) for the documents of a KnowledgeGraph that have one."""
    return {str(name): str(date)[:10] for name, date in kg.query(Q_DOCUMENT_DATES).rows if date}


def add_document_dates(G: nx.Graph, kg: Any) -> nx.Graph:
    """Give every edge of ``G`` a ``dates`` attribute: the dates of the documents that state it.

    The projection records documents by name only; the dates let the map filter facts by date.
    Returns ``G`` (changed in place).
    """
    dates = document_dates(kg)
    G.graph["document_dates"] = dates
    for *_ends, data in G.edges(data=True):
        data["dates"] = sorted({dates[d] for d in _as_list(data.get("documents")) if d in dates})
    return G


def edge_dates(G: nx.Graph, data: Mapping[str, Any]) -> list[str]:
    """The dates of an edge's documents: its ``dates`` attribute, else looked up by document name."""
    if data.get("dates") is not None:
        return sorted({str(d)[:10] for d in _as_list(data.get("dates")) if d})
    lookup = G.graph.get("document_dates") or {}
    return sorted({lookup[d] for d in _as_list(data.get("documents")) if d in lookup})


def neighbourhood(G: nx.Graph, centres: Iterable[Any], depth: int) -> set[Any]:
    """Nodes within ``depth`` edges of any centre, whatever the edges' direction."""
    seen = {c: 0 for c in centres if c in G}
    queue = deque(seen)
    directed = G.is_directed()
    while queue:
        node = queue.popleft()
        if seen[node] >= depth:
            continue
        nbrs = set(G.successors(node)) | set(G.predecessors(node)) if directed else set(G.neighbors(node))
        for nb in nbrs:
            if nb not in seen:
                seen[nb] = seen[node] + 1
                queue.append(nb)
    return set(seen)


def _in_range(dates: Iterable[str], since: str | None, until: str | None) -> bool:
    return any((not since or d >= since) and (not until or d <= until) for d in dates)


def filter_graph(
    G: nx.Graph,
    types: Collection[str] | None = None,
    company: str | None = None,
    depth: int = 1,
    since: str | None = None,
    until: str | None = None,
) -> nx.Graph:
    """A filtered copy of ``G`` (same graph class), with the page's filters applied in Python.

    - ``since`` / ``until`` (ISO dates, inclusive): keep the edges stated by a document dated in the
      range (see :func:`add_document_dates`) and the nodes mentioned in such a document or touching such
      an edge. Facts of undated documents are left out while a range is set.
    - ``company``: any name of a company (or of another entity) as in :func:`find_nodes`; keep the nodes
      within ``depth`` edges of it. Raises ``KeyError`` when no node has that name.
    - ``types``: contract entity types to keep ("COMPANY", "COMPOUND"...); the company itself always stays.
    """
    H = G.copy()
    if since or until:
        since = since[:10] if since else None
        until = until[:10] if until else None
        drop = []
        if H.is_multigraph():
            for u, v, k, d in H.edges(keys=True, data=True):
                if not _in_range(edge_dates(G, d), since, until):
                    drop.append((u, v, k))
        else:
            drop = [(u, v) for u, v, d in H.edges(data=True) if not _in_range(edge_dates(G, d), since, until)]
        H.remove_edges_from(drop)
        gone = [
            n for n, d in H.nodes(data=True)
            if H.degree(n) == 0
            and not _in_range((str(x)[:10] for x in _as_list(d.get("dates"))), since, until)
        ]
        H.remove_nodes_from(gone)
    centres: list[Any] = []
    if company:
        centres = find_nodes(H, company, types=("COMPANY",))
        if not centres:
            raise KeyError(company)
        H = H.subgraph(neighbourhood(H, centres, max(0, depth))).copy()
    if types:
        wanted = {t.strip().upper() for t in types if t.strip()}
        H.remove_nodes_from([
            n for n, d in list(H.nodes(data=True))
            if (d.get("type") or "") not in wanted and n not in centres
        ])
    return H


def map_graph(
    kg: Any,
    view: str = "all",
    types: Collection[str] | None = None,
    company: str | None = None,
    depth: int = 1,
    since: str | None = None,
    until: str | None = None,
) -> nx.Graph:
    """The graph ``pharmakg viz`` draws: a view of the knowledge graph, dated, then filtered.

    ``view``: "all" (every entity and relation), "partnerships" (companies, edges weighted by
    agreements and payments) or "pipeline" (compounds and what they attach to; with ``company``, only
    that company's compounds rather than a neighbourhood).
    """
    from pharmakg.graph.network import partnership_network, pipeline_network, to_networkx

    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    G: nx.Graph = to_networkx(kg)
    dates = add_document_dates(G, kg).graph["document_dates"]
    if view == "partnerships":
        G = partnership_network(G)
    elif view == "pipeline":
        if company:
            if not find_nodes(G, company, types=("COMPANY",)):
                raise KeyError(company)
            G = pipeline_network(G, company=_canonical(G, company))
            company = None
        else:
            G = pipeline_network(G)
    G.graph["document_dates"] = dates  # the views are new graphs: their edges look dates up by document
    return filter_graph(G, types=types, company=company, depth=depth, since=since, until=until)


def _canonical(G: nx.Graph, name: str) -> str:
    """The node id for a name, so that views matching names their own way get the node we matched."""
    found = find_nodes(G, name, types=("COMPANY",))
    return str(found[0]) if found else name


# ---------------------------------------------------------------------------------------------------
# layout and vis options


def _options(st: Mapping[str, Any], physics: bool, n_nodes: int) -> dict[str, Any]:
    font = st.get("font", {})
    return {
        "nodes": {
            "borderWidth": 1,
            "font": {
                "color": font.get("color", "#222222"),
                "size": font.get("size", 14),
                "face": font.get("face", "sans-serif"),
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "font": {
                "size": 11, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"
            },
            "arrows": {"to": {"scaleFactor": 0.6}},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": n_nodes > 500,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
        # vis's own first layout (Kamada-Kawai) is slow beyond a few hundred nodes.
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 200},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -5000,
                "centralGravity": 0.9,
                "springLength": 140,
                "springConstant": 0.04,
                "damping": 0.35,
                "avoidOverlap": 0.3,
            },
            "minVelocity": 1.0,
            "stabilization": {"enabled": physics, "iterations": 400, "updateInterval": 25, "fit": True},
        },
    }


def static_layout(G: nx.Graph, seed: int = 7, scale: float | None = None) -> dict[Any, tuple[float, float]]:
    """Positions in vis pixel units, deterministic for a given ``seed``.

    Small graphs use NetworkX's Fruchterman-Reingold. NetworkX needs SciPy from 500 nodes on, and its
    dense solver needs O(n^2) memory, so bigger graphs use :func:`_sampled_force_layout`.
    """
    n = G.number_of_nodes()
    if n == 0:
        return {}
    H = nx.Graph(G)  # undirected, parallel edges merged: the layout only needs adjacency
    if n < 500:
        raw = nx.spring_layout(H, seed=seed, k=None, iterations=80)
        pos = {node: (float(p[0]), float(p[1])) for node, p in raw.items()}
    else:
        pos = _sampled_force_layout(H, seed=seed)
    # Spread so that the mean node has about 120 px x 120 px of its own.
    target = scale or 60.0 * math.sqrt(n)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    k = 2 * target / span
    return {node: ((x - cx) * k, (y - cy) * k) for node, (x, y) in pos.items()}


def _sampled_force_layout(H: nx.Graph, seed: int = 7, iterations: int = 60, sample: int = 128) -> dict:
    """Fruchterman-Reingold in NumPy with repulsion estimated from a random sample of nodes.

    Cost per iteration is O(n * sample + edges) instead of O(n^2): a few seconds for 10,000 nodes.
    """
    import numpy as np

    nodes = list(H.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) * math.sqrt(n)
    if H.number_of_edges():
        pairs = np.array([(index[u], index[v]) for u, v in H.edges if u != v], dtype=np.int64).reshape(-1, 2)
    else:
        pairs = np.zeros((0, 2), dtype=np.int64)
    src, dst = pairs[:, 0], pairs[:, 1]
    m = min(sample, n)
    temperature = math.sqrt(n) / 5
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        picked = rng.choice(n, size=m, replace=False)
        delta = pos[:, None, :] - pos[None, picked, :]
        dist2 = np.maximum((delta**2).sum(-1), 1e-4)
        # k = 1: repulsion k^2/d along delta/d, scaled up from the sample to all nodes
        disp = (delta / dist2[..., None]).sum(1) * (n / m)
        if len(src):
            dv = pos[src] - pos[dst]
            dist = np.sqrt((dv**2).sum(-1))[:, None]
            pull = dv * dist  # d^2/k along dv/d
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        disp -= 0.05 * (pos - pos.mean(0))  # gravity keeps separate components in view
        length = np.maximum(np.sqrt((disp**2).sum(-1)), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temperature)
        temperature = max(temperature - cooling, 0.01)
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for node, i in index.items()}


# ---------------------------------------------------------------------------------------------------
# page chrome: header, legend, tooltips, search, offline guarantee

_SHAPE_SVG = {
    "dot": '<circle cx="9" cy="9" r="7" fill="{c}"/>',
    "square": '<rect x="2" y="2" width="14" height="14" fill="{c}"/>',
    "diamond": '<polygon points="9,1 17,9 9,17 1,9" fill="{c}"/>',
    "triangle": '<polygon points="9,1 17,16 1,16" fill="{c}"/>',
    "triangleDown": '<polygon points="1,2 17,2 9,17" fill="{c}"/>',
    "star": '<polygon points="9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7" fill="{c}"/>',
    "hexagon": '<polygon points="5,2 13,2 17,9 13,16 5,16 1,9" fill="{c}"/>',
}


def _legend(G: nx.Graph, st: Mapping[str, Any], n_edges: int) -> str:
    types = Counter(G.nodes[n].get("type") or "" for n in G.nodes)
    rels = Counter(d.get("relation") or "" for *_, d in G.edges(data=True))
    rows = []
    for etype, spec in [*st["nodes"].items(), ("", st["default_node"])]:
        if not types.get(etype):
            continue
        glyph = _SHAPE_SVG.get(spec["shape"], _SHAPE_SVG["dot"]).format(c=_esc(spec["color"]))
        rows.append(
            '<label class="pkg-lg-row">'
            f'<input type="checkbox" class="pkg-type" value="{_esc(etype)}" checked>'
            f'<svg width="18" height="18" aria-hidden="true">{glyph}</svg>'
            f"<span>{_esc(spec['label'])}</span><span class=\"pkg-count\">{types[etype]}</span></label>"
        )
    edge_rows = []
    for rel, spec in [*st["edges"].items(), ("", st["default_edge"])]:
        if not rels.get(rel):
            continue
        dash = ' stroke-dasharray="5,3"' if spec.get("dashes") else ""
        edge_rows.append(
            f'<label class="pkg-lg-row"><input type="checkbox" class="pkg-rel" value="{_esc(rel)}" checked>'
            f'<svg width="26" height="12" aria-hidden="true"><line x1="1" y1="6" '
            f'x2="25" y2="6" stroke="{_esc(spec["color"])}" stroke-width="3"{dash}/></svg>'
            f"<span>{_esc(spec['label'])}</span><span class=\"pkg-count\">{rels[rel]}</span></label>"
        )
    return (
        '<div id="pkg-legend" role="region" aria-label="Legend"><div class="pkg-lg-title">Entities</div>'
        + "".join(rows)
        + ('<div class="pkg-lg-title">Relations</div>' + "".join(edge_rows) if edge_rows else "")
        + f'<div class="pkg-lg-foot">{G.number_of_nodes()} nodes, {n_edges} edges'
        '<span id="pkg-shown"></span></div></div>'
    )


def _filters(G: nx.Graph) -> str:
    """The header's date range inputs (when the graph has dates) and the neighbourhood depth menu."""
    dates = sorted(
        {str(d)[:10] for _n, d in G.nodes(data=True) for d in _as_list(d.get("dates")) if d}
        | {d for *_e, data in G.edges(data=True) for d in edge_dates(G, data)}
    )
    parts = ['<div id="pkg-filters">']
    bounds = f' min="{_esc(dates[0])}" max="{_esc(dates[-1])}"' if dates else ""
    hidden = "" if dates else ' style="display:none"'
    parts.append(
        f'<span{hidden}>Documents from <input type="date" id="pkg-since" aria-label="Documents from"{bounds}>'
        f' to <input type="date" id="pkg-until" aria-label="Documents until"{bounds}></span>'
    )
    options = "".join(
        f'<option value="{d}">{label}</option>'
        for d, label in ((0, "whole graph"), (1, "1 step around"), (2, "2 steps around"),
                         (3, "3 steps around"))
    )
    parts.append(f'<select id="pkg-depth" aria-label="Show around the name found">{options}</select></div>')
    return "".join(parts)


_CSS = """
<style type="text/css">
  body { margin: 0; font-family: Helvetica, Arial, sans-serif; }
  #pkg-header { display: flex; align-items: center; gap: 16px; height: 56px; padding: 4px 16px;
    border-bottom: 1px solid #ddd; box-sizing: border-box; }
  #pkg-header h1 { font-size: 20px; margin: 0; font-weight: 600; white-space: nowrap; overflow: hidden;
    text-overflow: ellipsis; }
  #pkg-filters { margin-left: auto; display: flex; align-items: center; gap: 6px; font-size: 13px;
    color: #444; white-space: nowrap; }
  #pkg-filters input, #pkg-filters select { font-size: 13px; padding: 3px 4px; }
  #pkg-search { padding: 4px 8px; font-size: 14px; width: 220px; }
  #pkg-legend { position: fixed; top: 72px; right: 16px; z-index: 10; background: rgba(255,255,255,0.92);
    border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; font-size: 13px; max-height: 80vh;
    overflow-y: auto; box-shadow: 0 1px 4px rgba(0,0,0,0.15); }
  .pkg-lg-title { font-weight: 600; margin: 4px 0 2px; }
  .pkg-lg-row { display: flex; align-items: center; gap: 6px; line-height: 20px; cursor: pointer; }
  .pkg-lg-row input { margin: 0 2px 0 0; }
  #pkg-shown { display: block; }
  .pkg-count { color: #888; margin-left: auto; padding-left: 10px; }
  .pkg-lg-foot { color: #666; margin-top: 6px; font-size: 12px; }
  #mynetwork { float: none !important; border: none !important; }
  div.vis-tooltip { white-space: normal !important; max-width: 520px;
    font-family: Helvetica, Arial, sans-serif; font-size: 13px; }
  .pkg-head { margin-bottom: 4px; }
  .pkg-type { font-style: italic; margin-left: 4px; }
  .pkg-key { color: #666; }
  .pkg-evidence { margin: 4px 0 0 0; padding-left: 18px; }
  .pkg-evidence li { margin-bottom: 3px; }
</style>
"""

_SCRIPT = """
<script type="text/javascript">
(function () {
  // Tooltips: "tip" holds HTML that Python built from escaped text; vis shows an Element as is.
  function tipElement(markup) {
    var div = document.createElement("div");
    div.className = "pkg-tip";
    div.innerHTML = markup;
    return div;
  }
  window.pkgTooltip = tipElement;
  var nodeTips = [];
  nodes.forEach(function (n) { if (n.tip) { nodeTips.push({id: n.id, title: tipElement(n.tip)}); } });
  nodes.update(nodeTips);
  var edgeTips = [];
  edges.forEach(function (e) { if (e.tip) { edgeTips.push({id: e.id, title: tipElement(e.tip)}); } });
  edges.update(edgeTips);
  // Let physics settle once, then freeze so the map stops drifting.
  if (__PHYSICS__) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      document.body.setAttribute("data-pkg-stable", "1");
    });
  } else {
    document.body.setAttribute("data-pkg-stable", "1");
  }
  // Find a node by any of its names (case-insensitive).
  var list = document.getElementById("pkg-names");
  var byName = {}, listed = {};
  nodes.forEach(function (n) {
    (n.names || [n.search]).forEach(function (name) {
      var key = String(name).toLowerCase();
      (byName[key] = byName[key] || []).push(n.id);
    });
    if (!(n.search in listed)) {
      listed[n.search] = true;
      var opt = document.createElement("option");
      opt.value = n.search;
      list.appendChild(opt);
    }
  });

  // Filters. state.types / state.relations: null = all shown, else the set of shown ones.
  var state = {types: null, relations: null, since: "", until: "", focus: "", depth: 0};
  var total = nodes.length;
  function inRange(dates) {
    if (!state.since && !state.until) { return true; }
    for (var i = 0; i < (dates || []).length; i++) {
      var d = dates[i];
      if ((!state.since || d >= state.since) && (!state.until || d <= state.until)) { return true; }
    }
    return false;
  }
  function typeOn(t) { return state.types === null || state.types.has(t || ""); }
  function relOn(r) { return state.relations === null || state.relations.has(r || ""); }
  function applyFilters() {
    var ptype = {}, nodeDates = {};
    nodes.forEach(function (n) { ptype[n.id] = n.ptype; nodeDates[n.id] = n.dates; });
    var dated = Boolean(state.since || state.until);
    var okEdges = [], touched = {};
    edges.forEach(function (e) {
      if (relOn(e.relation) && typeOn(ptype[e.from]) && typeOn(ptype[e.to]) && (!dated || inRange(e.dates))) {
        okEdges.push(e);
        touched[e.from] = touched[e.to] = true;
      }
    });
    var show = {};
    nodes.forEach(function (n) {
      show[n.id] = typeOn(n.ptype) && (!dated || touched[n.id] === true || inRange(n.dates));
    });
    var centres = state.focus ? (byName[state.focus.toLowerCase()] || []) : [];
    if (centres.length && state.depth > 0) {
      var adj = {};
      okEdges.forEach(function (e) {
        if (show[e.from] && show[e.to]) {
          (adj[e.from] = adj[e.from] || []).push(e.to);
          (adj[e.to] = adj[e.to] || []).push(e.from);
        }
      });
      var dist = {}, queue = [];
      centres.forEach(function (c) { dist[c] = 0; queue.push(c); show[c] = true; });
      while (queue.length) {
        var cur = queue.shift();
        if (dist[cur] >= state.depth) { continue; }
        (adj[cur] || []).forEach(function (nb) {
          if (!(nb in dist)) { dist[nb] = dist[cur] + 1; queue.push(nb); }
        });
      }
      Object.keys(show).forEach(function (id) { show[id] = show[id] && (id in dist); });
    }
    var nodeUpd = [], edgeUpd = [], shown = 0;
    nodes.forEach(function (n) {
      var hide = !show[n.id];
      if (!hide) { shown++; }
      if (Boolean(n.hidden) !== hide) { nodeUpd.push({id: n.id, hidden: hide}); }
    });
    var okIds = {};
    okEdges.forEach(function (e) { okIds[e.id] = true; });
    edges.forEach(function (e) {
      var hide = !(okIds[e.id] && show[e.from] && show[e.to]);
      if (Boolean(e.hidden) !== hide) { edgeUpd.push({id: e.id, hidden: hide}); }
    });
    nodes.update(nodeUpd);
    edges.update(edgeUpd);
    document.getElementById("pkg-shown").textContent =
      shown === total ? "" : shown + " shown (filtered)";
    document.body.setAttribute("data-pkg-visible", String(shown));
    if (nodeUpd.length && shown) { network.fit({animation: false}); }
  }
  window.pkgApplyFilters = applyFilters;

  // The state <-> the page's controls <-> the URL fragment (#types=COMPANY,COMPOUND&since=...).
  var typeBoxes = document.querySelectorAll("input.pkg-type");
  var relBoxes = document.querySelectorAll("input.pkg-rel");
  var since = document.getElementById("pkg-since");
  var until = document.getElementById("pkg-until");
  var depth = document.getElementById("pkg-depth");
  var search = document.getElementById("pkg-search");
  function checked(boxes) {
    var all = true, on = new Set();
    boxes.forEach(function (b) { if (b.checked) { on.add(b.value); } else { all = false; } });
    return all ? null : on;
  }
  function fromControls() {
    state.types = checked(typeBoxes);
    state.relations = checked(relBoxes);
    state.since = since.value;
    state.until = until.value;
    state.depth = parseInt(depth.value, 10) || 0;
    state.focus = byName[search.value.toLowerCase()] ? search.value : "";
  }
  function toHash() {
    var parts = [];
    if (state.types) { parts.push("types=" + encodeURIComponent(Array.from(state.types).join(","))); }
    if (state.relations) {
      parts.push("relations=" + encodeURIComponent(Array.from(state.relations).join(",")));
    }
    if (state.since) { parts.push("since=" + state.since); }
    if (state.until) { parts.push("until=" + state.until); }
    if (state.focus && state.depth) {
      parts.push("focus=" + encodeURIComponent(state.focus) + "&depth=" + state.depth);
    }
    var url = parts.length ? "#" + parts.join("&") : location.pathname + location.search;
    history.replaceState(null, "", url);
  }
  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    function set(boxes, key) {
      var value = params.get(key);
      var on = value === null ? null : new Set(value.split(",").map(function (t) { return t.trim(); }));
      boxes.forEach(function (b) { b.checked = on === null || on.has(b.value); });
    }
    set(typeBoxes, "types");
    set(relBoxes, "relations");
    since.value = params.get("since") || "";
    until.value = params.get("until") || "";
    if (params.get("focus")) { search.value = params.get("focus"); }
    if (params.get("depth")) { depth.value = params.get("depth"); }
    fromControls();
  }
  function changed() { fromControls(); toHash(); applyFilters(); }
  typeBoxes.forEach(function (b) { b.addEventListener("change", changed); });
  relBoxes.forEach(function (b) { b.addEventListener("change", changed); });
  [since, until, depth].forEach(function (el) { el.addEventListener("change", changed); });
  search.addEventListener("change", function (ev) {
    var ids = byName[ev.target.value.toLowerCase()];
    if (ids) {
      network.selectNodes(ids);
      if (!depth.value || depth.value === "0") {
        network.focus(ids[0], {scale: 1.2, animation: {duration: 500}});
      }
    }
    changed();
  });
  window.addEventListener("hashchange", function () { fromHash(); applyFilters(); });
  if (location.hash.length > 1) { fromHash(); applyFilters(); }
  if (!document.body.hasAttribute("data-pkg-visible")) {
    document.body.setAttribute("data-pkg-visible", String(total));
  }
  document.body.setAttribute("data-pkg-ready", "1");
})();
</script>
"""


def _post_process(
    page: str, G: nx.Graph, title: str, st: Mapping[str, Any], physics: bool, n_edges: int
) -> str:
    page = _REMOTE_LINK.sub("", page)
    page = _REMOTE_SCRIPT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    head = (
        '<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n<title>{_esc(title)}</title>'
    )
    page = page.replace("<head>", head, 1)
    page = page.replace("</head>", _CSS + "</head>", 1)
    header = (
        f'<div id="pkg-header"><h1>{_esc(title)}</h1>'
        + _filters(G)
        + '<input id="pkg-search" list="pkg-names" placeholder="Find a name\u2026" aria-label="Find a name">'
        '<datalist id="pkg-names"></datalist></div>' + _legend(G, st, n_edges)
    )
    page = page.replace("<body>", "<body>\n" + header, 1)
    script = _SCRIPT.replace("__PHYSICS__", "true" if physics else "false")
    idx = page.rfind("</body>")
    page = page[:idx] + script + page[idx:]
    if not page.startswith("<!DOCTYPE"):
        page = "<!DOCTYPE html>\n" + page
    if REMOTE_REFERENCE.search(page):  # pyvis changed its template: fail loudly rather than go online
        raise RuntimeError("the generated map still references a remote script or stylesheet")
    return page
