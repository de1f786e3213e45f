"""Invented sentences: a trial's name set off by commas after the trial noun and followed by what it tests
("a Phase 2/3 trial, AAVista, evaluating ZB-12"), and a bare class noun opening a sentence as its subject
("The antibody leverages Helix's Trimora technology") as the compound last talked about, not where the next
word makes it a noun phrase of its own ("The treatment of gout ..."); the country "US" is no company
pronoun."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        (
            "The first patient was dosed in a Phase 2/3 clinical trial, AAVista, evaluating ZB-12 in gout.",
            "aavista",
        ),
        ("Zymora, Inc. has begun a pivotal study, BioNexa, with ZB-12 in gout.", "bionexa"),
    ],
)
def test_a_trial_name_set_off_after_the_trial_noun(ex: Extractor, text: str, trial: str) -> None:
    out = run(ex, text)
    assert trial in names(out, "TRIAL")
    assert (trial, "zb12") in rels(out, "EVALUATES")


def test_a_body_set_off_after_the_trial_noun_is_no_trial(ex: Extractor) -> None:
    assert names(run(ex, "The results of the study, FDA said, were positive for ZB-12."), "TRIAL") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Zymora, Inc. has started a Phase 1 trial of ZB-12. ZB-12 was well tolerated in animals. These"
        " findings suggest a wide window. The antibody leverages Helix's Trimora technology.",
        "Zymora, Inc. has dosed patients with ZB-12. The treatment leverages Helix's Trimora technology.",
    ],
)
def test_a_class_noun_opening_a_sentence_is_the_last_compound(ex: Extractor, text: str) -> None:
    assert ("zb12", "trimora") in {
        (c, t.replace("technology", "")) for c, t in rels(run(ex, text), "USES_TECHNOLOGY")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Zymora, Inc. develops ZB-12. The treatment of gout remains difficult in Europe.",
        "Zymora, Inc. develops ZB-12. The therapy landscape for gout is changing.",
        "Zymora, Inc. develops ZB-12. The antibody component binds the target.",
        "Zymora, Inc. develops ZB-12 and TLM-7. The antibody is conjugated to MMAE.",
    ],
)
def test_a_class_noun_of_its_own_is_no_anaphor(ex: Extractor, text: str) -> None:
    doc = ex.nlp(text)
    assert not [m for m in doc._.pkg_coref if m[3] == "COMPOUND" and m[0] > text.index(".")]


def test_the_country_us_is_no_company_pronoun(ex: Extractor) -> None:
    text = "Zymora, Inc. develops ZB-12. ZB-12, built on Helix's XQ5 platform, has IND clearance in the US."
    assert not [m for m in ex.nlp(text)._.pkg_coref if m[3] == "COMPANY"]


def test_the_pronoun_us_still_reads(ex: Extractor) -> None:
    text = "Zymora, Inc. develops ZB-12. The data encourage us to advance ZB-12."
    assert [m for m in ex.nlp(text)._.pkg_coref if m[3] == "COMPANY"]
