"""Developers named by what they do, on invented sentences: a partner that runs a trial, files for or
receives a regulatory decision, advances a compound or is responsible for its development
(relations/developer_acts.py)."""

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
        "Helix Pharmaceuticals today announced that Orbital Bio has started a Phase 1 trial of ZB-12.",
        "Helix Pharmaceuticals today announced that its partner Orbital Bio has dosed the first patient in a "
        "Phase 2 study of ZB-12.",
        "Helix Pharmaceuticals today announced that Orbital Bio submitted a new drug application for "
        "ZB-12 in Japan.",
        "Helix Pharmaceuticals today announced that Orbital Bio received approval in Japan for ZB-12.",
        "Helix Pharmaceuticals earned a milestone payment after Orbital Bio advanced ZB-12 into Phase 2.",
        "Helix Pharmaceuticals will receive a milestone payment upon Orbital Bio's initiation of a Phase 2 "
        "trial of ZB-12.",
    ],
)
def test_a_partner_that_runs_the_development_develops(ex: Extractor, text: str) -> None:
    assert ("zb12", "orbitalbio") in rels(run(ex, text), "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced that Orbital Bio has reported positive topline data from its "
        "Phase 2 trial of ZB-12.",
        "Helix Pharmaceuticals today announced that Orbital Bio presented data from the Phase 2 trial of "
        "ZB-12 at a medical meeting.",
        "Helix Pharmaceuticals today announced the first patient was dosed in a Phase 2 study of ZB-12 "
        "conducted by Orbital Bio.",
        "Helix Pharmaceuticals today announced that the FDA accepted the application for ZB-12 submitted by "
        "Orbital Bio.",
    ],
)
def test_a_partner_that_reports_or_conducts_the_trial_develops(ex: Extractor, text: str) -> None:
    assert ("zb12", "orbitalbio") in rels(run(ex, text), "DEVELOPED_BY")


def test_the_issuing_company_keeps_its_default_beside_a_partners_act(ex: Extractor) -> None:
    # the partner's act names who runs the development, not who owns the compound the release speaks for
    text = "Helix Pharmaceuticals today announced that Orbital Bio has started a Phase 1 trial of ZB-12."
    out = run(ex, text)
    assert {("zb12", "orbitalbio"), ("zb12", "helixpharmaceutical")} <= rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced a license agreement with Orbital Bio for ZB-12. "
        "Orbital Bio will be responsible for clinical development and commercialization in Europe.",
        "Helix Pharmaceuticals today announced a license agreement with Orbital Bio for ZB-12. "
        "Orbital Bio will fund and conduct all development activities.",
        "Helix Pharmaceuticals today announced that Orbital Bio has exercised its option to license ZB-12. "
        "Orbital Bio will be responsible for all further development.",
        "Helix Pharmaceuticals today announced a license agreement with Orbital Bio for ZB-12. "
        "Orbital Bio will lead clinical development of ZB-12 in Europe.",
    ],
)
def test_a_licensee_responsible_for_development_develops(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "orbitalbio") in rels(out, "DEVELOPED_BY")


def test_development_of_other_products_is_no_duty_for_the_compound(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today presented data on ZB-12. Orbital Bio will oversee the development and "
        "commercialization of products resulting from the collaboration.",
    )
    assert ("zb12", "orbitalbio") not in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced that Orbital Bio received a $5 million milestone payment upon "
        "approval of ZB-12.",
        "Helix Pharmaceuticals today announced that the first patient was dosed in a Phase 1 trial of ZB-12. "
        "Orbital Bio supplies the placebo.",
    ],
)
def test_no_act_of_the_company_named_nearby(ex: Extractor, text: str) -> None:
    assert ("zb12", "orbitalbio") not in rels(run(ex, text), "DEVELOPED_BY")


def test_the_subsidiary_not_its_parent_does_the_act(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio today announced results. Helix Pharmaceuticals, a wholly owned subsidiary of "
        "Orbital Bio, has started a Phase 2 trial of ZB-12.",
    )
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today reported results. Helix nominated ZB-14 as a development candidate.",
        "Helix Pharmaceuticals today reported results. Helix selected ZB-14 as its next clinical candidate.",
    ],
)
def test_a_company_that_selects_a_candidate_develops_it(ex: Extractor, text: str) -> None:
    assert ("zb14", "helixpharmaceutical") in rels(run(ex, text), "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals out-licensed ZB-12 to Orbital Bio, which will develop it in Asia.",
        "Helix Pharmaceuticals today presented data on ZB-12. The license went to Orbital Bio, which is "
        "developing it in Japan.",
    ],
)
def test_a_relative_clause_of_development_after_a_company(ex: Extractor, text: str) -> None:
    assert ("zb12", "orbitalbio") in rels(run(ex, text), "DEVELOPED_BY")
