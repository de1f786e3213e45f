"""The map: offline, escaped, styled by viz/style.json, and really drawn by a browser."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from browser import hex_rgb, non_white_share, run_browser, screenshot

from pharmakg.graph.viz import (
    STATIC_LAYOUT_THRESHOLD,
    filter_graph,
    find_nodes,
    load_style,
    map_graph,
    neighbourhood,
    render_html,
    static_layout,
    write_html,
)

IMG_ATTACK = "<img src=x onerror=\"document.title='pwned'\">"
SCRIPT_ATTACK = "<script>document.title='pwned'</script>"
SENTENCE_ATTACK = "CD56 is bound </script><script>document.title='pwned'</script> by huN901-DM1."


def _node(G: nx.MultiDiGraph, key: str, label: str, etype: str, **extra: object) -> None:
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


def _edge(G: nx.MultiDiGraph, u: str, v: str, relation: str, label: str, **extra: object) -> None:
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


@pytest.fixture
def pipeline_graph() -> nx.MultiDiGraph:
    """A small ADC pipeline with one node of every type and an edge of every relation."""
    G = nx.MultiDiGraph()
    _node(G, "c1", "huN901-DM1", "COMPOUND", aliases=["BB-10901"], phase="Phase 1")
    _node(G, "c2", "IMGN853", "COMPOUND", phase="Phase 1")
    _node(G, "t1", "CD56", "TARGET")
    _node(G, "t2", "FR\u03b1", "TARGET")
    _node(G, "p1", "DM1", "PAYLOAD")
    _node(G, "p2", "DM4", "PAYLOAD")
    _node(G, "a1", "huN901", "ANTIBODY")
    _node(G, "d1", "small-cell lung cancer", "DISEASE")
    _node(G, "d2", "ovarian cancer", "DISEASE")
    _node(G, "co1", "ImmunoGen", "COMPANY")
    _node(G, "co2", "sanofi-aventis", "COMPANY")
    _node(G, "co3", "British Biotech", "COMPANY")
    _node(G, "tech", "TAP technology", "TECHNOLOGY")
    _node(G, "tr", "Study 001", "TRIAL")
    _edge(G, "c1", "t1", "TARGETS", "targets")
    _edge(G, "c2", "t2", "TARGETS", "targets")
    _edge(G, "c1", "p1", "HAS_PAYLOAD", "has payload")
    _edge(G, "c2", "p2", "HAS_PAYLOAD", "has payload")
    _edge(G, "c1", "a1", "HAS_ANTIBODY", "has antibody")
    _edge(G, "c1", "d1", "INDICATION", "indication")
    _edge(G, "c2", "d2", "INDICATION", "indication")
    _edge(G, "c1", "co1", "DEVELOPED_BY", "developed by", count=3)
    _edge(G, "c1", "co3", "LICENSED_TO", "licensed to")
    _edge(G, "c2", "co1", "DEVELOPED_BY", "developed by")
    _edge(G, "co1", "co2", "PARTNER_OF", "partner of")
    _edge(G, "co2", "co1", "PAYMENT", "pays", amount=2_000_000.0)
    _edge(G, "co1", "tech", "USES_TECHNOLOGY", "uses technology")
    _edge(G, "tr", "c1", "EVALUATES", "evaluates")
    return G


@pytest.fixture
def hostile_graph(pipeline_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The pipeline plus names and sentences that are markup, as a hostile release could contain."""
    G = pipeline_graph
    _node(G, "x1", IMG_ATTACK, "COMPANY", aliases=[SCRIPT_ATTACK])
    _node(G, "x2", SCRIPT_ATTACK, "COMPOUND")
    _edge(G, "x2", "x1", "DEVELOPED_BY", "developed by", evidence=[SENTENCE_ATTACK, IMG_ATTACK])
    _edge(G, "x2", "t1", "TARGETS", "targets", evidence=[SENTENCE_ATTACK])
    return G


def _embedded(page: str, name: str) -> list[dict]:
    """The node or edge list the page carries, decoded."""
    m = re.search(name + r" = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    assert m, name
    return json.loads(m.group(1))


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
    nodes = {n["label"]: n for n in _embedded(page, "nodes")}
    assert nodes["ImmunoGen"]["color"]["background"] == style["nodes"]["COMPANY"]["color"]
    assert nodes["ImmunoGen"]["shape"] == style["nodes"]["COMPANY"]["shape"]
    assert nodes["CD56"]["shape"] == style["nodes"]["TARGET"]["shape"]
    assert nodes["huN901-DM1"]["size"] > nodes["Study 001"]["size"]  # degree 7 vs 1
    edges = _embedded(page, "edges")
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
    node = next(n for n in _embedded(page, "nodes") if n["label"] == "huN901-DM1")
    assert "BB-10901" in node["tip"] and "release_a" in node["tip"] and "Phase 1" in node["tip"]
    assert "2006-11-02" in node["tip"]
    pay = next(e for e in _embedded(page, "edges") if e["relation"] == "PAYMENT")
    assert "US$2,000,000" in pay["tip"] and "co2 pays co1." in pay["tip"]


def test_document_text_is_escaped(hostile_graph: nx.MultiDiGraph) -> None:
    page = render_html(hostile_graph, title=SCRIPT_ATTACK)
    # No attacker string survives verbatim anywhere in the page, so none can open or close a tag.
    for attack in (IMG_ATTACK, SCRIPT_ATTACK, "</script><script>document.title"):
        assert attack not in page
    assert page.count("<script>document.title") == 0
    assert f"<h1>{html.escape(SCRIPT_ATTACK)}</h1>" in page
    # The labels reach the canvas unchanged (canvas text is never HTML) ...
    nodes = {n["id"]: n for n in _embedded(page, "nodes")}
    assert IMG_ATTACK in {n["label"] for n in nodes.values()} | {n["search"] for n in nodes.values()}
    # ... while every tooltip holds only escaped text inside our own markup.
    for item in [*nodes.values(), *_embedded(page, "edges")]:
        assert "<img" not in item["tip"] and "<script" not in item["tip"]
    assert any(html.escape(SCRIPT_ATTACK) in n["tip"] for n in nodes.values())
    assert any(html.escape(SENTENCE_ATTACK) in e["tip"] for e in _embedded(page, "edges"))


def test_large_graph_gets_a_static_layout() -> None:
    G = nx.MultiDiGraph()
    n = STATIC_LAYOUT_THRESHOLD + 100
    for i in range(n):
        G.add_node(i, label=f"compound {i}", type="COMPOUND" if i % 2 else "TARGET")
    for i in range(1, n):
        G.add_edge(i, (i * 7) % i if i > 1 else 0, key="TARGETS", relation="TARGETS")
    page = render_html(G)
    nodes = _embedded(page, "nodes")
    assert all("x" in n and "y" in n for n in nodes)
    assert '"physics": {"enabled": false' in page
    # Deterministic: the same graph gives the same picture.
    assert static_layout(G) == static_layout(G)
    xs = {round(n["x"]) for n in nodes}
    assert len(xs) > n // 2  # spread out, not piled on one spot


def test_physics_off_small_graph_is_laid_out_in_python(pipeline_graph: nx.MultiDiGraph) -> None:
    nodes = _embedded(render_html(pipeline_graph, physics=False), "nodes")
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
    tips = " ".join(item["tip"] for item in [*_embedded(page, "nodes"), *_embedded(page, "edges")])
    assert html.escape(IMG_ATTACK) in tips and html.escape(SENTENCE_ATTACK) in tips
    assert "hostile &lt;b&gt;release&lt;/b&gt;" in tips


# ------------------------------------------------------------------------------------------------ filters


@pytest.fixture
def dated_graph(pipeline_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The pipeline with IMGN853's facts from a 2014 release (the rest is from 2006)."""
    G = pipeline_graph
    G.graph["document_dates"] = {"release_a": "2006-11-02", "release_b": "2014-04-07"}
    for node in ("c2", "t2", "p2", "d2"):
        G.nodes[node]["documents"], G.nodes[node]["dates"] = ["release_b"], ["2014-04-07"]
    for u, v, _k, d in G.edges(keys=True, data=True):
        if "c2" in (u, v):
            d["documents"] = ["release_b"]
    return G


def _labels(G: nx.Graph) -> set[str]:
    return {d["label"] for _n, d in G.nodes(data=True)}


def test_filter_by_type_keeps_edges_between_kept_nodes(pipeline_graph: nx.MultiDiGraph) -> None:
    H = filter_graph(pipeline_graph, types=["company", "COMPOUND"])
    assert _labels(H) == {"huN901-DM1", "IMGN853", "ImmunoGen", "sanofi-aventis", "British Biotech"}
    assert {d["relation"] for *_e, d in H.edges(data=True)} == {
        "DEVELOPED_BY",
        "LICENSED_TO",
        "PARTNER_OF",
        "PAYMENT",
    }
    assert pipeline_graph.number_of_nodes() == 14  # a copy: the input is untouched


def test_filter_by_company_neighbourhood_takes_any_name(pipeline_graph: nx.MultiDiGraph) -> None:
    one = filter_graph(pipeline_graph, company="sanofi-aventis, inc.", depth=1)  # folded like the scorer
    assert _labels(one) == {"sanofi-aventis", "ImmunoGen"}
    two = filter_graph(pipeline_graph, company="Sanofi-Aventis", depth=2)
    assert _labels(two) == {"sanofi-aventis", "ImmunoGen", "huN901-DM1", "IMGN853", "TAP technology"}
    assert find_nodes(pipeline_graph, "bb-10901") == ["c1"]  # aliases count
    with pytest.raises(KeyError):
        filter_graph(pipeline_graph, company="Nobody Pharma")
    # A type filter keeps the company it is centred on.
    assert _labels(filter_graph(pipeline_graph, company="ImmunoGen", depth=1, types=["TECHNOLOGY"])) == {
        "ImmunoGen",
        "TAP technology",
    }
    assert neighbourhood(pipeline_graph, ["tr"], 0) == {"tr"}


def test_filter_by_date_range(dated_graph: nx.MultiDiGraph) -> None:
    late = filter_graph(dated_graph, since="2010-01-01")
    assert _labels(late) == {"IMGN853", "FR\u03b1", "DM4", "ovarian cancer", "ImmunoGen"}
    assert {d["relation"] for *_e, d in late.edges(data=True)} == {
        "TARGETS",
        "HAS_PAYLOAD",
        "INDICATION",
        "DEVELOPED_BY",
    }
    early = filter_graph(dated_graph, until="2006-12-31")
    assert "IMGN853" not in _labels(early) and "huN901-DM1" in _labels(early)
    assert filter_graph(dated_graph, since="2006-11-02", until="2014-04-07").number_of_edges() == 14
    assert filter_graph(dated_graph, since="2020-01-01").number_of_nodes() == 0


def test_edges_carry_document_dates_into_page_and_tooltips(dated_graph: nx.MultiDiGraph) -> None:
    page = render_html(dated_graph)
    edges = _embedded(page, "edges")
    targets = {e["dates"][0] for e in edges if e["relation"] == "TARGETS"}
    assert targets == {"2006-11-02", "2014-04-07"}
    assert all("Dates:" in e["tip"] for e in edges)
    assert 'id="pkg-since"' in page and 'min="2006-11-02" max="2014-04-07"' in page
    nodes = {n["label"]: n for n in _embedded(page, "nodes")}
    assert nodes["huN901-DM1"]["names"] == ["huN901-DM1", "BB-10901"]


def test_page_has_type_and_relation_checkboxes(pipeline_graph: nx.MultiDiGraph) -> None:
    page = render_html(pipeline_graph)
    types = re.findall(r'<input type="checkbox" class="pkg-type" value="([A-Z]*)" checked>', page)
    assert set(types) == {d["type"] for _n, d in pipeline_graph.nodes(data=True)}
    rels = re.findall(r'<input type="checkbox" class="pkg-rel" value="([A-Z_]*)" checked>', page)
    assert "PAYMENT" in rels and "TARGETS" in rels
    assert '<select id="pkg-depth"' in page and 'id="pkg-search"' in page


def test_map_graph_views_of_the_corpus(corpus_kg) -> None:
    full = map_graph(corpus_kg)
    assert full.number_of_nodes() > 100
    assert all("dates" in d for *_e, d in full.edges(data=True))
    near = map_graph(corpus_kg, company="ImmunoGen Inc.", depth=1)
    assert "ImmunoGen" in _labels(near) and near.number_of_nodes() < full.number_of_nodes()
    assert {d["type"] for _n, d in map_graph(corpus_kg, types=["COMPANY"]).nodes(data=True)} == {"COMPANY"}
    dated = map_graph(corpus_kg, since="2015-01-01", until="2019-12-31")
    assert 0 < dated.number_of_edges() < full.number_of_edges()
    for *_e, d in dated.edges(data=True):
        assert any("2015-01-01" <= day <= "2019-12-31" for day in d["dates"])
    partners = map_graph(corpus_kg, view="partnerships")
    assert partners.number_of_nodes() > 5
    assert {d["type"] for _n, d in partners.nodes(data=True)} == {"COMPANY"}
    pipeline = map_graph(corpus_kg, view="pipeline", company="ImmunoGen")
    assert "COMPOUND" in {d["type"] for _n, d in pipeline.nodes(data=True)}
    with pytest.raises(ValueError):
        map_graph(corpus_kg, view="galaxy")


def test_cli_viz_filters(corpus_kg, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pharmakg.cli import main

    graph = corpus_kg.save(tmp_path / "kg.nq")
    runner = CliRunner()
    out = tmp_path / "map.html"
    res = runner.invoke(
        main,
        [
            "viz",
            "-g",
            str(graph),
            "-o",
            str(out),
            "--company",
            "immunogen",
            "--depth",
            "1",
            "--types",
            "COMPANY,COMPOUND",
            "--since",
            "2010-01-01",
        ],
    )
    assert res.exit_code == 0, res.output
    nodes = _embedded(out.read_text(encoding="utf-8"), "nodes")
    assert {n["ptype"] for n in nodes} <= {"COMPANY", "COMPOUND"}
    assert "ImmunoGen" in {n["label"] for n in nodes}
    res = runner.invoke(main, ["viz", "-g", str(graph), "-o", str(out), "--company", "Nobody Pharma"])
    assert res.exit_code != 0 and "no entity named 'Nobody Pharma'" in res.output
    res = runner.invoke(main, ["viz", "-g", str(graph), "-o", str(out), "--types", "COMPANY,PLANET"])
    assert res.exit_code == 2 and "PLANET" in res.output
    res = runner.invoke(main, ["viz", "-g", str(graph), "-o", str(out), "--until", "last year"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


@pytest.mark.browser
def test_browser_filters_from_the_url(dated_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    """The in-page filters, driven by the URL fragment, hide nodes in vis's DataSet."""
    page = write_html(dated_graph, tmp_path / "map.html")

    def visible(fragment: str) -> int:
        dom = _run_browser(page, tmp_path, "--dump-dom", fragment=fragment).stdout
        assert 'data-pkg-ready="1"' in dom, fragment
        return int(re.search(r'data-pkg-visible="(\d+)"', dom).group(1))

    assert visible("") == 14
    assert visible("types=COMPANY") == 3
    assert visible("types=COMPANY,COMPOUND&relations=PAYMENT") == 5  # nodes stay, the edges go
    assert visible("focus=bb-10901&depth=1") == 8  # huN901-DM1 by its alias, and its 7 neighbours
    assert visible("since=2010-01-01") == 5  # IMGN853's 2014 facts and its owner
    assert visible("until=2006-12-31&types=COMPOUND") == 1


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
    drawn = {n["label"]: n for n in _embedded(page, "nodes")}
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
