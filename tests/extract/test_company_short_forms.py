"""A company named short by the last word(s) of its name ("Zeta Helix Corporation ... Helix will pay"), on
invented sentences (components/company_short_forms.py)."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

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


def test_first_word_of_a_descriptor_name(ex: Extractor) -> None:
    # the rest of the name is a company descriptor ("Theranostics"): the first word alone is the company
    out = run(
        ex,
        "Zenova Theranostics Ltd signed a license agreement with Orbital Pharma Inc. for ZB-12. Zenova has "
        "sublicensed two assets to Orbital.",
    )
    companies = groups(out, "COMPANY")
    assert any({"zenovatheranostic", "zenova"} <= g for g in companies)
    assert len(companies) == 2


def test_subsidiary_beside_its_parent_stays_apart(ex: Extractor) -> None:
    out = run(
        ex,
        "Zenova Theranostics Ltd and its subsidiary Zenova Japan K.K. signed a license agreement with "
        "Orbital Pharma Inc. for ZB-12. Zenova Japan will sell ZB-12 in Japan, and Zenova will make it.",
    )
    companies = groups(out, "COMPANY")
    assert not any({"zenovatheranostic", "zenovajapan"} <= g for g in companies)
    assert not any({"zenova", "zenovajapan"} <= g for g in companies)


def test_and_co_ends_a_company_name(ex: Extractor) -> None:
    out = run(ex, "Zeta Helix and Co. signed a license agreement with Orbital Pharma Inc. for ZB-12.")
    assert any("zetahelixand" in g and "zetahelix" in g for g in groups(out, "COMPANY"))


def test_last_word_after_a_first_word_that_is_no_short_name(ex: Extractor) -> None:
    # "Boston" is never a company's short name: "Helixa" alone is Boston Helixa, in any sentence
    out = run(
        ex,
        "Boston Helixa Inc. and Orbital Pharma Inc. signed a license agreement for ZB-12. Last year Helixa "
        "bought a plant in Ohio, and Helixa will make ZB-12 there.",
    )
    companies = groups(out, "COMPANY")
    assert any({"bostonhelixa", "helixa"} <= g for g in companies)
    assert len(companies) == 2


def test_last_word_written_in_lower_case_is_an_ordinary_word(ex: Extractor) -> None:
    out = run(
        ex,
        "Oxford Harbor Inc. signed a license agreement with Orbital Pharma Inc. for ZB-12. Harbor fees are "
        "paid at the harbor.",
    )
    assert "harbor" not in names(out, "COMPANY")


def test_ticker_in_parentheses_names_the_company_alone(ex: Extractor) -> None:
    # a news report names the company by the ticker it gave after the exchange's name
    out = run(
        ex,
        "Zenova Bio (NASDAQ:ZNVB) signed an exclusive license agreement with Orbital Pharma Inc. for ZB-12. "
        "ZB-12 is built with ZNVB's Helix technology platform.",
    )
    companies = groups(out, "COMPANY")
    assert any({"zenovabio", "znvb"} <= g for g in companies)
    assert len(companies) == 2
    assert ("zenovabio", "helixtechnologyplatform") in rels(out, "USES_TECHNOLOGY")


def test_two_tickers_name_two_companies(ex: Extractor) -> None:
    out = run(
        ex,
        "Zenova Bio (NASDAQ:ZNVB) and Orbital Pharma (NYSE: ORBP) signed a license agreement for ZB-12. "
        "Under the agreement, ORBP will pay ZNVB $5 million upfront.",
    )
    companies = groups(out, "COMPANY")
    assert any({"zenovabio", "znvb"} <= g for g in companies)
    assert any({"orbitalpharma", "orbp"} <= g for g in companies)
    assert len(companies) == 2
    assert ("orbitalpharma", "zenovabio") in rels(out, "PAYMENT")


def test_truncated_descriptor_word_is_the_same_company(ex: Extractor) -> None:
    out = run(
        ex,
        "Zenova Biotechnologies Inc. signed a license agreement with Orbital Pharma Inc. for ZB-12. "
        "Zenova Bio will receive $5 million upfront.",
    )
    companies = groups(out, "COMPANY")
    assert any({"zenovabiotechnologie", "zenovabio"} <= g for g in companies)
    assert len(companies) == 2


def test_three_letter_ticker_alone_is_no_mention(ex: Extractor) -> None:
    # a short ticker may be a word or an abbreviation; a ticker in its parenthesis is a listing, no name
    out = run(
        ex,
        "Zenova Genetics (NASDAQ: DNA) signed a license agreement with Orbital Pharma Inc. for ZB-12, which "
        "repairs damaged DNA in muscle cells.",
    )
    assert "dna" not in names(out, "COMPANY")
    assert len(groups(out, "COMPANY")) == 2
