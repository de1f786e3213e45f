"""Reading cues, each on invented sentences with fictional names: the announcer of a lead sentence without
a legal suffix or of a headline before a company verb, spaced sponsor codes with four digits or in
parentheses, and the developer of a compound made with a technology as that technology's user."""

from __future__ import annotations

from typing import Any

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _read(ex: Extractor, text: str) -> tuple[dict[str, set[str]], set[tuple[str, str, str]]]:
    """Entities as {TYPE: folded names} and relations as (TYPE, subject name, object name or value)."""
    out: dict[str, Any] = ex.extract_one(Document("r10b", "r10b", text, meta={})).to_contract()
    names = {e["id"]: e["name"] for e in out["entities"]}
    types: dict[str, set[str]] = {}
    for e in out["entities"]:
        types.setdefault(e["type"], set()).update(fold(n) for n in [e["name"], *e["aliases"]])
    facts = {
        (r["type"], fold(names[r["subject"]]), fold(names.get(r.get("object"), str(r.get("value")))))
        for r in out["relations"]
    }
    return types, facts


@pytest.mark.parametrize(
    ("text", "company", "compound"),
    [
        (
            "Helix Antibody Technology today announced that it has started a Phase 1 trial of ZB-12, a human "
            "anti-IL-13 antibody, in severe asthma.",
            "Helix Antibody Technology",
            "ZB-12",
        ),
        (
            "Corvane Gene Therapy announced today that it has dosed the first patient in its Phase 1 trial "
            "of CV-301.",
            "Corvane Gene Therapy",
            "CV-301",
        ),
        (
            "US biotech firm Corvane said Thursday it was starting a Phase 3 trial of its vaccine CV-2373.",
            "Corvane",
            "CV-2373",
        ),
        (
            "Oncology drug developer Talmera said on Monday that its TLM-7 met its main goal.",
            "Talmera",
            "TLM-7",
        ),
    ],
)
def test_lead_subject_is_the_announcing_company(
    ex: Extractor, text: str, company: str, compound: str
) -> None:
    types, facts = _read(ex, text)
    assert fold(company) in types.get("COMPANY", set())
    assert ("DEVELOPED_BY", fold(compound), fold(company)) in facts


@pytest.mark.parametrize(
    "text",
    [
        "The Company today announced results of its Phase 2 trial of ZB-12.",
        "Northfield University today announced a study of ZB-12.",
        "Phase Three Results today announced by the sponsor were positive for ZB-12.",
    ],
)
def test_lead_subject_needs_a_company_name(ex: Extractor, text: str) -> None:
    types, _facts = _read(ex, text)
    assert not types.get("COMPANY")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "Corvane Announces First Patient Dosed with CV-301\n\nThe Phase 1 trial of CV-301 is open.",
            "Corvane",
        ),
        ("Talmera Out-Licenses TLM-7 to a Partner in Asia\n\nThe license covers TLM-7 in Japan.", "Talmera"),
        ("Talmera and Ostrava Enter Into License Agreement for TLM-7\n\nTLM-7 is in Phase 2.", "Talmera"),
    ],
)
def test_the_name_opening_a_headline_before_a_company_verb_is_a_company(
    ex: Extractor, text: str, company: str
) -> None:
    types, _facts = _read(ex, text)
    assert fold(company) in types.get("COMPANY", set())


@pytest.mark.parametrize(
    "text",
    [
        "Novel ADC Enters Phase 1 Trial\n\nZB-12 is in a Phase 1 trial.",
        "Positive Results Announced for ZB-12 in Lung Cancer\n\nZB-12 met its goal.",
    ],
)
def test_a_headline_opening_with_no_company_verb_gives_no_company(ex: Extractor, text: str) -> None:
    types, _facts = _read(ex, text)
    assert not types.get("COMPANY")


def test_spaced_codes_with_four_digits_or_in_parentheses(ex: Extractor) -> None:
    types, facts = _read(
        ex,
        "Helix Pharmaceuticals said ZBX 1342, its bispecific antibody, is in a Phase 1 trial for multiple "
        "myeloma. Talbumab (ZB 197) is an oral inhibitor of c-Met developed by Helix Pharmaceuticals.",
    )
    assert {fold("ZBX 1342"), fold("ZB 197")} <= types["COMPOUND"]
    assert ("IN_PHASE", fold("ZBX 1342"), fold("Phase 1")) in facts


@pytest.mark.parametrize(
    "text",
    [
        "Helix presented the data at ASCO 2019 in Chicago.",
        "The fee of EUR 1500 was paid in 2021.",
        "The plant is certified to ISO 9001 since 2015.",
    ],
)
def test_spaced_numbers_that_are_no_codes(ex: Extractor, text: str) -> None:
    types, _facts = _read(ex, text)
    assert not types.get("COMPOUND")


def test_trial_that_evaluated_endpoints_of_the_compound_introduces_it(ex: Extractor) -> None:
    _types, facts = _read(
        ex,
        "Helix Pharmaceuticals presented results from a Phase 1 study that evaluated the safety, "
        "tolerability, pharmacokinetics, and pharmacodynamics of ZB-34 in obese adults.",
    )
    assert ("IN_PHASE", fold("ZB-34"), fold("Phase 1")) in facts


@pytest.mark.parametrize(
    "text",
    [
        "The Phase 3 JUNO trial enrolled patients with hepatocellular carcinoma with a history of prior "
        "zelafenib therapy, to evaluate the efficacy of ZB-12.",
        "Helix Pharmaceuticals is testing ZB-12 in patients with renal cancer who progressed on zelafenib.",
        "ZB-12 is being studied in adults with melanoma refractory to talbumab.",
    ],
)
def test_prior_therapy_is_no_compound_of_the_trial(ex: Extractor, text: str) -> None:
    _types, facts = _read(ex, text)
    assert not {f for f in facts if f[1] in (fold("zelafenib"), fold("talbumab"))}


def test_sentence_opening_with_target_and_class_speaks_of_the_last_compound(ex: Extractor) -> None:
    _types, facts = _read(
        ex,
        "Helix Pharmaceuticals presented results from a Phase 1 study of ZB-34 in obese adults. This "
        "investigational GLP-1 receptor agonist demonstrated substantial weight loss.",
    )
    assert ("TARGETS", fold("ZB-34"), fold("GLP-1 receptor")) in facts


def test_target_and_class_as_a_drug_class_is_no_anaphor(ex: Extractor) -> None:
    _types, facts = _read(
        ex, "ZB-12 showed weight loss in mice. The GLP-1 receptor agonist class has grown in recent years."
    )
    assert not {f for f in facts if f[0] == "TARGETS"}


def test_engineered_cells_are_the_cell_therapy(ex: Extractor) -> None:
    _types, facts = _read(
        ex,
        "ZB-19 is an allogeneic CAR T product developed by Helix Pharmaceuticals. The engineered cells "
        "target CD123, an antigen expressed on leukemic cells.",
    )
    assert ("TARGETS", fold("ZB-19"), fold("CD123")) in facts


def test_engineered_cells_skip_a_trademarked_editing_tool(ex: Extractor) -> None:
    """ "employs EDITR® gene edited CAR T cells": the marked name is a tool of the product, not a compound."""
    types, facts = _read(
        ex,
        "ZB-19 is an allogeneic product which employs EDITR® gene edited CAR T cells derived from donors. "
        "The engineered cells target CD123, an antigen expressed at the surface of leukemic cells.",
    )
    assert fold("EDITR") not in types.get("COMPOUND", set())
    assert ("TARGETS", fold("ZB-19"), fold("CD123")) in facts


def test_age_adjective_in_ile_belongs_to_the_disease(ex: Extractor) -> None:
    types, _facts = _read(
        ex,
        "Helix Pharmaceuticals is developing ZB-4 for infantile hemangioma and juvenile idiopathic "
        "arthritis.",
    )
    assert {fold("infantile hemangioma"), fold("juvenile idiopathic arthritis")} <= types["DISEASE"]


def test_code_of_a_capitalised_word_is_the_compound_not_the_company(ex: Extractor) -> None:
    types, facts = _read(
        ex,
        "Helix Therapeutics presented interim data on a Phase I trial for age-related macular degeneration "
        "(AMD). The data show that Helix's siRNA molecule, Helix-027, targeting VEGFR-1 is safe.",
    )
    assert fold("Helix-027") in types["COMPOUND"]
    assert fold("Helix-027") not in types["COMPANY"]
    assert ("TARGETS", fold("Helix-027"), fold("VEGFR-1")) in facts


@pytest.mark.parametrize(
    "text", ["The Horizon-2020 grant funds Study-101.", "Cohort-202 and Part-301 opened."]
)
def test_numbered_words_that_are_no_codes(ex: Extractor, text: str) -> None:
    types, _facts = _read(ex, text)
    assert not types.get("COMPOUND")


def test_spelled_out_target_name_before_receptor_is_the_receptor(ex: Extractor) -> None:
    types, facts = _read(ex, "ZB-14 targets the Vascular Endothelial Growth Factor Receptor 2 (VEGFR2).")
    assert fold("Vascular Endothelial Growth Factor") not in types["TARGET"]
    assert fold("VEGFR2") in types["TARGET"]
    assert ("TARGETS", fold("ZB-14"), fold("Vascular Endothelial Growth Factor Receptor 2")) in facts


def test_disease_short_name_is_no_compound(ex: Extractor) -> None:
    types, facts = _read(
        ex,
        "Helix Bio announced that the first patient was dosed in its Phase 1/2 trial of HB-01, a gene "
        "therapy for infantile GM2 gangliosidosis (GM2). GM2, a rare lysosomal storage disease, is caused "
        "by mutations.",
    )
    assert fold("GM2") not in types["COMPOUND"]
    assert fold("GM2") in types["DISEASE"]
    assert not {f for f in facts if f[1] == fold("GM2")}
