"""The RDF graph projected to NetworkX, for analysis, export and the map.

:func:`to_networkx` reads the knowledge graph with a handful of SPARQL queries over its merged default
graph (one query per kind of fact, grouped in Python) and returns a
``networkx.MultiDiGraph``:

- node = entity IRI, with ``label`` (skos:prefLabel), ``type`` (contract type, e.g. "COMPOUND"),
  ``aliases``, ``documents`` (document names), ``dates`` (their dates), ``phase`` / ``phase_date``
  (the latest stated clinical stage, if any);
- edge = one relation between two entities, keyed by its type, with ``relation`` ("TARGETS"),
  ``label`` ("targets"), ``documents``, ``evidence`` (sentences, capped), ``count`` (supporting
  statements), ``confidence`` (their maximum); PAYMENT edges (payer -> payee) also carry ``amount``
  (US dollars, a payment restated by several documents counted once: :func:`distinct_payments`;
  contingent payments left out), ``distinct_payments`` (how many that makes), ``contingent_amount``
  (potential "up to" payments) and ``payments`` (kind, amount, document and ``contingent`` of each statement).

:func:`partnership_network` and :func:`pipeline_network` are smaller views of that graph, named by
:mod:`pharmakg.graph.views` for the map and the export (:func:`view_network`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from pyoxigraph import NamedNode

from pharmakg import schema
from pharmakg.graph.queries import load_internal_query
from pharmakg.graph.results import SparqlEndpoint
from pharmakg.graph.views import canonical_view

# Contract relation type -> the direct predicate the graph stage writes for it (edges between two entities;
# IN_PHASE is a dated record on the compound node, not an edge).
RELATION_PREDICATES: dict[str, str] = {t.name: t.iri for t in schema.RELATION_TABLE if t.needs_object}
_PREDICATE_RELATIONS = {iri: rel for rel, iri in RELATION_PREDICATES.items()}
UNORDERED = frozenset(t.name for t in schema.RELATION_TABLE if t.symmetric)
# Relations that are facts about a value, not edges between two entities.
VALUED = frozenset(t.name for t in schema.RELATION_TABLE if not t.needs_object)
MAX_EVIDENCE = 5  # sentences kept per edge: enough for a tooltip, small enough for 10,000 edges


def distinct_payments(
    payments: Iterable[tuple[str | None, float | None, str | None]],
) -> list[tuple[str | None, float | None]]:
    """The payments of one payer to one payee, a restatement counted once.

    ``payments`` are (kind, USD amount, document) of each payment node. The same kind and amount stated
    by several documents is one payment (a later release restates it); repeated within one document
    they are distinct payments (two $1M milestones). So each (kind, amount) counts as many times as the
    document that states it most often. The rule is the one of the partners-and-payments query.
    """
    per_doc: dict[tuple[str | None, float | None], dict[str | None, int]] = defaultdict(
        lambda: defaultdict(int)
    )
    for kind, usd, doc in payments:
        per_doc[(kind or None, usd)][doc] += 1
    return [
        key
        for key, docs in sorted(per_doc.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or 0.0))
        for _ in range(max(docs.values()))
    ]


def relation_label(relation: str) -> str:
    """Human label of a relation type: its label in the schema table ("HAS_PAYLOAD" -> "has payload")."""
    row = schema.RELATION_TYPES.get(relation)
    return row.label if row else relation.replace("_", " ").lower()


@dataclass
class _EdgeAcc:
    assertions: set[str] = field(default_factory=set)
    stated: set[str] = field(default_factory=set)  # statements of this very relation type
    documents: set[str] = field(default_factory=set)
    evidence: dict[str, None] = field(default_factory=dict)  # ordered set
    confidence: float | None = None
    payments: dict[str, tuple[str | None, float | None, str | None]] = field(default_factory=dict)
    payment_docs: dict[str, str] = field(default_factory=dict)  # payment node -> document IRI
    contingent: set[str] = field(default_factory=set)  # "up to $100 million": potential, not paid

    def add_confidence(self, value: Any) -> None:
        if value is None:
            return
        conf = float(value)
        self.confidence = conf if self.confidence is None else max(self.confidence, conf)


def _rows(kg: SparqlEndpoint, query: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of the internal query ``queries/internal/network-{query}.rq`` as dicts (one query per kind of
    fact, so that no row is a cross product of two multi-valued properties)."""
    result = kg.query(load_internal_query(f"network-{query}"), bindings)
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def _direct_rows(kg: SparqlEndpoint) -> list[dict[str, Any]]:
    """Direct triples of every relation predicate: the predicate is bound, one query per predicate."""
    return [
        row
        for predicate in RELATION_PREDICATES.values()
        for row in _rows(kg, "direct", {"p": NamedNode(predicate)})
    ]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def to_networkx(kg: SparqlEndpoint) -> nx.MultiDiGraph:
    """Project a :class:`~pharmakg.graph.store.KnowledgeGraph` to a ``networkx.MultiDiGraph``.

    Edges are keyed by relation type, so one pair has at most one edge per relation however many
    documents state it. PARTNER_OF is unordered: both directions are merged into one edge.
    """
    G = nx.MultiDiGraph()
    _add_entities(G, kg)
    _add_phases(G, _rows(kg, "phases"))
    for (s, rel, o), a in sorted(_edge_support(kg).items()):
        for node in (s, o):
            if node not in G:  # an object the graph never typed: keep the edge, show the IRI
                G.add_node(
                    node,
                    label=node.rsplit("/", 1)[-1],
                    type=None,
                    aliases=[],
                    documents=[],
                    dates=[],
                    phase=None,
                    phase_date=None,
                )
        G.add_edge(s, o, key=rel, **_edge_attrs(rel, a))
    return G


def _add_entities(G: nx.MultiDiGraph, kg: SparqlEndpoint) -> None:
    """One node per typed entity, with its label, type, aliases, documents and their dates."""
    labels: dict[str, set[str]] = defaultdict(set)
    doc_labels: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    for r in _rows(kg, "entities"):
        types[r["e"]].add(str(r["type"]))
        if r.get("label") is not None:
            labels[r["e"]].add(str(r["label"]))
        if r.get("docLabel") is not None:
            doc_labels[r["e"]].add(str(r["docLabel"]))
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in _rows(kg, "aliases"):
        aliases[r["e"]].add(str(r["alias"]))
    docs: dict[str, dict[str, str | None]] = defaultdict(dict)
    for r in _rows(kg, "mentions"):
        name = _text(r.get("name")) or str(r["doc"])
        docs[r["e"]][name] = _text(r.get("date"))

    for e in sorted(types):
        # Without the store's single prefLabel, pick among the documents' names deterministically.
        names = sorted(
            labels.get(e) or doc_labels.get(e) or {e.rsplit("/", 1)[-1]}, key=lambda s: (len(s), s)
        )
        label = names[0]
        mentioned = docs.get(e, {})
        G.add_node(
            e,
            label=label,
            type=sorted(types[e])[0],
            aliases=sorted((aliases.get(e, set()) | doc_labels.get(e, set()) | set(names[1:])) - {label}),
            documents=sorted(mentioned),
            dates=sorted({d for d in mentioned.values() if d}),
            phase=None,
            phase_date=None,
        )


def _edge_key(s: str, rel: str, o: str) -> tuple[str, str, str]:
    if rel in UNORDERED and o < s:
        s, o = o, s
    return (s, rel, o)


def _support(a: _EdgeAcc, r: dict[str, Any], rel: str) -> None:
    """Count one statement row (of the assertions or agreements query) as support of an edge."""
    a.assertions.add(str(r["a"]))
    if r.get("type") is None or str(r["type"]) == rel:
        a.stated.add(str(r["a"]))
    if r.get("name") is not None:
        a.documents.add(str(r["name"]))
    if r.get("text"):
        a.evidence[str(r["text"])] = None
    a.add_confidence(r.get("conf"))


def _edge_support(kg: SparqlEndpoint) -> dict[tuple[str, str, str], _EdgeAcc]:
    """(subject, relation, object) -> what supports that edge: statements, direct triples, payments."""
    acc: dict[tuple[str, str, str], _EdgeAcc] = defaultdict(_EdgeAcc)
    for r in _rows(kg, "assertions"):
        rel = str(r["type"])
        if rel not in VALUED:
            _support(acc[_edge_key(str(r["s"]), rel, str(r["o"]))], r, rel)
    for r in _rows(kg, "agreements"):
        _support(acc[_edge_key(str(r["x"]), "PARTNER_OF", str(r["y"]))], r, "PARTNER_OF")
    for r in _direct_rows(kg):
        direct = _PREDICATE_RELATIONS.get(str(r["p"]))
        if direct:
            acc[_edge_key(str(r["s"]), direct, str(r["o"]))]  # noqa: B018 - creates the edge if no statement did
    for r in _rows(kg, "payments"):
        a = acc[_edge_key(str(r["payer"]), "PAYMENT", str(r["payee"]))]
        usd = None if r.get("usd") is None else float(r["usd"])
        prev = a.payments.get(str(r["pay"]))
        name = _text(r.get("name")) or (prev[2] if prev else None)
        a.payments[str(r["pay"])] = (_text(r.get("kind")), usd, name)
        a.payment_docs[str(r["pay"])] = _text(r.get("doc")) or name or str(r["pay"])
        if _text(r.get("status")) == "contingent":
            a.contingent.add(str(r["pay"]))
        if name:
            a.documents.add(name)
    return acc


def _edge_attrs(rel: str, a: _EdgeAcc) -> dict[str, Any]:
    """The attributes of one edge (see the module docstring) from its support."""
    attrs: dict[str, Any] = {
        "relation": rel,
        "label": relation_label(rel),
        "documents": sorted(a.documents),
        "evidence": list(a.evidence)[:MAX_EVIDENCE],
        "count": max(len(a.assertions), len(a.payments), 1),
        "confidence": a.confidence,
    }
    if rel == "PARTNER_OF":
        # statements that state the partnership itself (the rest are payments implying it)
        attrs["agreements"] = len(a.stated) if a.assertions else 1
    if rel == "PAYMENT":
        paid, potential = (
            distinct_payments(
                (kind, usd, a.payment_docs.get(pay))
                for pay, (kind, usd, _name) in a.payments.items()
                if (pay in a.contingent) == contingent
            )
            for contingent in (False, True)
        )
        amounts = [usd for _kind, usd in paid if usd is not None]
        attrs["amount"] = sum(amounts) if amounts else None
        attrs["distinct_payments"] = len(paid)
        potential_amounts = [usd for _kind, usd in potential if usd is not None]
        attrs["contingent_amount"] = sum(potential_amounts) if potential_amounts else None
        attrs["payments"] = sorted(
            (
                {"kind": k, "amount": usd, "document": d, "contingent": pay in a.contingent}
                for pay, (k, usd, d) in a.payments.items()
            ),
            key=lambda p: (p["document"] or "", p["amount"] or 0.0, p["kind"] or ""),
        )
    return attrs


def _add_phases(G: nx.MultiDiGraph, rows: Iterable[dict[str, Any]]) -> None:
    """Set each compound's latest current phase: the record of the latest document date, highest rank."""
    best: dict[str, tuple[str, int, str]] = {}
    for r in rows:
        if _text(r.get("status")) == "planned" or r["e"] not in G:
            continue
        date = _text(r.get("date")) or ""
        rank = int(r["rank"]) if r.get("rank") is not None else -1
        cand = (date, rank, str(r["phase"]))
        if r["e"] not in best or cand > best[r["e"]]:
            best[r["e"]] = cand
    for e, (date, _rank, phase) in best.items():
        G.nodes[e]["phase"] = phase
        G.nodes[e]["phase_date"] = date or None


# ---------------------------------------------------------------------------------------------------
# views


def partnership_network(G: nx.MultiDiGraph) -> nx.Graph:
    """Companies only, undirected: an edge where two companies partner or pay each other.

    Edge attributes: ``agreements`` (statements of a partnership; a payment implies one but counts only
    as a payment), ``payments`` (distinct payments, contingent ones left out), ``amount`` (US dollars paid
    either way), ``contingent_amount`` (potential payments), ``weight`` = agreements + payments (at least
    1), ``documents``.
    """
    P = nx.Graph()
    for node, data in G.nodes(data=True):
        if data.get("type") == "COMPANY":
            P.add_node(node, **data)
    for u, v, data in G.edges(data=True):
        rel = data.get("relation")
        if rel not in ("PARTNER_OF", "PAYMENT") or u not in P or v not in P or u == v:
            continue
        if not P.has_edge(u, v):
            P.add_edge(u, v, agreements=0, payments=0, amount=0.0, contingent_amount=0.0, documents=set())
        e = P.edges[u, v]
        if rel == "PARTNER_OF":
            e["agreements"] += int(data.get("agreements", data.get("count") or 1))
        else:
            # graphs from older projections have no distinct_payments: count the statements then
            e["payments"] += int(data.get("distinct_payments", data.get("count") or 1))
            e["amount"] += float(data.get("amount") or 0.0)
            e["contingent_amount"] += float(data.get("contingent_amount") or 0.0)
        e["documents"] |= set(data.get("documents") or ())
    for _u, _v, e in P.edges(data=True):
        e["weight"] = max(e["agreements"] + e["payments"], 1)
        e["documents"] = sorted(e["documents"])
        e["relation"] = "PARTNER_OF"
        e["label"] = f"partners ({e['weight']})" if e["weight"] > 1 else "partners"
        e["count"] = e["weight"]
    P.remove_nodes_from([n for n in list(P.nodes) if P.degree(n) == 0])
    return P


PIPELINE_RELATIONS = frozenset(t.name for t in schema.RELATION_TABLE if t.pipeline)


def pipeline_network(G: nx.MultiDiGraph, company: str | None = None) -> nx.MultiDiGraph:
    """Compounds and what the pipeline relations attach to them (targets, payloads, diseases, owners...).

    With ``company`` (an IRI, a label or an alias, case-insensitive), only the compounds that company
    develops or licenses. Partnerships and payments are left out: see :func:`partnership_network`.
    """
    compounds = {n for n, d in G.nodes(data=True) if d.get("type") == "COMPOUND"}
    if company is not None:
        wanted = company.casefold()
        owners = {
            n
            for n, d in G.nodes(data=True)
            if n == company
            or str(d.get("label", "")).casefold() == wanted
            or wanted in {a.casefold() for a in d.get("aliases") or ()}
        }
        compounds = {
            c
            for c in compounds
            if any(
                v in owners and d.get("relation") in ("DEVELOPED_BY", "LICENSED_TO")
                for _c, v, d in G.out_edges(c, data=True)
            )
        }
    keep = [
        (u, v, k)
        for u, v, k, d in G.edges(keys=True, data=True)
        if d.get("relation") in PIPELINE_RELATIONS and (u in compounds or v in compounds)
    ]
    view = G.edge_subgraph(keep).copy()
    view.add_nodes_from((c, G.nodes[c]) for c in compounds)
    return view


def view_network(G: nx.MultiDiGraph, name: str = "full", company: str | None = None) -> nx.Graph:
    """The graph of a view (:data:`~pharmakg.graph.views.VIEWS`): ``full`` (``G`` itself),
    ``partnership`` or ``pipeline`` (of ``company``, when given)."""
    view = canonical_view(name)
    if view == "partnership":
        return partnership_network(G)
    if view == "pipeline":
        return pipeline_network(G, company=company)
    return G
