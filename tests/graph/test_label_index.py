"""The store's label index gives resolution the same answer as every name of the store (issue 10)."""

from __future__ import annotations

from incremental_helpers import batch_schedule

from pharmakg.graph.label_index import LabelIndex
from pharmakg.graph.resolve import resolve
from pharmakg.graph.store import KnowledgeGraph


def test_the_kept_index_is_the_store_and_resolves_each_batch_as_all_names(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    batches = list(batch_schedule(corpus_extractions, 3))
    smaller = 0
    for batch, replace in batches:
        if kg._labels is not None:
            every_row = LabelIndex(kg.store).rows()
            assert kg._labels.rows() == every_row
            relevant = kg._labels.relevant(batch)
            assert resolve(batch, relevant, taken=kg._labels.taken()) == resolve(batch, every_row)
            smaller += len(relevant) < len(every_row)
        kg.add_extractions(batch, replace=replace)
    assert kg._labels is not None and kg._labels.rows() == LabelIndex(kg.store).rows()
    assert smaller > len(batches) // 2  # most batches resolve against part of the store


def test_writes_through_rdflib_drop_the_index(corpus_extractions) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(corpus_extractions[:3])
    assert kg._labels is not None
    kg.to_rdflib()
    assert kg._labels is None
    kg.add_extractions(corpus_extractions[3:6])
    assert kg._labels is not None and kg._labels.rows() == LabelIndex(kg.store).rows()
