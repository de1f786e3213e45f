"""Payloads, technologies and targets in their usual phrasings (issue 9, session 6): sentences invented for
these tests (fictional companies, drugs and platforms), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


# ---------------------------------------------------------------- technologies
def test_headline_compound_of_a_technology_user_uses_the_technology(ex):
    out = run(
        ex,
        "Helix Pharmaceuticals today announced new data for its ZB-12 product candidate in ovarian cancer. "
        "ZB-12 was well tolerated. Helix also develops ZB-40.\n\nAbout Helix Pharmaceuticals\nHelix "
        "Pharmaceuticals develops targeted therapies using its TRACER technology.",
    )
    assert ("zb12", "tracertechnology") in rels(out, "USES_TECHNOLOGY")
    # only the compound the document is about, not every compound of the company
    assert ("zb40", "tracertechnology") not in rels(out, "USES_TECHNOLOGY")


# ---------------------------------------------------------------- payloads
def test_payload_conjugated_in_a_sentence_naming_no_compound_is_the_previous_compounds(ex):
    out = run(
        ex,
        "Helix Pharmaceuticals develops ZB-7 and ZB-12. ZB-12 is an antibody-drug conjugate directed against "
        "CDH6. The antibody is conjugated to the topoisomerase I inhibitor exatecan through a linker.",
    )
    assert ("zb12", "exatecan") in rels(out, "HAS_PAYLOAD")
    assert ("zb7", "exatecan") not in rels(out, "HAS_PAYLOAD")


@pytest.mark.parametrize(
    ("second", "payload"),
    [
        ("The peptide is radiolabeled with lutetium-177.", "lutetium177"),
        ("The antibody is tethered to DXd by a peptide linker.", "dxd"),
        ("Each antibody bears four molecules of DM4.", "dm4"),
        ("Inside the tumor cell the ADC releases MMAE.", "mmae"),
        ("It is made by conjugating exatecan to the antibody.", "exatecan"),
        ("The antibody is conjugated through a cleavable linker to MMAF.", "mmaf"),
    ],
)
def test_conjugation_verbs_in_a_sentence_naming_no_compound_give_the_previous_compounds_payload(
    ex, second, payload
):
    first = "Helix Pharmaceuticals dosed the first patient with ZB-12, a conjugate directed against CD70. "
    out = run(ex, first + second)
    assert ("zb12", payload) in rels(out, "HAS_PAYLOAD")


def test_a_payload_conjugated_adjective_names_the_payload_of_the_compound(ex):
    out = run(
        ex, "Helix Pharmaceuticals said that ZB-12, a DM1-conjugated anti-CD70 antibody, entered Phase 1."
    )
    assert ("zb12", "dm1") in rels(out, "HAS_PAYLOAD")


def test_a_radiolabel_sentence_naming_another_compound_gives_the_previous_compound_nothing(ex):
    out = run(
        ex,
        "Helix Pharmaceuticals develops ZB-12, a conjugate directed against CD70. "
        "Its partner's TLM-7 is radiolabeled with lutetium-177.",
    )
    assert ("zb12", "lutetium177") not in rels(out, "HAS_PAYLOAD")


def test_a_payload_of_a_sentence_naming_no_compound_goes_to_the_compound_called_a_conjugate(ex):
    # the compound named last (a prior therapy, a partner's bispecific) is not the one the ADC sentence is on
    out = run(
        ex,
        "ZB-12 is an ADC targeting HER2. Patients had previously received trastuzumab. "
        "The antibody is conjugated to DXd.",
    )
    assert ("zb12", "dxd") in rels(out, "HAS_PAYLOAD")
    assert ("trastuzumab", "dxd") not in rels(out, "HAS_PAYLOAD")
    out = run(
        ex,
        "Helix develops ZB-12, an ADC targeting CLDN18.2, and TLM-7, a bispecific antibody. TLM-7 entered "
        "Phase 1 in 2023. The antibody is conjugated to MMAE.",
    )
    assert rels(out, "HAS_PAYLOAD") == {("zb12", "mmae")}


@pytest.mark.parametrize(
    "second",
    ["Its cytotoxic agent, DM4, kills dividing cells.", "The payload of the ADC is DM4."],
)
def test_a_payload_named_as_such_after_an_anaphor_or_alone_is_the_compounds(ex, second):
    out = run(ex, "Helix Pharmaceuticals dosed ZB-12, an ADC targeting CD19, in lymphoma. " + second)
    assert ("zb12", "dm4") in rels(out, "HAS_PAYLOAD")


# ---------------------------------------------------------------- targets
def test_camel_case_hgnc_abbreviations_and_short_symbol_gene_names_are_targets(ex):
    # FcRn and IgE: HGNC alternate abbreviations of FCGRT and IGHE; complement C5: approved name of C5
    out = run(
        ex, "ZB-12 is an anti-FcRn antibody. TLM-7 is an anti-IgE antibody. CV-3 inhibits complement C5."
    )
    assert {("zb12", "fcrn"), ("tlm7", "ige"), ("cv3", "complementc5")} <= rels(out, "TARGETS")


def test_the_neonatal_fc_receptor_is_fcrn(ex):
    out = run(
        ex, "ZB-12, a neonatal Fc receptor (FcRn) blocker, is being developed by Helix for myasthenia gravis."
    )
    assert {"neonatalfcreceptor", "fcrn"} <= names(out, "TARGET")
    assert ("zb12", "neonatalfcreceptor") in rels(out, "TARGETS")


def test_a_biomarker_status_is_no_target(ex):
    out = run(ex, "Korvix is approved for adult patients with HER2-positive or BRAF-mutant breast cancer.")
    assert not names(out, "TARGET")
    out = run(ex, "ZB-12 is an anti-HER2 conjugate for patients with HER2-positive breast cancer.")
    assert ("zb12", "her2") in rels(out, "TARGETS")


def test_each_target_of_a_bispecific_is_targeted(ex):
    out = run(
        ex, "ZB-12 is a PD-1/VEGF bispecific antibody. TLM-7 is a CD3 x BCMA bispecific T-cell engager."
    )
    assert {("zb12", "pd1"), ("zb12", "vegf"), ("tlm7", "cd3"), ("tlm7", "bcma")} <= rels(out, "TARGETS")


def test_an_antibody_specific_for_a_target_targets_it(ex):
    out = run(ex, "ZB-12 is a humanized monoclonal antibody specific for CD38.")
    assert ("zb12", "cd38") in rels(out, "TARGETS")


def test_the_antibody_of_the_previous_sentences_compound_binds_the_target(ex):
    out = run(ex, "ZB-12 is an investigational ADC. The antibody binds to CDH6 with high affinity.")
    assert ("zb12", "cdh6") in rels(out, "TARGETS")
    out = run(ex, "ZB-12 is an investigational ADC. Helix also studies CDH6 inhibitors in other programs.")
    assert ("zb12", "cdh6") not in rels(out, "TARGETS")


def test_a_gene_coordinated_with_a_lexicon_target_in_target_wording_is_a_target(ex):
    out = run(
        ex, "ZB-12, a DLL3/CD3 bispecific T-cell engager, is in Phase 1. TLM-7 targets both DLL3 and CD3."
    )
    assert {("zb12", "dll3"), ("zb12", "cd3"), ("tlm7", "dll3"), ("tlm7", "cd3")} <= rels(out, "TARGETS")
    assert "dll3" not in names(run(ex, "Helix reported data for DLL3 and CD3 in a review."), "TARGET")


def test_a_receptor_named_by_its_ligand_is_the_receptor(ex):
    out = run(ex, "ZB-12 is an oral GLP-1 receptor agonist. TLM-7 targets the IL-6 receptor.")
    assert {("zb12", "glp1receptor"), ("tlm7", "il6receptor")} <= rels(out, "TARGETS")


def test_tumours_that_express_a_protein_do_not_make_it_the_compounds_target(ex):
    out = run(ex, "ZB-12 failed in patients with breast cancers that overexpress HER3.")
    assert "her3" in names(out, "TARGET") and ("zb12", "her3") not in rels(out, "TARGETS")


def test_payloads_named_after_a_class_description(ex):
    out = run(ex, "ZB-12 is a Trop-2-directed antibody and topoisomerase inhibitor conjugate.")
    assert ("zb12", "topoisomeraseinhibitor") in rels(out, "HAS_PAYLOAD")
    out = run(
        ex,
        "ZB-12 is an ADC: an anti-B7-H3 antibody conjugated to the DNA topoisomerase I inhibitor deruxtecan.",
    )
    assert ("zb12", "deruxtecan") in rels(out, "HAS_PAYLOAD") and "deruxtecan" not in names(out, "COMPOUND")


def test_the_toxin_of_an_immunotoxin_is_its_payload(ex):
    out = run(ex, "ZB-12 is an immunotoxin composed of an anti-CD22 antibody fragment fused to PE38.")
    assert ("zb12", "pe38") in rels(out, "HAS_PAYLOAD")


def test_a_platform_marked_in_ascii_is_a_technology(ex):
    out = run(ex, "ZB-12 is based on Helix's TRACER(TM) technology.")
    assert "tracer" in names(out, "TECHNOLOGY")
    assert ("zb12", "tracertmtechnology") in rels(out, "USES_TECHNOLOGY")
