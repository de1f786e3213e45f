"""Compound names, boundaries and identity on unseen text (issue 9, session 6 compounds task).

Invented sentences: fictional companies and code names; real drug names only where a rule reads the
generated drug table (pharmakg/ontology/kb/generated/compounds.tsv)."""

from __future__ import annotations

import pytest

from pharmakg.extract.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def compounds(nlp, text: str) -> list[set[str]]:
    """The name sets of the text's compounds."""
    return [{e.name, *e.aliases} for e in nlp(text)._.pkg_entities if e.type == "COMPOUND"]


def test_a_drug_name_inside_an_enzyme_name_is_no_compound(nlp) -> None:
    # "ribose" is a drug-table name; in "poly (ADP-ribose) polymerase" it is part of the enzyme's name
    found = compounds(
        nlp, "HX-77 is an oral poly (ADP-ribose) polymerase (PARP) inhibitor from Helix Pharmaceuticals."
    )
    assert found == [{"HX-77"}]


def test_a_naked_antibody_inn_alone_is_the_conjugate_built_on_it(nlp) -> None:
    # the drug table lists "mirvetuximab" under its INN only: the short name of the one conjugate here
    text = (
        "Corvane Bio reported data for mirvetuximab soravtansine in ovarian cancer. "
        "A study of Mirvetuximab with carboplatin started."
    )
    found = compounds(nlp, text)
    assert {"mirvetuximab soravtansine", "Mirvetuximab"} <= next(g for g in found if "Mirvetuximab" in g)
    assert len([g for g in found if any("mirvetuximab" in n.lower() for n in g)]) == 1


def test_a_marketed_naked_antibody_stays_apart_from_its_conjugate(nlp) -> None:
    # the table knows trastuzumab by other names (Herceptin): a drug of its own
    found = compounds(
        nlp, "Helix Pharmaceuticals compared trastuzumab emtansine with trastuzumab in breast cancer."
    )
    assert {"trastuzumab"} in found and {"trastuzumab emtansine"} in found


def test_two_codes_joined_by_a_plus_sign_stay_two_compounds(nlp) -> None:
    found = compounds(
        nlp, "Helix Pharmaceuticals reported data for the HX-3301+ZB-12 combination in gastric cancer."
    )
    assert found == [{"HX-3301"}, {"ZB-12"}]


def test_a_clipped_short_name_is_found_at_every_mention(nlp) -> None:
    text = (
        "Corvane Bio announced data for zelcabtagene autoleucel (zel-cel), its CAR T-cell therapy. "
        "The FDA accepted the BLA for zel-cel in relapsed multiple myeloma. Zel-cel is made in Ohio."
    )
    doc = nlp(text)
    ent = next(e for e in doc._.pkg_entities if e.type == "COMPOUND")
    assert {m.text for m in ent.mentions} == {"zelcabtagene autoleucel", "zel-cel", "Zel-cel"}
    assert len(ent.mentions) == 4


def test_the_bodys_own_substances_in_physiology_wording_are_no_compounds(nlp) -> None:
    # cortisol, dopamine, adenosine and creatinine are drug-table names; here they are biomarkers
    text = (
        "HX-12 reduced serum cortisol levels and dopamine release in Helix Pharmaceuticals' Phase 1 trial; "
        "the adenosine pathway was unchanged, serum creatinine stayed normal and GLP-1 levels rose."
    )
    assert compounds(nlp, text) == [{"HX-12"}]


def test_the_bodys_own_substance_named_in_apposition_is_no_compound(nlp) -> None:
    # hepcidin and ghrelin are drug-table names; here the text calls them the body's own hormones
    text = (
        "HX-12 raises the naturally occurring hormone, hepcidin, in adults. ZB-4 lowers the hormone: ghrelin."
    )
    assert compounds(nlp, text) == [{"HX-12"}, {"ZB-4"}]


def test_a_ligand_abbreviation_before_receptor_is_no_compound(nlp) -> None:
    text = (
        "ZX-4578 is an antagonist of EP4, a prostaglandin E2 (PGE2) receptor, "
        "like other PGE2 receptor antagonists."
    )
    assert compounds(nlp, text) == [{"ZX-4578"}]


def test_inn_shaped_platform_names_listed_before_platforms_are_no_compounds(nlp) -> None:
    text = "Helix and Zorva will make an ADC with Helix's proprietary Zoltecan and Alco9 platforms."
    assert compounds(nlp, text) == []


def test_a_code_shaped_ligand_before_receptor_is_no_compound_anywhere(nlp) -> None:
    text = (
        "Helix licensed its delivery technology to Zorva for oral forms of Zorva's GLP-1 receptor agonists. "
        "Zorva is running a Phase 1 trial of its oral GLP-1 product. HX-7 is in Phase 2."
    )
    assert compounds(nlp, text) == [{"HX-7"}]


def test_a_code_naming_a_viral_vector_is_no_compound(nlp) -> None:
    text = "HX-12 is made with the BX305 lentiviral vector, and the HX9 AAV capsid is new."
    assert compounds(nlp, text) == [{"HX-12"}]
