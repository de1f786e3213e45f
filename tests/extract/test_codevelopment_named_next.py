"""A co-development partnership stated in one sentence and its compound named in the next ones, on invented
releases (collaborators.named_next): the partner develops the compound too; not a compound named far after,
nor under an option deal."""

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
        "Orbital Bio, Inc. and Helix Pharmaceuticals Ltd. entered into a collaboration to develop "
        "antibody-drug conjugates against CD71. The lead candidate, ZB-12, will enter Phase 1 in 2025.",
        "Orbital Bio, Inc. and Helix Pharmaceuticals Ltd. will co-develop a new class of KRAS inhibitors. "
        "The first candidate from the alliance, ZB-12, will enter Phase 1 next year.",
        "Orbital Bio, Inc. entered into a co-development agreement with Helix Pharmaceuticals Ltd. covering "
        "a portfolio of TIGIT antibodies. The most advanced candidate, ZB-12, is in Phase 1.",
    ],
)
def test_the_compound_named_after_a_codevelopment_is_the_partners_too(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert {("zb12", "orbitalbio"), ("zb12", "helixpharmaceutical")} <= rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        # named three sentences after the partnership
        "Orbital Bio, Inc. and Helix Pharmaceuticals Ltd. will co-develop KRAS inhibitors. The companies "
        "will share costs. Helix will pay $5 million. Separately, ZB-12 entered Phase 2 in asthma.",
        # an option deal
        "Orbital Bio, Inc. and Helix Pharmaceuticals Ltd. entered into a collaboration to develop KRAS "
        "inhibitors, with an option for Helix to license them. The lead candidate, ZB-12, is in Phase 1.",
    ],
)
def test_no_partner_for_a_compound_not_the_partnerships(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert len(rels(out, "DEVELOPED_BY")) == 1  # the issuing company's default only
