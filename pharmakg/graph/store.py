"""KnowledgeGraph: a pyoxigraph store of pharmakg RDF, with merging, saving and safe SPARQL.

Layout: every fact sits in a named graph (one per document, ``graph/documents`` for the Document nodes,
``graph/resolved`` for what the store derives over all documents), and the store's default graph holds
the merged facts: the set of distinct triples of all named graphs, each triple once, and nothing else. (An
on-disk store also keeps the writer's own graphs, :mod:`pharmakg.graph.writer_graphs`: indexes such as the
names' resolution keys and marks of unfinished steps; not facts, so not in the default graph.)
Questions read the default graph, so a fact stated by 200 documents is one row, not 200 (a union of the
named graphs returns a triple once per graph that holds it, and joins multiply those copies). Which
document said what stays in the named graphs (``GRAPH ?g { ... }``) and on the Assertion nodes
(``prov:wasDerivedFrom``). Every write keeps the invariant: :meth:`KnowledgeGraph._insert` adds a quad and
its triple, removing a document drops from the default graph exactly the triples no other named graph
still holds, renames and the resolved graph rewrite both copies.

pyoxigraph is the engine for storage and queries (in memory or an on-disk folder). rdflib joins through
oxrdflib (:meth:`KnowledgeGraph.to_rdflib` is an ``rdflib.Dataset`` over the same store) where rdflib
serves better, e.g. compact JSON-LD. See :mod:`pharmakg.graph.rdf` for the RDF design.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterable, Mapping
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox
import rdflib

from pharmakg.atomic import atomic_path, replace_store_folder
from pharmakg.graph import snapshots
from pharmakg.graph.derived_facts import DerivedFacts, has_name_key
from pharmakg.graph.formats import FILE_FORMATS, PREFIXES, rdflib_dataset, to_jsonld, write_file
from pharmakg.graph.key_index import StoredKeyIndex
from pharmakg.graph.label_index import LabelIndex
from pharmakg.graph.queries import run_query
from pharmakg.graph.rdf import extraction_quads
from pharmakg.graph.rdf_terms import (
    DOCUMENTS_GRAPH,
    document_iri,
    graph_iri,
    n,
)
from pharmakg.graph.resolve import resolve
from pharmakg.graph.results import QueryResult, python_value, to_ox_term
from pharmakg.graph.sparql_guard import refuse_service
from pharmakg.graph.stable_iris import stable_renames
from pharmakg.graph.stream_fill import fill_missing, lacks_derived_facts
from pharmakg.graph.writer_graphs import WRITER_GRAPHS
from pharmakg.model import Extraction
from pharmakg.ontology.namespaces import PKG

if TYPE_CHECKING:
    from pharmakg.graph.names import NameIndex, NameMatch

_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
MERGED = ox.DefaultGraph()  # the default graph: the merged facts that questions read
# an entity's size, to keep the largest of existing entities a batch joins: its merged-graph quads up to this
WEIGHT_CAP = 4096


def _value(term: _Term | None) -> str:
    """The text of an IRI, blank node or literal of the store (pharmakg writes no RDF-star triples)."""
    assert isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal), term
    return term.value


def _is_store_dir(path: Path) -> bool:
    # RocksDB (Oxigraph's on-disk backend) always writes a CURRENT file
    return path.is_dir() and (path / "CURRENT").exists()


class BuildJournal(Protocol):
    """Told by :meth:`KnowledgeGraph.add_extractions` what a step changes, before the store is written."""

    def documents(self, doc_ids: list[str], entities: set[str]) -> None: ...

    def resolution(self, renames: Mapping[str, str], entities: set[str]) -> None: ...

    def remint_later(self, entities: set[str]) -> None: ...


def open_read_only(folder: Path) -> KnowledgeGraph:
    """A store folder opened read-only: its newest published snapshot (see :mod:`pharmakg.graph.snapshots`),
    so it opens while another process builds or serves the store, takes no writer lock, and never reads
    files a writer is changing. The view shows the store as of that snapshot: open it again to see later
    writes."""
    if not _is_store_dir(folder):
        raise FileNotFoundError(f"{folder}: not an Oxigraph store folder")
    from pharmakg.graph.bookkeeping import refresh_snapshot

    store, view = snapshots.open_view(folder, refresh_snapshot)
    if lacks_derived_facts(store):
        warnings.warn(
            f"{folder}: built before pkg:nameKey or the kept counts; questions by name find nothing (and "
            "counts are missing) until a build (or any opening for writing) adds them",
            stacklevel=2,
        )
    kg = KnowledgeGraph(store, path=folder)
    kg.view = view  # holds the snapshot's reader lock while the graph lives
    return kg


class KnowledgeGraph:
    """The pharmakg knowledge graph over a :class:`pyoxigraph.Store`."""

    def __init__(self, store: ox.Store | None = None, path: Path | None = None) -> None:
        self.store: ox.Store = store if store is not None else ox.Store()
        self.path = path  # the on-disk folder, if any
        self.view: snapshots.SnapshotView | None = None  # the snapshot a read-only view holds
        self.snapshot_interval = snapshots.DEFAULT_INTERVAL  # a build's seconds between snapshots
        self._published_at = -float("inf")  # when this graph last published a snapshot (time.monotonic)
        # quads written to / removed from the document graphs since opening (a build's summary)
        self.quads_added = 0
        self.quads_removed = 0
        # the names resolution joins on: kept in an on-disk store (key_index), else read at the first batch
        self._labels: LabelIndex | StoredKeyIndex | None = StoredKeyIndex(self.store) if path else None
        # name counts and best phases, read per entity when needed (an on-disk store keeps targets' rows)
        self.derived = DerivedFacts(self.store, kept_rows=path is not None)
        # a build re-mints the entities it touched once, at its end (see _remint); None: after every batch
        self.deferred_remints: set[str] | None = None

    # ----------------------------------------------------------------------------------- open / save
    @classmethod
    def open(
        cls, path: str | Path | None = None, read_only: bool = False, fill: bool = True
    ) -> KnowledgeGraph:
        """None: in memory. A .ttl/.nt/.nq/.trig/.jsonld file: loaded into memory (triples formats go
        to the default graph). Anything else (an existing store folder or a new path): on-disk store.

        ``read_only`` opens an existing store folder without taking its lock, so any number of processes can
        read it while one builds it (see :func:`open_read_only`). ``fill=False``: a store folder's missing
        kept facts are left to the caller (a build decides whether it defers them: :mod:`.incremental`)."""
        if path is None:
            return cls()
        p = Path(path)
        if p.suffix.lower() in FILE_FORMATS and not p.is_dir():
            if not p.exists():
                raise FileNotFoundError(f"{p}: no such RDF file")
            kg = cls()
            fmt, _ = FILE_FORMATS[p.suffix.lower()]
            with p.open("rb") as f:
                kg.store.bulk_load(f, fmt)
            kg._fill_merged()
            fill_missing(kg.store, kg._insert)
            return kg
        if p.exists() and not p.is_dir():
            raise ValueError(f"{p}: not an RDF file suffix ({', '.join(FILE_FORMATS)}) nor a store folder")
        if read_only:
            return open_read_only(p)
        p.mkdir(parents=True, exist_ok=True)
        kg = cls(ox.Store(str(p)), path=p)
        snapshots.mark_stale(p)  # until the writer publishes one, readers don't trust the last snapshot
        kg._fill_merged()
        if fill:  # a store built before the kept facts gets them once, in chunks
            fill_missing(kg.store, kg._insert)
        return kg

    def publish_snapshot(self, every: float = 0.0, final: bool = False) -> bool:
        """Publish what this store folder (opened for writing) holds now for its readers, unless one was
        published by this graph less than ``every`` seconds ago. Returns whether it published. ``final``:
        the writer writes no more before it closes the store (its readers need not refresh)."""
        if self.path is None or self.view is not None:
            raise ValueError("only a store folder opened for writing publishes snapshots")
        now = time.monotonic()
        if every and now - self._published_at < every:
            return False
        snapshots.publish(self.store, self.path, final=final)
        self._published_at = time.monotonic()
        return True

    def _fill_merged(self) -> None:
        """Give a graph written without the merged default graph (by pharmakg before it had one, or by
        another tool, or a JSON-LD file) its default graph: the triples of its named graphs but the writer's
        own (:data:`WRITER_GRAPHS`). A no-op when it has one. (A build from scratch killed before its
        first default-graph copies leaves named graphs only, its fill marks among them: copied, they stayed
        in the default graph after the fill removed them from theirs.)"""
        if next(iter(self.store.quads_for_pattern(None, None, None, MERGED)), None) is not None:
            return
        for g in list(self.store.named_graphs()):  # a graph at a time: memory stays that of one document
            if g in WRITER_GRAPHS:
                continue
            graph = self.store.quads_for_pattern(None, None, None, g)
            self.store.bulk_extend([ox.Quad(q.subject, q.predicate, q.object, MERGED) for q in graph])

    def save(self, path: str | Path) -> Path:
        """Write the graph; the suffix picks the format, a path without one is an on-disk store folder.

        .ttl/.nt hold the merged default graph, i.e. each distinct triple of all graphs once (the
        per-document split is lost, the Assertion nodes stay); .nq/.trig keep the named graphs and the
        default graph, so a reloaded file answers questions at once; .jsonld keeps the named graphs (the
        default graph is rebuilt from them on loading). Writes go to a temporary file that is then
        renamed over the target, so a failure never leaves a half-written output behind.
        """
        p = Path(path)
        suffix = p.suffix.lower()
        if suffix in FILE_FORMATS:
            with atomic_path(p) as tmp, tmp.open("wb") as f:  # what a killed write left is removed
                write_file(self.store, f, suffix)
            return p
        return self._save_store(p)

    def _save_store(self, p: Path) -> Path:
        if self.path is not None and p.resolve() == self.path.resolve():
            self.store.flush()
            return p
        if p.exists() and not _is_store_dir(p) and (not p.is_dir() or any(p.iterdir())):
            raise ValueError(f"{p}: exists and is not a pharmakg store folder; not overwriting it")
        replace_store_folder(self.store, p)
        return p

    def to_rdflib(self) -> rdflib.Dataset:
        """An rdflib Dataset over the same pyoxigraph store (oxrdflib): changes go both ways."""
        # writes through rdflib bypass the label index and the derived facts' figures: read them again
        if isinstance(self._labels, StoredKeyIndex) and self.view is None:
            self._labels.invalidate()  # the next write of the store writes every key again
        else:
            self._labels = None
        self.derived = DerivedFacts(self.store, kept_rows=self.path is not None and self.view is None)
        self.derived.invalidate()  # (the kept rows and name counts: written again by the next writer)
        return rdflib_dataset(self.store)

    def to_jsonld(self) -> str:
        """JSON-LD of the named graphs (see :func:`pharmakg.graph.formats.to_jsonld`)."""
        return to_jsonld(self.store)

    # ---------------------------------------------------------------------------------------- adding
    def add_extractions(
        self,
        extractions: Iterable[Extraction],
        *,
        replace: Iterable[str] = (),
        journal: BuildJournal | None = None,
    ) -> int:
        """Add documents' extractions, merging their entities with each other and with the store.

        Re-adding a doc_id replaces that document's graph; the doc_ids of ``replace`` are removed in the same
        step (a changed file's former document). ``journal`` is told what the step will change before the
        store is written (see :mod:`pharmakg.graph.incremental`). Returns the number of documents added.
        """
        batch: dict[str, Extraction] = {}
        for ex in extractions:
            batch[ex.document.doc_id] = ex  # the same document twice in a batch: the last one wins
        leaving = sorted(set(replace) - set(batch))
        if not batch and not leaving:
            return 0
        items = list(batch.values())
        if journal is not None:
            journal.documents([*batch, *leaving], self._document_entities([*batch, *leaving]))
        touched: set[str] = set()
        for doc_id in [*batch, *leaving]:
            touched |= self._remove_document(doc_id)
        if not items:
            self._refresh_resolved(touched)
            self._remint(touched, journal)
            self._flush_keys()
            return 0

        if self._labels is None:
            self._labels = LabelIndex(self.store)
        # a build re-mints its IRIs at its end: a join keeps the largest entity (see resolve's ``weight``)
        weight = self._weight if self.deferred_remints is not None else None
        res = resolve(items, self._labels.relevant(items), taken=self._labels.taken(), weight=weight)
        if journal is not None:
            journal.resolution(res.renames, set(res.iri_of.values()))
        for old, new in sorted(res.renames.items()):
            self._rename(old, new)
            touched.add(new)

        quads: list[ox.Quad] = []
        for i, ex in enumerate(items):
            quads.extend(extraction_quads(ex, res, i))
        self._insert(quads)
        self.quads_added += len(quads)
        touched.update(res.iri_of.values())
        self._refresh_resolved(touched)
        self._remint(touched, journal)
        self._flush_keys()  # before the caller clears the journal
        self.derived.trim(keep=touched)
        return len(items)

    def _weight(self, iri: str) -> int:
        """The entity's quads in the merged graph, up to :data:`WEIGHT_CAP` (bounded cost for a hub)."""
        quads = self.store.quads_for_pattern(ox.NamedNode(iri), None, None, MERGED)
        return sum(1 for _ in islice(quads, WEIGHT_CAP))

    def _remint(self, entities: set[str], journal: BuildJournal | None) -> None:
        """Give the entities the IRIs their documents mint (see :mod:`pharmakg.graph.stable_iris`).

        A build defers this to its end (``deferred_remints``, recorded in the journal for a killed build):
        two names used by about as many documents take the lead in turn as documents arrive, and renaming
        a hub entity after each batch rewrote all its quads (90,000 for one disease of a 5k-release store)."""
        if self.deferred_remints is not None:
            if unseen := entities - self.deferred_remints:
                self.deferred_remints |= unseen
                if journal is not None:
                    journal.remint_later(unseen)
            return
        self.apply_renames(self.remint_plan(entities, keep_counts=True), journal)

    def remint_plan(self, entities: set[str], keep_counts: bool = False) -> dict[str, str]:
        """{current IRI: re-minted IRI} of the entities whose IRI is not the one their documents mint (see
        :func:`pharmakg.graph.stable_iris.stable_renames`). ``keep_counts``: keep the name counts read (a
        batch's few entities); the end of a build plans for every entity it touched, whose counts would
        fill the memory, so they are read and dropped."""
        many = not keep_counts or len(entities) > self.derived.ENTITY_LIMIT
        counts = self.derived.name_counts_once if many else self.derived.name_counts
        return stable_renames(self.store, entities, name_counts=counts)

    def apply_renames(self, renames: Mapping[str, str], journal: BuildJournal | None) -> None:
        """Rename (journaled first) and write the kept facts the renames change."""
        if not renames:
            return
        if journal is not None:
            journal.resolution(renames, set(renames.values()))
        for old, new in sorted(renames.items()):
            self._rename(old, new)  # the derived facts move with the rest: nothing to refresh
        self._write_derived(self.derived.reorder())  # but for the compound order keys, which rank ties by IRI
        self._flush_keys()

    def _flush_keys(self) -> None:
        """Bring the resolution keys up to date with the entities written (an on-disk store keeps them)."""
        if self._labels is not None:
            self._labels.flush()

    def _document_entities(self, doc_ids: Iterable[str]) -> set[str]:
        """The entities the documents' graphs state (read before they are removed)."""
        found: set[str] = set()
        for doc_id in doc_ids:
            graph = self.store.quads_for_pattern(None, n(PKG.entityType), None, graph_iri(doc_id))
            found.update(_value(q.subject) for q in graph)
        return found

    def remove_document(self, doc_id: str) -> bool:
        """Drop a document's graph and Document node; True when it was there."""
        present = self.store.contains_named_graph(graph_iri(doc_id))
        touched = self._remove_document(doc_id)
        self._refresh_resolved(touched)
        self._remint(touched, None)
        self._flush_keys()
        return present

    def _insert(self, quads: list[ox.Quad]) -> None:
        """Add quads to their named graphs and their triples to the merged default graph."""
        if self._labels is not None:
            self._labels.mark_quads(quads, written=True)
        self.derived.written(quads)
        self.store.extend(quads)
        self.store.extend(ox.Quad(q.subject, q.predicate, q.object, MERGED) for q in quads)

    def _unmerge(self, quads: list[ox.Quad]) -> None:
        """Remove from the default graph the triples of ``quads`` (about to leave their named graphs) that
        no other named graph holds. A triple held elsewhere is found at its first matches (the default
        graph's copy, then a named graph), so hub facts cost no more. Called before the quads go, so an
        interruption leaves a triple in its named graph without its default copy, never the reverse."""
        leaving = set(quads)
        for q in quads:
            held = any(
                not isinstance(other.graph_name, ox.DefaultGraph) and other not in leaving
                for other in self.store.quads_for_pattern(q.subject, q.predicate, q.object, None)
            )
            if not held:
                self.store.remove(ox.Quad(q.subject, q.predicate, q.object, MERGED))

    def _remove_document(self, doc_id: str) -> set[str]:
        g = graph_iri(doc_id)
        removed: list[ox.Quad] = []
        if self.store.contains_named_graph(g):
            removed = list(self.store.quads_for_pattern(None, None, None, g))
        touched = {_value(q.subject) for q in removed if q.predicate == n(PKG.entityType)}
        d = document_iri(doc_id)
        described = list(self.store.quads_for_pattern(d, None, None, DOCUMENTS_GRAPH))
        if self._labels is not None:
            self._labels.mark_quads(removed + described)
        self.derived.removed(removed + described)
        self._unmerge(removed + described)
        if removed:
            self.store.remove_graph(g)
        for q in described:
            self.store.remove(q)
        self.quads_removed += len(removed) + len(described)
        return touched

    def _rename(self, old: str, new: str) -> None:
        """Merge resource ``old`` into ``new`` everywhere (a new document showed they are one). The
        default graph's copies are renamed with the rest, so it stays the merge of the named graphs."""
        o, nw = ox.NamedNode(old), ox.NamedNode(new)
        if self._labels is not None:
            self._labels.mark([old, new])
        self.derived.renaming(old, new)
        quads = list(self.store.quads_for_pattern(o, None, None, None))
        quads += list(self.store.quads_for_pattern(None, None, o, None))
        # the new copies first: interrupted, both are there and redoing the rename finishes it
        self.store.extend(
            ox.Quad(
                nw if q.subject == o else q.subject,
                q.predicate,
                nw if q.object == o else q.object,
                q.graph_name,
            )
            for q in quads
        )
        for q in quads:
            self.store.remove(q)

    def _refresh_resolved(self, entities: Iterable[str]) -> None:
        """Recompute skos:prefLabel, pkg:nameKey and pkg:latestPhase(Date) of the entities (every graph's
        copy, the default graph's included, is removed, then the new values go to graph/resolved and the
        default graph). The per-entity figures they come from are kept up to date (see
        :mod:`pharmakg.graph.derived_facts`), so a hub entity costs no more as documents arrive."""
        self._write_derived(self.derived.refresh(entities))

    def _write_derived(self, quads: list[ox.Quad]) -> None:
        self._insert(quads)
        self.derived.remove_replaced()  # the old order keys go only once the new ones are in

    # --------------------------------------------------------------------------------------- queries
    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Any] | None = None,
        union: bool = False,
    ) -> QueryResult:
        """Run SPARQL; ``bindings`` pre-bind variables to values (applied as RDF terms, never as text).

        pyoxigraph substitutes a variable only if the SELECT projects it, so parameterised queries
        list their parameters in the projection. The query reads the merged default graph (each fact
        once) and reaches the document graphs with ``GRAPH ?g { ... }``. ``union=True`` makes the
        default graph the union of all graphs instead (the merged one included), which returns a triple
        once per graph that holds it: only for graphs loaded from elsewhere without a default graph.
        """
        refuse_service(sparql)  # no query reaches out to other endpoints
        subs: dict[ox.Variable, _Term] = {
            ox.Variable(k.lstrip("?$")): to_ox_term(v) for k, v in (bindings or {}).items()
        }
        try:
            result = self.store.query(
                sparql,
                prefixes=PREFIXES,
                use_default_graph_as_union=union,
                substitutions=subs or None,
            )
        except RuntimeError as exc:
            if "projection" in str(exc):
                raise ValueError(f"{exc}: a bound variable must be in the SELECT clause") from exc
            raise
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(["result"], [(bool(result),)])
        if isinstance(result, ox.QuerySolutions):
            cols = [v.value for v in result.variables]
            return QueryResult(cols, [tuple(python_value(sol[c]) for c in cols) for sol in result])
        return QueryResult(
            ["subject", "predicate", "object"],
            [(python_value(t.subject), python_value(t.predicate), python_value(t.object)) for t in result],
        )

    def run(
        self, name: str, params: Mapping[str, Any] | None = None, *, resolve_names: bool = True
    ) -> QueryResult:
        """Run a named query of :mod:`pharmakg.graph.queries` (parameter columns left out). Name parameters
        take any name, as on the command line (:meth:`find`: NCAM1 finds CD56; NameNotFound, a LookupError
        with suggestions, when none fits). ``resolve_names=False`` binds the values as given."""
        if resolve_names and params:
            from pharmakg.graph.query_params import resolve_parameters

            params = resolve_parameters(self.name_index, params, partial(has_name_key, self.store)).values
        return run_query(self, name, params)

    def find(self, text: str, types: Iterable[str] | None = None) -> NameMatch:
        """The entity that ``text`` names (:class:`pharmakg.graph.names.NameIndex`); NameNotFound or
        AmbiguousName when none or several do."""
        return self.name_index().resolve(text, list(types) if types else None)

    def name_index(self) -> NameIndex:
        """Every name of the graph's entities, indexed once and again after the graph is written."""
        from pharmakg.graph.names import index_of

        return index_of(self)

    def documents(self) -> list[str]:
        """doc_ids of the documents in the graph."""
        return sorted(
            _value(q.object)
            for q in self.store.quads_for_pattern(
                None, n("http://purl.org/dc/terms/identifier"), None, DOCUMENTS_GRAPH
            )
        )

    def __len__(self) -> int:
        return len(self.store)

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        return f"<KnowledgeGraph {where}: {len(self)} quads>"
