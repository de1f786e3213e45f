#!/usr/bin/env python3
"""CPU ms p50 and p95 of questions before and after a change, through the API, alternating run by run.

The questions that were still over 50 ms at 1M triples (issue 10), asked as ``KnowledgeGraph.run`` asks them:
this checkout's ``.rq`` files on ``--store`` and the ``.rq`` files of ``--before-queries`` (e.g. main's, from
``git archive``) on ``--before-store`` (default: the same store), each run timed with ``time.process_time``
(CPU of this process: the machine is shared by other jobs, so wall time says more about them than about the
question). A page's parameters (``limit``, ``offset``) are left out before, where the question had no page:
the "before" of a page is the full answer it replaces. Rows are checked too: the answer after must be the
slice of the answer before at the page's positions (see ``before_after.py``); for a question whose order
changed, the page must be the slice of this checkout's full answer, which holds the rows of the answer before.

usage: python benchmarks/slow_questions_latency.py --store DIR --before-queries QDIR [--before-store DIR0]
           [--runs N] --ask NAME [KEY=VALUE ...] [--ask ...]
Prints one Markdown table row per question.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from before_after import PAGE, Side, _slice

from pharmakg import api


def _p(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]:,.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True, type=Path)
    ap.add_argument("--before-store", type=Path)
    ap.add_argument("--before-queries", required=True, type=Path)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--ask", nargs="+", action="append", required=True, metavar="NAME [KEY=VALUE]")
    args = ap.parse_args()
    after_kg = api.open_graph(args.store, read_only=True)
    before_kg = api.open_graph(args.before_store, read_only=True) if args.before_store else after_kg
    for kg in {id(after_kg): after_kg, id(before_kg): before_kg}.values():
        kg.name_index()  # built once per opened graph: not a question's cost
    print(f"{args.runs} runs each, alternating; CPU ms p50 / p95\n")
    print("| question (parameters) | rows | before: CPU p50 / p95 | after: CPU p50 / p95 | same rows |")
    print("|---|---|---|---|---|")
    for name, *pairs in args.ask:
        params = dict(pair.split("=", 1) for pair in pairs)
        before, after = Side(before_kg, args.before_queries), Side(after_kg, None)
        for _ in range(args.runs):
            before.timed(name, {k: v for k, v in params.items() if k not in PAGE})
            after.timed(name, params)
        assert before.answer is not None and after.answer is not None
        same: bool | str = _slice(before.answer.rows, params, name) == after.answer.rows
        if not same:  # a question whose order changed: the same rows, and the page is the slice of them
            full = after.ask(name, {**params, "limit": "all", "offset": 0})
            if sorted(map(repr, full.rows)) == sorted(map(repr, before.answer.rows)):
                same = (
                    "yes, in the new order" if _slice(full.rows, params, name) == after.answer.rows else False
                )
        total = f" of {after.answer.total:,}" if after.answer.total not in (None, len(after.answer)) else ""
        shown = ", ".join(f"{k}={v}" for k, v in params.items()) or "-"
        cells = [f"{_p(side.cpu, 0.5)} / {_p(side.cpu, 0.95)}" for side in (before, after)]
        print(
            f"| {name} ({shown}) | {len(after.answer):,}{total} | {cells[0]} | {cells[1]} | "
            f"{same if isinstance(same, str) else 'yes' if same else 'NO'} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
