"""The issuing company's collaborator on its own compound develops it too (document level, on invented
texts; relations/collaborators.py, relation_cues.json "codevelopment" collaboration_nouns and
collaboration_limits)."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor

OPENING = (
    "Helix Pharmaceuticals, Inc. (Nasdaq: HLXP) today announced a research agreement with Orbital Bio. "
    "Helix Pharmaceuticals is developing ZB-12 for gastric cancer. "
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_the_collaborator_named_beside_the_compound_develops_it(ex: Extractor) -> None:
    text = OPENING + "The collaboration with Orbital Bio will focus on ZB-12 in earlier lines of therapy."
    found = rels(run(ex, text), "DEVELOPED_BY")
    assert ("zb12", "helixpharmaceutical") in found
    assert ("zb12", "orbitalbio") in found


@pytest.mark.parametrize(
    "last",
    [
        # an option, co-promotion or a termination gives PARTNER_OF only (conventions: roles)
        "The collaboration gives Orbital Bio an option to license ZB-12 after Phase 2.",
        "Under the collaboration, Orbital Bio will co-promote ZB-12 in Europe.",
        "Helix Pharmaceuticals terminated its collaboration with Orbital Bio on ZB-12.",
        # no collaboration word in the sentence that names both
        "Orbital Bio shares a building with the team that makes ZB-12.",
        # collaborations with several companies: the company's, not the compound's
        "Helix Pharmaceuticals advances ZB-12 and continues its collaborations with Orbital Bio and "
        "Nimbus Therapeutics.",
    ],
)
def test_a_limited_or_unstated_collaboration_gives_no_developer(ex: Extractor, last: str) -> None:
    found = rels(run(ex, OPENING + last), "DEVELOPED_BY")
    assert ("zb12", "orbitalbio") not in found


def test_a_compound_another_company_develops_is_left_alone(ex: Extractor) -> None:
    text = (
        OPENING
        + "Nimbus Therapeutics is developing NB-7 for asthma. "
        + "The collaboration with Orbital Bio will compare ZB-12 with NB-7."
    )
    found = rels(run(ex, text), "DEVELOPED_BY")
    assert ("nb7", "orbitalbio") not in found


def test_a_compound_made_with_a_platform_stays_the_platform_deal(ex: Extractor) -> None:
    # the collaboration is the technology licence: its owner does not develop the compound
    text = (
        "Helix Pharmaceuticals, Inc. (Nasdaq: HLXP) today announced a license agreement with Orbital Bio. "
        "Helix Pharmaceuticals is developing ZB-12 using Orbital Bio's Trivex technology. "
        "The collaboration with Orbital Bio has supported ZB-12 since 2019."
    )
    found = rels(run(ex, text), "DEVELOPED_BY")
    assert ("zb12", "orbitalbio") not in found


def test_a_supply_collaboration_is_no_development(ex: Extractor) -> None:
    # a role short of development (licensees.rights_limited) without a development word
    text = OPENING + "The collaboration with Orbital Bio covers the manufacture and supply of ZB-12 in Asia."
    assert ("zb12", "orbitalbio") not in rels(run(ex, text), "DEVELOPED_BY")


def test_a_development_word_lifts_a_commercial_limit(ex: Extractor) -> None:
    text = OPENING + "The collaboration with Orbital Bio will develop and commercialize ZB-12 in Asia."
    assert ("zb12", "orbitalbio") in rels(run(ex, text), "DEVELOPED_BY")
