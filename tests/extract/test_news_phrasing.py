"""Deal news phrasing on invented sentences: companies named only beside a
news-style ticker, by their kind ("a company called X") or as the owner of shares; endogenous molecules that
are no drugs; payments and stages in news phrasing."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


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


def _payments(out: dict) -> set[tuple[str, str, float]]:
    by_id = {e["id"]: fold(e["name"]) for e in out["entities"]}
    return {
        (by_id[r["subject"]], by_id[r["object"]], r["value"])
        for r in out["relations"]
        if r["type"] == "PAYMENT"
    }


def test_milestone_earned_by_the_object_of_earning(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals announced that Orbital Bio has dosed the first patient with ZB-12, earning "
        "Helix a $12 million milestone payment.",
    )
    assert _payments(out) == {("orbitalbio", "helixpharmaceutical", 12000000)}


def test_in_licensing_for_an_upfront_sum(ex: Extractor) -> None:
    out = run(
        ex,
        "Under a deal with Orbital Bio, Helix Pharmaceuticals is in-licensing a pain drug for $9 million up "
        "front and the promise of up to $90 million more tied to milestones.",
    )
    assert _payments(out) == {("helixpharmaceutical", "orbitalbio", 9000000)}


def test_stock_bought_from_the_company(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals agreed to buy a $30 million block of Orbital Bio's stock.")
    assert _payments(out) == {("helixpharmaceutical", "orbitalbio", 30000000)}


def test_a_total_before_its_parts_is_no_payment(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals and Orbital Bio signed a deal for ZB-12. Orbital Bio will receive an initial "
        "payment of $40 million, of which $15 million will be for a purchase of its common stock by Helix.",
    )
    assert {v for _, _, v in _payments(out)} == {15000000}


def test_milestones_named_in_a_list_of_parts_are_contingent(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio is eligible to receive a total of $200 million from Helix Pharmaceuticals consisting of "
        "a $50 million upfront payment, $60 million in development milestones and $90 million in early "
        "commercialization milestones.",
    )
    assert {v for _, _, v in _payments(out)} == {50000000}


def test_trial_authorisation_is_ind_not_approval(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals' ZB-12 was approved in Japan last March to begin clinical trials in "
        "ovarian cancer.",
    )
    assert rels(out, "IN_PHASE") == {("zb12", "IND")}


def test_first_word_of_a_longer_company_name_is_that_company(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Nordic A/S and Orbital Bio announced a license agreement. The agreement gives Helix the "
        "rights to develop ZB-12. Orbital Bio will receive $10 million upfront.",
    )
    assert len(groups(out, "COMPANY")) == 2
    assert {lic for _, lic in rels(out, "LICENSED_TO")} == {"helixnordic"}


def test_company_that_gets_the_rights_is_the_licensee(ex: Extractor) -> None:
    out = run(
        ex,
        "Under a deal with Orbital Bio, Helix Pharmaceuticals is in-licensing a pain drug. In exchange, "
        "Helix gets the worldwide rights to ZB-12, an Orbital-discovered treatment.",
    )
    assert rels(out, "LICENSED_TO") == {("zb12", "helixpharmaceutical")}


def test_disease_used_as_a_modifier_of_a_drug_noun(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals already has a pair of neuropathic pain treatments in its pipeline, the "
        "Phase 2 ZB-12 and the Phase 1 ZB-14.",
    )
    assert "neuropathicpain" in names(out, "DISEASE")
    assert ("zb12", "neuropathicpain") in rels(out, "INDICATION")


def test_target_after_a_tissue_word(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 is a small interfering RNA candidate of Helix Pharmaceuticals designed to treat gout by "
        "silencing liver xanthine dehydrogenase.",
    )
    assert "xanthinedehydrogenase" in names(out, "TARGET")
    assert ("zb12", "xanthinedehydrogenase") in rels(out, "TARGETS")


def test_currency_code_glued_to_the_figure_is_no_code_name(ex: Extractor) -> None:
    out = run(
        ex,
        "Under the deal, Helix Pharmaceuticals will receive an upfront payment of USD12 million for ZB-12 "
        "from Orbital Bio, with up to USD1.2 billion in milestones.",
    )
    assert names(out, "COMPOUND") == {"zb12"}
