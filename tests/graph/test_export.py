"""GraphML and GEXF export: every attribute a scalar, and the files parse back with NetworkX."""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.graph.export import VIEWS, exportable, view, write_graph
from pharmakg.graph.network import to_networkx

R = "https://example.org/"
READERS = {".graphml": nx.read_graphml, ".gexf": nx.read_gexf}


@pytest.fixture
def small() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(
        R + "a",
        label="ImmunoGen",
        type="COMPANY",
        aliases=["ImmunoGen, Inc.", "IMGN"],
        documents=["d1", "d2"],
        dates=["2006-11-02"],
        phase=None,
        phase_date=None,
    )
    G.add_node(
        R + "b",
        label="sanofi-aventis",
        type="COMPANY",
        aliases=[],
        documents=["d1"],
        dates=[],
        phase=None,
        phase_date=None,
    )
    G.add_node(
        R + "c",
        label="huN901-DM1 <b>",
        type="COMPOUND",
        aliases=["BB-10901"],
        documents=["d1"],
        dates=["2003-05-08"],
        phase="Phase 1",
        phase_date="2006-11-02",
    )
    G.add_edge(
        R + "b",
        R + "a",
        key="PAYMENT",
        relation="PAYMENT",
        label="pays",
        documents=["d1"],
        evidence=['sanofi paid $2 million;\x0b "quoted" & <tagged>'],
        count=2,
        confidence=0.9,
        amount=3_000_000.0,
        distinct_payments=2,
        payments=[
            {"kind": "milestone", "amount": 2e6, "document": "d1"},
            {"kind": None, "amount": 1e6, "document": "d1"},
        ],
    )
    G.add_edge(
        R + "a",
        R + "b",
        key="PARTNER_OF",
        relation="PARTNER_OF",
        label="partner of",
        documents=["d1"],
        evidence=[],
        count=1,
        confidence=None,
        agreements=1,
    )
    G.add_edge(
        R + "c",
        R + "a",
        key="DEVELOPED_BY",
        relation="DEVELOPED_BY",
        label="developed by",
        documents=["d1", "d2"],
        evidence=[],
        count=3,
        confidence=1,
    )  # int next to floats
    return G


def test_exportable_attributes_are_scalars(small):
    H = exportable(small)
    for _n, d in H.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in d.values())
    for *_uv, d in H.edges(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in d.values())
    a = H.nodes[R + "a"]
    assert a["aliases"] == "ImmunoGen, Inc. | IMGN" and a["aliases_count"] == 2 and a["iri"] == R + "a"
    assert "phase" not in H.nodes[R + "b"]  # None is left out
    pay = H.edges[R + "b", R + "a", next(iter(H[R + "b"][R + "a"]))]
    assert '"kind": "milestone"' in pay["payments"] and "\x0b" not in pay["evidence"]
    confidences = {type(d["confidence"]) for *_uv, d in H.edges(data=True) if "confidence" in d}
    assert confidences == {float}
    assert len({d["id"] for *_uv, d in H.edges(data=True)}) == 3


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_small_graph_round_trips(small, tmp_path, suffix):
    path = write_graph(small, tmp_path / f"g{suffix}")
    back = READERS[suffix](path)
    assert back.number_of_nodes() == 3 and back.number_of_edges() == 3 and back.is_directed()
    labels = {d.get("label") for _n, d in back.nodes(data=True)}
    assert labels == {"ImmunoGen", "sanofi-aventis", "huN901-DM1 <b>"}
    rels = {d["relation"] for *_uv, d in back.edges(data=True)}
    assert rels == {"PAYMENT", "PARTNER_OF", "DEVELOPED_BY"}
    pay = next(d for *_uv, d in back.edges(data=True) if d["relation"] == "PAYMENT")
    assert float(pay["amount"]) == 3_000_000 and '"quoted" & <tagged>' in pay["evidence"]


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_partnership_view_is_undirected_and_weighted(small, tmp_path, suffix):
    back = READERS[suffix](write_graph(small, tmp_path / f"p{suffix}", "partnership"))
    assert not back.is_directed() and back.number_of_nodes() == 2 and back.number_of_edges() == 1
    ((_u, _v, d),) = back.edges(data=True)
    assert float(d["weight"]) == 3 and float(d["amount"]) == 3_000_000  # 1 agreement + 2 payments


def test_unknown_view_and_format(small, tmp_path):
    with pytest.raises(ValueError):
        view(small, "sideways")
    with pytest.raises(ValueError):
        write_graph(small, tmp_path / "g.json")


@pytest.fixture(scope="module")
def corpus_graph(corpus_kg) -> nx.MultiDiGraph:
    return to_networkx(corpus_kg)


@pytest.mark.parametrize("view_name", VIEWS)
@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_corpus_views_round_trip(corpus_graph, tmp_path, view_name, suffix):
    V = view(corpus_graph, view_name)
    back = READERS[suffix](write_graph(corpus_graph, tmp_path / f"{view_name}{suffix}", view_name))
    assert back.number_of_nodes() == V.number_of_nodes() > 10
    assert back.number_of_edges() == V.number_of_edges()
    labels = {d.get("label") for _n, d in back.nodes(data=True)}
    assert "ImmunoGen" in labels
    if view_name != "partnership":
        assert "CD56" in labels
    types = {d.get("type") for _n, d in back.nodes(data=True)}
    assert types == {"COMPANY"} if view_name == "partnership" else {"COMPANY", "COMPOUND", "TARGET"} <= types


def test_cli_export(corpus_kg, tmp_path):
    kg_path = corpus_kg.save(tmp_path / "kg.nq")
    runner = CliRunner()
    out = tmp_path / "partners.gexf"
    res = runner.invoke(main, ["export", "-g", str(kg_path), "-o", str(out), "--view", "partnership"])
    assert res.exit_code == 0, res.output
    assert "partnership view" in res.output and nx.read_gexf(out).number_of_nodes() > 5
    out = tmp_path / "imgn.graphml"
    res = runner.invoke(
        main, ["export", "-g", str(kg_path), "-o", str(out), "--view", "pipeline", "--company", "ImmunoGen"]
    )
    assert res.exit_code == 0, res.output
    assert "CD56" in {d.get("label") for _n, d in nx.read_graphml(out).nodes(data=True)}
    res = runner.invoke(main, ["export", "-g", str(kg_path), "-o", str(tmp_path / "g.xml")])
    assert res.exit_code == 2 and ".graphml" in res.output
