"""Reading the NetworkX projection's attributes the way every part of the map needs them.

Attributes may be missing, scalars, lists or sets (any NetworkX graph can be drawn), so each reader
accepts all of these and returns something sorted and stable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx


def as_list(value: Any) -> list[Any]:
    """``value`` as a list: None -> [], a set sorted (stable output), a scalar -> [value]."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    return [value]


def node_label(G: nx.Graph, node: Any) -> str:
    """The name a node is shown by: its ``label``, else its id."""
    return str(G.nodes[node].get("label") or node)


def node_dates(data: Mapping[str, Any]) -> list[str]:
    """The distinct dates (as written) of the documents that mention a node, sorted."""
    return sorted({str(d) for d in as_list(data.get("dates")) if d})


def edge_dates(G: nx.Graph, data: Mapping[str, Any]) -> list[str]:
    """The dates of an edge's documents: its ``dates`` attribute, else looked up by document name."""
    if data.get("dates") is not None:
        return sorted({str(d)[:10] for d in as_list(data.get("dates")) if d})
    lookup = G.graph.get("document_dates") or {}
    return sorted({lookup[d] for d in as_list(data.get("documents")) if d in lookup})


def date_span(dates: list[str]) -> str:
    """ "2006-11-02" or "2006-11-02 – 2014-04-07" for sorted dates (empty for none)."""
    if not dates:
        return ""
    return dates[0] if len(dates) == 1 else f"{dates[0]} \u2013 {dates[-1]}"
