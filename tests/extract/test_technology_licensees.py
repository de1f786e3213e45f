"""Who uses a platform: its licensee named after it, the partner of a deal for it, the owner named by "its",
the subject of a clause opening with it, and owned platform phrases after "Inc.'s". Sentences invented for
these tests (fictional companies, drugs and platforms), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor

HELIX = "Helix Biosciences, Inc."
MIROVO = "Mirovo Therapeutics, Inc."


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _users(out: dict, tech: str) -> set[str]:
    return {s for s, o in rels(out, "USES_TECHNOLOGY") if o.startswith(tech)}


def test_the_companies_a_platform_is_licensed_to_use_it(ex):
    out = run(ex, f"{HELIX} licensed its XpressLink(TM) platform to {MIROVO} and Korvant Pharma, Inc.")
    assert _users(out, "xpresslink") == {"helixbioscience", "mirovotherapeutic", "korvantpharma"}
    out = run(ex, f"{HELIX} has licensed its Zentrix(TM) technology to {MIROVO} for the development of ADCs.")
    assert _users(out, "zentrix") == {"helixbioscience", "mirovotherapeutic"}


def test_the_company_a_deal_for_a_platform_is_with_uses_it(ex):
    out = run(
        ex,
        f"{HELIX} entered into a platform license agreement with {MIROVO} for its GlycoTune ADC technology.",
    )
    assert _users(out, "glycotune") == {"helixbioscience", "mirovotherapeutic"}


def test_a_company_a_platform_is_only_shown_to_does_not_use_it(ex):
    out = run(ex, f"{HELIX} presented its Zentrix(TM) technology to {MIROVO} at a scientific meeting.")
    assert _users(out, "zentrix") == {"helixbioscience"}


def test_its_platform_is_the_last_named_company_s(ex):
    out = run(ex, f"{HELIX} today announced the expansion of its Zorax(TM) platform into autoimmune disease.")
    assert _users(out, "zorax") == {"helixbioscience"}


def test_a_clause_opening_with_the_platform_is_said_of_the_subject_after_it(ex):
    out = run(ex, "Leveraging its ThioBridge technology, Abzen Ltd designed AZ-55, a site-specific ADC.")
    assert {"abzen", "az55"} <= _users(out, "thiobridge")
    out = run(ex, f"Using the Zorax(TM) platform licensed from {HELIX}, {MIROVO} generated MV-4.")
    assert {"helixbioscience", "mirovotherapeutic"} <= _users(out, "zorax")


def test_an_owned_platform_phrase_after_a_legal_suffix_s_possessive(ex):
    out = run(ex, f"{MIROVO} licensed rights to {HELIX}'s site-specific conjugation technology.")
    assert "sitespecificconjugationtechnology" in names(out, "TECHNOLOGY")
    assert _users(out, "sitespecific") == {"helixbioscience", "mirovotherapeutic"}
    out = run(ex, f"{MIROVO} will use {HELIX}'s Alco7 and Zorax platforms.")
    assert {"alco7", "zorax"} <= names(out, "TECHNOLOGY")


def test_more_use_verbs_and_a_passive_with_a_modal(ex):
    out = run(ex, f"{MIROVO} in-licensed {HELIX}'s XmAb(R) technology.")
    assert _users(out, "xmab") == {"helixbioscience", "mirovotherapeutic"}
    out = run(ex, f"{MIROVO} selected {HELIX}'s Trivex(R) platform for its next-generation ADC program.")
    assert _users(out, "trivex") == {"helixbioscience", "mirovotherapeutic"}
    out = run(ex, f"{HELIX}'s T-cell engager platform will be used by {MIROVO} to create three candidates.")
    assert _users(out, "tcellengager") == {"helixbioscience", "mirovotherapeutic"}


def test_the_companies_of_a_deal_using_one_s_platform_both_use_it(ex):
    out = run(
        ex,
        f"{MIROVO} and {HELIX} announced a research collaboration. The companies will discover antibodies "
        "against three targets using Helix's Humabody(R) platform.",
    )
    assert _users(out, "humabody") == {"helixbioscience", "mirovotherapeutic"}


def test_the_owner_after_a_defined_platform_name(ex):
    out = run(
        ex,
        f"{MIROVO} licensed the KLAMP(TM) (Kinase-Linked Antibody Masking Peptide) technology from {HELIX}.",
    )
    assert _users(out, "klamp") == {"helixbioscience", "mirovotherapeutic"}
