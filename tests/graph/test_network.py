"""The NetworkX projection of a real KnowledgeGraph built from two hand-made extractions."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import networkx as nx
import pytest

from pharmakg.graph.network import partnership_network, pipeline_network, relation_label, to_networkx
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.model import Document, Entity, Evidence, Extraction, Mention, Relation

TEXT_2003 = (
    "ImmunoGen, Inc. today reported results. "
    "huN901-DM1 (BB-10901) targets the CD56 antigen and carries the maytansinoid DM1. "
    "British Biotech licensed huN901-DM1 from ImmunoGen for small-cell lung cancer. "
    "huN901-DM1 is in Phase I testing. "
    "Sanofi paid ImmunoGen $2 million under the collaboration with ImmunoGen."
)
TEXT_2006 = (
    "ImmunoGen reported quarterly results. "
    "HuN901-DM1 binds CD56 on small-cell lung cancer cells and is now in Phase II. "
    "British Biotech and ImmunoGen extended their collaboration. "
    "Sanofi paid ImmunoGen $1.5 million as a milestone."
)


def _sentence(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    sent_start = text.rfind(". ", 0, start)
    sent_start = 0 if sent_start < 0 else sent_start + 2
    sent_end = text.index(".", start + len(needle) - 1) + 1
    return Evidence(sentence=text[sent_start:sent_end], start=sent_start, end=sent_end)


def _entity(text: str, eid: str, etype: str, name: str, *aliases: str) -> Entity:
    mentions = [Mention(text.index(n), text.index(n) + len(n), n) for n in (name, *aliases) if n in text]
    return Entity(
        id=eid,
        type=etype,
        name=name,
        aliases=list(aliases),
        mentions=mentions,
        extractor="test",
        confidence=0.9,
    )


def _extraction(name: str, date: str, text: str, entities: list[Entity], rels: list[Relation]) -> Extraction:
    doc = Document(
        doc_id=hashlib.sha256(text.encode()).hexdigest()[:16],
        name=name,
        text=text,
        date=date,
        title=name.replace("_", " "),
    )
    for r in rels:  # evidence is frozen: the relation's list gets copies that name the document
        r.evidence[:] = [replace(ev, document=name, doc_id=doc.doc_id) for ev in r.evidence]
    return Extraction(document=doc, entities=entities, relations=rels)


def _rel(
    text: str,
    rtype: str,
    s: str,
    o: str | None,
    cue: str,
    value: object = None,
    confidence: float = 0.8,
    **attrs: object,
) -> Relation:
    return Relation(
        type=rtype,
        subject=s,
        object=o,
        value=value,
        evidence=[_sentence(text, cue)],
        extractor=f"test:{rtype.lower()}",
        confidence=confidence,
        attrs=dict(attrs),
    )


def _extractions() -> list[Extraction]:
    t = TEXT_2003
    a = _extraction(
        "immunogen_2003",
        "2003-05-08",
        t,
        [
            _entity(t, "e1", "COMPOUND", "huN901-DM1", "BB-10901"),
            _entity(t, "e2", "TARGET", "CD56"),
            _entity(t, "e3", "PAYLOAD", "DM1"),
            _entity(t, "e4", "COMPANY", "ImmunoGen"),
            _entity(t, "e5", "COMPANY", "British Biotech"),
            _entity(t, "e6", "DISEASE", "small-cell lung cancer"),
            _entity(t, "e7", "COMPANY", "Sanofi"),
        ],
        [
            _rel(t, "TARGETS", "e1", "e2", "targets the CD56", confidence=0.7),
            _rel(t, "HAS_PAYLOAD", "e1", "e3", "carries the maytansinoid"),
            _rel(t, "DEVELOPED_BY", "e1", "e4", "licensed huN901-DM1 from"),
            _rel(t, "LICENSED_TO", "e1", "e5", "licensed huN901-DM1 from"),
            _rel(t, "INDICATION", "e1", "e6", "for small-cell"),
            _rel(t, "IN_PHASE", "e1", None, "in Phase I", value="Phase 1", status="current"),
            _rel(t, "PARTNER_OF", "e4", "e5", "licensed huN901-DM1 from"),
            _rel(
                t,
                "PAYMENT",
                "e7",
                "e4",
                "paid ImmunoGen $2 million",
                value=2_000_000,
                currency="USD",
                amount=2_000_000,
                kind="license fee",
                status="paid",
            ),
        ],
    )
    t = TEXT_2006
    b = _extraction(
        "immunogen_2006",
        "2006-11-02",
        t,
        [
            _entity(t, "e1", "COMPOUND", "HuN901-DM1"),
            _entity(t, "e2", "TARGET", "CD56"),
            _entity(t, "e3", "COMPANY", "ImmunoGen"),
            _entity(t, "e4", "COMPANY", "British Biotech"),
            _entity(t, "e5", "DISEASE", "small-cell lung cancer"),
            _entity(t, "e6", "COMPANY", "Sanofi"),
        ],
        [
            _rel(t, "TARGETS", "e1", "e2", "binds CD56", confidence=0.95),
            _rel(t, "INDICATION", "e1", "e5", "on small-cell"),
            _rel(t, "IN_PHASE", "e1", None, "now in Phase II", value="Phase 2", status="current"),
            # stated the other way round: still the same unordered partnership
            _rel(t, "PARTNER_OF", "e4", "e3", "extended their collaboration"),
            _rel(
                t,
                "PAYMENT",
                "e6",
                "e3",
                "paid ImmunoGen $1.5 million",
                value=1_500_000,
                currency="USD",
                amount=1_500_000,
                kind="milestone",
                status="paid",
            ),
        ],
    )
    return [a, b]


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    kg = KnowledgeGraph.open()
    kg.add_extractions(_extractions())
    return to_networkx(kg)


def _by_label(G: nx.MultiDiGraph, label: str) -> str:
    found = [n for n, d in G.nodes(data=True) if d["label"].casefold() == label.casefold()]
    assert len(found) == 1, (label, found)
    return found[0]


def _edge(G: nx.MultiDiGraph, s: str, rel: str, o: str) -> dict:
    u, v = _by_label(G, s), _by_label(G, o)
    assert G.has_edge(u, v, key=rel), f"no {rel} edge {s} -> {o}: {list(G.edges(keys=True))}"
    return G.edges[u, v, rel]


def test_nodes_are_entities_merged_across_documents(graph: nx.MultiDiGraph) -> None:
    types = sorted(d["type"] for _n, d in graph.nodes(data=True))
    assert types == ["COMPANY"] * 3 + ["COMPOUND", "DISEASE", "PAYLOAD", "TARGET"]
    drug = graph.nodes[_by_label(graph, "huN901-DM1")]
    assert drug["type"] == "COMPOUND"
    assert "BB-10901" in drug["aliases"]
    assert drug["documents"] == ["immunogen_2003", "immunogen_2006"]
    assert drug["dates"] == ["2003-05-08", "2006-11-02"]
    assert graph.nodes[_by_label(graph, "DM1")]["documents"] == ["immunogen_2003"]


def test_latest_phase_is_from_the_latest_document(graph: nx.MultiDiGraph) -> None:
    drug = graph.nodes[_by_label(graph, "huN901-DM1")]
    assert drug["phase"] == "Phase 2"
    assert drug["phase_date"] == "2006-11-02"
    assert graph.nodes[_by_label(graph, "CD56")]["phase"] is None


def test_relation_edges_carry_support(graph: nx.MultiDiGraph) -> None:
    e = _edge(graph, "huN901-DM1", "TARGETS", "CD56")
    assert e["relation"] == "TARGETS" and e["label"] == "targets"
    assert e["count"] == 2
    assert e["documents"] == ["immunogen_2003", "immunogen_2006"]
    assert any("targets the CD56 antigen" in s for s in e["evidence"])
    assert any("binds CD56" in s for s in e["evidence"])
    assert e["confidence"] == pytest.approx(0.95)
    assert _edge(graph, "huN901-DM1", "HAS_PAYLOAD", "DM1")["count"] == 1
    assert _edge(graph, "huN901-DM1", "LICENSED_TO", "British Biotech")["label"] == "licensed to"
    # IN_PHASE is a node attribute, not an edge
    assert "IN_PHASE" not in {k for *_uv, k in graph.edges(keys=True)}


def test_partnership_is_one_edge_whatever_the_order(graph: nx.MultiDiGraph) -> None:
    imgn, bb = _by_label(graph, "ImmunoGen"), _by_label(graph, "British Biotech")
    partner = {frozenset((u, v)): d for u, v, k, d in graph.edges(keys=True, data=True) if k == "PARTNER_OF"}
    e = partner[frozenset((imgn, bb))]
    assert e["count"] == 2 and e["agreements"] == 2
    assert e["documents"] == ["immunogen_2003", "immunogen_2006"]


def test_a_payment_implies_a_partnership(graph: nx.MultiDiGraph) -> None:
    imgn, sanofi = _by_label(graph, "ImmunoGen"), _by_label(graph, "Sanofi")
    partner = {frozenset((u, v)): d for u, v, k, d in graph.edges(keys=True, data=True) if k == "PARTNER_OF"}
    assert len(partner) == 2
    e = partner[frozenset((imgn, sanofi))]
    assert e["count"] == 2 and e["agreements"] == 0  # supported by the two payment sentences only
    assert any("$1.5 million" in s for s in e["evidence"])


def test_payments_sum_from_payer_to_payee(graph: nx.MultiDiGraph) -> None:
    e = _edge(graph, "Sanofi", "PAYMENT", "ImmunoGen")
    assert e["amount"] == pytest.approx(3_500_000)
    assert e["label"] == "pays"
    assert sorted(p["amount"] for p in e["payments"]) == [1_500_000, 2_000_000]
    assert e["documents"] == ["immunogen_2003", "immunogen_2006"]


def test_partnership_network(graph: nx.MultiDiGraph) -> None:
    P = partnership_network(graph)
    assert not P.is_directed()
    assert {P.nodes[n]["label"] for n in P} == {"ImmunoGen", "British Biotech", "Sanofi"}
    imgn, bb, sanofi = (_by_label(graph, x) for x in ("ImmunoGen", "British Biotech", "Sanofi"))
    assert P.edges[imgn, bb]["weight"] == 2 and P.edges[imgn, bb]["agreements"] == 2
    assert P.edges[sanofi, imgn]["weight"] == 2 and P.edges[sanofi, imgn]["amount"] == pytest.approx(3.5e6)


def test_pipeline_network(graph: nx.MultiDiGraph) -> None:
    V = pipeline_network(graph)
    rels = {k for *_uv, k in V.edges(keys=True)}
    assert "TARGETS" in rels and "DEVELOPED_BY" in rels
    assert not rels & {"PARTNER_OF", "PAYMENT"}
    assert _by_label(graph, "Sanofi") not in V
    assert len(pipeline_network(graph, company="immunogen")) == len(V)
    assert len(pipeline_network(graph, company="Sanofi")) == 0


def test_relation_labels() -> None:
    assert relation_label("HAS_PAYLOAD") == "has payload"
    assert relation_label("USES_TECHNOLOGY") == "uses technology"
    assert relation_label("PAYMENT") == "pays"


def test_a_payment_restated_by_a_second_document_counts_once() -> None:
    import copy

    from test_graph import hand_made  # tests/ is on sys.path

    twice = hand_made("doc-a")
    twice.relations.append(copy.deepcopy(twice.relations[0]))  # two $2M milestones in one release
    kg = KnowledgeGraph.open()
    kg.add_extractions([twice, hand_made("doc-b", "2007-02-01"), hand_made("doc-c", "2008-01-01", 5_000_000)])
    G = to_networkx(kg)
    e = _edge(G, "sanofi-aventis", "PAYMENT", "ImmunoGen")
    assert len(e["payments"]) == 4  # every statement stays as provenance
    assert e["distinct_payments"] == 3 and e["amount"] == pytest.approx(9_000_000)
    P = partnership_network(G)
    ((_u, _v, d),) = P.edges(data=True)
    assert d["payments"] == 3 and d["amount"] == pytest.approx(9_000_000)


def test_contingent_payments_are_kept_apart() -> None:
    from test_graph import hand_made

    potential = hand_made("doc-b", "2007-02-01", 50_000_000)
    potential.relations[0].attrs["status"] = "contingent"
    kg = KnowledgeGraph.open()
    kg.add_extractions([hand_made("doc-a"), potential])
    e = _edge(to_networkx(kg), "sanofi-aventis", "PAYMENT", "ImmunoGen")
    assert (e["amount"], e["distinct_payments"], e["contingent_amount"]) == (2_000_000, 1, 50_000_000)
