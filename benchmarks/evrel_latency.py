#!/usr/bin/env python3
"""CPU ms p50 and p95 of bundled questions as ``KnowledgeGraph.run`` asks them, this checkout's ``.rq`` files
against another version's (e.g. main's, from ``git archive``), pages against pages, alternating run by run.

``slow_questions_latency.py`` asks the queries before without a page (the full answer a page replaces); here
both sides are asked as ``kg.run`` asks a question: names resolved, parameters bound, a question with a page
slot answers its default page (or the ``limit``/``offset`` given) and counts its total with
``internal/total-NAME.rq`` of the same side. So a change to a paged question is compared with the page it
replaces. Each run is timed with ``time.process_time`` (CPU of this process: the machine is shared). The rows
and the total of both sides are compared. Without ``--before-queries`` only this checkout is timed.

usage: python benchmarks/evrel_latency.py --store DIR [--before-queries QDIR] [--before-store DIR0]
           [--runs N] --ask NAME [KEY=VALUE ...] [--ask ...]
       python benchmarks/evrel_latency.py --store DIR --every [--runs N]   # every bundled question
Prints one Markdown table row per question.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pharmakg import api
from pharmakg.graph.queries import (
    bind_parameters,
    check_params,
    list_queries,
    load_query,
    page_size_slots,
    parameter_slots,
    parse_header,
    sorted_result,
    with_default_page,
)
from pharmakg.graph.query_params import resolve_parameters
from pharmakg.graph.results import QueryResult

# a hub value for each question that takes a name (the synthetic corpus's largest: most statements, partners,
# compounds), asked besides the default parameters
HUB_PARAMETERS: dict[str, dict[str, str]] = {
    "aliases": {"name": "huN901-DM1"},
    "companies-sharing-a-partner": {"company": "Innoventwill"},
    "compounds-by-indication": {"disease": "ovarian cancer"},
    "compounds-by-payload": {"payload": "DM4"},
    "compounds-by-target": {"target": "CD56"},
    "deals": {"company": "Innoventwill"},
    "evidence": {"subject": "huN901-DM1"},
    "partners-and-payments": {"company": "Innoventwill"},
    "phase-history": {"compound": "huN901-DM1"},
    "pipeline": {"company": "Corecept"},
}


def _p(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]:,.1f}"


def ask_folder(kg: Any, folder: Path, name: str, params: Mapping[str, Any]) -> QueryResult:
    """What ``kg.run`` does, with the ``.rq`` files of ``folder`` (``internal/total-NAME.rq`` for a page)."""
    text = (folder / f"{name}.rq").read_text("utf-8")
    info = parse_header(text, name)
    given = {k: v for k, v in params.items() if k in {p.name for p in info.params}}
    values = resolve_parameters(kg.name_index(), given).values if given else {}
    values = with_default_page(text, check_params(info, values))
    result = sorted_result(info, kg.query(bind_parameters(text, values)))
    total_file = folder / "internal" / f"total-{name}.rq"
    if page_size_slots(text) and total_file.exists():
        total_text = total_file.read_text("utf-8")
        slots = parameter_slots(total_text)
        counted = kg.query(bind_parameters(total_text, {k: v for k, v in values.items() if k in slots}))
        result.total = int(counted.rows[0][0]) if counted.rows else None
    return result


def timed(times: list[float], ask: Any, *args: Any) -> QueryResult:
    c0 = time.process_time()
    result: QueryResult = ask(*args)
    times.append(time.process_time() - c0)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True, type=Path)
    ap.add_argument("--before-store", type=Path)
    ap.add_argument("--before-queries", type=Path)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--ask", nargs="+", action="append", default=[], metavar="NAME [KEY=VALUE]")
    ap.add_argument("--every", action="store_true", help="every bundled question: defaults, then its hub")
    args = ap.parse_args()
    kg = api.open_graph(args.store, read_only=True)
    before_kg = api.open_graph(args.before_store, read_only=True) if args.before_store else kg
    for graph in {id(kg): kg, id(before_kg): before_kg}.values():
        graph.name_index()  # built once per opened graph: not a question's cost
    asked = [(name, dict(pair.split("=", 1) for pair in pairs)) for name, *pairs in args.ask]
    if args.every:
        for name in sorted(q[0] for q in list_queries()):
            if all(p.optional for p in parse_header(load_query(name), name).params):
                asked.append((name, {}))  # the defaults, where the question has them
            if name in HUB_PARAMETERS:
                asked.append((name, HUB_PARAMETERS[name]))
    before = args.before_queries
    print(f"{args.runs} runs each{', alternating' if before else ''}; CPU ms p50 / p95\n")
    head = "| question (parameters) | rows |" + (" before: CPU p50 / p95 |" if before else "")
    print(head + " CPU p50 / p95 |" + (" same rows and total |" if before else ""))
    print("|---|---|" + ("---|" if before else "") + "---|" + ("---|" if before else ""))
    for name, params in asked:
        times_before: list[float] = []
        times_after: list[float] = []
        old = new = None
        for _ in range(args.runs):
            if before is not None:
                old = timed(times_before, ask_folder, before_kg, before, name, params)
            new = timed(times_after, kg.run, name, params)
        assert new is not None
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        rows = f"{len(new.rows):,}" + (f" of {new.total:,}" if new.total is not None else "")
        cells = [f"{name}{f' ({shown})' if shown else ''}", rows]
        if old is not None:
            cells.append(f"{_p(times_before, 0.5)} / {_p(times_before, 0.95)}")
        cells.append(f"{_p(times_after, 0.5)} / {_p(times_after, 0.95)}")
        if old is not None:
            cells.append("yes" if (old.rows, old.total) == (new.rows, new.total) else "**no**")
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
