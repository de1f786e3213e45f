"""What an analyst sees when the map opens (issue 7): labels that do not overlap, the focused node
highlighted and centred, payment amounts on payment edges, technology hubs left out.

The browser tests open the page in headless Chromium, let vis-network lay it out and draw it, then read
the box of every label vis-network really drew (its label module's size, converted to screen pixels)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from browser import run_browser, screenshot

from pharmakg.graph.viz import filter_graph, map_graph, render_html, technology_hubs, write_html
from pharmakg.graph.viz.payments import money, payment_label

# Appended to the page by the tests: once the page has chosen its labels, redraw and list the box of every
# label vis-network drew, in screen pixels, with the view's scale and the focused node's screen position.
HARNESS = """<script>(function () {
  function measure() {
    if (!document.body.hasAttribute("data-pkg-labels") || !document.body.hasAttribute("data-pkg-stable")) {
      setTimeout(measure, 50); return;
    }
    network.once("afterDrawing", function () {
      var out = [];
      function add(kind, id, el) {
        if (!el || !el.options.label || !el.labelModule.visible()) { return; }
        var s = el.labelModule.getSize();
        var a = network.canvasToDOM({x: s.left, y: s.top});
        var b = network.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
        out.push({kind: kind, id: id, text: el.options.label, x1: a.x, y1: a.y, x2: b.x, y2: b.y});
      }
      nodes.forEach(function (n) { if (!n.hidden) { add("node", n.id, network.body.nodes[n.id]); } });
      edges.forEach(function (e) { if (!e.hidden) { add("edge", e.id, network.body.edges[e.id]); } });
      var focus = document.body.getAttribute("data-pkg-focus"), at = null, look = null;
      if (focus) {
        at = network.canvasToDOM(network.getPositions([focus])[focus]);
        look = {borderWidth: nodes.get(focus).borderWidth, selected: network.getSelectedNodes()};
      }
      var box = document.getElementById("mynetwork").getBoundingClientRect();
      var pre = document.createElement("pre");
      pre.id = "pkg-boxes";
      pre.textContent = JSON.stringify({boxes: out, scale: network.getScale(), focus: focus, at: at,
        labels: document.body.getAttribute("data-pkg-labels"),
        look: look, canvas: {width: box.width, height: box.height}});
      document.body.appendChild(pre);
    });
    network.redraw();
  }
  measure();
})();</script>"""


def _with_harness(page: Path) -> Path:
    text = page.read_text(encoding="utf-8")
    idx = text.rfind("</body>")
    page.write_text(text[:idx] + HARNESS + text[idx:], encoding="utf-8")
    return page


def _drawn(page: Path, tmp_path: Path, fragment: str = "") -> dict:
    """The labels drawn when ``page`` opens (see HARNESS)."""
    proc = run_browser(page, tmp_path, "--dump-dom", fragment=fragment, size=(1400, 1000), budget_ms=30000)
    m = re.search(r'<pre id="pkg-boxes">(.*?)</pre>', proc.stdout, re.S)
    assert m, "the page did not finish: " + proc.stderr[-2000:]
    return json.loads(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def _overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes intersect (touching edges do not count)."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a["x1"] < b["x2"] - 0.5 and b["x1"] < a["x2"] - 0.5 and a["y1"] < b["y2"] - 0.5:
                if b["y1"] < a["y2"] - 0.5:
                    found.append((a["text"], b["text"]))
    return found


# ------------------------------------------------------------------------------------------ payments


def test_money_is_short() -> None:
    assert [money(x) for x in (2e6, 170.5e6, 1.25e9, 65e6, 500_000, 950)] == [
        "$2M",
        "$170.5M",
        "$1.25B",
        "$65M",
        "$500K",
        "$950",
    ]


def test_payment_label_by_kind_with_potential_apart() -> None:
    data = {
        "payments": [
            {"kind": "milestone", "amount": 2e6, "document": "a", "contingent": False},
            {"kind": "milestone", "amount": 2e6, "document": "b", "contingent": False},  # restated
            {"kind": "license fee", "amount": 1e6, "document": "a", "contingent": False},
            {"kind": "milestone", "amount": 4.5e6, "document": "a", "contingent": True},
        ]
    }
    assert payment_label(data) == "$2M milestone\n$1M license fee\nup to $4.5M"
    assert payment_label({"amount": 3e6}) == "$3M"  # a graph without payment details
    assert payment_label({}) == ""


def test_payment_edges_show_amounts_from_the_graph(corpus_kg) -> None:
    G = map_graph(corpus_kg)
    page = render_html(G)
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    labels = {e["label"] for e in edges if e["relation"] == "PAYMENT"}
    assert "$2M payment\nup to $170.5M" in labels  # Bayer's IND milestone to ImmunoGen
    assert "$800M upfront\nup to $400M" in labels  # United Therapeutics to Arena for ralinepag
    assert all(label.startswith("$") for label in labels)
    tips = " ".join(e["tip"] for e in edges if e["relation"] == "PAYMENT")
    assert "up to US$400,000,000 milestone" in tips


# ------------------------------------------------------------------------------------------ hubs


def _hub_graph() -> nx.MultiDiGraph:
    """A platform used by ten compounds of one company, and a technology used by one."""
    G = nx.MultiDiGraph()
    G.add_node("co", label="Platform Co", type="COMPANY")
    G.add_node("tap", label="TAP", type="TECHNOLOGY")
    G.add_node("rare", label="rare linker", type="TECHNOLOGY")
    for i in range(10):
        G.add_node(f"c{i}", label=f"compound {i}", type="COMPOUND")
        G.add_edge(f"c{i}", "co", key="DEVELOPED_BY", relation="DEVELOPED_BY")
        G.add_edge(f"c{i}", "tap", key="USES_TECHNOLOGY", relation="USES_TECHNOLOGY")
    G.add_edge("c0", "rare", key="USES_TECHNOLOGY", relation="USES_TECHNOLOGY")
    return G


def test_technology_hubs_are_left_out_and_named() -> None:
    G = _hub_graph()
    assert technology_hubs(G, 8) == {"tap": 10}
    H = filter_graph(G, hub_links=8)
    assert "tap" not in H and "rare" in H and H.number_of_nodes() == 12
    assert H.graph["hidden_hubs"] == [("TAP", 10)]
    assert "Technology hubs left out: TAP (10 links)" in render_html(H)
    assert "tap" in filter_graph(G)  # no threshold: everything stays
    assert "tap" in filter_graph(G, hub_links=8, keep=["tap"])  # the focus is never left out
    near = filter_graph(G, hub_links=8, company="Platform Co", depth=1)
    assert near.graph["hidden_hubs"] == [("TAP", 10)] and "tap" not in near


def test_cli_viz_focus_and_hubs(corpus_kg, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pharmakg.cli import main

    graph = corpus_kg.save(tmp_path / "kg.nq")
    out = tmp_path / "map.html"
    runner = CliRunner()
    res = runner.invoke(main, ["viz", "-g", str(graph), "-o", str(out), "--focus", "Ralinepag"])
    assert res.exit_code == 0, res.output
    assert "technology hubs left out: TAP" in res.output
    page = out.read_text(encoding="utf-8")
    focus = re.search(r"var pkgFocus = (.*?);", page).group(1)
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    assert {n["id"]: n["label"] for n in nodes}[json.loads(focus)] == "ralinepag"
    assert "TAP" not in {n["label"] for n in nodes}
    res = runner.invoke(main, ["viz", "-g", str(graph), "-o", str(out), "--technology-hubs"])
    assert res.exit_code == 0 and "hubs left out" not in res.output
    assert '"label": "TAP"' in out.read_text(encoding="utf-8")
    res = runner.invoke(main, ["viz", "-g", str(graph), "-o", str(out), "--types", "COMPOUND,TECHNOLOGY"])
    assert res.exit_code == 0 and '"label": "TAP"' in out.read_text(encoding="utf-8")  # asked for by type
    res = runner.invoke(main, ["viz", "-g", str(graph), "-o", str(out), "--focus", "Nobody Pharma"])
    assert res.exit_code != 0 and "--focus" in res.output


# ------------------------------------------------------------------------------------------ browser


@pytest.mark.browser
def test_labels_do_not_overlap_at_the_default_zoom(corpus_kg, tmp_path: Path) -> None:
    """The seeds + dev map as it opens: every label vis-network draws is clear of every other."""
    G = map_graph(corpus_kg, hub_links=8)
    page = _with_harness(write_html(G, tmp_path / "map.html", title="seeds + dev"))
    drawn = _drawn(page, tmp_path)
    boxes = drawn["boxes"]
    assert not _overlaps(boxes), _overlaps(boxes)[:10]
    names = [b for b in boxes if b["kind"] == "node"]
    assert len(names) >= 0.6 * G.number_of_nodes(), f"only {len(names)} of {G.number_of_nodes()} names drawn"
    shot = screenshot(page, tmp_path / "map_default.png", tmp_path, size=(1400, 1000), budget_ms=30000)
    assert shot.size == (1400, 1000)


@pytest.mark.browser
def test_focus_highlights_and_centres_the_node(corpus_kg, tmp_path: Path) -> None:
    G = map_graph(corpus_kg, hub_links=8)
    focus = next(n for n, d in G.nodes(data=True) if d["label"] == "ralinepag")
    page = _with_harness(write_html(G, tmp_path / "focus.html", focus=focus))
    drawn = _drawn(page, tmp_path)
    assert drawn["focus"], "no node focused"
    centre = (drawn["canvas"]["width"] / 2, drawn["canvas"]["height"] / 2)
    assert abs(drawn["at"]["x"] - centre[0]) < 3 and abs(drawn["at"]["y"] - centre[1]) < 3
    assert drawn["look"]["borderWidth"] == 5 and drawn["look"]["selected"] == [drawn["focus"]]
    assert drawn["scale"] >= 1.0  # close enough to read
    texts = {b["text"] for b in drawn["boxes"]}
    # The focused node and its neighbours are labelled first (labels.js declutter): whichever other labels the
    # layout leaves room for, the neighbourhood is readable. (Which payment label fits depends on the layout.)
    neighbours = {G.nodes[n]["label"] for n in nx.all_neighbors(G, focus)}
    assert "ralinepag" in texts
    assert len(neighbours & texts) >= min(3, len(neighbours)), (sorted(neighbours), sorted(texts))
    assert not _overlaps(drawn["boxes"]), _overlaps(drawn["boxes"])[:10]
    # The same from the URL, by any name of another entity, without filtering the map.
    other = _drawn(page, tmp_path, fragment="focus=Arena%20Pharmaceuticals")
    assert other["focus"] != drawn["focus"] and "Arena Pharmaceuticals" in {b["text"] for b in other["boxes"]}
    screenshot(page, tmp_path / "map_focus.png", tmp_path, size=(1400, 1000), budget_ms=30000)
