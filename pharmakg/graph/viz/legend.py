"""What the page's header and legend show, as data for the template (``templates/map.html.j2``).

The legend has a row per entity type and per relation type present in the graph (in the order of
``style.json``, types without a style of their own last), each with its checkbox value, look and count;
the header has the date range of the graph's documents for its date inputs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from pharmakg.graph.viz.attributes import as_list, edge_dates
from pharmakg.graph.viz.style import edge_style, edge_style_key, node_style, node_style_key

# The neighbourhood menu next to the search box: (depth, label).
DEPTH_CHOICES = ((0, "whole graph"), (1, "1 step around"), (2, "2 steps around"), (3, "3 steps around"))


@dataclass(frozen=True)
class LegendRow:
    """One checkbox of the legend: the type it filters on (``value``), how it is drawn and how many."""

    value: str
    label: str
    color: str
    count: int
    shape: str = "dot"  # entity rows: the vis-network shape
    dashes: bool = False  # relation rows: a dashed line


def _ordered(counts: Counter[str], style_keys: list[str], key_of: Any) -> list[str]:
    """Types in the order of their styles in style.json; types without a style, then no type, last."""

    def rank(value: str) -> tuple[int, bool, str]:
        key = key_of(value)
        return (style_keys.index(key) if value and key in style_keys else len(style_keys), value == "", value)

    return sorted(counts, key=rank)


def _rows(
    counts: Counter[str], styles: Mapping[str, Any], key_of: Any, style_of: Any, look: Any
) -> list[LegendRow]:
    """A row per type counted, in style order; a type without a style of its own is labelled by its name.
    ``look(spec)``: the LegendRow fields particular to the kind (an entity's shape, a relation's dashes)."""
    rows = []
    for value in _ordered(counts, list(styles), key_of):
        spec = style_of(value)
        own = key_of(value) in styles or not value
        label = str(spec["label"] if own else value)
        rows.append(LegendRow(value, label, str(spec["color"]), counts[value], **look(spec)))
    return rows


def entity_rows(G: nx.Graph, st: Mapping[str, Any]) -> list[LegendRow]:
    """A row per entity type present in ``G`` (its checkbox value is the type, as the page filters on)."""
    counts: Counter[str] = Counter(data.get("type") or "" for _n, data in G.nodes(data=True))
    return _rows(
        counts,
        st["nodes"],
        node_style_key,
        lambda t: node_style(st, t),
        lambda spec: {"shape": str(spec.get("shape", "dot"))},
    )


def relation_rows(G: nx.Graph, st: Mapping[str, Any]) -> list[LegendRow]:
    """A row per relation type present in ``G`` (its checkbox value is the relation)."""
    counts: Counter[str] = Counter(data.get("relation") or "" for *_e, data in G.edges(data=True))
    return _rows(
        counts,
        st["edges"],
        edge_style_key,
        lambda r: edge_style(st, r),
        lambda spec: {"dashes": bool(spec.get("dashes"))},
    )


def date_bounds(G: nx.Graph) -> tuple[str, str] | None:
    """The first and last date of the graph's documents (nodes' and edges'), or None when undated."""
    dates = sorted(
        {str(d)[:10] for _n, data in G.nodes(data=True) for d in as_list(data.get("dates")) if d}
        | {d for *_e, data in G.edges(data=True) for d in edge_dates(G, data)}
    )
    return (dates[0], dates[-1]) if dates else None
