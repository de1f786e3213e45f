"""Targets named by the mechanism words around them: a list of targets before one drug noun ("a GLP-1/GIP
dual agonist", "an ALK, ROS1 and NTRK inhibitor"), a mechanism word between a target and its drug noun
("an IL-6 neutralizing antibody"), and a drug-table name before an inhibitor noun, which names the target
("a Factor XIa inhibitor") or after target wording ("targeting thrombin"). Sentences invented for these
tests (fictional companies and drugs), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Helix reported Phase 2 data for ZB-44, a GLP-1/GIP dual agonist, in obesity.", {"glp1", "gip"}),
        ("ZB-44 is a GIP and GLP-1 receptor dual agonist in Phase 2.", {"gip", "glp1receptor"}),
        ("ZB-45 is an ALK, ROS1 and NTRK inhibitor for lung cancer.", {"alk", "ros1", "ntrk"}),
    ],
)
def test_every_member_of_a_target_list_before_one_drug_noun_is_a_target(ex, text, pairs):
    out = run(ex, text)
    compound = "zb44" if "ZB-44" in text else "zb45"
    assert pairs <= names(out, "TARGET")
    assert {(compound, t) for t in pairs} <= rels(out, "TARGETS")


@pytest.mark.parametrize(
    "text",
    [
        "HX-67, an IL-6 neutralizing antibody, is in Phase 2 for arthritis.",
        "HX-67 is an IL-6 blocking antibody in Phase 2 for arthritis.",
    ],
)
def test_a_mechanism_word_between_a_target_and_its_drug_noun(ex, text):
    out = run(ex, text)
    assert ("hx67", "il6") in rels(out, "TARGETS")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("ZB-101 is an oral Factor XIa inhibitor in Phase 2 for thrombosis.", "factorxia"),
        ("ZB-103, a direct thrombin inhibitor, is approved for stroke prevention.", "thrombin"),
    ],
)
def test_a_drug_table_name_before_an_inhibitor_noun_is_the_target(ex, text, target):
    out = run(ex, text)
    compound = "zb101" if "ZB-101" in text else "zb103"
    assert target in names(out, "TARGET")
    assert target not in names(out, "COMPOUND")
    assert (compound, target) in rels(out, "TARGETS")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("ZB-105 is an antibody targeting thrombin in Phase 1 for thrombosis.", "thrombin"),
        ("ZB-105, an anti-glucagon antibody, is in Phase 1 for hypoglycemia.", "glucagon"),
    ],
)
def test_a_drug_table_name_after_target_wording_is_the_target(ex, text, target):
    out = run(ex, text)
    assert target in names(out, "TARGET")
    assert target not in names(out, "COMPOUND")
    assert ("zb105", target) in rels(out, "TARGETS")


def test_a_drug_table_name_after_combination_wording_stays_a_compound(ex):
    out = run(ex, "ZB-106 is tested in combination with heparin in Phase 2 for thrombosis.")
    assert "heparin" in names(out, "COMPOUND")
    assert "heparin" not in names(out, "TARGET")


def test_a_drug_table_name_without_a_drug_noun_after_it_stays_a_compound(ex):
    out = run(ex, "Patients on ZB-103 could take heparin during the Phase 2 study.")
    assert "heparin" in names(out, "COMPOUND")
    assert not names(out, "TARGET")


def test_a_list_of_companies_before_a_drug_noun_gives_no_target(ex):
    out = run(ex, "Helix, Orbis and Vantor agreed to test ZB-12, an oral inhibitor, in Phase 1.")
    assert not names(out, "TARGET")


# names are compared folded, and folding drops a final "s" of a word ("KRAS G12D" -> "krag12d")
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("HX-64, an oral KRAS G12D inhibitor, entered Phase 1 for pancreatic cancer.", "krag12d"),
        ("HX-64 is an EGFR C797S-selective inhibitor in Phase 1 for lung cancer.", "egfrc797"),
    ],
)
def test_a_target_with_its_mutation_before_a_drug_noun_is_one_target(ex, text, target):
    out = run(ex, text)
    assert target in names(out, "TARGET")
    assert not {"g12d", "c797"} & names(out, "TARGET")
    assert ("hx64", target) in rels(out, "TARGETS")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Helix's ZB-12 inhibits the kinase activity of RIPK1 in Phase 2.", "ripk1"),
        ("ZB-12 acts on the CB1 receptor in the brain.", "cb1receptor"),
        ("ZB-12, acting on TYK2, is in Phase 2 for psoriasis.", "tyk2"),
    ],
)
def test_the_activity_of_a_target_or_acting_on_it_names_the_target(ex, text, target):
    out = run(ex, text)
    assert ("zb12", target) in rels(out, "TARGETS")


def test_a_gene_editing_modality_before_based_is_no_platform(ex):
    out = run(ex, "ZB-12 is a CRISPR-based therapy in Phase 1 for sickle cell disease.")
    assert not names(out, "TECHNOLOGY")


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Helix gains rights to Orbis Bio's PD-1 inhibitor, OB-5, and its LAG-3 antibody OB-6.",
            {("ob5", "pd1"), ("ob6", "lag3")},
        ),
        ("ZB-12 and the CD38 antibody ZB-14 were tested together in Phase 1.", {("zb14", "cd38")}),
        ("It holds CD3 bispecific antibodies, ZB-40 and ZB-41.", {("zb40", "cd3"), ("zb41", "cd3")}),
    ],
)
def test_the_compound_a_targets_drug_noun_names_is_its_compound(ex, text, pairs):
    found = rels(run(ex, text), "TARGETS")
    assert pairs <= found
    assert ("zb12", "cd38") not in found and ("ob5", "lag3") not in found


def test_a_gene_symbol_in_parentheses_after_a_code_name_is_its_target(ex):
    out = run(ex, "Pipeline: ZB-15 (EGFR) in Phase 2; ZB-17 (MET) in preclinical development.")
    assert {("zb15", "egfr"), ("zb17", "met")} <= rels(out, "TARGETS")


def test_a_symbol_in_parentheses_after_a_trial_number_is_no_target(ex):
    out = run(ex, "Helix enrolled the first patient in NCT01234567 (MET) with ZB-17 in gout.")
    assert "met" not in names(out, "TARGET")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("ZB-12 is a sodium-glucose cotransporter 2 (SGLT2) inhibitor for heart failure.", "sglt2"),
        ("ZB-12 is a proprotein convertase subtilisin/kexin type 9 (PCSK9) inhibitor.", "pcsk9"),
    ],
)
def test_an_abbreviation_in_parentheses_before_a_drug_noun_is_the_target(ex, text, target):
    out = run(ex, text)
    named = next(g for g in groups(out, "TARGET") if target in g)  # its name may be the long form
    assert any(("zb12", n) in rels(out, "TARGETS") for n in named)
