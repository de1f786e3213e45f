"""Deal news phrasing on invented sentences: the payee of "a payment to B of $X" and of "an investment of $X
in B", a payer or payee named after a descriptor ("from Nasdaq-listed B", "from partner B"), a payee that "is
getting" a sum, a company anaphor read as the payee the sentence names (the other party pays);
"US" in capitals (the country) is no company pronoun."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_payee_between_payment_to_and_of_amount(ex: Extractor) -> None:
    out = run(
        ex,
        "Quellix Therapeutics and Orbital Bio signed a research agreement on peptide medicines. "
        "The terms include a signing payment to Orbital Bio of $300,000.",
    )
    assert rels(out, "PAYMENT") == {("quellixtherapeutic", "orbitalbio")}


def test_anaphor_read_as_the_named_payee_is_the_other_party(ex: Extractor) -> None:
    # "the company" is read as the most named company, Orbital Bio, the payee the sentence names: the payer
    # is then the other party of the deal
    out = run(
        ex,
        "Helix Pharmaceuticals signed a licence agreement with Orbital Bio for patents held by Orbital Bio. "
        "Orbital Bio created the antibody and Orbital Bio owns its patents. "
        "Under the agreement, the company will make an upfront payment to Orbital Bio of $400,000.",
    )
    assert rels(out, "PAYMENT") == {("helixpharmaceutical", "orbitalbio")}


def test_payer_after_a_descriptor(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals secured a milestone payment of $2.5 million from Boston-based Orbital Bio "
        "under their 2021 agreement.",
    )
    assert rels(out, "PAYMENT") == {("orbitalbio", "helixpharmaceutical")}


def test_payee_of_an_investment_in_a_company(ex: Extractor) -> None:
    out = run(
        ex,
        "Under the deal, Orbital Bio, a developer of antibody medicines with sites in three countries, has "
        "committed to an equity investment of $6 million in Helix Pharmaceuticals.",
    )
    assert rels(out, "PAYMENT") == {("orbitalbio", "helixpharmaceutical")}


def test_payee_that_is_getting_a_sum(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio signed a deal with Helix Pharmaceuticals to develop peptide medicines. "
        "The two will share the work. Helix also is getting $25 million in cash up front.",
    )
    assert rels(out, "PAYMENT") == {("orbitalbio", "helixpharmaceutical")}


def test_us_in_capitals_is_the_country_not_the_pronoun(ex: Extractor) -> None:
    text = (
        "Helix Pharmaceuticals develops ZB-12 in the US and Japan. Orbital Bio paid US$2 million. "
        "Helix said the deal lets us grow."
    )
    doc = ex.nlp(ex._doc(Document("t", "t", text, meta={})))
    anaphors = {text[s:e] for s, e, _eid, typ in doc._.pkg_coref if typ == "COMPANY"}
    assert anaphors == {"us"}
