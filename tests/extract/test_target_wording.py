"""Targets read generally: gene symbols in the forms proteins are written, lists of
targets with their other names in parentheses, drug nouns after a target, compounds listed together, enzymes
and receptors spelled out, and receptor names. Sentences invented for these tests (fictional companies and
drugs), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_symbol_written_as_a_protein_name_is_the_gene(ex):
    out = run(
        ex,
        "ZB-17 is a first-in-class antibody targeting Siglec-15. "
        "HX-36 is an oral inhibitor of PiT-1 and PiT-2. HX-37 is an erbB4 antagonist.",
    )
    assert {"siglec15", "pit1", "pit2", "erbb4"} <= names(out, "TARGET")
    assert {("zb17", "siglec15"), ("hx36", "pit1"), ("hx36", "pit2")} <= rels(out, "TARGETS")


def test_a_lower_case_word_with_a_number_is_no_symbol(ex):
    out = run(ex, "Helix Bio said her 4 children joined the inhibitor study of ZB-12.")
    assert not names(out, "TARGET")


def test_a_list_of_targets_with_their_other_names_in_parentheses(ex):
    out = run(
        ex,
        "Zorotinib blocks signaling through receptors including erbB1 (EGFR; HER1), erbB2 (HER2), "
        "and erbB4 (HER4).",
    )
    found = groups(out, "TARGET")
    assert {"erbb2", "her2"} in found
    assert {"erbb4", "her4"} in found
    assert {("zorotinib", "erbb4"), ("zorotinib", "erbb2")} <= rels(out, "TARGETS")


def test_a_drug_noun_after_the_target_names_the_compound(ex):
    out = run(
        ex,
        "Helix Bio's CD38 antibody ZB-12 is in Phase 1. HX-6, a fully human CD47 monoclonal antibody, "
        "is in Phase 2.",
    )
    assert {("zb12", "cd38"), ("hx6", "cd47")} <= rels(out, "TARGETS")


def test_a_drug_noun_of_another_program_gives_no_target(ex):
    out = run(ex, "Helix Bio is advancing the ZB-12 and CD38 antibody programs.")
    assert not rels(out, "TARGETS")


def test_compounds_listed_together_share_their_target(ex):
    out = run(
        ex,
        "ZB-12 and ZB-14, two antibodies against CD38, are in Phase 1. "
        "Our other CD3 bispecific antibodies, HX-40 and HX-41, are not affected.",
    )
    assert {("zb12", "cd38"), ("zb14", "cd38"), ("hx40", "cd3"), ("hx41", "cd3")} <= rels(out, "TARGETS")


def test_a_listed_compound_with_its_own_target_keeps_it(ex):
    out = run(ex, "ZB-12, an anti-CD38 antibody, and ZB-14, an anti-CD47 antibody, are in Phase 1.")
    assert ("zb12", "cd47") not in rels(out, "TARGETS")
    assert {("zb12", "cd38"), ("zb14", "cd47")} <= rels(out, "TARGETS")


def test_an_enzyme_spelled_out_and_defined_by_its_abbreviation(ex):
    out = run(
        ex,
        "HX-35, an oral inhibitor of hypoxia-inducible factor prolyl hydroxylase (HIF-PH), is in Phase 2. "
        "ZB-3 is a geranylgeranyltransferase I (GGTase I) inhibitor.",
    )
    assert {"hypoxiainduciblefactorprolylhydroxylase", "geranylgeranyltransferasei"} <= names(out, "TARGET")
    assert ("hx35", "hypoxiainduciblefactorprolylhydroxylase") in rels(out, "TARGETS")


def test_a_named_enzyme_before_a_drug_noun_but_no_bare_class(ex):
    out = run(ex, "ZB-5 is a xanthine oxidase inhibitor. HX-9 is an oral tyrosine kinase inhibitor.")
    assert names(out, "TARGET") == {"xanthineoxidase"}


def test_a_gene_named_like_target_wording_is_no_mention(ex):
    out = run(ex, "ZB-34 is an inhibitor of Bruton's tyrosine kinase (BTK) for lymphoma.")
    assert {"brutonstyrosinekinase", "btk"} in groups(out, "TARGET")
    assert not any(n.startswith("inhibitorof") for n in names(out, "TARGET"))


def test_a_name_before_receptor_names_the_receptor(ex):
    out = run(
        ex,
        "ZB-8 is a radiolabeled peptide that binds to somatostatin receptors. "
        "HX-2 is a potent antagonist of the CGRP receptor.",
    )
    assert {("zb8", "somatostatinreceptor"), ("hx2", "cgrpreceptor")} <= rels(out, "TARGETS")
    assert {"cgrpreceptor", "cgrp"} in groups(out, "TARGET")


def test_a_receptor_status_is_no_receptor_name(ex):
    out = run(ex, "ZB-8 was tested in patients with HER2 receptor-positive breast cancer.")
    assert "her2receptor" not in names(out, "TARGET")


def test_a_gene_name_glued_to_a_word_is_part_of_a_longer_name(ex):
    out = run(ex, "ZB-13 binds to the gastrin-releasing peptide receptor (GRPR).")
    assert "gastrin" not in names(out, "TARGET")
    assert {"gastrinreleasingpeptidereceptor", "grpr"} in groups(out, "TARGET")


def test_a_class_noun_with_its_place_between_wording_and_target(ex):
    out = run(
        ex,
        "ZB-12, an antibody-drug conjugate targeting the tumor antigen CD38, is in Phase 1. "
        "HX-4 binds the cell-surface protein CD47.",
    )
    assert {("zb12", "cd38"), ("hx4", "cd47")} <= rels(out, "TARGETS")


def test_binding_said_as_recognition_affinity_or_ligand(ex):
    out = run(
        ex,
        "ZB-12 is an antibody that recognizes CD38 on myeloma cells. HX-4 is a radiolabeled small molecule "
        "with high affinity for FAP. HX-5 is a ligand of SSTR2. HX-6 is a CD19-specific CAR T therapy.",
    )
    assert {("zb12", "cd38"), ("hx4", "fap"), ("hx5", "sstr2"), ("hx6", "cd19")} <= rels(out, "TARGETS")


def test_a_company_that_recognizes_revenue_names_no_target(ex):
    out = run(ex, "Helix Bio recognizes revenue from ZB-12 and recognizes HER2-positive patients' needs.")
    assert not names(out, "TARGET")
