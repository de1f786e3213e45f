"""Issue 9 relation cues (roles, deal semantics, stages, cross-sentence facts) on short sentences invented for
these tests: fictional companies and drugs, entities set directly on the Doc as in test_relations."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc, Span

import pharmakg.extract.components.coref  # noqa: F401  (registers pharmakg_coref)
import pharmakg.extract.relations  # noqa: F401  (registers pharmakg_relations)
from pharmakg.model import NON_CURRENT_KEYS, Entity, Mention

for _ext in ("pkg_skip", "pkg_entities", "pkg_mention_entity"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)
if not Span.has_extension("pkg_entity_id"):
    Span.set_extension(
        "pkg_entity_id", getter=lambda s: (s.doc._.pkg_mention_entity or {}).get((s.start_char, s.end_char))
    )

HELIX = {"helix": ("COMPANY", ["Helix Pharmaceuticals", "Helix"]), "orb": ("COMPANY", ["Orbital Bio"])}
ZB = {"zb": ("COMPOUND", ["ZB-12"])}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("pharmakg_coref")
    nlp.add_pipe("pharmakg_relations")
    return nlp


def facts(nlp, text: str, entities: dict[str, tuple[str, list[str]]]) -> set[tuple]:
    """The current facts found in ``text``: {(type, subject name, object name or value)}; PAYMENT as
    (type, payer, payee, value). Planned, discontinued, optional and contingent facts are left out."""
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("sentencizer")(doc)
    spans, lookup, clusters = [], {}, []
    for eid, (etype, names) in entities.items():
        mentions = []
        for name in names:
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
                span = doc.char_span(m.start(), m.end(), label=etype)
                if span is not None and not any(span.start < s.end and s.start < span.end for s in spans):
                    spans.append(span)
                    lookup[(m.start(), m.end())] = eid
                    mentions.append(Mention(m.start(), m.end(), name))
        clusters.append(Entity(id=eid, type=etype, name=names[0], aliases=names[1:], mentions=mentions))
    doc.ents = sorted(spans, key=lambda s: s.start)
    doc._.pkg_entities = clusters
    doc._.pkg_mention_entity = lookup
    doc = nlp.get_pipe("pharmakg_coref")(doc)
    doc = nlp.get_pipe("pharmakg_relations")(doc)
    names = {eid: names[0] for eid, (_t, names) in entities.items()}
    out = set()
    for r in doc._.pkg_relations:
        if r.attrs.get("status") in NON_CURRENT_KEYS or r.attrs.get("status") == "contingent":
            continue
        if r.type == "PAYMENT":
            out.add((r.type, names[r.subject], names[r.object], r.value))
        else:
            out.add((r.type, names[r.subject], names.get(r.object) if r.object else r.value))
    return out


def payments(found: set[tuple]) -> set[tuple]:
    return {f for f in found if f[0] == "PAYMENT"}


# ---------------------------------------------------------------- payments: currency, verbs, payees, totals
def test_usd_written_as_a_code_is_a_dollar_amount(nlp):
    found = facts(nlp, "Orbital Bio paid Helix an upfront payment of USD 7 million.", HELIX)
    assert payments(found) == {("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 7000000)}


def test_other_dollars_are_not_us_dollars(nlp):
    found = facts(nlp, "Orbital Bio paid Helix an upfront payment of HK$40 million.", HELIX)
    assert all(f[3] is None for f in payments(found))


def test_foreign_sum_with_its_usd_equivalent_counts_once(nlp):
    found = facts(nlp, "Orbital Bio will pay Helix an upfront fee of EUR 9 million (USD 10 million).", HELIX)
    assert payments(found) == {("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 10000000)}


def test_make_a_payment_names_the_payer(nlp):
    text = "Under the agreement, Orbital Bio will make an upfront payment of $15 million to Helix."
    assert ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 15000000) in facts(nlp, text, HELIX)


def test_joint_payees_each_get_the_joint_amount(nlp):
    ents = {**HELIX, "kes": ("COMPANY", ["Kestrel Therapeutics"])}
    text = (
        "In addition to research funding by Orbital Bio, Helix and Kestrel Therapeutics will jointly "
        "receive an upfront payment of $20 million."
    )
    assert payments(facts(nlp, text, ents)) == {
        ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 20000000),
        ("PAYMENT", "Orbital Bio", "Kestrel Therapeutics", 20000000),
    }


def test_a_total_beside_its_parts_counts_once(nlp):
    text = (
        "Helix will receive $9 million in payments from Orbital Bio. "
        "Orbital Bio will make a $6 million payment to Helix at closing and a $3 million payment to Helix "
        "in June."
    )
    assert payments(facts(nlp, text, HELIX)) == {
        ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 6000000),
        ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 3000000),
    }


# ---------------------------------------------------------------- stages: filings, approvals, launches, parts
def phases(found: set[tuple]) -> set[str]:
    return {f[2] for f in found if f[0] == "IN_PHASE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The FDA has accepted the Biologics License Application for ZB-12 in gout.", {"Filed"}),
        ("A New Drug Application for ZB-12 was also submitted in May.", {"Filed"}),
        ("The NDA for ZB-12 is under priority review.", {"Filed"}),
        ("Helix completed the BLA submission for ZB-12 in June.", {"Filed"}),
        ("Helix plans to submit an NDA for ZB-12 in 2027.", set()),
        ("The European Commission granted a conditional marketing authorization for ZB-12.", {"Approved"}),
        ("ZB-12 was launched in Japan in March.", {"Approved"}),
        ("ZB-12 is marketed in Canada.", {"Approved"}),
        ("Helix launched a Phase 2 trial of ZB-12.", {"Phase 2"}),
        ("An NDA for ZB-12 was submitted and, subject to approval, ZB-12 will be our first drug.", {"Filed"}),
        ("Helix will conclude the Phase 1 portions of the ongoing Phase 1/2 trials of ZB-12.", {"Phase 1/2"}),
    ],
)
def test_stage_phrasings(nlp, text, expected):
    assert phases(facts(nlp, text, {**HELIX, **ZB})) == expected
