"""Platforms defined by a long form before their abbreviation, platforms called by their bare name, long owned
platform phrases, and the founders of a platform's owner: sentences invented for these tests (fictional
companies, drugs and platforms), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _group_with(out: dict, key: str) -> set[str]:
    return next((g for g in groups(out, "TECHNOLOGY") if key in g), set())


def test_a_long_form_spelling_the_abbreviation_then_modifier_words_is_a_platform(ex):
    out = run(
        ex,
        "KV-318 leverages Kestrel Therapeutics' proprietary Helical Antigen Lattice Option (HALO) protein "
        "engineering technology, which aims to sharpen receptor binding.",
    )
    halo = _group_with(out, "helicalantigenlatticeoption")
    assert halo, names(out, "TECHNOLOGY")
    assert {("kv318", t) for t in halo} & rels(out, "USES_TECHNOLOGY")
    assert {("kestreltherapeutic", t) for t in halo} & rels(out, "USES_TECHNOLOGY")


def test_an_abbreviation_with_lower_case_letters_after_its_long_form(ex):
    out = run(ex, "Palanor Pharma will license Quorvia's proprietary bead surface display (bSD) platform.")
    bsd = _group_with(out, "beadsurfacedisplay")
    assert bsd, names(out, "TECHNOLOGY")
    assert {("palanorpharma", t) for t in bsd} & rels(out, "USES_TECHNOLOGY")


def test_a_long_form_with_a_small_joining_word(ex):
    out = run(
        ex,
        "Amberlyn Inc. designed AMB-5 with its Targeted Release by Enzyme Knockdown (TREK) delivery "
        "platform.",
    )
    assert _group_with(out, "targetedreleasebyenzymeknockdown"), names(out, "TECHNOLOGY")


def test_an_abbreviation_its_long_form_does_not_spell_is_no_platform_name(ex):
    out = run(ex, "Orvane said its novel peptide carrier (zPX) technology remains in research.")
    assert not any("peptidecarrier" in n for n in names(out, "TECHNOLOGY") if "zpx" in n)
    assert "novelpeptidecarrierzpxtechnology" not in names(out, "TECHNOLOGY")


def test_a_capitalised_platform_is_called_by_its_words_alone_later(ex):
    out = run(
        ex,
        "Helix Biosciences closed its purchase of Tarvin Bio, whose assets include the Corvana Display "
        "technology platform. Tarvin Bio has been applying Corvana Display to discover antibodies to four "
        "targets.",
    )
    corvana = _group_with(out, "corvanadisplaytechnologyplatform")
    assert "corvanadisplay" in corvana, groups(out, "TECHNOLOGY")
    assert ("tarvinbio", "corvanadisplaytechnologyplatform") in rels(out, "USES_TECHNOLOGY")


def test_a_trademarked_hyphenated_platform_name_is_kept_without_its_noun(ex):
    out = run(ex, "ZT-40 was discovered with our K-LINK™ technology, Dr. Amos Reyes of Zentra Bio said.")
    assert "klink" in _group_with(out, "klinktechnology"), groups(out, "TECHNOLOGY")


def test_an_owned_platform_phrase_of_four_words(ex):
    out = run(
        ex,
        "The study again shows the strength of Pellora Pharma's proprietary oral peptide drug delivery "
        "technology for daily dosing.",
    )
    assert "oralpeptidedrugdeliverytechnology" in names(out, "TECHNOLOGY")
    assert ("pellorapharma", "oralpeptidedrugdeliverytechnology") in rels(out, "USES_TECHNOLOGY")


def test_the_founders_of_a_platform_owner_do_not_use_its_platform(ex):
    out = run(
        ex,
        "Brisen Therapeutics signed an agreement with Calvani, a joint venture formed by Orrin Labs and "
        "Tavelle Bio, to license Calvani's proprietary nanoring particle (NRP) technology for influenza.",
    )
    nrp = _group_with(out, "nanoringparticlenrptechnology")
    assert nrp, names(out, "TECHNOLOGY")
    users = {s for s, t in rels(out, "USES_TECHNOLOGY") if t in nrp}
    assert "brisentherapeutic" in users
    assert not users & {"orrinlab", "tavellebio"}


def test_a_modality_with_a_platform_noun_is_no_platform_unless_owned(ex):
    out = run(
        ex,
        "Brenmoor Bio described a broad application of RNAi technology to lung disease. Velsa is a "
        "next-generation ADC platform technology.",
    )
    assert not names(out, "TECHNOLOGY") & {"rnaitechnology", "adcplatformtechnology", "adcplatform"}


def test_an_owned_modality_phrase_is_a_platform_of_its_owner(ex):
    out = run(
        ex, "Brenmoor Bio will apply Kestrel Pharma's industry-leading ADC technology to two antibodies."
    )
    assert "adctechnology" in names(out, "TECHNOLOGY")
    assert ("kestrelpharma", "adctechnology") in rels(out, "USES_TECHNOLOGY")


def test_an_owned_phrase_around_a_modality_is_the_platform(ex):
    out = run(
        ex, "Orrin Labs licensed Tavelle Bio's double-stranded RNAi technology for three liver targets."
    )
    assert "doublestrandedrnaitechnology" in names(out, "TECHNOLOGY")
    assert "rnaitechnology" not in names(out, "TECHNOLOGY")


def test_a_modality_defined_by_its_long_form_is_a_platform_only_when_owned(ex):
    out = run(
        ex,
        "Orvane Bio tested an antibody-drug conjugate (ADC) linker platform in mice. Tavelle Bio will use "
        "Kestrel Pharma's proprietary antibody-drug conjugate (ADC) linker technology for OV-7.",
    )
    found = names(out, "TECHNOLOGY")
    assert not any("adclinkerplatform" in n for n in found), found
    assert any("adclinkertechnology" in n for n in found), found
