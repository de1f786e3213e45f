#!/usr/bin/env python3
"""How much of the gold do the generated knowledge tables know, and how precise is matching their names?

For each generated table (``compounds.tsv`` -> COMPOUND, ``targets.tsv`` -> TARGET, ``diseases.tsv`` ->
DISEASE) over the gold of the given folders (default ``../shared/corpus/{seeds,dev,dev2}``), names folded
by ``pharmakg.names.fold``, as the reference scorer (``../shared/tools/score.py``) folds them:

* coverage: the share of gold entities of the type any of whose names the table holds (an upper bound on
  what the table can give recall);
* in text: the share of gold entities the table's matcher (pharmakg_knowledge's word index, no context)
  finds in their own document;
* naive P: of the distinct (document, folded name) pairs the matcher finds with no context, the share that
  names a gold entity of the type in that document; in-context P: the same for the names the component
  accepts (its context rules: indication wording for diseases, target wording for genes).

Precision is counted on distinct names per document (the scorer's unit is the entity, not the mention).
``--tables DIR`` scores the tables of another folder (e.g. a regenerated set in /tmp) so that two sets
compare in one run; ``--missing`` lists the gold names no table row holds.

usage: python benchmarks/knowledge_coverage.py [FOLDER ...] [--tables DIR] [--missing TYPE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pharmakg.evaluate import entity_names
from pharmakg.extract.components.knowledge import DEFAULT_KINDS, KnowledgeMatcher
from pharmakg.names import fold
from pharmakg.ontology.generated import GENERATED_DIR, read_generated

ROOT = Path(__file__).resolve().parents[1]
SHARED_CANDIDATES = (ROOT.parent / "shared", Path("/work/shared"))
TABLES = {"COMPOUND": "compounds.tsv", "TARGET": "targets.tsv", "DISEASE": "diseases.tsv"}


def _shared() -> Path:
    for path in SHARED_CANDIDATES:
        if (path / "tools" / "score.py").exists():
            return path
    sys.exit("reference scorer not found (../shared/tools/score.py)")


@dataclass
class GoldDoc:
    text: str
    # type -> list of each entity's folded names
    entities: dict[str, list[frozenset[str]]] = field(default_factory=lambda: defaultdict(list))
    raw: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def read_gold(folders: list[Path]) -> dict[str, GoldDoc]:
    docs: dict[str, GoldDoc] = {}
    for folder in folders:
        for gold_file in sorted(folder.glob("*.gold.json")):
            stem = gold_file.name[: -len(".gold.json")]
            text_file = folder / f"{stem}.txt"
            if not text_file.exists():
                continue
            doc = GoldDoc(text_file.read_text(encoding="utf-8"))
            for e in json.loads(gold_file.read_text(encoding="utf-8")).get("entities", []):
                doc.entities[e["type"]].append(frozenset(entity_names(e)))
                doc.raw[e["type"]].append(e.get("name", ""))
            docs[f"{folder.name}/{stem}"] = doc
    return docs


def _matcher(tables: Path, label: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(
        {label: str(tables / TABLES[label])}, DEFAULT_KINDS, "knowledge_context.json", 0.9
    )


def table_figures(
    label: str, tables: Path, docs: dict[str, GoldDoc], fold: Callable[[str], str], missing: bool
) -> dict[str, float]:
    """Coverage, share found in text and precision of one table's names (``fold``: the scorer's)."""
    known = {
        fold(n)
        for rec in read_generated(str(tables / TABLES[label]))
        for kind, n in rec.names
        if kind in DEFAULT_KINDS.get(label, [kind])
    }
    known.discard("")
    matcher = _matcher(tables, label)
    total = covered = found_in_text = 0
    naive_tp = naive_all = ctx_tp = ctx_all = 0
    misses: list[str] = []
    for doc in docs.values():
        gold_names = [n for e in doc.entities.get(label, []) for n in e]
        all_gold = set(gold_names)
        naive = {fold(doc.text[s:e]) for s, e, _ in matcher.matches(doc.text)}
        ctx = {fold(doc.text[s:e]) for s, e, _ in matcher.accepted(doc.text)}
        naive.discard("")
        ctx.discard("")
        naive_all += len(naive)
        naive_tp += len(naive & all_gold)
        ctx_all += len(ctx)
        ctx_tp += len(ctx & all_gold)
        for names, raw in zip(doc.entities.get(label, []), doc.raw.get(label, []), strict=True):
            total += 1
            if names & known:
                covered += 1
            elif missing:
                misses.append(raw)
            if names & naive:
                found_in_text += 1
    if missing:
        print(f"{label}: gold names no row holds ({len(misses)}): " + "; ".join(sorted(set(misses))))
    return {
        "gold": total,
        "coverage": covered / total if total else 0.0,
        "in_text": found_in_text / total if total else 0.0,
        "naive_p": naive_tp / naive_all if naive_all else 0.0,
        "naive_n": naive_all,
        "ctx_p": ctx_tp / ctx_all if ctx_all else 0.0,
        "ctx_n": ctx_all,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("folders", nargs="*", type=Path, help="gold folders (default: seeds, dev, dev2)")
    parser.add_argument("--tables", type=Path, default=GENERATED_DIR, help="folder of the generated tables")
    parser.add_argument("--missing", choices=sorted(TABLES), action="append", default=[])
    args = parser.parse_args(argv)
    shared = _shared()
    folders = args.folders or [shared / "corpus" / c for c in ("seeds", "dev", "dev2")]
    docs = read_gold(folders)
    print(f"tables: {args.tables}; gold: {len(docs)} documents of {', '.join(f.name for f in folders)}")
    print("type      rows   gold  coverage  in text  naive P (names)  in-context P (names)")
    for label, table in TABLES.items():
        rows = len(read_generated(str(args.tables / table)))
        f = table_figures(label, args.tables, docs, fold, label in args.missing)
        print(
            f"{label:<9} {rows:>6} {f['gold']:>5}  {f['coverage']:>7.1%}  {f['in_text']:>6.1%}"
            f"  {f['naive_p']:>6.1%} ({f['naive_n']:>4})    {f['ctx_p']:>6.1%} ({f['ctx_n']:>4})"
        )


if __name__ == "__main__":
    main()
