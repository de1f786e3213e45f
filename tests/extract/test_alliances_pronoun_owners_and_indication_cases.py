"""Owners and indications on invented sentences: a co-developer named by the
alliance the developer works in ("developed by A in a strategic alliance with B"), and a disease named as a
case of an indication in a sentence that names no compound ("acute leukemias, including AML")."""

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
        "Helix Pharmaceuticals today announced first dosing of ZB-12. ZB-12 is being developed by Helix in a "
        "strategic alliance with Orbital Bio for the treatment of gout.",
        "Helix Pharmaceuticals today announced that ZB-12, developed by Helix under a collaboration with "
        "Orbital Bio, met its primary endpoint in gout.",
    ],
)
def test_developed_by_a_in_an_alliance_with_b(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert {("zb12", "helixpharmaceutical"), ("zb12", "orbitalbio")} <= rels(out, "DEVELOPED_BY")
    assert ("helixpharmaceutical", "orbitalbio") in rels(out, "PARTNER_OF")


def test_developed_by_a_alone_names_no_partner(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced first dosing of ZB-12, which is being developed by Helix in "
        "gout. Orbital Bio supplies the placebo.",
    )
    assert rels(out, "DEVELOPED_BY") == {("zb12", "helixpharmaceutical")}


def test_a_disease_named_as_a_case_of_an_indication(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced data for ZB-12 at a medical meeting. The investigational "
        "therapy is being evaluated in patients with relapsed acute leukemias, including NPM1-mutant acute "
        "myeloid leukemia.",
    )
    assert ("zb12", "acutemyeloidleukemia") in rels(out, "INDICATION")


def test_data_in_a_disease_of_a_pipeline_bullet(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today reported quarterly results.\n\nZB-12 (oral TYK2 inhibitor)\n"
        "- Reported positive Phase 2 data in psoriatic arthritis.",
    )
    assert ("zb12", "psoriaticarthriti") in rels(out, "INDICATION")


@pytest.mark.parametrize("partner", ["partner", "licensing partner", "development partner"])
def test_their_compound_after_a_company_and_its_partner(ex: Extractor, partner: str) -> None:
    out = run(
        ex,
        f"Helix AG and its {partner} Orbital Bio AG today confirmed the timeline for the filing of their "
        "biosimilar candidate ZB-12 in gout.",
    )
    assert {("zb12", "helix"), ("zb12", "orbitalbio")} <= rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Helix licensed ZB-12 to Orbital Bio. Orbital plans to develop it for ulcerative colitis.",
        "Helix licensed ZB-12 to Orbital Bio. Orbital will advance the candidate for ulcerative colitis.",
    ],
)
def test_a_pronoun_or_a_definite_drug_noun_before_a_disease_names_the_previous_compound(
    ex: Extractor, text: str
) -> None:
    assert ("zb12", "ulcerativecoliti") in rels(run(ex, text), "INDICATION")
