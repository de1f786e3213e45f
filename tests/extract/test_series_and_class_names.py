"""Names where the knowledge tables are thin: targets written as a slash series
("FGFR1/2/3"), after their class noun or with a class word before the inhibitor noun, microRNAs as the
targets of oligonucleotides, and the trial and compound boundaries of country words and trademark signs.
Sentences invented for these tests (fictional companies and drugs), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_slash_series_of_numbered_targets_gives_one_target_each(ex):
    out = run(ex, "Helix Bio develops ZB-12, an oral FGFR1/2/3 inhibitor, and ZB-14, a JAK1/2 inhibitor.")
    assert {"fgfr1", "fgfr2", "fgfr3", "jak1", "jak2"} <= names(out, "TARGET")
    assert not any(g & {"2", "3", "fgfr123"} for g in groups(out, "TARGET"))
    assert {("zb12", "fgfr2"), ("zb14", "jak2")} <= rels(out, "TARGETS")


def test_a_target_after_its_class_noun_or_before_a_class_word(ex):
    out = run(
        ex,
        "ZB-21 is an inhibitor of the glucose transporters GLUT1 and GLUT3. "
        "ZB-22 is a first-in-class TYK2 allosteric inhibitor. ZB-23 is a third-generation EGFR TKI.",
    )
    assert {"glut1", "glut3", "tyk2", "egfr"} <= names(out, "TARGET")


def test_a_micro_rna_blocked_by_an_oligonucleotide_is_a_target_not_a_compound(ex):
    out = run(
        ex,
        "ZB-31 is an oligonucleotide that binds to and inhibits the function of microRNA-155. "
        "ZB-32, an anti-miR-122, is in Phase 1. Levels of miR-7 were measured.",
    )
    assert {"microrna155", "mir122"} <= names(out, "TARGET")
    assert not names(out, "COMPOUND") & {"mir155", "mir122", "mir7"}
    assert ("zb31", "microrna155") in rels(out, "TARGETS")


def test_an_interleukin_is_no_compound_by_its_stem(ex):
    out = run(ex, "ZB-41 is an antibody against interleukin-23 (IL-23) for psoriasis.")
    assert "interleukin" not in names(out, "COMPOUND")


def test_a_country_between_phase_and_study_is_no_trial_name(ex):
    out = run(ex, "Helix received a milestone for the start of the Phase 2 Japan study of ZB-51 in anemia.")
    assert "japan" not in names(out, "TRIAL")


def test_a_trademarked_two_word_trial_name_is_one_trial_and_no_compound(ex):
    out = run(ex, "The ORBIT DUCHENNE™ Phase I/II trial of ZB-52 is recruiting boys with muscular dystrophy.")
    assert "orbitduchenne" in names(out, "TRIAL")
    assert "duchenne" not in names(out, "COMPOUND")
    assert ("orbitduchenne", "zb52") in rels(out, "EVALUATES")


def test_a_marked_name_spelled_out_or_naming_a_vector_is_no_product(ex):
    out = run(
        ex,
        "ZB-61 is a bispecific antibody built on the BEAT™ (Bi-specific Engagement of Antibodies based on "
        "T cells) platform. ZB-62 uses the NAV® AAV9 vector and commercial-scale cGMP material. "
        "TALVEX® (talbumab) is marketed.",
    )
    assert not names(out, "COMPOUND") & {"beat", "nav", "cgmp"}
    assert "talvex" in names(out, "COMPOUND")
