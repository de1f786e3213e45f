"""The pair keys of an old store filled in bounded memory (``pharmakg/graph/pair_fill.py``): the quads equal
the in-memory count (``missing_pair_order``) on invented releases, on the corpus and on synthetic graphs
whose labels share and split prefixes, with sorts and readers small enough to spill, merge and start again;
a store filled so equals, graph by graph, one filled in memory and a clean build; a fill killed while it
ranks or while it writes is finished by the next opening to the clean build's store."""

from __future__ import annotations

import gc
import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from incremental_helpers import assert_same_store, extract_texts
from repo_paths import REPO
from test_kill_points import DEALS, _deal_release
from test_pair_order import PAIR_FACTS, _partnering

from pharmakg import api
from pharmakg.graph import pair_fill
from pharmakg.graph.pair_fill import ExternalSort, pair_order_quads
from pharmakg.graph.pair_links import (
    AGREEMENT,
    COMPANY,
    DATE,
    DERIVED_FROM,
    DOC_NAME,
    HAS_AGREEMENT,
    PAID,
    PARTNER_OF,
    PARTY,
    PREF_LABEL,
    TYPE,
    XSD_DATE,
)
from pharmakg.graph.pair_ranking import DEAL_ORDER, MAX_COUNT, SHARED_ORDER, missing_pair_order
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.stream_fill import lacks_derived_facts
from pharmakg.ontology.namespaces import RESOURCES_IRI

MERGED = ox.DefaultGraph()
# first names whose lower-cased first 3 or 4 bytes agree or differ only in case, end early, or cut a
# multi-byte character (the buckets are byte prefixes)
LABELS = [
    "Alphagen",
    "alphabio",
    "ALPHA",
    "Al",
    "A",
    "",
    "Ωmega",
    "Ωmegarx",
    "日本製薬",
    "日本新薬",
    "Éclair",
    "Zeta",
]


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sorts of 3 records merged 2 runs at a time, and a new reader every few entities."""
    monkeypatch.setattr(pair_fill, "RUN", 3)
    monkeypatch.setattr(pair_fill, "FAN_IN", 2)
    monkeypatch.setattr(pair_fill, "READER_ENTRIES", 4)
    monkeypatch.setattr(pair_fill, "BATCH", 2)


def _iri(kind: str, i: int) -> ox.NamedNode:
    return ox.NamedNode(f"{RESOURCES_IRI}{kind}/{i:05d}")


def synthetic_graph(seed: int, entities: int = 60) -> ox.Store:
    """A merged graph of companies (some unnamed, some other entities named but untyped), partner and
    payment links (self-links too), and agreements (some untyped, some with a party that does not list
    them) derived from documents dated, undated, or dated by a literal that is not an xsd:date."""
    rng, store = random.Random(seed), ox.Store()
    add = store.add
    for i in range(entities):
        e = _iri("entity", rng.randrange(10**5) * 100 + i)  # IRI order unlike label order
        if rng.random() < 0.8:
            add(ox.Quad(e, TYPE, COMPANY, MERGED))
        if rng.random() < 0.9:
            add(
                ox.Quad(e, PREF_LABEL, ox.Literal(rng.choice(LABELS) + rng.choice(["", " Inc", "x"])), MERGED)
            )
    named = sorted({q.subject for q in store.quads_for_pattern(None, None, None, MERGED)}, key=str)
    for _ in range(entities * 3):
        x, p = rng.choice(named), rng.choice(named)
        add(ox.Quad(x, rng.choice([PARTNER_OF, PARTNER_OF, PAID]), p, MERGED))
    for d in range(8):
        doc = _iri("document", d)
        if d % 4:
            add(ox.Quad(doc, DOC_NAME, ox.Literal(f"doc {d}"), MERGED))
        if d % 3 == 0:
            add(ox.Quad(doc, DATE, ox.Literal(f"2022-0{d + 1}-15", datatype=XSD_DATE), MERGED))
        elif d % 3 == 1:
            add(ox.Quad(doc, DATE, ox.Literal(f"spring {d}"), MERGED))
    for a in range(entities // 2):
        agreement = _iri("agreement", a)
        if a % 7:
            add(ox.Quad(agreement, TYPE, AGREEMENT, MERGED))
        for party in rng.sample(named, rng.choice([2, 2, 3])):
            add(ox.Quad(agreement, PARTY, party, MERGED))
            if rng.random() < 0.9:
                add(ox.Quad(party, HAS_AGREEMENT, agreement, MERGED))
        for _ in range(rng.choice([1, 2])):
            add(ox.Quad(agreement, DERIVED_FROM, _iri("document", rng.randrange(8)), MERGED))
    return store


@pytest.mark.parametrize("seed", range(6))
def test_synthetic_graphs_give_the_quads_of_the_count_in_memory(seed: int, small_bounds: None) -> None:
    store = synthetic_graph(seed)
    expected = set(missing_pair_order(store))
    assert {q.predicate for q in expected} >= {DEAL_ORDER, SHARED_ORDER}
    assert set(pair_order_quads(store)) == expected


def test_counts_past_the_bucket_field_share_a_bucket_ranked_by_name(small_bounds: None) -> None:
    """Two pairs share more partners than the count's field holds (2047): one bucket, ranked by names."""
    store = synthetic_graph(0, entities=10)
    hubs = [_iri("hub", i) for i in range(4)]
    for hub, label in zip(hubs, ["Mu", "mua", "Nu", "Ωm"], strict=True):
        store.extend(
            [ox.Quad(hub, TYPE, COMPANY, MERGED), ox.Quad(hub, PREF_LABEL, ox.Literal(label), MERGED)]
        )
    for i in range(MAX_COUNT + 3):
        partner = _iri("partner", i)
        store.extend(
            [ox.Quad(partner, TYPE, COMPANY, MERGED), ox.Quad(partner, PREF_LABEL, ox.Literal("P"), MERGED)]
        )
        store.extend(ox.Quad(hub, PARTNER_OF, partner, MERGED) for hub in hubs[: 4 - i % 2])
    expected = set(missing_pair_order(store))
    assert set(pair_order_quads(store)) == expected


def test_the_sort_spills_merges_and_drops_repeats(monkeypatch: pytest.MonkeyPatch) -> None:
    """Records of repeated strings (a pickle's memo must not leak into the next one's) and ints, in runs of
    4 written 2 to a pickle and merged 3 at a time."""
    monkeypatch.setattr(pair_fill, "BATCH", 2)
    rng = random.Random(1)
    names = ["", "alphagen", "日本新薬", "Ωmega"]
    records = [
        (rng.randrange(4), -rng.randrange(3), rng.choice(names), rng.choice(names)) for _ in range(300)
    ]
    sort = ExternalSort(run=4, fan_in=3)
    for record in records:
        sort.add(record)
    assert list(sort.sorted()) == sorted(set(records))


def _releases(tmp_path: Path) -> list:
    texts = {f"p{i}": _partnering(i) for i in range(9)}
    texts |= {f"d{i}": _deal_release(*deal) for i, deal in enumerate(DEALS)}
    return extract_texts(tmp_path / "in", texts)


def test_invented_releases_and_the_corpus_give_the_quads_of_the_count_in_memory(
    tmp_path: Path, corpus_graph: KnowledgeGraph, small_bounds: None
) -> None:
    kg = KnowledgeGraph.open()
    kg.add_extractions(_releases(tmp_path))
    for graph in (kg, corpus_graph):
        expected = set(missing_pair_order(graph.store))
        assert len(expected) > 20 and set(pair_order_quads(graph.store)) == expected


def _without_pair_facts(store: ox.Store) -> None:
    """As pharmakg wrote stores before it kept the pair facts."""
    for p in PAIR_FACTS:
        for q in list(store.quads_for_pattern(None, p, None, None)):
            store.remove(q)


@pytest.fixture
def clean_and_old_store(tmp_path: Path) -> tuple[Path, Path]:
    """A clean build of the invented releases, and a copy without its pair facts."""
    (tmp_path / "in").mkdir()
    for i in range(9):
        (tmp_path / "in" / f"p{i}.txt").write_text(_partnering(i), encoding="utf-8")
    for i, deal in enumerate(DEALS):
        (tmp_path / "in" / f"d{i}.txt").write_text(_deal_release(*deal), encoding="utf-8")
    api.build([tmp_path / "in"], tmp_path / "clean", batch_size=4)
    shutil.copytree(tmp_path / "clean", tmp_path / "old")
    old = ox.Store(str(tmp_path / "old"))
    _without_pair_facts(old)
    del old
    gc.collect()
    return tmp_path / "clean", tmp_path / "old"


def test_an_old_store_is_filled_as_in_memory_and_as_a_clean_build(
    clean_and_old_store: tuple[Path, Path], small_bounds: None
) -> None:
    clean, old = clean_and_old_store
    in_memory = KnowledgeGraph(ox.Store())
    in_memory.store.extend(ox.Store.read_only(str(old)))
    in_memory._insert(missing_pair_order(in_memory.store))
    filled = KnowledgeGraph.open(old)
    assert set(filled.store) == set(in_memory.store)
    del filled
    gc.collect()
    assert_same_store(old, clean)


_KILLED_PAIR_FILL = """
import os, signal, sys
from pathlib import Path
from pharmakg.graph import pair_fill, stream_fill
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.stream_fill import lacks_derived_facts

pair_fill.RUN, pair_fill.FAN_IN, pair_fill.READER_ENTRIES, pair_fill.BATCH = 3, 2, 4, 2
where, at, seen = sys.argv[2], int(sys.argv[3]), [0]

def killing(function):
    def counted(*args, **kwargs):
        seen[0] += 1
        if seen[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return counted

if where == "ranking":  # the n-th run the sort writes to its temporary file
    pair_fill.ExternalSort._spill = killing(pair_fill.ExternalSort._spill)
else:  # the n-th chunk of the fill's writes
    stream_fill.fill_missing.__defaults__ = (5,)  # (chunks of 5 quads)
    KnowledgeGraph._insert = killing(KnowledgeGraph._insert)
KnowledgeGraph.open(Path(sys.argv[1]))
print("finished", seen[0], flush=True)
"""


@pytest.mark.parametrize("where, at", [("ranking", 1), ("ranking", 9), ("writing", 1), ("writing", 6)])
def test_a_pair_fill_killed_is_finished_by_the_next_opening(
    clean_and_old_store: tuple[Path, Path], where: str, at: int
) -> None:
    clean, old = clean_and_old_store
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run(
        [sys.executable, "-c", _KILLED_PAIR_FILL, str(old), where, str(at)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr[-2000:]
    left = ox.Store.read_only(str(old))
    assert lacks_derived_facts(left)  # (the kind's mark: it was killed inside the fill)
    del left
    reopened = KnowledgeGraph.open(old)  # (finishes the fill)
    del reopened
    gc.collect()
    assert_same_store(old, clean)
