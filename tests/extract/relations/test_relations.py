"""pharmakg_coref + pharmakg_relations on short sentences written for these tests.

Entities are set directly on the Doc (the relation half is tested apart from the entity recognisers): every
listed name found in the text becomes a mention of one entity per (type, name group).
"""

from __future__ import annotations

import pytest
from given_entities import GivenEntities, canonical_names, read_relations, relation_pipeline
from spacy.tokens import Doc

from pharmakg.model import NON_CURRENT_KEYS, Entity


@pytest.fixture(scope="module")
def nlp():
    return relation_pipeline()


def run(nlp, text: str, entities: GivenEntities) -> tuple[Doc, set[tuple]]:
    """entities: id -> (type, [surface names]). Returns the doc and {(type, subject, object or value)}
    (PAYMENT: (type, payer, payee, value))."""
    doc = read_relations(nlp, text, entities)
    names = canonical_names(entities)
    facts = set()
    for r in doc._.pkg_relations:
        if r.type != "PAYMENT" and r.attrs.get("status") in NON_CURRENT_KEYS:
            continue  # planned, discontinued, declined, optional: recorded, but not current facts
        obj = names.get(r.object) if r.object else r.value
        if r.type == "PAYMENT":
            facts.add((r.type, names[r.subject], obj, r.value))
        else:
            facts.add((r.type, names[r.subject], obj))
    return doc, facts


ACME = {"acme": ("COMPANY", ["Acme Bio"]), "zen": ("COMPANY", ["Zenith Pharma"])}


def test_targets_payload_antibody_and_code_name(nlp):
    ents = {
        **ACME,
        "c": ("COMPOUND", ["abX7-DM4"]),
        "ab": ("ANTIBODY", ["abX7"]),
        "p": ("PAYLOAD", ["DM4"]),
        "t": ("TARGET", ["GPR99"]),
    }
    _, facts = run(
        nlp, "Acme Bio's abX7-DM4 targets the GPR99 antigen. It comprises the abX7 antibody and DM4.", ents
    )
    assert ("TARGETS", "abX7-DM4", "GPR99") in facts
    assert ("HAS_PAYLOAD", "abX7-DM4", "DM4") in facts
    assert ("HAS_ANTIBODY", "abX7-DM4", "abX7") in facts
    assert ("DEVELOPED_BY", "abX7-DM4", "Acme Bio") in facts


def test_indication_developer_passive_and_technology(nlp):
    ents = {
        **ACME,
        "c": ("COMPOUND", ["QX-101"]),
        "d": ("DISEASE", ["gastric cancer"]),
        "tech": ("TECHNOLOGY", ["LinkR technology"]),
    }
    text = "QX-101, in development by Zenith Pharma, is a LinkR technology compound for gastric cancer."
    _, facts = run(nlp, text, ents)
    assert ("DEVELOPED_BY", "QX-101", "Zenith Pharma") in facts
    assert ("INDICATION", "QX-101", "gastric cancer") in facts
    assert ("USES_TECHNOLOGY", "QX-101", "LinkR technology") in facts


def test_licensed_to_and_partnership_from_licence(nlp):
    ents = {**ACME, "c": ("COMPOUND", ["QX-101"])}
    _, facts = run(nlp, "QX-101 was developed by Acme Bio and licensed to Zenith Pharma last year.", ents)
    assert ("LICENSED_TO", "QX-101", "Zenith Pharma") in facts
    assert ("DEVELOPED_BY", "QX-101", "Acme Bio") in facts
    assert any(f[0] == "PARTNER_OF" and {f[1], f[2]} == {"Acme Bio", "Zenith Pharma"} for f in facts)


def test_payment_direction_earned_from(nlp):
    _, facts = run(nlp, "Acme Bio earned a $3.5 million milestone payment from Zenith Pharma in May.", ACME)
    assert ("PAYMENT", "Zenith Pharma", "Acme Bio", 3500000) in facts


def test_payment_direction_paid_to(nlp):
    _, facts = run(nlp, "Zenith Pharma paid an upfront fee of $12 million to Acme Bio.", ACME)
    assert ("PAYMENT", "Zenith Pharma", "Acme Bio", 12000000) in facts


def test_contingent_sums_are_not_payments(nlp):
    text = (
        "Acme Bio is eligible to receive up to $400 million in milestones from Zenith Pharma. "
        "Acme Bio is entitled to receive milestone payments potentially totaling $50 million "
        "from Zenith Pharma."
    )
    doc, _ = run(nlp, text, ACME)
    pays = [r for r in doc._.pkg_relations if r.type == "PAYMENT"]
    # recorded for the graph, but as contingent sums (to_contract keeps them out of "relations")
    assert pays and all(r.attrs["status"] == "contingent" for r in pays)


def test_payment_counterpart_from_neighbouring_sentence(nlp):
    text = (
        "Zenith Pharma signed a license agreement for the technology. "
        "Under it, Acme Bio earned a $1 million license fee."
    )
    doc, facts = run(nlp, text, ACME)
    assert ("PAYMENT", "Zenith Pharma", "Acme Bio", 1000000) in facts
    pay = next(r for r in doc._.pkg_relations if r.type == "PAYMENT")
    assert pay.attrs["kind"] == "license fee"
    assert pay.attrs["status"] == "earned"


def test_planned_phase_is_not_current(nlp):
    ents = {**ACME, "c": ("COMPOUND", ["QX-101"]), "c2": ("COMPOUND", ["QX-202"])}
    text = (
        "QX-101 is in Phase 1 testing. "
        "Acme Bio is on track to begin Phase II evaluation of QX-101 next year. "
        "Acme Bio plans to file an IND for QX-202 in 2025."
    )
    _, facts = run(nlp, text, ents)
    phases = {(f[1], f[2]) for f in facts if f[0] == "IN_PHASE"}
    assert ("QX-101", "Phase 1") in phases
    assert ("QX-101", "Phase 2") not in phases
    assert ("QX-202", "Preclinical") in phases
    doc, _ = run(nlp, text, ents)
    planned = [r for r in doc._.pkg_relations if r.attrs.get("status") == "planned"]
    assert [(r.subject, r.value) for r in planned] == [("c", "Phase 2")]


def test_phase_one_two_study(nlp):
    ents = {"c": ("COMPOUND", ["QX-101"])}
    _, facts = run(nlp, "QX-101 is being tested in an ongoing Phase I/II study.", ents)
    assert ("IN_PHASE", "QX-101", "Phase 1/2") in facts
    assert ("IN_PHASE", "QX-101", "Phase 1") not in facts


def test_approved_and_negated_approval(nlp):
    ents = {"c": ("COMPOUND", ["Curaxa"]), "c2": ("COMPOUND", ["QX-101"])}
    _, facts = run(nlp, "Curaxa was approved in Europe. QX-101 is not approved for any use.", ents)
    assert ("IN_PHASE", "Curaxa", "Approved") in facts
    assert ("IN_PHASE", "QX-101", "Approved") not in facts


def test_the_company_coreference(nlp):
    ents = {**ACME, "c": ("COMPOUND", ["QX-101"])}
    text = "Acme Bio announced results today. Acme Bio said the Company's QX-101 met its goal."
    doc, facts = run(nlp, text, ents)
    assert doc._.pkg_main_company == "acme"
    assert ("DEVELOPED_BY", "QX-101", "Acme Bio") in facts


def test_compound_anaphor_and_trial(nlp):
    ents = {**ACME, "c": ("COMPOUND", ["QX-101"]), "t": ("TARGET", ["GPR99"]), "tr": ("TRIAL", ["Study 07"])}
    text = "Acme Bio develops QX-101. The compound targets GPR99. Study 07 enrolled its first patients."
    _, facts = run(nlp, text, ents)
    assert ("TARGETS", "QX-101", "GPR99") in facts
    assert ("EVALUATES", "Study 07", "QX-101") in facts


def test_list_partnerships(nlp):
    ents = {**ACME, "b": ("COMPANY", ["Borealis"]), "c": ("COMPANY", ["Cobalt Therapeutics"])}
    text = "Acme Bio has collaborations with Zenith Pharma, Borealis and Cobalt Therapeutics."
    _, facts = run(nlp, text, ents)
    partners = {frozenset((f[1], f[2])) for f in facts if f[0] == "PARTNER_OF"}
    assert partners == {
        frozenset(("Acme Bio", x)) for x in ("Zenith Pharma", "Borealis", "Cobalt Therapeutics")
    }


def test_negation_suppresses(nlp):
    ents = {"c": ("COMPOUND", ["QX-101"]), "t": ("TARGET", ["GPR99"])}
    _, facts = run(nlp, "QX-101 does not bind GPR99 at all.", ents)
    assert not [f for f in facts if f[0] == "TARGETS"]


def test_evidence_offsets_point_at_the_sentence(nlp):
    ents = {**ACME, "c": ("COMPOUND", ["QX-101"]), "d": ("DISEASE", ["gastric cancer"])}
    text = "Acme Bio met investors. QX-101 is tested in gastric cancer. Nothing else happened."
    doc, _ = run(nlp, text, ents)
    ind = next(r for r in doc._.pkg_relations if r.type == "INDICATION")
    start, end = ind.evidence[0].start, ind.evidence[0].end
    assert text[start:end] == "QX-101 is tested in gastric cancer."
    assert ind.evidence[0].sentence == text[start:end]
    assert ind.extractor.startswith("pharmakg_relations:")
    assert 0 < ind.confidence <= 1


def test_skipped_text_is_ignored(nlp):
    ents = {"c": ("COMPOUND", ["QX-101"]), "d": ("DISEASE", ["gastric cancer"])}
    text = "Forward-looking: QX-101 may treat gastric cancer."
    doc = nlp.make_doc(text)
    doc._.pkg_skip = [(0, len(text), "safe-harbor")]
    doc = nlp.get_pipe("sentencizer")(doc)
    doc.ents = []
    doc._.pkg_entities = [Entity(id=k, type=t, name=n[0]) for k, (t, n) in ents.items()]
    doc._.pkg_mention_entity = {}
    doc = nlp.get_pipe("pharmakg_relations")(nlp.get_pipe("pharmakg_coref")(doc))
    assert doc._.pkg_relations == []
