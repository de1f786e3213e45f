"""Names nobody listed, found by shape and context (issue 9): invented sentences, whole pipeline."""

from __future__ import annotations

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def run(ex: Extractor, text: str) -> dict:
    return ex.extract_one(Document("t", "t", text, meta={})).to_contract()


def entities(out: dict, typ: str) -> list[set[str]]:
    """The folded name sets of each entity of a type."""
    return [{fold(n) for n in [e["name"], *e["aliases"]]} for e in out["entities"] if e["type"] == typ]


def names(out: dict, typ: str) -> set[str]:
    return {n for group in entities(out, typ) for n in group}


def test_inn_stems_of_other_modalities(ex):
    out = run(
        ex,
        "Helix Pharmaceuticals is developing zorvacept, lumatemcel-L, ostravir, pelinotide and "
        "garbinostat, and the antisense drug talonersen. Talaxigene corparvovec is its gene therapy.",
    )
    comps = names(out, "COMPOUND")
    assert {"zorvacept", "lumatemcell", "ostravir", "pelinotide", "garbinostat", "talonersen"} <= comps
    assert "talaxigenecorparvovec" in comps


def test_english_words_with_drug_stems_are_not_drugs(ex):
    out = run(ex, "The concept uses a peptide and an oligonucleotide; the parcel will intercept it.")
    assert not names(out, "COMPOUND")


def test_marked_brand_and_generic_are_one_compound(ex):
    out = run(ex, "The agency approved KORVIX® (talbumab velotecan) for gastric cancer. KORVIX is sold.")
    groups = entities(out, "COMPOUND")
    assert {"korvix", "talbumabvelotecan"} in [g & {"korvix", "talbumabvelotecan"} for g in groups]
    assert len(groups) == 1


def test_marked_platform_words_are_not_brands(ex):
    out = run(ex, "Helix uses its ZiPlex® platform and DuoFold® antibodies; Helix Therapeutics™ grew.")
    assert not names(out, "COMPOUND")


def test_trial_acronym_with_glued_number(ex):
    out = run(
        ex,
        "The first patient was dosed in ORBITAL2, the second Phase 3 trial of ZB-12. "
        "The ORBITAL2 Phase 3 trial follows ORBITAL1.",
    )
    assert "orbital2" in names(out, "TRIAL")
    assert "orbital2" not in names(out, "COMPOUND")
    assert "zb12" in names(out, "COMPOUND")


def test_newswire_in_dateline_is_no_trial(ex):
    out = run(ex, "BOSTON, May 2, 2024 (PRNNEWSWIRE) -- Helix Bio, Inc. started a clinical study of ZB-12.")
    assert not names(out, "TRIAL")


def test_company_names_in_lower_or_camel_case(ex):
    out = run(ex, "Orvane bio, Inc. and vaxQuell N.V. (Nasdaq: VXQL) signed an agreement.")
    assert {"orvanebio", "vaxquell"} <= names(out, "COMPANY")
    assert "nv" not in names(out, "COMPANY")


def test_dateline_dash_is_not_glued_to_the_company(ex):
    out = run(ex, "BOSTON--(BUSINESS WIRE)--Helix Bio, Inc. (Nasdaq: HLXB) today announced a deal.")
    assert names(out, "COMPANY") == {"helixbio"}


def test_company_short_form_in_parentheses(ex):
    out = run(
        ex,
        "Tarvel Biologics Corporation (Tarvel) and Mirovo signed a license agreement. Tarvel will develop "
        "ZB-12. Later Tarvel paid an upfront fee of $3 million.",
    )
    groups = entities(out, "COMPANY")
    assert {"tarvelbiologic", "tarvel"} <= next(g for g in groups if "tarvel" in g)
    assert "latertarvel" not in names(out, "COMPANY")


def test_company_by_description_and_payment_cues(ex):
    out = run(
        ex,
        "Orvane, a clinical-stage biotechnology company, licensed ZB-12. Mirovo received an upfront "
        "payment of $4 million.",
    )
    assert {"orvane", "mirovo"} <= names(out, "COMPANY")


def test_now_called_names_one_compound(ex):
    out = run(ex, "ZB-12, now called farlitamab (FarLi), is in a Phase 2 study. FarLi was well tolerated.")
    assert entities(out, "COMPOUND") == [{"zb12", "farlitamab", "farli"}]


def test_brand_before_generic_name_is_one_compound(ex):
    out = run(
        ex,
        "Helix announced that KORVIX (talbumab velotecan) was approved. Korvix is marketed in Japan. "
        "Orvane launched Zalvo (farlitamab).",
    )
    groups = {frozenset(g) for g in entities(out, "COMPOUND")}
    assert groups == {frozenset({"zalvo", "farlitamab"}), frozenset({"korvix", "talbumabvelotecan"})}


def test_no_brand_from_company_or_modality_word(ex):
    out = run(ex, "Helix Oncology (talbumab) and its HER2 ADC (farlitamab) were presented.")
    assert names(out, "COMPOUND") == {"talbumab", "farlitamab"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KORVIX® (talbumab velotecan), formerly HX-12, was approved.",
            {"korvix", "talbumabvelotecan", "hx12"},
        ),
        ("ZB-12 (farlitamab), now called Zalvo, entered a Phase 2 study.", {"zb12", "farlitamab", "zalvo"}),
        ("ZB-12, also known as The Helix Drug, entered a Phase 2 study.", {"zb12"}),
        ("ZB-12 (talbumab velotecan, KORVIX) was approved.", {"zb12", "talbumabvelotecan", "korvix"}),
        ("ZB-12 (HER2, TROP2) entered a Phase 2 study.", {"zb12"}),
    ],
)
def test_other_name_after_the_parenthesis_or_unlisted(ex, text, expected):
    assert entities(run(ex, text), "COMPOUND") == [expected]


def test_trial_named_by_appositive_and_also_known_as(ex):
    out = run(
        ex,
        "The first patient was dosed in ORBITAL2, also known as HLX2008, the second Phase 3 trial of "
        "ZB-12. HLX2008 will enroll 400 patients.",
    )
    assert {"orbital2", "hlx2008"} in entities(out, "TRIAL")
    assert names(out, "COMPOUND") == {"zb12"}


def test_trial_acronyms_numbers_and_study_numbers(ex):
    out = run(
        ex,
        "Helix started the Phase 3 ATLAS study and the HELIOS-3 trial of ZB-12 (NCT01234567). Results of "
        "study no. 204 and Study 002 were reported. HELIOS-3 enrolled 300 patients.",
    )
    expected = {fold(n) for n in ("ATLAS", "HELIOS-3", "NCT01234567", "study no. 204", "Study 002")}
    assert expected <= names(out, "TRIAL")
    assert names(out, "COMPOUND") == {"zb12"}


def test_owned_and_named_platforms(ex):
    out = run(
        ex,
        "Orvane will use Helix's proprietary ZiPlex antibody platform. Helix applied its Antibody "
        "Discovery Engine (ADE®) to find ZB-12, using Helix's maytansinoid TAP technology. Helix will use "
        "its development platform.",
    )
    techs = entities(out, "TECHNOLOGY")
    assert {"ziplexantibodyplatform", "ziplex"} in techs  # the platform's distinctive name is an alias
    assert {"antibodydiscoveryengine", "ade"} in techs
    assert "developmentplatform" not in names(out, "TECHNOLOGY")
    assert {"taptechnology", "tap"} in techs  # the named technology inside an owned phrase, not the phrase


def test_more_code_shapes_and_two_word_inns(ex):
    out = run(
        ex,
        "Helix tested HX4417032, HX 4417032, mRNA-2210 and talfotase alfa with orvaxaban. The patent "
        "US1234567 and USD 10000000 are not drugs.",
    )
    comps = names(out, "COMPOUND")
    assert {"hx4417032", "mrna2210", "talfotasealfa", "orvaxaban"} <= comps
    assert not {"us1234567", "usd10000000"} & comps


def test_disease_defined_by_its_abbreviation(ex):
    out = run(
        ex,
        "ZB-12 treats acquired, generalized, hypoactive desire disorder (HDD). HDD is common. ZB-14 is "
        "tested in familial lipoprotein lipase deficiency (LPLD). The Complete Response Letter (CRL) and "
        "overall survival (OS) are no diseases.",
    )
    groups = entities(out, "DISEASE")
    assert {"hypoactivedesiredisorder", "hdd"} in groups
    # the long form with the word before it ("familial ...") when the MeSH table names the disease so
    assert any("lpld" in g and any(n.endswith("lipoproteinlipasedeficiency") for n in g) for g in groups)
    assert not {"crl", "o", "os"} & names(out, "DISEASE")


def test_disease_secondary_to_another_is_one(ex):
    out = run(
        ex, "ZB-14 is tested in geographic atrophy (GA) secondary to age-related macular degeneration (AMD)."
    )
    assert entities(out, "DISEASE") == [
        {
            "geographicatrophy",
            "ga",
            "agerelatedmaculardegeneration",
            "amd",
            # the whole phrase is a longer form of the one disease
            "geographicatrophysecondarytoagerelatedmaculardegeneration",
        }
    ]


def test_disease_associated_with_another_is_one(ex):
    out = run(ex, "ZB-14 is tested for the treatment of anemia associated with chronic kidney disease (CKD).")
    assert entities(out, "DISEASE") == [
        {"anemia", "chronickidneydisease", "ckd", "anemiaassociatedwithchronickidneydisease"}
    ]


def test_dateline_dashes_of_every_kind(ex):
    for text in (
        "MONTREAL--(BUSINESS WIRE)--Feb. 4, 2019--Helix Bio Inc. announced a deal.",
        "BOSTON–(BUSINESS WIRE)–Helix Bio Inc. announced a deal.",
        "BOSTON, May 2, 2024—Helix Bio Inc. announced a deal.",
    ):
        assert names(run(ex, text), "COMPANY") == {"helixbio"}


def test_headline_words_are_not_glued_to_a_company(ex):
    out = run(
        ex, "Helix Initiates Orvane Therapeutics Collaboration\n\nPositive Orvane Therapeutics Data Presented"
    )
    assert names(out, "COMPANY") == {fold("Orvane Therapeutics")}


def test_a_company_name_never_runs_across_a_sentence_end() -> None:
    from pharmakg import api
    from pharmakg.model import Document

    text = "ZB-12 targets HER2. Helix Pharmaceuticals granted Orbital Bio a license to ZB-12."
    (x,) = api.extract([Document(doc_id="d1", name="d", text=text)])
    companies = sorted(e.name for e in x.entities if e.type == "COMPANY")
    assert companies == ["Helix Pharmaceuticals", "Orbital Bio"]


def test_a_plasmid_named_by_its_gene_is_one_compound(ex):
    out = run(
        ex,
        "Helix Therapeutics filed for approval of VEGF2 plasmid, an investigational gene therapy for "
        "critical limb ischemia. The company uses a plasmid vector; the KIT plasmid construct was cloned.",
    )
    assert names(out, "COMPOUND") == {"vegf2plasmid"}
    assert any(r["type"] == "IN_PHASE" and r["value"] == "Filed" for r in out["relations"])


def test_a_cell_therapy_named_by_target_and_modality_is_a_compound(ex):
    out = run(
        ex,
        "Zorva Bio started a Phase 1 trial of MSLN-CAR-T in mesothelioma and plans to test AFP-TCR-T "
        "in liver cancer. Anti-CD19 CAR-T cells are a class of medicines.",
    )
    assert {"mslncart", "afptcrt"} == names(out, "COMPOUND")


def test_a_vaccine_named_by_brand_and_disease_is_one_compound_per_disease(ex):
    out = run(
        ex,
        "Helix Pharma started a Phase 2 trial of its ORBIVAX® melanoma vaccine; the ORBIVAX prostate cancer "
        "vaccine is in Phase 1. A lung cancer vaccine of another company failed.",
    )
    assert names(out, "COMPOUND") == {"orbivaxmelanomavaccine", "orbivaxprostatecancervaccine"}


def test_coordinated_trials_each_with_its_phase_are_trials_not_compounds(ex):
    out = run(ex, "The FDA lifted the holds on the Phase 1/2 HXG-206 and Phase 3 HXG-210 studies of ZB-12.")
    assert names(out, "TRIAL") == {"hxg206", "hxg210"}
    assert names(out, "COMPOUND") == {"zb12"}


def test_a_marked_name_right_before_study_is_the_trial(ex):
    out = run(
        ex,
        "Helix reported the Phase 3 ORCHID® study of ZB-12 in breast cancer. ORCHID met its endpoint. "
        "Helix markets KORVIX® for gastric cancer.",
    )
    assert names(out, "TRIAL") == {"orchid"}
    assert names(out, "COMPOUND") == {"zb12", "korvix"}


def test_mrna_inn_and_dotted_vector_code_are_compounds(ex):
    out = run(
        ex,
        "Helix began a Phase 1 trial of zorvameran, an mRNA vaccine. Zorva dosed Ad26.ZEBOV.S, its vaccine "
        "for Ebola. Revenue rose in Q3.FY2023 and H1.FY2024.",
    )
    assert {"zorvameran", "ad26zebovs"} <= names(out, "COMPOUND")
    assert "q3fy2023" not in names(out, "COMPOUND")
