"""Roles at the end and at the edge of a licence, on invented sentences: rights that go back to a company make
it the compound's developer again (developers: ``rights_back``); a royalty sold on a compound is no licence
(licensees: ``royalty_interests``); a parent and its subsidiary named with a modifier ("its U.S. subsidiary")
are no partners."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Bio, Inc. terminated its license to ZB-12, and all rights to ZB-12 revert to Helix "
        "Pharmaceuticals Ltd.",
        "Orbital Bio, Inc. will return the European rights to ZB-12 to Helix Pharmaceuticals Ltd. after the "
        "termination of their license agreement.",
        "Orbital Bio, Inc. has returned all development and commercialization rights to ZB-12 to Helix "
        "Pharmaceuticals Ltd.",
    ],
)
def test_rights_that_go_back_make_the_owner_a_developer(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")
    assert ("zb12", "orbitalbio") not in rels(out, "DEVELOPED_BY")
    assert ("zb12", "orbitalbio") not in rels(out, "LICENSED_TO")


def test_rights_not_returned_give_nothing(ex: Extractor) -> None:
    out = run(ex, "Orbital Bio, Inc. will not return the rights to ZB-12 to Helix Pharmaceuticals Ltd.")
    assert ("zb12", "helixpharmaceutical") not in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals Ltd. sold its royalty rights on ZB-12 to Lumen Royalty Partners, Inc. for "
        "$80 million.",
        "Helix Pharmaceuticals Ltd. sold its royalty interest in ZB-12 to Lumen Royalty Partners, Inc.",
        "Lumen Royalty Partners, Inc. acquired the royalty stream on ZB-12 from Helix Pharmaceuticals Ltd.",
    ],
)
def test_a_royalty_buyer_is_no_licensee(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert not rels(out, "LICENSED_TO")
    assert ("zb12", "lumenroyaltypartner") not in rels(out, "DEVELOPED_BY")


def test_the_licence_sale_is_still_read(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals Ltd. sold its rights to ZB-12 to Lumen Royalty Partners, Inc.")
    assert ("zb12", "lumenroyaltypartner") in rels(out, "LICENSED_TO")


@pytest.mark.parametrize("modifier", ["U.S.", "Japanese", "wholly-owned"])
def test_a_parent_and_its_named_subsidiary_are_no_partners(ex: Extractor, modifier: str) -> None:
    out = run(
        ex,
        f"Helix Pharmaceuticals Ltd. and its {modifier} subsidiary Helix Pharma USA, Inc. will co-develop "
        "ZB-12 with Orbital Bio, Inc.",
    )
    pairs = rels(out, "PARTNER_OF")
    assert not pairs & {
        ("helixpharmaceutical", "helixpharmausa"),
        ("helixpharmausa", "helixpharmaceutical"),
    }
    assert pairs & {("helixpharmaceutical", "orbitalbio"), ("orbitalbio", "helixpharmaceutical")}


def test_in_return_for_is_no_rights_given_back(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio, Inc. obtained, in return for $5 million, exclusive rights to ZB-12 from Helix "
        "Pharmaceuticals Ltd.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
