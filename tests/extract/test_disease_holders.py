"""A DISEASE is the indication of a named compound (annotation Conventions), on sentences written for these
tests: a disease no compound holds leaves the entities; a disease said as the modifier of a singular drug
noun ("its <disease> vaccine") is said as an indication; a list ending in "other <broader class>" is one
list; "X with Y" names one disease."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_disease_no_compound_holds_is_no_entity(ex: Extractor) -> None:
    out = run(
        ex,
        "KT-44 is in Phase 2 for gout. Enrollment was slowed by the influenza epidemic. Zenvax also runs "
        "early programs in different types of cancer, including multiple myeloma.",
    )
    assert names(out, "DISEASE") == {fold("gout")}
    assert rels(out, "INDICATION") == {(fold("KT-44"), fold("gout"))}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Zenvax announced its COVID-19 vaccine protected 90% of participants in a Phase 3 trial. "
            "The vaccine, ZV-2373, is a protein-based vaccine.",
            ("ZV-2373", "COVID-19"),
        ),
        (
            "Zenvax said its gout drug met the main goal. The drug, KT-44, is taken once a day.",
            ("KT-44", "gout"),
        ),
    ],
)
def test_a_disease_before_a_drug_noun_is_the_sole_compounds_indication(
    ex: Extractor, text: str, pair: tuple[str, str]
) -> None:
    assert rels(run(ex, text), "INDICATION") == {(fold(pair[0]), fold(pair[1]))}


def test_a_plural_drug_noun_gives_no_compound_the_disease(ex: Extractor) -> None:
    out = run(ex, "Zenvax develops COVID-19 vaccines. Its lead product is KT-44, an antibody.")
    assert rels(out, "INDICATION") == set()


def test_a_list_ending_in_other_broader_diseases_shares_its_compound(ex: Extractor) -> None:
    out = run(
        ex,
        "ZB-12 binds the KT7 antigen, found on most renal tumors and on many small-cell lung cancers. "
        "The findings support a Phase 2 program. Possible Phase 2 areas include liver cancer, "
        "bladder cancer, other abdominal cancers, and small-cell lung cancers, but Phase 2 awaits a "
        "partner for the compound.",
    )
    assert {(fold("ZB-12"), fold(d)) for d in ("liver cancer", "bladder cancer")} <= rels(out, "INDICATION")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "KT-44 received orphan designation for hepatorenal syndrome with acute kidney injury.",
            "hepatorenal syndrome",
            "acute kidney injury",
        ),
        (
            "KT-44 is being tested in type 2 diabetes with chronic kidney disease.",
            "type 2 diabetes",
            "chronic kidney disease",
        ),
    ],
)
def test_a_disease_with_another_is_one_disease(ex: Extractor, text: str, first: str, second: str) -> None:
    found = groups(run(ex, text), "DISEASE")
    assert len(found) == 1 and {fold(first), fold(second)} <= found[0]


def test_a_plural_abbreviation_defines_the_long_form_of_a_table_disease(ex: Extractor) -> None:
    out = run(
        ex, "ZB-4 is a gene therapy to treat inherited retinal dystrophies (IRDs) caused by gene defects."
    )
    assert {fold("inherited retinal dystrophies"), fold("IRDs")} <= names(out, "DISEASE")


def test_a_long_list_whose_members_open_with_modifiers_shares_its_compound(ex: Extractor) -> None:
    out = run(
        ex,
        "Zenvax will treat Stargardt disease with ZB-4 and, in time, a longer roster of rare eye conditions "
        "that begin in youth: Usher syndrome (XUSH), severe early-onset macular degeneration, and retinitis "
        "pigmentosa.",
    )
    assert (fold("ZB-4"), fold("retinitis pigmentosa")) in rels(out, "INDICATION")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Zenvax expects to advance ZB-1 and ZB-2 into their next phases of clinical development in "
            "spinal cord injury and oncology, respectively.",
            ("ZB-1", "spinal cord injury"),
        ),
        (
            "Zenvax expects to advance ZB-1 and ZB-2 into their next phases of clinical development in "
            "oncology and spinal cord injury, respectively.",
            ("ZB-2", "spinal cord injury"),
        ),
    ],
)
def test_respectively_pairs_by_position_when_one_member_is_no_disease(
    ex: Extractor, text: str, pair: tuple[str, str]
) -> None:
    assert rels(run(ex, text), "INDICATION") == {(fold(pair[0]), fold(pair[1]))}


def test_the_second_name_after_the_combination_of_is_a_partner(ex: Extractor) -> None:
    out = run(
        ex,
        "A Phase 2 trial evaluating the combination of talbumab and PD-1 inhibitor KT-12 in gastric cancer "
        "should start this year.",
    )
    assert rels(out, "INDICATION") == {(fold("talbumab"), fold("gastric cancer"))}


def test_a_disease_program_names_the_compound_after_it(ex: Extractor) -> None:
    out = run(ex, "Zenvax said its Alzheimer's disease program ZB-9 will enter Phase 2.")
    assert rels(out, "INDICATION") == {(fold("ZB-9"), fold("Alzheimer's disease"))}


def test_a_company_program_in_a_disease_names_no_disease(ex: Extractor) -> None:
    out = run(ex, "Zenvax is a company with a gout program. ZB-4 is in Phase 1 for psoriasis.")
    assert names(out, "DISEASE") == {fold("psoriasis")}


@pytest.mark.parametrize(
    ("text", "disease"),
    [
        (
            "ZB-12 met its primary endpoint. Zenvax plans to file for approval in hidradenitis suppurativa "
            "next year.",
            "hidradenitis suppurativa",
        ),
        (
            "ZB-12, Zenvax's lead asset, is approved in the US. The FDA also granted it Breakthrough Therapy "
            "designation for lupus nephritis.",
            "lupus nephritis",
        ),
    ],
)
def test_an_approval_or_designation_in_a_disease_is_the_salient_compounds(
    ex: Extractor, text: str, disease: str
) -> None:
    assert rels(run(ex, text), "INDICATION") == {(fold("ZB-12"), fold(disease))}


def test_a_disease_model_is_disease_context(ex: Extractor) -> None:
    out = run(ex, "ZB-12 demonstrated efficacy in a mouse model of Huntington's disease.")
    assert rels(out, "INDICATION") == {(fold("ZB-12"), fold("Huntington's disease"))}


def test_a_disease_drug_beside_a_compound_with_its_own_indication_is_another_product(ex: Extractor) -> None:
    out = run(
        ex,
        "Zenvax is known for its blockbuster psoriasis drug. ZB-4, a new antibody, is in Phase 1 for gout.",
    )
    assert rels(out, "INDICATION") == {(fold("ZB-4"), fold("gout"))}
    assert names(out, "DISEASE") == {fold("gout")}
