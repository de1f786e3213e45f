"""Session-8 reading of deal news (issue 9, r10-readA) on invented sentences: companies named only beside a
news-style ticker, by their kind ("a company called X") or as the owner of shares; endogenous molecules that
are no drugs; payments and stages in news phrasing."""

from __future__ import annotations

import pytest
from contract_view import names, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_company_beside_a_news_ticker(ex: Extractor) -> None:
    out = run(
        ex, "Last year Quellix ($QLX) sold its ion-channel programme for ZB-12 to Helix Pharmaceuticals."
    )
    assert "quellix" in names(out, "COMPANY")


def test_company_introduced_by_its_kind(ex: Extractor) -> None:
    out = run(
        ex,
        "In July, Helix Pharmaceuticals spun out its ZB-12 programme, helping form a company called Quellix. "
        "Orion Bio agreed to acquire clinical-stage biotechnology company Talvera.",
    )
    assert {"quellix", "talvera"} <= names(out, "COMPANY")


def test_company_whose_shares_are_bought(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals will buy a large block of Borealix's stock at a premium. "
        "Borealix's shares rose on the news of its ZB-12 programme.",
    )
    assert "borealix" in names(out, "COMPANY")


def test_body_substances_are_no_drugs(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals develops ZB-12 for gout, a disease caused by excess uric acid. "
        "ZB-14 is a gene therapy for patients with dementia with progranulin mutations. "
        "ZB-16 is an antagonist of a prostaglandin E2 (PGE2) receptor.",
    )
    assert not {"uricacid", "progranulin", "prostaglandine2"} & names(out, "COMPOUND")
    assert {"zb12", "zb14", "zb16"} <= names(out, "COMPOUND")
