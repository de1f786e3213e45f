"""Latency of the bundled questions on a built on-disk store: the Python API, rdflib in memory, HTTP.

Run through ``query_latency.py --store DIR`` (see its doc). Every bundled question (with the demo's
parameters) is asked ``runs`` times, its answer consumed in full, and p50 / p95 of the wall times are printed
(milliseconds), per way of asking:

* ``api``: ``pharmakg.api.open_graph(DIR, read_only=True).run(name, params)``, the store on disk;
* ``rdflib``: the store's merged default graph loaded into an in-memory ``rdflib.Graph``, the same query text
  (parameters bound by :func:`pharmakg.graph.queries.bound_query`); each question in a forked child that is
  killed after ``timeout`` seconds;
* ``http``: ``pharmakg serve DIR`` started as a separate process, the bound query POSTed to ``/query``
  (``application/sparql-results+json``, answer read in full), one connection per request.

A way whose answer has another number of rows than the first way's shows that number beside its times
(the API gives Python values, the others the terms' text, so rows are compared by count).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from pharmakg import api
from pharmakg.graph.queries import bound_query

Rows = list[tuple[str, ...]]
Question = tuple[str, dict[str, str]]


def _canonical(rows: list[tuple[Any, ...]]) -> Rows:
    return sorted(tuple(" | ".join(sorted(re.split(r" \| |; ", str(c)))) for c in row) for row in rows)


def _p(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return 1000 * ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass
class Timing:
    times: list[float]  # wall seconds of each run
    rows: Rows  # the first run's answer
    cpu_ms: float | None = None  # mean CPU of a run in this process (the API's; None where it is elsewhere)


def _timed(ask: Callable[[], Rows], runs: int) -> Timing:
    times: list[float] = []
    rows: Rows = []
    cpu = 0.0
    for i in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        answer = ask()
        times.append(time.perf_counter() - t0)
        cpu += time.process_time() - c0
        rows = answer if i == 0 else rows
    return Timing(times, rows, 1000 * cpu / max(runs, 1))


def api_latency(store: Path, questions: Sequence[Question], runs: int) -> dict[str, Timing]:
    kg = api.open_graph(store, read_only=True)
    print(f"api: {len(kg):,} quads in {store}", file=sys.stderr)
    found = {}
    for name, params in questions:
        found[name] = _timed(partial(_api_rows, kg, name, params), runs)
    return found


def _api_rows(kg: Any, name: str, params: dict[str, str]) -> Rows:
    return _canonical(kg.run(name, params).rows)


def _rdflib_child(conn: Any, graph: Any, sparql: str, runs: int) -> None:
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = [tuple("" if v is None else str(v) for v in row) for row in graph.query(sparql)]
        conn.send((time.perf_counter() - t0, _canonical(rows)))
    conn.close()


def rdflib_latency(
    store: Path, questions: Sequence[Question], runs: int, timeout: float
) -> dict[str, Timing]:
    import pyoxigraph as ox
    import rdflib

    t0 = time.perf_counter()
    graph = rdflib.Graph()
    kg = api.open_graph(store, read_only=True)
    triples = kg.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    data = ox.serialize(
        (ox.Triple(q.subject, q.predicate, q.object) for q in triples), format=ox.RdfFormat.N_TRIPLES
    )
    graph.parse(data=data, format="nt")
    print(f"rdflib: {len(graph):,} triples loaded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    found: dict[str, Timing] = {}
    ctx = mp.get_context("fork")
    for name, params in questions:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_rdflib_child, args=(child, graph, bound_query(name, params), runs))
        proc.start()
        child.close()
        times: list[float] = []
        rows: Rows = []
        try:
            while len(times) < runs and parent.poll(timeout):
                elapsed, answer = parent.recv()
                times.append(elapsed)
                rows = rows or answer
        except EOFError:
            pass
        finally:
            if proc.is_alive():
                proc.kill()
            proc.join()
        found[name] = Timing(times, rows)
    return found


def _start_server(store: Path) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "pharmakg", "serve", str(store), "--port", "0", "--limit", "1000000"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    line = proc.stderr.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+)/query", line)
    if not match:
        proc.kill()
        raise SystemExit(f"pharmakg serve did not start: {line}{proc.stderr.read()}")
    return proc, match.group(1)


def _post(url: str, sparql: str) -> Rows:
    request = urllib.request.Request(
        f"{url}/query",
        data=sparql.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request) as response:
        answer = json.loads(response.read())
    columns = answer["head"]["vars"]
    return _canonical(
        [tuple(b[c]["value"] if c in b else "" for c in columns) for b in answer["results"]["bindings"]]
    )


def http_latency(store: Path, questions: Sequence[Question], runs: int) -> dict[str, Timing]:
    proc, url = _start_server(store)
    try:
        return {
            name: _timed(partial(_post, url, bound_query(name, params)), runs) for name, params in questions
        }
    finally:
        proc.terminate()
        proc.wait()


def report(
    store: Path, questions: Sequence[Question], runs: int, timeout: float, ways: Sequence[str]
) -> None:
    """Measure each way of asking and print one Markdown table (p50 / p95 ms, rows, same answer)."""
    results: dict[str, dict[str, Timing]] = {}
    for way in ways:
        t0 = time.perf_counter()
        if way == "api":
            results[way] = api_latency(store, questions, runs)
        elif way == "rdflib":
            results[way] = rdflib_latency(store, questions, runs, timeout)
        else:
            results[way] = http_latency(store, questions, runs)
        print(f"{way}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    print(f"\n{runs} runs per question, wall ms p50 / p95 (pid {os.getpid()})\n")
    print("| question | rows | " + " | ".join(f"{w} p50 / p95" for w in ways) + " |")
    print("|---|---|" + "---|" * len(ways))
    for name, _params in questions:
        first = results[ways[0]][name]
        cells = []
        for way in ways:
            timing = results[way][name]
            times, rows = timing.times, timing.rows
            if len(times) < runs:
                cells.append(f">{timeout:g} s")
                continue
            same = "" if way == ways[0] or len(rows) == len(first.rows) else f" ({len(rows)} rows)"
            cpu = f" (CPU {timing.cpu_ms:.1f})" if timing.cpu_ms is not None else ""
            cells.append(f"{statistics.median(times) * 1000:.1f} / {_p(times, 0.95):.1f}{cpu}{same}")
        print(f"| {name} | {len(first.rows):,} | " + " | ".join(cells) + " |", flush=True)
