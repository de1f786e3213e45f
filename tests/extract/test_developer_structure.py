"""Developers named through the structure of a sentence or a release, on invented texts: the subject company
past an apposition or relative clause ("Orbital Bio, a subsidiary of Helix, is developing X"), and the owner
a compound was licensed from or discovered at (relations/developers.py, relation_cues.json "developers")."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "developer", "not_developer"),
    [
        (
            "Orbital Bio, a subsidiary of Helix Pharmaceuticals, is developing ZB-12 for breast cancer.",
            "orbitalbio",
            "helixpharmaceutical",
        ),
        (
            "Orbital Bio, a Helix Pharmaceuticals company, is evaluating ZB-12 in breast cancer.",
            "orbitalbio",
            "helixpharmaceutical",
        ),
        (
            "Helix Pharmaceuticals, which acquired Orbital Bio in 2019, is developing ZB-12.",
            "helixpharmaceutical",
            "orbitalbio",
        ),
        (
            "Helix Pharmaceuticals, which acquired Orbital Bio in 2019, has started a Phase 2 trial "
            "of ZB-12.",
            "helixpharmaceutical",
            "orbitalbio",
        ),
    ],
)
def test_the_subject_past_an_apposition_develops(
    ex: Extractor, text: str, developer: str, not_developer: str
) -> None:
    found = rels(run(ex, text), "DEVELOPED_BY")
    assert ("zb12", developer) in found
    assert ("zb12", not_developer) not in found


def test_a_company_inside_the_predicate_is_still_the_subject(ex: Extractor) -> None:
    # no apposition: the last company before the verb is its subject
    text = "Helix Pharmaceuticals announced that Orbital Bio is developing ZB-12 for breast cancer."
    assert ("zb12", "orbitalbio") in rels(run(ex, text), "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced the first patient dosed in a Phase 1 trial of ZB-12. "
        "ZB-12 was "
        "licensed from Orbital Bio in 2015.",
        "Helix Pharmaceuticals today announced data for ZB-12, a PARP inhibitor in-licensed from "
        "Orbital Bio.",
        "Helix Pharmaceuticals today announced data for ZB-12 in breast cancer. ZB-12 is a PARP inhibitor "
        "discovered at Orbital Bio.",
    ],
)
def test_the_company_a_compound_came_from_owns_it(ex: Extractor, text: str) -> None:
    assert ("zb12", "orbitalbio") in rels(run(ex, text), "DEVELOPED_BY")


_ABOUT = (
    "Orbital Bio today announced a collaboration with Helix Pharmaceuticals.\nAbout Helix Pharmaceuticals\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _ABOUT + "Helix Pharmaceuticals is a clinical-stage company. Helix has two clinical programs, "
        "ZB-12 and ZB-14.",
        _ABOUT + "Helix Pharmaceuticals is a clinical-stage company. Helix currently has three product "
        "candidates in "
        "clinical trials: ZB-12, ZB-14 and ZB-20.",
        "Orbital Bio today announced a collaboration with Helix Pharmaceuticals, whose lead product "
        "ZB-12 is in "
        "Phase 2.",
    ],
)
def test_the_products_a_company_says_it_has_are_its_own(ex: Extractor, text: str) -> None:
    found = rels(run(ex, text), "DEVELOPED_BY")
    assert ("zb12", "helixpharmaceutical") in found
    assert ("zb12", "orbitalbio") not in found


def test_an_option_a_company_has_is_no_ownership(ex: Extractor) -> None:
    text = "Orbital Bio today announced a collaboration with Helix Pharmaceuticals. Helix has an "
    text += "option to license "
    text += "products, including ZB-12."
    assert ("zb12", "helixpharmaceutical") not in rels(run(ex, text), "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced that the FDA granted Breakthrough Therapy "
        "Designation to ZB-12 for "
        "lymphoma. Helix is developing ZB-12 in collaboration with Orbital Bio.",
        "Helix Pharmaceuticals today announced results of ZB-12 in lupus. ZB-12 is being developed "
        "by Helix in "
        "collaboration with Orbital Bio.",
    ],
)
def test_the_collaborator_a_developer_works_with_codevelops(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert {("zb12", "helixpharmaceutical"), ("zb12", "orbitalbio")} <= rels(out, "DEVELOPED_BY")
    assert rels(out, "PARTNER_OF")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals and Orbital Bio Announce FDA Acceptance of NDA for ZB-12\nBOSTON, "
        "May 3, 2021 -- "
        "Helix Pharmaceuticals and Orbital Bio today announced that the FDA has accepted for review "
        "the New Drug "
        "Application for ZB-12 for the treatment of type 2 diabetes.",
        "Helix Pharmaceuticals and Orbital Bio today announced positive results from the Phase 3 "
        "trial of ZB-12 in "
        "lupus.",
        "Helix Pharmaceuticals and Orbital Bio Receive FDA Approval for ZB-12\nHelix Pharmaceuticals and "
        "Orbital Bio said today that the FDA approved ZB-12 for lupus.",
        "Helix Pharmaceuticals, Inc. (NASDAQ: HLX) and its partner Orbital Bio today announced positive "
        "topline results from the Phase 3 trial of ZB-12 in lupus.",
    ],
)
def test_a_joint_release_speaks_for_both_issuers(ex: Extractor, text: str) -> None:
    # the lead sentence or the headline; "A and its partner B" is as joint as "A and B"
    assert {("zb12", "helixpharmaceutical"), ("zb12", "orbitalbio")} <= rels(run(ex, text), "DEVELOPED_BY")


def test_a_release_of_one_company_names_its_partner_no_developer(ex: Extractor) -> None:
    text = "Helix Pharmaceuticals today announced positive results from the Phase 3 trial of ZB-12 in lupus. "
    text += "Helix and Orbital Bio signed a supply agreement in 2019."
    assert ("zb12", "orbitalbio") not in rels(run(ex, text), "DEVELOPED_BY")


def test_a_joint_release_about_a_technology_leaves_the_compound_its_owners(ex: Extractor) -> None:
    # the co-issuer of a release about a compound made with its technology is the technology's owner
    text = "Helix Pharmaceuticals and Orbital Bio today announced a license agreement for Orbital "
    text += "Bio's ZetaLink "
    text += "drug delivery technology. Helix intends to use ZetaLink to develop a new formulation "
    text += "of ZB-12 for lupus."
    found = rels(run(ex, text), "DEVELOPED_BY")
    assert ("zb12", "orbitalbio") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced that Orbital Bio has acquired the U.S. rights to ZB-12 "
        "from Helix.",
        "Helix Pharmaceuticals today announced that Orbital Bio has agreed to purchase the U.S. rights "
        "to ZB-12 from Helix.",
    ],
)
def test_rights_bought_in_an_abbreviated_territory_make_a_licensee(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced that the FDA has accepted for review Orbital Bio's New "
        "Drug Application for ZB-12 in lupus.",
        "Helix Pharmaceuticals today announced that the FDA has accepted Orbital Bio's BLA for ZB-12 "
        "in lupus.",
    ],
)
def test_the_company_whose_filing_it_is_develops_beside_the_issuer(ex: Extractor, text: str) -> None:
    assert {("zb12", "orbitalbio"), ("zb12", "helixpharmaceutical")} <= rels(run(ex, text), "DEVELOPED_BY")
