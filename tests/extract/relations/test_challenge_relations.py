"""The invented relation challenge set (tests/extract/challenge/relations.jsonl): short fictional releases
written the many ways press releases state the facts of ANNOTATION.md, each with the facts its Conventions
give. The entities of a case are given (its ``entities``), so that a failure is a relation gap, not an
entity-recognition one: the production sentence splitter runs, the given entities are set on the Doc, then
the coreference and relation components run as in the pipeline.

Case fields: ``id``; ``text``; ``entities`` {TYPE: [[name, alias, ...], ...]}; ``facts`` the current facts
that must be found, [TYPE, subject name, object name or value] and [PAYMENT, payer, payee, USD value];
``absent`` facts that must not be found (optional); ``gap`` (optional) says why the extraction does not
read the case yet: the test then expects it to fail (strict xfail), so a fixed gap must drop its ``gap``.

``python tests/extract/relations/test_challenge_relations.py`` prints which cases pass and the facts missed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from challenge_cases import case_params, load_cases
from spacy.language import Language
from spacy.tokens import Doc

from pharmakg.extract.pipeline import build_pipeline, make_doc
from pharmakg.model import NON_CURRENT_KEYS, Entity, Mention

CASES_FILE = Path(__file__).resolve().parent.parent / "challenge" / "relations.jsonl"
Fact = tuple[Any, ...]


@lru_cache(maxsize=1)
def pipeline() -> Language:
    return build_pipeline()


def _set_entities(doc: Doc, entities: dict[str, list[list[str]]]) -> dict[str, str]:
    """The given entities as Doc spans and clusters (longest names first); entity id -> canonical name."""
    text = doc.text
    taken: list[tuple[int, int]] = []
    spans, lookup, clusters, canonical = [], {}, [], {}
    named = [(etype, names) for etype, groups in entities.items() for names in groups]
    order = sorted(
        ((len(n), k, n) for k, (_t, names) in enumerate(named) for n in names), key=lambda x: -x[0]
    )
    mentions: dict[int, list[Mention]] = {}
    for _len, k, name in order:
        for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            span = doc.char_span(m.start(), m.end(), label=named[k][0], alignment_mode="expand")
            if span is None or any(span.start < s.end and s.start < span.end for s in spans):
                continue
            taken.append((m.start(), m.end()))
            spans.append(span)
            lookup[(span.start_char, span.end_char)] = f"e{k}"
            mentions.setdefault(k, []).append(Mention(span.start_char, span.end_char, span.text))
    for k, (etype, names) in enumerate(named):
        eid = f"e{k}"
        canonical[eid] = names[0]
        clusters.append(
            Entity(id=eid, type=etype, name=names[0], aliases=names[1:], mentions=mentions.get(k, []))
        )
    doc.ents = sorted(spans, key=lambda s: s.start)
    doc._.pkg_entities = clusters
    doc._.pkg_mention_entity = lookup
    return canonical


def found_facts(case: dict[str, Any]) -> set[Fact]:
    """The current facts the relation component reads from a case's text with the case's entities."""
    nlp = pipeline()
    doc = make_doc(nlp, case["text"])
    doc._.pkg_skip = []
    doc._.pkg_meta = {}
    doc = nlp.get_pipe("pharmakg_sentences")(doc)
    canonical = _set_entities(doc, case["entities"])
    doc = nlp.get_pipe("pharmakg_coref")(doc)
    doc = nlp.get_pipe("pharmakg_relations")(doc)
    live = {e.id for e in doc._.pkg_entities}
    out: set[Fact] = set()
    for r in doc._.pkg_relations:
        if r.subject not in live or (r.object is not None and r.object not in live):
            continue
        status = str(r.attrs.get("status"))
        if status in NON_CURRENT_KEYS or status == "contingent" or (r.type == "PAYMENT" and r.value is None):
            continue
        if r.type == "PAYMENT":
            out.add((r.type, canonical[r.subject], canonical[r.object], r.value))
        elif r.type == "PARTNER_OF":
            a, b = sorted((canonical[r.subject], canonical[str(r.object)]))
            out.add((r.type, a, b))
        else:
            out.add((r.type, canonical[r.subject], canonical[r.object] if r.object else r.value))
    return out


def typed_fact_check(case: dict[str, Any], types: Collection[str]) -> tuple[list[Fact], list[Fact]]:
    """(expected facts of ``types`` not found, facts of ``types`` found that the case does not give)."""
    found = {f for f in found_facts(case) if f[0] in types}
    expected = {tuple(f) for f in case["facts"]}
    return sorted(expected - found, key=str), sorted(found - expected, key=str)


def _key(fact: list[Any]) -> Fact:
    if fact[0] == "PARTNER_OF":
        return (fact[0], *sorted(fact[1:3]))
    return tuple(fact)


def check(case: dict[str, Any]) -> tuple[set[Fact], set[Fact]]:
    """(expected facts not found, absent facts found)."""
    found = found_facts(case)
    missed = {_key(f) for f in case["facts"]} - found
    wrong = {_key(f) for f in case.get("absent", [])} & found
    return missed, wrong


CASES = load_cases(CASES_FILE)


@pytest.mark.parametrize(
    "case",
    case_params(CASES),
)
def test_challenge_case(case: dict[str, Any]) -> None:
    missed, wrong = check(case)
    assert not missed and not wrong, (
        f"missed {sorted(missed, key=str)}; wrongly found {sorted(wrong, key=str)}"
    )


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


if __name__ == "__main__":  # a report: which cases pass, and the facts missed or wrongly found
    wanted = set(sys.argv[1:])
    passed = 0
    for case in CASES:
        if wanted and case["id"] not in wanted:
            continue
        missed, wrong = check(case)
        passed += not missed and not wrong
        if bool(missed or wrong) != bool(case.get("gap")):
            verdict = "FAIL" if missed or wrong else "NOW PASSES (drop its gap)"
            print(f"{verdict} {case['id']}: missed {sorted(missed, key=str)} wrong {sorted(wrong, key=str)}")
    print(f"{passed}/{len(wanted) if wanted else len(CASES)} cases pass")
