"""The map: offline, escaped, styled by viz/style.json, and really drawn by a browser."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from browser import hex_rgb, non_white_share, run_browser, screenshot
from small_maps import add_entity, add_fact, embedded_list

from pharmakg.graph.viz import (
    STATIC_LAYOUT_THRESHOLD,
    load_style,
    render_html,
    static_layout,
    write_html,
)

IMG_ATTACK = "<img src=x onerror=\"document.title='pwned'\">"
SCRIPT_ATTACK = "<script>document.title='pwned'</script>"
SENTENCE_ATTACK = "CD56 is bound </script><script>document.title='pwned'</script> by huN901-DM1."


@pytest.fixture
def hostile_graph(pipeline_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The pipeline plus names and sentences that are markup, as a hostile release could contain."""
    G = pipeline_graph
    add_entity(G, "x1", IMG_ATTACK, "COMPANY", aliases=[SCRIPT_ATTACK])
    add_entity(G, "x2", SCRIPT_ATTACK, "COMPOUND")
    add_fact(G, "x2", "x1", "DEVELOPED_BY", "developed by", evidence=[SENTENCE_ATTACK, IMG_ATTACK])
    add_fact(G, "x2", "t1", "TARGETS", "targets", evidence=[SENTENCE_ATTACK])
    return G


# ------------------------------------------------------------------------------------------------ page


def test_page_is_offline(pipeline_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = write_html(pipeline_graph, tmp_path / "map.html", title="ADC pipeline")
    page = out.read_text(encoding="utf-8")
    # No script, stylesheet, image or frame is fetched from anywhere (no Bootstrap, no CDN).
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page, re.I)
    assert tags and not [t for t in tags if re.search(r"\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", t, re.I)]
    assert not re.search(r"@import|url\(\s*[\"']?https?:", page, re.I)
    assert "bootstrap" not in page.lower()
    assert "vis.Network" in page and len(page) > 400_000  # vis-network itself is inlined
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_nodes_styled_by_type_and_sized_by_degree(pipeline_graph: nx.MultiDiGraph) -> None:
    style = load_style()
    page = render_html(pipeline_graph)
    nodes = {n["label"]: n for n in embedded_list(page, "nodes")}
    assert nodes["ImmunoGen"]["color"]["background"] == style["nodes"]["COMPANY"]["color"]
    assert nodes["ImmunoGen"]["shape"] == style["nodes"]["COMPANY"]["shape"]
    assert nodes["CD56"]["shape"] == style["nodes"]["TARGET"]["shape"]
    assert nodes["huN901-DM1"]["size"] > nodes["Study 001"]["size"]  # degree 7 vs 1
    edges = embedded_list(page, "edges")
    # a payment edge shows its amount (issue 7), the other edges their relation
    assert {e["label"] for e in edges} >= {"targets", "has payload", "$2M", "partner of"}
    dashed = {e["relation"] for e in edges if e["dashes"]}
    assert "LICENSED_TO" in dashed and "TARGETS" not in dashed


def test_legend_lists_types_and_relations_present(pipeline_graph: nx.MultiDiGraph) -> None:
    page = render_html(pipeline_graph, title="ADC pipeline")
    legend = re.search(r'<div id="pkg-legend".*?</div></div>', page, re.S)
    assert legend
    for text in ("Company", "Compound", "Target", "Trial", "has payload", "pays", "14 nodes, 14 edges"):
        assert text in legend.group(0)
    assert "<title>ADC pipeline</title>" in page


def test_tooltips_carry_names_documents_and_evidence(pipeline_graph: nx.MultiDiGraph) -> None:
    page = render_html(pipeline_graph)
    node = next(n for n in embedded_list(page, "nodes") if n["label"] == "huN901-DM1")
    assert "BB-10901" in node["tip"] and "release_a" in node["tip"] and "Phase 1" in node["tip"]
    assert "2006-11-02" in node["tip"]
    pay = next(e for e in embedded_list(page, "edges") if e["relation"] == "PAYMENT")
    assert "US$2,000,000" in pay["tip"] and "co2 pays co1." in pay["tip"]


def test_document_text_is_escaped(hostile_graph: nx.MultiDiGraph) -> None:
    page = render_html(hostile_graph, title=SCRIPT_ATTACK)
    # No attacker string survives verbatim anywhere in the page, so none can open or close a tag.
    for attack in (IMG_ATTACK, SCRIPT_ATTACK, "</script><script>document.title"):
        assert attack not in page
    assert page.count("<script>document.title") == 0
    assert f"<h1>{html.escape(SCRIPT_ATTACK)}</h1>" in page
    # The labels reach the canvas unchanged (canvas text is never HTML) ...
    nodes = {n["id"]: n for n in embedded_list(page, "nodes")}
    assert IMG_ATTACK in {n["label"] for n in nodes.values()} | {n["search"] for n in nodes.values()}
    # ... while every tooltip holds only escaped text inside our own markup.
    for item in [*nodes.values(), *embedded_list(page, "edges")]:
        assert "<img" not in item["tip"] and "<script" not in item["tip"]
    assert any(html.escape(SCRIPT_ATTACK) in n["tip"] for n in nodes.values())
    assert any(html.escape(SENTENCE_ATTACK) in e["tip"] for e in embedded_list(page, "edges"))


def test_large_graph_gets_a_static_layout() -> None:
    G = nx.MultiDiGraph()
    n = STATIC_LAYOUT_THRESHOLD + 100
    for i in range(n):
        G.add_node(i, label=f"compound {i}", type="COMPOUND" if i % 2 else "TARGET")
    for i in range(1, n):
        G.add_edge(i, (i * 7) % i if i > 1 else 0, key="TARGETS", relation="TARGETS")
    page = render_html(G)
    nodes = embedded_list(page, "nodes")
    assert all("x" in n and "y" in n for n in nodes)
    assert '"physics": {"enabled": false' in page
    # Deterministic: the same graph gives the same picture.
    assert static_layout(G) == static_layout(G)
    xs = {round(n["x"]) for n in nodes}
    assert len(xs) > n // 2  # spread out, not piled on one spot


def test_physics_off_small_graph_is_laid_out_in_python(pipeline_graph: nx.MultiDiGraph) -> None:
    nodes = embedded_list(render_html(pipeline_graph, physics=False), "nodes")
    assert all("x" in n for n in nodes)


def test_empty_graph_still_writes_a_page(tmp_path: Path) -> None:
    out = write_html(nx.MultiDiGraph(), tmp_path / "sub" / "empty.html")
    assert "0 nodes, 0 edges" in out.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------------ browser


def _run_browser(
    html_path: Path, tmp_path: Path, *mode: str, fragment: str = ""
) -> subprocess.CompletedProcess[str]:
    return run_browser(html_path, tmp_path, *mode, fragment=fragment)


_hex = hex_rgb


@pytest.mark.browser
def test_browser_draws_the_map(pipeline_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    Image = pytest.importorskip("PIL.Image", reason="Pillow is needed to read the screenshot")
    page = write_html(pipeline_graph, tmp_path / "map.html", title="ADC pipeline")
    png = tmp_path / "map.png"
    proc = _run_browser(page, tmp_path, f"--screenshot={png}")
    assert png.exists(), proc.stderr[-2000:]
    img = Image.open(png).convert("RGB")
    assert img.size == (1200, 900)
    # The network canvas: below the header, left of the legend (which draws the same colours).
    canvas = img.crop((0, 70, 960, 900))
    counts = {colour: n for n, colour in canvas.getcolors(maxcolors=1 << 24)}
    non_white = 1 - counts.get((255, 255, 255), 0) / (canvas.width * canvas.height)
    assert non_white > 0.01, f"canvas nearly blank ({non_white:.4f} non-white)"
    assert len(counts) > 50
    colours = set(counts)
    style = load_style()
    missing = [t for t, spec in style["nodes"].items() if _hex(spec["color"]) not in colours]
    assert not missing, f"node colours not drawn for {missing}"
    # The legend is drawn too: its panel sits at the top right.
    legend = {colour for _n, colour in img.crop((980, 70, 1200, 500)).getcolors(maxcolors=1 << 24)}
    assert _hex(style["nodes"]["COMPANY"]["color"]) in legend


@pytest.mark.browser
def test_browser_does_not_run_injected_markup(hostile_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    title = "Escaping probe"
    page_path = write_html(hostile_graph, tmp_path / "hostile.html", title=title)
    # Test harness: after the page's own script, put every tooltip element into the document so the
    # DOM dump shows how tooltips render (the page builds them at load time, detached).
    page = page_path.read_text(encoding="utf-8")
    harness = (
        "<script>(function(){var box=document.createElement('div');box.id='tips';"
        "nodes.forEach(function(n){box.appendChild(window.pkgTooltip(n.tip));});"
        "edges.forEach(function(e){box.appendChild(window.pkgTooltip(e.tip));});"
        "document.body.appendChild(box);})();</script>"
    )
    idx = page.rfind("</body>")
    page_path.write_text(page[:idx] + harness + page[idx:], encoding="utf-8")
    proc = _run_browser(page_path, tmp_path, "--dump-dom")
    dom = proc.stdout
    assert 'data-pkg-ready="1"' in dom, "the page's script did not run: " + proc.stderr[-2000:]
    assert 'data-pkg-stable="1"' in dom, "physics did not settle within the browser's time budget"
    assert re.search(r"<title>(.*?)</title>", dom, re.S).group(1) == title  # onerror/script never ran
    tips = dom[dom.index('<div id="tips">') :]
    assert not re.search(r"<img\b", tips) and "<script>document.title" not in tips
    assert "&lt;img src=x onerror=\"document.title='pwned'\"&gt;" in tips
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in tips
    assert "CD56 is bound &lt;/script&gt;&lt;script&gt;" in tips


def test_map_from_a_knowledge_graph_escapes_release_text() -> None:
    """End to end through the real store: hostile names and sentences of a release stay inert."""
    from pharmakg.graph.network import to_networkx
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.model import Document, Entity, Evidence, Extraction, Relation

    text = f"{SCRIPT_ATTACK} targets CD56. {SENTENCE_ATTACK}"
    doc = Document(doc_id="hostile0001", name="hostile <b>release</b>", text=text, date="2020-01-02")
    ex = Extraction(
        document=doc,
        entities=[
            Entity("e1", "COMPOUND", SCRIPT_ATTACK, aliases=[IMG_ATTACK]),
            Entity("e2", "TARGET", "CD56"),
        ],
        relations=[
            Relation(
                "TARGETS",
                "e1",
                "e2",
                evidence=[
                    Evidence(SENTENCE_ATTACK, text.index(SENTENCE_ATTACK), len(text), doc.name, doc.doc_id)
                ],
            )
        ],
    )
    kg = KnowledgeGraph.open()
    kg.add_extractions([ex])
    G = to_networkx(kg)
    assert {d["label"] for _n, d in G.nodes(data=True)} == {SCRIPT_ATTACK, "CD56"}
    page = render_html(G, title="hostile")
    for attack in (IMG_ATTACK, SCRIPT_ATTACK, "<b>release</b>"):
        assert attack not in page
    tips = " ".join(item["tip"] for item in [*embedded_list(page, "nodes"), *embedded_list(page, "edges")])
    assert html.escape(IMG_ATTACK) in tips and html.escape(SENTENCE_ATTACK) in tips
    assert "hostile &lt;b&gt;release&lt;/b&gt;" in tips


@pytest.mark.browser
def test_browser_draws_a_3000_node_map(tmp_path: Path) -> None:
    """A few thousand nodes: laid out in Python, loaded and drawn within the browser's time budget."""
    G = nx.MultiDiGraph()
    types = list(load_style()["nodes"])
    n = 3000
    for i in range(n):
        G.add_node(i, label=f"entity {i}", type=types[i % len(types)], documents=["d"], dates=["2020-01-01"])
    for i in range(1, n):
        G.add_edge(i, (i * 7919) % i, key="TARGETS", relation="TARGETS", documents=["d"], count=1)
    page = write_html(G, tmp_path / "big.html", title="3000 nodes")
    dom = _run_browser(page, tmp_path, "--dump-dom", fragment="types=COMPANY").stdout
    assert 'data-pkg-ready="1"' in dom and f'data-pkg-visible="{n // len(types)}"' in dom
    img = screenshot(page, tmp_path / "big.png", tmp_path)
    canvas = img.crop((0, 70, 960, 900))
    assert non_white_share(canvas) > 0.01
    assert len(canvas.getcolors(maxcolors=1 << 24)) > 50


def test_to_pyvis_holds_the_same_nodes_and_edges(pipeline_graph: nx.MultiDiGraph) -> None:
    pytest.importorskip("pyvis", reason="pyvis is the optional extra viz-pyvis")
    from pharmakg.graph.viz import to_pyvis

    net = to_pyvis(pipeline_graph)
    page = render_html(pipeline_graph)
    drawn = {n["label"]: n for n in embedded_list(page, "nodes")}
    assert {n["label"] for n in net.nodes} == set(drawn)
    company = next(n for n in net.nodes if n["label"] == "ImmunoGen")
    assert company["color"] == drawn["ImmunoGen"]["color"] and company["title"] == drawn["ImmunoGen"]["tip"]
    assert len(net.edges) == pipeline_graph.number_of_edges()
    assert net.options["physics"]["enabled"] is True
    assert "vis.Network" in net.generate_html()


def test_to_pyvis_names_the_extra_when_pyvis_is_missing(
    pipeline_graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from pharmakg.graph.viz import to_pyvis

    monkeypatch.setitem(sys.modules, "pyvis.network", None)  # import fails as if not installed
    with pytest.raises(ImportError, match=r"pharmakg\[viz-pyvis\]"):
        to_pyvis(pipeline_graph)


def test_views_are_one_vocabulary_with_the_old_spellings_accepted(pipeline_graph: nx.MultiDiGraph) -> None:
    from pharmakg.graph.export import VIEWS as EXPORT_VIEWS
    from pharmakg.graph.network import view_network
    from pharmakg.graph.viz import VIEWS

    assert VIEWS is EXPORT_VIEWS and VIEWS == ("full", "partnership", "pipeline")
    old = view_network(pipeline_graph, "partnerships")
    assert set(old.nodes) == set(view_network(pipeline_graph, "partnership").nodes) == {"co1", "co2"}
    assert view_network(pipeline_graph, "all") is pipeline_graph
    with pytest.raises(ValueError, match="one of full, partnership, pipeline"):
        view_network(pipeline_graph, "galaxy")


def test_cli_viz_and_export_share_the_view_option() -> None:
    from pharmakg.cli import export_graph, viz

    def choices(command) -> tuple[str, ...]:
        option = next(p for p in command.params if p.name == "view_name")
        return tuple(option.type.choices)

    assert choices(viz) == choices(export_graph) == ("full", "partnership", "pipeline")
    option = next(p for p in viz.params if p.name == "view_name")
    assert option.type.convert("partnerships", option, None) == "partnership"  # the old spelling


def test_a_remote_reference_fails_the_rendering(
    pipeline_graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    from markupsafe import Markup

    from pharmakg.graph.viz import page

    assets = dict(page._assets())
    assets["map_css"] = Markup('</style><link rel="stylesheet" href="https://cdn.example/x.css"><style>')
    monkeypatch.setattr(page, "_assets", lambda: assets)
    with pytest.raises(RuntimeError, match="remote"):
        render_html(pipeline_graph)
