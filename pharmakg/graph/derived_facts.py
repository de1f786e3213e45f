"""The facts the store derives over all documents: an entity's preferred label, name keys, latest phase and
number of documents, and a document's numbers of entities and statements.

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

The figures that list questions show per row are kept too, so a question reads one triple per figure instead
of counting over the graph: ``pkg:documentCount`` per entity (the documents that mention it: counted from the
``pkg:mentionedIn`` triples the store writes and removes, like the names) and ``pkg:entityCount`` /
``pkg:assertionCount`` per Document node (counted in the merged graph when the document is written, and again
for the documents where a merge of two entities both mentioned in them leaves one). And
``pkg:compoundOrder`` per compound, an integer that sorts the compounds as their labels do, so that a list of
compounds, or a page of it, is ranked by one index scan (:mod:`pharmakg.graph.compound_order`: refreshed with
the labels, and after renames). And per target the figures of the ``crowded-targets`` question (its companies
and compounds, counted and listed: :mod:`pharmakg.graph.crowded_targets`, recounted for the compounds a batch
touches).

An entity's best phase record is not read from its records at its first refresh in a process: the kept
``pkg:latestPhase`` (and date) that the last refresh wrote give it, unless a record left the entity since
or it was renamed (:meth:`DerivedFacts._read_kept_phase`). A graph written before a kind of these facts
existed gets them at its first opening for writing (:mod:`pharmakg.graph.stream_fill`, in bounded chunks).

Writes that bypass the store's methods are not seen: :meth:`pharmakg.graph.store.KnowledgeGraph.to_rdflib`
drops the whole cache (and the kept phases are not trusted by that writer again).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from pharmakg.graph.agreement_pairs import AgreementPairs
from pharmakg.graph.compound_order import COMPOUND, CompoundOrder
from pharmakg.graph.crowded_targets import CrowdedTargets
from pharmakg.graph.deal_facts import WATCHED as DEAL_WATCHED
from pharmakg.graph.deal_facts import DealLicences
from pharmakg.graph.display import preferred_label
from pharmakg.graph.document_order import DocumentOrder
from pharmakg.graph.fact_delta import remove_facts, replace_facts
from pharmakg.graph.kept_name_counts import StoredNames
from pharmakg.graph.kept_target_rows import StoredRows
from pharmakg.graph.pair_order import WATCHED, PairOrder
from pharmakg.graph.rdf_terms import RDF_TYPE, RDFS, RESOLVED_GRAPH, SKOS, int_lit, n
from pharmakg.model import PHASES
from pharmakg.ontology.namespaces import PKG, PROV

MERGED = ox.DefaultGraph()
_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_PhaseKey = tuple[str, int, str]  # (date, rank, phase): the latest record has the highest key
_Phase = tuple[_PhaseKey, _Term, _Term | None]  # key, phase literal, date literal

ALT_LABEL, MAIN_LABEL = n(SKOS + "altLabel"), n(RDFS + "label")
PREF_LABEL, PHASE_RECORD = n(SKOS + "prefLabel"), n(PKG.phaseRecord)
LATEST, LATEST_DATE = n(PKG.latestPhase), n(PKG.latestPhaseDate)
ENTITY_TYPE = n(PKG.entityType)
NAME_KEY = n(PKG.nameKey)
MENTIONED_IN, DOCUMENT_COUNT = n(PKG.mentionedIn), n(PKG.documentCount)
ENTITY_COUNT, ASSERTION_COUNT = n(PKG.entityCount), n(PKG.assertionCount)
TYPE, DERIVED_FROM = n(RDF_TYPE), n(PROV.wasDerivedFrom)
DOCUMENT, ASSERTION = n(PKG.Document), n(PKG.Assertion)
ENTITY_FACTS = (PREF_LABEL, NAME_KEY, LATEST, LATEST_DATE, DOCUMENT_COUNT)


def name_key(name: str) -> str:
    """The key a question matches a name by: SPARQL's ``LCASE`` of it (Python's full Unicode lower-casing,
    as Oxigraph's ``LCASE``, e.g. a final sigma; tests/graph/test_name_keys.py checks it against LCASE)."""
    return name.lower()


def _text(term: _Term | None) -> str:
    assert isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal), term
    return term.value


def document_counts(store: ox.Store, doc: ox.NamedNode) -> list[ox.Quad]:
    """A document's number of entities (distinct subjects of ``pkg:mentionedIn`` it) and of statements
    (distinct ``pkg:Assertion`` nodes derived from it), counted in the merged graph, in graph/resolved."""
    entities = {q.subject for q in store.quads_for_pattern(None, MENTIONED_IN, doc, MERGED)}
    assertions = {
        q.subject
        for q in store.quads_for_pattern(None, DERIVED_FROM, doc, MERGED)
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode)
        and ox.Quad(q.subject, TYPE, ASSERTION, MERGED) in store
    }
    return [
        ox.Quad(doc, ENTITY_COUNT, int_lit(len(entities)), RESOLVED_GRAPH),
        ox.Quad(doc, ASSERTION_COUNT, int_lit(len(assertions)), RESOLVED_GRAPH),
    ]


def has_name_key(store: ox.Store, name: str, types: Iterable[str]) -> bool:
    """Whether an entity of one of ``types`` (none: any type) has ``name``, in any case, among its names:
    one lookup of the name keys, where the question's name index would first read every name of the graph."""
    wanted = {ox.Literal(t) for t in types}
    return any(
        not wanted or q.object in wanted
        for k in store.quads_for_pattern(None, NAME_KEY, ox.Literal(name_key(name.strip())), MERGED)
        for q in store.quads_for_pattern(k.subject, ENTITY_TYPE, None, MERGED)
    )


class DerivedFacts:
    """Per-entity name counts and best phase record of a store, kept up to date as it is written."""

    ENTITY_LIMIT = 20_000  # entities whose figures are kept between batches (see trim)

    def __init__(self, store: ox.Store, kept_rows: bool = False) -> None:
        self.store = store
        # IRI -> name -> [document graphs giving it as skos:altLabel, as rdfs:label]
        self._names: dict[str, dict[str, list[int]]] = {}
        # IRI -> best current phase record (None: none) over the records seen; new records since then
        self._phase: dict[str, _Phase | None] = {}
        self._new_records: dict[str, set[_Term]] = {}  # (of every entity: a kept best is read at its refresh)
        # entities whose kept pkg:latestPhase no longer gives their best record (a record left, a rename)
        self._phases_changed: set[str] = set()
        self.trust_kept_phases = True  # False: the store was written behind this writer (to_rdflib)
        # IRI -> number of documents mentioning it (pkg:mentionedIn in the merged graph)
        self._mentions: dict[str, int] = {}
        # Document nodes to count at the next refresh: written since, or where a merge joined two entities
        self._documents: set[ox.NamedNode] = set()
        self.order = CompoundOrder(store)  # the compounds' pkg:compoundOrder keys
        self.document_order = DocumentOrder(store)  # the documents' pkg:documentOrder keys
        self.pairs = PairOrder(store)  # the pairs of companies' pkg:dealOrder / pkg:sharedPartnerOrder keys
        self.licences = DealLicences(store)  # the licence statements' pkg:licensedFrom / pkg:licencePair
        self.agreements = AgreementPairs(store)  # the agreements' pkg:agreementPair
        self._left: set[ox.NamedNode] = set()  # Document nodes removed since the last refresh
        # the targets' kept figures of crowded-targets (their rows kept in an on-disk store: ``kept_rows``)
        self.crowds = CrowdedTargets(store, StoredRows(store) if kept_rows else None)
        # an on-disk store keeps the name counts too (kept_name_counts): read from there, not from the labels
        self.kept_names = StoredNames(store) if kept_rows else None
        self._kept_names_checked = False
        self._names_before: dict[str, dict[str, list[int]]] = {}  # counts as kept, of the names changed since
        self._names_whole: set[str] = set()  # renamed since the last refresh: their kept counts written whole
        self.deferring = False  # the kinds of stream_fill.DEFERRED are left to a fill (deferred.defer)

    def invalidate(self) -> None:
        """The store was written behind this writer: kept rows, counts and phases are not to be trusted."""
        self.crowds.invalidate()
        if self.kept_names is not None:
            self.kept_names.unready()
        self._kept_names_checked = False
        self.trust_kept_phases = False

    # ------------------------------------------------------------------------------------ bookkeeping
    def forget(self, iris: Iterable[str]) -> None:
        """These entities changed in a way the deltas do not tell (a rename): read them again."""
        iris = list(iris)
        self._phases_changed.update(iris)
        self._drop(iris)

    def _drop(self, iris: Iterable[str]) -> None:
        for iri in iris:
            self._names.pop(iri, None)
            self._phase.pop(iri, None)
            self._new_records.pop(iri, None)
            self._mentions.pop(iri, None)

    def trim(self, keep: set[str]) -> None:
        """Past ``ENTITY_LIMIT`` entities, forget the figures of all but ``keep`` (those of the last batch):
        they are read again when next needed, so a writer's memory stays bounded while hub entities, which
        nearly every batch touches, stay."""
        if max(len(self._names), len(self._mentions), len(self._phase)) > self.ENTITY_LIMIT:
            self._drop({*self._names, *self._mentions, *self._phase} - keep)  # (their kept facts are right)

    def renaming(self, old: str, new: str) -> None:
        """``old`` is about to be merged into ``new``: a document that mentions both will mention one entity
        fewer (counted again at the next refresh), and both entities' figures are read again."""
        o, nw = ox.NamedNode(old), ox.NamedNode(new)
        for q in self.store.quads_for_pattern(o, MENTIONED_IN, None, MERGED):
            if (
                isinstance(q.object, ox.NamedNode)
                and ox.Quad(nw, MENTIONED_IN, q.object, MERGED) in self.store
            ):
                self._documents.add(q.object)
        self.forget([old, new])
        if self.kept_names is not None and self._uses_kept_names():
            self._changing_names()
            self._names_whole.update((old, new))  # (the rename moves old's counts to new: rewritten whole)
        self.order.renaming(old, new)
        self.pairs.renaming(old, new)
        self.licences.renaming(old, new)
        self.agreements.renaming(old, new)
        self.crowds.renaming(old, new)

    def written(self, quads: Iterable[ox.Quad]) -> None:
        """Quads about to be added to the store (call before they are: a quad already there is no news)."""
        quads = list(quads)
        self.crowds.written(quads)
        seen: set[ox.Quad] = set()
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph) or not isinstance(q.subject, ox.NamedNode):
                continue
            iri = q.subject.value
            if q.predicate == PHASE_RECORD:
                self._new_records.setdefault(iri, set()).add(q.object)
            elif q.predicate in (ALT_LABEL, MAIN_LABEL) and self._names_loaded(iri):
                if q in seen or q in self.store:
                    continue
                seen.add(q)
                self._count(iri, q, +1)
            elif q.predicate == MENTIONED_IN and iri in self._mentions:
                triple = ox.Quad(q.subject, q.predicate, q.object, MERGED)
                if triple not in seen and triple not in self.store:  # a new document for the entity
                    seen.add(triple)
                    self._mentions[iri] += 1
            elif q.predicate == TYPE and q.object == DOCUMENT:
                self._documents.add(q.subject)
            elif q.predicate in WATCHED or q.predicate in DEAL_WATCHED:
                self._watched(q, written=True)

    def removed(self, quads: Iterable[ox.Quad]) -> None:
        """Quads about to be removed from the store (each of them is in it)."""
        quads = list(quads)
        self.crowds.removed(quads)
        leaving = set(quads)
        gone: set[ox.Quad] = set()
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph) or not isinstance(q.subject, ox.NamedNode):
                continue
            iri = q.subject.value
            if q.predicate == PHASE_RECORD:
                self._phase.pop(iri, None)  # the best record may be leaving: read them all again
                self._new_records.pop(iri, None)
                self._phases_changed.add(iri)
            elif q.predicate in (ALT_LABEL, MAIN_LABEL) and self._names_loaded(iri):
                self._count(iri, q, -1)
            elif q.predicate == MENTIONED_IN and iri in self._mentions:
                triple = ox.Quad(q.subject, q.predicate, q.object, MERGED)
                if triple not in gone and not self._held_elsewhere(triple, leaving):
                    gone.add(triple)
                    self._mentions[iri] -= 1
            elif q.predicate == TYPE and q.object == DOCUMENT:
                self._documents.discard(q.subject)  # its counts leave with it
                self._left.add(q.subject)  # (and its order key, at the next refresh)
                remove_facts(self.store, q.subject, (ENTITY_COUNT, ASSERTION_COUNT))
            elif q.predicate in WATCHED or q.predicate in DEAL_WATCHED:
                self._watched(q, written=False)

    def _watched(self, q: ox.Quad, written: bool) -> None:
        if q.predicate in WATCHED:
            self.pairs.seen(q, written=written)
            self.agreements.seen(q)
        if q.predicate in DEAL_WATCHED:  # (pkg:partnerOf is news to both)
            self.licences.seen(q, written=written)

    def _held_elsewhere(self, triple: ox.Quad, leaving: set[ox.Quad]) -> bool:
        """Whether a named graph other than those leaving holds the triple (its merged copy then stays)."""
        return any(
            not isinstance(other.graph_name, ox.DefaultGraph) and other not in leaving
            for other in self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
        )

    def _count(self, iri: str, q: ox.Quad, step: int) -> None:
        counts = self._names[iri].setdefault(_text(q.object), [0, 0])
        if self.kept_names is not None:
            self._changing_names()
            self._names_before.setdefault(iri, {}).setdefault(_text(q.object), list(counts))
        counts[0 if q.predicate == ALT_LABEL else 1] += step
        if counts == [0, 0]:
            del self._names[iri][_text(q.object)]

    # ------------------------------------------------------------------ name counts kept in an on-disk store
    def _names_loaded(self, iri: str) -> bool:
        """Whether the entity's name counts are in memory, to count a label written or removed; with kept
        counts they are read (from the kept graph, as they were before this batch) at its first label."""
        if iri not in self._names and self.kept_names is not None and self._uses_kept_names():
            self._names[iri] = self._read_names(ox.NamedNode(iri))
        return iri in self._names

    def _uses_kept_names(self) -> bool:
        """The first use in a process of a store without complete kept counts writes them all."""
        assert self.kept_names is not None
        if not self._kept_names_checked:
            self._kept_names_checked = True
            if not self.kept_names.ready():
                # named in a document graph: a build killed between a batch's two writes (_insert) left
                # some labels without their merged copy, and the counts are of the document graphs
                entities = {
                    q.subject
                    for p in (ALT_LABEL, MAIN_LABEL)
                    for q in self.store.quads_for_pattern(None, p, None, None)
                    if isinstance(q.subject, ox.NamedNode) and not isinstance(q.graph_name, ox.DefaultGraph)
                }
                ordered = sorted(entities, key=str)
                self.kept_names.write_all((e, self._count_names(e)) for e in ordered)
        return True

    def _changing_names(self) -> None:
        """A count is about to change: the kept counts are not the store's until written (a kill then
        leaves them unmarked, to be written again whole)."""
        assert self.kept_names is not None
        if not self._names_before and not self._names_whole:
            self.kept_names.unready()

    def _write_names(self) -> None:
        """Write the counts changed since the last refresh to the kept graph, and mark it ready."""
        if self.kept_names is None and not self._kept_names_checked:
            # a graph in memory keeps no counts: those of a store it was loaded from go stale
            self._kept_names_checked = True
            StoredNames(self.store).unready()
        if self.kept_names is None or not (self._names_before or self._names_whole):
            return
        for iri in sorted(self._names_whole):
            e = ox.NamedNode(iri)
            self.kept_names.replace(e, self._names[iri] if iri in self._names else self._count_names(e))
        for iri, before in sorted(self._names_before.items()):
            if iri in self._names_whole:
                continue
            if iri not in self._names:  # (forgotten: no document names it any more, or read again)
                self.kept_names.replace(ox.NamedNode(iri), self._count_names(ox.NamedNode(iri)))
                continue
            for name, old in before.items():
                if (new := self._names[iri].get(name, [0, 0])) != old:
                    self.kept_names.change(ox.NamedNode(iri), name, old, list(new))
        self._names_before.clear()
        self._names_whole.clear()
        self.kept_names.mark_ready()

    # -------------------------------------------------------------------------------------- refreshing
    def refresh(self, entities: Iterable[str]) -> list[ox.Quad]:
        """Remove the entities' derived facts (every graph's copy) and return their new values, in
        graph/resolved, for the store to insert; with the counts of the documents written since the last
        refresh (and of those a merge changed)."""
        new: list[ox.Quad] = []
        compounds: dict[str, str | None] = {}  # the new labels of compounds (None: of entities no more named)
        labels: dict[str, str | None] = {}  # the new labels of all (the pair keys rank companies by them)
        entities = sorted(set(entities))
        self.crowds.before_refresh(entities)  # (their labels before: a changed one changes targets' figures)
        self.pairs.labels_before(entities)
        preferred: list[ox.Quad] = []  # every refreshed entity's label, changed or not (the targets' figures)
        kept = (PREF_LABEL, LATEST, LATEST_DATE) if self.deferring else ENTITY_FACTS  # (deferring: no counts)
        for iri in entities:
            e = ox.NamedNode(iri)
            self._read_kept_phase(iri)  # (before the facts are removed)
            label = labels[iri] = self.preferred_label(iri)
            if label is None or self._entity_type(e) == COMPOUND:
                compounds[iri] = label
            if label is None:
                remove_facts(self.store, e, ENTITY_FACTS)
                self.forget([iri])
                continue  # no document names it any more
            facts = [ox.Quad(e, PREF_LABEL, ox.Literal(label), RESOLVED_GRAPH)]
            preferred.append(facts[0])
            phase = self.latest_phase(iri)
            if phase is not None:
                facts.append(ox.Quad(e, LATEST, phase[1], RESOLVED_GRAPH))
                if phase[2] is not None:
                    facts.append(ox.Quad(e, LATEST_DATE, phase[2], RESOLVED_GRAPH))
            if not self.deferring:  # the names' keys and the label's (a KB's spelling of a typo is no name)
                names = {name for name, (docs, _mains) in self._names[iri].items() if docs}
                keys = sorted({name_key(name) for name in names | {label}})
                facts.extend(ox.Quad(e, NAME_KEY, ox.Literal(key), RESOLVED_GRAPH) for key in keys)
                facts.append(ox.Quad(e, DOCUMENT_COUNT, int_lit(self.document_count(iri)), RESOLVED_GRAPH))
            new.extend(replace_facts(self.store, e, kept, facts))
        for doc in sorted(() if self.deferring else self._documents, key=str):
            counts = (
                document_counts(self.store, doc) if ox.Quad(doc, TYPE, DOCUMENT, MERGED) in self.store else []
            )
            new.extend(replace_facts(self.store, doc, (ENTITY_COUNT, ASSERTION_COUNT), counts))
        new += self.document_order.update(sorted(self._documents | self._left, key=str))
        self._documents.clear()
        self._left.clear()
        self._write_names()
        new += self.order.update(compounds) + self.crowds.update(preferred) + self.pairs.update(labels)
        return new + self.licences.update() + self.agreements.update()

    def reorder(self) -> list[ox.Quad]:
        """The compound order keys to write after renames that no refresh follows (a build's IRIs re-minted at
        its end: a key ranks ties by IRI), the targets' figures the renames touched, and the pair keys; the
        old ones are removed (the order keys at :meth:`remove_replaced`)."""
        self._write_names()
        new = self.order.update({}) + self.crowds.update() + self.pairs.update({}) + self.licences.update()
        return new + self.agreements.update()

    def left(self, documents: Iterable[ox.NamedNode]) -> None:
        """Documents a rolled-back batch removed, maybe before a kill: their order keys are placed again."""
        self._left.update(documents)

    def remove_replaced(self) -> None:
        """Remove the order keys the last refresh or reorder replaced, once their new values are written: a
        build killed in between leaves every compound, document and pair a key (see :mod:`.order_buckets`)."""
        self.order.remove_replaced()
        self.document_order.remove_replaced()
        self.pairs.remove_replaced()

    def document_count(self, iri: str) -> int:
        """The number of documents that mention the entity (``pkg:mentionedIn`` in the merged graph)."""
        if iri not in self._mentions:
            e = ox.NamedNode(iri)
            self._mentions[iri] = sum(1 for _ in self.store.quads_for_pattern(e, MENTIONED_IN, None, MERGED))
        return self._mentions[iri]

    def name_counts(self, iri: str) -> dict[str, tuple[int, int]]:
        """{name: (document graphs giving it as skos:altLabel, as rdfs:label)} of the entity, for the names
        some document gives it (:func:`pharmakg.graph.display.label_counts` without reading the store)."""
        if iri not in self._names:
            self._names[iri] = self._read_names(ox.NamedNode(iri))
        return self.name_counts_once(iri)

    def name_counts_once(self, iri: str) -> dict[str, tuple[int, int]]:
        """:meth:`name_counts`, read from the store without keeping them when they are not kept already
        (for a pass over many entities, whose figures would fill the memory)."""
        counts = self._names.get(iri)
        if counts is None:
            counts = self._read_names(ox.NamedNode(iri))
        return {name: (docs, mains) for name, (docs, mains) in counts.items() if docs}

    def preferred_label(self, iri: str) -> str | None:
        """The label to show for the entity (:func:`pharmakg.graph.display.preferred_label`, from the names
        the documents give it); None when none names it."""
        named = self.name_counts(iri)
        if not named:
            return None
        return preferred_label(self._entity_type(ox.NamedNode(iri)), named)

    def _entity_type(self, e: ox.NamedNode) -> str:
        return next((_text(q.object) for q in self.store.quads_for_pattern(e, ENTITY_TYPE, None, None)), "")

    def _read_names(self, e: ox.NamedNode) -> dict[str, list[int]]:
        if self.kept_names is not None and e.value not in self._names_whole and self._uses_kept_names():
            return self.kept_names.read(e)
        return self._count_names(e)

    def _count_names(self, e: ox.NamedNode) -> dict[str, list[int]]:
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
            self._new_records.pop(iri, None)  # (among those read)
            self._phases_changed.discard(iri)
        for rec in records:
            found = self._record(rec)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        self._phase[iri] = best
        return best

    def _read_kept_phase(self, iri: str) -> None:
        """Take the entity's best record so far from its kept ``pkg:latestPhase`` (and date), which the last
        refresh wrote, unless a record left it since or it was renamed: a hub's first refresh in a writer
        process then reads two facts instead of its thousands of phase records (the records written since
        are added by :meth:`latest_phase`). A record's key is rebuilt from its phase and date, its rank
        being the phase's place in :data:`pharmakg.model.PHASES` (as :mod:`pharmakg.graph.rdf` writes it)."""
        if iri in self._phase or iri in self._phases_changed or not self.trust_kept_phases:
            return
        e = ox.NamedNode(iri)
        phases = [q.object for q in self.store.quads_for_pattern(e, LATEST, None, RESOLVED_GRAPH)]
        dates = [q.object for q in self.store.quads_for_pattern(e, LATEST_DATE, None, RESOLVED_GRAPH)]
        if len(phases) > 1 or len(dates) > 1 or (dates and not phases):
            return  # not what a refresh writes: read the records
        if not phases:  # no current record before this batch's, or no facts kept (a graph from elsewhere)
            new = self._new_records.get(iri, set())
            if all(q.object in new for q in self.store.quads_for_pattern(e, PHASE_RECORD, None, MERGED)):
                self._phase[iri] = None
            return
        phase, date = phases[0], dates[0] if dates else None
        rank = PHASES.index(_text(phase)) if _text(phase) in PHASES else -1
        self._phase[iri] = ((_text(date) if date is not None else "", rank, _text(phase)), phase, date)

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
