"""A company named short by the last word(s) of its name ("Zeta Helix Corporation ... Helix will pay"), on
invented sentences (components/company_short_forms.py)."""

from __future__ import annotations

import pytest
from contract_view import groups, rels, run

from pharmakg.extract.components.company_short_forms import company_core
from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_last_word_names_the_company(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Pharma and Zeta Helix Corporation today announced a license agreement for ZB-12. Under the "
        "agreement, Helix will pay Orbital Pharma $20 million upfront.",
    )
    companies = groups(out, "COMPANY")
    assert any({"zetahelix", "helix"} <= g for g in companies)
    assert len(companies) == 2
    assert ("zetahelix", "orbitalpharma") in rels(out, "PAYMENT")


def test_short_form_of_two_names_stays_apart(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Pharma signed agreements with Zeta Helix Corporation and Nova Helix Inc. for ZB-12. "
        "Helix Pharmaceuticals will receive $2 million.",
    )
    assert not any({"zetahelix", "novahelix"} <= g for g in groups(out, "COMPANY"))
    assert not any({"helix", "zetahelix"} <= g or {"helix", "novahelix"} <= g for g in groups(out, "COMPANY"))


def test_core_of_a_name_ending_and_company(ex: Extractor) -> None:
    aliases = ex.nlp.get_pipe("pharmakg_aliases")
    core = company_core("Zeta Helix and Company", aliases.legal_tail, aliases.generic)
    assert core == ["Zeta", "Helix"]  # the "and" of the legal tail "and Company" goes with it
    assert company_core("Helix & Orbit", aliases.legal_tail, aliases.generic) == ["Helix", "&", "Orbit"]
