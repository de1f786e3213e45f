"""A graph written before the kept facts gets them at its first opening, in chunks, and a fill killed half-way
(kill -9 included) leaves a store that the next opening finishes, to the quad of one filled at once."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_crowded_targets_kept import fixture_releases
from test_evidence_page import RELEASES
from test_evidence_relations import not_current_releases

from pharmakg.graph import stream_fill
from pharmakg.graph.agreement_pairs import AGREEMENT_ASSET, AGREEMENT_PAIR, PAYMENT_PAIR
from pharmakg.graph.compound_order import COMPOUND_ORDER
from pharmakg.graph.crowded_targets import TARGET_FACTS
from pharmakg.graph.deal_facts import LICENCE_FACTS, SENTENCE_STATEMENT
from pharmakg.graph.derived_facts import ASSERTION_COUNT, DOCUMENT_COUNT, ENTITY_COUNT, NAME_KEY
from pharmakg.graph.document_order import DOCUMENT_ORDER
from pharmakg.graph.evidence_order import EVIDENCE_ORDER
from pharmakg.graph.evidence_relations import (
    EVIDENCE_GROUP,
    GROUP_PROPERTY,
    GROUP_RELATION,
    GROUP_SUBJECT,
    NOT_CURRENT,
)
from pharmakg.graph.pair_order import DEAL_ORDER, FIRST, SECOND, SHARED_ORDER, SHARED_PARTNER
from pharmakg.graph.pair_ranking import dense_pair_keys
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.stream_fill import FILL_GRAPH, KINDS, fill_missing, lacks_derived_facts

REPO = Path(__file__).resolve().parents[2]
KEPT = {
    NAME_KEY,
    DOCUMENT_COUNT,
    ENTITY_COUNT,
    ASSERTION_COUNT,
    COMPOUND_ORDER,
    DOCUMENT_ORDER,
    EVIDENCE_ORDER,
    EVIDENCE_GROUP,
    GROUP_SUBJECT,
    GROUP_RELATION,
    GROUP_PROPERTY,
    NOT_CURRENT,
    *TARGET_FACTS,
    FIRST,
    SECOND,
    SHARED_PARTNER,
    DEAL_ORDER,
    SHARED_ORDER,
    SENTENCE_STATEMENT,
    *LICENCE_FACTS,
    AGREEMENT_PAIR,
    AGREEMENT_ASSET,
    PAYMENT_PAIR,
}


def _invented() -> KnowledgeGraph:
    kg = KnowledgeGraph.open()
    kg.add_extractions([*fixture_releases(), *RELEASES, *not_current_releases()])
    return kg


def _old(kg: KnowledgeGraph) -> ox.Store:
    """The graph as pharmakg wrote it before it kept any of these facts."""
    old = ox.Store()
    old.extend(q for q in kg.store if q.predicate not in KEPT)
    return old


def _filled(store: ox.Store, size: int) -> set[ox.Quad]:
    kg = KnowledgeGraph(store)
    fill_missing(kg.store, kg._insert, size=size)
    return set(kg.store)


def _at_once(old: ox.Store) -> set[ox.Quad]:
    """The graph filled as pharmakg did before: every missing quad found first, then written at once (the
    evidence groups of an old graph are keyed by the subject's IRI: other group IRIs than a build's)."""
    kg = KnowledgeGraph(ox.Store())
    kg.store.extend(old)
    kg._insert(stream_fill.missing_derived_facts(kg.store))
    return set(kg.store)


def _but_groups(quads: set[ox.Quad]) -> set[ox.Quad]:
    """The quads but the evidence groups, the pair keys as dense ranks (a build's leave gaps, a fill's
    do not: the same order)."""
    groups = (EVIDENCE_GROUP, GROUP_SUBJECT, GROUP_RELATION, GROUP_PROPERTY)
    return set(dense_pair_keys(q for q in quads if q.predicate not in groups))


def test_every_kind_is_filled_in_chunks_as_at_once() -> None:
    kg = _invented()
    old = _old(kg)
    lacked = [k.name for k in KINDS if k.lacks(old)]
    not_lacked = (
        "pairOrder",
        "sentenceStatement",
        "licenceFacts",
        "agreementPair",
        "agreementAsset",
        "paymentPair",
        "partnerLicences",  # (a former version's licence facts to write again: none in a graph without any)
        "targetFactsRecount",  # (rows of a former version: only on-disk stores keep rows)
    )  # (the invented releases name no partners)
    assert lacked == [k.name for k in KINDS if k.name not in not_lacked]
    expected = _at_once(old)
    assert _but_groups(expected) == _but_groups(set(kg.store))  # (the build's facts)
    assert _filled(old, size=7) == expected
    assert not lacks_derived_facts(old) and not old.contains_named_graph(FILL_GRAPH)


def test_the_corpus_is_filled_in_chunks_as_at_once(corpus_graph: KnowledgeGraph) -> None:
    old = _old(corpus_graph)
    assert all(k.lacks(old) for k in KINDS if k.retire is None)  # (former versions: see above)
    expected = _at_once(old)
    assert _but_groups(expected) == _but_groups(set(corpus_graph.store))
    assert _filled(old, size=1_000) == expected


def test_a_complete_graph_is_not_written() -> None:
    kg = _invented()
    before = set(kg.store)
    assert fill_missing(kg.store, kg._insert) == [] and set(kg.store) == before


class _Killed(Exception):
    pass


class _InsertKilledAt:
    """Writes ``cut`` chunks, then half of the next (its quads without their merged copies), and stops."""

    def __init__(self, kg: KnowledgeGraph, cut: int) -> None:
        self.kg, self.cut, self.done = kg, cut, 0

    def __call__(self, part: list[ox.Quad]) -> None:
        if self.done == self.cut:
            self.kg.store.extend(part)
            raise _Killed
        self.kg._insert(part)
        self.done += 1


def _store_folder(tmp_path: Path) -> tuple[Path, set[ox.Quad]]:
    """An on-disk store of the invented releases as written before the kept facts; its graph filled."""
    old = _old(_invented())
    folder = tmp_path / "old-store"
    KnowledgeGraph(old).save(folder)
    return folder, _at_once(old)


def test_an_on_disk_fill_flushed_every_few_quads_is_the_fill_at_once(tmp_path: Path) -> None:
    """The fill flushes RocksDB's memtables every ``flush`` quads written (else they hold every write of the
    fill, a memory that grows with the store): the same quads as a fill at once."""
    folder, expected = _store_folder(tmp_path)
    kg = KnowledgeGraph(ox.Store(str(folder)), path=folder)
    assert fill_missing(kg.store, kg._insert, size=5, flush=12)
    assert set(kg.store) == expected
    assert not lacks_derived_facts(kg.store)


@pytest.mark.parametrize("cut", [0, 5, 40])
def test_a_fill_interrupted_between_its_writes_is_finished_by_the_next_opening(
    tmp_path: Path, cut: int
) -> None:
    """The store says it lacks kept facts though it holds some of each kind begun, and the next opening
    fills them all."""
    folder, expected = _store_folder(tmp_path)
    kg = KnowledgeGraph(ox.Store(str(folder)), path=folder)
    with pytest.raises(_Killed):
        fill_missing(kg.store, _InsertKilledAt(kg, cut), size=5)
    assert lacks_derived_facts(kg.store)
    assert any(q.predicate in KEPT for q in kg.store)
    del kg
    gc.collect()  # (closes the store folder)
    reopened = KnowledgeGraph.open(folder)
    assert set(reopened.store) == expected
    assert not reopened.store.contains_named_graph(FILL_GRAPH)


_KILLED_FILL = """
import sys, time
from pathlib import Path
import pyoxigraph as ox
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.stream_fill import fill_missing

kg = KnowledgeGraph(ox.Store(sys.argv[1]), path=Path(sys.argv[1]))
chunks = []

def insert(part):
    kg._insert(part)
    chunks.append(part)
    if len(chunks) == int(sys.argv[2]):
        print("half", flush=True)
        time.sleep(120)

fill_missing(kg.store, insert, size=5, flush=12)  # (flushed between chunks: a kill after flushes)
print("finished", flush=True)
"""


def test_kill_9_in_the_middle_of_a_fill_leaves_a_store_the_next_opening_finishes(tmp_path: Path) -> None:
    folder, expected = _store_folder(tmp_path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    args = [sys.executable, "-c", _KILLED_FILL, str(folder), "30"]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "half"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    left = ox.Store(str(folder))
    assert lacks_derived_facts(left) and any(q.predicate in KEPT for q in left)
    del left
    gc.collect()
    assert set(KnowledgeGraph.open(folder).store) == expected
