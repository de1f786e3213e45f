"""Companies and their roles in news reports of a release, on invented sentences: names that open with a
number, "X and Co.", a second word standing for a two-word name, a capitalised descriptor opening the
sentence, an officer's title after the name, "X and licensee Y", a payment "from X to Y"; a sized or
described acquisition, a pronoun's partnerships, a regulator's grant to a company for a compound, and a
possessive "acquisition of rights"."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_company_name_opening_with_a_number(ex: Extractor) -> None:
    out = run(
        ex,
        "On 3 June, 7Cellix announced an exclusive licensing agreement with Orbital Bio, Inc. "
        "7Cellix will receive USD 50 million upfront. Brantic Pharma, Inc. has completed its acquisition of "
        "4-Genomix, a private European-based biopharmaceutical company.",
    )
    assert {"7cellix", "4genomix"} <= names(out, "COMPANY")
    assert ("7cellix", "orbitalbio") in rels(out, "PARTNER_OF") | {(b, a) for a, b in rels(out, "PARTNER_OF")}


def test_and_co_suffix_and_the_second_word_of_a_name(ex: Extractor) -> None:
    out = run(
        ex,
        "The field grows as Eli Marlow and Co. signs a deal that could bring Zentara Oncology Inc. "
        "$1 billion. Marlow will select the targets.",
    )
    marlow = [g for g in groups(out, "COMPANY") if "marlow" in g]
    assert len(marlow) == 1 and "elimarlowand" in marlow[0]


def test_capitalised_descriptor_before_the_announcer(ex: Extractor) -> None:
    out = run(ex, "Biotechnology company Zelvax announced Monday its vaccine ZVX-12 met its Phase 3 goals.")
    assert "zelvax" in names(out, "COMPANY")


def test_officer_title_after_the_company_name(ex: Extractor) -> None:
    out = run(
        ex,
        "The first two patients received ZG-401 in a Phase 1/2 trial, the biotech firm said. "
        '"We are encouraged," Zentagen Founder and CEO Maria Lopez said in a statement.',
    )
    assert "zentagen" in names(out, "COMPANY")


def test_licensee_coordination_and_payment_from_to(ex: Extractor) -> None:
    out = run(
        ex,
        "Velogene and licensee Orbix Therapeutics announce that the first patient was dosed with VG-302. "
        "Separately, the trial start triggers a $12M milestone payment from Quarrel to Tinsel under their "
        "deal.",
    )
    assert {"velogene", "tinsel", "quarrel"} <= names(out, "COMPANY")


def test_sized_acquisition_of_a_described_company(ex: Extractor) -> None:
    out = run(
        ex,
        "Zorbal Pharma, Inc. completed its $3.1 billion acquisition of Denver-based kinase specialist "
        "Quellix Inc. Quellix's lead candidate is QX-212, in Phase 2 for gout.",
    )
    assert ("qx212", "zorbalpharma") in rels(out, "DEVELOPED_BY")


def test_pronoun_subject_partnerships_are_not_between_the_listed(ex: Extractor) -> None:
    out = run(
        ex,
        "Norvale Therapeutics makes antibody-drug conjugates. "
        "It also has partnerships with Harlow Pharma, Inc., Quintar Bio, Inc. and other firms.",
    )
    pairs = {frozenset(p) for p in rels(out, "PARTNER_OF")}
    assert frozenset(("norvaletherapeutic", "harlowpharma")) in pairs
    assert frozenset(("norvaletherapeutic", "quintarbio")) in pairs
    assert frozenset(("harlowpharma", "quintarbio")) not in pairs


def test_designation_granted_to_a_company_for_a_compound(ex: Extractor) -> None:
    out = run(
        ex,
        "Kestrel Pharma A/S develops KP-7 for short bowel syndrome. Last year, the FDA also granted orphan "
        "drug designation to Napora Pharmaceuticals for Velmyx (crofelemer) in short bowel syndrome.",
    )
    devs = rels(out, "DEVELOPED_BY")
    assert ("velmyx", "naporapharmaceutical") in devs and ("velmyx", "kestrelpharma") not in devs


def test_possessive_acquisition_of_rights_from_a_licensor(ex: Extractor) -> None:
    out = run(
        ex,
        "Ardent Therapeutics has started a Phase 1 trial of its antibody, AT-301. This follows Ardent "
        "Therapeutics' acquisition of sole global rights for AT-301 from Pexomab Pharmaceuticals in 2022.",
    )
    assert ("at301", "ardenttherapeutic") in rels(out, "LICENSED_TO")
    assert ("at301", "pexomabpharmaceutical") in rels(out, "DEVELOPED_BY")


def test_sponsor_act_and_returned_rights_name_companies(ex: Extractor) -> None:
    out = run(
        ex,
        "Respiratory vaccine (ZX-1): Norvell has filed an investigational new drug (IND) application with "
        "the FDA for ZX-1. Separately, Tarrow has returned rights to Zentagen Therapeutics for ZX-9.",
    )
    assert {"norvell", "tarrow"} <= names(out, "COMPANY")
    assert ("zx1", "norvell") in rels(out, "DEVELOPED_BY")
    assert frozenset(("tarrow", "zentagentherapeutic")) in {frozenset(p) for p in rels(out, "PARTNER_OF")}


def test_acquirer_takes_the_compound_the_acquired_issuer_develops_by_default(ex: Extractor) -> None:
    out = run(
        ex,
        "Quellix Inc. reported that Zorbal Pharma, Inc. completed its $3.1 billion acquisition of Quellix. "
        "Quellix, whose lead product candidate is QX-531, is a precision medicine company. "
        "QX-531 is in Phase 2 for gout.",
    )
    devs = rels(out, "DEVELOPED_BY")
    assert ("qx531", "quellix") in devs and ("qx531", "zorbalpharma") in devs


def test_issuer_and_its_named_licensee_announce_together(ex: Extractor) -> None:
    out = run(
        ex,
        "Velogene and licensee Orbix Therapeutics (NASDAQ:ORBX) announce that the first patient has been "
        "dosed in a Phase 2/3 trial of VG-302 in Sanfilippo syndrome.",
    )
    assert ("vg302", "orbixtherapeutic") in rels(out, "LICENSED_TO")
    assert ("vg302", "velogene") in rels(out, "DEVELOPED_BY")


def test_whose_lead_candidate_is_names_the_owner(ex: Extractor) -> None:
    out = run(
        ex,
        "Orvana Bio, Inc. reported results. Quellix Inc. — whose lead product candidate is blood cancer "
        "therapy QX-531 — will delist. Tarrix Inc., whose lead candidate is TX-12, is private.",
    )
    devs = rels(out, "DEVELOPED_BY")
    assert ("qx531", "quellix") in devs and ("tx12", "tarrix") in devs
    assert ("qx531", "orvanabio") not in devs
