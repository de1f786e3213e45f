"""Where the map's nodes go: vis-network's physics for small maps, a layout computed in Python for big ones.

Above :func:`static_threshold` nodes (``style.json["static_layout_above"]``) the browser's physics would
take minutes to settle, so the positions are computed here (deterministic for a seed, O(n) per iteration
with a bounded number of iterations) and physics is switched off: the browser only draws.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from typing import Any

import networkx as nx

STATIC_LAYOUT_THRESHOLD = 500  # when style.json has no "static_layout_above"


def static_threshold(st: Mapping[str, Any]) -> int:
    """Above this many nodes the map is laid out in Python: ``style.json["static_layout_above"]``."""
    return int(st.get("static_layout_above", STATIC_LAYOUT_THRESHOLD))


def vis_options(st: Mapping[str, Any], physics: bool, n_nodes: int) -> dict[str, Any]:
    """vis-network's options: ``style.json["vis_options"]`` with the parts that depend on the map."""
    base = {k: v for k, v in copy.deepcopy(dict(st["vis_options"])).items() if not k.startswith("_")}
    font = st.get("font", {})
    base["nodes"]["font"] = {
        "color": font.get("color", "#222222"),
        "size": font.get("size", 14),
        "face": font.get("face", "sans-serif"),
        **base["nodes"].get("font", {}),
    }
    base["interaction"]["hideEdgesOnDrag"] = n_nodes > 500
    # vis's own first layout (Kamada-Kawai) is slow beyond a few hundred nodes.
    base["layout"]["improvedLayout"] = n_nodes <= 200
    stabilization = {"enabled": physics, **base["physics"].pop("stabilization", {})}
    base["physics"] = {"enabled": physics, **base["physics"], "stabilization": stabilization}
    return base


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


def _sampled_force_layout(
    H: nx.Graph, seed: int = 7, iterations: int = 60, sample: int = 128, gravity: float = 6.0
) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold in NumPy with repulsion estimated from a random sample of nodes.

    Cost per iteration is O(n * sample + edges) instead of O(n^2), with a fixed number of iterations:
    about 1 s for 20,000 nodes. float32 and separate x / y arrays: the n x sample arrays are the cost.
    """
    import numpy as np

    nodes = list(H.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) * math.sqrt(n)).astype(np.float32)
    pairs = np.array([(index[u], index[v]) for u, v in H.edges if u != v], dtype=np.int64).reshape(-1, 2)
    src, dst = pairs[:, 0], pairs[:, 1]
    m = min(sample, n)
    temperature = math.sqrt(n) / 5
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]
        picked = rng.choice(n, size=m, replace=False)
        dx = x[:, None] - x[None, picked]
        dy = y[:, None] - y[None, picked]
        inv = 1.0 / np.maximum(dx * dx + dy * dy, np.float32(1e-4))
        # k = 1: repulsion k^2/d along delta/d, scaled up from the sample to all nodes
        disp = np.stack(((dx * inv).sum(1), (dy * inv).sum(1)), axis=1) * np.float32(n / m)
        if len(src):
            dv = pos[src] - pos[dst]
            pull = dv * np.sqrt((dv**2).sum(-1))[:, None]  # d^2/k along dv/d
            for axis in (0, 1):
                disp[:, axis] += np.bincount(dst, pull[:, axis], n) - np.bincount(src, pull[:, axis], n)
        # Gravity keeps separate components in view. Against the sampled repulsion (about n / r at radius r)
        # it sets the map's radius to sqrt(n / gravity): 0.05 left the connected core a small knot inside
        # a wide ring of unconnected nodes; 6 gives a disk with the ring close around it.
        disp -= gravity * (pos - pos.mean(0))
        length = np.maximum(np.sqrt((disp**2).sum(-1)), 1e-9)[:, None]
        pos += (disp / length * np.minimum(length, temperature)).astype(np.float32)
        temperature = max(temperature - cooling, 0.01)
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for node, i in index.items()}
