"""The deals question's page (queries/deals.rq) and the facts it reads (graph/deal_facts.py,
graph/agreement_pairs.py): every row is the former query's (internal/reference-deals.rq), each page the slice
of every row with the number of rows as its total; the kept licence, agreement pair, agreement asset and
payment pair facts equal a count from scratch as documents are added, changed and removed and companies and
compounds are renamed or merged, a store built in several runs holds those of one built at once, and a graph
written without the facts gets them on opening."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from incremental_helpers import built_in_batches_and_at_once, built_in_runs_and_at_once, extract_texts

from pharmakg import api
from pharmakg.graph.agreement_pairs import (
    AGREEMENT_ASSET,
    AGREEMENT_PAIR,
    PAYMENT_PAIR,
    missing_agreement_assets,
    missing_agreement_pairs,
    missing_payment_pairs,
)
from pharmakg.graph.deal_facts import (
    LICENCE_FACTS,
    OBJECT,
    SENTENCE_STATEMENT,
    missing_licence_facts,
    missing_sentence_statements,
)
from pharmakg.graph.pair_links import PREF_LABEL
from pharmakg.graph.queries import (
    bind_parameters,
    bound_query,
    load_internal_query,
    query_info,
    run_query,
    sorted_result,
)
from pharmakg.graph.store import KnowledgeGraph

QUESTION = "deals"
COMPANIES = ["Alphagen", "Betabio", "Gammarx", "Deltavax", "Epsilonix", "Zetagen"]


def _licensing(i: int) -> str:
    """An invented release: company i%6 licenses its compound to a partner (as stated licensor, or as the
    developer named in another document), with a collaboration and a payment: assets, licences, money."""
    me, one, two = COMPANIES[i % 6], COMPANIES[(i + 1) % 6], COMPANIES[(i + 2) % 6]
    return (
        f"{me} Inc. and {one} Inc. Announce License Agreement\n\nBOSTON, June {i + 1}, 2022 -- {me} Inc. "
        f"and {one} Inc. today announced an exclusive license agreement under which {me} Inc. granted "
        f"{one} Inc. worldwide rights to ALG-40{i % 4}. {one} Inc. will pay {me} Inc. $25 million upfront "
        f"and up to $300 million in milestones. ALG-50{i % 3}, developed by {two} Inc., is licensed to "
        f"{me} Inc. {me} Inc. also entered a collaboration agreement with {two} Inc. for ALG-40{i % 4}.\n"
    )


def licence_quads(kg: KnowledgeGraph) -> set[ox.Quad]:
    return {q for p in LICENCE_FACTS for q in kg.store.quads_for_pattern(None, p, None, None)}


def agreement_pair_quads(kg: KnowledgeGraph) -> set[ox.Quad]:
    return set(kg.store.quads_for_pattern(None, AGREEMENT_PAIR, None, None))


def agreement_asset_quads(kg: KnowledgeGraph) -> set[ox.Quad]:
    return set(kg.store.quads_for_pattern(None, AGREEMENT_ASSET, None, None))


def payment_pair_quads(kg: KnowledgeGraph) -> set[ox.Quad]:
    return set(kg.store.quads_for_pattern(None, PAYMENT_PAIR, None, None))


def sentence_links(kg: KnowledgeGraph) -> set[ox.Quad]:
    return set(kg.store.quads_for_pattern(None, SENTENCE_STATEMENT, None, ox.DefaultGraph()))


def assert_facts_are_a_recount(kg: KnowledgeGraph) -> None:
    """The kept licence and agreement pair facts are a count from scratch (graph/resolved and the merged
    graph), and the sentence links those the merged graph's statements give."""
    for kept, recount in (
        (licence_quads, missing_licence_facts),
        (agreement_pair_quads, missing_agreement_pairs),
        (agreement_asset_quads, missing_agreement_assets),
        (payment_pair_quads, missing_payment_pairs),
    ):
        expected = {
            ox.Quad(q.subject, q.predicate, q.object, g)
            for q in recount(kg.store)
            for g in (q.graph_name, ox.DefaultGraph())
        }
        assert kept(kg) == expected
    recount = {ox.Quad(q.subject, q.predicate, q.object) for q in missing_sentence_statements(kg.store)}
    assert sentence_links(kg) == recount


def assert_pages_are_slices(kg: KnowledgeGraph, params: dict | None = None) -> None:
    """Every row of the question is the former query's, in its order (then the parties' case), and each page
    the slice of every row with the number of rows as its total."""
    params = params or {}
    reference = sorted_result(
        query_info(QUESTION), kg.query(bind_parameters(load_internal_query(f"reference-{QUESTION}"), params))
    )
    every = run_query(kg, QUESTION, {**params, "limit": "all"})
    assert sorted(map(repr, every.rows)) == sorted(map(repr, reference.rows))
    # in the answer's order: ?date LCASE(?parties) ?parties, the parties as the query joins them (run_query
    # sorts the names in a list cell)
    raw = kg.query(bound_query(QUESTION, {**params, "limit": "all"}))
    key = [(str(r[0] or ""), str(r[1]).lower(), str(r[1])) for r in raw.rows]
    assert key == sorted(key)
    for size, start in ((1, 0), (3, 2), (50, 0), (5, 10_000)):
        page = run_query(kg, QUESTION, {**params, "limit": size, "offset": start})
        assert page.rows == every.rows[start : start + size]
        assert page.total == len(every.rows)


def _company(kg: KnowledgeGraph, name: str) -> str:
    found = kg.store.quads_for_pattern(None, PREF_LABEL, ox.Literal(name), ox.DefaultGraph())
    return next(q.subject.value for q in found)


def _compound(kg: KnowledgeGraph, name: str) -> str:
    """The IRI of the compound of that name that is a kept asset of an agreement."""
    assets = {q.object for q in kg.store.quads_for_pattern(None, AGREEMENT_ASSET, None, ox.DefaultGraph())}
    found = kg.store.quads_for_pattern(None, PREF_LABEL, ox.Literal(name), ox.DefaultGraph())
    return next(q.subject.value for q in found if q.subject in assets)


def _history(tmp_path: Path, check) -> KnowledgeGraph:
    """Invented releases added, then more, one changed, one removed, a company re-minted and two merged, a
    compound re-minted and two merged;
    ``check(kg, step)`` after each step."""
    first = extract_texts(tmp_path / "a", {f"l{i}": _licensing(i) for i in range(4)})
    kg = KnowledgeGraph.open()
    kg.add_extractions(first)
    check(kg, "added")
    more = extract_texts(tmp_path / "b", {f"l{i}": _licensing(i) for i in range(4, 9)})
    kg.add_extractions(more)
    check(kg, "more")
    changed = extract_texts(tmp_path / "c", {"l1": _licensing(7)})
    kg.add_extractions(changed, replace=[first[1].document.doc_id])
    check(kg, "changed")
    kg.remove_document(first[0].document.doc_id)
    check(kg, "removed")
    at_once = KnowledgeGraph.open()
    at_once.add_extractions(first[2:] + more + changed)
    assert licence_quads(kg) == licence_quads(at_once)
    assert agreement_pair_quads(kg) == agreement_pair_quads(at_once)
    assert agreement_asset_quads(kg) == agreement_asset_quads(at_once)
    assert payment_pair_quads(kg) == payment_pair_quads(at_once)
    assert sentence_links(kg) == sentence_links(at_once)
    hub = _company(kg, "Alphagen")
    kg._rename(hub, hub + "-renamed")  # a re-mint: the new IRI is new (the pair nodes' IRIs change)
    kg._write_derived(kg.derived.reorder())  # (the keys it replaces go once the new ones are in)
    check(kg, "re-minted")
    gammarx = _company(kg, "Gammarx")
    kg._rename(_company(kg, "Betabio"), gammarx)  # a merge of two companies (a document shows they are one)
    kg._refresh_resolved({gammarx})
    check(kg, "merged")
    asset = _compound(kg, "ALG-400")
    kg._rename(asset, asset + "-renamed")  # a compound re-minted: the kept assets name it
    kg._insert(kg.derived.reorder())
    check(kg, "compound re-minted")
    asset = _compound(kg, "ALG-401")
    kg._rename(_compound(kg, "ALG-403"), asset)  # two compounds merged: one asset less for some agreements
    kg._refresh_resolved({asset})
    check(kg, "compounds merged")
    return kg


def test_facts_follow_documents_added_changed_removed_renamed_and_merged(tmp_path: Path) -> None:
    def check(kg: KnowledgeGraph, step: str) -> None:
        assert_facts_are_a_recount(kg)
        if step == "more":
            assert licence_quads(kg) and sentence_links(kg) and agreement_pair_quads(kg)
            assert agreement_asset_quads(kg) and payment_pair_quads(kg)
            assert {q.predicate for q in licence_quads(kg)} == set(LICENCE_FACTS)
        assert_pages_are_slices(kg)
        assert_pages_are_slices(kg, {"company": "Alphagen"})

    _history(tmp_path, check)


def test_pair_keys_after_each_step_and_the_merge(tmp_path: Path) -> None:
    """The pair facts of graph/pair_order.py are a count from scratch after each step of the history; at the
    last one two companies merge that are shared partners of the same pairs (the rename rewrites the kept
    ``pkg:sharedPartner`` of such a pair to one partner less, and its key must be placed again)."""
    from test_pair_order import assert_keys_are_a_recount

    _history(tmp_path, lambda kg, step: assert_keys_are_a_recount(kg))


def test_a_graph_without_the_facts_gets_them_on_opening(tmp_path: Path) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(extract_texts(tmp_path / "in", {f"l{i}": _licensing(i) for i in range(5)}))
    expected = set(kg.store)
    sentences = set(kg.store.quads_for_pattern(None, SENTENCE_STATEMENT, None, None))
    kept = agreement_pair_quads(kg) | agreement_asset_quads(kg) | payment_pair_quads(kg)
    for q in licence_quads(kg) | kept | sentences:
        kg.store.remove(q)  # as pharmakg wrote graphs before it kept them
    kg.save(tmp_path / "old.nq")
    kg.save(tmp_path / "old-store")
    assert set(KnowledgeGraph.open(tmp_path / "old.nq").store) == expected
    assert set(KnowledgeGraph.open(tmp_path / "old-store").store) == expected


def _former_licence_facts(kg: KnowledgeGraph) -> set[ox.Quad]:
    """The licence facts as pharmakg kept them before (session 9 to 17): for every licensor of a licence,
    partner of its object or not."""
    from pharmakg.graph.deal_facts import (
        DEVELOPED_BY,
        LICENCE_PAIR,
        LICENSED_FROM,
        LICENSED_TO,
        LICENSOR,
        RELATION_TYPE,
        SUBJECT,
        ordered,
        pair_node,
    )

    merged, resolved = ox.DefaultGraph(), ox.NamedNode("https://w3id.org/pharmakg/resource/graph/resolved")
    out: set[ox.Quad] = set()
    for q in kg.store.quads_for_pattern(None, RELATION_TYPE, LICENSED_TO, merged):
        s = q.subject
        subjects = [t.object for t in kg.store.quads_for_pattern(s, SUBJECT, None, merged)]
        if not subjects:
            continue
        licensors = {t.object for t in kg.store.quads_for_pattern(s, LICENSOR, None, merged)}
        for c in subjects:
            licensors |= {t.object for t in kg.store.quads_for_pattern(c, DEVELOPED_BY, None, merged)}
        for o in licensors:
            out |= {ox.Quad(s, LICENSED_FROM, o, g) for g in (resolved, merged)}
            for t in kg.store.quads_for_pattern(s, OBJECT, None, merged):
                if t.object != o:
                    node = pair_node(*ordered(t.object.value, o.value))
                    out |= {ox.Quad(s, LICENCE_PAIR, node, g) for g in (resolved, merged)}
    return out


def test_a_store_that_kept_licence_facts_of_every_licensor_keeps_partners_only_on_opening(
    tmp_path: Path,
) -> None:
    """A store written before the licence facts were kept for partners only (every licensor's, here made
    from a clean build) has them written again at its next opening for writing: the clean build's store, the
    same deals."""
    kg = KnowledgeGraph.open()
    texts = {f"l{i}": _licensing(i) for i in range(5)} | {"d1": _developer_only("Omegavir", "ALG-400", 2)}
    kg.add_extractions(extract_texts(tmp_path / "in", texts))
    expected, deals = set(kg.store), run_query(kg, QUESTION, {"limit": "all"}).rows
    former = _former_licence_facts(kg)
    assert former > licence_quads(kg)  # (Omegavir, a developer of ALG-400, is no partner of its licensees)
    kg.store.extend(former - licence_quads(kg))
    kg.save(tmp_path / "old-store")
    reopened = KnowledgeGraph.open(tmp_path / "old-store")
    assert set(reopened.store) == expected
    assert run_query(reopened, QUESTION, {"limit": "all"}).rows == deals


def test_a_store_built_in_runs_holds_the_facts_of_one_built_at_once(tmp_path: Path) -> None:
    runs, once = built_in_runs_and_at_once(tmp_path, _licensing, "l")
    a, b = (api.open_graph(p, read_only=True) for p in (runs, once))
    assert licence_quads(a) == licence_quads(b)
    assert agreement_pair_quads(a) == agreement_pair_quads(b) != set()
    assert agreement_asset_quads(a) == agreement_asset_quads(b) != set()
    assert payment_pair_quads(a) == payment_pair_quads(b) != set()
    assert sentence_links(a) == sentence_links(b)
    assert_facts_are_a_recount(a)
    assert_pages_are_slices(a)
    assert run_query(a, QUESTION, {"limit": "all"}).rows == run_query(b, QUESTION, {"limit": "all"}).rows


def test_facts_equal_a_recount_on_the_corpus_and_pages_are_slices(corpus_graph) -> None:
    assert_facts_are_a_recount(corpus_graph)
    assert_pages_are_slices(corpus_graph)
    parties = sorted(
        {str(r[1]).split("; ")[0] for r in run_query(corpus_graph, QUESTION, {"limit": "all"}).rows}
    )
    for name in parties[:3]:
        assert_pages_are_slices(corpus_graph, {"company": name})


@pytest.mark.parametrize("count", [1, 5])
def test_the_corpus_built_in_batches_holds_the_facts_of_one_built_at_once(corpus_extractions, count) -> None:
    batches, once = built_in_batches_and_at_once(corpus_extractions, count)
    assert licence_quads(batches) == licence_quads(once)
    assert agreement_pair_quads(batches) == agreement_pair_quads(once)
    assert agreement_asset_quads(batches) == agreement_asset_quads(once)
    assert payment_pair_quads(batches) == payment_pair_quads(once)
    assert sentence_links(batches) == sentence_links(once)


def _developer_only(company: str, compound: str, day: int, partner: str = "") -> str:
    """An invented release naming one more developer of a compound, with no licence of its own (and a
    collaboration with ``partner``: the two become partners)."""
    ally = f" {company} Inc. also entered a collaboration agreement with {partner} Inc." if partner else ""
    return (
        f"{company} Inc. Reports Progress\n\nBOSTON, July {day}, 2022 -- {company} Inc. today announced that "
        f"{compound}, developed by {company} Inc., entered a Phase 2 trial.{ally}\n"
    )


def test_licences_gain_a_new_developer_of_their_compound_by_delta(tmp_path: Path, monkeypatch) -> None:
    """A compound that gains developers in later batches (one with a licence of its own, one without) gives
    its earlier licences the new licensors that are partners of their licensees by delta
    (DealLicences._gains, not a whole recount of each licence), and a licensor that becomes a partner of the
    licensee later gives them its facts by delta too (DealLicences._partner_gains); a developer that is no
    partner gives none: the facts equal a recount after each batch and those of the releases written at
    once."""
    from pharmakg.graph.deal_facts import DealLicences

    gained: dict[str, list[ox.Quad]] = {"_gains": [], "_partner_gains": []}

    def spying(name: str):
        delta = getattr(DealLicences, name)

        def spy(self: DealLicences, *args: object) -> list[ox.Quad]:
            out = delta(self, *args)
            gained[name].extend(out)
            return out

        return spy

    for name in gained:
        monkeypatch.setattr(DealLicences, name, spying(name))
    batches = [
        {
            "l0": _licensing(0)
        },  # Alphagen licenses ALG-400 to Betabio (developed by Alphagen, Gammarx, Betabio)
        {
            "l4": _licensing(4)
        },  # Epsilonix licenses ALG-400 too: one more developer (and a licence), no partner
        {  # one more developer, a partner of the licensee Betabio; Epsilonix becomes one
            "d1": _developer_only("Deltavax", "ALG-400", 2, partner="Betabio"),
            "d2": _developer_only("Zetagen", "ALG-501", 3),
            "d3": _developer_only("Epsilonix", "ALG-777", 4, partner="Betabio"),
        },
    ]
    kg = KnowledgeGraph.open()
    every = []
    for i, texts in enumerate(batches):
        extractions = extract_texts(tmp_path / f"b{i}", texts)
        every += extractions
        kg.add_extractions(extractions)
        assert_facts_are_a_recount(kg)
        if i == 1:  # Epsilonix develops ALG-400 now, but is no partner of its licensees yet
            betabio = ox.NamedNode(_company(kg, "Betabio"))
            to_betabio = [
                q
                for q in licence_quads(kg)
                if ox.Quad(q.subject, OBJECT, betabio, ox.DefaultGraph()) in kg.store
            ]
            assert "epsilonix" not in _licensors(to_betabio) and "alphagen" in _licensors(to_betabio)
    assert "deltavax" in _licensors(gained["_gains"])  # (the earlier licences gained them by delta)
    assert "epsilonix" in _licensors(gained["_partner_gains"])
    at_once = KnowledgeGraph.open()
    at_once.add_extractions(every)
    assert licence_quads(kg) == licence_quads(at_once)
    assert_pages_are_slices(kg)
    partnership = next(e for e in every if "Epsilonix" in e.document.text and "July 4" in e.document.text)
    kg.remove_document(partnership.document.doc_id)  # Epsilonix no partner of Betabio any more
    assert_facts_are_a_recount(kg)
    betabio = ox.NamedNode(_company(kg, "Betabio"))
    to_betabio = [
        q for q in licence_quads(kg) if ox.Quad(q.subject, OBJECT, betabio, ox.DefaultGraph()) in kg.store
    ]
    assert "epsilonix" not in _licensors(to_betabio) and "deltavax" in _licensors(to_betabio)
    assert_pages_are_slices(kg)


def _licensors(quads: list[ox.Quad]) -> set[str]:
    return {q.object.value.rsplit("/", 1)[-1] for q in quads if q.predicate.value.endswith("licensedFrom")}


def test_merges_into_a_licensor_recount_its_licences_only_when_the_merged_entity_names_one(
    tmp_path: Path, monkeypatch
) -> None:
    """A company no licence names merged into a licensor leaves that licensor's licences as they are (none
    recounted); a compound no licence names but with a developer (a partner of a licensee) merged into a
    licensed compound gives that compound's licences the developer; of two licensors merged, only the
    licences that named the merged one are recounted. The facts equal a recount after each merge."""
    from pharmakg.graph.deal_facts import DealLicences

    recounted: list[int] = []
    facts_of = DealLicences.update

    def spy(self: DealLicences) -> list[ox.Quad]:
        recounted.append(len(self._statements) + len(self._compounds) + len(self._entities))
        return facts_of(self)

    monkeypatch.setattr(DealLicences, "update", spy)
    kg = KnowledgeGraph.open()
    texts = {
        "l0": _licensing(0),
        "l1": _licensing(1),
        "l4": _licensing(4),
        "d1": _developer_only("Omegavir", "ALG-777", 2, partner="Betabio"),  # (ALG-400's licensee)
        "d2": _developer_only("Sigmavax", "ALG-888", 3),
    }
    kg.add_extractions(extract_texts(tmp_path / "in", texts))
    assert_facts_are_a_recount(kg)
    licences = licence_quads(kg)
    alphagen, sigmavax = _company(kg, "Alphagen"), _company(kg, "Sigmavax")
    recounted.clear()
    kg._rename(sigmavax, alphagen)  # a company no licence names, merged into a licensor
    kg._refresh_resolved({alphagen})
    assert recounted == [0] and licence_quads(kg) == licences
    assert_facts_are_a_recount(kg)
    alg400 = _compound(kg, "ALG-400")
    alg777 = next(
        q.subject.value
        for q in kg.store.quads_for_pattern(None, PREF_LABEL, ox.Literal("ALG-777"), ox.DefaultGraph())
    )
    kg._rename(alg777, alg400)  # a compound with a developer (Omegavir) merged into a licensed one
    kg._refresh_resolved({alg400})
    assert recounted[-1] == 1 and licence_quads(kg) != licences  # (compound ALG-400's licences)
    assert_facts_are_a_recount(kg)
    gammarx, deltavax = _company(kg, "Gammarx"), _company(kg, "Deltavax")
    naming = DealLicences(kg.store)._naming
    merged, only_kept = (
        naming(ox.NamedNode(deltavax)),
        naming(ox.NamedNode(gammarx)) - naming(ox.NamedNode(deltavax)),
    )
    kg._rename(deltavax, gammarx)  # two licensors merged: the licences naming the merged one recounted
    kg._refresh_resolved({gammarx})
    assert merged and only_kept and recounted[-1] == len(merged)
    assert_facts_are_a_recount(kg)
