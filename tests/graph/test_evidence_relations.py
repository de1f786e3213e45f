"""The evidence groups written with the statements (``pkg:evidenceGroup``: a subject's statements of one
relation type and property), by which the evidence question finds a subject's statements of one relation:
the answers equal the reference's, a build in several runs (with entities merged and a document removed)
holds the same groups as one build, a graph written without them gets them once, and a group shared by two
entities (a name two documents resolve differently) gives each its own statements. And the same for
``pkg:notCurrentObject``, written for a statement that is not current (for compounds-by-indication)."""

from __future__ import annotations

import pyoxigraph as ox
from test_crowded_targets_kept import release as named_release
from test_evidence_page import ASKED, RELEASES, check_pages
from test_slow_questions import indication_release

from pharmakg.graph.evidence_relations import (
    EVIDENCE_GROUP,
    GROUP_PROPERTY,
    GROUP_RELATION,
    GROUP_SUBJECT,
    NOT_CURRENT,
    lacks_not_current,
    missing_evidence_groups,
    missing_not_current,
    property_key,
)
from pharmakg.graph.rdf_terms import RESOLVED_GRAPH
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.stream_fill import lacks_derived_facts, missing_derived_facts
from pharmakg.ontology.namespaces import PKG

MERGED = ox.DefaultGraph()
GROUP_FACTS = (EVIDENCE_GROUP, GROUP_SUBJECT, GROUP_RELATION, GROUP_PROPERTY)
RELATIONS = ["TARGETS", "targets", "INDICATION", "indication", "in phase", "phaseRecord", "hasPayload"]


def groups(kg: KnowledgeGraph) -> set[ox.Quad]:
    return {q for p in GROUP_FACTS for q in kg.store.quads_for_pattern(None, p, None, None)}


def _graph(*batches: list) -> KnowledgeGraph:
    kg = KnowledgeGraph.open()
    for batch in batches:
        kg.add_extractions(batch)
    return kg


def merged_releases() -> list:
    """ZB-12 and zanobrutamab named apart in two releases, then shown to be one compound by a third."""
    return [
        named_release(
            "m1",
            {"c": ("COMPOUND", "ZB-12"), "t": ("TARGET", "CD56"), "h": ("TARGET", "HER2")},
            [("TARGETS", "c", "t"), ("TARGETS", "c", "h")],
        ),
        named_release(
            "m2",
            {"c": ("COMPOUND", "zanobrutamab"), "t": ("TARGET", "CD56"), "d": ("DISEASE", "NSCLC")},
            [("TARGETS", "c", "t"), ("INDICATION", "c", "d")],
            date="2024-02-03",
        ),
        named_release(
            "m3",
            {"c": ("COMPOUND", "ZB-12", "zanobrutamab"), "p": ("PAYLOAD", "DM4"), "d": ("DISEASE", "NSCLC")},
            [("HAS_PAYLOAD", "c", "p"), ("INDICATION", "c", "d")],
            date=None,
        ),
    ]


def test_property_key_is_the_lower_cased_local_name() -> None:
    assert property_key(PKG.hasPayload) == "haspayload"
    assert property_key(None) == "" and property_key("https://example.org/no-hash") == ""


def test_every_statement_has_one_group_of_its_subject_and_relation() -> None:
    kg = _graph(RELEASES)
    store = kg.store
    statements = {
        q.subject for q in store.quads_for_pattern(None, ox.NamedNode(PKG.relationType), None, MERGED)
    }
    for a in statements:
        (link,) = store.quads_for_pattern(a, EVIDENCE_GROUP, None, MERGED)
        group = link.object
        (subject,) = (
            q.object for q in store.quads_for_pattern(a, ox.NamedNode(PKG.assertedSubject), None, MERGED)
        )
        assert ox.Quad(group, GROUP_SUBJECT, subject, MERGED) in store
        (kind,) = store.quads_for_pattern(a, ox.NamedNode(PKG.relationType), None, MERGED)
        assert [q.object for q in store.quads_for_pattern(group, GROUP_RELATION, None, MERGED)] == [
            kind.object
        ]
    # in the document graphs of the statements, and in the merged graph
    assert {q.graph_name for q in groups(kg)} == {MERGED} | {
        q.graph_name for q in store.quads_for_pattern(None, ox.NamedNode(PKG.relationType), None, None)
    }


def test_groups_of_a_build_in_runs_with_a_merge_equal_those_of_one_build() -> None:
    releases = merged_releases()
    at_once = _graph(releases)
    in_runs = _graph(releases[1:2], releases[:1], releases[2:])  # the merge comes last
    assert groups(in_runs) == groups(at_once)
    # the merged compound's groups: both names' groups now name one subject
    for relation in RELATIONS:
        for kg in (at_once, in_runs):
            rows = check_pages(kg, {"subject": "zanobrutamab", "relation": relation})
            if relation.lower() == "targets":
                assert len(rows) == 3  # from both names' releases
    # a document removed: the same as a build without it
    assert in_runs.remove_document("m1")
    without = _graph([releases[1], releases[2]])
    assert groups(in_runs) == groups(without)
    for relation in RELATIONS:
        check_pages(in_runs, {"subject": "ZB-12", "relation": relation})


def test_a_group_shared_by_two_entities_gives_each_its_own_statements() -> None:
    """Two entities known by one name in different documents share its groups: here KT-7's statements of
    TARGETS are moved into ZB-12's group (as if a name of both had put them there)."""
    kg = _graph(RELEASES)
    store = kg.store
    zb, kt = (
        next(iter(store.quads_for_pattern(None, ox.NamedNode(PKG.nameKey), ox.Literal(name), MERGED))).subject
        for name in ("zb-12", "kt-7")
    )

    def targets_group(subject: ox.NamedNode | ox.BlankNode | ox.Triple) -> ox.NamedNode | ox.BlankNode:
        for q in store.quads_for_pattern(None, GROUP_SUBJECT, subject, MERGED):
            if ox.Quad(q.subject, GROUP_RELATION, ox.Literal("TARGETS"), MERGED) in store:
                assert isinstance(q.subject, ox.NamedNode)
                return q.subject
        raise AssertionError(subject)

    shared, own = targets_group(zb), targets_group(kt)
    for link in list(store.quads_for_pattern(None, EVIDENCE_GROUP, own, None)):
        store.remove(link)
        store.add(ox.Quad(link.subject, EVIDENCE_GROUP, shared, link.graph_name))
    for fact in list(store.quads_for_pattern(own, GROUP_SUBJECT, None, None)):
        store.add(ox.Quad(shared, GROUP_SUBJECT, fact.object, fact.graph_name))
    for subject in ("ZB-12", "KT-7"):
        for relation in ("TARGETS", "targets"):
            assert check_pages(kg, {"subject": subject, "relation": relation})


def test_a_graph_written_without_groups_gets_them_with_the_same_answers() -> None:
    kg = _graph(merged_releases(), RELEASES)
    written = groups(kg)
    for q in written:
        kg.store.remove(q)
    assert lacks_derived_facts(kg.store)
    filled = missing_evidence_groups(kg.store)
    assert {q.graph_name for q in filled} == {q.graph_name for q in written if q.graph_name != MERGED}
    kg._insert(missing_derived_facts(kg.store))
    assert not lacks_derived_facts(kg.store)

    # other group IRIs (keyed by the subject's IRI), the same links from statements to subjects and relations
    def shape(quads: set[ox.Quad]) -> set[tuple[str, ...]]:
        found = set()
        for link in (q for q in quads if q.predicate == EVIDENCE_GROUP and q.graph_name == MERGED):
            facts = {(q.predicate.value, str(q.object)) for q in quads if q.subject == link.object}
            found.add((str(link.subject), *sorted(facts)))
        return found

    assert shape(groups(kg)) == shape(written)
    for params in [*ASKED, *({"subject": "ZB-12", "relation": r} for r in RELATIONS)]:
        check_pages(kg, params)


def test_a_triples_graph_gets_its_groups_in_graph_resolved() -> None:
    kg = _graph(RELEASES)
    flat = ox.Store()
    flat.extend(ox.Quad(q.subject, q.predicate, q.object, MERGED) for q in kg.store if q.graph_name == MERGED)
    for p in GROUP_FACTS:
        for q in list(flat.quads_for_pattern(None, p, None, None)):
            flat.remove(q)
    filled = missing_evidence_groups(flat)
    assert filled and {q.graph_name for q in filled} == {RESOLVED_GRAPH}


def not_current_releases() -> list:
    """Indications stated as not current, one by a name that a later release merges into ZB-12."""
    return [
        indication_release("doc1", "ZB-12", "ovarian cancer"),
        indication_release("doc2", "ZB-12", "ovarian cancer", "discontinued"),
        indication_release("doc3", "zanobrutamab", "ovarian cancer", "declined"),
        indication_release("doc4", "KT-7", "ovarian cancer", "option"),
        named_release(
            "doc5",
            {"c": ("COMPOUND", "ZB-12", "zanobrutamab"), "d": ("DISEASE", "ovarian cancer")},
            [("INDICATION", "c", "d")],
            date="2024-01-05",
        ),
    ]


def not_current(kg: KnowledgeGraph) -> set[ox.Quad]:
    return set(kg.store.quads_for_pattern(None, NOT_CURRENT, None, None))


def test_statements_that_are_not_current_are_found_by_their_pair_in_any_build() -> None:
    releases = not_current_releases()
    at_once = _graph(releases)
    in_runs = _graph(releases[2:4], releases[:1], releases[4:], releases[1:2])
    assert not_current(in_runs) == not_current(at_once)
    assert len({(q.subject, q.object) for q in not_current(at_once)}) == 2  # ZB-12 (two names) and KT-7
    asked = {"disease": "ovarian cancer", "limit": "all"}
    rows = at_once.run("compounds-by-indication", asked).records()
    # one compound (ZB-12 and zanobrutamab merged), stated in all four documents; KT-7 never current: no row
    assert [r["documents"] for r in rows] == ["release_doc1; release_doc2; release_doc3; release_doc5"]
    assert (
        in_runs.run("compounds-by-indication", asked).rows
        == at_once.run("compounds-by-indication", asked).rows
    )
    # a document removed: as a build without it
    assert in_runs.remove_document("doc3")
    without = _graph([r for r in releases if r.document.doc_id != "doc3"])
    assert not_current(in_runs) == not_current(without)


def test_a_graph_written_without_not_current_objects_gets_the_same_ones() -> None:
    kg = _graph(not_current_releases())
    written = not_current(kg)
    assert written and not lacks_not_current(kg.store)
    for q in written:
        kg.store.remove(q)
    assert lacks_not_current(kg.store) and lacks_derived_facts(kg.store)
    assert set(missing_not_current(kg.store)) == {q for q in written if q.graph_name != MERGED}
    kg._insert(missing_derived_facts(kg.store))
    assert not_current(kg) == written and not lacks_derived_facts(kg.store)
    # a graph without statements that are not current lacks nothing
    assert not lacks_not_current(_graph(not_current_releases()[:1]).store)
