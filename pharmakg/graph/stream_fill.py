"""The kept facts a graph written by older code lacks, filled in bounded chunks that survive a kill.

Each kind of kept fact (:data:`KINDS`) was added to pharmakg in some session; a store written before it has
none of that kind, and the first opening for writing fills them
(:meth:`pharmakg.graph.store.KnowledgeGraph.open`). That fill used to collect every missing quad of every kind
in one list and write it in one transaction: 491 s CPU and 3.7 GB resident for the 100k-release store written
before session 7, a memory that grows with the store. :func:`fill_missing` streams each kind instead: its
quads are computed one statement (or target, or document) at a time into a temporary N-Quads file, then
read back and written :data:`CHUNK` at a time, so the memory is that of a chunk, plus what a kind must hold
to rank its members (the compounds' and documents' sort keys; the pair keys are ranked through an external
sort, :mod:`.pair_fill`). (Reading and writing in turn
kept a store iterator open across the writes: at 100k its RSS grew past 2.4 GB with the files it held.)
The store is flushed every :data:`FLUSH` quads written: RocksDB's memtables keep every write since the last
flush, and nothing else flushes during a fill (a build's batches are flushed by its snapshots), so the end's
fill of a deferred build held all it wrote there (+660 MB at 10k releases, most of it the pair facts).

A kind counts as present once the graph holds one fact of it, so a fill killed half-way would leave a store
that looks complete. Before its first chunk, a kind's mark ``(build/fill, build/filling, "KIND")`` is written
in graph ``graph/fill`` (bookkeeping, outside the merged default graph, like the resolution keys); it is
removed after its last chunk. The next opening fills again every kind still marked: writing a quad the store
holds changes nothing, so the store ends as one filled at once. A store that finished its fill holds no
``graph/fill``.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from pharmakg.graph.agreement_pairs import (
    lacks_agreement_assets,
    lacks_agreement_pairs,
    lacks_payment_pairs,
    missing_agreement_assets,
    missing_agreement_pairs,
    missing_payment_pairs,
)
from pharmakg.graph.compound_order import COMPOUND, COMPOUND_ORDER, missing_order
from pharmakg.graph.crowded_targets import lacks_target_facts, retire_target_facts, target_fact_quads
from pharmakg.graph.deal_facts import (
    keeps_retired_licence_facts,
    lacks_licence_facts,
    lacks_sentence_statements,
    licence_fact_quads,
    retire_licence_facts,
    sentence_statement_quads,
)
from pharmakg.graph.derived_facts import (
    ALT_LABEL,
    DOCUMENT,
    DOCUMENT_COUNT,
    ENTITY_COUNT,
    ENTITY_TYPE,
    MENTIONED_IN,
    NAME_KEY,
    PREF_LABEL,
    TYPE,
    document_counts,
    name_key,
)
from pharmakg.graph.document_order import DOCUMENT_ORDER
from pharmakg.graph.document_order import missing_order as missing_document_order
from pharmakg.graph.evidence_order import EVIDENCE_ORDER, evidence_order_quads
from pharmakg.graph.evidence_relations import (
    EVIDENCE_GROUP,
    evidence_group_quads,
    lacks_not_current,
    not_current_quads,
)
from pharmakg.graph.kept_target_rows import written_before_remint_fix
from pharmakg.graph.pair_fill import pair_order_quads
from pharmakg.graph.pair_order import lacks_pair_order
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, int_lit, lit, n
from pharmakg.ontology.namespaces import PKG, RESOURCES_IRI

MERGED = ox.DefaultGraph()
FILL_GRAPH = n(RESOURCES_IRI + "graph/fill")
_FILL, _FILLING = n(RESOURCES_IRI + "build/fill"), n(RESOURCES_IRI + "build/filling")
# a build into an empty store leaves these kinds to one fill at its end (see :func:`start_deferring`)
DEFERRED = (
    "nameKey",
    "documentCount",
    "entityCount",
    "compoundOrder",
    "documentOrder",
    "targetFacts",
    "pairOrder",
    "licenceFacts",
    "agreementPair",
    "agreementAsset",
    "paymentPair",
)
_DEFERRING = ox.Quad(_FILL, n(RESOURCES_IRI + "build/deferring"), lit("kept facts"), FILL_GRAPH)
CHUNK = 20_000  # quads per write: a chunk's quads and their merged copies are what a fill holds
# quads written between two flushes of the store: RocksDB's memtables hold every write since the last flush
# (about 1.1 KB per quad and its merged copy), and nothing else flushes during a fill
FLUSH = 50_000


def _absent(store: ox.Store, predicate: ox.NamedNode) -> bool:
    return next(iter(store.quads_for_pattern(None, predicate, None, MERGED)), None) is None


def _has(store: ox.Store, p: ox.NamedNode, o: ox.NamedNode | ox.Literal | None = None) -> bool:
    return next(iter(store.quads_for_pattern(None, p, o, MERGED)), None) is not None


@dataclass(frozen=True)
class Kind:
    """A kind of kept fact: whether a graph lacks it (cheap: a few lookups) and its quads there."""

    name: str
    lacks: Callable[[ox.Store], bool]
    quads: Callable[[ox.Store], Iterable[ox.Quad]]
    retire: Callable[[ox.Store], None] | None = None  # removes a former version's facts of the kind first


def _name_keys(store: ox.Store) -> Iterator[ox.Quad]:
    """One key per distinct lower-cased ``skos:prefLabel`` or ``skos:altLabel`` of each entity (a key two
    names share comes twice)."""
    for p in (PREF_LABEL, ALT_LABEL):
        for q in store.quads_for_pattern(None, p, None, MERGED):
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
                yield ox.Quad(q.subject, NAME_KEY, ox.Literal(name_key(q.object.value)), RESOLVED_GRAPH)


def _document_counts(store: ox.Store) -> Iterator[ox.Quad]:
    """Each labelled entity's number of documents (``pkg:mentionedIn`` in the merged graph)."""
    for q in store.quads_for_pattern(None, PREF_LABEL, None, MERGED):
        if isinstance(e := q.subject, ox.NamedNode):
            mentions = sum(1 for _ in store.quads_for_pattern(e, MENTIONED_IN, None, MERGED))
            yield ox.Quad(e, DOCUMENT_COUNT, int_lit(mentions), RESOLVED_GRAPH)


def _entity_counts(store: ox.Store) -> Iterator[ox.Quad]:
    for q in store.quads_for_pattern(None, TYPE, DOCUMENT, MERGED):
        if isinstance(q.subject, ox.NamedNode):
            yield from document_counts(store, q.subject)


def _names(store: ox.Store) -> bool:
    return _has(store, PREF_LABEL) or _has(store, ALT_LABEL)


def holds_documents(store: ox.Store) -> bool:
    """Whether the store's merged graph holds a document."""
    return _has(store, TYPE, DOCUMENT)


def _compounds(store: ox.Store) -> bool:
    return _has(store, ENTITY_TYPE, ox.Literal(COMPOUND))


def _statements(store: ox.Store) -> bool:
    return _has(store, n(PKG.relationType))


def _lacking(members: Callable[[ox.Store], bool], predicate: ox.NamedNode) -> Callable[[ox.Store], bool]:
    """A graph lacks the kind when it has members to give the fact to and none has it."""
    return lambda store: _absent(store, predicate) and members(store)


KINDS = (  # in the order they were added to pharmakg
    Kind("nameKey", _lacking(_names, NAME_KEY), _name_keys),
    Kind("documentCount", _lacking(lambda s: _has(s, PREF_LABEL), DOCUMENT_COUNT), _document_counts),
    Kind("entityCount", _lacking(holds_documents, ENTITY_COUNT), _entity_counts),
    Kind("compoundOrder", _lacking(_compounds, COMPOUND_ORDER), missing_order),
    Kind("documentOrder", _lacking(holds_documents, DOCUMENT_ORDER), missing_document_order),
    Kind("evidenceOrder", _lacking(_statements, EVIDENCE_ORDER), evidence_order_quads),
    Kind("evidenceGroup", _lacking(_statements, EVIDENCE_GROUP), evidence_group_quads),
    Kind("notCurrentObject", lacks_not_current, not_current_quads),
    Kind("targetFacts", lacks_target_facts, target_fact_quads),
    Kind("pairOrder", lacks_pair_order, pair_order_quads),
    Kind("sentenceStatement", lacks_sentence_statements, sentence_statement_quads),
    Kind("licenceFacts", lacks_licence_facts, licence_fact_quads),
    Kind("agreementPair", lacks_agreement_pairs, missing_agreement_pairs),
    Kind("agreementAsset", lacks_agreement_assets, missing_agreement_assets),
    Kind("paymentPair", lacks_payment_pairs, missing_payment_pairs),
    Kind("partnerLicences", keeps_retired_licence_facts, licence_fact_quads, retire_licence_facts),
    Kind("targetFactsRecount", written_before_remint_fix, target_fact_quads, retire_target_facts),
)


def _mark(kind: Kind) -> ox.Quad:
    return ox.Quad(_FILL, _FILLING, lit(kind.name), FILL_GRAPH)


def _to_fill(store: ox.Store) -> list[Kind]:
    """The kinds a graph lacks, and those a fill left unfinished (decided before any is written, as one
    pass over the graph as it stands)."""
    return [k for k in KINDS if _mark(k) in store or k.lacks(store)]


def lacks_derived_facts(store: ox.Store) -> bool:
    """Whether a graph lacks a kind of kept fact, or a fill of them was interrupted (cheap: a few
    lookups)."""
    marked = next(iter(store.quads_for_pattern(_FILL, _FILLING, None, FILL_GRAPH)), None) is not None
    # (a former version's facts, written again at the next opening for writing, answer the same meanwhile)
    return marked or any(k.lacks(store) for k in KINDS if k.retire is None)


def missing_derived_facts(store: ox.Store) -> list[ox.Quad]:
    """Every kept fact of the kinds a graph lacks (written before pharmakg kept them, or by another tool), in
    the graphs the store keeps them in, without repeats (the tests' oracle; a store fills them with
    :func:`fill_missing`)."""
    return list(dict.fromkeys(q for kind in _to_fill(store) for q in kind.quads(store)))


def start_deferring(store: ox.Store) -> None:
    """Mark every kind of :data:`DEFERRED` as being filled, and the store as written by a build that defers
    them, in one write: the batches that follow keep none of these kinds, and :func:`fill_missing` (at the
    build's end, or at any opening after a kill) writes them all from the graph as it then stands."""
    store.extend([*(_mark(k) for k in KINDS if k.name in DEFERRED), _DEFERRING])


def is_deferring(store: ox.Store) -> bool:
    """Whether the store was left by a build that defers the kinds of :data:`DEFERRED` and has not begun
    their fill (its next build goes on deferring)."""
    return _DEFERRING in store


def stop_deferring(store: ox.Store) -> None:
    """The build's batches are written: from here, a kill leaves the marked kinds to the next opening's
    fill (and the next build keeps every kind per batch, as the fill leaves them complete)."""
    store.remove(_DEFERRING)


def chunks(quads: Iterable[ox.Quad], size: int = CHUNK) -> Iterator[list[ox.Quad]]:
    """``quads`` in lists of ``size``, repeats within a list dropped."""
    it = iter(quads)
    while part := list(dict.fromkeys(itertools.islice(it, size))):
        yield part


def fill_missing(
    store: ox.Store, insert: Callable[[list[ox.Quad]], None], size: int = CHUNK, *, flush: int | None = None
) -> list[str]:
    """Fill the kinds of kept fact the graph lacks (or whose fill was interrupted), ``size`` quads at a time
    through ``insert`` (which writes quads and their merged copies), the store flushed once ``flush`` quads
    (default :data:`FLUSH`) were written since the last flush; returns the kinds filled. Each kind is
    marked in ``graph/fill`` while it is being written, so a fill killed at any point is finished by the
    next one."""
    flush = FLUSH if flush is None else flush
    kinds = _to_fill(store)
    unflushed = 0
    for kind in kinds:
        store.add(_mark(kind))
        if kind.retire is not None:
            kind.retire(store)
        with tempfile.TemporaryFile() as spool:
            # all of a kind is read before any of it is written: a store iterator left open across writes
            # holds every file the writes' compactions replace (memory and disk grew with them at 100k)
            ox.serialize(kind.quads(store), spool, ox.RdfFormat.N_QUADS)
            spool.seek(0)
            for part in chunks(ox.parse(spool, ox.RdfFormat.N_QUADS), size):
                insert(part)
                unflushed += len(part)
                if unflushed >= flush:  # else the memtables grow with all the fill writes (+660 MB at 10k)
                    store.flush()
                    unflushed = 0
        store.remove(_mark(kind))
    if kinds:
        store.remove_graph(FILL_GRAPH)  # (empty now: a named graph is listed until removed)
    return [k.name for k in kinds]
