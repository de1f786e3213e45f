"""GraphML and GEXF files of the graph, for Gephi, Cytoscape and other network tools.

The NetworkX projection (:func:`~pharmakg.graph.network.to_networkx`) carries lists (aliases, documents,
evidence sentences) and dicts (payments) that neither format can hold, and None for missing values. The
export keeps every attribute as a scalar: lists become one string joined with " | " (evidence and
names may contain "; "), dicts become compact JSON, None is left out, and an attribute keeps one type on
all nodes or edges (GEXF and GraphML declare one type per attribute). Edges get unique ids (the
relation stays in the ``relation`` attribute) and a numeric ``weight`` (supporting statements, or
agreements + payments in the partnership view) that Gephi and Cytoscape use for layouts.

Views: ``full`` (every entity and relation), ``partnership`` (companies; edges weighted by agreements
and payments, with the money), ``pipeline`` (company, compound, target, payload, disease).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from pharmakg.atomic import atomic_path
from pharmakg.graph.network import view_network
from pharmakg.graph.views import VIEWS

__all__ = ["FORMATS", "VIEWS", "exportable", "view", "write_graph"]
FORMATS = {".graphml": "graphml", ".gexf": "gexf"}
JOIN = " | "
# GEXF gives these node/edge attribute names a meaning of their own (time intervals, drawing)
_GEXF_RESERVED = {"start", "end", "viz", "id", "pid", "spells", "key"}
# characters XML 1.0 cannot hold at all (not even escaped); a scraped release may contain them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def view(G: nx.MultiDiGraph, name: str = "full", company: str | None = None) -> nx.Graph:
    """The graph to export: ``full``, ``partnership`` or ``pipeline`` (optionally one company's)."""
    return view_network(G, name, company)


def _scalar(value: Any) -> str | int | float | bool | None:
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        return _NOT_XML.sub(
            "",
            JOIN.join(
                json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
                if isinstance(v, dict)
                else str(v)
                for v in items
                if v is not None
            ),
        )
    return _NOT_XML.sub("", str(value))


def _attrs(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        v = _scalar(value)
        if v is None:
            continue
        name = f"{key}_" if key in _GEXF_RESERVED else key
        out[name] = v
        if isinstance(value, list | tuple | set | frozenset):
            out[f"{name}_count"] = len(value)  # how many documents/aliases: handy for sizing in Gephi
    return out


def _unify_types(items: list[dict[str, Any]]) -> None:
    """One type per attribute name: ints widen to float next to floats, anything else to str."""
    kinds: dict[str, set[type]] = {}
    for attrs in items:
        for k, v in attrs.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, ts in kinds.items():
        if len(ts) <= 1:
            continue
        to: type = float if ts <= {int, float} else str
        for attrs in items:
            if k in attrs:
                attrs[k] = to(attrs[k])


def exportable(G: nx.Graph) -> nx.DiGraph | nx.Graph | nx.MultiDiGraph | nx.MultiGraph:
    """A copy of ``G`` whose attributes GraphML and GEXF can write (see the module docstring)."""
    H = G.__class__()
    nodes = [(n, _attrs(d)) for n, d in sorted(G.nodes(data=True), key=lambda nd: str(nd[0]))]
    for node, attrs in nodes:
        attrs.setdefault("label", _NOT_XML.sub("", str(node).rsplit("/", 1)[-1]))
        attrs.setdefault("type", "UNKNOWN")
        attrs["iri"] = str(node)
    _unify_types([a for _n, a in nodes])
    H.add_nodes_from(nodes)

    edges = []
    for i, (u, v, d) in enumerate(
        sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("relation"))))
    ):
        attrs = _attrs(d)
        attrs["weight"] = float(d.get("weight") or d.get("count") or 1)
        attrs["id"] = f"e{i}"
        edges.append((u, v, attrs))
    _unify_types([a for *_uv, a in edges])
    if G.is_multigraph():
        H.add_edges_from((u, v, a["id"], a) for u, v, a in edges)
    else:
        H.add_edges_from(edges)
    H.graph.update({"name": "pharmakg", "nodes": H.number_of_nodes(), "edges": H.number_of_edges()})
    return H


def write_graph(
    G: nx.MultiDiGraph, path: str | Path, view_name: str = "full", company: str | None = None
) -> Path:
    """Write a view of the projection as GraphML (.graphml) or GEXF (.gexf); the suffix picks the format."""
    p = Path(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise ValueError(f"{p}: export writes {' or '.join(FORMATS)} files")
    H = exportable(view(G, view_name, company))
    with atomic_path(p) as tmp:  # a reader never sees half a file
        if fmt == "graphml":
            # edge ids from the "id" attribute (networkx uses the multigraph key, the same here)
            nx.write_graphml(H, tmp, edge_id_from_attribute="id")
        else:
            nx.write_gexf(H, tmp)
    return p
