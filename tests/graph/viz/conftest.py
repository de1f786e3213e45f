"""Small maps for the viz tests: an ADC pipeline with one node of every type and an edge of every relation."""

from __future__ import annotations

import networkx as nx
import pytest
from small_maps import add_entity, add_fact


@pytest.fixture
def pipeline_graph() -> nx.MultiDiGraph:
    """A small ADC pipeline with one node of every type and an edge of every relation."""
    G = nx.MultiDiGraph()
    add_entity(G, "c1", "huN901-DM1", "COMPOUND", aliases=["BB-10901"], phase="Phase 1")
    add_entity(G, "c2", "IMGN853", "COMPOUND", phase="Phase 1")
    add_entity(G, "t1", "CD56", "TARGET")
    add_entity(G, "t2", "FR\u03b1", "TARGET")
    add_entity(G, "p1", "DM1", "PAYLOAD")
    add_entity(G, "p2", "DM4", "PAYLOAD")
    add_entity(G, "a1", "huN901", "ANTIBODY")
    add_entity(G, "d1", "small-cell lung cancer", "DISEASE")
    add_entity(G, "d2", "ovarian cancer", "DISEASE")
    add_entity(G, "co1", "ImmunoGen", "COMPANY")
    add_entity(G, "co2", "sanofi-aventis", "COMPANY")
    add_entity(G, "co3", "British Biotech", "COMPANY")
    add_entity(G, "tech", "TAP technology", "TECHNOLOGY")
    add_entity(G, "tr", "Study 001", "TRIAL")
    add_fact(G, "c1", "t1", "TARGETS", "targets")
    add_fact(G, "c2", "t2", "TARGETS", "targets")
    add_fact(G, "c1", "p1", "HAS_PAYLOAD", "has payload")
    add_fact(G, "c2", "p2", "HAS_PAYLOAD", "has payload")
    add_fact(G, "c1", "a1", "HAS_ANTIBODY", "has antibody")
    add_fact(G, "c1", "d1", "INDICATION", "indication")
    add_fact(G, "c2", "d2", "INDICATION", "indication")
    add_fact(G, "c1", "co1", "DEVELOPED_BY", "developed by", count=3)
    add_fact(G, "c1", "co3", "LICENSED_TO", "licensed to")
    add_fact(G, "c2", "co1", "DEVELOPED_BY", "developed by")
    add_fact(G, "co1", "co2", "PARTNER_OF", "partner of")
    add_fact(G, "co2", "co1", "PAYMENT", "pays", amount=2_000_000.0)
    add_fact(G, "co1", "tech", "USES_TECHNOLOGY", "uses technology")
    add_fact(G, "tr", "c1", "EVALUATES", "evaluates")
    return G


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
