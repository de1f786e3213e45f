"""Big maps get positions from Python and no physics; small ones keep vis-network's physics."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from browser import run_browser

from pharmakg.graph.viz import load_style, render_html, static_threshold, write_html

TYPES = ("COMPANY", "COMPOUND", "TARGET", "DISEASE")


def _typed_graph(n: int) -> nx.MultiDiGraph:
    """``n`` typed nodes shaped as the projection makes them, in a tree with a few hubs."""
    G = nx.MultiDiGraph(document_dates={"release-1": "2020-01-02"})
    for i in range(n):
        etype = TYPES[i % len(TYPES)]
        G.add_node(
            f"e{i}",
            label=f"{etype.title()} {i}",
            type=etype,
            aliases=[f"alias {i}"],
            documents=["release-1"],
            dates=["2020-01-02"],
            phase=None,
        )
    for i in range(1, n):
        G.add_edge(
            f"e{i}",
            f"e{(i * 7) % i}",
            key="TARGETS",
            relation="TARGETS",
            label="targets",
            documents=["release-1"],
            evidence=[f"Entity {i} targets something."],
            count=1,
            confidence=0.9,
        )
    return G


def _page_data(page: str) -> dict[str, object]:
    """The nodes, edges, vis options and physics flag the page hands to vis-network."""
    found = {}
    for name in ("nodes", "edges"):
        m = re.search(rf"var {name} = new vis\.DataSet\((\[.*?\])\);\n", page, re.S)
        assert m, name
        found[name] = json.loads(m.group(1))
    options = re.search(r"var options = (\{.*?\});\n", page, re.S)
    physics = re.search(r"var pkgPhysics = (true|false);", page)
    assert options and physics
    found["options"] = json.loads(options.group(1))
    found["physics"] = physics.group(1) == "true"
    return found


def test_threshold_is_a_style_setting() -> None:
    style = load_style()
    assert static_threshold(style) == style["static_layout_above"]
    small = dict(style, static_layout_above=5)
    assert not _page_data(render_html(_typed_graph(8), style=small))["physics"]
    assert _page_data(render_html(_typed_graph(8)))["physics"]


def test_a_2000_node_map_gets_positions_and_no_physics() -> None:
    n = 2000
    assert n > static_threshold(load_style())
    page = render_html(_typed_graph(n))
    data = _page_data(page)
    nodes = data["nodes"]
    assert len(nodes) == n
    assert all(isinstance(v["x"], float) and isinstance(v["y"], float) for v in nodes)
    assert all(v["physics"] is False for v in nodes)
    assert len({(round(v["x"]), round(v["y"])) for v in nodes}) > n * 0.9  # spread, not piled up
    options = data["options"]
    assert options["physics"]["enabled"] is False
    assert options["physics"]["stabilization"]["enabled"] is False
    assert data["physics"] is False
    assert 'id="loadingBar"' not in page  # nothing to wait for
    assert all(e["smooth"] is False for e in data["edges"])  # straight edges draw faster


def test_a_small_map_still_uses_physics() -> None:
    page = render_html(_typed_graph(60))
    data = _page_data(page)
    assert data["physics"] is True
    assert data["options"]["physics"]["enabled"] is True
    assert data["options"]["physics"]["stabilization"]["enabled"] is True
    assert not any("x" in v or "physics" in v for v in data["nodes"])


@pytest.mark.browser
def test_tooltip_is_built_on_hover(tmp_path: Path) -> None:
    """Tooltips are made on the first hover (not at load): hovering a node shows its escaped tooltip."""
    page_path = write_html(_typed_graph(12), tmp_path / "map.html", physics=False)
    page = page_path.read_text(encoding="utf-8")
    # Test harness: once the map is up, move the mouse over a node, then record the tooltip shown.
    harness = (
        "<script>setTimeout(function () {"
        " var canvas = document.querySelector('#mynetwork canvas');"
        " var box = canvas.getBoundingClientRect();"
        " var at = network.canvasToDOM(network.getPosition(nodes.get()[0].id));"
        " canvas.dispatchEvent(new MouseEvent('mousemove',"
        " {clientX: box.left + at.x, clientY: box.top + at.y, bubbles: true}));"
        " setTimeout(function () { var tip = document.querySelector('.vis-tooltip .pkg-tip');"
        " document.body.setAttribute('data-tip', tip ? tip.textContent : 'none'); }, 1000); }, 1000);"
        "</script>"
    )
    at = page.rfind("</body>")
    page_path.write_text(page[:at] + harness + page[at:], encoding="utf-8")
    dom = run_browser(page_path, tmp_path, "--dump-dom").stdout
    assert 'data-pkg-ready="1"' in dom
    tip = re.search(r'data-tip="([^"]*)"', dom)
    assert tip and tip.group(1).startswith("Company 0"), tip and tip.group(1)
