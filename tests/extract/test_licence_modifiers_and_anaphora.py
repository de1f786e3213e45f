"""Relation reading on invented sentences: mechanisms that lost relations
whatever the phrasing: a licence sentence whose compound carries modifiers, a parenthesis or an apposition; a
plural anaphor ("The two ...") for the compounds of the last list; stages of applications under review and of
trials pending completion."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_licence_of_a_modified_compound(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals announced that it signed an agreement to license its fibrosis drug candidate "
        "ZB-12 to Orion Bio, a subsidiary of Talvera Capital.",
    )
    assert ("zb12", "orionbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


def test_licence_of_development_rights_names_a_developer(ex: Extractor) -> None:
    out = run(
        ex,
        "Under the agreement, Helix Pharmaceuticals will transfer the rights to the global development and "
        "commercialization of ZB-12 to Orion Bio.",
    )
    assert ("zb12", "orionbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "orionbio") in rels(out, "DEVELOPED_BY")


def test_licence_over_an_apposition(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals is a life science company. The Company has exclusively licensed talbumab "
        "(HX-507), a monoclonal antibody product, to Orion Bio, Inc.",
    )
    assert ("talbumab", "orionbio") in rels(out, "LICENSED_TO")
    assert ("talbumab", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


def test_plural_anaphor_names_the_listed_compounds(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals acquired the rights to the pair ZB-12 and ZB-14. "
        "The two target HER2 for lung, colon and other cancers.",
    )
    assert {("zb12", "lungcancer"), ("zb14", "coloncancer")} <= rels(out, "INDICATION")


def test_plural_noun_phrase_is_no_anaphor(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals and Orion Bio develop ZB-12 and ZB-14. "
        "The two companies will study lung cancer.",
    )
    assert not rels(out, "INDICATION")


def test_application_under_review_is_filed(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Bio received questions from the EMA as part of the review of its Marketing Authorization "
        "Application (MAA) for ZB-12.",
    )
    assert ("zb12", "Filed") in rels(out, "IN_PHASE")


def test_approval_requested_is_no_approval(ex: Extractor) -> None:
    out = run(ex, "The application requests approval of ZB-12 in the treatment of patients with lung cancer.")
    assert ("zb12", "Approved") not in rels(out, "IN_PHASE")


def test_trial_pending_completion_is_under_way(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Bio announced plans to postpone studies with ZB-14 pending the completion of a Phase II trial "
        "of ZB-12, its investigational antibody, in psoriasis.",
    )
    assert ("zb12", "Phase 2") in rels(out, "IN_PHASE")


def test_territories_licensed_to_a_titled_partner_license_the_compound_talked_about(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Biosciences, Inc. will grant Orbital Pharma Co., Ltd. a worldwide license to ZB-12. The "
        "license is exclusive, excepting territories previously licensed to Helix partner ZenBio.",
    )
    assert {("zb12", "orbitalpharma"), ("zb12", "zenbio")} <= rels(out, "LICENSED_TO")
    assert ("zb12", "helixbioscience") not in rels(out, "LICENSED_TO")  # the title's owner, not the licensee
