"""Session-9 relation reading (issue 9, r11-relC) on invented sentences: mechanisms that lost relations
whatever the phrasing: a licence sentence whose compound carries modifiers, a parenthesis or an apposition; a
plural anaphor ("The two ...") for the compounds of the last list; a target said of a list of compounds;
co-announcers listed before the reporting verb."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

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
    assert {("zb12", "her2"), ("zb14", "her2")} <= rels(out, "TARGETS")


def test_plural_noun_phrase_is_no_anaphor(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals and Orion Bio develop ZB-12 and ZB-14. "
        "The two companies will study lung cancer.",
    )
    assert not rels(out, "INDICATION")


def test_target_of_a_listed_subject(ex: Extractor) -> None:
    out = run(ex, "ZB-12 and ZB-14 are anti-HER2 antibodies.")
    assert rels(out, "TARGETS") == {("zb12", "her2"), ("zb14", "her2")}


def test_target_in_an_apposition_stays_its_members(ex: Extractor) -> None:
    out = run(ex, "ZB-12, an anti-HER2 antibody, and ZB-14, an anti-EGFR antibody, are in Phase 2.")
    assert rels(out, "TARGETS") == {("zb12", "her2"), ("zb14", "egfr")}


def test_co_announcers_listed_before_the_verb(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Borealix and Orion Bio announced positive interim data from the ongoing "
        "trial evaluating ZB-12 in patients with breast cancer.",
    )
    assert {"helixpharmaceutical", "borealix", "orionbio"} <= names(out, "COMPANY")


def test_list_without_a_company_names_none(ex: Extractor) -> None:
    out = run(ex, "Boston, Paris and London reported record temperatures this summer.")
    assert not names(out, "COMPANY")


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
