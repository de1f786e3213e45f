"""Who takes the rights to a compound in the frequent deal frames (issue 9, roles), on invented sentences: a
licence no word limits gives development too (in-licensed, licensed to, a licensee by title, an agreement to
develop whose licensee pays), a sale of the rights, a payment for the rights, and the compound an agreement is
for before "under which B will be responsible for ..."; with options, royalties, commercial-only rights and
product sales as negatives."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor

_OPENING = "Quillon Therapeutics, Inc. and Marvane Biologics GmbH today announced an agreement. "


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _roles(ex: Extractor, text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    out = run(ex, text)
    return rels(out, "LICENSED_TO"), rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "sentence",
    [
        "Marvane Biologics in-licensed the rights to QT-207 from Quillon in 2021.",
        "Quillon Therapeutics has out-licensed QT-207 to Marvane Biologics.",
        "QT-207 was licensed to Marvane Biologics last year.",
        "Quillon Therapeutics licensed QT-207 to Marvane Biologics for Latin America.",
        "Quillon Therapeutics and its licensee Marvane Biologics dosed the first subject with QT-207.",
        "Quillon Therapeutics and licensing partner Marvane Biologics presented new QT-207 data.",
    ],
)
def test_a_licence_no_word_limits_gives_development_too(ex: Extractor, sentence: str) -> None:
    licensed, developed = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") in licensed
    assert ("qt207", "marvanebiologic") in developed


@pytest.mark.parametrize(
    "sentence",
    [
        "Marvane Biologics in-licensed the commercial rights to QT-207 from Quillon in 2021.",
        "Quillon Therapeutics licensed the marketing rights to QT-207 to Marvane Biologics.",
        "QT-207 was licensed to Marvane Biologics for distribution in Scandinavia.",
        "Quillon Therapeutics and its distribution partner Marvane Biologics launched QT-207 in Chile.",
    ],
)
def test_a_licence_to_market_only_gives_no_development(ex: Extractor, sentence: str) -> None:
    licensed, developed = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") in licensed
    assert ("qt207", "marvanebiologic") not in developed


@pytest.mark.parametrize(
    "text",
    [
        "Tessary Pharma K.K. today announced that it has entered into an exclusive agreement with Brindle "
        "Oncology, Inc. to develop and commercialize two compounds, BRD-31 and BRD-58, in Korea. Tessary "
        "will pay Brindle an upfront payment of $12 million.",
        "Tessary Pharma K.K. signed an agreement with Brindle Oncology, Inc. for the development of BRD-31 "
        "and BRD-58 in Korea. Under the agreement, Brindle receives $12 million upfront from Tessary.",
    ],
)
def test_the_paying_party_of_an_agreement_to_develop_develops(ex: Extractor, text: str) -> None:
    licensed, developed = _roles(ex, text)
    for code in ("brd31", "brd58"):
        assert (code, "tessarypharma") in licensed
        assert (code, "tessarypharma") in developed


@pytest.mark.parametrize(
    "sentence",
    [
        "Quillon Therapeutics sells the Nordic distribution rights for QT-207 to Marvane Biologics.",
        "Quillon Therapeutics announced the sale of its European marketing rights to QT-207 to Marvane "
        "Biologics.",
        "Quillon Therapeutics is selling all rights to QT-207 to Marvane Biologics for $9 million.",
    ],
)
def test_the_buyer_of_the_rights_is_the_licensee(ex: Extractor, sentence: str) -> None:
    licensed, _ = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") in licensed
    assert ("qt207", "quillontherapeutic") not in licensed


@pytest.mark.parametrize(
    "sentence",
    [
        "Quillon Therapeutics sells QT-207 to Marvane Biologics at cost.",
        "Quillon Therapeutics sold its royalty rights on QT-207 to Marvane Biologics.",
    ],
)
def test_a_product_or_royalty_sale_is_no_licence(ex: Extractor, sentence: str) -> None:
    licensed, _ = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") not in licensed


@pytest.mark.parametrize(
    "sentence",
    [
        "Marvane Biologics will pay Quillon $30 million upfront for exclusive rights to develop QT-207.",
        "Marvane Biologics agreed to pay $30 million for the global rights to Quillon's QT-207.",
        "Marvane Biologics paid an undisclosed sum for a license to develop and sell QT-207 in Brazil.",
        "Marvane Biologics will make an upfront payment of $7 million to Quillon for the rights to QT-207.",
        "Marvane Biologics, which has paid $7 million for an exclusive license to QT-207, plans a study.",
    ],
)
def test_the_company_that_pays_for_the_rights_takes_them(ex: Extractor, sentence: str) -> None:
    licensed, developed = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") in licensed
    assert ("qt207", "marvanebiologic") in developed
    assert ("qt207", "quillontherapeutic") not in licensed


def test_paying_for_commercial_rights_gives_no_development(ex: Extractor) -> None:
    licensed, developed = _roles(
        ex, _OPENING + "Marvane Biologics will pay $8 million for the commercial rights to QT-207 in Peru."
    )
    assert ("qt207", "marvanebiologic") in licensed
    assert ("qt207", "marvanebiologic") not in developed


@pytest.mark.parametrize(
    "sentence",
    [
        "Marvane Biologics paid $5 million for an option to license QT-207.",
        "Marvane Biologics will pay $5 million for the royalty rights on QT-207.",
        "Marvane Biologics paid $5 million to Quillon, which holds the rights to QT-207.",
        "Marvane Biologics will make a payment of $5 million for an option on the rights to QT-207.",
        "Marvane Biologics paid $5 million for a license to Quillon's Velodex technology to build QT-207.",
    ],
)
def test_paying_for_an_option_or_a_royalty_is_no_licence(ex: Extractor, sentence: str) -> None:
    licensed, _ = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") not in licensed


@pytest.mark.parametrize(
    "sentence",
    [
        "The two signed a license agreement for QT-207, under which Marvane Biologics will be responsible "
        "for development and commercialization in Asia.",
        "Quillon entered into an exclusive license agreement covering QT-207, whereby Marvane Biologics will "
        "be responsible for the development and commercialization outside the United States.",
    ],
)
def test_the_compound_of_the_agreement_before_under_which(ex: Extractor, sentence: str) -> None:
    licensed, developed = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") in licensed
    assert ("qt207", "marvanebiologic") in developed


def test_an_agreement_about_something_else_before_under_which(ex: Extractor) -> None:
    licensed, _ = _roles(
        ex,
        _OPENING + "Quillon tested QT-207 in a study, under which Marvane Biologics will be responsible for "
        "development and commercialization of devices.",
    )
    assert ("qt207", "marvanebiologic") not in licensed


@pytest.mark.parametrize(
    ("sentence", "develops"),
    [
        ("Marvane Biologics, the exclusive licensee of QT-207 in Canada, filed for approval.", True),
        ("Marvane Biologics is Quillon's sublicensee for QT-207 in Mexico.", True),
        ("Marvane Biologics, Quillon's licensee in Japan, started a bridging study of QT-207.", True),
        ("Marvane Biologics, the exclusive distributor of QT-207 in Austria, reported sales.", False),
    ],
)
def test_a_licensee_by_apposition_develops_unless_a_distributor(
    ex: Extractor, sentence: str, develops: bool
) -> None:
    licensed, developed = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") in licensed
    assert (("qt207", "marvanebiologic") in developed) is develops


@pytest.mark.parametrize(
    "sentence",
    [
        "Quillon Therapeutics has sold its QT-207 rights to Marvane Biologics for $60 million.",
        "Quillon Therapeutics has transferred the rights to QT-207 to Marvane Biologics.",
        "Quillon Therapeutics had assigned all of its rights to QT-207 to Marvane Biologics.",
        "Quillon Sells QT-207 Rights to Marvane Biologics",
    ],
)
def test_the_seller_of_the_rights_is_no_licensee(ex: Extractor, sentence: str) -> None:
    licensed, _ = _roles(ex, _OPENING + sentence)
    assert ("qt207", "marvanebiologic") in licensed
    assert ("qt207", "quillontherapeutic") not in licensed


def test_a_royalty_sold_after_the_compound_is_no_licence(ex: Extractor) -> None:
    licensed, _ = _roles(
        ex, _OPENING + "Quillon Therapeutics sold its QT-207 royalty rights to Marvane Biologics."
    )
    assert ("qt207", "marvanebiologic") not in licensed


def test_two_licensees_develop_and_the_licensor_keeps_its_compound(ex: Extractor) -> None:
    licensed, developed = _roles(
        ex,
        "Quillon Therapeutics has licensed QT-207 to Marvane Biologics for Korea and to Ostrel Pharma for "
        "Brazil.",
    )
    assert {("qt207", "marvanebiologic"), ("qt207", "ostrelpharma")} <= licensed
    assert {
        ("qt207", "marvanebiologic"),
        ("qt207", "ostrelpharma"),
        ("qt207", "quillontherapeutic"),
    } <= developed
