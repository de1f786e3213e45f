"""Target wording on sentences written for these tests: "an antagonist to X" / "an inhibitor to X" (the
preposition "to" as "of"), and a gene said to be a target ("X is thought to be a challenging target")."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("KT-449 is an oral small molecule antagonist to NR5A1 in preclinical development.", "NR5A1"),
        ("ZB-7, an agonist to GPR119, is in Phase 1 for type 2 diabetes.", "GPR119"),
        ("ZB-9 is a selective inhibitor to KEAP1 in preclinical development.", "KEAP1"),
    ],
)
def test_an_antagonist_to_a_gene_targets_it(ex: Extractor, text: str, target: str) -> None:
    out = run(ex, text)
    assert fold(target) in names(out, "TARGET")
    assert {t for _, t in rels(out, "TARGETS")} == {fold(target)}


@pytest.mark.parametrize(
    "text",
    [
        "Zenvax signed a licence with Merck for its program. KEAP1 is thought to be a critical but "
        "challenging anti-inflammatory target.",
        "Zenvax signed a licence with Merck. JAK1 remains an attractive drug target, said its CEO.",
    ],
)
def test_a_gene_said_to_be_a_target_is_a_target(ex: Extractor, text: str) -> None:
    assert names(run(ex, text), "TARGET") & {fold("KEAP1"), fold("JAK1")}


def test_a_gene_that_is_a_target_of_something_else_is_not_said_a_target(ex: Extractor) -> None:
    assert names(run(ex, "Zenvax said MYC is a target of many academic studies."), "TARGET") == set()


def test_two_names_offered_in_one_parenthesis_are_one_target(ex: Extractor) -> None:
    out = run(
        ex, "KT-449 is an oral antagonist to steroidogenic factor-1 (SF-1 or NR5A1), a nuclear receptor."
    )
    found = [g for g in groups(out, "TARGET") if fold("NR5A1") in g]
    assert len(groups(out, "TARGET")) == 1 and found and fold("SF-1") in found[0]


@pytest.mark.parametrize(
    "text",
    [
        "A Phase 2 trial evaluating the combination of talbumab and PD-1 inhibitor KT-12 in gastric cancer "
        "should start this year.",
        "A Phase 2 trial evaluating talbumab with the PD-1 inhibitor KT-12 in gastric cancer should start.",
    ],
)
def test_an_inhibitor_noun_names_the_compound_after_it(ex: Extractor, text: str) -> None:
    assert (fold("KT-12"), fold("PD-1")) in rels(run(ex, text), "TARGETS")
    assert (fold("talbumab"), fold("PD-1")) not in rels(run(ex, text), "TARGETS")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("ZB-4 is a small molecule that degrades BRD9.", "BRD9"),
        ("ZB-4 is a bifunctional molecule degrading the IRAK4 protein.", "IRAK4"),
        ("ZB-2 is an antisense oligonucleotide designed to reduce the production of tau protein.", "tau"),
    ],
)
def test_degrading_or_lowering_the_production_of_a_gene_targets_it(
    ex: Extractor, text: str, target: str
) -> None:
    assert {t for _, t in rels(run(ex, text), "TARGETS")} == {fold(target)}


def test_a_biomarker_expression_level_is_no_targets_cue(ex: Extractor) -> None:
    assert rels(run(ex, "ZB-12 was tested in patients with high expression of PD-L1."), "TARGETS") == set()
