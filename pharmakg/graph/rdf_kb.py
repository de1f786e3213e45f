"""Knowledge-base facts in RDF: identifiers (``skos:exactMatch``, tickers), former names, acquisitions and
mergers as dated ``pkg:CorporateEvent`` nodes (the module doc of :mod:`pharmakg.graph.rdf` says why).

They are written into the graph of each document that mentions the entity, so that they come and go with the
documents and adding a document again stays idempotent.
"""

from __future__ import annotations

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import RDF_TYPE, SKOS, identifier_iri, lit, n
from pharmakg.graph.resolve import kb_iri, slug
from pharmakg.model import Entity
from pharmakg.ontology.kb import KB
from pharmakg.ontology.namespaces import PKG, RESOURCES_IRI

# identifier schemes that are literals, not IRIs (scheme -> property)
LITERAL_IDENTIFIERS = {"ticker": PKG.ticker}
# schemes of the generated knowledge tables that identifiers.org does not resolve: their publishers' pages
# (drugbank, mesh and hgnc go through identifiers.org like every other scheme)
PAGE_IRIS = {
    "medlineplus": "https://medlineplus.gov/druginfo/meds/{}.html",
    "nhs": "https://www.nhs.uk/medicines/{}/",
}


def exact_match_iri(scheme: str, value: str) -> str:
    """The IRI a knowledge-base identifier names (skos:exactMatch object)."""
    template = PAGE_IRIS.get(scheme.lower())
    return template.format(value.strip()) if template else identifier_iri(scheme, value)


def kb_quads(ent: Entity, node: ox.NamedNode, graph: ox.NamedNode, kb: KB) -> list[ox.Quad]:
    """Knowledge-base facts about one entity: identifiers, former names, acquisitions (see the module doc)."""
    out: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Quad(s, n(p), o, graph))

    identity = kb.entity_identity(ent.type, ent.all_names())
    identifiers = dict(ent.identifiers)
    if identity is not None:
        add(node, PKG.kbKey, lit(identity))
        for scheme, value in kb.identifiers(identity).items():
            identifiers.setdefault(scheme, value)
    for scheme, value in sorted(identifiers.items()):
        if scheme.lower() in LITERAL_IDENTIFIERS:
            add(node, LITERAL_IDENTIFIERS[scheme.lower()], lit(value))
        else:
            add(node, SKOS + "exactMatch", n(exact_match_iri(scheme, str(value))))
    if identity is None or ent.type != "COMPANY":
        return out
    for name in kb.former_names(identity):
        add(node, PKG.formerName, lit(name))
    members = {rec.key for rec in kb.members(identity)}
    for ev in kb.history(identity):
        old, new = kb.record(ev.old), kb.record(ev.new)
        if ev.relation == "renamed":
            src = dst = node
        elif ev.old in members:
            src, dst = node, n(kb_iri(kb, kb.identity(ev.new)))
            if kb.identity(ev.new) == identity:
                continue
            # Decided from the knowledge base and this entity alone, never from the node's IRI, so that a
            # document adds the same quads whatever else is in the store (incremental = batch). When other
            # documents name the acquired and the acquirer as one entity ("Amgen (formerly Abgenix)"),
            # resolution merges them and this link becomes a loop on that node.
            add(src, PKG.acquiredBy, dst)
            add(dst, PKG.successorOf, src)
        else:
            continue  # the acquirer's side: stated where the acquired company is mentioned
        event = n(f"{RESOURCES_IRI}event/{slug(old.name)}-{slug(ev.relation)}-{slug(new.name)}")
        add(src, PKG.corporateEvent, event)
        add(event, RDF_TYPE, n(PKG.CorporateEvent))
        add(event, PKG.eventKind, lit(ev.relation))
        if ev.year:
            add(event, PKG.eventYear, lit(ev.year, "gYear"))
        add(event, PKG.fromCompany, src)
        add(event, PKG.toCompany, dst)
        add(event, PKG.fromName, lit(old.name))
        add(event, PKG.toName, lit(new.name))
    return out
