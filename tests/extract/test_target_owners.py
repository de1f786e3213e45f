"""Which compound a target belongs to: a combination partner's target is not the compound's, a drug class
names the drugs it gives its target to, and a sentence that refers back to the compound of the sentence
before ("This marks ...", "this first-in-class treatment") gives it its target. Also a symbol's number in
Roman numerals. Sentences invented for these tests (fictional companies and drugs), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_target_after_a_combination_cue_is_the_partners(ex):
    out = run(
        ex,
        "ZB-12 is being studied in combination with anti-PD-1 checkpoint inhibitors in solid tumours. "
        "HX-40 will be given plus a humanized anti-HER3 antibody.",
    )
    assert {"pd1", "her3"} <= names(out, "TARGET")
    assert not rels(out, "TARGETS")


def test_a_partner_named_with_its_own_target_keeps_it(ex):
    out = run(
        ex, "ZB-12 is being tested in combination with zorolimab, an anti-PD-1 antibody, in lung cancer."
    )
    assert rels(out, "TARGETS") == {("zorolimab", "pd1")}


def test_a_drug_class_gives_its_target_to_the_drugs_it_names(ex):
    out = run(
        ex,
        "Helix Bio develops ZB-12 for lung cancer. ZB-12 was active in patients who had progressed on EGFR "
        "inhibitors such as HX-301 and HX-302, and after HER2-directed therapies with HX-401 and HX-402.",
    )
    assert {("hx301", "egfr"), ("hx302", "egfr"), ("hx401", "her2"), ("hx402", "her2")} <= rels(
        out, "TARGETS"
    )
    assert not {("zb12", "egfr"), ("zb12", "her2")} & rels(out, "TARGETS")


def test_the_drugs_a_class_names_are_not_the_issuers_by_default(ex):
    out = run(
        ex,
        "Helix Bio announced results for ZB-12 in lung cancer. Patients had progressed on EGFR inhibitors "
        "such as HX-301.",
    )
    assert ("hx301", "egfr") in rels(out, "TARGETS")
    assert not any(s == "hx301" for s, _ in rels(out, "DEVELOPED_BY"))


def test_a_sentence_that_refers_back_gives_its_target_to_the_compound_before(ex):
    out = run(
        ex,
        "Helix Bio dosed the first patient with ZB-12, its allogeneic CAR T-cell product. This marks the "
        "first allogeneic CAR T-cell candidate targeting CD70 to enter the clinic. Orbis Bio received "
        "clearance to study HX-9 in breast cancer. The company will open sites for this potential "
        "first-in-class treatment, a bispecific antibody targeting HER2 and CD3.",
    )
    assert {("zb12", "cd70"), ("hx9", "her2"), ("hx9", "cd3")} <= rels(out, "TARGETS")


def test_no_compound_is_meant_when_the_sentence_before_names_two(ex):
    out = run(
        ex,
        "Helix Bio develops ZB-12 and ZB-14 for lymphoma. This is the first program targeting CD70 in "
        "the company's pipeline.",
    )
    assert not rels(out, "TARGETS")


def test_a_symbols_number_in_roman_numerals(ex):
    out = run(ex, "ZB-12 is an oral inhibitor of the phosphate transporters NaPi-IIb and PiT-1.")
    assert {"napiiib", "pit1"} <= names(out, "TARGET")
    assert {("zb12", "napiiib"), ("zb12", "pit1")} <= rels(out, "TARGETS")


def test_a_sentence_about_the_drug_by_its_modality_noun_gives_the_compound_before_its_target(ex):
    out = run(
        ex,
        "Helix Bio dosed the first patient with ZB-12 in lung cancer. The investigational radioligand binds "
        "to PSMA with high affinity. Orbis Bio began a trial of HX-9. The CAR T cells recognize CD70.",
    )
    assert {("zb12", "psma"), ("hx9", "cd70")} <= rels(out, "TARGETS")


def test_a_sentence_about_the_treatment_of_patients_gives_no_target(ex):
    out = run(
        ex,
        "Helix Bio dosed the first patient with ZB-12 in lung cancer. The treatment of patients with EGFR "
        "mutations remains difficult.",
    )
    assert not rels(out, "TARGETS")
