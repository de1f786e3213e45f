"""The invented technology challenge set (tests/extract/challenge/technologies.jsonl): TECHNOLOGY entities and
USES_TECHNOLOGY read from the whole text, the ways releases name platforms and what uses them (ANNOTATION.md,
Conventions: a technology needs a name or an owned platform phrase): "A's proprietary X platform", "built on
its X technology", "using X", "an X-enabled antibody", "X™ antibody-drug conjugate technology", linkers,
payloads and delivery systems, discovery engines, "the companies will apply X to", platforms licensed from
another company, headlines and "About" sections; and the generic phrases that name no technology ("mRNA
technology", "its proprietary technology", "the field of gene therapy", "its oncology platform"). Every name
is made up; positive and negative twins.

Unlike the link set (relations/test_challenge_links.py, which gives the entities), a case here runs the whole
reader: its ``technologies`` are the TECHNOLOGY entities it expects (each a list of names, one of which the
entity must carry), and no other; its ``uses`` are every USES_TECHNOLOGY fact it expects ([subject name, a
name of the technology]), and no other. ``gap``: a known miss (strict xfail).

``python tests/extract/test_challenge_technologies.py`` prints the cases that pass per phrasing class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases, missed_and_wrong, report_by_class

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold

CASES = load_cases(Path(__file__).resolve().parent / "challenge" / "technologies.jsonl")


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _names(e: dict[str, Any]) -> set[str]:
    return {fold(n) for n in [e["name"], *e["aliases"]]}


def check(ex: Extractor, case: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(what the case expects and the reading lacks, what the reading has that the case does not expect)."""
    out = ex.extract_one(Document("challenge", "challenge", case["text"], meta={})).to_contract()
    ents = {e["id"]: e for e in out["entities"]}
    techs = [_names(e) for e in out["entities"] if e["type"] == "TECHNOLOGY"]
    wanted = [{fold(n) for n in group} for group in case["technologies"]]
    missed = [f"TECHNOLOGY {sorted(w)}" for w in wanted if not any(w & t for t in techs)]
    wrong = [f"TECHNOLOGY {sorted(t)}" for t in techs if not any(w & t for w in wanted)]
    found = [
        (_names(ents[r["subject"]]), _names(ents[r["object"]]))
        for r in out["relations"]
        if r["type"] == "USES_TECHNOLOGY"
    ]
    expected = []
    for subject, tech in case["uses"]:
        group = next((w for w in wanted if fold(tech) in w), {fold(tech)})
        expected.append((subject, fold(subject), group))
    missed += [
        f"USES {subject} -> {sorted(group)}"
        for subject, key, group in expected
        if not any(key in s and group & o for s, o in found)
    ]
    wrong += [
        f"USES {sorted(s)} -> {sorted(o)}"
        for s, o in found
        if not any(key in s and group & o for _, key, group in expected)
    ]
    return missed, wrong


@pytest.mark.parametrize("case", case_params(CASES))
def test_technology_case(ex: Extractor, case: dict[str, Any]) -> None:
    missed, wrong = check(ex, case)
    assert not missed and not wrong, f"missed {missed}; wrongly found {wrong}"


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.get("class") and c["text"].strip(), c["id"]
        assert all(isinstance(g, list) and g for g in c["technologies"]), c["id"]
        assert all(len(u) == 2 for u in c["uses"]), c["id"]
    # positive and negative twins: cases that expect no technology at all are a good part of the set
    assert sum(not c["technologies"] for c in CASES) >= len(CASES) // 5


if __name__ == "__main__":  # per phrasing class: cases, and cases that pass
    reader = Extractor()
    report_by_class(CASES, lambda c: missed_and_wrong(*check(reader, c)), width=26)
