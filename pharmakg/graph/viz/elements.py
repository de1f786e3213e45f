"""The map's nodes and edges as the plain dicts vis-network draws (and :func:`to_pyvis` reuses).

Besides vis-network's own keys (id, label, shape, color, size, x/y, from/to, width, dashes, arrows,
smooth) each item carries what the page's script needs: ``tip`` (tooltip HTML built from escaped text),
``ptype`` / ``relation`` (for the type checkboxes), ``dates`` (for the date inputs) and ``names`` /
``search`` (for the search box).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from pharmakg.graph.viz.attributes import as_list, edge_dates, node_dates, node_label
from pharmakg.graph.viz.payments import payment_label
from pharmakg.graph.viz.style import edge_style, node_style
from pharmakg.graph.viz.tooltips import edge_tooltip, node_tooltip, short


def node_dict(
    G: nx.Graph, node: Any, vid: str, st: Mapping[str, Any], pos: tuple[float, float] | None = None
) -> dict[str, Any]:
    """The vis-network node of ``node`` with id ``vid``; ``pos`` fixes it there (physics off for it)."""
    data = G.nodes[node]
    ns = node_style(st, data.get("type"))
    size_cfg = st["node_size"]
    size = min(size_cfg["max"], size_cfg["min"] + size_cfg["per_degree"] * math.sqrt(G.degree(node)))
    label = node_label(G, node)
    out: dict[str, Any] = {
        "id": vid,
        # Drawn on the canvas (never parsed as HTML); the template's tojson keeps it inert in <script>.
        "label": short(label),
        "shape": ns["shape"],
        "color": {
            "background": ns["color"],
            "border": ns["color"],
            "highlight": {"background": ns["color"], "border": "#000000"},
            "hover": {"background": ns["color"], "border": "#000000"},
        },
        "size": round(size, 1),
        "tip": node_tooltip(data, label, ns, st),
        "ptype": data.get("type") or "",
        "search": label,
        # For the in-page filters: the dates of the documents that mention it, and every name.
        "dates": node_dates(data),
        "names": [label, *(str(a) for a in as_list(data.get("aliases")) if a and a != label)],
    }
    if pos is not None:
        out["x"], out["y"] = round(pos[0], 1), round(pos[1], 1)
        out["physics"] = False
    return out


def _smooth(nth: int, curved: bool) -> dict[str, Any] | bool:
    """How to bend the ``nth`` edge between one pair: parallel edges would be drawn on top of each other."""
    if not curved and nth == 0:
        return False
    if nth == 0:
        return {"enabled": True, "type": "continuous", "roundness": 0.2}
    return {
        "enabled": True,
        "type": "curvedCW" if nth % 2 else "curvedCCW",
        "roundness": 0.15 * ((nth + 1) // 2) + 0.1,
    }


def _edge_triples(G: nx.Graph) -> Iterable[tuple[Any, Any, dict[str, Any]]]:
    if G.is_multigraph():
        return ((u, v, d) for u, v, _k, d in G.edges(keys=True, data=True))
    return G.edges(data=True)


def _edge_label(relation: str | None, data: Mapping[str, Any], es: Mapping[str, Any]) -> str:
    """A relation's label; a payment's amounts by kind ("$2M milestone") when the graph states them."""
    money = payment_label(data) if relation == "PAYMENT" else ""
    return money or str(data.get("label") or es["label"])


def edge_dicts(
    G: nx.Graph, ids: Mapping[Any, str], st: Mapping[str, Any], curved: bool = True
) -> list[dict[str, Any]]:
    """The vis-network edges of ``G`` between the node ids ``ids``; straight when not ``curved``."""
    edges: list[dict[str, Any]] = []
    seen: Counter[frozenset[Any]] = Counter()
    for u, v, data in _edge_triples(G):
        relation = data.get("relation")
        es = edge_style(st, relation)
        count = int(data.get("count") or 1)
        pair = frozenset((u, v))
        nth = seen[pair]
        seen[pair] += 1
        dates = edge_dates(G, data)
        edges.append(
            {
                "from": ids[u],
                "to": ids[v],
                "label": _edge_label(relation, data, es),
                "color": {"color": es["color"], "highlight": "#000000", "hover": "#000000"},
                "dashes": bool(es.get("dashes")),
                # Wider when more statements support the relation.
                "width": round(float(es.get("width", 1.5)) * (1 + 0.5 * math.log(count)), 2),
                "arrows": {"to": {"enabled": bool(es.get("arrows", True)) and G.is_directed()}},
                "smooth": _smooth(nth, curved),
                "tip": edge_tooltip((node_label(G, u), node_label(G, v)), data, dates, es, st),
                "relation": relation or "",
                "dates": dates,
            }
        )
    return edges
