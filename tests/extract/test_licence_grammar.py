"""Licence grammar in more voices and orders (issue 9, roles): who receives the rights to a compound, on
invented sentences."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor

_OPENING = "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a collaboration. "


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbital Bio licenses ZB-12 from Helix for use in Asia.",
        "Orbital Bio, which holds the rights to ZB-12 in Japan, will file an NDA.",
        "Helix and Orbital signed an exclusive license agreement under which Orbital will develop and "
        "commercialize ZB-12 in Korea.",
        "Helix Pharmaceuticals and its licensing partner Orbital Bio confirm the timeline for ZB-12.",
        "Orbital Bio, which licensed ZB-12 from Helix in 2015, will launch it.",
        "Orbital Bio will in-license ZB-12.",
        "The licensing of ZB-12 to Orbital Bio was completed in May.",
        "Orbital Bio takes over the worldwide rights to ZB-12.",
        "Helix has licensed the rights to ZB-12 in Europe to Orbital Bio.",
        "Under the agreement, Orbital Bio will license the U.S. commercial rights to Helix's ZB-12.",
        "Orbital Bio agreed to license the exclusive rights to ZB-12 in Japan from Helix.",
        "Orbital Bio will license ZB-12 from Helix for the Korean market.",
        "Helix will license its rights to ZB-12 in Europe to Orbital Bio.",
        "Under the license agreement, Orbital will lead development and commercialization of ZB-12 in Asia.",
        "Under the license agreement, Orbital will lead the development, manufacturing, and "
        "commercialization of ZB-12 in Asia.",
        "Under the license agreement, Orbital will be responsible for all development, regulatory and "
        "commercial activities for ZB-12 in China.",
    ],
)
def test_the_company_given_rights_is_the_licensee(ex: Extractor, sentence: str) -> None:
    out = run(ex, _OPENING + sentence)
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") not in rels(out, "LICENSED_TO")


def test_under_the_agreement_the_issuer_that_will_develop_is_the_licensee(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio Ltd. and Helix Pharmaceuticals, Inc. today announced an exclusive license agreement for "
        "ZB-12. Under the agreement, Orbital will develop and commercialize ZB-12 in Greater China.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")


def test_the_owner_that_will_commercialize_is_no_licensee(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals, Inc. will commercialize ZB-12 in the United States.")
    assert not rels(out, "LICENSED_TO")


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the agreement, Orbital Bio obtains exclusive rights to develop and commercialize it in Asia.",
        "Under the agreement, Orbital Bio obtains exclusive rights in Greater China.",
        "In exchange for an exclusive license to ZB-12 in China, Orbital Bio will pay Helix $20 million.",
    ],
)
def test_a_licence_of_the_compound_talked_about(ex: Extractor, sentence: str) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a license agreement for ZB-12. "
        + sentence,
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")


def test_an_option_on_the_compound_talked_about_is_no_licence(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a collaboration on ZB-12. "
        "Orbital Bio "
        "has an exclusive option to obtain rights to it.",
    )
    assert not rels(out, "LICENSED_TO")


def test_a_sublicence_goes_to_the_company_after_the_compound(ex: Extractor) -> None:
    out = run(ex, _OPENING + "Orbital Bio granted a sublicense to ZB-12 to Nova Therapeutics Inc.")
    assert ("zb12", "novatherapeutic") in rels(out, "LICENSED_TO")


def test_the_counterparty_of_a_licence_agreement_gives_way_to_the_named_licensee(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio Ltd. today announced that it has entered into an exclusive license agreement with Helix "
        "Pharmaceuticals, Inc. for ZB-12. Under the agreement, Orbital gains exclusive rights to develop and "
        "commercialize ZB-12 in Greater China.",
    )
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


def test_a_sum_naming_no_party_is_paid_by_the_licensee_to_its_licensor(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. today announced that it has granted Orbital Bio Ltd. an exclusive "
        "license "
        "to ZB-12 in China. The deal includes $40 million upfront plus $10 million in equity.",
    )
    assert ("orbitalbio", "helixpharmaceutical") in rels(out, "PAYMENT")
    values = {r["value"] for r in out["relations"] if r["type"] == "PAYMENT"}
    assert values == {40000000, 10000000}


def test_a_sum_naming_no_party_without_a_licence_is_no_payment(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a collaboration. The deal includes "
        "$40 million upfront.",
    )
    assert not rels(out, "PAYMENT")


def test_the_company_a_compound_is_partnered_with_is_the_issuers_partner(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. today reported results for ZB-12. ZB-12 is partnered with Nova "
        "Therapeutics Inc. in Japan.",
    )
    assert ("helixpharmaceutical", "novatherapeutic") in rels(out, "PARTNER_OF")


def test_a_share_included_in_a_sum_paid_is_not_paid_again(ex: Extractor) -> None:
    out = run(
        ex,
        _OPENING
        + "Helix will receive a $30 million upfront payment (approximately GBP 22 million) from Orbital "
        "Bio, including $5 million as pre-payment for manufacturing.",
    )
    assert {r["value"] for r in out["relations"] if r["type"] == "PAYMENT"} == {30000000}


@pytest.mark.parametrize(
    ("rights", "develops"), [("exclusive rights", True), ("exclusive marketing rights", False)]
)
def test_unlimited_rights_to_the_compound_talked_about_develop_it(
    ex: Extractor, rights: str, develops: bool
) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a license agreement for ZB-12. "
        f"Under the agreement, Orbital Bio obtains {rights} in Japan.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert (("zb12", "orbitalbio") in rels(out, "DEVELOPED_BY")) is develops


@pytest.mark.parametrize(
    "sentence",
    [
        "Helix will receive $20 million upfront and a $10 million near-term milestone payment from Orbital.",
        "Helix will receive $20 million upfront and near-term milestones of $10 million from Orbital.",
    ],
)
def test_a_near_term_milestone_is_not_yet_paid(ex: Extractor, sentence: str) -> None:
    out = run(ex, _OPENING + sentence)
    assert {r["value"] for r in out["relations"] if r["type"] == "PAYMENT"} == {20000000}


@pytest.mark.parametrize(
    "sentence",
    [
        "Helix will license its rights to ZB-12 in Europe to Orbital Bio.",
        "Helix will license ZB-12 to third parties outside Japan.",
        "Helix licenses ZB-12 to partners in Asia.",
    ],
)
def test_a_licence_sent_on_to_another_party_is_not_the_subjects(ex: Extractor, sentence: str) -> None:
    out = run(ex, _OPENING + sentence)
    assert ("zb12", "helixpharmaceutical") not in rels(out, "LICENSED_TO")


def test_a_licensing_verb_alone_grants_no_development_rights(ex: Extractor) -> None:
    text = "Under the agreement, Orbital Bio will license the U.S. commercial rights to ZB-12."
    out = run(ex, _OPENING + text)
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "orbitalbio") not in rels(out, "DEVELOPED_BY")


def test_an_agreement_with_the_company_to_license_names_no_licensee(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals, Inc. signed an agreement with Orbital Bio Ltd. to license ZB-12.")
    assert ("zb12", "orbitalbio") not in rels(out, "LICENSED_TO")


def test_rights_to_another_companys_compound_are_taken_not_given(ex: Extractor) -> None:
    out = run(ex, _OPENING + "Helix has licensed the rights to Orbital Bio's ZB-12 in Europe.")
    assert ("zb12", "helixpharmaceutical") in rels(out, "LICENSED_TO")
    assert ("zb12", "orbitalbio") not in rels(out, "LICENSED_TO")


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbital Bio has an option to license ZB-12 after Phase 2.",
        "Upon exercise of its option, Orbital Bio will license ZB-12 from Helix.",
    ],
)
def test_an_option_holder_is_no_licensee(ex: Extractor, sentence: str) -> None:
    out = run(ex, _OPENING + sentence)
    assert ("zb12", "orbitalbio") not in rels(out, "LICENSED_TO")
