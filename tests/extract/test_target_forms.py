"""Targets in the forms of small molecules, RNA drugs and antiviral drugs: the enzyme
of a pathogen, a family or isoform name before an inhibitor noun, a cue before a target that precedes its
compound, "the target of X" and gene-silencing wording. Sentences invented for these tests (fictional
companies and drugs), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_pathogens_enzyme_before_an_inhibitor_noun_is_the_target(ex):
    out = run(
        ex,
        "Helix Pharmaceuticals develops ZB-12, an oral HCV protease inhibitor, for chronic hepatitis C. "
        "Talbitrelvir (HX-221), an investigational 3CL protease inhibitor, is in Phase 3 for COVID-19.",
    )
    assert {"hcvprotease", "3clprotease"} <= names(out, "TARGET")
    assert {("zb12", "hcvprotease"), ("talbitrelvir", "3clprotease")} <= rels(out, "TARGETS")


def test_a_lower_case_class_before_an_inhibitor_noun_is_no_target(ex):
    out = run(ex, "ZB-12 is an oral tyrosine kinase inhibitor in Phase 2 for lung cancer.")
    assert not names(out, "TARGET")


def test_a_family_and_an_isoform_before_an_inhibitor_noun_are_targets(ex):
    out = run(
        ex,
        "Zorotinib is a novel, oral pan-erbB inhibitor for breast cancer. "
        "The deal covers HX-7 (PI3Kδ inhibitor) for lymphoma.",
    )
    assert {"erbb", "pi3kdelta"} <= names(out, "TARGET")
    assert "panerbb" not in names(out, "TARGET")
    assert {("zorotinib", "erbb"), ("hx7", "pi3kdelta")} <= rels(out, "TARGETS")


def test_the_cue_before_a_target_that_precedes_its_compound(ex):
    out = run(
        ex,
        "An inhibitor of the epidermal growth factor receptor (EGFR), HX-774 is currently in Phase 2 "
        "studies for lung cancer.",
    )
    assert ("hx774", "epidermalgrowthfactorreceptor") in rels(out, "TARGETS")


def test_the_target_of_a_compound_named_in_apposition(ex):
    out = run(
        ex, "Helix licensed ZB-9 to Orbis Bio. The gene target of ZB-9, p53, is a key player in cell death."
    )
    assert ("zb9", "p53") in rels(out, "TARGETS")


def test_gene_silencing_wording_names_the_target(ex):
    out = run(
        ex,
        "HX-55 is designed to temporarily inhibit expression of the stress-response gene, p53. "
        "KT-3 silences the production of the protein TTR in the liver.",
    )
    assert {("hx55", "p53"), ("kt3", "ttr")} <= rels(out, "TARGETS")


def test_target_wording_in_headline_capitals(ex):
    out = run(ex, "Helix announced data for ZB-12, an oral PCSK9 Inhibitor, in hypercholesterolemia.")
    assert ("zb12", "pcsk9") in rels(out, "TARGETS")


def test_a_selective_suffix_is_no_part_of_the_target_name(ex):
    out = run(ex, "Helix announced data for ZB-12, an oral JAK1-selective inhibitor, in eczema.")
    assert names(out, "TARGET") == {"jak1"}
    assert ("zb12", "jak1") in rels(out, "TARGETS")


def test_a_symbol_in_parentheses_after_the_long_name_a_cue_names(ex):
    out = run(
        ex,
        "ZB-12 is an antisense oligonucleotide targeting transthyretin (TTR). KT-4 is an RNAi therapeutic "
        "that silences angiopoietin-like 3 (ANGPTL3). HX-9 is a monoclonal antibody that blocks thymic "
        "stromal lymphopoietin (TSLP).",
    )
    assert {"ttr", "angptl3", "tslp"} <= names(out, "TARGET")
    # the entity is named by its symbol or by the protein name the text spells out before it
    for code, symbol in (("zb12", "ttr"), ("hx9", "tslp")):
        group = next(g for g in groups(out, "TARGET") if symbol in g)
        assert any((code, n) in rels(out, "TARGETS") for n in group)


def test_a_comparator_keeps_its_own_target(ex):
    out = run(
        ex,
        "Helix announced data for ZB-12 in lung cancer. Zorimertinib, an EGFR inhibitor, was used as "
        "the comparator.",
    )
    assert ("zorimertinib", "egfr") in rels(out, "TARGETS")
    assert ("zb12", "egfr") not in rels(out, "TARGETS")


def test_a_cued_target_in_the_about_section_of_a_compound_is_its_target(ex):
    out = run(
        ex,
        "Helix announced first patient dosing with ZB-12 in ovarian cancer.\n\nAbout ZB-12\nA first-in-class "
        "antibody-drug conjugate directed against CDH6, the investigational drug was discovered by Helix.",
    )
    assert ("zb12", "cdh6") in rels(out, "TARGETS")


def test_a_cued_target_in_the_about_section_of_a_company_goes_to_no_compound(ex):
    out = run(
        ex,
        "Helix announced first patient dosing with ZB-12 and ZB-40 in ovarian cancer.\n\nAbout Helix\n"
        "Helix develops antibody-drug conjugates directed against CDH6 and other targets.",
    )
    assert not rels(out, "TARGETS")


def test_the_cells_own_polymerase_is_no_target(ex):
    out = run(
        ex, "ZB-12 is an ADC that carries amanitin, an RNA polymerase inhibitor, to CDH6-expressing cells."
    )
    assert "rnapolymerase" not in names(out, "TARGET")
