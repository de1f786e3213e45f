"""Platforms named by shape and context, and who uses them: sentences invented for
these tests (fictional companies, drugs and platforms), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_capitalised_word_before_a_platform_noun_is_a_platform(ex):
    out = run(ex, "ZB-12 is based on the Solvix conjugation platform developed by Helix Biosciences.")
    assert "solvixconjugationplatform" in names(out, "TECHNOLOGY")
    assert {("zb12", "solvixconjugationplatform"), ("helixbioscience", "solvixconjugationplatform")} <= rels(
        out, "USES_TECHNOLOGY"
    )


def test_a_capitalised_word_that_is_a_common_word_or_a_company_is_no_platform(ex):
    out = run(
        ex,
        "Helix Biosciences said Mirovo will use the Ocean platform. Ocean Therapeutics was not involved. "
        "Helix builds medicines with the Cardio platform for cardio indications.",
    )
    assert not names(out, "TECHNOLOGY") & {"oceanplatform", "cardioplatform"}


def test_a_camel_case_name_before_generic_words_is_a_platform_and_its_owner_after_of(ex):
    out = run(
        ex, "ZB-12 was built with the LinkWise site-specific conjugation technology of Helix Biosciences."
    )
    assert {"linkwisesitespecificconjugationtechnology", "linkwise"} in groups(out, "TECHNOLOGY")
    assert ("helixbioscience", "linkwisesitespecificconjugationtechnology") in rels(out, "USES_TECHNOLOGY")


def test_a_modality_abbreviation_before_generic_words_is_no_platform(ex):
    out = run(
        ex, "Mirovo acquired rights to certain Helix CAR-T related technology and the mRNA vaccine platform."
    )
    assert not names(out, "TECHNOLOGY") & {"cartrelatedtechnology", "mrnavaccineplatform"}


def test_a_trademarked_word_of_any_case_names_a_platform(ex):
    out = run(
        ex,
        "Mirovo will develop oral forms of ZB-12 using Helix's Medora(R) technology. Helix's broad-based "
        "drug delivery technology platform, known as the Medora(R) Technology, uses carriers. The Medora "
        "platform is patented. Mirovo will use the VEX.3(TM) production technology.",
    )
    medora = [g for g in groups(out, "TECHNOLOGY") if "medora" in g]
    assert len(medora) == 1 and "medoraplatform" in medora[0]  # one platform, however it is called
    assert "broadbaseddrugdeliverytechnology" in medora[0]  # the owned phrase restates Medora
    assert {"vex3tmproductiontechnology", "vex3"} <= names(out, "TECHNOLOGY")
    assert ("zb12", "medorartechnology") in rels(out, "USES_TECHNOLOGY")


def test_a_name_defined_by_its_long_form_before_the_platform_noun(ex):
    out = run(
        ex, "ZB-12 is based on the KLAMP™ (Kinase-Linked Antibody Masking Peptide) technology platform."
    )
    assert {"klamp", "kinaselinkedantibodymaskingpeptide"} in groups(out, "TECHNOLOGY")
    assert ("zb12", "klamp") in rels(out, "USES_TECHNOLOGY")


def test_names_listed_after_a_platform_noun_are_platforms_of_the_owner(ex):
    out = run(
        ex,
        "Mirovo will be granted rights to utilise Helix’s proprietary ADC technologies, SynLok and "
        "TetraLink, as well as select payTOX linker-payloads for one programme.",
    )
    assert {"synlok", "tetralink", "paytox"} <= names(out, "TECHNOLOGY")
    assert "adctechnologie" not in names(out, "TECHNOLOGY")  # the owned phrase is the list
    assert {("helix", "synlok"), ("helix", "tetralink")} <= rels(out, "USES_TECHNOLOGY")


def test_an_owned_generic_platform_is_cited_with_its_owner_but_not_its_modifiers_alone(ex):
    out = run(
        ex,
        "Created through Helix Biosciences' proprietary product platform, ZB-12 is an inhibitor of KRAS. "
        "Mirovo will obtain Helix's proprietary technologies and its suite of technologies.",
    )
    techs = names(out, "TECHNOLOGY")
    assert "helixbioscienceproprietaryproductplatform" in techs
    # the owner's modifiers alone name no platform ("its proprietary technology", ANNOTATION.md Conventions)
    assert not any("proprietarytechnologie" in n for n in techs)
    assert not any("suite" in n for n in techs)
    assert ("zb12", "productplatform") in rels(out, "USES_TECHNOLOGY")


def test_a_long_form_with_letters_inside_words_starts_at_its_first_letter(ex):
    out = run(ex, "The patents protect our lipid nanoparticle (LNP) technology, said Helix Biosciences.")
    assert "lipidnanoparticlelnptechnology" in names(out, "TECHNOLOGY")
    assert not any(n.startswith("protect") for n in names(out, "TECHNOLOGY"))


def test_a_trademarked_vector_is_a_platform_not_a_product(ex):
    out = run(ex, "ZB-12 carries Helix's proprietary NAV® AAV9 vector.")
    assert "nav" not in names(out, "COMPOUND")
    assert ("zb12", "navaav9vector") in rels(out, "USES_TECHNOLOGY")


def test_a_name_apposed_to_an_owned_platform_phrase_is_that_platform(ex):
    out = run(ex, "ZB-12 was engineered using Trimerix, Helix's protein engineering platform.")
    assert {"trimerix", "proteinengineeringplatform"} <= next(
        g for g in groups(out, "TECHNOLOGY") if "trimerix" in g
    )
    assert {("zb12", "trimerix"), ("helix", "trimerix")} <= rels(out, "USES_TECHNOLOGY")


def test_a_name_before_based_and_a_drug_noun_is_a_platform(ex):
    out = run(
        ex,
        "ZB-12, a Trimerix-based bispecific antibody, entered Phase 1. TLM-7 is a Cisplatin-based therapy.",
    )
    assert "trimerix" in names(out, "TECHNOLOGY") and "cisplatin" not in names(out, "TECHNOLOGY")
    assert ("zb12", "trimerix") in rels(out, "USES_TECHNOLOGY")


def test_owners_and_passive_users_of_a_platform(ex):
    out = run(
        ex,
        "Helix Biosciences is the developer of the Trimerix platform. Helix Biosciences' Vexor technology is "
        "used by Mirovo Pharmaceuticals and Orvane Therapeutics.",
    )
    uses = rels(out, "USES_TECHNOLOGY")
    assert ("helixbioscience", "trimerixplatform") in uses
    assert {("mirovopharmaceutical", "vexortechnology"), ("orvanetherapeutic", "vexortechnology")} <= uses


def test_a_platform_after_a_combination_phrase_is_the_partner_drugs(ex):
    out = run(
        ex,
        "The parties will evaluate ZB-12 in combination with Helix's products made with the Trimerix "
        "technology.",
    )
    assert ("zb12", "trimerixtechnology") not in rels(out, "USES_TECHNOLOGY")


def test_a_trademarked_word_before_a_plural_drug_noun_names_a_platform_not_a_product(ex):
    out = run(
        ex,
        "Helix Biosciences, Inc. dosed the first patient with ZB-12, one of the Company's Velox® gene-edited "
        "product candidates. Orbital Pharma, Inc. will also test its Trimora® bispecific molecules.",
    )
    assert {"velox", "trimora"} <= names(out, "TECHNOLOGY")
    assert not names(out, "COMPOUND") & {"velox", "trimora"}
    assert {("zb12", "velox"), ("helixbioscience", "velox")} <= rels(out, "USES_TECHNOLOGY")


def test_a_trademarked_product_name_stays_a_product(ex):
    out = run(ex, "Helix Biosciences, Inc. markets Korvix® tablets. Korvix® is approved for psoriasis.")
    assert "korvix" in names(out, "COMPOUND")
    assert "korvix" not in names(out, "TECHNOLOGY")


def test_a_collaboration_that_leverages_a_partners_platform_makes_both_its_users(ex):
    out = run(
        ex,
        "The collaboration will leverage Helix Biosciences' proprietary Trivex platform to generate new "
        "bispecific antibodies. Orbital Pharma, Inc. will pay Helix Biosciences $10 million.",
    )
    assert {("helixbioscience", "trivexplatform"), ("orbitalpharma", "trivexplatform")} <= rels(
        out, "USES_TECHNOLOGY"
    )


def test_a_platform_its_owner_uses_alone_is_not_shared(ex):
    out = run(
        ex,
        "Helix Biosciences will use its proprietary Trivex platform to generate new bispecific antibodies. "
        "Orbital Pharma, Inc. will pay Helix Biosciences $10 million.",
    )
    assert ("orbitalpharma", "trivexplatform") not in rels(out, "USES_TECHNOLOGY")


def test_a_trademarked_name_in_parentheses_after_a_platform_noun_names_the_platform(ex):
    out = run(
        ex,
        "ZB-12 is based on Helix Biosciences' RNA technology (Lumora®). Helix Biosciences, Inc. markets "
        "Korvix® (talbumab) for psoriasis.",
    )
    assert {"rnatechnology", "lumora"} in groups(out, "TECHNOLOGY")
    assert "lumora" not in names(out, "COMPOUND")
    assert "korvix" in names(out, "COMPOUND")  # a brand before its generic name stays a product


def test_a_marked_name_the_text_writes_before_a_platform_noun_is_no_product(ex):
    out = run(
        ex,
        "Orbital Pharma, Inc. will use Helix Biosciences' trimora technology platform to discover a "
        "multispecific Trimora® drug candidate. Helix Biosciences, Inc. markets Korvix® for psoriasis.",
    )
    assert "trimora" not in names(out, "COMPOUND")
    assert "korvix" in names(out, "COMPOUND")


def test_names_coordinated_before_a_plural_platform_noun_are_each_a_platform(ex):
    out = run(
        ex,
        "Orbital Pharma, Inc. gains access to the GlycoLinx and HydraSpace technologies of Helix "
        "Biosciences, Inc.",
    )
    assert {"glycolinx", "hydraspace"} <= names(out, "TECHNOLOGY")
    assert {("orbitalpharma", "glycolinx"), ("orbitalpharma", "hydraspace")} <= rels(out, "USES_TECHNOLOGY")


def test_modality_abbreviations_coordinated_before_a_plural_platform_noun_are_no_platforms(ex):
    out = run(ex, "Helix Biosciences, Inc. has ADC and ASO platforms.")
    assert not names(out, "TECHNOLOGY")


def test_a_named_delivery_system_or_linker_payload_is_a_platform(ex):
    out = run(
        ex,
        "ZB-12 uses Helix Biosciences' proprietary Lumora™ drug delivery system. ZB-14 incorporates Helix "
        "Biosciences' SynLinx™ linker-payload. ZB-16 is delivered with the DNA delivery system.",
    )
    assert {"lumoradrugdeliverysystem", "synlinxlinkerpayload"} <= names(out, "TECHNOLOGY")
    assert "dnadeliverysystem" not in names(out, "TECHNOLOGY")
    assert {("zb12", "lumoradrugdeliverysystem"), ("zb14", "synlinxlinkerpayload")} <= rels(
        out, "USES_TECHNOLOGY"
    )
