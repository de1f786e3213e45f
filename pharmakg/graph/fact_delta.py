"""An entity's derived facts (graph/resolved and their merged copies) removed or replaced by their delta."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import RESOLVED_GRAPH

_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def remove_facts(store: ox.Store, subject: ox.NamedNode, predicates: Iterable[ox.NamedNode]) -> None:
    """Every graph's copy of these facts of ``subject`` (graph/resolved and the merged default graph)."""
    for p in predicates:
        for q in list(store.quads_for_pattern(subject, p, None, None)):
            store.remove(q)


def replace_facts(
    store: ox.Store, subject: ox.NamedNode, predicates: Iterable[ox.NamedNode], facts: list[ox.Quad]
) -> list[ox.Quad]:
    """Make ``subject``'s facts of ``predicates`` those of ``facts`` (in graph/resolved) by their delta: the
    copies (any graph's) that are not among them are removed, and the facts not already held in both
    graph/resolved and the merged default graph are returned, for the store to insert. A hub entity touched
    by every batch keeps its dozens of unchanged name keys instead of having them removed and written back
    (which made the quads written per release grow with its names). A kill between the removal and the
    insert leaves facts missing, as the whole rewrite did; the next refresh of the entity writes them."""
    wanted = {(q.predicate, q.object) for q in facts}
    held: set[tuple[bool, ox.NamedNode, _Term]] = set()  # (in graph/resolved, predicate, object)
    for p in predicates:
        for q in list(store.quads_for_pattern(subject, p, None, None)):
            resolved = q.graph_name == RESOLVED_GRAPH
            if (resolved or isinstance(q.graph_name, ox.DefaultGraph)) and (q.predicate, q.object) in wanted:
                held.add((resolved, q.predicate, q.object))
            else:
                store.remove(q)
    return [q for q in facts if not {(True, q.predicate, q.object), (False, q.predicate, q.object)} <= held]
