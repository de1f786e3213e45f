"""The store's label index gives resolution the same answer as every name of the store (issue 10)."""

from __future__ import annotations

import pytest

from pharmakg import api
from pharmakg.graph.label_index import LabelIndex
from pharmakg.graph.resolve import resolve
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.model import Extraction


@pytest.fixture(scope="module")
def documents(corpus_dir) -> list[Extraction]:
    docs = list(
        api.extract(
            [corpus_dir / name for name in ("seeds", "dev", "dev2") if (corpus_dir / name).is_dir()],
            on_error="skip",
        )
    )
    if len(docs) < 8:
        pytest.skip("too few readable corpus documents")
    return docs


def test_the_kept_index_is_the_store_and_resolves_each_batch_as_all_names(documents) -> None:
    kg = KnowledgeGraph.open()
    batches = [documents[i : i + 3] for i in range(0, len(documents), 3)]
    smaller = 0
    for k, batch in enumerate(batches):
        # every third batch also replaces a document of an earlier batch: its entities lose names
        replace = [batches[k - 2][0].document.doc_id] if k >= 2 and k % 3 == 0 else []
        if kg._labels is not None:
            every_row = LabelIndex(kg.store).rows()
            assert kg._labels.rows() == every_row
            relevant = kg._labels.relevant(batch)
            assert resolve(batch, relevant, taken=kg._labels.taken()) == resolve(batch, every_row)
            smaller += len(relevant) < len(every_row)
        kg.add_extractions(batch, replace=replace)
    assert kg._labels is not None and kg._labels.rows() == LabelIndex(kg.store).rows()
    assert smaller > len(batches) // 2  # most batches resolve against part of the store


def test_writes_through_rdflib_drop_the_index(documents) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(documents[:3])
    assert kg._labels is not None
    kg.to_rdflib()
    assert kg._labels is None
    kg.add_extractions(documents[3:6])
    assert kg._labels is not None and kg._labels.rows() == LabelIndex(kg.store).rows()
