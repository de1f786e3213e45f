"""Confidence calibration of extracted relations: precision per confidence band against gold files.

Usage::

    .venv/bin/python benchmarks/calibration.py [GOLD_DIR ...] [--by-rule]

Default gold dirs: ../shared/corpus/dev and ../shared/corpus/seeds (those that exist). Each GOLD_DIR holds
NAME.txt + NAME.gold.json (shared/corpus/ANNOTATION.md). The extractor runs on the .txt files; each predicted
relation of the contract's "relations" list is marked correct when it matches a gold relation under the
reference scorer's rules (entities matched one to one by overlapping folded name sets, PARTNER_OF unordered,
IN_PHASE value equal, PAYMENT value within 1%). Matching comes from ``pharmakg.evaluate`` when that module
exists; otherwise from the small copy below (same rules).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from pharmakg.extract.ingest import read_document
from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "seeds"]
BANDS = [
    (0.9, 1.01, "[0.90, 1.00]"),
    (0.75, 0.9, "[0.75, 0.90)"),
    (0.5, 0.75, "[0.50, 0.75)"),
    (0.0, 0.5, "< 0.50"),
]


def _names(e: dict[str, Any]) -> set[str]:
    return {fold(n) for n in [e.get("name", ""), *(e.get("aliases") or [])] if fold(n)}


def match_entities(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, str]:
    """Maximum one-to-one matching per type (augmenting paths); pred id -> gold id."""
    mapping: dict[str, str] = {}
    for typ in {e["type"] for e in gold} | {e["type"] for e in pred}:
        g_list = [e for e in gold if e["type"] == typ]
        p_list = [e for e in pred if e["type"] == typ]
        g_names = [_names(g) for g in g_list]
        adj = [[j for j, gn in enumerate(g_names) if _names(p) & gn] for p in p_list]
        owner: dict[int, int] = {}

        def augment(
            i: int, seen: set[int], adj: list[list[int]] = adj, owner: dict[int, int] = owner
        ) -> bool:
            for j in adj[i]:
                if j in seen:
                    continue
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
            return False

        for i in range(len(p_list)):
            augment(i, set())
        for j, i in owner.items():
            mapping[p_list[i]["id"]] = g_list[j]["id"]
    return mapping


def _same(pred: dict[str, Any], gold: dict[str, Any], idmap: dict[str, str]) -> bool:
    if pred["type"] != gold["type"]:
        return False
    s, o = idmap.get(pred["subject"]), idmap.get(pred.get("object")) if pred.get("object") else None
    ends = (s, o)
    gends = (gold["subject"], gold.get("object"))
    if pred["type"] == "PARTNER_OF":
        if set(ends) != set(gends):
            return False
    elif ends != gends:
        return False
    if pred["type"] == "IN_PHASE":
        return fold(str(pred.get("value"))) == fold(str(gold.get("value")))
    if pred["type"] == "PAYMENT":
        try:
            pv, gv = float(pred.get("value")), float(gold.get("value"))
        except (TypeError, ValueError):
            return False
        return abs(pv - gv) <= 0.01 * max(abs(gv), 1.0)
    return True


def judge(gold: dict[str, Any], pred: dict[str, Any]) -> list[tuple[dict[str, Any], bool]]:
    """Each predicted relation with whether it matches a (not yet used) gold relation."""
    try:  # the project's evaluator, when present, is the single source of the matching rules
        from pharmakg import evaluate  # type: ignore[attr-defined]

        idmap = evaluate.match_entities(gold["entities"], pred["entities"])
    except (ImportError, AttributeError):
        idmap = match_entities(gold["entities"], pred["entities"])
    free = list(gold["relations"])
    out = []
    for r in pred["relations"]:
        hit = next((g for g in free if _same(r, g, idmap)), None)
        if hit is not None:
            free.remove(hit)
        out.append((r, hit is not None))
    return out


def calibrate(dirs: list[Path]) -> list[tuple[dict[str, Any], bool]]:
    extractor = Extractor()
    judged: list[tuple[dict[str, Any], bool]] = []
    for d in dirs:
        for gold_path in sorted(d.glob("*.gold.json")):
            txt = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
            if not txt.exists():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pred = extractor.extract_one(read_document(txt)).to_contract()
            judged.extend(judge(gold, pred))
    return judged


def table(judged: list[tuple[dict[str, Any], bool]], key: str = "band") -> str:
    rows = []
    for lo, hi, label in BANDS:
        sel = [ok for r, ok in judged if lo <= float(r.get("confidence", 1.0)) < hi]
        prec = f"{sum(sel) / len(sel):.3f}" if sel else "  -  "
        rows.append(f"{label:14} n={len(sel):4d}  correct={sum(sel):4d}  precision={prec}")
    return "\n".join(rows)


def by_rule(judged: list[tuple[dict[str, Any], bool]]) -> str:
    agg: dict[str, list[bool]] = defaultdict(list)
    conf: dict[str, list[float]] = defaultdict(list)
    for r, ok in judged:
        agg[r.get("extractor", "")].append(ok)
        conf[r.get("extractor", "")].append(float(r.get("confidence", 1.0)))
    lines = []
    for rule in sorted(agg, key=lambda k: -len(agg[k])):
        oks = agg[rule]
        mean_c = sum(conf[rule]) / len(conf[rule])
        prec = sum(oks) / len(oks)
        lines.append(f"{rule:50} n={len(oks):4d}  precision={prec:.3f}  mean conf={mean_c:.3f}")
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
    judged = calibrate(dirs)
    print("gold:", ", ".join(str(d) for d in dirs), f"| relations judged: {len(judged)}")
    print(table(judged))
    if args.by_rule:
        print()
        print(by_rule(judged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
