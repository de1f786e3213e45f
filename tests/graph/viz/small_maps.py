"""Helpers that build small maps for the viz tests: entities and facts as the map graph carries them."""

from __future__ import annotations

import json
import re

import networkx as nx


def add_entity(G: nx.MultiDiGraph, key: str, label: str, etype: str, **extra: object) -> None:
    G.add_node(
        key,
        label=label,
        type=etype,
        aliases=extra.pop("aliases", []),
        documents=["release_a"],
        dates=["2006-11-02"],
        phase=extra.pop("phase", None),
        **extra,
    )


def add_fact(G: nx.MultiDiGraph, u: str, v: str, relation: str, label: str, **extra: object) -> None:
    G.add_edge(
        u,
        v,
        key=relation,
        relation=relation,
        label=label,
        documents=["release_a"],
        evidence=extra.pop("evidence", [f"{u} {label} {v}."]),
        count=extra.pop("count", 1),
        confidence=0.9,
        **extra,
    )


def embedded_list(page: str, name: str) -> list[dict]:
    """The node or edge list the page carries, decoded."""
    m = re.search(name + r" = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    assert m, name
    return json.loads(m.group(1))
