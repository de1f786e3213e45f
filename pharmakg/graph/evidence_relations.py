"""Evidence groups: a subject's statements of one relation, found with a few lookups instead of checking the
relation on each of the subject's statements.

The ``evidence`` question asked with a subject and a relation but no object had to read the relation type
(and, failing that, the property's name) of every statement about the subject: two lookups per statement, for
the page and again for its total (115 ms CPU for the 1,579 statements of a hub at 1.1M quads). A statement
is now written with a link to its group, ``?a pkg:evidenceGroup ?g``, and the group says whose statements of
which relation it holds, in the two forms the relation parameter is compared in::

    ?g pkg:evidenceSubject ?s ; pkg:evidenceRelationType "TARGETS" ; pkg:evidenceProperty "targets" .

so the question reads the subject's groups (tens for a hub), keeps those of the relation asked about, and
reads their statements only.

A group is identified by what never depends on resolution or on the order documents arrive in: the subject's
document key (its type and folded name, as statement IRIs hash it), the relation type and the property. Its
triples are written in each document graph that has such a statement, so they leave with the documents,
and ``pkg:evidenceSubject`` names the resolved entity, so a rename or a merge of entities moves it with every
other triple of the entity (two groups may then name one subject: the question joins all of them). Two
entities that share a document key in different documents share its groups, so the question also checks
each statement's ``pkg:assertedSubject`` (a lookup per statement found, not per statement of the subject).

A graph written before the groups existed gets them once (:func:`missing_evidence_groups`), keyed by the
subject's IRI instead (its document keys are not in the graph): the same answers, other group IRIs.

Written with the statements too: ``?s pkg:notCurrentObject ?o`` in the document's graph for a statement that
is not current (``pkg:relationStatus``: declined, discontinued, an option), which has no direct triple, so the
documents that state a pair in any status are the graphs holding ``?s pkg:indication ?o`` (say) or that
triple: one lookup per pair, where ``compounds-by-indication`` read every statement that is not current in the
graph (about 10 ms of its page at 1.7k releases). :func:`missing_not_current` fills an older graph.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, lit, n, short_hash
from pharmakg.ontology.namespaces import PKG, RESOURCES_IRI

MERGED = ox.DefaultGraph()
EVIDENCE_GROUP, GROUP_SUBJECT = n(PKG.evidenceGroup), n(PKG.evidenceSubject)
GROUP_RELATION, GROUP_PROPERTY = n(PKG.evidenceRelationType), n(PKG.evidenceProperty)
RELATION_TYPE, SUBJECT, PREDICATE = n(PKG.relationType), n(PKG.assertedSubject), n(PKG.assertedPredicate)
OBJECT, STATUS, NOT_CURRENT = n(PKG.assertedObject), n(PKG.relationStatus), n(PKG.notCurrentObject)


def property_key(predicate: str | None) -> str:
    """The property's name as the question compares it: ``LCASE(STRAFTER(STR(?p), "#"))`` ("" for none)."""
    return "" if predicate is None or "#" not in predicate else predicate.split("#", 1)[1].lower()


def group_iri(subject_key: str, relation_type: str, predicate: str | None) -> ox.NamedNode:
    """The group of the statements about the subject known in documents as ``subject_key`` of that relation
    type and property."""
    return n(f"{RESOURCES_IRI}evidence-group/{short_hash(subject_key, relation_type, predicate or '')}")


def group_triples(
    group: ox.NamedNode, subject: ox.NamedNode, relation_type: str, predicate: str | None
) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """What a group says: its subject, its relation type and (when the statements have a property) the
    property's name."""
    out: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (group, GROUP_SUBJECT, subject),
        (group, GROUP_RELATION, lit(relation_type)),
    ]
    if key := property_key(predicate):
        out.append((group, GROUP_PROPERTY, lit(key)))
    return out


def _first(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode) -> ox.NamedNode | ox.Literal | None:
    q = next(iter(store.quads_for_pattern(s, p, None, MERGED)), None)
    return q.object if q is not None and isinstance(q.object, ox.NamedNode | ox.Literal) else None


def missing_evidence_groups(store: ox.Store) -> list[ox.Quad]:
    """The groups of the statements of a graph written without them, each statement's link and its group's
    triples in the named graphs that hold the statement's relation type (so they leave with its document)."""
    return sorted(set(evidence_group_quads(store)), key=str)


def evidence_group_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """:func:`missing_evidence_groups` one statement at a time: a group's triples come again with each of its
    statements in a graph (writing a quad twice stores it once)."""
    for q in store.quads_for_pattern(None, RELATION_TYPE, None, MERGED):
        a, relation = q.subject, q.object
        subject = _first(store, a, SUBJECT) if isinstance(a, ox.NamedNode) else None
        if not isinstance(a, ox.NamedNode) or not isinstance(subject, ox.NamedNode):
            continue
        if not isinstance(relation, ox.Literal):
            continue
        predicate = _first(store, a, PREDICATE)
        p = predicate.value if isinstance(predicate, ox.NamedNode) else None
        group = group_iri(f"@{subject.value}", relation.value, p)
        graphs = {g.graph_name for g in store.quads_for_pattern(a, RELATION_TYPE, None, None)} - {MERGED}
        # (a graph read from a triples file has no document graphs: its groups go to graph/resolved)
        for g in sorted(graphs, key=str) or [RESOLVED_GRAPH]:
            yield ox.Quad(a, EVIDENCE_GROUP, group, g)
            yield from (ox.Quad(*t, g) for t in group_triples(group, subject, relation.value, p))


def _not_current(store: ox.Store) -> Iterator[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]]:
    """(statement, subject, object) of the statements with a status (not current) and an object."""
    for q in store.quads_for_pattern(None, STATUS, None, MERGED):
        a = q.subject
        if isinstance(a, ox.NamedNode):
            s, o = _first(store, a, SUBJECT), _first(store, a, OBJECT)
            if isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode):
                yield a, s, o


def lacks_not_current(store: ox.Store) -> bool:
    """Whether a graph has statements that are not current but none of their ``pkg:notCurrentObject``."""
    if next(iter(store.quads_for_pattern(None, NOT_CURRENT, None, MERGED)), None) is not None:
        return False
    return next(_not_current(store), None) is not None


def missing_not_current(store: ox.Store) -> list[ox.Quad]:
    """The ``pkg:notCurrentObject`` triples of a graph written without them, in the named graphs that hold
    each statement's status (its document's)."""
    return sorted(set(not_current_quads(store)), key=str)


def not_current_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """:func:`missing_not_current` one statement at a time (a pair stated twice in a graph comes twice)."""
    for a, s, o in _not_current(store):
        graphs = {g.graph_name for g in store.quads_for_pattern(a, STATUS, None, None)} - {MERGED}
        yield from (ox.Quad(s, NOT_CURRENT, o, g) for g in sorted(graphs, key=str) or [RESOLVED_GRAPH])
