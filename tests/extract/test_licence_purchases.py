"""A compound bought from another company on invented sentences (licence_purchases): the buyer is its licensee
and develops it, the seller its licensor keeps it, and the two are partners; a compound named with no seller,
a company bought (not a compound) or a negated purchase give no licence."""

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
        "Orbital Bio, Inc. has acquired ZB-12, an oral GLP-1 agonist in Phase 1, from "
        "Helix Pharmaceuticals Ltd.",
        "Orbital Bio, Inc. today announced that it has purchased ZB-12 from Helix Pharmaceuticals Ltd. for "
        "$10 million.",
        "Orbital Bio, Inc. completed the acquisition of ZB-12 and related assets from "
        "Helix Pharmaceuticals Ltd.",
        "Orbital Bio, Inc. will acquire ZB-12 from "
        "Helix Pharmaceuticals Ltd. under an asset purchase agreement.",
        "ZB-12, which Orbital Bio, Inc. acquired from Helix Pharmaceuticals Ltd. in 2022, "
        "is in Phase 2 for gout.",
    ],
)
def test_a_compound_bought_from_a_seller_is_licensed_to_the_buyer(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}
    assert {("zb12", "orbitalbio"), ("zb12", "helixpharmaceutical")} <= rels(out, "DEVELOPED_BY")
    assert rels(out, "PARTNER_OF") & {
        ("orbitalbio", "helixpharmaceutical"),
        ("helixpharmaceutical", "orbitalbio"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # no seller: the buyer's own compound, no licence
        "Orbital Bio, Inc. acquired ZB-12 in 2019 and started a Phase 2 trial in gout.",
        # the seller of a company, not of a compound
        "Orbital Bio, Inc. acquired Helix Pharmaceuticals Ltd. from Gammabio AG; ZB-12 is in Phase 2.",
        # negated
        "Orbital Bio, Inc. did not acquire ZB-12 from Helix Pharmaceuticals Ltd.",
    ],
)
def test_no_licence_without_a_compound_bought_from_a_seller(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert ("zb12", "orbitalbio") not in rels(out, "LICENSED_TO")
