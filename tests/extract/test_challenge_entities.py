"""The invented challenge set (tests/extract/challenge/entities.json): fictional releases phrased the many
ways real ones name compounds, trials, payloads, technologies, companies, diseases and targets, with the
entities the Conventions of the annotation contract expect. A failure is a general gap by construction,
because no case comes from a corpus document. Known gaps carry "xfail" with their reason (strict: a fix
shows up as an unexpected pass)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold

CASES = json.loads((Path(__file__).parent / "challenge" / "entities.json").read_text(encoding="utf-8"))[
    "cases"
]


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _groups(out: dict, typ: str) -> list[set[str]]:
    """The folded name sets of the entities of a type ('*': every type)."""
    return [
        {fold(n) for n in [e["name"], *e["aliases"]]}
        for e in out["entities"]
        if typ == "*" or e["type"] == typ
    ]


def _problems(case: dict, out: dict) -> list[str]:
    problems = []
    for typ, wanted in case.get("entities", {}).items():
        have = set().union(*_groups(out, typ))
        problems += [f"missing {typ} {n!r}" for n in wanted if fold(n) not in have]
    for together in case.get("same", []):
        keys = {fold(n) for n in together}
        if not any(keys <= g for g in _groups(out, "*")):
            problems.append(f"not one entity: {together}")
    for typ, unwanted in case.get("absent", {}).items():
        have = set().union(*_groups(out, typ))
        problems += [f"unwanted {typ} {n!r}" for n in unwanted if fold(n) in have]
    for typ in case.get("only", []):
        allowed = {fold(n) for n in case.get("entities", {}).get(typ, [])}
        allowed |= {fold(n) for group in case.get("same", []) for n in group}
        problems += [f"extra {typ} {sorted(g)}" for g in _groups(out, typ) if not g & allowed]
    by_id = {e["id"]: {fold(n) for n in [e["name"], *e["aliases"]]} for e in out["entities"]}
    for typ, subj, obj in case.get("relations", []):
        if not any(
            r["type"] == typ
            and fold(subj) in by_id.get(r["subject"], set())
            and fold(obj) in by_id.get(r.get("object", ""), set())
            for r in out["relations"]
        ):
            problems.append(f"missing {typ} {subj} -> {obj}")
    return problems


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=c["xfail"], strict=True)) if c.get("xfail") else c
        for c in CASES
    ],
    ids=[c["id"] for c in CASES],
)
def test_challenge_case(ex: Extractor, case: dict) -> None:
    out = ex.extract_one(Document("challenge", "challenge", case["text"], meta={})).to_contract()
    assert _problems(case, out) == []
