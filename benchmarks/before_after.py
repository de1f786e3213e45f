"""Latency of the bundled questions before and after a change, through the API, in the same run.

Run through ``query_latency.py --store DIR --before-store DIR0 --before-queries QDIR``: each question is asked
of ``DIR`` with this checkout's ``.rq`` files and of ``DIR0`` (e.g. a store built by main) with the ``.rq``
files of ``QDIR`` (e.g. main's ``pharmakg/graph/queries`` from ``git archive``), the two alternating run by
run, so the machine's load weighs on both alike. Each run is what ``KnowledgeGraph.run`` does (names
resolved through the name index, parameters bound, joined lists sorted), timed with ``time.process_time``
(CPU of this process: the machine is shared) and ``time.perf_counter``; p50 of both are printed, with the
number of rows and whether both answers are the same rows in the same order.

A question's page parameters (``limit``, ``offset``) are left out for the queries before, which had none: the
"before" of a page is the full answer it replaces. Rows are then compared as the slice of the before answer
(a question with a page slot asked without ``limit`` answers its default page: ``limit=all`` for every row).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pharmakg import api
from pharmakg.graph.queries import (
    bind_parameters,
    check_params,
    load_query,
    parse_header,
    run_query,
    sorted_result,
    with_default_page,
)
from pharmakg.graph.query_params import resolve_parameters
from pharmakg.graph.results import QueryResult

PAGE = ("limit", "offset")
Question = tuple[str, dict[str, str]]


@dataclass
class Side:
    """One way of asking: a store and the folder of the .rq texts (None: this checkout's)."""

    kg: Any
    queries: Path | None
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    answer: QueryResult | None = None

    def ask(self, name: str, params: Mapping[str, Any]) -> QueryResult:
        text = load_query(name) if self.queries is None else (self.queries / f"{name}.rq").read_text("utf-8")
        info = parse_header(text, name)
        given = {k: v for k, v in params.items() if k in {p.name for p in info.params}}
        values = resolve_parameters(self.kg.name_index(), given).values if given else given
        if self.queries is None:  # this checkout: what KnowledgeGraph.run does (a default page, its total)
            return run_query(self.kg, name, values)
        return sorted_result(info, self.kg.query(bind_parameters(text, check_params(info, values))))

    def timed(self, name: str, params: Mapping[str, Any]) -> None:
        c0, t0 = time.process_time(), time.perf_counter()
        self.answer = self.ask(name, params)
        self.cpu.append(time.process_time() - c0)
        self.wall.append(time.perf_counter() - t0)


def _slice(rows: list[tuple[Any, ...]], params: Mapping[str, Any], name: str) -> list[tuple[Any, ...]]:
    """The rows of the full answer that this checkout's answer should be (a page of a paged question)."""
    paged = with_default_page(load_query(name), params)
    start = int(paged.get("offset") or 0)
    size = paged.get("limit")
    return rows[start:] if size is None or str(size).lower() == "all" else rows[start : start + int(size)]


def _ms(values: list[float]) -> str:
    return f"{1000 * statistics.median(values):,.1f}"


def report(
    store: Path, before_store: Path, before_queries: Path, questions: Sequence[Question], runs: int
) -> None:
    """Ask each question ``runs`` times on both sides, alternating, and print one Markdown table."""
    after_kg = api.open_graph(store, read_only=True)
    before_kg = api.open_graph(before_store, read_only=True)
    for kg in (after_kg, before_kg):
        kg.name_index()  # built once per opened graph (kg.run's name resolution): not a question's cost
    print(f"\nbefore: {len(before_kg):,} quads, {before_store} with {before_queries}")
    print(f"after: {len(after_kg):,} quads, {store} with this checkout's queries")
    print(f"{runs} runs each, alternating; CPU ms p50 (wall ms p50)\n")
    print("| question (parameters) | rows | before: CPU ms (wall) | after: CPU ms (wall) | same rows |")
    print("|---|---|---|---|---|")
    for name, params in questions:
        before, after = Side(before_kg, before_queries), Side(after_kg, None)
        old_params = {k: v for k, v in params.items() if k not in PAGE}
        for _ in range(runs):
            before.timed(name, old_params)
            after.timed(name, params)
        assert before.answer is not None and after.answer is not None
        same = _slice(before.answer.rows, params, name) == after.answer.rows
        shown = ", ".join(f"{k}={v}" for k, v in params.items()) or "-"
        rows = f"{len(after.answer.rows):,}" + (
            f" of {len(before.answer.rows):,}" if len(before.answer.rows) != len(after.answer.rows) else ""
        )
        print(
            f"| {name} ({shown}) | {rows} | {_ms(before.cpu)} ({_ms(before.wall)}) | "
            f"{_ms(after.cpu)} ({_ms(after.wall)}) | {'yes' if same else 'NO'} |",
            flush=True,
        )
