"""An on-disk store keeps resolution's keys (graph/keys): the same answers as the in-memory label index,
kept up to date by every write, written whole for a store that lacks them, and right again after a kill."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from incremental_helpers import batch_schedule

from pharmakg import api
from pharmakg.graph.key_index import KEYS_GRAPH, StoredKeyIndex
from pharmakg.graph.label_index import LabelIndex
from pharmakg.graph.resolve import resolve
from pharmakg.graph.store import KnowledgeGraph


def key_quads(kg: KnowledgeGraph) -> set[ox.Quad]:
    return set(kg.store.quads_for_pattern(None, None, None, KEYS_GRAPH))


def assert_keys_current(kg: KnowledgeGraph) -> None:
    """The kept keys are those written from scratch from the store's names."""
    kept = key_quads(kg)
    fresh = StoredKeyIndex(kg.store)
    fresh.invalidate()
    fresh.flush()
    assert key_quads(kg) == kept
    assert len(kept) > 1


def test_kept_keys_answer_as_the_label_index_batch_by_batch(corpus_extractions, tmp_path: Path) -> None:
    kg = KnowledgeGraph.open(tmp_path / "store")
    assert isinstance(kg._labels, StoredKeyIndex)
    for k, (batch, replace) in enumerate(batch_schedule(corpus_extractions, 4)):
        if k:
            in_memory = LabelIndex(kg.store)
            assert kg._labels.relevant(batch) == in_memory.relevant(batch)
            every_row = in_memory.rows()
            assert kg._labels.rows() == every_row
            taken = kg._labels.taken()
            assert resolve(batch, kg._labels.relevant(batch), taken=taken) == resolve(batch, every_row)
            assert all(iri in taken for iri, _, _ in every_row[:50]) and "urn:x-not-an-entity" not in taken
        kg.add_extractions(batch, replace=replace)
    assert_keys_current(kg)


def test_a_store_without_keys_gets_them_at_its_next_write(corpus_extractions, tmp_path: Path) -> None:
    kg = KnowledgeGraph.open(tmp_path / "store")
    kg.add_extractions(corpus_extractions[:6])
    kg.store.remove_graph(KEYS_GRAPH)  # as a store built before the keys were kept
    del kg
    kg = KnowledgeGraph.open(tmp_path / "store")
    assert isinstance(kg._labels, StoredKeyIndex) and not kg._labels.ready()
    kg.add_extractions(corpus_extractions[6:9])
    assert kg._labels.ready()
    assert_keys_current(kg)


def test_writes_through_rdflib_make_the_next_write_read_every_name(
    corpus_extractions, tmp_path: Path
) -> None:
    kg = KnowledgeGraph.open(tmp_path / "store")
    kg.add_extractions(corpus_extractions[:3])
    assert isinstance(kg._labels, StoredKeyIndex) and kg._labels.ready()
    kg.to_rdflib()
    assert not kg._labels.ready()
    kg.add_extractions(corpus_extractions[3:6])
    assert_keys_current(kg)


@pytest.mark.parametrize("dies_in", ["_flush_keys", "write_sources"])
def test_a_build_killed_in_a_batch_leaves_keys_that_the_next_build_makes_right(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dies_in: str
) -> None:
    """Killed after a batch's data is written and before its keys are (``_flush_keys``), or after its keys
    and before its journal is cleared (``write_sources``): the next build leaves the keys of its store."""
    from pharmakg.graph import incremental

    seeds, dev = corpus_dir / "seeds", corpus_dir / "dev"
    api.build([seeds], tmp_path / "store", on_error="skip")
    calls = 0

    def dies_the_second_time(*args: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt  # the process dies here: nothing after this line runs

    where = KnowledgeGraph if dies_in == "_flush_keys" else incremental
    monkeypatch.setattr(where, dies_in, dies_the_second_time)
    with pytest.raises(KeyboardInterrupt):
        api.build([seeds, dev], tmp_path / "store", on_error="skip", batch_size=3)
    monkeypatch.undo()
    if dies_in == "_flush_keys":  # the kill left keys behind the store's names (seen on a copy)
        shutil.copytree(
            tmp_path / "store", tmp_path / "copy", ignore=shutil.ignore_patterns("*.lock", "LOCK")
        )
        copy = KnowledgeGraph.open(tmp_path / "copy")
        with pytest.raises(AssertionError):
            assert_keys_current(copy)
        del copy
    api.build([seeds, dev], tmp_path / "store", on_error="skip", batch_size=3)
    kg = KnowledgeGraph.open(tmp_path / "store")
    assert_keys_current(kg)
    assert kg._labels is not None and kg._labels.rows() == LabelIndex(kg.store).rows()


def test_a_writer_that_forgets_figures_between_batches_writes_the_same_store(
    corpus_extractions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its limit the writer forgets the kept figures of entities the last batch did not touch (a
    bounded memory); read again from the store when needed, they give the same graph."""
    from incremental_helpers import assert_same_store

    from pharmakg.graph.derived_facts import DerivedFacts

    for name, limit in (("kept", 10**9), ("forgot", 1)):
        monkeypatch.setattr(DerivedFacts, "ENTITY_LIMIT", limit)
        kg = KnowledgeGraph.open(tmp_path / name)
        for i in range(0, len(corpus_extractions), 4):
            kg.add_extractions(corpus_extractions[i : i + 4])
        sizes = len(kg.derived._names), len(kg.derived._mentions)
        del kg
    assert max(sizes) <= max(len(ex.entities) for ex in corpus_extractions) * 4  # the last batch's only
    assert_same_store(tmp_path / "kept", tmp_path / "forgot")
