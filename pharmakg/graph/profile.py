"""An entity's profile (``pharmakg show NAME``): everything the graph says about it, in one place.

For every entity: its names (preferred label, the names documents use, knowledge-base synonyms and ids,
former names), the facts about it grouped by relation and other entity (first and last date stated, the
documents, territories and statuses), and the evidence: each statement with its document, date and
sentence. A compound adds its phase records (stage, date, pivotal, approval region, plans) and the deals
it is an asset of; a company adds its pipeline (the ``pipeline`` query), its deals (the deals table) and
its payments made and received with the money in and out, each distinct stated amount counted once.

The facts come from the internal queries ``profile-statements``, ``profile-phases`` and
``profile-payments`` (the entity's IRI bound as a term) and the bundled ``pipeline`` and ``deals``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyoxigraph as ox

from pharmakg.graph.names import NameIndex, NameMatch
from pharmakg.graph.queries import bind_parameters, load_internal_query
from pharmakg.graph.results import SparqlEndpoint

# (relation type, direction) -> the section a fact goes in; "out": the entity is the subject
SECTIONS: dict[tuple[str, str], str] = {
    ("DEVELOPED_BY", "out"): "owners",
    ("LICENSED_TO", "out"): "licensees",
    ("TARGETS", "out"): "targets",
    ("HAS_PAYLOAD", "out"): "payloads",
    ("HAS_ANTIBODY", "out"): "antibodies",
    ("INDICATION", "out"): "indications",
    ("USES_TECHNOLOGY", "out"): "technologies",
    ("EVALUATES", "out"): "evaluates",
    ("PARTNER_OF", "out"): "partners",
    ("PARTNER_OF", "in"): "partners",
    ("DEVELOPED_BY", "in"): "develops",
    ("LICENSED_TO", "in"): "licensed in",
    ("TARGETS", "in"): "targeted by",
    ("HAS_PAYLOAD", "in"): "carried by",
    ("HAS_ANTIBODY", "in"): "part of",
    ("INDICATION", "in"): "treated by",
    ("USES_TECHNOLOGY", "in"): "used by",
    ("EVALUATES", "in"): "evaluated in",
    ("PAYMENT", "out"): "paid",
    ("PAYMENT", "in"): "paid by",
}


def _rows(kg: SparqlEndpoint, query: str, iri: str) -> list[dict[str, Any]]:
    sparql = bind_parameters(load_internal_query(query), {"entity": ox.NamedNode(iri)})
    return kg.query(sparql).records()


def _split(value: Any) -> list[str]:
    return [p for p in str(value or "").split("; ") if p]


def names_of(index: NameIndex, iri: str) -> list[dict[str, str]]:
    """The entity's names with where each comes from, sorted; one row per name."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for e in index.entries:
        if e.iri == iri and not e.name.startswith(("http://", "https://")):
            kinds[e.name].add(e.kind)
    return [
        {"name": name, "from": ", ".join(sorted(k))}
        for name, k in sorted(kinds.items(), key=lambda kv: (kv[0].casefold(), kv[0]))
    ]


def facts(statements: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Statements grouped into facts: one per (section, other entity or value), with first and last date,
    documents, statuses, territories, licensors and option holders as stated."""
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for s in statements:
        section = SECTIONS.get((s["relationType"], s["direction"]))
        other = s.get("other") or (str(s["value"]) if s.get("value") is not None else "")
        if section is None or not other:
            continue
        f = grouped.setdefault(
            (section, other),
            {"name": other, "type": s.get("otherType"), "first": None, "last": None, "documents": set()},
        )
        f["documents"].add(s["document"])
        if s.get("date"):
            f["first"] = min(filter(None, (f["first"], s["date"])))
            f["last"] = max(filter(None, (f["last"], s["date"])))
        for key, values in (
            ("status", [s.get("status")]),
            ("territory", _split(s.get("territory"))),
            ("licensor", [s.get("licensor")]),
            ("optionHolder", [s.get("optionHolder")]),
        ):
            f.setdefault(key, set()).update(str(v) for v in values if v)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (section, _other), f in sorted(
        grouped.items(), key=lambda kv: (kv[0][0], kv[1]["first"] or "", kv[0][1])
    ):
        out[section].append({k: sorted(v) if isinstance(v, set) else v for k, v in f.items()})
    return dict(out)


def money(payments: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Sums of a company's payments, in and out, stated (paid, earned or due) and potential, per currency;
    each distinct (party, amount, currency, kind, status) once, so a payment restated in several documents
    is not summed twice (two equal payments in one document count once too: the sums are a floor)."""
    seen: set[tuple[Any, ...]] = set()
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for p in payments:
        key = (
            p["direction"],
            p.get("party"),
            p.get("amount"),
            p.get("currency"),
            p.get("kind"),
            p.get("status"),
        )
        if p.get("amount") is None or key in seen:
            continue
        seen.add(key)
        way = "in" if p["direction"] == "in" else "out"
        column = f"{way}: potential" if p.get("status") == "contingent" else f"{way}: paid, earned or due"
        sums[column][str(p.get("currency") or "?")] += float(p["amount"])
    return {k: dict(sorted(v.items())) for k, v in sorted(sums.items())}


def profile(kg: SparqlEndpoint, match: NameMatch, index: NameIndex) -> dict[str, Any]:
    """Everything the graph says about the entity ``match`` found (see the module doc), JSON-ready."""
    from pharmakg.graph.deals import deals
    from pharmakg.graph.queries import run_query

    statements = _rows(kg, "profile-statements", match.iri)
    out: dict[str, Any] = {
        "entity": match.label,
        "type": match.type,
        "iri": match.iri,
        "names": names_of(index, match.iri),
        "facts": facts(statements),
    }
    if match.type == "COMPOUND":
        out["phases"] = _rows(kg, "profile-phases", match.iri)
        out["deals"] = [d for d in deals(kg).records() if match.label in _split(d.get("assets"))]
    if match.type == "COMPANY":
        out["pipeline"] = run_query(kg, "pipeline", {"company": match.label, "limit": "all"}).records()
        out["deals"] = deals(kg, match.label).records()
        out["payments"] = _rows(kg, "profile-payments", match.iri)
        out["money"] = money(out["payments"])
    out["evidence"] = [
        {k: s.get(k) for k in ("date", "document", "relationType", "direction", "other", "value", "sentence")}
        for s in statements
    ]
    out["documents"] = sorted({s["document"] for s in statements})
    return out
