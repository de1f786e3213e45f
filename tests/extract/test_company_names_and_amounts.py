"""Roles and deals on invented sentences: company names written again without
their suffix or ticker, amounts in every currency order, per-share prices, payers that each pay, licensees
named in an apposition, and drugs of other companies that get no default owner."""

from __future__ import annotations

import pytest
from contract_view import groups, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_short_name_of_an_incorporated_company(ex: Extractor) -> None:
    out = run(
        ex,
        "BOSTON, July 30, 2009 -- Helix Pharmaceuticals Incorporated (Nasdaq: HLX) and Orbital Bio "
        "Corporation today amended their agreement for ZB-12. Under the terms, Helix will receive "
        "$105 million following signing.",
    )
    # the name is written without its legal suffix ("Incorporated" is one, like "Inc.")
    assert any({"helixpharmaceuticalincorporated", "helix"} <= g for g in groups(out, "COMPANY"))
    assert ("orbitalbio", "helixpharmaceutical") in rels(out, "PAYMENT")


def test_name_found_by_suffix_or_ticker_is_found_again(ex: Extractor) -> None:
    out = run(
        ex,
        "BOSTON, April 28, 2003 - Helix Genesys, Inc. (Nasdaq: HGEN) reported a net loss. Helix Genesys "
        "ended the quarter with cash. ORBX (Nasdaq: ORBX) and Helix Genesys today announced a license "
        "agreement. Under the agreement, ORBX will pay Helix Genesys $5 million upfront.",
    )
    assert ("orbx", "helixgenesy") in rels(out, "PAYMENT")
    assert len(groups(out, "COMPANY")) == 2


def test_currency_written_after_the_figure(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced that it has granted Orbital Bio an option to license ZB-12. "
        "Helix will receive initially a non-refundable fee of 10 million USD.",
    )
    pays = [r for r in out["relations"] if r["type"] == "PAYMENT"]
    assert [r["value"] for r in pays] == [10000000]
    assert ("orbitalbio", "helixpharmaceutical") in rels(out, "PAYMENT")


def test_price_per_share_is_no_payment(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals announced a collaboration with Orbital Bio for ZB-12. Helix will receive "
        "$40 million in an equity purchase from Orbital Bio at $27.43/share, or $12.10 per share of its "
        "stock.",
    )
    assert sorted(r["value"] for r in out["relations"] if r["type"] == "PAYMENT") == [40000000]


def test_each_of_two_payers_pays_the_stated_sum(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Orbital Bio and Zenova Therapeutics today entered into agreements for ZB-12. "
        "Under the agreement, Orbital Bio and Zenova Therapeutics have each agreed to purchase $35 million "
        "of Helix common stock.",
    )
    assert rels(out, "PAYMENT") == {
        ("orbitalbio", "helixpharmaceutical"),
        ("zenovatherapeutic", "helixpharmaceutical"),
    }


def test_licensee_named_before_its_parent_apposition(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals retains exclusive development and commercial rights to ZB-12 in North "
        "America. Orbital Bio, an affiliate of Zenova Holdings, holds development and commercial rights to "
        "ZB-12 in Europe.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "zenovaholding") not in rels(out, "LICENSED_TO")


def test_grants_to_partner_the_marketing_rights(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced the filing for ZB-12 in Japan. Helix grants to Orbital Bio "
        "Corporation the marketing rights to ZB-12 for gout in Japan.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")
    assert ("zb12", "orbitalbio") not in rels(out, "DEVELOPED_BY")


def test_distributor_through_an_agreement_with_the_owner(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio Inc. today announced the launch of ZB-12 in the United States. Through a definitive "
        "agreement with Helix Ltd., Orbital Bio is the exclusive distributor for ZB-12 in the United States.",
    )
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}
    assert rels(out, "DEVELOPED_BY") == {("zb12", "helix")}


def test_codevelopment_of_a_partners_own_drug_licenses_the_others(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Orbital Bio and Zenova Therapeutics announced today that they have entered "
        "into agreements for the co-development and commercialization of Helix's lead drug, ZB-12.",
    )
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio"), ("zb12", "zenovatherapeutic")}
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


def test_combination_partners_get_no_default_owner(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals reported second quarter results.\n\n"
        "ZB-14 and nivolumab combination, Phase 2 trial in gout.\n\n"
        "ZB-16 is tested as part of a combination regimen with interferon and ribavirin to treat hepatitis "
        "C.",
    )
    developed = rels(out, "DEVELOPED_BY")
    assert ("zb14", "helixpharmaceutical") in developed
    assert not {("nivolumab", "helixpharmaceutical"), ("ribavirin", "helixpharmaceutical")} & developed


def test_agreement_for_development_and_commercialization_licenses_the_non_owner(ex: Extractor) -> None:
    out = run(
        ex,
        "BOSTON, July 30, 2009 -- Helix Pharmaceuticals, Inc. (Nasdaq: HLX) and Orbital Bio Corporation "
        "today amended their agreement for the development and commercialization of ZB-12 for the "
        "treatment of gout in Japan. Helix retains exclusive development and commercial rights to ZB-12 in "
        "North America.",
    )
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}
    assert {("zb12", "orbitalbio"), ("zb12", "helixpharmaceutical")} <= rels(out, "DEVELOPED_BY")


def test_fellow_licensee_is_no_licensor_and_codevelopers_are_partners(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Orbital Bio and Zenova Therapeutics announced today that they have entered "
        "into agreements for the co-development and commercialization of Helix's lead drug, ZB-12. "
        "Kestrel Bio, an affiliate of Tokyo-based Marbury Holdings, holds development rights to ZB-12 in "
        "Europe.",
    )
    partners = rels(out, "PARTNER_OF")
    assert ("orbitalbio", "zenovatherapeutic") in partners or ("zenovatherapeutic", "orbitalbio") in partners
    assert not any("marbury" in a or "marbury" in b for a, b in partners)
    assert ("zb12", "kestrelbio") in rels(out, "LICENSED_TO")
    # a licensee of the compound is not the licensor of its fellow licensee's rights
    assert not any({a, b} == {"orbitalbio", "kestrelbio"} for a, b in partners)


def test_licensee_description_is_no_development_right(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals announced it has entered into a licensing agreement with Orbital Bio, a "
        "biotechnology company with fully integrated commercial and drug development operations, for ZB-12, "
        "a drug being investigated for gout.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "orbitalbio") not in rels(out, "DEVELOPED_BY")


def test_companies_announcing_together_are_partners(ex: Extractor) -> None:
    out = run(
        ex,
        "BOSTON, May 20, 2002 -- Helix, Inc. (Nasdaq: HLX) and Orbital Bio plc (LSE: ORB, Nasdaq: ORBY) "
        "today announced the presentation of data from the first human trial of ZB-12.",
    )
    assert rels(out, "PARTNER_OF") in ({("helix", "orbitalbio")}, {("orbitalbio", "helix")})


def test_dateline_separators_are_not_part_of_the_issuer_name(ex: Extractor) -> None:
    out = run(
        ex,
        "BOSTON, April 28, 2003-Helix Genesys, Inc. (Nasdaq: HGEN) reported a net loss. Helix Genesys ended "
        "the quarter with cash.\n\nOSAKA, Japan I September 28, 2022 I Orbital & Co., Ltd. (hereafter "
        "“Orbital”) announced that ZB-12 achieved the primary endpoint.",
    )
    companies = groups(out, "COMPANY")
    assert any("helixgenesy" in g for g in companies)
    assert any({"orbital"} <= g for g in companies)
    assert not any(n.startswith("i") or n.startswith("2003") for g in companies for n in g)


def test_a_drug_named_once_with_its_brand_and_generic_gets_no_default_owner(ex: Extractor) -> None:
    # "BRAND® (inn)" names a drug once: another company's drug in the partner's track record is not the
    # issuer's, while the compound the release describes in two sentences is
    out = run(
        ex,
        "BOSTON, May 2, 2024 -- Helix Pharmaceuticals today announced that ZB-12 entered a Phase 2 trial. "
        "The partner's team brought the blockbuster drug KORVIX® (talbumab) to market in many indications. "
        "ZB-12 is a bispecific antibody in development for gastric cancer.",
    )
    developed = rels(out, "DEVELOPED_BY")
    assert ("zb12", "helixpharmaceutical") in developed
    assert ("korvix", "helixpharmaceutical") not in developed
