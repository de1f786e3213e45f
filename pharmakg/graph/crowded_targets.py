"""Kept per-target figures of the ``crowded-targets`` question: the companies that own compounds aimed at a
target, the compounds, their numbers and their names, joined as the answer prints them.

The question (``queries/internal/crowded-targets-reference.rq`` is its former text, kept as the reference)
ranks targets by the number of independent companies developing compounds aimed at them, directly or
through their antibody, a licensee not counting for a compound it is licensed. Asked over the graph, its 28
rows at 1.7k releases were built from every compound-target link with the compounds' owners (2,161
target-compound-company rows) and about 2,700 label lookups: 141 ms CPU, and no rewrite came near 50 ms (the
lookups alone are 30 to 60 ms). So the store keeps, per target with at least one owner of a compound aimed at
it, four facts in graph/resolved and the merged default graph (:func:`target_facts`, the one function that
computes them from the current facts):

- ``pkg:targetCompanyCount`` / ``pkg:targetCompoundCount``: the question's ``COUNT(DISTINCT ...)``;
- ``pkg:targetCompanies`` / ``pkg:targetCompounds``: its ``GROUP_CONCAT(DISTINCT ...)`` of the preferred
  labels, sorted and without repeats as :meth:`pharmakg.graph.results.QueryResult.sorted_lists` gives them
  (the order a ``kg.run`` answer shows; GROUP_CONCAT itself keeps none).

The question then reads one count per target, filters by ``minCompanies``, and reads the target's label,
type and the three other facts for the rows it keeps (the label and type are read live: a target's own label
is no part of the facts, so its changes cost nothing). Facts exist for every target with a row, not only the
crowded ones, since ``minCompanies`` may be 1.

Which targets a change touches (:class:`CrowdedTargets`, told by :class:`~pharmakg.graph.derived_facts.
DerivedFacts` what the store writes, removes and renames): a target's rows depend on its ``pkg:targets``
links, the antibodies of the compounds (``pkg:hasAntibody``), their developers and licensees, the types of
compounds and companies, and the preferred labels of compounds and companies. :func:`affected` gives the
targets whose rows an entity can change (its own facts if it is a target, those of the targets it aims at,
directly or through its antibodies, and of the compounds it develops or is licensed). A removed link is
followed before it goes (the targets it reached), a written one after the batch (the targets it reaches);
only a merged triple that appears or disappears counts (a fact a second document repeats changes nothing). A
preferred label counts when the refresh changes it. Renames (merges) follow both entities before they move.
The touched targets are recomputed from the store at the refresh that ends the batch, so the facts are always
those :func:`target_facts` gives over the whole graph: a store built in several runs holds the same facts as
one built at once. A hub target (hundreds of compounds) costs a few ms per batch that changes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import RDF_TYPE, RESOLVED_GRAPH, SKOS, int_lit, lit, n
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
TARGETS, HAS_ANTIBODY = n(PKG.targets), n(PKG.hasAntibody)
DEVELOPED_BY, LICENSED_TO = n(PKG.developedBy), n(PKG.licensedTo)
TYPE, PREF_LABEL = n(RDF_TYPE), n(SKOS + "prefLabel")
COMPOUND_CLASS, COMPANY_CLASS = n(PKG.Compound), n(PKG.Company)
COMPANY_COUNT, COMPANIES = n(PKG.targetCompanyCount), n(PKG.targetCompanies)
COMPOUND_COUNT, COMPOUNDS = n(PKG.targetCompoundCount), n(PKG.targetCompounds)
TARGET_FACTS = (COMPANY_COUNT, COMPANIES, COMPOUND_COUNT, COMPOUNDS)
LINKS = (TARGETS, HAS_ANTIBODY, DEVELOPED_BY, LICENSED_TO)  # the predicates a target's rows follow
SEPARATOR = "; "
Labels = Callable[[ox.NamedNode], list[str]]


def _objects(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode) -> list[ox.NamedNode]:
    found = store.quads_for_pattern(s, p, None, MERGED)
    return [q.object for q in found if isinstance(q.object, ox.NamedNode)]


def _subjects(store: ox.Store, p: ox.NamedNode, o: ox.NamedNode) -> list[ox.NamedNode]:
    return [
        q.subject for q in store.quads_for_pattern(None, p, o, MERGED) if isinstance(q.subject, ox.NamedNode)
    ]


def stored_labels(store: ox.Store) -> Labels:
    """The preferred labels of an entity as the store holds them."""

    def labels(e: ox.NamedNode) -> list[str]:
        found = store.quads_for_pattern(e, PREF_LABEL, None, MERGED)
        return [q.object.value for q in found if isinstance(q.object, ox.Literal)]

    return labels


def joined(names: Iterable[str]) -> str:
    """GROUP_CONCAT of ``names`` with the question's separator, sorted and without repeats as
    :meth:`pharmakg.graph.results.QueryResult.sorted_lists` shows such a cell."""
    v = SEPARATOR.join(dict.fromkeys(names))
    if SEPARATOR not in v:
        return v
    parts = dict.fromkeys(p for p in v.split(SEPARATOR) if p)
    return SEPARATOR.join(sorted(parts, key=lambda p: (p.casefold(), p)))


def owners(store: ox.Store, compound: ox.NamedNode) -> list[ox.NamedNode]:
    """The compound's developers that are not its licensees; all its developers when each is a licensee."""
    developers = _objects(store, compound, DEVELOPED_BY)
    licensees = set(_objects(store, compound, LICENSED_TO))
    return [d for d in developers if d not in licensees] or developers


def _aimed_at(store: ox.Store, target: ox.NamedNode) -> set[ox.NamedNode]:
    """What aims at the target: its subjects of ``pkg:targets``, and the compounds with one of them as
    antibody (the question's union; type-checked by the caller)."""
    direct = _subjects(store, TARGETS, target)
    return {*direct, *(c for ab in direct for c in _subjects(store, HAS_ANTIBODY, ab))}


def target_facts(store: ox.Store, target: ox.NamedNode, labels: Labels) -> list[ox.Quad]:
    """The kept facts of one target from the current facts (none: no owner of a compound aimed at it), in
    graph/resolved; ``labels`` gives an entity's preferred labels (the store's, or those a refresh is
    about to write)."""
    companies: set[ox.NamedNode] = set()
    compounds: set[ox.NamedNode] = set()
    company_names: list[str] = []
    compound_names: list[str] = []
    for c in sorted(_aimed_at(store, target), key=str):
        names = labels(c)
        if not names or ox.Quad(c, TYPE, COMPOUND_CLASS, MERGED) not in store:
            continue
        found = False
        for co in owners(store, c):
            co_names = labels(co)
            if co_names and ox.Quad(co, TYPE, COMPANY_CLASS, MERGED) in store:
                found = True
                companies.add(co)
                company_names += co_names
        if found:
            compounds.add(c)
            compound_names += names
    if not companies:
        return []
    return [
        ox.Quad(target, COMPANY_COUNT, int_lit(len(companies)), RESOLVED_GRAPH),
        ox.Quad(target, COMPANIES, lit(joined(sorted(company_names))), RESOLVED_GRAPH),
        ox.Quad(target, COMPOUND_COUNT, int_lit(len(compounds)), RESOLVED_GRAPH),
        ox.Quad(target, COMPOUNDS, lit(joined(sorted(compound_names))), RESOLVED_GRAPH),
    ]


def affected(store: ox.Store, e: ox.NamedNode) -> set[ox.NamedNode]:
    """The targets whose rows ``e`` can change as it stands now: itself (a target's own facts), what it aims
    at directly or through its antibodies (a compound or an antibody), and that for the compounds it
    develops or is licensed (a company)."""
    found = {e}
    compounds = [e, *_subjects(store, DEVELOPED_BY, e), *_subjects(store, LICENSED_TO, e)]
    for c in compounds:
        found.update(_objects(store, c, TARGETS))
        for ab in _objects(store, c, HAS_ANTIBODY):
            found.update(_objects(store, ab, TARGETS))
    return found


def missing_target_facts(store: ox.Store) -> list[ox.Quad]:
    """The facts of every target of a graph written without them, in graph/resolved."""
    targets = {q.object for q in store.quads_for_pattern(None, TARGETS, None, MERGED)}
    labels = stored_labels(store)
    return [
        q
        for t in sorted(targets, key=str)
        if isinstance(t, ox.NamedNode)
        for q in target_facts(store, t, labels)
    ]


def lacks_target_facts(store: ox.Store) -> bool:
    """Whether the graph has no target facts though a compound aims at a target and has a developer (the
    first such compound is enough to tell; cheap)."""
    if next(iter(store.quads_for_pattern(None, COMPANY_COUNT, None, MERGED)), None) is not None:
        return False
    return any(
        isinstance(q.subject, ox.NamedNode) and _objects(store, q.subject, DEVELOPED_BY)
        for q in store.quads_for_pattern(None, TARGETS, None, MERGED)
    )


def remove_target_facts(store: ox.Store, target: ox.NamedNode) -> None:
    """Every graph's copy of the target's kept facts."""
    for p in TARGET_FACTS:
        for q in list(store.quads_for_pattern(target, p, None, None)):
            store.remove(q)


class CrowdedTargets:
    """The targets whose kept facts a batch changes, noted as the store is written, recounted at its end."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._targets: set[ox.NamedNode] = set()  # to recompute: reached before a change
        self._entities: set[ox.NamedNode] = set()  # whose targets to recompute as they are after the batch
        self._labels_before: dict[str, list[str]] = {}  # preferred labels of the entities being refreshed

    def written(self, quads: Iterable[ox.Quad]) -> None:
        """Quads about to be added (to named graphs): a link or type whose merged triple is new."""
        for q in quads:
            if self._counts(q) and ox.Quad(q.subject, q.predicate, q.object, MERGED) not in self.store:
                assert isinstance(q.subject, ox.NamedNode)
                self._entities.add(q.subject)

    def removed(self, quads: list[ox.Quad]) -> None:
        """Quads about to be removed from their named graphs: a link or type whose merged triple goes with
        them (no other named graph holds it) changes the targets it reaches now."""
        leaving = set(quads)
        for q in quads:
            if not self._counts(q):
                continue
            held = any(
                not isinstance(other.graph_name, ox.DefaultGraph) and other not in leaving
                for other in self.store.quads_for_pattern(q.subject, q.predicate, q.object, None)
            )
            if not held:
                assert isinstance(q.subject, ox.NamedNode)
                self._targets |= affected(self.store, q.subject)

    def renaming(self, old: str, new: str) -> None:
        """``old`` is about to be merged into ``new``: the targets either reaches (the merged entity reaches
        their union)."""
        for iri in (old, new):
            self._targets |= affected(self.store, ox.NamedNode(iri))

    def before_refresh(self, entities: Iterable[str]) -> None:
        """The preferred labels of the entities a refresh is about to rewrite, to tell which change."""
        labels = stored_labels(self.store)
        self._labels_before = {iri: sorted(labels(ox.NamedNode(iri))) for iri in entities}

    def update(self, written: Iterable[ox.Quad] = ()) -> list[ox.Quad]:
        """The new facts of the targets touched since the last update, in graph/resolved (their former
        facts are removed from the store). ``written``: the quads a refresh of the entities of
        :meth:`before_refresh` is about to write (their new preferred labels; the store holds none of them
        now)."""
        new_labels: dict[str, list[str]] = {iri: [] for iri in self._labels_before}
        for q in written:
            if (
                q.predicate == PREF_LABEL
                and isinstance(q.subject, ox.NamedNode)
                and isinstance(q.object, ox.Literal)
            ):
                if q.subject.value in new_labels:
                    new_labels[q.subject.value].append(q.object.value)
        for iri, before in self._labels_before.items():
            if sorted(new_labels[iri]) != before:
                self._entities.add(ox.NamedNode(iri))
        targets = set(self._targets)
        for e in self._entities:
            targets |= affected(self.store, e)
        self._targets, self._entities, self._labels_before = set(), set(), {}
        labels = _with_refreshed(stored_labels(self.store), new_labels)
        found: list[ox.Quad] = []
        for t in sorted(targets, key=str):
            facts = target_facts(self.store, t, labels)
            kept = {q for p in TARGET_FACTS for q in self.store.quads_for_pattern(t, p, None, None)}
            if kept != {*facts, *(ox.Quad(q.subject, q.predicate, q.object, MERGED) for q in facts)}:
                remove_target_facts(self.store, t)  # (most recounts of a hub target change nothing)
                found += facts
        return found

    @staticmethod
    def _counts(q: ox.Quad) -> bool:
        if isinstance(q.graph_name, ox.DefaultGraph) or not isinstance(q.subject, ox.NamedNode):
            return False
        return q.predicate in LINKS or (q.predicate == TYPE and q.object in (COMPOUND_CLASS, COMPANY_CLASS))


def _with_refreshed(stored: Labels, refreshed: Mapping[str, list[str]]) -> Labels:
    def labels(e: ox.NamedNode) -> list[str]:
        found = refreshed.get(e.value)
        return found if found is not None else stored(e)

    return labels
