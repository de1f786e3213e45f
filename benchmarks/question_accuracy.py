#!/usr/bin/env python3
"""Do the README's questions answer right on annotated releases? The graph's answers against the gold.

The extraction scorer (``../shared/tools/score.py``) judges each document apart. An analyst reads the
graph of all of them: the owners that ``pipeline`` lists for a compound (a comparator or an option holder
listed as an owner is wrong there, once, whatever the document), and the sums ``partners-and-payments``
gives per partner (a payment restated by three releases must count once). This script builds the graph of
the annotated folders with the real pipeline, asks those two questions through the API, and compares their
answers with the same facts read from the gold files:

- **owners** (``pipeline``, every row): a (compound, owner) pair is right when some gold document states
  DEVELOPED_BY between entities of those names (folded by ``pharmakg.names.fold``, as the scorer folds
  them). Gold pairs for recall are the DEVELOPED_BY pairs whose company the same document does not make a
  licensee of the compound (``pipeline`` lists a licensee as an owner only when every developer is one).
- **payments** (``partners-and-payments`` of every company): the US dollar sum each payer paid each payee.
  Gold sums follow the question's counting rule: an amount between the same two companies counts as often
  as the one document that states it most. A pair is right when both sums agree within 1% (the scorer's
  tolerance for PAYMENT); gold payees and payers are grouped across documents by shared folded names.

Prints the figures, then every wrong owner pair and payment pair (names only: what to look at).

usage: python benchmarks/question_accuracy.py [FOLDER ...]   (default: ../shared/corpus/{seeds,dev,dev2})
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from pharmakg import api
from pharmakg.evaluate import entity_names
from pharmakg.graph.names import NameNotFound
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.names import fold

Names = frozenset[str]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NAME_KEY = ox.NamedNode("https://w3id.org/pharmakg/ontology#nameKey")
COMPANY_TYPE = ox.NamedNode("https://w3id.org/pharmakg/ontology#Company")
PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _text(term: object) -> str:
    """The IRI or lexical form of a term (a quoted triple has none)."""
    return str(getattr(term, "value", ""))


@dataclass
class Gold:
    """The facts of the gold files that the two questions answer, with each entity's folded names."""

    developed_by: list[tuple[frozenset[str], frozenset[str], str]] = field(default_factory=list)
    owners: list[tuple[frozenset[str], frozenset[str], str]] = field(default_factory=list)
    # (payer names, payee names, amount) -> the most times one document states it
    payments: Counter[tuple[frozenset[str], frozenset[str], float]] = field(default_factory=Counter)


def read_gold(folders: Iterable[Path], fold_names) -> Gold:
    gold = Gold()
    for path in sorted(p for folder in folders for p in folder.glob("*.gold.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        names = {e["id"]: frozenset(fold_names(e)) for e in doc["entities"]}
        licensed = {(r["subject"], r["object"]) for r in doc["relations"] if r["type"] == "LICENSED_TO"}
        stated: Counter[tuple[frozenset[str], frozenset[str], float]] = Counter()
        for r in doc["relations"]:
            if r["type"] == "DEVELOPED_BY":
                pair = (names[r["subject"]], names[r["object"]], path.stem)
                gold.developed_by.append(pair)
                if (r["subject"], r["object"]) not in licensed:
                    gold.owners.append(pair)
            elif r["type"] == "PAYMENT":
                stated[(names[r["subject"]], names[r["object"]], float(r["value"]))] += 1
        for key, times in stated.items():
            gold.payments[key] = max(gold.payments[key], times)
    return gold


class GraphNames:
    """The folded names of the graph's entities (their name keys), found from the labels answers print."""

    def __init__(self, kg: KnowledgeGraph, fold) -> None:
        self.kg, self.fold = kg, fold
        self._cache: dict[tuple[str, str], frozenset[str]] = {}

    def of_iri(self, iri: str) -> frozenset[str]:
        keys = self.kg.store.quads_for_pattern(ox.NamedNode(iri), NAME_KEY, None, ox.DefaultGraph())
        return frozenset(f for q in keys if (f := self.fold(_text(q.object))))

    def of_label(self, label: str, entity_type: str) -> frozenset[str]:
        if (label, entity_type) not in self._cache:
            try:
                names = self.of_iri(self.kg.find(label, [entity_type]).iri)
            except NameNotFound:
                names = frozenset({self.fold(label)})
            self._cache[(label, entity_type)] = names
        return self._cache[(label, entity_type)]


def _cells(value: object) -> list[str]:
    return [v for v in str(value or "").split("; ") if v]


def owner_pairs(kg: KnowledgeGraph, names: GraphNames) -> list[tuple[str, str, Names, Names]]:
    answer = kg.run("pipeline", {"limit": "all"})
    at = {c: i for i, c in enumerate(answer.columns)}
    pairs = []
    for row in answer.rows:
        compound = str(row[at["compound"]])
        for owner in _cells(row[at["owners"]]):
            pairs.append(
                (compound, owner, names.of_label(compound, "COMPOUND"), names.of_label(owner, "COMPANY"))
            )
    return pairs


def _meets(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b)


def score_owners(kg: KnowledgeGraph, gold: Gold, names: GraphNames) -> tuple[dict[str, float], list[str]]:
    pairs = owner_pairs(kg, names)
    wrong = [
        f"{compound} <- {owner}"
        for compound, owner, c, o in pairs
        if not any(_meets(c, gc) and _meets(o, go) for gc, go, _ in gold.developed_by)
    ]
    missed = [
        f"{sorted(gc)[0]} <- {sorted(go)[0]} ({doc})"
        for gc, go, doc in gold.owners
        if not any(_meets(c, gc) and _meets(o, go) for _, _, c, o in pairs)
    ]
    figures = {
        "pairs": len(pairs),
        "right": len(pairs) - len(wrong),
        "precision": (len(pairs) - len(wrong)) / len(pairs) if pairs else 0.0,
        "gold owner pairs": len(gold.owners),
        "recall": 1 - len(missed) / len(gold.owners) if gold.owners else 0.0,
    }
    return figures, [f"not an owner in any gold: {w}" for w in wrong] + [f"missed: {m}" for m in missed]


def _companies(kg: KnowledgeGraph) -> list[str]:
    return sorted(_text(q.subject) for q in kg.store.quads_for_pattern(None, RDF_TYPE, COMPANY_TYPE, None))


def graph_payments(kg: KnowledgeGraph, names: GraphNames) -> dict[tuple[Names, Names], float]:
    """(payer names, payee names) -> the US dollars ``partners-and-payments`` says the payer paid."""
    sums: dict[tuple[frozenset[str], frozenset[str]], float] = {}
    for iri in dict.fromkeys(_companies(kg)):
        payee = names.of_iri(iri)
        labels = kg.store.quads_for_pattern(ox.NamedNode(iri), PREF_LABEL, None, ox.DefaultGraph())
        label = next((_text(q.object) for q in labels), None)
        if label is None:
            continue
        # the label as given: its lower case is one of the company's name keys
        answer = kg.run("partners-and-payments", {"company": label}, resolve_names=False)
        at = {c: i for i, c in enumerate(answer.columns)}
        for row in answer.rows:
            paid = row[at["paidToCompany"]]
            if paid:
                sums[(names.of_iri(str(row[at["partnerIri"]])), payee)] = float(paid)
    return sums


def score_payments(kg: KnowledgeGraph, gold: Gold, names: GraphNames) -> tuple[dict[str, float], list[str]]:
    wanted: dict[tuple[frozenset[str], frozenset[str]], float] = defaultdict(float)
    groups: list[tuple[frozenset[str], frozenset[str]]] = []
    for (payer, payee, amount), times in gold.payments.items():
        # the gold's payer and payee of other documents with a shared name are the same companies
        key = next((g for g in groups if _meets(g[0], payer) and _meets(g[1], payee)), (payer, payee))
        if key not in groups:
            groups.append(key)
        wanted[key] += amount * times
    found = graph_payments(kg, names)
    notes, right, matched = [], 0, set()
    for (payer, payee), amount in wanted.items():
        hits = [k for k in found if _meets(k[0], payer) and _meets(k[1], payee)]
        matched.update(hits)
        got = sum(found[k] for k in hits)
        if hits and abs(got - amount) <= 0.01 * amount:
            right += 1
        else:
            notes.append(f"{sorted(payer)[0]} -> {sorted(payee)[0]}: gold {amount:,.0f}, graph {got:,.0f}")
    spurious = [k for k in found if k not in matched]
    notes += [f"not in gold: {sorted(k[0])[0]} -> {sorted(k[1])[0]}: {found[k]:,.0f}" for k in spurious]
    figures = {
        "gold pairs": len(wanted),
        "right sums": right,
        "graph pairs": len(found),
        "precision": right / len(found) if found else 0.0,
        "recall": right / len(wanted) if wanted else 0.0,
    }
    return figures, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default = [SHARED / "corpus" / name for name in ("seeds", "dev", "dev2")]
    parser.add_argument("folders", nargs="*", type=Path, default=default)
    parser.add_argument("--quiet", action="store_true", help="figures only, not the wrong pairs")
    args = parser.parse_args(argv)
    gold = read_gold(args.folders, entity_names)
    kg = api.build(args.folders, on_error="skip")
    names = GraphNames(kg, fold)
    print(f"graph of {len(kg.documents())} releases from {', '.join(f.name for f in args.folders)}")
    questions = (("owners (pipeline)", score_owners), ("payments (partners-and-payments)", score_payments))
    for title, scored in questions:
        figures, notes = scored(kg, gold, names)
        shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
        print(f"{title}: {shown}")
        if not args.quiet:
            for note in notes:
                print("   ", note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
