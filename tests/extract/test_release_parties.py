"""The parties of a release on invented sentences: who a short name stands
for, who holds a licence's development rights, who is granted rights."""

from __future__ import annotations

import pytest
from contract_view import groups, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_deal_short_name_is_the_company_written_with_and_without_its_suffix(ex: Extractor) -> None:
    out = run(
        ex,
        "Quintor Discovery Inc. today announced a collaboration with Orbital Pharmaceuticals. Under the "
        "collaboration with Quintor, Quintor Discovery brings its screening library.",
    )
    quintor = [g for g in groups(out, "COMPANY") if "quintor" in g]
    assert len(quintor) == 1 and "quintordiscovery" in quintor[0]


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals announced that Orbital Bio received worldwide exclusive rights to ZB-12.",
        "Under the agreement, Helix Pharmaceuticals grants Orbital Bio an exclusive license to ZB-12.",
    ],
)
def test_unlimited_rights_to_a_compound_make_the_licensee_a_developer(ex: Extractor, text: str) -> None:
    out = run(
        ex, text + " Helix Pharmaceuticals will receive $10 million. Helix Pharmaceuticals retains Europe."
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "orbitalbio") in rels(out, "DEVELOPED_BY")


def test_marketing_rights_make_no_developer(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals said that Orbital Bio received exclusive marketing rights to ZB-12.")
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "orbitalbio") not in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize("verb", ["is granted", "was granted", "has been granted", "will be granted"])
def test_the_company_granted_rights_in_the_passive_is_the_licensee(ex: Extractor, verb: str) -> None:
    out = run(
        ex,
        f"Under the terms of the agreement, Orbital Bio {verb} exclusive rights to develop and commercialize "
        "ZB-12 in Europe, whereas Helix Pharmaceuticals retains rights in Japan.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "orbitalbio") in rels(out, "DEVELOPED_BY")


def test_a_headline_verb_is_not_glued_to_a_company_name(ex: Extractor) -> None:
    out = run(
        ex,
        "FDA Clears Orbital Pharma to Start a Phase 1 Trial of ZB-12\nOrbital Pharma AG (FSE: ORBX) today "
        "announced that the FDA has cleared its IND for ZB-12.",
    )
    assert not any("clearsorbital" in g for g in (n for grp in groups(out, "COMPANY") for n in grp))
    assert ("zb12", "orbitalpharma") in rels(out, "DEVELOPED_BY")


def test_a_sentence_initial_its_is_the_subject_of_the_sentence_before(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced that Helix Pharmaceuticals will acquire Orbital Bio. Helix "
        "Pharmaceuticals will pay $200 million in cash.\nOrbital Bio is a clinical-stage company focused on "
        "gout.\nIts lead product candidate is ZB-12, an oral inhibitor in Phase 2 development.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "DEVELOPED_BY")
    assert ("zb12", "helixpharmaceutical") not in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize("kind", ["drugmaker", "pharmaceutical company", "biotech firm"])
def test_a_nationality_before_a_company_kind_is_no_company(ex: Extractor, kind: str) -> None:
    out = run(
        ex,
        f"Orbital Bio said it was collaborating with Danish {kind} Quintor on gout. Orbital Bio will receive "
        "$20 million upfront.",
    )
    names = {n for g in groups(out, "COMPANY") for n in g}
    assert "danish" not in names and "quintor" in names
    assert ("quintor", "orbitalbio") in rels(out, "PARTNER_OF") | {(b, a) for a, b in rels(out, "PARTNER_OF")}


def _pairs(out: dict, rtype: str) -> set[tuple[str, str]]:
    """Unordered relation pairs (both orders)."""
    pairs = rels(out, rtype)
    return pairs | {(b, a) for a, b in pairs}


@pytest.mark.parametrize(
    "apposition",
    [
        "Orbital Bio, a Quintor Holdings company,",
        "Orbital Bio, a wholly-owned subsidiary of Quintor Holdings,",
        "Orbital Bio, one of the Orbital Companies of Quintor Holdings,",
    ],
)
def test_the_parent_named_in_an_apposition_is_no_party(ex: Extractor, apposition: str) -> None:
    out = run(ex, f"Helix Pharmaceuticals today announced a license agreement with {apposition} for ZB-12.")
    partners = _pairs(out, "PARTNER_OF")
    assert ("helixpharmaceutical", "orbitalbio") in partners
    assert not {p for p in partners if "quintorholding" in p}


def test_a_sum_the_company_will_receive_is_a_payment_from_its_counterparty(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced a license agreement with Orbital Bio for ZB-12. Helix "
        "Pharmaceuticals will receive $40 million within 30 days and is eligible to receive up to $300 "
        "million in milestones.",
    )
    pays = {(r["value"]) for r in out["relations"] if r["type"] == "PAYMENT"}
    assert pays == {40000000}


def test_the_amounts_of_a_list_are_paid_to_the_company_that_introduces_it(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals and Orbital Bio today announced a collaboration on ZB-12.\n\nUnder the terms "
        "of the agreement, Helix Pharmaceuticals will receive:\n\nAn upfront payment of $75M for ZB-12 and a "
        "$25M equity investment at a premium.\n",
    )
    pays = {(r["value"]) for r in out["relations"] if r["type"] == "PAYMENT"}
    assert pays == {75000000, 25000000}
    assert ("orbitalbio", "helixpharmaceutical") in rels(out, "PAYMENT")


def test_a_pharmaceutica_name_is_one_company(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals announced that Orbital Pharmaceutica, its licensee, holds development and "
        "commercial rights to ZB-12 in Europe.",
    )
    assert any("orbitalpharmaceutica" in g for g in groups(out, "COMPANY"))


def test_the_second_word_of_a_company_whose_first_is_no_short_name_is_that_company(ex: Extractor) -> None:
    out = run(
        ex,
        "United Quintor (NYSE: UQX) has signed a license agreement with Orbital Bio for ZB-12. Under the "
        "deal, Orbital Bio granted Quintor exclusive rights to ZB-12.",
    )
    quintor = [g for g in groups(out, "COMPANY") if "quintor" in g or "unitedquintor" in g]
    assert len(quintor) == 1


def test_a_cue_found_company_is_the_same_in_capitals(ex: Extractor) -> None:
    out = run(
        ex,
        "QUINTOR, a clinical-stage company, has announced a license agreement with Orbital Bio for ZB-12. "
        "The collaboration with Quintor covers Europe.",
    )
    assert ("orbitalbio", "quintor") in _pairs(out, "PARTNER_OF")
    assert len([g for g in groups(out, "COMPANY") if "quintor" in g]) == 1


def test_the_company_conducting_a_trial_of_a_compound_develops_it(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals announced an agreement with Orbital Bio. Orbital Bio is currently conducting "
        "a Phase 2 clinical trial of ZB-12 in gout.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "DEVELOPED_BY")


def test_a_later_company_anaphor_does_not_make_the_issuer_a_party(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced a license agreement with Orbital Bio for ZB-12. Helix "
        "Pharmaceuticals will receive $10 million. Last month, Quintor Therapeutics signed a collaboration "
        "agreement with Vantor Biosciences, which granted the company rights to its platform.",
    )
    partners = _pairs(out, "PARTNER_OF")
    assert ("quintortherapeutic", "vantorbioscience") in partners
    assert ("helixpharmaceutical", "vantorbioscience") not in partners


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced an exclusive license agreement with Orbital Bio, under which "
        "Orbital Bio will develop and commercialize ZB-12 in China.",
        "Helix Pharmaceuticals today announced an exclusive license agreement with Orbital Bio. Under the "
        "agreement, Orbital Bio will develop, manufacture and commercialize ZB-12 in Japan.",
    ],
)
def test_the_partner_that_will_develop_and_commercialize_under_a_licence_is_the_licensee(
    ex: Extractor, text: str
) -> None:
    out = run(
        ex, text + " Helix Pharmaceuticals will receive $10 million. Helix Pharmaceuticals retains Europe."
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "orbitalbio") in rels(out, "DEVELOPED_BY")
