"""Determinism: the same releases built twice, in another order and under another PYTHONHASHSEED give
isomorphic graphs (rdflib.compare, graph by graph) and the same answers to every bundled question."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rdflib import Dataset
from rdflib.compare import to_isomorphic

from pharmakg.graph.queries import list_queries
from pharmakg.graph.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "pharmakg" / "data" / "corpus"
SEEDS = ROOT / "tests" / "fixtures" / "heldout"


def _build(files: list[Path], out: Path, seed: str) -> Path:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
    cmd = [
        sys.executable,
        "-m",
        "pharmakg",
        "build",
        *map(str, files),
        "-o",
        str(out),
        "--jobs",
        "1",
        "--quiet",
    ]
    result = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def _graphs(path: Path) -> dict[str, object]:
    ds = Dataset()
    ds.parse(str(path), format="nquads")
    return {str(g.identifier): to_isomorphic(g) for g in ds.graphs()}


def _answers(path: Path) -> dict[str, list[str]]:
    """Every bundled question that needs no parameter, its rows sorted. The items of a GROUP_CONCAT cell
    ("Genentech; Roche") are sorted too: SPARQL leaves their order open, and Oxigraph follows the order
    it meets the solutions in, which differs between two builds of isomorphic graphs (blank node labels).
    Open: the questions should fix that order themselves (noted for the lead)."""
    kg = KnowledgeGraph.open(path)
    return {
        name: sorted(repr(tuple(_cell(v) for v in row)) for row in kg.run(name, {}).rows)
        for name, _title, _params in list_queries()
        if _all_optional(name)
    }


def _cell(value: object) -> object:
    return "; ".join(sorted(value.split("; "))) if isinstance(value, str) and "; " in value else value


def _all_optional(name: str) -> bool:
    from pharmakg.graph.queries import query_info

    return all(p.optional for p in query_info(name).params)


def test_same_graph_in_any_order_and_hash_seed(tmp_path: Path) -> None:
    files = sorted(CORPUS.glob("*.txt")) + sorted(p for p in SEEDS.rglob("*.txt"))[:4]
    a = _build(files, tmp_path / "a.nq", "0")
    b = _build(list(reversed(files)), tmp_path / "b.nq", "4242")
    c = _build(files, tmp_path / "c.nq", "random")
    ga, gb, gc = _graphs(a), _graphs(b), _graphs(c)
    assert set(ga) == set(gb) == set(gc)
    assert all(ga[k] == gb[k] == gc[k] for k in ga)
    answers = _answers(a)
    assert answers and answers == _answers(b) == _answers(c)
