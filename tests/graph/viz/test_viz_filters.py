"""The map's filters (types, relations, a company's neighbourhood, dates) in Python, the CLI and the page."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from browser import run_browser
from small_maps import embedded_list

from pharmakg.graph.viz import filter_graph, find_nodes, map_graph, neighbourhood, render_html, write_html


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
    edges = embedded_list(page, "edges")
    targets = {e["dates"][0] for e in edges if e["relation"] == "TARGETS"}
    assert targets == {"2006-11-02", "2014-04-07"}
    assert all("Dates:" in e["tip"] for e in edges)
    assert 'id="pkg-since"' in page and 'min="2006-11-02" max="2014-04-07"' in page
    nodes = {n["label"]: n for n in embedded_list(page, "nodes")}
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
    nodes = embedded_list(out.read_text(encoding="utf-8"), "nodes")
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
        dom = run_browser(page, tmp_path, "--dump-dom", fragment=fragment).stdout
        assert 'data-pkg-ready="1"' in dom, fragment
        return int(re.search(r'data-pkg-visible="(\d+)"', dom).group(1))

    assert visible("") == 14
    assert visible("types=COMPANY") == 3
    assert visible("types=COMPANY,COMPOUND&relations=PAYMENT") == 5  # nodes stay, the edges go
    assert visible("focus=bb-10901&depth=1") == 8  # huN901-DM1 by its alias, and its 7 neighbours
    assert visible("since=2010-01-01") == 5  # IMGN853's 2014 facts and its owner
    assert visible("until=2006-12-31&types=COMPOUND") == 1
