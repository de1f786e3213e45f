#!/usr/bin/env python3
"""Every row of the bundled questions, this checkout's ``.rq`` files against another's (e.g. main's), on a
store.

For each question asked (default: the list questions of issue 10 and the questions by name), parameter sets
are drawn from the store itself: names of each type the parameter takes, as stored, in upper and in lower case
(drawn at random with ``--seed``, and the most mentioned entities: ``pkg:documentCount``), a name no entity
has, an empty name, and the file as is (no parameter). evidence gets relations and objects from its subject's
own statements. Each question is asked with the values bound as given (no name resolution: both sides bind
the same text), its joined lists sorted (what ``KnowledgeGraph.run`` does), and the rows compared in order. A
question with a page slot is compared in full (``limit=all``) and page by page (the default page, and sizes
1, 7 and 50 at several starts): every page must be the rows of the full answer at its positions, with the
number of rows of the full answer as its total.

The other side's queries run on ``--before-store`` (default: the same store; a store built by main lacks only
the facts this checkout keeps, which main's queries do not read).

usage: python benchmarks/compare_answers.py --store DIR --before-queries QDIR [--before-store DIR0]
           [--questions NAME ...] [--samples N] [--seed N]
   e.g. git archive main pharmakg/graph/queries | tar -x -C out/main-src
        python benchmarks/compare_answers.py --store out/store \
            --before-queries out/main-src/pharmakg/graph/queries
Prints one line per question (parameter sets compared, rows, differences) and exits 1 if any differs.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pharmakg import api
from pharmakg.graph.queries import (
    DEFAULT_PAGE,
    bind_parameters,
    check_params,
    load_query,
    page_size_slots,
    parse_header,
    run_query,
    sorted_result,
)
from pharmakg.graph.query_params import NAME_PARAMETERS
from pharmakg.graph.results import QueryResult

QUESTIONS = [
    "pipeline",
    "documents",
    "compounds-by-indication",
    "compounds-by-target",
    "compounds-by-payload",
    "crowded-targets",
    "evidence",
    "aliases",
    "phase-history",
]
MISSING = "no such name zq"
HELPERS = Path(__file__).resolve().parent / "compare_queries"


def helper(name: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of a helper query of ``compare_queries/`` with its ``VALUES`` slots bound."""
    return KG.query(bind_parameters((HELPERS / f"{name}.rq").read_text(encoding="utf-8"), params)).rows


KG: Any = None  # the store asked (set by main)


class Names:
    """Labels of the store's entities by type, most mentioned first, and random draws of them."""

    def __init__(self, kg: Any, rng: random.Random) -> None:
        self.kg, self.rng = kg, rng
        self._by_type: dict[str, list[str]] = {}

    def of(self, etype: str) -> list[str]:
        if etype not in self._by_type:
            rows = helper("entities", type=etype)
            rows.sort(key=lambda r: (-(r[2] or 0), str(r[1])))
            self._by_type[etype] = [str(r[1]) for r in rows]
        return self._by_type[etype]

    def sample(self, types: tuple[str, ...], k: int) -> list[str]:
        labels = [
            label for t in types or ("COMPOUND", "TARGET", "COMPANY", "DISEASE") for label in self.of(t)
        ]
        if not labels:
            return []
        top = labels[:2]
        drawn = self.rng.sample(labels, min(k, len(labels)))
        cased = [f(x) for x in drawn[:2] for f in (str.upper, str.lower)]
        return list(dict.fromkeys(top + drawn + cased))


def parameter_sets(name: str, kg: Any, names: Names, samples: int) -> Iterator[dict[str, Any]]:
    """The parameter sets to compare ``name`` with (see the module doc)."""
    info = parse_header(load_query(name), name)
    params = [p.name for p in info.params if p.name not in ("limit", "offset")]
    yield {}
    for p in params:
        if p == "minCompanies":
            yield from ({p: v} for v in ("1", "3", "10", 4))
            continue
        if p not in NAME_PARAMETERS or p in ("relation", "object"):
            continue
        for value in [*names.sample(NAME_PARAMETERS[p], samples), MISSING, ""]:
            yield {p: value}
            if name == "evidence" and value not in (MISSING, ""):
                yield from evidence_sets(kg, value)


def evidence_sets(kg: Any, subject: str) -> Iterator[dict[str, Any]]:
    """A subject with relations and objects of its own statements (a few), and with a missing object."""
    for relation, object_name, value in helper("statements", key=subject.lower())[:4]:
        yield {"subject": subject, "relation": relation}
        yield {"subject": subject, "relation": relation, "object": object_name or value}
        yield {
            "subject": subject,
            "relation": str(relation).lower(),
            "object": str(object_name or value).upper(),
        }
    yield {"subject": subject, "relation": "TARGETS", "object": MISSING}


def ask_before(kg: Any, folder: Path, name: str, params: Mapping[str, Any]) -> QueryResult:
    """The other checkout's question: its text, the values bound as given, every row (it has no pages)."""
    text = (folder / f"{name}.rq").read_text(encoding="utf-8")
    info = parse_header(text, name)
    given = {k: v for k, v in params.items() if k in {p.name for p in info.params}}
    if not as_is(name, params):
        given = check_params(info, given)
    return sorted_result(info, kg.query(bind_parameters(text, given)))


def as_is(name: str, params: Mapping[str, Any]) -> bool:
    """Whether a required parameter is left out: then the file is asked as is (every entity)."""
    info = parse_header(load_query(name), name)
    return any(not p.optional and p.name not in params for p in info.params)


def compare(name: str, before: QueryResult, after_kg: Any, params: dict[str, Any]) -> list[str]:
    """Differences between the other checkout's answer and this one's, in full and page by page."""
    problems: list[str] = []
    paged = bool(page_size_slots(load_query(name)))
    if as_is(name, params):
        full = sorted_result(parse_header(load_query(name), name), after_kg.query(load_query(name)))
        return (
            []
            if full.rows == before.rows
            else [f"{name} as is: {len(before)} rows before, {len(full)} after"]
        )
    full = run_query(after_kg, name, {**params, "limit": "all"} if paged else params)
    if full.rows != before.rows:
        problems.append(
            f"{name} {params}: {len(before.rows)} rows before, {len(full.rows)} after, or another order"
        )
    if not paged:
        return problems
    rows = full.rows
    pages: list[tuple[int | None, int]] = [(None, 0), (None, DEFAULT_PAGE)]
    pages += [
        (size, start)
        for size in (1, 7, 50)
        for start in sorted({0, 1, len(rows) // 2, max(len(rows) - 3, 0)})
    ]
    for size, start in pages:
        page = run_query(after_kg, name, {**params, "limit": size, "offset": start})
        expected = rows[start : start + (size or DEFAULT_PAGE)]
        if page.rows != expected or page.total != len(rows):
            problems.append(f"{name} {params} page limit={size} offset={start}: not the slice (or total)")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True, type=Path)
    ap.add_argument("--before-queries", required=True, type=Path)
    ap.add_argument("--before-store", type=Path)
    ap.add_argument("--questions", nargs="+", default=QUESTIONS)
    ap.add_argument("--samples", type=int, default=6, help="names drawn at random per parameter")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    global KG
    after_kg = KG = api.open_graph(args.store, read_only=True)
    before_kg = api.open_graph(args.before_store, read_only=True) if args.before_store else after_kg
    names = Names(after_kg, random.Random(args.seed))
    failed = 0
    for name in args.questions:
        sets = rows = 0
        problems: list[str] = []
        for params in parameter_sets(name, after_kg, names, args.samples):
            before = ask_before(before_kg, args.before_queries, name, params)
            problems += compare(name, before, after_kg, params)
            sets, rows = sets + 1, rows + len(before.rows)
        failed += len(problems)
        print(f"{name}: {sets} parameter sets, {rows:,} rows, {len(problems)} differences", flush=True)
        for p in problems[:10]:
            print(f"  DIFFERS: {p}")
    print("same answers" if not failed else f"{failed} differences")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
