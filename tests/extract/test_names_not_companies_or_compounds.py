"""Names on invented sentences that look like companies or compounds but are none (bankers and lawyers of a
deal, institutions in any language, investors' names, abbreviations of potency, dose, filings and virus
types, words written like a drug's code), and one company written with and without its legal suffix."""

from __future__ import annotations

import pytest
from contract_view import groups, names, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharma, Inc. today announced its acquisition of Orbital Bio. Quarry Bank & Co. LLC is "
        "acting as exclusive financial advisor to Helix and Stone Vale LLP is serving as legal counsel.",
        "Orbital Bio announced the pricing of its offering. Quarry Bank & Co. LLC, Lindell Securities LLC "
        "and Marsh Harbor LLC are acting as joint book-running managers for the offering.",
        "Helix Pharma, Inc. completed the merger with Orbital Bio. Helix was advised by Quarry Bank & Co. "
        "LLC on the transaction.",
        "Helix Pharma, Inc. agreed to acquire Orbital Bio. Financial advisors to Orbital Bio are Quarry "
        "Bank & Co. LLC and Marsh Harbor LLC.",
        "Helix Pharma, Inc. signed the agreement with Orbital Bio, with Quarry Bank & Co. LLC acting as "
        "its placement agent.",
    ],
)
def test_bankers_and_lawyers_of_a_deal_are_no_companies(ex: Extractor, text: str) -> None:
    found = names(run(ex, text), "COMPANY")
    assert not any(n.startswith(("quarry", "marsh", "lindell", "stone")) for n in found)
    assert "orbitalbio" in found


def test_a_party_named_after_to_keeps_its_role(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharma, Inc. and Orbital Bio Corp. announced a merger. Quarry Bank & Co. LLC served as "
        "financial advisor to Orbital Bio Corp. and Marsh Harbor LLC as legal counsel to Helix Pharma, Inc.",
    )
    found = names(out, "COMPANY")
    assert {"helixpharma", "orbitalbio"} <= found
    assert not any(n.startswith(("quarry", "marsh")) for n in found)


@pytest.mark.parametrize(
    "text",
    [
        "Sanvira SA (Euronext: SNVR) signed a research collaboration with Institut Lumière.",
        "Sanvira SA entered into an agreement with Universität Nordheim to study SNV-88.",
        "Sanvira SA announced a partnership with Fondation Marbeau and Hôpital Saint-Clair.",
    ],
)
def test_institutions_named_in_other_languages_are_no_companies(ex: Extractor, text: str) -> None:
    assert names(run(ex, text), "COMPANY") == {"sanvira"}


def test_a_company_word_inside_an_investors_name(ex: Extractor) -> None:
    out = run(
        ex,
        "Larkspur Therapeutics closed a financing led by Quill Healthcare Capital Partners with "
        "participation from Benbow Life Sciences Fund. Larkspur Therapeutics will advance LRK-3321.",
    )
    assert names(out, "COMPANY") == {"larkspurtherapeutic"}


def test_a_country_abbreviation_is_no_short_name(ex: Extractor) -> None:
    out = run(
        ex,
        "Jane Roe, head of Helix Pharma's U.S. Biopharmaceuticals business, said the U.S. launch of "
        "Korvix® begins today in the U.S. market.",
    )
    assert "us" not in names(out, "COMPANY")


@pytest.mark.parametrize("suffix", ["K.K.", "Oyj", "S.p.A.", "AB", "Pty Ltd"])
def test_a_company_with_and_without_its_legal_suffix_is_one(ex: Extractor, suffix: str) -> None:
    out = run(
        ex,
        f"Hinoki Seiyaku Co., Ltd. and Sakura Kirin {suffix} today announced an alliance. Hinoki Seiyaku "
        "will pay Sakura Kirin an upfront payment of $30 million.",
    )
    sakura = [g for g in groups(out, "COMPANY") if any(n.startswith("sakurakirin") for n in g)]
    assert len(sakura) == 1


@pytest.mark.parametrize(
    "text",
    [
        "ZB-12 inhibited growth with an IC50 of 3 nM and an EC90 below 10 nM; the LD50 was not reached.",
        "The recommended Phase 2 dose (RP2D) of ZB-12 was 300 mg.",
        "Helix filed BLA 761234 and IND 154321 for ZB-12 last year.",
        "ZB-12 is a therapeutic vaccine against HPV-16 and HPV-18 positive cancers; HIV-1 patients were "
        "excluded.",
        "Helix Pharma is located at 100 Main Street; ZB-12 was dosed at 100 mg.",
    ],
)
def test_abbreviations_and_numbers_are_no_compounds(ex: Extractor, text: str) -> None:
    assert names(run(ex, text), "COMPOUND") == {"zb12"}


def test_a_drug_code_written_in_its_own_mixed_case_is_found(ex: Extractor) -> None:
    out = run(ex, "Xencor announced that XmAb14045 entered a Phase 1 study in acute myeloid leukemia.")
    assert "xmab14045" in names(out, "COMPOUND")


@pytest.mark.parametrize(
    "text",
    [
        "Helix enrolled the first patient in its Phase 3 trial of ZB-12 with the Nordic Prostate Cancer "
        "Trials Group (NOPCAT).",
        "The Phase 2 study of ZB-12 measured the Hamilton Depression Rating Scale (HDRS).",
        "A cardiovascular outcomes trial (CVOT) of ZB-12 is ongoing.",
        "Patients who completed the study of ZB-12 may join an open-label extension (OLE).",
    ],
)
def test_an_abbreviation_in_parentheses_after_a_trial_word_names_no_trial(ex: Extractor, text: str) -> None:
    assert groups(run(ex, text), "TRIAL") == []


def test_an_acronym_in_parentheses_after_a_trial_word_is_still_a_trial(ex: Extractor) -> None:
    out = run(
        ex, "Helix began two Phase 3 trials of ZB-12, in melanoma (KESTREL) and in lung cancer (OSPREY)."
    )
    assert {"kestrel", "osprey"} <= names(out, "TRIAL")


def test_a_company_word_inside_an_organisation_name(ex: Extractor) -> None:
    out = run(
        ex, "ZB-12 is on the essential medicines list of the Global Health Organization, Helix Pharma said."
    )
    assert "globalhealth" not in names(out, "COMPANY")


@pytest.mark.parametrize(
    "text",
    [
        "Patients injected ZB-12 with the Omnipex® 5 system.",
        "ZB-12 is given with the SmartJet® on-body injector.",
        "Helix supports patients taking ZB-12 through its Helix CARES™ patient support program.",
        "Outcomes of ZB-12 are collected in the ORBITAL™ registry.",
        "ZB-12 contains the Stellar-M™ adjuvant.",
        "Responses to ZB-12 were measured with the ImmunoRead™ assay.",
    ],
)
def test_marked_devices_services_and_adjuvants_are_no_compounds(ex: Extractor, text: str) -> None:
    assert names(run(ex, text), "COMPOUND") == {"zb12"}


def test_a_marked_brand_before_a_function_word_stays_a_compound(ex: Extractor) -> None:
    out = run(ex, "Helix markets Korvix® and other products in Europe.")
    assert "korvix" in names(out, "COMPOUND")


@pytest.mark.parametrize(
    "text",
    [
        "Orbix Bio announced FDA approval of ORBIVAX, its recombinant adjuvanted vaccine against RSV.",
        "Helix Pharma said that HX-7, Helix's lead candidate, entered the clinic.",
        "Orbix reported data for OBX-44, our oral small molecule inhibitor of KRAS.",
    ],
)
def test_a_name_in_apposition_to_its_owners_product_noun_is_a_compound(ex: Extractor, text: str) -> None:
    assert len(groups(run(ex, text), "COMPOUND")) == 1


def test_a_code_shaped_adjuvant_is_no_compound(ex: Extractor) -> None:
    out = run(ex, "Orbix's vaccine ZB-12 contains the QX21 adjuvant and the prefusion F protein.")
    assert names(out, "COMPOUND") == {"zb12"}


@pytest.mark.parametrize(
    "text",
    [
        "ZB-12 protected serotonin neurons in mice.",
        "ZB-12 lowered insulin resistance in obese patients.",
        "ZB-12 restores dopamine-producing cells.",
        "ZB-12 is more potent than a somatostatin analogue.",
        "ZB-12 reduced the stress hormone cortisol.",
    ],
)
def test_the_bodys_own_substance_in_biology_wording_is_no_compound(ex: Extractor, text: str) -> None:
    assert names(run(ex, text), "COMPOUND") == {"zb12"}


def test_a_drug_as_the_comparator_is_still_a_compound(ex: Extractor) -> None:
    out = run(ex, "In the Phase 3 trial, ZB-12 was compared with insulin glargine in type 2 diabetes.")
    assert {"zb12", "insulinglargine"} <= names(out, "COMPOUND")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "Molecular Vista AG (SIX: MVIS) and Orbix Bio today announced a license agreement.",
            "molecularvista",
        ),
        ("Orbix Bio entered into a collaboration with Stellar Partners, Inc. for OBX-2.", "stellarpartner"),
        ("Orbix Bio acquired Molecular Lumen Ltd. for $20 million.", "molecularlumen"),
        ("Clinical Nova, Inc. entered into a collaboration with Orbix Bio.", "clinicalnova"),
        ("Orbix Bio acquired Research Lumen Ltd. for $20 million.", "researchlumen"),
    ],
)
def test_an_institution_word_in_a_name_with_a_legal_suffix(ex: Extractor, text: str, company: str) -> None:
    assert company in names(run(ex, text), "COMPANY")


def test_an_institution_word_in_a_fund_with_a_partnership_suffix(ex: Extractor) -> None:
    out = run(ex, "Orbix Bio raised $50 million from Harbor Research Partners, LLC and others.")
    assert not any(n.startswith("harbor") for n in names(out, "COMPANY"))
