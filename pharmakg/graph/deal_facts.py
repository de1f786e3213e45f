"""Kept facts of the deals question's page: what a deal's columns are found from, reachable from the pair.

A page of ``deals`` (queries/deals.rq) ranks the deals by the pair nodes' ``pkg:dealOrder``
(:mod:`pharmakg.graph.pair_order`) and finds the columns of its 50 pairs only, in one OPTIONAL that Oxigraph
loops over per pair. Two kinds of column could not be found per pair from the statements as written (see
BENCHMARKS.md, "deals: what was tried"): the assets named in the sentence of an agreement (a join of every
statement sharing that sentence's text) and the licences whose licensor is the compound's developer (every
statement of the developer's compounds read). So:

- ``?ag pkg:sentenceStatement ?s2``, written with the document (:func:`sentence_statements`): ``s2`` is a
  statement of relation DEVELOPED_BY or LICENSED_TO stated in the same sentence (same text, start and
  document) as a statement that supports the agreement ``ag``. Both are statements of one document, whose
  IRIs do not depend on resolution, so the link comes and goes with the document's graph. A graph written
  before pharmakg wrote it gets it once (:func:`missing_sentence_statements`).
- ``?s pkg:licensedFrom ?o`` and ``?s pkg:licencePair ?pair``, kept by the store (:class:`DealLicences`), for
  a LICENSED_TO statement ``s`` with a subject: ``o`` is its stated licensor or a developer of its subject
  (the two ways deals.rq reads a licensor) **that is a partner** (``pkg:partnerOf``) of its object, and
  ``pair`` the pair node of that object and ``o`` (:func:`pharmakg.graph.pair_order.pair_node`). The page's
  licence branches start from the pair (one lookup by the pair node), which the developer's compounds could
  not, and read a licence only between partners (``FILTER EXISTS { ?a pkg:partnerOf ?b }``): kept for every
  licensor, the facts grew as a hub compound's licences x its developers (1.1M quads at 10k releases, most
  of the writer's growth); kept for partners only, the page's answers are the same (BENCHMARKS.md,
  s20-licences). The facts depend on the statement, the developers of its subject, the partners of its
  objects and the IRIs of the companies, so the writer recomputes them for the statements a batch writes or
  removes, the compounds that lose a developer, the licences between companies that are partners no more and
  the licences naming an entity renamed or merged away; a compound that gains a developer, and a licensee
  that gains a partner, give the licences concerned that licensor by delta. :func:`missing_licence_facts`
  counts them from scratch (the tests' oracle, and a graph written without them gets them once); a graph
  that kept them for every licensor has them written again (:func:`keeps_retired_licence_facts`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from pharmakg.graph.pair_links import lacks_kept_facts, ordered, value
from pharmakg.graph.pair_order import pair_node
from pharmakg.graph.rdf_terms import RDF_TYPE, RESOLVED_GRAPH, n
from pharmakg.ontology.namespaces import PKG, PROV

MERGED = ox.DefaultGraph()
TYPE, AGREEMENT = n(RDF_TYPE), n(PKG.Agreement)
RELATION_TYPE, SUBJECT, OBJECT = n(PKG.relationType), n(PKG.assertedSubject), n(PKG.assertedObject)
LICENSOR, DEVELOPED_BY, SUPPORTED_BY = n(PKG.licensor), n(PKG.developedBy), n(PKG.supportedBy)
TEXT, START, DERIVED_FROM = n(PKG.evidenceText), n(PKG.charStart), n(PROV.wasDerivedFrom)
GROUP, GROUP_SUBJECT, GROUP_RELATION = (
    n(PKG.evidenceGroup),
    n(PKG.evidenceSubject),
    n(PKG.evidenceRelationType),
)
SENTENCE_STATEMENT = n(PKG.sentenceStatement)
LICENSED_FROM, LICENCE_PAIR, PARTNER_OF = n(PKG.licensedFrom), n(PKG.licencePair), n(PKG.partnerOf)
LICENSED_TO = ox.Literal("LICENSED_TO")
ASSET_RELATIONS = frozenset({"DEVELOPED_BY", "LICENSED_TO"})
LICENCE_FACTS = (LICENSED_FROM, LICENCE_PAIR)
ABOUT_PER_COMPOUND = 16  # (DealLicences._licences_between: the reads of a compound's licences, about)
WATCHED = frozenset({RELATION_TYPE, DEVELOPED_BY, PARTNER_OF})  # the quads :meth:`DealLicences.seen` follows
_Node = ox.NamedNode | ox.BlankNode
_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


# ------------------------------------------------------------------------------- sentence statements
def sentence_statements(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The ``pkg:sentenceStatement`` links of one document's quads (in their graph): each agreement to the
    DEVELOPED_BY / LICENSED_TO statements that share a text, a start and a document with a statement
    supporting it (what deals.rq's assets join matches)."""
    facts: dict[_Term, dict[ox.NamedNode, set[_Term]]] = {}
    agreements: set[_Term] = set()
    support: list[tuple[_Term, _Term, ox.NamedNode | ox.BlankNode | ox.DefaultGraph]] = []
    for q in quads:
        if q.predicate in (TEXT, START, DERIVED_FROM, RELATION_TYPE):
            facts.setdefault(q.subject, {}).setdefault(q.predicate, set()).add(q.object)
        elif q.predicate == SUPPORTED_BY:
            support.append((q.subject, q.object, q.graph_name))
        elif q.predicate == TYPE and q.object == AGREEMENT:
            agreements.add(q.subject)
    by_sentence: dict[tuple[_Term, _Term], set[_Term]] = {}  # (text, start) -> asset statements
    for s, f in facts.items():
        if {t.value for t in f.get(RELATION_TYPE, ()) if isinstance(t, ox.Literal)} & ASSET_RELATIONS:
            for text in f.get(TEXT, ()):
                for start in f.get(START, ()):
                    by_sentence.setdefault((text, start), set()).add(s)
    out: set[ox.Quad] = set()
    for ag, s, graph in support:
        if ag not in agreements or not isinstance(ag, ox.NamedNode | ox.BlankNode):
            continue
        f = facts.get(s, {})
        for text in f.get(TEXT, ()):
            for start in f.get(START, ()):
                for s2 in by_sentence.get((text, start), ()):
                    if f.get(DERIVED_FROM, set()) & facts[s2].get(DERIVED_FROM, set()):
                        assert isinstance(s2, ox.NamedNode | ox.BlankNode)
                        out.add(ox.Quad(ag, SENTENCE_STATEMENT, s2, graph))
    return sorted(out, key=str)


def lacks_sentence_statements(store: ox.Store) -> bool:
    """Whether a graph whose agreements are supported by statements has no ``pkg:sentenceStatement``."""
    if next(iter(store.quads_for_pattern(None, SENTENCE_STATEMENT, None, MERGED)), None) is not None:
        return False
    return next(iter(sentence_statement_quads(store)), None) is not None


def missing_sentence_statements(store: ox.Store) -> list[ox.Quad]:
    """The ``pkg:sentenceStatement`` links of a graph written without them, in the graphs that hold the
    agreements' support (their documents'; graph/resolved for a graph read from a triples file)."""
    return sorted(set(sentence_statement_quads(store)), key=str)


def sentence_statement_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """:func:`missing_sentence_statements` one agreement at a time (a stored fill's memory is one
    agreement's links)."""
    for q in store.quads_for_pattern(None, TYPE, AGREEMENT, MERGED):
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode):
            yield from sorted(_agreement_links(store, q.subject), key=str)


def agreement_links(store: ox.Store, ag: _Node) -> set[ox.Quad]:
    """One agreement's ``pkg:sentenceStatement`` links, found from the statements (not the kept links)."""
    return _agreement_links(store, ag)


def _agreement_links(store: ox.Store, ag: _Node) -> set[ox.Quad]:
    out: set[ox.Quad] = set()
    for sup in store.quads_for_pattern(ag, SUPPORTED_BY, None, MERGED):
        s = sup.object
        assert isinstance(s, ox.NamedNode | ox.BlankNode)
        mine = {p: set(_objects(store, s, p)) for p in (TEXT, START, DERIVED_FROM)}
        graphs = {g.graph_name for g in store.quads_for_pattern(ag, SUPPORTED_BY, s, None)} - {MERGED}
        for text in mine[TEXT]:
            for q2 in store.quads_for_pattern(None, TEXT, text, MERGED):
                s2 = q2.subject
                assert isinstance(s2, ox.NamedNode | ox.BlankNode)
                types = {t.value for t in _objects(store, s2, RELATION_TYPE) if isinstance(t, ox.Literal)}
                if not types & ASSET_RELATIONS:
                    continue
                if mine[START] & set(_objects(store, s2, START)) and mine[DERIVED_FROM] & set(
                    _objects(store, s2, DERIVED_FROM)
                ):
                    out.update(
                        ox.Quad(ag, SENTENCE_STATEMENT, s2, g)
                        for g in sorted(graphs, key=str) or [RESOLVED_GRAPH]
                    )
    return out


def _objects(store: ox.Store, s: _Node, p: ox.NamedNode) -> list[_Term]:
    return [q.object for q in store.quads_for_pattern(s, p, None, MERGED)]


# ---------------------------------------------------------------------------------- licence facts
def licence_facts(store: ox.Store, s: _Node) -> set[ox.Quad]:
    """The kept licence facts of one statement (in graph/resolved): its licensors (stated or developers of
    its subject) that are partners of one of its objects, and the pair node of each such object and
    licensor (none unless it is a LICENSED_TO statement with a subject). deals.rq reads a licence only
    between partners (``FILTER EXISTS { ?a pkg:partnerOf ?b }``), so the licensors of its other pairs were
    kept for nothing: a hub compound's licences x its developers (1.1M quads at 10k releases)."""
    if ox.Quad(s, RELATION_TYPE, LICENSED_TO, MERGED) not in store:
        return set()
    subjects = _named_subjects(store, s)
    if not subjects:
        return set()
    out: set[ox.Quad] = set()
    for x in _objects(store, s, OBJECT):
        if not isinstance(x, ox.NamedNode):
            continue
        for o in _partners(store, x):
            if o != x and _licenses(store, s, subjects, o):
                out.update(_licensor_facts(s, x, o))
    return out


def _licensor_facts(s: _Node, x: ox.NamedNode, o: ox.NamedNode) -> tuple[ox.Quad, ox.Quad]:
    """The two facts licensor ``o``, a partner of the licence's object ``x``, gives the licence ``s``."""
    return (
        ox.Quad(s, LICENSED_FROM, o, RESOLVED_GRAPH),
        ox.Quad(s, LICENCE_PAIR, pair_node(*ordered(x.value, o.value)), RESOLVED_GRAPH),
    )


def _pair_facts(store: ox.Store, s: _Node, objects: list[ox.NamedNode], o: ox.NamedNode) -> set[ox.Quad]:
    """The facts licensor ``o`` gives the licence ``s`` with those of its objects that are its partners."""
    out: set[ox.Quad] = set()
    for x in objects:
        if x != o and ox.Quad(x, PARTNER_OF, o, MERGED) in store:
            out.update(_licensor_facts(s, x, o))
    return out


def _named_subjects(store: ox.Store, s: _Node) -> list[ox.NamedNode]:
    return [c for c in _objects(store, s, SUBJECT) if isinstance(c, ox.NamedNode)]


def _partners(store: ox.Store, x: ox.NamedNode) -> list[ox.NamedNode]:
    return [o for o in _objects(store, x, PARTNER_OF) if isinstance(o, ox.NamedNode)]


def _licenses(store: ox.Store, s: _Node, subjects: list[ox.NamedNode], o: ox.NamedNode) -> bool:
    """Whether ``o`` is a licensor of the licence: stated, or a developer of its subject (looked up, not read:
    a hub compound has hundreds of developers, a licensee far fewer partners)."""
    if ox.Quad(s, LICENSOR, o, MERGED) in store:
        return True
    return any(ox.Quad(c, DEVELOPED_BY, o, MERGED) in store for c in subjects)


def missing_licence_facts(store: ox.Store) -> list[ox.Quad]:
    """Every statement's kept licence facts, counted from scratch (in graph/resolved)."""
    return sorted(set(licence_fact_quads(store)), key=str)


def licence_fact_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """:func:`missing_licence_facts` one licence statement at a time (each statement's own facts)."""
    for q in store.quads_for_pattern(None, RELATION_TYPE, LICENSED_TO, MERGED):
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode):
            yield from sorted(licence_facts(store, q.subject), key=str)


def lacks_licence_facts(store: ox.Store) -> bool:
    """Whether a graph with licences kept none of their facts (cheap: the first licences are checked)."""
    return lacks_kept_facts(store, LICENSED_FROM, (RELATION_TYPE, LICENSED_TO), licence_facts)


def keeps_retired_licence_facts(store: ox.Store, sample: int = 1000) -> bool:
    """Whether a graph keeps licence facts of a licensor that is no partner of the licence's object, as
    pharmakg did before it kept only partners' (cheap: the first ``sample`` facts are checked; such a fact
    left elsewhere changes no answer, as deals.rq reads licences between partners only)."""
    for i, q in enumerate(store.quads_for_pattern(None, LICENSED_FROM, None, MERGED)):
        if i >= sample:
            break
        s, o = q.subject, q.object
        if not isinstance(s, ox.NamedNode | ox.BlankNode):
            continue
        objects = [x for x in _objects(store, s, OBJECT) if isinstance(x, ox.NamedNode) and x != o]
        if not any(ox.Quad(x, PARTNER_OF, o, MERGED) in store for x in objects):
            return True
    return False


def retire_licence_facts(store: ox.Store, chunk: int = 20_000) -> None:
    """Remove every kept licence fact (every graph's copy), ``chunk`` at a time (each read by an iterator
    closed before its removals): a fill then writes them as they are kept now."""
    for p in LICENCE_FACTS:
        while part := list(itertools.islice(store.quads_for_pattern(None, p, None, None), chunk)):
            for q in part:
                store.remove(q)


class DealLicences:
    """The licence facts of a store, recomputed for what the writer changes (see the module doc)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._statements: set[_Node] = set()  # LICENSED_TO statements written or removed
        self._compounds: set[str] = set()  # compounds whose developers may have changed (licences recomputed)
        # compound -> developers new to the merged graph: its licences gain them, by delta (a hub compound has
        # hundreds of licences and developers: recomputing its licences whole grew with the store squared)
        self._gained: dict[str, set[str]] = {}
        self._left: set[ox.Quad] = set()  # developer and partner triples that left a document graph
        self._entities: set[str] = set()  # entities renamed or merged into (their new IRIs)
        # (licensee, company) pairs that became partners: the licences between them gain facts, by delta
        self._partnered: set[tuple[str, str]] = set()
        # True while the build's last step renames in chunks: the news wait for one update after the chunks
        # (:func:`pharmakg.graph.bookkeeping.finish_remints`; recomputed per chunk, they cost the step twice)
        self.held = False

    def seen(self, q: ox.Quad, written: bool) -> None:
        """A quad of a document graph about to be written or removed (a LICENSED_TO statement's type, a
        developer)."""
        if q.predicate == RELATION_TYPE:
            if q.object == LICENSED_TO and isinstance(q.subject, ox.NamedNode | ox.BlankNode):
                self._statements.add(q.subject)
        elif q.predicate in (DEVELOPED_BY, PARTNER_OF):
            triple = ox.Quad(q.subject, q.predicate, q.object, MERGED)
            if not written:
                self._left.add(triple)  # news at the update if it leaves the merged graph
            elif triple not in self.store and isinstance(q.object, ox.NamedNode):  # a new developer, partner
                if q.predicate == DEVELOPED_BY:
                    self._gained.setdefault(value(q.subject), set()).add(q.object.value)
                else:
                    self._partnered.add((value(q.subject), q.object.value))

    def renaming(self, old: str, new: str) -> None:
        """``old`` is about to be renamed ``new`` (or merged into it). Only the licences naming ``old``
        are recomputed (and those of compound ``new`` when ``old`` is a compound with developers, which
        become its developers): a licence that does not name ``old`` keeps its licensors, objects and their
        IRIs. (All licences naming ``new`` were recomputed before: a hub licensor names hundreds, and the
        merges into it of each batch made the writer's cost grow with the store squared.) Old's partners
        become new's, and old's compounds new's: the licences between them gain new by delta."""
        if any(old in names for names in (self._compounds, self._entities)):
            self._entities.add(new)  # (old's pending recount is new's now)
        for names in (self._compounds, self._entities):
            names.discard(old)
        o, nw = ox.NamedNode(old), ox.NamedNode(new)
        for c, developers in list(self._gained.items()):  # (a delta naming old: recomputed whole instead)
            if c in (old, new) or old in developers or new in developers:
                del self._gained[c]
                self._compounds.add(new if c == old else c)
        self._left = {
            ox.Quad(
                nw if t.subject == o else t.subject, t.predicate, nw if t.object == o else t.object, MERGED
            )
            for t in self._left
        }
        partners = {(new if x == old else x, new if y == old else y) for x, y in self._partnered}
        self._partnered = {(x, y) for x, y in partners if x != y}
        if self.held:
            return  # (:meth:`renamed` finds what this rename changes, after all of them)
        self._statements.update(self._naming(o))  # (read before the rename rewrites them)
        if next(iter(self.store.quads_for_pattern(o, DEVELOPED_BY, None, MERGED)), None) is not None:
            self._compounds.add(new)
        for x in _objects(self.store, o, PARTNER_OF):
            if (
                isinstance(x, ox.NamedNode)
                and x != nw
                and ox.Quad(nw, PARTNER_OF, x, MERGED) not in self.store
            ):
                self._partnered |= {(x.value, new), (new, x.value)}
        for compound in _subjects(self.store, DEVELOPED_BY, o):
            if ox.Quad(compound, DEVELOPED_BY, nw, MERGED) not in self.store:
                self._gained.setdefault(value(compound), set()).add(new)

    def renamed(self, entities: Iterable[str]) -> None:
        """The build's last step renamed entities to these IRIs, its licence news maybe lost to a kill: at
        the next update, recompute the licences that name them and those of the compounds among them, and
        give the licences of the compounds they develop their new licensor (by delta: a partner of one of
        those licences' objects). A licence whose facts a rename changes names the entity or is one of
        those (a stated licensor is named; a partner of the object is a licensor of it)."""
        for e in sorted(set(entities)):
            node = ox.NamedNode(e)
            self._entities.add(e)
            for c in _subjects(self.store, DEVELOPED_BY, node):
                self._gained.setdefault(value(c), set()).add(e)

    def recheck(self, entities: Iterable[str]) -> None:
        """A rolled-back batch touched these entities: recompute at the next update the licences that name
        them (as renamed ones are), those of the compounds among them, and the licences left without their
        statement whose licensor develops one of them. A recovery killed after it removed the batch's
        documents and before its update lost the news of their statements and developers leaving."""
        for e in sorted(set(entities)):
            self._entities.add(e)
            for o in _objects(self.store, ox.NamedNode(e), DEVELOPED_BY):
                licences = _subjects(self.store, LICENSED_FROM, o)
                self._statements.update(s for s in licences if not self._licence(s))

    def update(self) -> list[ox.Quad]:
        """The new licence facts after a batch, in graph/resolved; those they replace are removed."""
        if self.held:
            return []
        left = [t for t in self._left if t not in self.store]
        compounds = set(self._compounds) | {value(t.subject) for t in left if t.predicate == DEVELOPED_BY}
        statements = set(self._statements)
        for t in left:  # partners no more: the licences to one from the other lose that licensor
            if t.predicate == PARTNER_OF:
                licensees = _subjects(self.store, LICENSED_FROM, t.object)
                statements.update(s for s in licensees if ox.Quad(s, OBJECT, t.subject, MERGED) in self.store)
        for e in sorted(self._entities):
            node = ox.NamedNode(e)
            compounds.add(e)
            statements.update(_subjects(self.store, LICENSED_FROM, node))
            statements.update(s for s in _subjects(self.store, OBJECT, node) if self._licence(s))
            statements.update(_subjects(self.store, LICENSOR, node))
        for c in sorted(compounds):
            statements.update(self._licences_of(ox.NamedNode(c)))
        gained = {c: d for c, d in self._gained.items() if c not in compounds}
        partnered = sorted(self._partnered)
        self._statements, self._compounds, self._left, self._entities = set(), set(), set(), set()
        self._gained, self._partnered = {}, set()
        gains = self._gains(gained, statements) + self._partner_gains(partnered, statements)
        new = sorted(set(gains), key=str)  # (a new developer that is a new partner: both give its facts)
        for s in sorted(statements, key=str):
            keep = licence_facts(self.store, s)
            want = set(keep)
            for p in LICENCE_FACTS:
                for q in list(self.store.quads_for_pattern(s, p, None, None)):
                    if ox.Quad(q.subject, q.predicate, q.object, RESOLVED_GRAPH) not in keep:
                        self.store.remove(q)  # (every graph's copy)
                    elif q.graph_name == RESOLVED_GRAPH:
                        want.discard(q)  # kept as it is
            new += sorted(want, key=str)
        return new

    def _gains(self, gained: dict[str, set[str]], recomputed: set[_Node]) -> list[ox.Quad]:
        """The facts the licences of compounds that only gained developers gain (those not recomputed
        whole): each new developer ``o`` is one more licensor, so ``licensedFrom o`` and the pairs of the
        objects with ``o``; nothing leaves (a developer that left, a changed statement, a rename: recomputed
        whole)."""
        found: dict[_Node, set[str]] = {}
        for c, developers in sorted(gained.items()):
            for s in self._licences_of(ox.NamedNode(c)):
                if s not in recomputed:
                    found.setdefault(s, set()).update(developers)
        new: set[ox.Quad] = set()
        for s, developers in found.items():
            objects = [x for x in _objects(self.store, s, OBJECT) if isinstance(x, ox.NamedNode)]
            for o in developers:
                new.update(_pair_facts(self.store, s, objects, ox.NamedNode(o)))
        return sorted((q for q in new if q not in self.store), key=str)

    def _partner_gains(self, partnered: list[tuple[str, str]], recomputed: set[_Node]) -> list[ox.Quad]:
        """The facts the licences to ``x`` whose licensor is ``o`` gain when the two became partners (those
        not recomputed whole; a partnership that left, a rename: recomputed whole)."""
        new: set[ox.Quad] = set()
        for x, o in partnered:
            licensee, licensor = ox.NamedNode(x), ox.NamedNode(o)
            if ox.Quad(licensee, PARTNER_OF, licensor, MERGED) not in self.store:
                continue  # (written and removed again)
            for s in self._licences_between(licensee, licensor):
                if s not in recomputed:
                    new.update(_pair_facts(self.store, s, [licensee], licensor))
        return sorted((q for q in new if q not in self.store), key=str)

    def _licences_between(self, x: ox.NamedNode, o: ox.NamedNode) -> set[_Node]:
        """The licences to ``x`` whose licensor is ``o`` (stated, or a developer of their subject), found from
        the smaller side: the statements about ``x`` or the compounds ``o`` develops, read in turns until one
        ends (a hub company is the object of thousands of statements, or develops hundreds of compounds);
        ``ABOUT_PER_COMPOUND`` statements per compound, as a compound's licences cost as many reads."""
        about = self.store.quads_for_pattern(None, OBJECT, x, MERGED)
        developed = self.store.quads_for_pattern(None, DEVELOPED_BY, o, MERGED)
        read: tuple[list[ox.Quad], list[ox.Quad]] = ([], [])
        while True:
            before = len(read[0])
            read[0].extend(itertools.islice(about, ABOUT_PER_COMPOUND))
            if len(read[0]) - before < ABOUT_PER_COMPOUND:  # (the statements about x ended)
                found = {q.subject for q in read[0] if isinstance(q.subject, ox.NamedNode | ox.BlankNode)}
                return {
                    s
                    for s in found
                    if self._licence(s) and _licenses(self.store, s, _named_subjects(self.store, s), o)
                }
            if (q := next(developed, None)) is None:
                found = set(_subjects(self.store, LICENSOR, o))
                for c in read[1]:
                    if isinstance(c.subject, ox.NamedNode):
                        found |= self._licences_of(c.subject)
                return {s for s in found if self._licence(s) and ox.Quad(s, OBJECT, x, MERGED) in self.store}
            read[1].append(q)

    def _naming(self, e: ox.NamedNode) -> set[_Node]:
        """The licences whose facts name or depend on the entity: it is their licensor (stated or a
        developer of their subject: the kept licensedFrom), their object or their subject."""
        found = set(_subjects(self.store, LICENSED_FROM, e))
        for p in (OBJECT, SUBJECT, LICENSOR):
            found.update(s for s in _subjects(self.store, p, e) if self._licence(s))
        return found

    def _licence(self, s: _Node) -> bool:
        return ox.Quad(s, RELATION_TYPE, LICENSED_TO, MERGED) in self.store

    def _licences_of(self, c: ox.NamedNode) -> set[_Node]:
        """The LICENSED_TO statements about the compound, through its evidence groups of that relation (a
        hub compound's other statements are not read)."""
        found: set[_Node] = set()
        for g in _subjects(self.store, GROUP_SUBJECT, c):
            if ox.Quad(g, GROUP_RELATION, LICENSED_TO, MERGED) not in self.store:
                continue
            for s in _subjects(self.store, GROUP, g):
                if ox.Quad(s, SUBJECT, c, MERGED) in self.store:
                    found.add(s)
        return found


def _subjects(store: ox.Store, p: ox.NamedNode, o: _Term) -> list[_Node]:
    return [
        q.subject
        for q in store.quads_for_pattern(None, p, o, MERGED)
        if isinstance(q.subject, ox.NamedNode | ox.BlankNode)
    ]
