"""Confidence calibration of extracted relations: precision per confidence band against gold files.

Usage::

    .venv/bin/python benchmarks/calibration.py [GOLD_DIR ...] [--by-rule]

Default gold dirs: ../shared/corpus/dev and ../shared/corpus/seeds (those that exist). Each GOLD_DIR holds
NAME.txt + NAME.gold.json (shared/corpus/ANNOTATION.md). The extractor runs on the .txt files and
``pharmakg.evaluate`` (the contract's scoring rules) says which predicted relations match gold; a relation
repeated within a document is judged once, as the scorer counts it.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from pharmakg import api
from pharmakg.evaluate import EvalReport, RelationMatch, load_gold, score_documents

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "seeds"]
BAND_EDGES = (0.0, 0.5, 0.75, 0.9, 1.0)


def calibrate(dirs: list[Path]) -> EvalReport:
    """Extract every gold document of ``dirs`` and score the predictions against their gold."""
    gold, texts = {}, []
    for d in dirs:
        for name, obj in load_gold(d).items():
            txt = d / f"{name}.txt"
            if txt.exists():
                gold[name] = obj
                texts.append(txt)
    pred = {x.document.name: x.to_contract() for x in api.extract(texts, on_error="raise")}
    return score_documents(gold, pred)


def band_table(report: EvalReport) -> str:
    rows = []
    for row in reversed(report.calibration(BAND_EDGES)):
        prec = f"{row['precision']:.3f}" if row["precision"] is not None else "  -  "
        n, hit = row["relations"], row["matched"]
        rows.append(f"{row['band']:12} n={n:4d}  correct={hit:4d}  precision={prec}")
    return "\n".join(rows)


def rule_table(matches: list[RelationMatch]) -> str:
    by_rule: dict[str, list[RelationMatch]] = defaultdict(list)
    for m in matches:
        if m.reason != "duplicate":
            by_rule[str(m.relation.get("extractor", ""))].append(m)
    lines = []
    for rule, ms in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        prec = sum(m.matched for m in ms) / len(ms)
        mean_conf = sum(m.confidence or 0.0 for m in ms) / len(ms)
        lines.append(f"{rule:50} n={len(ms):4d}  precision={prec:.3f}  mean conf={mean_conf:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dirs", nargs="*", type=Path)
    ap.add_argument("--by-rule", action="store_true", help="also print precision and mean confidence by rule")
    args = ap.parse_args(argv)
    dirs = args.gold_dirs or [d for d in DEFAULT_DIRS if d.is_dir()]
    if not dirs:
        print("no gold directory found; give one", file=sys.stderr)
        return 2
    report = calibrate(dirs)
    judged = sum(m.reason != "duplicate" for m in report.relation_matches)
    print("gold:", ", ".join(str(d) for d in dirs), f"| relations judged: {judged}")
    print(band_table(report))
    if args.by_rule:
        print()
        print(rule_table(report.relation_matches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
