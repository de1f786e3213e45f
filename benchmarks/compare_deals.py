#!/usr/bin/env python3
"""Same answers before and after a rewrite of the deal questions: every row of ``deals``,
``companies-sharing-a-partner`` and ``partners-and-payments``, this checkout's ``.rq`` files against those of
``--before-queries`` (e.g. main's ``pharmakg/graph/queries`` from ``git archive``), for many parameter sets.

Each question is asked as ``KnowledgeGraph.run`` asks it (parameters bound into the text, joined lists
sorted), with the value bound as given (the name resolution before binding is the same code on both sides):
every company's preferred label in three cases (as written, lower, upper) or, with ``--sample N``, those of
the N companies with the most partners and of N drawn at random; a missing and an empty name; no parameter
(the file as is).
Rows must be equal and in the same order, up to the order among rows that the question's ORDER BY leaves
tied (then the rows are compared as multisets and this checkout's order must be sorted by that key). A
question with a page slot (``# page:``, ``limit``/``offset``) is also asked for pages, each of which must be
the slice of its full answer at those positions.

usage: python benchmarks/compare_deals.py --store STORE --before-queries QDIR [--before-store STORE0]
                                          [--sample N] [--questions NAME ...]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from pharmakg import api
from pharmakg.graph.queries import bind_parameters, check_params, load_query, parse_header, sorted_result
from pharmakg.graph.results import QueryResult

QUESTIONS = ("deals", "companies-sharing-a-partner", "partners-and-payments")
PKG = "https://w3id.org/pharmakg/ontology#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
COMPANY, PARTNER_OF = ox.NamedNode(PKG + "Company"), ox.NamedNode(PKG + "partnerOf")
PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
PAGES = ((1, 0), (7, 0), (7, 3), (100, 0), (100, 100), (50, 10_000))
# the ORDER BY of each question before, as a key on a row (records of the answer)
Row = dict[str, Any]


def _lower(v: Any) -> str:
    return str(v).lower() if v is not None else ""


def _num(v: Any) -> float:
    return float(v) if v not in (None, "") else 0.0


ORDER_KEYS: dict[str, Callable[[Row], tuple[Any, ...]]] = {
    # unbound dates first, as SPARQL orders them
    "deals": lambda r: (r["date"] is not None, str(r["date"] or ""), _lower(r["parties"])),
    "companies-sharing-a-partner": lambda r: (
        -int(r["sharedPartners"]),
        _lower(r["companyName"]),
        _lower(r["otherCompany"]),
        str(r["companyName"]),
        str(r["otherCompany"]),
    ),
    "partners-and-payments": lambda r: (
        -_num(r["paidToCompany"]),
        -_num(r["paidByCompany"]),
        _lower(r["partner"]),
        str(r["partnerIri"]),
    ),
}


def ask(kg: Any, text: str, name: str, params: Mapping[str, Any]) -> QueryResult:
    """What ``KnowledgeGraph.run`` answers with ``text`` as the question's file, values bound as given."""
    info = parse_header(text, name)
    given = {k: v for k, v in params.items() if k in {p.name for p in info.params}}
    return sorted_result(info, kg.query(bind_parameters(text, check_params(info, given))))


def _hashable(row: Sequence[Any]) -> tuple[str, ...]:
    return tuple(repr(v) for v in row)


def same(name: str, before: QueryResult, after: QueryResult) -> str:
    """ "" when the answers are the same (see the module doc), else what differs."""
    if list(before.columns) != list(after.columns):
        return f"columns {before.columns} != {after.columns}"
    if list(before.rows) == list(after.rows):
        return ""
    if sorted(map(_hashable, before.rows)) != sorted(map(_hashable, after.rows)):
        only_b = set(map(_hashable, before.rows)) - set(map(_hashable, after.rows))
        only_a = set(map(_hashable, after.rows)) - set(map(_hashable, before.rows))
        return (
            f"rows differ: {len(only_b)} only before {sorted(only_b)[:2]}, "
            f"{len(only_a)} only after {sorted(only_a)[:2]}"
        )
    keys = [ORDER_KEYS[name](r) for r in after.records()]
    if keys != sorted(keys):
        return "same rows, but not in the order of the question"
    return ""


def companies(kg: Any, sample: int | None, seed: int = 0) -> list[str]:
    """Preferred labels of the companies to ask about: all, or the N with the most partners
    (``pkg:partnerOf``) and N others drawn at random."""
    store = kg.store
    merged = ox.DefaultGraph()
    partners: dict[str, int] = {}
    for q in store.quads_for_pattern(None, TYPE, COMPANY, merged):
        label = next(iter(store.quads_for_pattern(q.subject, PREF_LABEL, None, merged)), None)
        if label is not None:
            count = sum(1 for _ in store.quads_for_pattern(q.subject, PARTNER_OF, None, merged))
            partners[label.object.value] = max(count, partners.get(label.object.value, 0))
    labels = sorted(partners, key=lambda s: (-partners[s], s))
    if sample is None:
        return labels
    rest = labels[sample:]
    return labels[:sample] + random.Random(seed).sample(rest, min(sample, len(rest)))


def parameter_sets(name: str, names: Sequence[str]) -> list[dict[str, Any]]:
    sets: list[dict[str, Any]] = [{}] if name != "partners-and-payments" else []
    sets += [{"company": "No Such Company Zzz"}, {"company": ""}]
    for label in names:
        sets += [{"company": label}, {"company": label.lower()}, {"company": label.upper()}]
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--before-store", type=Path, default=None, help="default: --store")
    ap.add_argument("--before-queries", type=Path, required=True)
    ap.add_argument("--sample", type=int, default=None, help="companies: N best connected + N at random")
    ap.add_argument("--questions", nargs="*", default=list(QUESTIONS))
    args = ap.parse_args(argv)
    kg = api.open_graph(args.store, read_only=True)
    kg0 = api.open_graph(args.before_store, read_only=True) if args.before_store else kg
    names = companies(kg, args.sample)
    failures = checked = 0
    for name in args.questions:
        before_text = (args.before_queries / f"{name}.rq").read_text("utf-8")
        after_text = load_query(name)
        paged = "# page:" in after_text
        t0 = time.perf_counter()
        for params in parameter_sets(name, names):
            before = ask(kg0, before_text, name, params)
            after = ask(kg, after_text, name, params)
            why = same(name, before, after)
            checked += 1
            if why:
                failures += 1
                print(f"DIFFERENT {name} {params}: {why}")
            if paged and params.get("company", "") in ("", names[0]):
                for size, start in PAGES:
                    page = ask(kg, after_text, name, {**params, "limit": size, "offset": start})
                    checked += 1
                    if list(page.rows) != list(after.rows)[start : start + size]:
                        failures += 1
                        print(f"DIFFERENT {name} {params} page {size}@{start}: not the slice of the answer")
        elapsed = time.perf_counter() - t0
        print(
            f"{name}: {checked} answers compared so far, {failures} different ({elapsed:.0f} s)", flush=True
        )
    print(f"{checked} answers compared, {failures} different, {len(names)} companies x 3 cases")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
