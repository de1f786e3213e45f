"""The map as a ``pyvis.network.Network``, for notebook users who work with pyvis directly.

pyvis is an optional extra (``pip install 'pharmakg[viz-pyvis]'``): the page written by
:func:`~pharmakg.graph.viz.page.write_html` does not need it. The network holds the same nodes and edges
(colours, shapes, sizes, tooltips as ``title``) and the same vis-network options as the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from pharmakg.graph.viz.layout import static_threshold, vis_options
from pharmakg.graph.viz.page import graph_items
from pharmakg.graph.viz.style import load_style

PYVIS_EXTRA = "pip install 'pharmakg[viz-pyvis]'"


def to_pyvis(
    G: nx.Graph, physics: bool = True, style: Mapping[str, Any] | None = None, **network_kwargs: Any
) -> Any:
    """A ``pyvis.network.Network`` of ``G`` built from the map's node and edge dicts.

    ``network_kwargs`` go to ``Network`` (e.g. ``notebook=True``, ``height="600px"``). Tooltips become
    pyvis titles: escaped text in our markup, shown as HTML by pyvis's own page.
    """
    try:
        from pyvis.network import Network
    except ImportError as exc:
        raise ImportError(f"to_pyvis needs pyvis: {PYVIS_EXTRA}") from exc
    st = dict(style) if style is not None else load_style()
    n_nodes = G.number_of_nodes()
    static = (not physics) or n_nodes > static_threshold(st)
    nodes, edges = graph_items(G, st, static)
    kwargs = {"directed": G.is_directed(), "bgcolor": st.get("background", "#ffffff"), **network_kwargs}
    net = Network(**kwargs)
    for node in nodes:
        item = {k: v for k, v in node.items() if k not in ("id", "tip")}
        net.add_node(node["id"], title=node["tip"], **item)
    for edge in edges:
        item = {k: v for k, v in edge.items() if k not in ("from", "to", "tip")}
        net.add_edge(edge["from"], edge["to"], title=edge["tip"], **item)
    # pyvis accepts a plain dict of vis-network options (it writes it to its page as JSON).
    net.options = vis_options(st, physics=not static, n_nodes=n_nodes)
    return net
