"""Who takes a licence that "an agreement with C for X" leaves open (the party that pays), the issuing company
named "the company" as the subject of an agreement "to obtain rights", and licences of "the three assets" (the
compounds of the last list): invented releases (issue 9, roles)."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor

_LICENSEE_ISSUES = (
    "Orbital Bio Ltd. (Nasdaq: ORBB) today announced that it has entered into an exclusive license agreement with "
    "Helix Pharmaceuticals, Inc. for the development and commercialization of ZB-12 in Greater China. "
)
_LICENSOR_ISSUES = (
    "Helix Pharmaceuticals, Inc. (Nasdaq: HLX) today announced an exclusive license agreement with Orbital Bio "
    "Ltd. for ZB-12 in Asia. "
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "payment",
    [
        "Under the terms of the agreement, Helix will receive an upfront payment of $25 million.",
        "Orbital will pay Helix $10 million upfront and up to $90 million in milestones.",
        "Orbital will make an upfront payment of $20 million to Helix.",
        "Helix receives $15 million upfront from Orbital.",
    ],
)
def test_the_party_that_pays_its_partner_takes_the_licence(ex: Extractor, payment: str) -> None:
    out = run(ex, _LICENSEE_ISSUES + payment)
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") not in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


def test_the_counterparty_that_pays_stays_the_licensee(ex: Extractor) -> None:
    out = run(ex, _LICENSOR_ISSUES + "Orbital will pay Helix $15 million upfront.")
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


def test_a_party_paid_and_paying_keeps_the_reading(ex: Extractor) -> None:
    out = run(
        ex,
        _LICENSEE_ISSUES + "Helix will receive $20 million upfront and will pay Orbital $5 million for services.",
    )
    assert ("zb12", "helixpharmaceutical") in rels(out, "LICENSED_TO")


@pytest.mark.parametrize("verb", ["obtain", "acquire", "in-license"])
def test_the_company_signing_an_agreement_to_obtain_rights_is_the_licensee(ex: Extractor, verb: str) -> None:
    out = run(
        ex,
        "Orbital Bio Ltd. announced today that the company has signed an agreement with Helix Pharmaceuticals, "
        f"Inc. to {verb} exclusive Korean rights to ZB-12.",
    )
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


_THREE_LISTED = (
    "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a collaboration for three candidates "
    "discovered by Helix: ZB-12, ZB-14 and talbumab. "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbital Bio will receive the rights to develop and commercialize the three assets in Greater China.",
        "Under the agreement, Orbital Bio obtains exclusive worldwide rights to these candidates.",
        "Orbital Bio gains the rights to all three programs in Japan.",
    ],
)
def test_a_licence_of_the_listed_compounds_by_a_plural_phrase(ex: Extractor, sentence: str) -> None:
    out = run(ex, _THREE_LISTED + sentence)
    assert {("zb12", "orbitalbio"), ("zb14", "orbitalbio"), ("talbumab", "orbitalbio")} <= rels(
        out, "LICENSED_TO"
    )


def test_a_count_other_than_the_list_names_no_licence(ex: Extractor) -> None:
    out = run(ex, _THREE_LISTED + "Orbital Bio will receive the rights to the two assets in Japan.")
    assert not rels(out, "LICENSED_TO")


def test_both_compounds_after_a_pair(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a license agreement for ZB-12 and "
        "ZB-14. Orbital Bio obtains exclusive rights to both compounds in Japan.",
    )
    assert {("zb12", "orbitalbio"), ("zb14", "orbitalbio")} <= rels(out, "LICENSED_TO")
