"""The map's filters in Python: a view of the knowledge graph, then entity types, a neighbourhood, dates.

:func:`map_graph` is what ``pharmakg viz`` draws; :func:`filter_graph` applies the same filters the page
has (``assets/map.js``) to any projection, so the page only carries what was asked for.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable
from typing import Any

import networkx as nx

from pharmakg.graph.analytics import find_nodes
from pharmakg.graph.network import view_network
from pharmakg.graph.queries import load_internal_query
from pharmakg.graph.views import VIEWS, canonical_view
from pharmakg.graph.viz.attributes import as_list, edge_dates

__all__ = [
    "VIEWS",
    "add_document_dates",
    "document_dates",
    "filter_graph",
    "map_graph",
    "neighbourhood",
    "technology_hubs",
]


def document_dates(kg: Any) -> dict[str, str]:
    """Document name -> its date (ISO ``YYYY-MM-DD``) for the documents of a KnowledgeGraph that have one."""
    rows = kg.query(load_internal_query("document-dates")).rows
    return {str(name): str(date)[:10] for name, date in rows if date}


def add_document_dates(G: nx.Graph, kg: Any) -> nx.Graph:
    """Give every edge of ``G`` a ``dates`` attribute: the dates of the documents that state it.

    The projection records documents by name only; the dates let the map filter facts by date.
    Returns ``G`` (changed in place).
    """
    dates = document_dates(kg)
    G.graph["document_dates"] = dates
    for *_ends, data in G.edges(data=True):
        data["dates"] = sorted({dates[d] for d in as_list(data.get("documents")) if d in dates})
    return G


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


def _keep_dated(H: nx.Graph, G: nx.Graph, since: str | None, until: str | None) -> None:
    """Drop from ``H`` the edges not stated in the range, then the nodes left alone and not dated in it."""
    if H.is_multigraph():
        drop: list[tuple[Any, ...]] = [
            (u, v, k)
            for u, v, k, d in H.edges(keys=True, data=True)
            if not _in_range(edge_dates(G, d), since, until)
        ]
    else:
        drop = [(u, v) for u, v, d in H.edges(data=True) if not _in_range(edge_dates(G, d), since, until)]
    H.remove_edges_from(drop)
    gone = [
        n
        for n, d in H.nodes(data=True)
        if H.degree(n) == 0 and not _in_range((str(x)[:10] for x in as_list(d.get("dates"))), since, until)
    ]
    H.remove_nodes_from(gone)


def technology_hubs(G: nx.Graph, max_links: int) -> dict[Any, int]:
    """Technology nodes linked to more than ``max_links`` other nodes -> their number of neighbours.

    A platform many compounds and companies share (ImmunoGen's TAP) would otherwise be the centre of the
    map and pull everything into one knot; what it links is told by the other edges anyway.
    """
    hubs = {}
    for node, data in G.nodes(data=True):
        if (data.get("type") or "") != "TECHNOLOGY":
            continue
        links = len(set(nx.all_neighbors(G, node)) - {node})
        if links > max_links:
            hubs[node] = links
    return hubs


def _hidden_hubs(G: nx.Graph, H: nx.Graph, hubs: dict[Any, int]) -> list[tuple[str, int]]:
    """(label, links) of the hubs left out that link to a node still drawn, most links first."""
    near = [n for n in hubs if any(nb in H for nb in nx.all_neighbors(G, n))]
    named = ((str(G.nodes[n].get("label") or n), hubs[n]) for n in near)
    return sorted(named, key=lambda hk: (-hk[1], hk[0]))


def filter_graph(
    G: nx.Graph,
    types: Collection[str] | None = None,
    company: str | None = None,
    depth: int = 1,
    since: str | None = None,
    until: str | None = None,
    hub_links: int | None = None,
    keep: Collection[Any] = (),
) -> nx.Graph:
    """A filtered copy of ``G`` (same graph class), with the page's filters applied in Python.

    - ``since`` / ``until`` (ISO dates, inclusive): keep the edges stated by a document dated in the
      range (see :func:`add_document_dates`) and the nodes mentioned in such a document or touching such
      an edge. Facts of undated documents are left out while a range is set.
    - ``company``: any name of a company (or of another entity) as in :func:`find_nodes`; keep the nodes
      within ``depth`` edges of it. Raises ``KeyError`` when no node has that name.
    - ``types``: contract entity types to keep ("COMPANY", "COMPOUND"...); the company itself always stays.
    - ``hub_links``: drop the technology nodes linked to more than this many nodes (see
      :func:`technology_hubs`; counted before the neighbourhood is cut), except the company and the nodes
      in ``keep``; their labels and link counts go to ``graph["hidden_hubs"]`` for the page to name them.
    """
    H = G.copy()
    if since or until:
        _keep_dated(H, G, since[:10] if since else None, until[:10] if until else None)
    centres: list[Any] = []
    if company:
        centres = find_nodes(H, company, types=("COMPANY",))
        if not centres:
            raise KeyError(company)
    hubs: dict[Any, int] = {}
    if hub_links is not None:
        hubs = {n: k for n, k in technology_hubs(H, hub_links).items() if n not in {*keep, *centres}}
        H.remove_nodes_from(hubs)
    if company:
        H = H.subgraph(neighbourhood(H, centres, max(0, depth))).copy()
    if types:
        wanted = {t.strip().upper() for t in types if t.strip()}
        H.remove_nodes_from(
            [
                n
                for n, d in list(H.nodes(data=True))
                if (d.get("type") or "") not in wanted and n not in centres
            ]
        )
    H.graph["hidden_hubs"] = _hidden_hubs(G, H, hubs)
    return H


def map_graph(
    kg: Any,
    view: str = "full",
    types: Collection[str] | None = None,
    company: str | None = None,
    depth: int = 1,
    since: str | None = None,
    until: str | None = None,
    hub_links: int | None = None,
    keep: Collection[Any] = (),
) -> nx.Graph:
    """The graph ``pharmakg viz`` draws: a view of the knowledge graph, dated, then filtered.

    ``view`` (one of :data:`~pharmakg.graph.views.VIEWS`, shared with ``pharmakg export``): "full"
    (every entity and relation), "partnership" (companies, edges weighted by agreements and payments)
    or "pipeline" (compounds and what they attach to; with ``company``, only that company's compounds
    rather than a neighbourhood). The older spellings "all" and "partnerships" are accepted.
    ``hub_links`` and ``keep``: technology hubs left out, as in :func:`filter_graph`.
    """
    from pharmakg.graph.network import to_networkx

    view = canonical_view(view)
    G: nx.Graph = to_networkx(kg)
    dates = add_document_dates(G, kg).graph["document_dates"]
    if view == "pipeline" and company:
        if not find_nodes(G, company, types=("COMPANY",)):
            raise KeyError(company)
        G = view_network(G, view, company=_canonical(G, company))
        company = None
    else:
        G = view_network(G, view)
    G.graph["document_dates"] = dates  # the views are new graphs: their edges look dates up by document
    return filter_graph(
        G, types=types, company=company, depth=depth, since=since, until=until, hub_links=hub_links, keep=keep
    )


def _canonical(G: nx.Graph, name: str) -> str:
    """The node id for a name, so that views matching names their own way get the node we matched."""
    found = find_nodes(G, name, types=("COMPANY",))
    return str(found[0]) if found else name
