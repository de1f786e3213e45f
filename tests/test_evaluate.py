"""Evaluation as a feature: pharmakg.evaluate follows the reference scorer's rules exactly."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.evaluate import (
    fold_phase,
    load_gold,
    load_predictions,
    match_entities,
    score_documents,
)

SEEDS = Path(__file__).parent / "fixtures" / "gold_seeds"
BUNDLED = Path(__file__).resolve().parents[1] / "pharmakg" / "data" / "corpus"


def _reference_scorer() -> Path | None:
    """shared/tools/score.py beside the clone, where CI lays ../shared."""
    p = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"
    return p if p.is_file() else None


def ent(eid, etype, name, *aliases):
    return {"id": eid, "type": etype, "name": name, "aliases": list(aliases)}


GOLD = {
    "a": {
        "document": "a",
        "entities": [
            ent("g1", "COMPANY", "ImmunoGen"),
            ent("g2", "COMPANY", "sanofi-aventis"),
            ent("g3", "COMPOUND", "huN901-DM1", "BB-10901"),
            ent("g4", "TARGET", "CD56"),
        ],
        "relations": [
            {"type": "TARGETS", "subject": "g3", "object": "g4"},
            {"type": "PARTNER_OF", "subject": "g1", "object": "g2"},
            {"type": "IN_PHASE", "subject": "g3", "value": "Phase 1"},
            {"type": "PAYMENT", "subject": "g2", "object": "g1", "value": 2_000_000},
        ],
    },
    "b": {"document": "b", "entities": [ent("g1", "COMPOUND", "IMGN853")], "relations": []},
}
PRED = {
    "a": {
        "document": "a",
        "entities": [
            ent("p1", "COMPANY", "ImmunoGen, Inc."),
            ent("p2", "COMPANY", "Sanofi-Aventis"),
            ent("p3", "COMPOUND", "BB-10901"),
            ent("p5", "TARGET", "NCAM1"),
            ent("p6", "DISEASE", "SCLC"),
        ],
        "relations": [
            {"type": "PARTNER_OF", "subject": "p2", "object": "p1", "confidence": 0.9},  # either order
            {"type": "IN_PHASE", "subject": "p3", "value": "Phase I", "confidence": 0.8},  # folded value
            # within 1%, then the same payment again (counted once)
            {"type": "PAYMENT", "subject": "p2", "object": "p1", "value": 2_010_000, "confidence": 0.7},
            {"type": "PAYMENT", "subject": "p2", "object": "p1", "value": 2_000_000, "confidence": 0.7},
            {"type": "TARGETS", "subject": "p3", "object": "p5", "confidence": 0.6},  # NCAM1 matched nothing
            {"type": "INDICATION", "subject": "p3", "object": "p6", "confidence": 0.4},
        ],
    },
    # a prediction without gold is ignored
    "orphan": {"document": "orphan", "entities": [ent("x", "COMPANY", "X")], "relations": []},
}


def test_hand_made_counts_per_type_overall_and_per_document():
    r = score_documents(GOLD, PRED)
    e, rel = r.entities, r.relations
    assert (e.tp, e.fp, e.fn) == (3, 2, 2)  # NCAM1 and SCLC are false positives; CD56 and IMGN853 missed
    assert (e.precision, e.recall, e.f1) == pytest.approx((0.6, 0.6, 0.6))
    assert (rel.tp, rel.fp, rel.fn) == (3, 2, 1)
    assert (rel.precision, rel.recall, rel.f1) == pytest.approx((0.6, 0.75, 2 * 0.6 * 0.75 / 1.35))
    t = r.per_type()
    assert (t["ent:COMPANY"].tp, t["ent:TARGET"].fp, t["ent:TARGET"].fn, t["ent:DISEASE"].fp) == (2, 1, 1, 1)
    assert (t["rel:TARGETS"].fp, t["rel:TARGETS"].fn) == (1, 1)
    assert (t["rel:PAYMENT"].tp, t["rel:PARTNER_OF"].tp) == (1, 1)
    docs = {d.document: d for d in r.documents}
    assert set(docs) == {"a", "b"} and docs["b"].missing and not docs["a"].missing
    assert docs["a"].total("ent").f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert (docs["b"].total("ent").fn, docs["b"].total("ent").f1) == (1, 0.0)


def test_relation_match_details_and_calibration():
    r = score_documents(GOLD, PRED)
    got = [(m.type, m.matched, m.reason) for m in r.relation_matches]
    assert got == [
        ("PARTNER_OF", True, "match"),
        ("IN_PHASE", True, "match"),
        ("PAYMENT", True, "match"),
        ("PAYMENT", True, "duplicate"),
        ("TARGETS", False, "unmatched entity"),
        ("INDICATION", False, "unmatched entity"),
    ]
    bands = {b["band"]: b for b in r.calibration((0.0, 0.5, 0.75, 1.0))}
    assert (bands["0.00-0.50"]["relations"], bands["0.00-0.50"]["precision"]) == (1, 0.0)
    assert (bands["0.50-0.75"]["relations"], bands["0.50-0.75"]["matched"]) == (2, 1)  # duplicate left out
    assert (bands["0.75-1.00"]["relations"], bands["0.75-1.00"]["precision"]) == (2, 1.0)


def test_payment_outside_one_percent_and_wrong_phase_do_not_match():
    gold = {"d": GOLD["a"]}
    pred = {
        "d": {
            "entities": PRED["a"]["entities"],
            "relations": [
                {"type": "PAYMENT", "subject": "p2", "object": "p1", "value": 2_100_000},
                {
                    "type": "PAYMENT",
                    "subject": "p1",
                    "object": "p2",
                    "value": 2_000_000,
                },  # payer and payee swapped
                {"type": "IN_PHASE", "subject": "p3", "value": "Phase 2"},
            ],
        }
    }
    c = score_documents(gold, pred).relations
    assert (c.tp, c.fp, c.fn) == (0, 3, 4)


def test_matching_is_maximum_one_to_one():
    gold = [ent("g1", "COMPOUND", "a", "b"), ent("g2", "COMPOUND", "b")]
    pred = [ent("p1", "COMPOUND", "b"), ent("p2", "COMPOUND", "a"), ent("p3", "TARGET", "a")]
    assert match_entities(gold, pred) == {"p1": "g2", "p2": "g1"}


@pytest.mark.parametrize(
    "value,folded",
    [
        ("Phase I", "phase1"),
        ("phase 1b", "phase1"),
        ("Phase II/III", "phase2/3"),
        ("Phase 1/2", "phase1/2"),
        ("Preclinical", "preclinical"),
        ("IND", "ind"),
    ],
)
def test_fold_phase(value, folded):
    assert fold_phase(value) == folded


def test_gold_against_itself_is_perfect():
    gold = load_gold(SEEDS)
    r = score_documents(gold, gold)
    assert r.entities.f1 == r.relations.f1 == 1.0


# Counts of tests/fixtures/gold_seeds/predictions.jsonl (a saved extraction of the three seed releases)
# against the seed gold, computed once with shared/tools/score.py: label -> (tp, fp, fn).
PINNED = {
    "ent": (79, 1, 0),
    "rel": (108, 3, 4),
    "ent:DISEASE": (20, 1, 0),
    "rel:INDICATION": (17, 2, 3),
    "rel:USES_TECHNOLOGY": (23, 1, 1),
    "rel:PARTNER_OF": (18, 0, 0),
}


def _reference_counts(gold_dir: Path, pred_path: Path) -> dict[str, tuple[int, int, int]]:
    out = subprocess.run(
        [sys.executable, str(_reference_scorer()), str(gold_dir), str(pred_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts = {}
    for m in re.finditer(r"^(\S+)\s+P [\d.]+ R [\d.]+ F1 [\d.]+\s+tp (\d+) fp (\d+) fn (\d+)", out, re.M):
        counts[m.group(1)] = (int(m.group(2)), int(m.group(3)), int(m.group(4)))
    return counts


def _our_counts(report) -> dict[str, tuple[int, int, int]]:
    return {k: (c.tp, c.fp, c.fn) for k, c in report.per_type().items()}


def test_saved_seed_predictions_score_as_the_reference_scorer_does():
    report = score_documents(load_gold(SEEDS), load_predictions(SEEDS / "predictions.jsonl"))
    ours = _our_counts(report)
    for label, counts in PINNED.items():
        got = (
            (report.total(label).tp, report.total(label).fp, report.total(label).fn)
            if ":" not in label
            else ours[label]
        )
        assert got == counts, label
    if _reference_scorer() is not None:
        assert ours == _reference_counts(SEEDS, SEEDS / "predictions.jsonl")


def test_live_extraction_of_the_seeds_scores_as_the_reference_scorer_does(tmp_path):
    from pharmakg import api

    if _reference_scorer() is None:
        pytest.skip("the reference scorer (shared/tools/score.py) is not here")
    preds = [x.to_contract() for x in api.extract([BUNDLED], on_error="skip")]
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    report = score_documents(load_gold(SEEDS), load_predictions(path))
    assert _our_counts(report) == _reference_counts(SEEDS, path)


def test_cli_evaluate(tmp_path):
    for p in SEEDS.glob("*.gold.json"):
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    for p in BUNDLED.glob("*.txt"):
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["evaluate", str(tmp_path), "--by-doc"])
    assert res.exit_code == 0, res.output
    assert "ENTITIES" in res.output and "immunogen_2014_04_imgn853_dosing" in res.output
    res = runner.invoke(
        main, ["evaluate", str(SEEDS), "--predictions", str(SEEDS / "predictions.jsonl"), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert (data["entities"]["tp"], data["relations"]["tp"]) == (79, 108)
    assert set(data["per_document"]) == {p.name[: -len(".gold.json")] for p in SEEDS.glob("*.gold.json")}
    assert runner.invoke(main, ["evaluate", str(tmp_path / "nothing")]).exit_code != 0
