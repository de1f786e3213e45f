#!/usr/bin/env python3
"""Latency of the bundled questions: the merged default graph (the store's layout) against the union of
the per-document graphs (the layout before), on the same graph, in the same run.

The corpus (default: the shared seeds + dev + dev2) is read once and repeated until there are ``--docs``
documents, each copy with a line "Copy N." appended, so its content hash (doc_id) and name differ and the
store holds it as one more document stating the same facts, as a sector's restatements do. All copies go
through the real extraction and ``KnowledgeGraph.add_extractions``. Then every bundled question (the
parameters of the CLI's demo, or the defaults below) is timed ``--runs`` times, consumed in full:

* merged: ``KnowledgeGraph.query``, i.e. the default graph that holds each fact once;
* union:  a store holding only the named graphs, queried with ``use_default_graph_as_union=True``
  (pyoxigraph then returns a triple once per graph that holds it).

Each (question, layout) runs in a forked child, so a union query that runs away is killed after
``--timeout`` seconds and shown as ">N s". Times are CPU seconds of the child by default (the machine is
shared; ``--clock wall`` for wall time); the table shows p50 in milliseconds, the union/merged ratio and
whether both layouts give the same answer (rows compared as sets, GROUP_CONCAT lists as sets: their order
is not defined by SPARQL). ``entity-labels`` is the internal query of ``add_extractions``.

With ``--store DIR`` the questions are asked of a store built beforehand (e.g. by
``build_scale.py --keep``) through the API, rdflib in memory and ``pharmakg serve`` instead: see
``store_latency.py``. Adding ``--before-store DIR0 --before-queries QDIR`` compares, through the API and in
the same run, this checkout's questions on ``DIR`` with the ``.rq`` files of ``QDIR`` on ``DIR0`` (e.g.
main's queries and a store main built): see ``before_after.py``.

``--ask NAME [KEY=VALUE ...]`` (repeatable) asks exactly these questions with these parameters instead of
every bundled question with the demo's (e.g. a company that the synthetic corpus holds, or a page).

usage: python benchmarks/query_latency.py [--corpus DIR ...] [--docs N] [--runs N] [--timeout S]
       python benchmarks/query_latency.py --store DIR [--ways api rdflib http] [--runs N] [--timeout S]
       python benchmarks/query_latency.py --store DIR --before-store DIR0 --before-queries QDIR [--runs N]
       (any: [--questions NAME ...] to ask only these, [--ask NAME KEY=VALUE ...] ...)
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing as mp
import re
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from pharmakg import api
from pharmakg.cli.extract_commands import DEMO_QUESTIONS
from pharmakg.graph.queries import list_queries, load_internal_query, run_query
from pharmakg.graph.results import QueryResult
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.ingest.readers import content_id
from pharmakg.model import Document

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
DEFAULT_CORPUS = [SHARED / "seeds", SHARED / "dev", SHARED / "dev2"]
# parameters of the questions the CLI demo does not ask
DEFAULT_PARAMS: dict[str, dict[str, str]] = {
    "aliases": {"name": "huN901-DM1"},
    "compounds-by-indication": {"disease": "ovarian cancer"},
}
INTERNAL = "entity-labels"  # the existing-entities query of add_extractions


def corpus_copies(corpus: Sequence[Path], n_docs: int) -> list[Document]:
    """The corpus's documents repeated to ``n_docs``, each copy's text ending with its own "Copy N."."""
    distinct = list(api.documents(corpus, on_error=lambda exc: print(f"skipped: {exc}", file=sys.stderr)))
    if not distinct:
        raise SystemExit(f"no readable documents in {', '.join(map(str, corpus))}")
    docs = []
    for i in range(n_docs):
        d = distinct[i % len(distinct)]
        copy = i // len(distinct)
        if copy == 0:
            docs.append(d)
            continue
        text = f"{d.text}\nCopy {copy}."
        docs.append(
            dataclasses.replace(
                d,
                doc_id=content_id(text),
                name=f"{d.name}-copy{copy}",
                text=text,
                skip_spans=list(d.skip_spans),
            )
        )
    return docs


def questions() -> list[tuple[str, dict[str, str]]]:
    demo = {name: params for _heading, name, params, _cols in DEMO_QUESTIONS}
    return [(name, demo.get(name) or DEFAULT_PARAMS.get(name, {})) for name, _title, _p in list_queries()]


class UnionOfNamedGraphs:
    """The layout before: a store of the named graphs only, its default graph their union."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = KnowledgeGraph()
        self.kg.store.bulk_extend(q for q in kg.store if not isinstance(q.graph_name, ox.DefaultGraph))

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        return self.kg.query(sparql, bindings, union=True)


def _ask(endpoint: Any, name: str, params: dict[str, str]) -> QueryResult:
    if name == INTERNAL:
        return endpoint.query(load_internal_query(INTERNAL))
    return run_query(endpoint, name, params)


def _child(conn: Connection, endpoint: Any, name: str, params: dict[str, str], runs: int, cpu: bool) -> None:
    clock: Callable[[], float] = time.process_time if cpu else time.perf_counter
    for i in range(runs):
        t0 = clock()
        result = _ask(endpoint, name, params)
        elapsed = clock() - t0
        conn.send((elapsed, _canonical(result.rows) if i == 0 else None))
    conn.close()


def _canonical(rows: list[tuple[Any, ...]]) -> list[tuple[str, ...]]:
    """Rows as sorted tuples of text, a GROUP_CONCAT list sorted within its cell."""
    return sorted(tuple(" | ".join(sorted(re.split(r" \| |; ", str(c)))) for c in row) for row in rows)


def timed(
    endpoint: Any, name: str, params: dict[str, str], runs: int, timeout: float, cpu: bool
) -> tuple[list[float], list[tuple[str, ...]] | None]:
    """Run times of one question in a forked child (killed after ``timeout`` s of waiting for a run)
    and its canonical rows; no rows when the first run did not finish."""
    parent, child = mp.get_context("fork").Pipe(duplex=False)
    proc = mp.get_context("fork").Process(target=_child, args=(child, endpoint, name, params, runs, cpu))
    proc.start()
    child.close()
    times: list[float] = []
    rows = None
    try:
        for _ in range(runs):
            if not parent.poll(timeout):
                break
            elapsed, first_rows = parent.recv()
            times.append(elapsed)
            rows = first_rows if first_rows is not None else rows
    except EOFError:
        pass
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    return times, rows


def _ms(times: list[float], runs: int, timeout: float) -> str:
    if len(times) < runs:
        return f">{timeout:g} s"
    return f"{statistics.median(times) * 1000:.1f}"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, nargs="+", default=DEFAULT_CORPUS)
    ap.add_argument("--docs", type=int, default=200, help="documents in the graph (default 200)")
    ap.add_argument("--runs", type=int, default=5, help="runs per question and layout (default 5)")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds before a run is given up")
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    ap.add_argument("--store", type=Path, help="a built store folder: time the questions on it instead")
    ap.add_argument("--ways", nargs="+", choices=("api", "rdflib", "http"), default=["api", "rdflib", "http"])
    ap.add_argument("--questions", nargs="+", metavar="NAME", help="only these questions (default: all)")
    ap.add_argument(
        "--ask", nargs="+", action="append", metavar="NAME KEY=VALUE", help="ask this question (repeatable)"
    )
    ap.add_argument("--before-store", type=Path, help="with --store: the store to ask the queries before")
    ap.add_argument("--before-queries", type=Path, help="with --store: the folder of the .rq files before")
    args = ap.parse_args(argv)
    asked = [(name, params) for name, params in questions() if not args.questions or name in args.questions]
    if args.ask:
        asked = [(name, dict(kv.split("=", 1) for kv in pairs)) for name, *pairs in args.ask]
    if args.store is not None and args.before_store is not None:
        import before_after

        before_after.report(args.store, args.before_store, args.before_queries, asked, args.runs)
        return
    if args.store is not None:
        import store_latency

        store_latency.report(args.store, asked, args.runs, args.timeout, args.ways)
        return
    cpu = args.clock == "cpu"

    t0 = time.perf_counter()
    extractions = list(api.extract(corpus_copies(args.corpus, args.docs)))
    extract_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    kg = KnowledgeGraph()
    kg.add_extractions(extractions)
    build_s = time.perf_counter() - t0
    union = UnionOfNamedGraphs(kg)
    merged = len(list(kg.store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    print(
        f"{len(kg.documents())} documents, {len(union.kg)} quads in named graphs, {merged} triples in the "
        f"merged default graph; extraction {extract_s:.1f} s, store build {build_s:.1f} s wall"
    )
    t0 = time.perf_counter()
    kg.add_extractions(extractions[-10:])  # replacing documents exercises the merged graph's upkeep
    print(f"re-adding 10 documents (replace: remove, unmerge, add): {time.perf_counter() - t0:.2f} s wall")
    print(f"p50 of {args.runs} runs, {args.clock} ms, union runs given up after {args.timeout:g} s\n")

    header = f"{'question':<28} {'rows':>6} {'merged':>9} {'union':>10} {'union/merged':>13}  same"
    print(header + "\n" + "-" * len(header))
    for name, params in [*asked, (INTERNAL, {})]:
        new_times, new_rows = timed(kg, name, params, args.runs, args.timeout, cpu)
        old_times, old_rows = timed(union, name, params, args.runs, args.timeout, cpu)
        ratio = "-"
        if len(old_times) == args.runs and len(new_times) == args.runs:
            ratio = f"{statistics.median(old_times) / max(statistics.median(new_times), 1e-9):.1f}x"
        elif len(new_times) == args.runs:
            ratio = f">{args.timeout / max(statistics.median(new_times), 1e-9):.0f}x"
        same = "?" if old_rows is None or new_rows is None else ("yes" if old_rows == new_rows else "NO")
        print(
            f"{name:<28} {len(new_rows or []):>6} {_ms(new_times, args.runs, args.timeout):>9} "
            f"{_ms(old_times, args.runs, args.timeout):>10} {ratio:>13}  {same}",
            flush=True,
        )


if __name__ == "__main__":
    main()
