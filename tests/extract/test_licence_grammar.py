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
        "Under the license agreement, Orbital will lead development and commercialization of ZB-12 in Asia.",
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
