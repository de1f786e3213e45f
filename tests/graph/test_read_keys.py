"""Reading kept order keys (``order_buckets.read_keys``): a member is settled when its key has one value, in
graph/resolved and the merged graph; every other case a killed step can leave (a copy in one graph only, two
values, a copy in another graph such as the pair keys' marks) makes it unsettled, with the buckets of all its
values to rank again. The copies that differ from graph/resolved's are found by the store's joins
(s24-update), so each case is checked here against the rule itself."""

from __future__ import annotations

import pyoxigraph as ox

from pharmakg.graph.order_buckets import read_keys
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, int_lit

P = ox.NamedNode("http://example.org/order")
OTHER = ox.NamedNode("http://example.org/graph/marks")
MERGED = ox.DefaultGraph()
BITS = 4


def _node(name: str) -> ox.NamedNode:
    return ox.NamedNode(f"http://example.org/{name}")


def test_read_keys_settles_one_value_in_both_graphs_only() -> None:
    store = ox.Store()
    copies = {  # member: [(key, graph)]
        "settled": [(0x21, RESOLVED_GRAPH), (0x21, MERGED)],
        "settled2": [(0x35, RESOLVED_GRAPH), (0x35, MERGED)],
        "resolved-only": [(0x22, RESOLVED_GRAPH)],
        "merged-only": [(0x43, MERGED)],
        "two-values": [(0x24, RESOLVED_GRAPH), (0x24, MERGED), (0x51, MERGED)],
        "two-resolved": [(0x25, RESOLVED_GRAPH), (0x66, RESOLVED_GRAPH), (0x25, MERGED)],
        "moved": [(0x26, RESOLVED_GRAPH), (0x77, MERGED)],
        "marked": [(0x27, RESOLVED_GRAPH), (0x27, MERGED), (0x27, OTHER)],
        "marked-other": [(0x28, RESOLVED_GRAPH), (0x28, MERGED), (0x98, OTHER)],
    }
    store.extend(ox.Quad(_node(m), P, int_lit(k), g) for m, held in copies.items() for k, g in held)
    kept = read_keys(store, P, BITS)
    settled = {"settled", "settled2"}
    assert kept.keys == {_node(m).value: copies[m][0][0] for m in settled}
    assert kept.buckets == {2: {_node("settled").value}, 3: {_node("settled2").value}}
    unsettled = {_node(m).value for m in copies if m not in settled}
    assert kept.unsettled == unsettled and kept.replaced == unsettled
    assert kept.unsettled_buckets == {2, 4, 5, 6, 7, 9}
