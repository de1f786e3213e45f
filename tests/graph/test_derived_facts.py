"""The store's kept name counts and best phases give the derived facts a recount gives (issue 10)."""

from __future__ import annotations

import pyoxigraph as ox

from pharmakg.graph.derived_facts import PREF_LABEL, DerivedFacts
from pharmakg.graph.store import KnowledgeGraph


def _entities(kg: KnowledgeGraph) -> list[str]:
    return sorted({q.subject.value for q in kg.store.quads_for_pattern(None, PREF_LABEL, None, None)})


def test_kept_figures_equal_a_recount_after_every_batch(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    batches = [corpus_extractions[i : i + 3] for i in range(0, len(corpus_extractions), 3)]
    for k, batch in enumerate(batches):
        # every third batch also replaces a document of an earlier batch: its entities lose names and phases
        replace = [batches[k - 2][0].document.doc_id] if k >= 2 and k % 3 == 0 else []
        kg.add_extractions(batch, replace=replace)
        fresh = DerivedFacts(kg.store)
        for iri in _entities(kg):
            assert kg.derived.preferred_label(iri) == fresh.preferred_label(iri), iri
            assert kg.derived.latest_phase(iri) == fresh.latest_phase(iri), iri
    assert len(kg.derived._names) > 20  # the figures were kept, not read again each time


def test_a_store_built_in_batches_equals_one_built_at_once(corpus_extractions) -> None:
    at_once = KnowledgeGraph.open()
    at_once.add_extractions(corpus_extractions)
    in_batches = KnowledgeGraph.open()
    for i in range(0, len(corpus_extractions), 4):
        in_batches.add_extractions(corpus_extractions[i : i + 4])
    in_batches.remove_document(corpus_extractions[0].document.doc_id)
    in_batches.add_extractions(corpus_extractions[:1])
    assert set(in_batches.store) == set(at_once.store)


def test_writes_through_rdflib_drop_the_figures(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(corpus_extractions[:3])
    assert kg.derived._names
    kg.to_rdflib()
    assert not kg.derived._names
    kg.add_extractions(corpus_extractions[3:6])
    fresh = DerivedFacts(kg.store)
    assert all(kg.derived.preferred_label(i) == fresh.preferred_label(i) for i in _entities(kg))
    assert isinstance(kg.store, ox.Store)
