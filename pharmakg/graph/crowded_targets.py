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

How the facts follow changes (:class:`CrowdedTargets`, told by :class:`~pharmakg.graph.derived_facts.
DerivedFacts` what the store writes, removes and renames). A target's figures are sums over *rows*, one per
compound aimed at it (directly, or through an antibody of the compound): the compound's owners that are
companies and its preferred labels (:func:`compound_row`). A row depends on the compound's ``pkg:targets``,
``pkg:hasAntibody``, ``pkg:developedBy`` and ``pkg:licensedTo`` links, the antibodies' targets, the types of
the compound and its owners, and the compound's label; the sum also reads the owners' labels. So a change
touches the (target, compound) pairs that :func:`pairs` finds from the entity it is about: the compound
itself, the compounds a company develops or is licensed, the compounds carrying an antibody. A removed link
is followed before it goes (the pairs it reached), a written one after the batch (the pairs it reaches);
only a merged triple that appears or disappears counts (a fact a second document repeats changes nothing). A
preferred label counts when the refresh changes it; renames (merges) follow both entities before they move
and the merged one after, and a renamed target is read again whole.

The rows of a target are read the first time a batch touches it, then only the touched rows are recounted,
and its figures summed again in memory; they are written only when they change. An on-disk store keeps the
rows themselves (:mod:`pharmakg.graph.kept_target_rows`: one scan reads a target's rows, and a new writer
process recounts no more than the rows its batches touch); a graph in memory recounts every compound aimed
at a target the first time (a long build pays it once). Recounting a hub target whole at every batch that
touches it (nearly every batch: 56 ms a batch at 1k releases, growing with the store) is what this avoids.
The figures are always those :func:`target_facts` gives over the whole graph, which depend only on the
graph: a store built in several runs holds the same facts as one built at once (tested against a recount
after every batch).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox

from pharmakg.graph.fact_delta import remove_facts
from pharmakg.graph.kept_target_rows import ROWS_GRAPH, StoredRows
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
Labels = Callable[[ox.NamedNode], Sequence[str]]
Row = tuple[frozenset[ox.NamedNode], tuple[str, ...]]  # a compound's owners that are companies, its labels
Pair = tuple[ox.NamedNode, ox.NamedNode]  # (target, compound)


def _objects(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode) -> list[ox.NamedNode]:
    found = store.quads_for_pattern(s, p, None, MERGED)
    return [q.object for q in found if isinstance(q.object, ox.NamedNode)]


def _subjects(store: ox.Store, p: ox.NamedNode, o: ox.NamedNode) -> list[ox.NamedNode]:
    return [
        q.subject for q in store.quads_for_pattern(None, p, o, MERGED) if isinstance(q.subject, ox.NamedNode)
    ]


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    return term.value if isinstance(term, ox.Literal) else str(term)


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


def aims_at(store: ox.Store, compound: ox.NamedNode, target: ox.NamedNode) -> bool:
    """Whether the compound aims at the target, directly or through one of its antibodies."""
    return ox.Quad(compound, TARGETS, target, MERGED) in store or any(
        ox.Quad(ab, TARGETS, target, MERGED) in store for ab in _objects(store, compound, HAS_ANTIBODY)
    )


def compound_row(store: ox.Store, compound: ox.NamedNode, labels: Labels) -> Row | None:
    """A compound's part in the figures of the targets it aims at: its owners that are companies and its
    preferred labels (None: not a labelled compound, or no such owner). Whether an owner has a label is
    read when the figures are summed (a company's label changes without its compounds')."""
    names = labels(compound)
    if not names or ox.Quad(compound, TYPE, COMPOUND_CLASS, MERGED) not in store:
        return None
    companies = frozenset(
        co for co in owners(store, compound) if ox.Quad(co, TYPE, COMPANY_CLASS, MERGED) in store
    )
    return (companies, tuple(names)) if companies else None


def target_rows(store: ox.Store, target: ox.NamedNode, labels: Labels) -> dict[ox.NamedNode, Row]:
    """{compound: row} of every compound aimed at the target that has one."""
    rows = {c: compound_row(store, c, labels) for c in _aimed_at(store, target)}
    return {c: row for c, row in rows.items() if row is not None}


def facts_of(target: ox.NamedNode, rows: Iterable[Row], labels: Labels) -> list[ox.Quad]:
    """The kept facts of a target summed from its compounds' rows (none when no owner has a label)."""
    companies: set[ox.NamedNode] = set()
    compounds = 0
    compound_names: list[str] = []
    for owned_by, names in rows:
        named = [co for co in owned_by if labels(co)]
        if named:
            companies.update(named)
            compounds += 1
            compound_names += names
    if not companies:
        return []
    company_names = [name for co in companies for name in labels(co)]
    return [
        ox.Quad(target, COMPANY_COUNT, int_lit(len(companies)), RESOLVED_GRAPH),
        ox.Quad(target, COMPANIES, lit(joined(sorted(company_names))), RESOLVED_GRAPH),
        ox.Quad(target, COMPOUND_COUNT, int_lit(compounds), RESOLVED_GRAPH),
        ox.Quad(target, COMPOUNDS, lit(joined(sorted(compound_names))), RESOLVED_GRAPH),
    ]


def target_facts(store: ox.Store, target: ox.NamedNode, labels: Labels) -> list[ox.Quad]:
    """The kept facts of one target from the current facts (none: no owner of a compound aimed at it), in
    graph/resolved; ``labels`` gives an entity's preferred labels (the store's, or those a refresh is
    about to write)."""
    return facts_of(target, target_rows(store, target, labels).values(), labels)


def pairs(store: ox.Store, e: ox.NamedNode) -> set[tuple[ox.NamedNode, ox.NamedNode]]:
    """The (target, compound) rows ``e`` can change as the store stands now: those of the compound it is,
    of the compounds it develops or is licensed (a company) or that carry it (an antibody), for every
    target each aims at directly or through its antibodies."""
    found: set[Pair] = set()
    compounds = {e, *(c for p in (DEVELOPED_BY, LICENSED_TO, HAS_ANTIBODY) for c in _subjects(store, p, e))}
    for c in compounds:
        aimed = [*_objects(store, c, TARGETS)]
        for ab in _objects(store, c, HAS_ANTIBODY):
            aimed += _objects(store, ab, TARGETS)
        found.update((t, c) for t in aimed)
    return found


def missing_target_facts(store: ox.Store) -> list[ox.Quad]:
    """The facts of every target of a graph written without them, in graph/resolved."""
    return list(target_fact_quads(store))


def target_fact_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """:func:`missing_target_facts` one target at a time."""
    targets = {q.object for q in store.quads_for_pattern(None, TARGETS, None, MERGED)}
    labels = stored_labels(store)
    for t in sorted(targets, key=str):
        if isinstance(t, ox.NamedNode):
            yield from target_facts(store, t, labels)


def lacks_target_facts(store: ox.Store) -> bool:
    """Whether the graph has no target facts though a compound aims at a target and has a developer (the
    first such compound is enough to tell; cheap)."""
    if next(iter(store.quads_for_pattern(None, COMPANY_COUNT, None, MERGED)), None) is not None:
        return False
    return any(
        isinstance(q.subject, ox.NamedNode) and _objects(store, q.subject, DEVELOPED_BY)
        for q in store.quads_for_pattern(None, TARGETS, None, MERGED)
    )


def retire_target_facts(store: ox.Store, chunk: int = 20_000) -> None:
    """Remove every target's kept facts (every graph's copy) and the kept rows, ``chunk`` quads at a time
    (each read by an iterator closed before its removals): a fill then writes the facts as a recount gives
    them, and the next writer the rows (a store written before the re-mint fix, see kept_target_rows)."""
    for p in TARGET_FACTS:
        while part := list(itertools.islice(store.quads_for_pattern(None, p, None, None), chunk)):
            for q in part:
                store.remove(q)
    store.remove_graph(ROWS_GRAPH)


def remove_target_facts(store: ox.Store, target: ox.NamedNode) -> None:
    """Every graph's copy of the target's kept facts."""
    remove_facts(store, target, TARGET_FACTS)


class CrowdedTargets:
    """The kept facts of a store's targets, summed from per-compound rows that are read once per target and
    then recounted for the compounds a change touches."""

    ROW_LIMIT = 200_000  # rows kept between batches (past it they are read again: see update)

    def __init__(self, store: ox.Store, kept: StoredRows | None = None) -> None:
        self.store = store
        self.kept = kept  # an on-disk store's rows graph: rows read from it, not recounted, once per process
        self._kept_checked = False  # whether the rows graph was found complete (or written) in this process
        self.rows_recounted = 0  # compound rows computed from the graph (the work a refresh does)
        self._rows: dict[ox.NamedNode, dict[ox.NamedNode, Row]] = {}  # target -> compound -> row (read ones)
        self._names: dict[ox.NamedNode, tuple[str, ...]] = {}  # preferred labels of owners, as last read
        self._pairs: set[Pair] = set()  # rows to recount: found before a change
        self._whole: set[ox.NamedNode] = set()  # targets renamed: read again whole
        self._entities: set[ox.NamedNode] = set()  # whose rows to recount as they are after the batch
        self._labels_before: dict[str, list[str]] = {}  # preferred labels of the entities being refreshed

    def written(self, quads: Iterable[ox.Quad]) -> None:
        """Quads about to be added (to named graphs): a link or type whose merged triple is new."""
        for q in quads:
            if self._counts(q) and ox.Quad(q.subject, q.predicate, q.object, MERGED) not in self.store:
                assert isinstance(q.subject, ox.NamedNode)
                self._entities.add(q.subject)

    def removed(self, quads: list[ox.Quad]) -> None:
        """Quads about to be removed from their named graphs: a link or type whose merged triple goes with
        them (no other named graph holds it) changes the rows it reaches now."""
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
                self._pairs |= pairs(self.store, q.subject)

    def renaming(self, old: str, new: str) -> None:
        """``old`` is about to be merged into ``new``: the rows either reaches now, those ``new`` reaches
        after, and a target among them is read again whole."""
        o, nw = ox.NamedNode(old), ox.NamedNode(new)
        for e in (o, nw):
            found = pairs(self.store, e)
            self._pairs |= found
            self._names.pop(e, None)
            if e in self._rows or next(iter(self.store.quads_for_pattern(None, TARGETS, e, MERGED)), None):
                self._whole.add(e)
        # a rename redone by a recovery finds old's quads moved already (a kill between a rename and the
        # update): old's own rows are reached through new's targets, and a target's rows under old go whole
        self._pairs |= {(t, o) for t, c in found if c == nw}
        # a renamed target is read again whole under both IRIs: its rows under old after a recovery, and
        # under new, where its kept rows and facts move with its quads even when new had none (a re-mint:
        # else new kept the rows of compounds renamed meanwhile under their former IRIs, egfr's one too many)
        if o in self._whole or nw in self._whole:
            self._whole |= {o, nw}
        self._entities.add(nw)

    def before_refresh(self, entities: Iterable[str]) -> None:
        """The preferred labels of the entities a refresh is about to rewrite, to tell which change."""
        labels = stored_labels(self.store)
        self._labels_before = {iri: sorted(labels(ox.NamedNode(iri))) for iri in entities}

    def update(self, written: Iterable[ox.Quad] = ()) -> list[ox.Quad]:
        """The new facts of the targets touched since the last update, in graph/resolved (their former
        facts are removed from the store). ``written``: the quads a refresh of the entities of
        :meth:`before_refresh` is about to write (their new preferred labels; the store holds none of them
        now)."""
        refreshed: dict[ox.NamedNode, list[str]] = {ox.NamedNode(iri): [] for iri in self._labels_before}
        for q in written:
            if q.predicate == PREF_LABEL and isinstance(q.subject, ox.NamedNode) and q.subject in refreshed:
                refreshed[q.subject].append(_text(q.object))
        for e, names in refreshed.items():
            if sorted(names) != self._labels_before[e.value]:
                self._entities.add(e)  # a compound's row, or the names of an owner's targets
            if e in self._names:
                self._names[e] = tuple(names)
        touched = {p for e in self._entities for p in pairs(self.store, e)} | self._pairs
        labels = self._labels(refreshed)
        self._check_kept(labels)
        for t in self._whole:
            self._rows.pop(t, None)
            if self.kept is not None:
                self._rows[t] = self._target_rows(t, labels)
                self.kept.replace(t, self._rows[t])
        for t, c in touched:
            if t not in self._rows and self.kept is not None:
                self._rows[t] = self.kept.read(t)  # one scan: the kept rows are those before this batch
            if t in self._rows:
                self._recount(t, c, labels)
        found = self._write({t for t, _c in touched} | self._whole, labels)
        self._pairs, self._whole, self._entities, self._labels_before = set(), set(), set(), {}
        if max(len(self._names), sum(len(rows) for rows in self._rows.values())) > self.ROW_LIMIT:
            self._rows.clear()  # read again when next touched: a writer's memory stays bounded
            self._names.clear()
        return found

    def _write(self, targets: set[ox.NamedNode], labels: Labels) -> list[ox.Quad]:
        found: list[ox.Quad] = []
        for t in sorted(targets, key=str):
            if t not in self._rows:
                self._rows[t] = self._target_rows(t, labels)
            facts = facts_of(t, self._rows[t].values(), labels)
            kept = {q for p in TARGET_FACTS for q in self.store.quads_for_pattern(t, p, None, None)}
            if kept != {*facts, *(ox.Quad(q.subject, q.predicate, q.object, MERGED) for q in facts)}:
                remove_target_facts(self.store, t)  # (most recounts of a hub target change nothing)
                found += facts
        return found

    def _recount(self, t: ox.NamedNode, c: ox.NamedNode, labels: Labels) -> None:
        """The row of (t, c) as the graph now stands, in memory and in the kept rows."""
        self.rows_recounted += 1
        row = compound_row(self.store, c, labels) if aims_at(self.store, c, t) else None
        old = self._rows[t].get(c)
        if row == old:
            return
        if self.kept is not None:
            self.kept.change(t, c, old, row)
        if row is None:
            del self._rows[t][c]
        else:
            self._rows[t][c] = row

    def _target_rows(self, t: ox.NamedNode, labels: Labels) -> dict[ox.NamedNode, Row]:
        """Every row of a target, recounted from the graph."""
        rows = target_rows(self.store, t, labels)
        self.rows_recounted += len(rows)
        return rows

    def _check_kept(self, labels: Labels) -> None:
        """The first update of a process over an on-disk store whose rows graph is not complete (a store
        written before it was kept, or behind the writer): every target's rows, recounted once."""
        if self._kept_checked:
            return
        self._kept_checked = True
        if self.kept is None:  # a graph in memory keeps no rows: those of a store it was loaded from go stale
            StoredRows(self.store).invalidate()
            return
        if self.kept.ready():
            return
        self._rows.clear()
        targets = {q.object for q in self.store.quads_for_pattern(None, TARGETS, None, MERGED)}
        named = sorted((t for t in targets if isinstance(t, ox.NamedNode)), key=str)
        self.kept.write_all((t, self._target_rows(t, labels)) for t in named)

    def write_kept_rows(self) -> None:
        """Write every target's rows unless the kept rows are complete (the end of a build that deferred
        them: the next writer reads them instead of recounting every target)."""
        self._check_kept(stored_labels(self.store))

    def invalidate(self) -> None:
        """The store was written behind the writer: the kept rows are written again at the next update."""
        if self.kept is not None:
            self.kept.invalidate()
        self._kept_checked = False
        self._rows.clear()

    def _labels(self, refreshed: Mapping[ox.NamedNode, list[str]]) -> Labels:
        """Preferred labels: those a refresh is about to write, else the store's (owners' kept as read)."""
        stored = stored_labels(self.store)

        def labels(e: ox.NamedNode) -> Sequence[str]:
            if e in refreshed:
                return refreshed[e]
            if e not in self._names:
                self._names[e] = tuple(stored(e))
            return self._names[e]

        return labels

    @staticmethod
    def _counts(q: ox.Quad) -> bool:
        if q.predicate not in LINKS and (
            q.predicate != TYPE or q.object not in (COMPOUND_CLASS, COMPANY_CLASS)
        ):
            return False
        return not isinstance(q.graph_name, ox.DefaultGraph) and isinstance(q.subject, ox.NamedNode)
