"""Issue 9 relation cues (roles, deal semantics, stages, cross-sentence facts) on short sentences invented for
these tests: fictional companies and drugs, entities set directly on the Doc as in test_relations."""

from __future__ import annotations

import pytest
from given_entities import GivenEntities, canonical_names, read_relations, relation_pipeline

from pharmakg.model import NON_CURRENT_KEYS

HELIX = {"helix": ("COMPANY", ["Helix Pharmaceuticals", "Helix"]), "orb": ("COMPANY", ["Orbital Bio"])}
ZB = {"zb": ("COMPOUND", ["ZB-12"])}


@pytest.fixture(scope="module")
def nlp():
    return relation_pipeline()


def facts(nlp, text: str, entities: GivenEntities) -> set[tuple]:
    """The current facts found in ``text``: {(type, subject name, object name or value)}; PAYMENT as
    (type, payer, payee, value). Planned, discontinued, optional and contingent facts are left out."""
    doc = read_relations(nlp, text, entities)
    names = canonical_names(entities)
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
        (
            "Resubmitted to the U.S. Food and Drug Administration (FDA) the Biologics License Application "
            "(BLA) for approval of ZB-12 in gout.",
            {"Filed"},
        ),
        ("ZB-12 is sold in Japan by a licensee.", {"Approved"}),
        ("Helix is seeking approval of ZB-12 in gout.", set()),
        ("ZB-12 is being evaluated in a Phase 1b/2 trial.", {"Phase 1/2"}),
        ("ZB-12 has completed Phase 2 and is being prepared for Phase 3.", {"Phase 2"}),
        ("The Phase 3 trial of ZB-12 was discontinued in May.", set()),
        ("Helix halted the Phase 2 study of ZB-12.", set()),
        ("ZB-12 is in IND-enabling studies for gout.", {"Preclinical"}),
        ("A positive trial is needed to seek regulatory approval for ZB-12.", set()),
        ("Royalties on ZB-12 sold in Japan by our licensee grew.", {"Approved"}),
    ],
)
def test_stage_phrasings(nlp, text, expected):
    assert phases(facts(nlp, text, {**HELIX, **ZB})) == expected


# ---------------------------------------------------------------- roles: owner, licensee, licensor, options
KES = {"kes": ("COMPANY", ["Kestrel Therapeutics", "Kestrel"])}
PARP = {"parp": ("TARGET", ["PARP"])}


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Bio licensed Helix's oral and IV PARP inhibitor ZB-12 last year.",
        "ZB-12, Helix's lead product candidate, is in a Phase 2 trial.",
        "ZB-12 is a novel, orally active inhibitor of PARP and will be developed by Helix in many cancers.",
    ],
)
def test_owner_phrasings(nlp, text):
    assert ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals") in facts(nlp, text, {**HELIX, **ZB, **PARP})


def test_possessive_ends_at_a_new_noun_phrase(nlp):
    found = facts(nlp, "Helix's revenue and the ZB-12 program of Orbital Bio grew.", {**HELIX, **ZB})
    assert ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals") not in found


def test_licensee_with_development_rights_develops_and_licensor_keeps_ownership(nlp):
    text = (
        "Helix will out-license to Orbital Bio exclusive rights to ZB-12 for the development and "
        "commercialization in Europe."
    )
    found = facts(nlp, text, {**HELIX, **ZB})
    assert {
        ("LICENSED_TO", "ZB-12", "Orbital Bio"),
        ("DEVELOPED_BY", "ZB-12", "Orbital Bio"),
        ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals"),
    } <= found


def test_licensee_with_commercial_rights_only_does_not_develop(nlp):
    text = "Helix granted Orbital Bio exclusive rights to commercialize ZB-12 in Japan."
    found = facts(nlp, text, {**HELIX, **ZB})
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") in found
    assert ("DEVELOPED_BY", "ZB-12", "Orbital Bio") not in found


def test_a_former_developer_is_not_kept_as_licensor(nlp):
    text = "ZB-12 was initially developed by Helix and licensed to Orbital Bio in 2019."
    found = facts(nlp, text, {**HELIX, **ZB})
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") in found
    assert ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals") not in found


def test_license_to_an_owners_compound_is_not_a_licence_to_the_owner(nlp):
    found = facts(nlp, "Helix obtained a license to Orbital Bio's ZB-12.", {**HELIX, **ZB})
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") not in found


def test_option_holder_is_no_owner(nlp):
    text = (
        "Helix and Orbital Bio entered into an option agreement granting Orbital Bio the right to opt into "
        "development of two programs. The programs include ZB-12, a PARP-targeted drug in Phase 1 testing."
    )
    found = facts(nlp, text, {**HELIX, **ZB, **PARP})
    assert ("DEVELOPED_BY", "ZB-12", "Orbital Bio") not in found
    assert ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals") in found  # the grantor owns what it offers
    assert ("PARTNER_OF", "Helix Pharmaceuticals", "Orbital Bio") in found or (
        "PARTNER_OF",
        "Orbital Bio",
        "Helix Pharmaceuticals",
    ) in found


def partners(found: set[tuple]) -> set[frozenset]:
    return {frozenset(f[1:]) for f in found if f[0] == "PARTNER_OF"}


def test_companies_coordinated_with_the_issuer_partner_the_counterparty(nlp):
    text = (
        "Helix Pharmaceuticals announced results. Helix and Kestrel have entered into an exclusive "
        "agreement with Orbital Bio covering ZB-12."
    )
    found = partners(facts(nlp, text, {**HELIX, **KES, **ZB}))
    assert frozenset({"Kestrel Therapeutics", "Orbital Bio"}) in found
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in found


def test_the_companies_alliance_names_the_issuer_as_partner(nlp):
    text = (
        "Helix Pharmaceuticals announced results. "
        "Helix expects Orbital Bio to decide on the option under the companies' alliance."
    )
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in partners(facts(nlp, text, HELIX))


def test_acquirer_partners_the_acquired_company_not_its_signing_subsidiary(nlp):
    ents = {**HELIX, "hold": ("COMPANY", ["Orbital Holding GmbH"])}
    text = (
        "Helix Pharmaceuticals announced the completion of the acquisition of Helix by Orbital Bio. "
        "The acquisition was completed through an offer by Orbital Bio's Swiss subsidiary, Orbital Holding "
        "GmbH, to acquire all shares of Helix."
    )
    found = partners(facts(nlp, text, ents))
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in found
    assert frozenset({"Helix Pharmaceuticals", "Orbital Holding GmbH"}) not in found


# ---------------------------------------------------------------- comparators, combinations, targets, trials
def test_comparator_named_twice_gets_no_indication_or_target(nlp):
    ents = {
        **HELIX,
        **ZB,
        "cmp": ("COMPOUND", ["Brandix", "genericide"]),
        "d": ("DISEASE", ["gout"]),
        "t": ("TARGET", ["URX1"]),
    }
    text = (
        "Helix's Phase 2 study of ZB-12 compared to Brandix (genericide) in patients with gout that "
        "overexpress URX1."
    )
    found = facts(nlp, text, ents)
    assert ("INDICATION", "ZB-12", "gout") in found
    assert not {f for f in found if f[1] == "Brandix"}


def test_phase_with_a_combination_partner_belongs_to_the_compound(nlp):
    ents = {**HELIX, **ZB, "cmb": ("COMPOUND", ["Partnerab"])}
    found = facts(
        nlp, "ZB-12, a CD27 agonist, is completing a Phase 2 study in combination with Partnerab.", ents
    )
    assert phases(found) == {"Phase 2"}
    assert ("IN_PHASE", "ZB-12", "Phase 2") in found


@pytest.mark.parametrize(
    "text",
    [
        "Helix licensed ZB-12 (PD-1/VEGF) to Orbital Bio.",
        "Helix's pipeline includes ZB-12 (PD-1 x VEGF, formerly HX-7).",
    ],
)
def test_targets_in_parentheses_after_the_name(nlp, text):
    ents = {**HELIX, **ZB, "t1": ("TARGET", ["PD-1"]), "t2": ("TARGET", ["VEGF"])}
    found = facts(nlp, text, ents)
    assert {("TARGETS", "ZB-12", "PD-1"), ("TARGETS", "ZB-12", "VEGF")} <= found


def test_stage_and_indication_of_a_named_trial_go_to_the_compound_it_evaluates(nlp):
    ents = {**HELIX, **ZB, "tr": ("TRIAL", ["ALPHA"]), "d": ("DISEASE", ["atopic dermatitis"])}
    text = (
        "Orbital Bio will fund all further development of ZB-12. "
        "This includes the ongoing Phase 2 ALPHA trial in atopic dermatitis patients as well as a new study "
        "of a subcutaneous form of ZB-12 in healthy volunteers."
    )
    found = facts(nlp, text, ents)
    assert ("IN_PHASE", "ZB-12", "Phase 2") in found
    assert ("INDICATION", "ZB-12", "atopic dermatitis") in found


def test_their_joint_program_belongs_to_the_coordinated_companies(nlp):
    ents = {**HELIX, **KES, **ZB}
    text = (
        "Helix and Kestrel have entered into an agreement with Orbital Bio covering the development of "
        "their joint program ZB-12."
    )
    found = facts(nlp, text, ents)
    assert {
        ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals"),
        ("DEVELOPED_BY", "ZB-12", "Kestrel Therapeutics"),
    } <= found
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") in found


def test_issuer_owns_a_compound_it_describes_only_by_indication(nlp):
    ents = {**HELIX, **ZB, "d": ("DISEASE", ["ulcerative colitis"])}
    text = (
        "Helix Pharmaceuticals today announced its annual results. "
        "ZB-12 is being evaluated in later-stage programs in ulcerative colitis."
    )
    assert ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals") in facts(nlp, text, ents)


# ---------------------------------------------------------------- facts across neighbouring sentences, groups
@pytest.mark.parametrize(
    "text",
    [
        "Helix discovered ZB-12 and licensed it to Orbital Bio in 2020.",
        "Helix discovered ZB-12. Helix licensed it to Orbital Bio in 2020.",
        "Helix discovered ZB-12. In 2020 Helix licensed the compound to Orbital Bio.",
    ],
)
def test_licensed_it_to(nlp, text):
    found = facts(nlp, text, {**HELIX, **ZB})
    assert {
        ("LICENSED_TO", "ZB-12", "Orbital Bio"),
        ("DEVELOPED_BY", "ZB-12", "Helix Pharmaceuticals"),
    } <= found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Therapeutics, a wholly-owned subsidiary of Helix, signed a license with Orbital Bio.",
        "Helix's Swiss subsidiary, Kestrel Therapeutics, signed a license agreement with Orbital Bio.",
    ],
)
def test_no_partnership_between_parent_and_subsidiary(nlp, text):
    found = partners(facts(nlp, text, {**HELIX, **KES}))
    assert frozenset({"Helix Pharmaceuticals", "Kestrel Therapeutics"}) not in found
    assert found  # the signing company's partnership stays


def test_acquirer_develops_the_compounds_it_acquired(nlp):
    found = facts(
        nlp,
        "Orbital Bio completed its acquisition of Helix, including its lead compound ZB-12.",
        {**HELIX, **ZB},
    )
    assert ("DEVELOPED_BY", "ZB-12", "Orbital Bio") in found
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in partners(found)
    pending = facts(
        nlp, "Orbital Bio agreed to acquire Helix, including its lead compound ZB-12.", {**HELIX, **ZB}
    )
    assert ("DEVELOPED_BY", "ZB-12", "Orbital Bio") not in pending


def test_parts_of_a_stated_total_inherit_its_parties(nlp):
    text = (
        "Orbital Bio will pay Helix $30 million upfront, comprising a $20 million cash payment and a "
        "$10 million equity investment."
    )
    assert payments(facts(nlp, text, HELIX)) == {
        ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 20000000),
        ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 10000000),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Helix in-licensed ZB-12 from Orbital Bio in 2019.",
        "Helix licensed ZB-12 from Orbital Bio in 2019.",
        "ZB-12, which Helix licensed from Orbital Bio, is in Phase 2 development.",
    ],
)
def test_in_licence_names_licensee_and_licensor(nlp, text):
    found = facts(nlp, text, {**HELIX, **ZB})
    assert ("LICENSED_TO", "ZB-12", "Helix Pharmaceuticals") in found
    assert ("DEVELOPED_BY", "ZB-12", "Orbital Bio") in found
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") not in found
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in partners(found)


def test_co_promotion_makes_partners_not_developers(nlp):
    found = facts(nlp, "Helix and Orbital Bio will co-promote ZB-12 in the United States.", {**HELIX, **ZB})
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in partners(found)
    assert not {f for f in found if f[0] == "DEVELOPED_BY"}


def test_a_terminated_licence_is_no_licence(nlp):
    text = "Helix announced the mutual termination of its license agreement with Orbital Bio for ZB-12."
    found = facts(nlp, text, {**HELIX, **ZB})
    assert not {f for f in found if f[0] == "LICENSED_TO"}
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in partners(found)


def test_a_sum_named_only_by_its_verb_is_a_payment(nlp):
    text = "Helix received $5 million from Orbital Bio upon the first patient dosed in the trial."
    assert payments(facts(nlp, text, HELIX)) == {("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 5000000)}


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Helix announced results. ZB-12 is the Company's lead product candidate.", "Helix Pharmaceuticals"),
        (
            "Under the agreement, Orbital Bio will be responsible for the development and "
            "commercialization of ZB-12 in China.",
            "Orbital Bio",
        ),
        ("Orbital Bio will lead global development of ZB-12.", "Orbital Bio"),
    ],
)
def test_more_owner_phrasings(nlp, text, owner):
    assert ("DEVELOPED_BY", "ZB-12", owner) in facts(nlp, text, {**HELIX, **ZB})


@pytest.mark.parametrize(
    "second",
    [
        "This investigational gene therapy binds HER2.",
        "The vaccine targets HER2.",
        "This oral small molecule inhibits HER2.",
    ],
)
def test_definite_description_of_any_modality_refers_back(nlp, second):
    ents = {**HELIX, **ZB, "t": ("TARGET", ["HER2"])}
    found = facts(nlp, "Helix today presented data on ZB-12. " + second, ents)
    assert ("TARGETS", "ZB-12", "HER2") in found


def test_the_recipient_of_pay_is_not_the_payer_of_the_next_sum(nlp):
    text = (
        "Under the terms of the agreement, Orbital Bio will pay Helix an upfront payment of $40 million and "
        "will purchase $10 million of Helix common stock."
    )
    assert payments(facts(nlp, text, HELIX)) == {
        ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 40000000),
        ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 10000000),
    }


@pytest.mark.parametrize("cue", ["relative to", "superior to", "non-inferior to", "head-to-head against"])
def test_comparator_phrasings_keep_the_comparator_out(nlp, cue):
    ents = {**HELIX, **ZB, "cmp": ("COMPOUND", ["Brandix"]), "d": ("DISEASE", ["gout"])}
    found = facts(nlp, f"Helix's ZB-12 was {cue} Brandix in the Phase 3 trial in gout.", ents)
    assert not {f for f in found if f[1] == "Brandix"}
    assert ("IN_PHASE", "ZB-12", "Phase 3") in found


def test_target_positive_patients_alone_make_no_targets(nlp):
    ents = {**HELIX, **ZB, "t": ("TARGET", ["HER2"]), "d": ("DISEASE", ["breast cancer"])}
    found = facts(nlp, "ZB-12 is in a Phase 2 trial in patients with HER2 positive breast cancer.", ents)
    assert ("INDICATION", "ZB-12", "breast cancer") in found
    assert ("TARGETS", "ZB-12", "HER2") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Bio paid $1.2 billion to acquire Helix.",
        "Orbital Bio will acquire Helix for a total purchase price of approximately $30 billion in cash.",
        "Orbital Bio will pay Helix shareholders $12 per share.",
    ],
)
def test_an_acquisition_price_is_no_payment(nlp, text):
    assert not payments(facts(nlp, text, HELIX))


def test_rights_bought_with_a_payment_go_to_the_payer(nlp):
    text = "Helix received $5 million from Orbital Bio to acquire exclusive rights to ZB-12."
    found = facts(nlp, text, {**HELIX, **ZB})
    assert ("PAYMENT", "Orbital Bio", "Helix Pharmaceuticals", 5000000) in found
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") in found
    assert ("LICENSED_TO", "ZB-12", "Helix Pharmaceuticals") not in found


def test_an_option_granted_is_no_licence_until_exercised(nlp):
    granted = facts(nlp, "Helix has granted Orbital Bio an option to license ZB-12.", {**HELIX, **ZB})
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") not in granted
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in partners(granted)
    text = "Orbital Bio elected to exercise its option to license ZB-12, triggering a $20 million payment."
    exercised = facts(nlp, text, {**HELIX, **ZB})
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") in exercised


def test_licensed_x_to_b_through_a_subsidiary(nlp):
    text = "Helix, through its subsidiary Kestrel Therapeutics, licensed ZB-12 to Orbital Bio."
    found = facts(nlp, text, {**HELIX, **KES, **ZB})
    assert ("LICENSED_TO", "ZB-12", "Orbital Bio") in found
    assert frozenset({"Helix Pharmaceuticals", "Kestrel Therapeutics"}) not in partners(found)


def test_an_equity_investment_makes_partners(nlp):
    found = facts(nlp, "In addition, Orbital Bio will make a separate equity investment in Helix.", HELIX)
    assert frozenset({"Helix Pharmaceuticals", "Orbital Bio"}) in partners(found)


def test_a_relative_clause_about_a_technology_licenses_no_compound(nlp):
    ents = {**HELIX, **ZB, "tech": ("TECHNOLOGY", ["LinkR technology"])}
    text = "ZB-12 was built with the LinkR technology, which Helix licensed from Orbital Bio."
    found = facts(nlp, text, ents)
    assert ("LICENSED_TO", "ZB-12", "Helix Pharmaceuticals") not in found
    assert ("USES_TECHNOLOGY", "ZB-12", "LinkR technology") in found
