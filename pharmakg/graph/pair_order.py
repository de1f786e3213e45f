"""Kept pair facts kept up to date as a store is written (what they are: :mod:`pharmakg.graph.pair_ranking`).

A change places the pairs it adds, moves or renames among the others of their bucket, in the gaps their ranks
leave (:func:`pharmakg.graph.order_buckets.gapped_ranks`): dense ranks shifted the keys of every member after
a new pair, about 900 key rewrites per release at 6k synthetic releases (BENCHMARKS.md, s18-linear). What a
batch changes is followed from the quads the store writes and removes (:meth:`PairOrder.seen`), and counted by
delta: a partner link between ``x`` and ``p`` that appears in or leaves the merged graph adds ``p`` to, or
removes it from, the pairs ``(x, b)`` of the other holders ``b`` of ``p`` (a hub's other pairs are not read
again); a company whose type or name appears or goes does the same for each of its links; an agreement written
or removed recomputes its parties' deal; a rename moves a pair's facts to the node of its new IRIs, a merge
recounts the merged company's pairs and the pairs of the holders of either IRI; a new label re-ranks the
company's pairs. The facts depend only on the current graph (the keys' order; their values also on the order
of the writes), so a store built in several runs holds those of one built at once, which
:func:`missing_pair_order` counts from scratch (the tests' oracle).

A step's facts are replaced in two steps, as the compound and document keys are (:mod:`.order_buckets`),
with one more care: a pair's key is also where its deal is kept (a rename reads it back), and a node can lose
partners or go whole. So the nodes that lose a fact or leave a ranking are first marked, in one write, by a
copy of their keys in graph/pair-replacing; they then lose those facts; the step's new facts and keys are
written with the rest of the step; only then do the old keys and the marks go
(:meth:`PairOrder.remove_replaced`).
Killed anywhere in between, every node the step changed is unsettled when its keys are read again (a mark,
two values, or a copy in one graph only), and the next update counts it from the current graph: its deal and
shared partners from its two companies (:meth:`PairOrder._recount`), its buckets ranked again; a node left
without a company, or whose companies were renamed since, is removed whole.

(The names other modules import from here are those of :mod:`pharmakg.graph.pair_ranking` and
:mod:`pharmakg.graph.pair_pending`, re-exported.)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from pharmakg.graph.order_buckets import SETTLED, KeptKeys, read_keys
from pharmakg.graph.pair_fill import pair_order_quads
from pharmakg.graph.pair_links import COMPANY, HAS_AGREEMENT, PARTY, TYPE, GraphReader, Pair, ordered, value
from pharmakg.graph.pair_pending import WATCHED, Entry, Pending
from pharmakg.graph.pair_ranking import (
    DEAL_ORDER,
    FIRST,
    MERGED,
    RANKINGS,
    SECOND,
    SHARED_ORDER,
    SHARED_PARTNER,
    PairState,
    Ranking,
    lacks_pair_order,
    missing_pair_order,
    node_quads,
    pair_node,
)
from pharmakg.graph.pair_rerank import rerank_bucket, rerank_whole
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH, int_lit
from pharmakg.ontology.namespaces import RESOURCES_IRI

MARK_GRAPH = ox.NamedNode(RESOURCES_IRI + "graph/pair-replacing")  # nodes a killed step left unsettled
NODE_FACTS = frozenset({FIRST, SECOND, SHARED_PARTNER})  # a pair node's facts but its keys

__all__ = [
    "DEAL_ORDER",
    "FIRST",
    "SECOND",
    "SHARED_ORDER",
    "SHARED_PARTNER",
    "WATCHED",
    "PairOrder",
    "lacks_pair_order",
    "missing_pair_order",
    "pair_node",
    "pair_order_quads",
]


class PairOrder:
    """The pair facts of a store, read once from it, then kept up to date from what the writer changes."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._kept: list[KeptKeys] | None = None  # one per ranking (None: not read yet)
        # pair node IRI -> its companies, of the nodes a step placed (the others' are read from the store when
        # a re-ranking compares them: reading every pair's companies cost a 10k store 9 s per writer)
        self._pairs: dict[str, Pair] = {}
        self._pending = Pending()
        self._rechecked: set[str] = set()  # nodes a rollback asks to count again from the graph
        self._moving: list[set[str]] = [set() for _ in RANKINGS]  # per ranking: nodes whose names changed
        # per ranking: {bucket: nodes put in it since its last ranking} (placed among its settled members)
        self._arrived: list[dict[int, set[str]]] = [{} for _ in RANKINGS]

    def recheck(self, entities: Iterable[str]) -> None:
        """A rolled-back batch touched these entities: count again at the next update every pair node they
        are a company or the shared partner of. A recovery killed after it removed the batch's documents
        and before its update lost the news of those removals (the links that left): the next recovery
        finds no graph to remove, so no link change names the pairs those links made."""
        for e in sorted(set(entities)):
            self._rechecked.update(node.value for node in self._nodes_of(e))
            found = self.store.quads_for_pattern(None, SHARED_PARTNER, ox.NamedNode(e), MERGED)
            self._rechecked.update(value(q.subject) for q in found)

    def _loaded(self) -> list[KeptKeys]:
        if self._kept is None:
            self._kept = [read_keys(self.store, r.predicate, r.rank_bits, ordered=True) for r in RANKINGS]
        return self._kept

    def _take_unsettled(self) -> tuple[set[str], list[set[int]]]:
        """The pair nodes found unsettled (a step killed between its writes and its removals: placed again,
        counted from scratch) and, per ranking, the buckets their keys were in (ranked again)."""
        nodes: set[str] = set()
        buckets: list[set[int]] = []
        for kept in self._loaded():
            members, found = kept.take_unsettled()
            nodes |= members
            buckets.append(found)
        return nodes, buckets

    def remove_replaced(self) -> None:
        """Remove the keys the last update replaced and its marks (call once its new facts are written)."""
        if self._kept is not None:
            for kept in self._kept:
                kept.remove_replaced(self.store)

    # ------------------------------------------------------------------------------- what changed
    def seen(self, q: ox.Quad, written: bool) -> None:
        """A quad of a document graph about to be written or removed (``q.predicate`` in WATCHED)."""
        p, s, o = q.predicate, q.subject, q.object
        if p == TYPE and o != COMPANY:
            return
        if p in (HAS_AGREEMENT, PARTY):
            ag, party = (o, s) if p == HAS_AGREEMENT else (s, o)
            assert isinstance(ag, ox.NamedNode | ox.BlankNode), ag
            self._pending.agreements.setdefault(ag, set()).add(value(party))
            return
        triple = ox.Quad(s, p, o, MERGED)
        if not written:
            self._pending.left.add(triple)  # news at the update if it leaves the merged graph
        elif triple not in self.store:  # a new link or company
            self._pending.link(triple)

    def renaming(self, old: str, new: str) -> None:
        """``old`` is about to be renamed ``new`` (or merged into it, when ``new`` exists)."""
        pending = self._pending
        pending.remap(old, new)
        if next(iter(self.store.quads_for_pattern(ox.NamedNode(new), None, None, MERGED)), None) is None:
            pending.renamed.add(new)  # the facts move with the IRIs; the pair nodes' IRIs change
            return
        # a merge: new's pairs are recounted, and the holders of old now share new with those of new
        pending.merged.add(new)
        pending.deal_companies.add(new)
        pending.partners.setdefault(new, set()).update(GraphReader(self.store).holders(old))
        # the rename rewrites the kept partner facts too: a pair that shared both IRIs then holds one partner
        # less, which no link change tells (the delta finds the partners right), so its key is placed again
        for q in self.store.quads_for_pattern(None, SHARED_PARTNER, ox.NamedNode(old), MERGED):
            if ox.Quad(q.subject, SHARED_PARTNER, ox.NamedNode(new), MERGED) in self.store:
                pending.recounted.add(self._members(ox.NamedNode(value(q.subject))))

    def labels_before(self, entities: Iterable[str]) -> None:
        """The current labels of the companies among ``entities``, before a refresh replaces them."""
        reader = GraphReader(self.store)
        for iri in entities:
            if reader.is_company(iri):
                self._pending.labels[iri] = reader.label(iri)

    # -------------------------------------------------------------------------------------- update
    def update(self, labels: Mapping[str, str | None]) -> list[ox.Quad]:
        """New pair facts, in graph/resolved, after a batch (``labels``: the new labels of the entities
        refreshed); the facts they replace are removed from the store."""
        reader = GraphReader(self.store, labels)
        pending, self._pending = self._pending, Pending()
        for triple in pending.left:
            if triple not in self.store:  # no other document holds it
                pending.link(triple)
        for iri, before in pending.labels.items():
            after = labels.get(iri, before)
            if (after is None) != (before is None):  # named or no more: as a company that appears or goes
                pending.entities.add(iri)
                pending.deal_companies.add(iri)
            elif after != before:
                pending.relabelled.add(iri)
        for e in pending.entities:  # each of its links, both ways
            pending.partners.setdefault(e, set()).update(reader.holders(e))
            for p in reader.linked(e):
                pending.partners.setdefault(p, set()).add(e)
        unsettled, buckets = self._take_unsettled()  # (read at every update: a killed step is finished)
        unsettled |= self._rechecked
        self._rechecked = set()
        if not (pending.partners or pending.agreements or pending.renamed or pending.merged or unsettled):
            if not (pending.deal_companies or pending.relabelled):
                return []
        return self._apply(reader, pending, unsettled, buckets)

    def _apply(
        self, reader: GraphReader, pending: Pending, unsettled: set[str], touched: list[set[int]]
    ) -> list[ox.Quad]:
        gone: dict[str, Pair] = {}  # nodes removed whole (their pairs' IRIs changed)
        state: dict[Pair, Entry] = {}  # the new state of the pairs touched
        moved: set[Pair] = set()  # (re-ranked in their bucket: the new IRIs may order the pair the other way)
        for iri in sorted(unsettled):  # first: what the rest reads of such a pair is not to be trusted
            self._recount(reader, iri, gone, state)
        for c in sorted(pending.renamed | pending.merged):
            for node in self._nodes_of(c):
                if node.value in unsettled:
                    continue  # (counted from scratch above)
                members = gone[node.value] = self._members(node)
                if members[0] == members[1]:
                    continue  # (the two companies of a pair merged)
                moved.add(ordered(*members))
                entry = state.setdefault(ordered(*members), Entry())
                if c not in pending.merged:  # a rename: the facts move to the node of the new IRIs
                    entry.deal = self._primary(0, node.value) if entry.deal is None else entry.deal
                    entry.partners |= self._partners(node)
        for c in sorted(pending.merged):  # a merge: the merged company's pairs recounted
            for pair, entry in state.items():
                if c in pair:
                    entry.partners = set()
            for b, ps in reader.shared(c).items():
                state.setdefault(ordered(c, b), Entry()).partners = set(ps)
        for a, b in sorted(pr for pr in pending.recounted if pr[0] != pr[1]):  # (as the rename left them)
            self._current(ordered(a, b), state)
        self._delta(reader, pending, state)
        for pair in self._deal_pairs(reader, pending, state):
            self._current(pair, state).deal = reader.deal(*pair)
        renamed: set[Pair] = moved  # pairs whose ranks may change in their bucket (a name or an IRI changed)
        for c in pending.relabelled:
            for node in self._nodes_of(c):
                renamed.add(ordered(*self._members(node)))
                self._current(ordered(*self._members(node)), state)
        return self._write(reader, gone, state, renamed, touched)

    def _recount(
        self, reader: GraphReader, iri: str, gone: dict[str, Pair], state: dict[Pair, Entry]
    ) -> None:
        """An unsettled node, counted from the current graph: a step that changed it was killed before it
        finished (its key may not give its deal any more, its partners may be half replaced). A node with
        a company missing, or that is not the node of its companies (renamed since), is removed whole."""
        members = self._members(ox.NamedNode(iri))
        pair = ordered(*members)
        complete = "" not in members and members[0] != members[1]
        if not complete or pair_node(*pair).value != iri:
            gone[iri] = members
        if complete:
            state[pair] = Entry(reader.deal(*pair), reader.shared_partners(*pair))

    def _delta(self, reader: GraphReader, pending: Pending, state: dict[Pair, Entry]) -> None:
        """The shared partner facts a link change adds or removes: for a partner ``p`` whose link to ``x``
        changed, the pairs of ``x`` with the holders of ``p`` (and with the others whose link changed)."""
        for p in sorted(pending.partners):
            xs = pending.partners[p]
            holders = reader.holders(p)
            counts = reader.named_company(p)
            for x in sorted(xs - {p}):
                x_counts = counts and x in holders and x not in pending.merged and reader.named_company(x)
                for b in holders | xs:
                    if b in (x, p) or b in pending.merged or x in pending.merged:
                        continue  # (a merged company's pairs are recounted whole)
                    pair = ordered(x, b)
                    want = x_counts and b in holders and reader.named_company(b)
                    if pair in state:
                        has = p in state[pair].partners
                    else:
                        has = ox.Quad(pair_node(*pair), SHARED_PARTNER, ox.NamedNode(p), MERGED) in self.store
                    if want != has:
                        partners = self._current(pair, state).partners
                        (partners.add if want else partners.discard)(p)

    def _deal_pairs(self, reader: GraphReader, pending: Pending, state: dict[Pair, Entry]) -> set[Pair]:
        """The pairs whose deal is recomputed: of the agreements written or removed, of the companies named
        or no more, of the merged ones."""
        deals: set[Pair] = set()
        for ag, parties in pending.agreements.items():
            parties |= {value(q.object) for q in self.store.quads_for_pattern(ag, PARTY, None, MERGED)}
            deals |= {ordered(x, y) for x, y in itertools.combinations(sorted(parties), 2)}
        for c in pending.deal_companies:
            deals |= {ordered(c, o) for o in reader.deal_partners(c)}
            deals |= {p for p in state if c in p}
            deals |= {ordered(*self._members(node)) for node in self._nodes_of(c)}
        return {p for p in deals if p[0] != p[1]}

    def _current(self, pair: Pair, state: dict[Pair, Entry]) -> Entry:
        """The pair's entry in ``state``, from its node in the store when it has none yet."""
        if pair not in state:
            node = pair_node(*pair)
            state[pair] = Entry(self._primary(0, node.value), self._partners(node))
        return state[pair]

    def _nodes_of(self, c: str) -> list[ox.NamedNode]:
        found: list[ox.NamedNode] = []
        for p in (FIRST, SECOND):
            found += [
                ox.NamedNode(value(q.subject))
                for q in self.store.quads_for_pattern(None, p, ox.NamedNode(c), MERGED)
            ]
        return found

    def _members(self, node: ox.NamedNode) -> Pair:
        first, second = (
            next((value(q.object) for q in self.store.quads_for_pattern(node, p, None, MERGED)), "")
            for p in (FIRST, SECOND)
        )
        return first, second

    def _partners(self, node: ox.NamedNode) -> set[str]:
        return {value(q.object) for q in self.store.quads_for_pattern(node, SHARED_PARTNER, None, MERGED)}

    def _primary(self, i: int, node: str) -> int | None:
        key = self._loaded()[i].keys.get(node)
        return None if key is None else RANKINGS[i].primary(key >> RANKINGS[i].rank_bits)

    # -------------------------------------------------------------------------------------- writing
    def _node_facts(self, node: ox.NamedNode) -> tuple[set[ox.Quad], set[ox.Quad]]:
        """The node's facts but its keys, as merged-graph triples: (held in some graph, held in both)."""
        graphs: dict[ox.Quad, set[object]] = {}
        for q in self.store.quads_for_pattern(node, None, None, None):
            if q.predicate in NODE_FACTS:
                graphs.setdefault(ox.Quad(q.subject, q.predicate, q.object, MERGED), set()).add(q.graph_name)
        return set(graphs), {t for t, held in graphs.items() if SETTLED <= held}

    def _write(
        self,
        reader: GraphReader,
        gone: dict[str, Pair],
        state: dict[Pair, Entry],
        renamed: set[Pair],
        touched: list[set[int]],
    ) -> list[ox.Quad]:
        """The step's new facts, to write; the facts they replace go in two steps. The nodes that lose a
        fact or leave a ranking are marked first (one write), then lose their facts but their keys; their
        old keys and marks go at :meth:`remove_replaced`, once the new facts are written. Killed at any
        point, each node the step changed is unsettled (marked, or a key with two values or in one graph
        only) and the next update counts it from the graph (:meth:`_recount`)."""
        wanted: dict[str, set[ox.Quad]] = {iri: set() for iri in gone}  # node -> its facts but keys
        now: dict[str, PairState] = {}
        members: dict[str, Pair] = {}
        for pair, entry in state.items():
            node = pair_node(*pair).value
            now[node], members[node] = (entry.deal, frozenset(entry.partners)), pair
            empty = now[node] == (None, frozenset())
            wanted[node] = set() if empty else {_merged(q) for q in node_quads(pair, entry.partners)}
        new: list[ox.Quad] = []
        losing: dict[str, set[ox.Quad]] = {}
        for iri, want in sorted(wanted.items()):
            held, settled = self._node_facts(ox.NamedNode(iri))
            new += [
                ox.Quad(q.subject, q.predicate, q.object, RESOLVED_GRAPH)
                for q in sorted(want - settled, key=str)
            ]
            losing[iri] = held - want
        kept = self._loaded()
        leaving = {
            iri
            for iri in wanted
            for i, ranking in enumerate(RANKINGS)
            if iri in kept[i].keys and (iri not in now or ranking.of(now[iri]) is None)
        }
        self._mark({iri for iri, facts in losing.items() if facts} | leaving, touched)
        for facts in losing.values():
            for t in sorted(facts, key=str):
                for q in list(self.store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
                    self.store.remove(q)
        for iri in wanted:
            if wanted[iri]:
                self._pairs[iri] = members[iri]
                for i, ranking in enumerate(RANKINGS):
                    label = reader.label(members[iri][0]) or ""
                    self._place(i, iri, ranking.of(now[iri]), label, touched, members[iri] in renamed)
            else:
                self._pairs.pop(iri, None)
        for i, ranking in enumerate(RANKINGS):
            new += self._rerank(i, ranking, touched[i], reader)
        return new

    def _mark(self, nodes: set[str], touched: list[set[int]]) -> None:
        """Mark the nodes as unsettled, all in one write, before they lose a fact: a copy of each of their
        keys in graph/pair-replacing, which :meth:`remove_replaced` removes with their old keys. Their keys
        are then dropped here (placed again by the step)."""
        kept = self._loaded()
        marks: list[ox.Quad] = []
        for iri in sorted(nodes):
            keyed = [i for i in range(len(RANKINGS)) if iri in kept[i].keys]
            for i in keyed or [0]:  # (a node without a key: a mark all the same)
                key = kept[i].keys.get(iri, 0)
                marks.append(ox.Quad(ox.NamedNode(iri), RANKINGS[i].predicate, int_lit(key), MARK_GRAPH))
            kept[0].replaced.add(iri)
            for i in keyed:
                old = kept[i].drop(iri, RANKINGS[i].rank_bits)
                if old is not None:
                    touched[i].add(old)
        self.store.extend(marks)

    def _place(
        self, i: int, node: str, primary: int | None, first_label: str, touched: list[set[int]], renamed: bool
    ) -> None:
        """Put a node in the bucket of its primary value (out of the ranking when None); the buckets it
        leaves or joins are re-ranked, and its own when a name of the pair changed (ranks sort by names).
        A key it had goes at :meth:`remove_replaced`."""
        kept, ranking = self._loaded()[i], RANKINGS[i]
        bucket = None if primary is None else ranking.bucket(primary, first_label)
        old = kept.keys.get(node)
        if old is not None and old >> ranking.rank_bits == bucket:
            if renamed:
                touched[i].add(bucket)
                self._moving[i].add(node)  # (its place among the others is found again)
            return
        if old is not None:
            touched[i].add(old >> ranking.rank_bits)
            kept.drop(node, ranking.rank_bits)
        if bucket is not None:
            kept.buckets.setdefault(bucket, set()).add(node)
            self._arrived[i].setdefault(bucket, set()).add(node)
            touched[i].add(bucket)

    def _rerank(self, i: int, ranking: Ranking, buckets: set[int], reader: GraphReader) -> list[ox.Quad]:
        """The new keys of the members of ``buckets`` (:mod:`.pair_rerank`): those that came or whose names
        changed are placed among the others, which are in order already."""
        k, bits = self._loaded()[i], ranking.rank_bits
        moving, self._moving[i] = self._moving[i], set()
        arrived, self._arrived[i] = self._arrived[i], {}
        new: list[ox.Quad] = []
        read: dict[str, Pair] = {}  # the companies of the settled members compared (read once)
        for b in sorted(buckets):
            primary = ranking.primary(b)
            found: dict[str, tuple[object, ...]] = {}  # (a binary search compares the same members again)

            def sort_key(
                nd: str, primary: int = primary, found: dict[str, tuple[object, ...]] = found
            ) -> tuple[object, ...]:
                if (key := found.get(nd)) is None:
                    pair = (
                        self._pairs.get(nd)
                        or read.get(nd)
                        or read.setdefault(nd, self._members(ox.NamedNode(nd)))
                    )
                    labels = (reader.label(pair[0]) or "", reader.label(pair[1]) or "")
                    key = found[nd] = ranking.rank_key(pair, labels, primary)
                return key

            placed = rerank_bucket(k, b, bits, arrived.get(b, ()), moving, sort_key)
            new += rerank_whole(k, b, bits, moving, sort_key) if placed is None else placed
        return new


def _merged(q: ox.Quad) -> ox.Quad:
    return ox.Quad(q.subject, q.predicate, q.object, MERGED)
