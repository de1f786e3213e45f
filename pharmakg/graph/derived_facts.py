"""The facts the store derives over all documents of an entity: its preferred label, name keys and latest
phase.

After every batch :class:`pharmakg.graph.store.KnowledgeGraph` refreshes ``skos:prefLabel``, ``pkg:nameKey``
and ``pkg:latestPhase(Date)`` of the entities the batch touched. ``pkg:nameKey`` holds each distinct name of
the entity (its ``skos:altLabel`` values, the preferred label among them) in lower case as SPARQL's ``LCASE``
gives it (:func:`name_key`), so a question finds an entity by any of its names in any case with one index
lookup (``BIND(LCASE(STR(?name)) AS ?key) ?e pkg:nameKey ?key``) instead of lowercasing every label of the
graph in a FILTER. Hub entities (a large partner, a common
indication) are touched by nearly every batch, and recounting their names over every document graph, or
reading every phase record of theirs, made the cost of a batch grow with the store (0.7 -> 10.5 ms per release
from the first to the last batches of a 5k-release build). So :class:`DerivedFacts` keeps, per entity, the
number of document graphs that give it each name and its best phase record so far. An entity's figures are
read from the store the first time it is refreshed, then kept up to date from the quads the store writes and
removes (:meth:`DerivedFacts.written`, :meth:`DerivedFacts.removed`); a rename forgets both entities (read
again when next needed). The values are those a recount over the store gives: the same graph to the quad.

Writes that bypass the store's methods are not seen: :meth:`pharmakg.graph.store.KnowledgeGraph.to_rdflib`
drops the whole cache.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from pharmakg.graph.display import preferred_label
from pharmakg.graph.rdf_terms import RDFS, RESOLVED_GRAPH, SKOS, n
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_PhaseKey = tuple[str, int, str]  # (date, rank, phase): the latest record has the highest key
_Phase = tuple[_PhaseKey, _Term, _Term | None]  # key, phase literal, date literal

ALT_LABEL, MAIN_LABEL = n(SKOS + "altLabel"), n(RDFS + "label")
PREF_LABEL, PHASE_RECORD = n(SKOS + "prefLabel"), n(PKG.phaseRecord)
LATEST, LATEST_DATE = n(PKG.latestPhase), n(PKG.latestPhaseDate)
ENTITY_TYPE = n(PKG.entityType)
NAME_KEY = n(PKG.nameKey)


def name_key(name: str) -> str:
    """The key a question matches a name by: SPARQL's ``LCASE`` of it (Python's full Unicode lower-casing,
    as Oxigraph's ``LCASE``, e.g. a final sigma; tests/graph/test_name_keys.py checks it against LCASE)."""
    return name.lower()


def _text(term: _Term | None) -> str:
    assert isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal), term
    return term.value


def missing_name_keys(store: ox.Store) -> list[ox.Quad]:
    """The name keys of a graph written before pharmakg had them (or by another tool), in graph/resolved:
    one per distinct lower-cased ``skos:prefLabel`` or ``skos:altLabel`` of each entity. None when the graph
    has a key (the store keeps them all from then on)."""
    if next(iter(store.quads_for_pattern(None, NAME_KEY, None, MERGED)), None) is not None:
        return []
    keys: set[tuple[ox.NamedNode, str]] = set()
    for p in (PREF_LABEL, ALT_LABEL):
        for q in store.quads_for_pattern(None, p, None, MERGED):
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
                keys.add((q.subject, name_key(q.object.value)))
    return [ox.Quad(e, NAME_KEY, ox.Literal(key), RESOLVED_GRAPH) for e, key in sorted(keys, key=str)]


class DerivedFacts:
    """Per-entity name counts and best phase record of a store, kept up to date as it is written."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        # IRI -> name -> [document graphs giving it as skos:altLabel, as rdfs:label]
        self._names: dict[str, dict[str, list[int]]] = {}
        # IRI -> best current phase record (None: none) over the records seen; new records since then
        self._phase: dict[str, _Phase | None] = {}
        self._new_records: dict[str, set[_Term]] = {}

    # ------------------------------------------------------------------------------------ bookkeeping
    def forget(self, iris: Iterable[str]) -> None:
        """These entities changed in a way the deltas do not tell (a rename): read them again."""
        for iri in iris:
            self._names.pop(iri, None)
            self._phase.pop(iri, None)
            self._new_records.pop(iri, None)

    def written(self, quads: Iterable[ox.Quad]) -> None:
        """Quads about to be added to the store (call before they are: a quad already there is no news)."""
        seen: set[ox.Quad] = set()
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph) or not isinstance(q.subject, ox.NamedNode):
                continue
            iri = q.subject.value
            if q.predicate == PHASE_RECORD and iri in self._phase:
                self._new_records.setdefault(iri, set()).add(q.object)
            elif q.predicate in (ALT_LABEL, MAIN_LABEL) and iri in self._names:
                if q in seen or q in self.store:
                    continue
                seen.add(q)
                self._count(iri, q, +1)

    def removed(self, quads: Iterable[ox.Quad]) -> None:
        """Quads about to be removed from the store (each of them is in it)."""
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph) or not isinstance(q.subject, ox.NamedNode):
                continue
            iri = q.subject.value
            if q.predicate == PHASE_RECORD:
                self._phase.pop(iri, None)  # the best record may be leaving: read them all again
                self._new_records.pop(iri, None)
            elif q.predicate in (ALT_LABEL, MAIN_LABEL) and iri in self._names:
                self._count(iri, q, -1)

    def _count(self, iri: str, q: ox.Quad, step: int) -> None:
        counts = self._names[iri].setdefault(_text(q.object), [0, 0])
        counts[0 if q.predicate == ALT_LABEL else 1] += step
        if counts == [0, 0]:
            del self._names[iri][_text(q.object)]

    # -------------------------------------------------------------------------------------- refreshing
    def refresh(self, entities: Iterable[str]) -> list[ox.Quad]:
        """Remove the entities' derived facts (every graph's copy) and return their new values, in
        graph/resolved, for the store to insert."""
        new: list[ox.Quad] = []
        for iri in sorted(set(entities)):
            e = ox.NamedNode(iri)
            for p in (PREF_LABEL, NAME_KEY, LATEST, LATEST_DATE):
                for q in list(self.store.quads_for_pattern(e, p, None, None)):
                    self.store.remove(q)
            label = self.preferred_label(iri)
            if label is None:
                continue  # no document names it any more
            new.append(ox.Quad(e, PREF_LABEL, ox.Literal(label), RESOLVED_GRAPH))
            # the names' keys, and the label's: a knowledge-base spelling of a typo is no document's name
            names = {name for name, (docs, _mains) in self._names[iri].items() if docs}
            keys = sorted({name_key(name) for name in names | {label}})
            new.extend(ox.Quad(e, NAME_KEY, ox.Literal(key), RESOLVED_GRAPH) for key in keys)
            phase = self.latest_phase(iri)
            if phase is not None:
                new.append(ox.Quad(e, LATEST, phase[1], RESOLVED_GRAPH))
                if phase[2] is not None:
                    new.append(ox.Quad(e, LATEST_DATE, phase[2], RESOLVED_GRAPH))
        return new

    def name_counts(self, iri: str) -> dict[str, tuple[int, int]]:
        """{name: (document graphs giving it as skos:altLabel, as rdfs:label)} of the entity, for the names
        some document gives it (:func:`pharmakg.graph.display.label_counts` without reading the store)."""
        counts = self._names.get(iri)
        if counts is None:
            counts = self._names[iri] = self._read_names(ox.NamedNode(iri))
        return {name: (docs, mains) for name, (docs, mains) in counts.items() if docs}

    def preferred_label(self, iri: str) -> str | None:
        """The label to show for the entity (:func:`pharmakg.graph.display.preferred_label`, from the names
        the documents give it); None when none names it."""
        named = self.name_counts(iri)
        if not named:
            return None
        e = ox.NamedNode(iri)
        etype = next((_text(q.object) for q in self.store.quads_for_pattern(e, ENTITY_TYPE, None, None)), "")
        return preferred_label(etype, named)

    def _read_names(self, e: ox.NamedNode) -> dict[str, list[int]]:
        # counted over the named graphs (the documents); the merged default graph is not a document
        counts: dict[str, list[int]] = {}
        for column, p in enumerate((ALT_LABEL, MAIN_LABEL)):
            for q in self.store.quads_for_pattern(e, p, None, None):
                if not isinstance(q.graph_name, ox.DefaultGraph):
                    counts.setdefault(_text(q.object), [0, 0])[column] += 1
        return counts

    def latest_phase(self, iri: str) -> _Phase | None:
        """(key, phase, date) of the latest dated current phase record, the highest stage on that date."""
        e = ox.NamedNode(iri)
        if iri in self._phase:
            records: Iterable[_Term] = self._new_records.pop(iri, set())
            best = self._phase[iri]
        else:
            records = [q.object for q in self.store.quads_for_pattern(e, PHASE_RECORD, None, MERGED)]
            best = None
        for rec in records:
            found = self._record(rec)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        self._phase[iri] = best
        return best

    def _record(self, rec: _Term) -> _Phase | None:
        """A current phase record's key, phase and date (None for a planned stage or no phase)."""
        assert isinstance(rec, ox.NamedNode | ox.BlankNode)
        phase, rank, date, status = (
            next((x.object for x in self.store.quads_for_pattern(rec, n(p), None, MERGED)), None)
            for p in (PKG.phase, PKG.phaseRank, PKG.phaseDate, PKG.phaseStatus)
        )
        if phase is None or (status is not None and _text(status) != "current"):
            return None  # planned stages are not the compound's stage
        key = (
            _text(date) if date is not None else "",
            int(_text(rank)) if rank is not None else -1,
            _text(phase),
        )
        return key, phase, date
