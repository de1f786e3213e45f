"""Network analytics: on a small hand-made projection (exact answers) and on the corpus graph."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.graph import analytics
from pharmakg.graph.network import to_networkx

R = "https://example.org/"


def _node(G: nx.MultiDiGraph, key: str, etype: str, label: str, *aliases: str) -> None:
    G.add_node(
        R + key,
        type=etype,
        label=label,
        aliases=list(aliases),
        documents=[f"doc_{key}"],
        dates=[],
        phase=None,
        phase_date=None,
    )


def _edge(G: nx.MultiDiGraph, s: str, rel: str, o: str, **attrs: object) -> None:
    G.add_edge(
        R + s,
        R + o,
        key=rel,
        relation=rel,
        label=rel.lower().replace("_", " "),
        documents=[f"doc_{s}_{o}"],
        evidence=[],
        count=1,
        confidence=0.9,
        **attrs,
    )


@pytest.fixture
def small() -> nx.MultiDiGraph:
    """Two triangles of partners joined by C-D; F pays E; T1 and T2 are each pursued by two companies."""
    G = nx.MultiDiGraph()
    for c in "ABCDEF":
        _node(G, c, "COMPANY", f"Company {c}")
    G.nodes[R + "A"]["aliases"] = ["Alpha Inc."]
    for c in ("x", "y", "z", "w"):
        _node(G, c, "COMPOUND", f"drug-{c}")
    _node(G, "ab", "ANTIBODY", "mAb-1")
    for t in ("T1", "T2", "T3"):
        _node(G, t, "TARGET", t)
    for a, b in ("AB", "AC", "BC", "CD", "DE", "EF"):
        _edge(G, a, "PARTNER_OF", b, agreements=1)
    _edge(G, "F", "PAYMENT", "E", amount=10_000_000.0, distinct_payments=1, payments=[])
    _edge(G, "x", "DEVELOPED_BY", "A")
    _edge(G, "x", "TARGETS", "T1")
    _edge(G, "y", "DEVELOPED_BY", "D")
    _edge(G, "y", "HAS_ANTIBODY", "ab")
    _edge(G, "ab", "TARGETS", "T1")
    _edge(G, "z", "DEVELOPED_BY", "A")
    _edge(G, "z", "TARGETS", "T2")
    _edge(G, "w", "LICENSED_TO", "B")
    _edge(G, "w", "TARGETS", "T2")
    _edge(G, "w", "TARGETS", "T3")
    _edge(G, "w", "DEVELOPED_BY", "B")
    return G


def test_centrality_ranks_the_bridges(small):
    rows = analytics.centrality(small)
    assert [r["company"] for r in rows[:2]] == ["Company C", "Company D"]
    c = rows[0]
    assert c["partners"] == 3 and c["degree"] == pytest.approx(0.6) and c["betweenness"] == pytest.approx(0.6)
    e = next(r for r in rows if r["company"] == "Company E")
    assert e["amountUSD"] == 10_000_000 and e["payments"] == 1
    assert next(r for r in rows if r["company"] == "Company A")["betweenness"] == 0
    assert len(analytics.centrality(small, top=2)) == 2
    assert set(rows[0]) == {
        "company",
        "partners",
        "agreements",
        "payments",
        "amountUSD",
        "degree",
        "betweenness",
        "iri",
    }


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_communities_are_the_two_triangles(small, method):
    rows = analytics.communities(small, method=method)
    assert sorted(set(r["members"].split("; ")) for r in rows) == [
        {"Company A", "Company B", "Company C"},
        {"Company D", "Company E", "Company F"},
    ]
    assert [r["community"] for r in rows] == [1, 2] and all(r["size"] == 3 for r in rows)
    assert analytics.communities(small, method=method) == rows  # seeded: stable
    with pytest.raises(ValueError):
        analytics.communities(small, method="astrology")


def test_crowded_targets_count_owners_and_licensees_through_antibodies(small):
    rows = {r["target"]: r for r in analytics.crowded_targets(small)}
    assert set(rows) == {"T1", "T2"}
    assert rows["T1"]["companyNames"] == "Company A; Company D" and rows["T1"]["compounds"] == 2
    assert rows["T2"]["companies"] == 2 and rows["T2"]["compoundNames"] == "drug-w; drug-z"
    assert {r["target"] for r in analytics.crowded_targets(small, min_companies=1)} == {"T1", "T2", "T3"}
    assert analytics.crowded_targets(small, min_companies=3) == []


def test_shortest_path_by_alias_through_partners(small):
    rows = analytics.shortest_path(small, "alpha inc.", "company f")
    assert [r["entity"] for r in rows] == ["Company A", "Company C", "Company D", "Company E", "Company F"]
    assert rows[0]["relation"] == "partner of" and rows[-1]["relation"] == ""
    assert [r["step"] for r in rows] == [0, 1, 2, 3, 4]
    # direction is shown: drug-x is developed by A, so from A the step points backwards
    back = analytics.shortest_path(small, "Company A", "drug-x", types=None)
    assert [r["entity"] for r in back] == ["Company A", "drug-x"] and back[0]["relation"] == "← developed by"
    with pytest.raises(KeyError, match="nobody"):
        analytics.shortest_path(small, "nobody", "Company A")
    small.add_node(R + "G", type="COMPANY", label="Company G")
    assert analytics.shortest_path(small, "Company A", "Company G") == []


def test_find_nodes_prefers_the_type_asked_for(small):
    _node(small, "dup", "TARGET", "Company A")
    assert analytics.find_nodes(small, "company a", types=("COMPANY",)) == [R + "A"]
    assert len(analytics.find_nodes(small, "COMPANY A")) == 2
    assert analytics.find_nodes(small, "Alpha, Inc") == [R + "A"]  # folded: punctuation and case


# ------------------------------------------------------------------------------------------- corpus


@pytest.fixture(scope="module")
def corpus_graph(corpus_kg) -> nx.MultiDiGraph:
    return to_networkx(corpus_kg)


def test_corpus_centrality(corpus_graph):
    rows = analytics.centrality(corpus_graph, top=5)
    top = rows[0]
    assert top["company"] == "ImmunoGen" and top["partners"] >= 10 and top["betweenness"] > 0
    assert top["amountUSD"] >= 75_000_000  # Jazz's upfront payment at least


def test_corpus_communities(corpus_graph):
    rows = analytics.communities(corpus_graph)
    assert rows[0]["hub"] == "ImmunoGen"
    by_member = {m: r["community"] for r in rows for m in r["members"].split("; ")}
    assert by_member["Array BioPharma"] == by_member["Ono Pharmaceutical"]
    assert by_member["Daiichi Sankyo"] == by_member["AstraZeneca"] != by_member["ImmunoGen"]


def test_corpus_crowded_targets(corpus_graph):
    rows = {r["target"]: r for r in analytics.crowded_targets(corpus_graph)}
    # a licensee is not a competitor of its licensor (issue 7): AstraZeneca licensed T-DXd from Daiichi Sankyo
    assert "Daiichi Sankyo" in rows["HER2"]["companyNames"].split("; ")
    assert "AstraZeneca" not in rows["HER2"]["companyNames"].split("; ")
    assert {"Seattle Genetics", "Agensys"} <= set(rows["Nectin-4"]["companyNames"].split("; "))


def test_corpus_path_between_two_partners_of_immunogen(corpus_graph):
    rows = analytics.shortest_path(corpus_graph, "Jazz Pharmaceuticals", "sanofi-aventis")
    assert rows[0]["entity"] == "Jazz Pharmaceuticals" and len(rows) == 3
    assert rows[1]["entity"] == "ImmunoGen" and rows[0]["documents"]


def test_cli_analyze(corpus_kg, tmp_path):
    path = corpus_kg.save(tmp_path / "kg.nq")
    runner = CliRunner()
    res = runner.invoke(main, ["analyze", "centrality", "-g", str(path), "--top", "3", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["company"] == "ImmunoGen"
    res = runner.invoke(main, ["analyze", "crowded-targets", "-g", str(path)])
    assert res.exit_code == 0 and "HER2" in res.output and "https://" not in res.output
    res = runner.invoke(main, ["analyze", "communities", "-g", str(path), "--format", "csv"])
    assert res.exit_code == 0 and res.output.startswith("community,size,hub,members,iris")
    res = runner.invoke(
        main, ["analyze", "path", "-g", str(path), "--from", "jazz pharmaceuticals", "--to", "Roche"]
    )
    assert res.exit_code == 0 and "ImmunoGen" in res.output
    res = runner.invoke(main, ["analyze", "path", "-g", str(path), "--from", "Nobody Inc", "--to", "Roche"])
    assert res.exit_code == 1 and "Nobody Inc" in res.output
    assert runner.invoke(main, ["analyze", "path", "-g", str(path), "--from", "Roche"]).exit_code == 2
