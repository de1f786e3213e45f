"""Network analytics users ask for, on the NetworkX projection of the graph (:mod:`pharmakg.graph.network`).

Each function takes the ``MultiDiGraph`` of :func:`~pharmakg.graph.network.to_networkx` and returns plain
rows (a list of dicts with the same keys, in display order), so the CLI prints them as a table, CSV or
JSON and a notebook turns them into a DataFrame:

- :func:`centrality`: the most connected partners: degree and betweenness in the partnership network;
- :func:`communities`: groups of companies that partner with each other (Louvain, seeded, or greedy
  modularity), on the partnership network weighted by agreements and payments;
- :func:`crowded_targets`: targets pursued by more than one company (owners or licensees of compounds
  aimed at the target, directly or through their antibody);
- :func:`shortest_path`: how two entities (companies by default) connect, through any entities, named
  by any of their names.

Nothing here needs scipy: PageRank (which does in NetworkX 3) is left out on purpose.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
from networkx.algorithms import community as nx_community

from pharmakg.graph.network import partnership_network
from pharmakg.names import fold

Row = dict[str, Any]
OWNER_RELATIONS = ("DEVELOPED_BY", "LICENSED_TO")


def _label(G: nx.Graph, node: str) -> str:
    return str(G.nodes[node].get("label") or node.rsplit("/", 1)[-1])


def _names(data: dict[str, Any]) -> list[str]:
    return [str(data.get("label") or ""), *(str(a) for a in data.get("aliases") or ())]


def find_nodes(G: nx.Graph, name: str, types: Iterable[str] | None = None) -> list[str]:
    """Nodes that ``name`` names: an IRI, or a label or alias compared case-insensitively, then by the
    folded key of :func:`pharmakg.names.fold` (so "Sanofi-Aventis" finds "sanofi aventis").
    With ``types`` (e.g. ``("COMPANY",)``), nodes of those types are preferred when there are any."""
    if name in G:
        return [name]
    wanted, key = name.casefold(), fold(name)
    exact = [n for n, d in G.nodes(data=True) if wanted in {s.casefold() for s in _names(d)}]
    found = exact or [n for n, d in G.nodes(data=True) if key and key in {fold(s) for s in _names(d)}]
    if types:
        typed = [n for n in found if G.nodes[n].get("type") in set(types)]
        found = typed or found
    return sorted(found)


def resolve_node(G: nx.Graph, name: str, types: Iterable[str] | None = None) -> str:
    """The one node ``name`` names (see :func:`find_nodes`); the most documented one when several are
    left. Raises KeyError naming the entity when none is."""
    found = find_nodes(G, name, types)
    if not found:
        raise KeyError(f"no entity named {name!r} in the graph")
    return max(found, key=lambda n: (len(G.nodes[n].get("documents") or ()), G.degree(n), n))


# ------------------------------------------------------------------------------------------ centrality


def centrality(G: nx.MultiDiGraph, top: int | None = None) -> list[Row]:
    """Companies ranked by how connected they are in the partnership network.

    Columns: ``company``, ``partners`` (degree), ``agreements`` and ``payments`` (summed over its
    partnerships), ``amountUSD`` (paid and received), ``degree`` (degree centrality: the share of the
    other companies it partners with), ``betweenness`` (share of shortest partner paths through it;
    unweighted, as weights count support, not distance), ``iri``. Most partners first.
    """
    P = partnership_network(G)
    if P.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(P)
    between = nx.betweenness_centrality(P, normalized=True)
    rows: list[Row] = []
    for node in P:
        edges = [P.edges[node, other] for other in P.neighbors(node)]
        rows.append(
            {
                "company": _label(P, node),
                "partners": P.degree(node),
                "agreements": sum(int(e.get("agreements") or 0) for e in edges),
                "payments": sum(int(e.get("payments") or 0) for e in edges),
                "amountUSD": sum(float(e.get("amount") or 0.0) for e in edges) or None,
                "degree": round(degree[node], 4),
                "betweenness": round(between[node], 4),
                "iri": node,
            }
        )
    rows.sort(
        key=lambda r: (-r["partners"], -r["betweenness"], -(r["amountUSD"] or 0), r["company"].casefold())
    )
    return rows[:top] if top else rows


# ----------------------------------------------------------------------------------------- communities


def communities(G: nx.MultiDiGraph, method: str = "louvain", seed: int = 42) -> list[Row]:
    """Communities of companies in the partnership network (weighted by agreements + payments).

    ``method``: "louvain" (seeded, so the same graph gives the same communities) or "greedy"
    (greedy modularity, deterministic). Columns: ``community`` (1 = largest), ``size``, ``hub``
    (the member with most partners), ``members`` ("; "-joined labels, most connected first), ``iris``.
    """
    P = partnership_network(G)
    if P.number_of_nodes() == 0:
        return []
    # a graph built in sorted node order, so tie-breaks do not depend on how the projection was built
    H = nx.Graph()
    H.add_nodes_from(sorted(P.nodes))
    H.add_weighted_edges_from(
        sorted((min(u, v), max(u, v), float(d.get("weight") or 1)) for u, v, d in P.edges(data=True))
    )
    if method == "louvain":
        groups = nx_community.louvain_communities(H, weight="weight", seed=seed)
    elif method == "greedy":
        groups = nx_community.greedy_modularity_communities(H, weight="weight")
    else:
        raise ValueError(f"unknown community method {method!r} (louvain or greedy)")

    def rank(node: str) -> tuple[int, str]:
        return (-P.degree(node), _label(P, node).casefold())

    ordered = sorted((sorted(g, key=rank) for g in groups), key=lambda g: (-len(g), rank(g[0])))
    return [
        {
            "community": i,
            "size": len(members),
            "hub": _label(P, members[0]),
            "members": "; ".join(_label(P, m) for m in members),
            "iris": " ".join(members),
        }
        for i, members in enumerate(ordered, 1)
    ]


# ------------------------------------------------------------------------------------- crowded targets


def _owners(G: nx.MultiDiGraph, compound: str) -> set[str]:
    """The companies that own a compound: its developers that are not its licensees (a licensee is not a
    competitor of its licensor), or all its developers when each of them is also a licensee."""
    by_relation: dict[str, set[str]] = defaultdict(set)
    for _c, v, d in G.out_edges(compound, data=True):
        if d.get("relation") in OWNER_RELATIONS and G.nodes[v].get("type") == "COMPANY":
            by_relation[str(d.get("relation"))].add(v)
    developers, licensees = by_relation["DEVELOPED_BY"], by_relation["LICENSED_TO"]
    return (developers - licensees) or developers


def crowded_targets(G: nx.MultiDiGraph, min_companies: int = 2) -> list[Row]:
    """Targets pursued by at least ``min_companies`` companies.

    A company pursues a target when it owns a compound that targets it, directly or through the
    compound's antibody; a compound's licensees are not counted (see :func:`_owners`). Columns:
    ``target``, ``companies`` (count), ``companyNames``, ``compounds`` (count), ``compoundNames``,
    ``documents`` (count of documents behind the target edges), ``iri``. Most companies first.
    """
    compounds: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    for u, v, d in G.edges(data=True):
        if d.get("relation") != "TARGETS" or G.nodes[v].get("type") != "TARGET":
            continue
        if G.nodes[u].get("type") == "COMPOUND":
            via = [u]
        else:  # an antibody: the compounds built on it
            via = [c for c, _ab, e in G.in_edges(u, data=True) if e.get("relation") == "HAS_ANTIBODY"]
        compounds[v].update(via)
        docs[v].update(d.get("documents") or ())
    rows: list[Row] = []
    for target, cs in compounds.items():
        companies = set().union(*(_owners(G, c) for c in cs)) if cs else set()
        if len(companies) < min_companies:
            continue
        rows.append(
            {
                "target": _label(G, target),
                "companies": len(companies),
                "companyNames": "; ".join(sorted((_label(G, c) for c in companies), key=str.casefold)),
                "compounds": len(cs),
                "compoundNames": "; ".join(sorted((_label(G, c) for c in cs), key=str.casefold)),
                "documents": len(docs[target]),
                "iri": target,
            }
        )
    rows.sort(key=lambda r: (-r["companies"], -r["compounds"], r["target"].casefold()))
    return rows


# -------------------------------------------------------------------------------------- shortest path


def shortest_path(
    G: nx.MultiDiGraph, source: str, target: str, types: Iterable[str] | None = ("COMPANY",)
) -> list[Row]:
    """A shortest chain of facts linking two entities, through entities of any type.

    ``source`` and ``target`` are any names (label, alias, code name) or IRIs; with ``types`` (companies
    by default) entities of those types are preferred when a name is ambiguous. Edge direction is
    ignored. One row per step: ``step``, ``entity``, ``type``, then how it links to the next step:
    ``relation`` (e.g. "developed by", "← licensed to" when the fact points backwards), ``documents``
    (the documents stating it), ``iri``. Empty when the two are not connected.
    Raises KeyError when a name matches no entity.
    """
    s, t = resolve_node(G, source, types), resolve_node(G, target, types)
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    try:
        path = nx.shortest_path(U, s, t)
    except nx.NetworkXNoPath:
        return []
    rows: list[Row] = []
    for i, node in enumerate(path):
        relation, documents = "", ""
        if i + 1 < len(path):
            relation, documents = _link(G, node, path[i + 1])
        rows.append(
            {
                "step": i,
                "entity": _label(G, node),
                "type": G.nodes[node].get("type"),
                "relation": relation,
                "documents": documents,
                "iri": node,
            }
        )
    return rows


def _link(G: nx.MultiDiGraph, u: str, v: str) -> tuple[str, str]:
    """How u relates to v: the best supported edge either way, with its documents."""
    options = [(d, "") for d in G.get_edge_data(u, v, default={}).values()]
    options += [(d, "← ") for d in G.get_edge_data(v, u, default={}).values()]
    data, arrow = max(
        options, key=lambda o: (int(o[0].get("count") or 0), o[1] == "", str(o[0].get("relation", "")))
    )
    unordered = data.get("relation") == "PARTNER_OF"
    return (
        ("" if unordered else arrow) + str(data.get("label") or data.get("relation")),
        "; ".join(data.get("documents") or ()),
    )
