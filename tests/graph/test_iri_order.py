"""Entity IRIs, and the whole graph, do not depend on the order in which documents arrive (issue 10)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from pharmakg import api
from pharmakg.graph.pair_ranking import dense_pair_keys
from pharmakg.graph.rdf_terms import n
from pharmakg.graph.store import MERGED, KnowledgeGraph
from pharmakg.model import Extraction
from pharmakg.ontology.namespaces import PKG


@pytest.fixture(scope="module")
def seeds_and_dev(corpus_dir) -> tuple[list[Extraction], list[Extraction]]:
    seeds = list(api.extract([corpus_dir / "seeds"], on_error="skip"))
    dev = list(api.extract([corpus_dir / "dev"], on_error="skip"))
    if not seeds or not dev:
        pytest.skip("no readable seeds or dev documents")
    return seeds, dev


def built(*batches: list[Extraction]) -> KnowledgeGraph:
    kg = KnowledgeGraph.open()
    for batch in batches:
        kg.add_extractions(batch)
    return kg


def entity_iris(*batches: list[Extraction]) -> set[str]:
    kg = built(*batches)
    return {q.subject.value for q in kg.store.quads_for_pattern(None, n(PKG.entityType), None, MERGED)}


def test_the_entities_are_the_same_whatever_the_order(seeds_and_dev) -> None:
    seeds, dev = seeds_and_dev
    at_once = entity_iris(seeds + dev)
    assert len(entity_iris(seeds, dev)) == len(entity_iris(dev, seeds)) == len(at_once)


def test_entity_iris_do_not_depend_on_the_order_documents_arrive(seeds_and_dev) -> None:
    seeds, dev = seeds_and_dev
    at_once = entity_iris(seeds + dev)
    assert entity_iris(seeds, dev) == at_once
    assert entity_iris(dev, seeds) == at_once
    # before re-minting, seeds then dev kept disease/colorectal-cancers, technology/tap-technology ...
    # and dev then seeds compound/mirvetuximab-soravtansine (at once: colorectal-cancer, tap, imgn853)
    assert "https://w3id.org/pharmakg/resource/compound/imgn853" in at_once


def test_one_document_at_a_time_gives_the_graph_of_all_at_once(seeds_and_dev) -> None:
    seeds, dev = seeds_and_dev
    # (the pair keys as dense ranks: a writer's leave gaps that depend on the order of the writes)
    at_once = set(dense_pair_keys(built(seeds + dev).store))
    assert set(dense_pair_keys(built(*([ex] for ex in reversed(seeds + dev))).store)) == at_once
    assert set(dense_pair_keys(built(dev, seeds).store)) == at_once


def test_a_store_built_seeds_then_dev_equals_one_built_at_once(corpus_dir, tmp_path) -> None:
    from incremental_helpers import assert_same_store

    seeds, dev = corpus_dir / "seeds", corpus_dir / "dev"
    api.build([seeds, dev], tmp_path / "at-once", on_error="skip")
    api.build([seeds], tmp_path / "in-turn", on_error="skip", batch_size=2)
    stats = api.BatchStats()
    api.build([seeds, dev], tmp_path / "in-turn", on_error="skip", batch_size=5, stats=stats)
    assert stats.unchanged and stats.documents
    assert_same_store(tmp_path / "at-once", tmp_path / "in-turn")


def test_a_build_killed_before_its_iris_are_reminted_is_finished_by_the_next(
    corpus_dir, tmp_path, monkeypatch
) -> None:
    """A store build re-mints IRIs once, at its end; the list of entities to re-mint is kept in the store,
    so a build stopped before that step leaves it for the next build, which gives the graph of one build."""
    from incremental_helpers import assert_same_store

    from pharmakg.graph import bookkeeping, incremental

    seeds, dev = corpus_dir / "seeds", corpus_dir / "dev"
    api.build([seeds, dev], tmp_path / "at-once", on_error="skip")
    api.build([seeds], tmp_path / "killed", on_error="skip", batch_size=2)

    def killed(kg: KnowledgeGraph) -> None:
        raise KeyboardInterrupt  # the process dies here: nothing after this line runs

    monkeypatch.setattr(incremental, "finish_remints", killed)
    with pytest.raises(KeyboardInterrupt):
        api.build([seeds, dev], tmp_path / "killed", on_error="skip", batch_size=3)
    monkeypatch.undo()
    store = KnowledgeGraph.open(tmp_path / "killed")
    pending = list(store.store.quads_for_pattern(None, n(PKG.remintPending), None, bookkeeping.REMINT_GRAPH))
    iris = {q.subject.value for q in store.store.quads_for_pattern(None, n(PKG.entityType), None, MERGED)}
    del store
    assert pending  # the list of what to re-mint survived the kill ...
    assert iris != set(entity_iris(*[list(api.extract([seeds, dev], on_error="skip"))]))  # ... and mattered
    stats = api.BatchStats()
    api.build([seeds, dev], tmp_path / "killed", on_error="skip", stats=stats)
    assert stats.unchanged and not stats.documents  # nothing read again: only the re-minting was left
    assert_same_store(tmp_path / "at-once", tmp_path / "killed")


# Invented releases: a generic trial ("Study 001") of a compound under each of its two names, then a release
# that names both (zorvatinib (ALX-417)): the compounds join, so do their generic trials.
_GENERIC_TRIALS = {
    "g1": "BOSTON, March 1, 2021 -- Kelvara Inc. today announced that the first patient was dosed in "
    "Study 001, a Phase 2 trial of zorvatinib in patients with gastric cancer.\n",
    "g2": "BOSTON, April 1, 2021 -- Kelvara Inc. today announced positive results from Study 001, a Phase 2 "
    "trial of zorvatinib in patients with lung cancer.\n",
    "g3": "BOSTON, May 1, 2021 -- Ostrell Inc. today announced that the first patient was dosed in "
    "Study 001, a Phase 1 trial of ALX-417 in patients with breast cancer.\n",
    "g4": "BOSTON, June 1, 2021 -- Kelvara Inc. today announced that zorvatinib (ALX-417) met its primary "
    "endpoint in Study 001, a Phase 2 trial in gastric cancer.\n",
}


def test_generic_trials_of_compounds_joined_by_a_later_batch_are_one_trial(tmp_path) -> None:
    """A batch that joins two compounds joins the generic trials keyed by each
    (``trial/{compound}-study-001``): built one release per batch, the store is the one a build at once gives
    (one trial, not two)."""
    from incremental_helpers import assert_same_store

    from pharmakg.model import Document

    def docs() -> list[Document]:
        return [Document(name, name, text) for name, text in _GENERIC_TRIALS.items()]

    api.build(docs(), tmp_path / "at-once", batch_size=len(_GENERIC_TRIALS))
    api.build(docs(), tmp_path / "in-turn", batch_size=1)
    store = ox.Store.read_only(str(tmp_path / "in-turn"))
    typed = store.quads_for_pattern(None, n(PKG.entityType), None, MERGED)
    trials = sorted(q.subject.value.rsplit("/", 1)[-1] for q in typed if "/trial/" in q.subject.value)
    del store
    assert trials == ["zorvatinib-study-001"]
    assert_same_store(tmp_path / "at-once", tmp_path / "in-turn")
