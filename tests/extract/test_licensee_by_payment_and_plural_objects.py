"""Who takes a licence that "an agreement with C for X" leaves open (the party that pays), the issuing company
named "the company" as the subject of an agreement "to obtain rights", and licences of "the three assets" (the
compounds of the last list): invented releases (issue 9, roles)."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor

_LICENSEE_ISSUES = (
    "Orbital Bio Ltd. (Nasdaq: ORBB) today announced that it has entered into an exclusive license "
    "agreement with "
    "Helix Pharmaceuticals, Inc. for the development and commercialization of ZB-12 in Greater China. "
)
_LICENSOR_ISSUES = (
    "Helix Pharmaceuticals, Inc. (Nasdaq: HLX) today announced an exclusive license agreement with "
    "Orbital Bio "
    "Ltd. for ZB-12 in Asia. "
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "payment",
    [
        "Under the terms of the agreement, Helix will receive an upfront payment of $25 million.",
        "Orbital will pay Helix $10 million upfront and up to $90 million in milestones.",
        "Orbital will make an upfront payment of $20 million to Helix.",
        "Helix receives $15 million upfront from Orbital.",
    ],
)
def test_the_party_that_pays_its_partner_takes_the_licence(ex: Extractor, payment: str) -> None:
    out = run(ex, _LICENSEE_ISSUES + payment)
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") not in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


def test_the_counterparty_that_pays_stays_the_licensee(ex: Extractor) -> None:
    out = run(ex, _LICENSOR_ISSUES + "Orbital will pay Helix $15 million upfront.")
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


def test_a_party_paid_and_paying_keeps_the_reading(ex: Extractor) -> None:
    out = run(
        ex,
        _LICENSEE_ISSUES
        + "Helix will receive $20 million upfront and will pay Orbital $5 million for services.",
    )
    assert ("zb12", "helixpharmaceutical") in rels(out, "LICENSED_TO")


@pytest.mark.parametrize("verb", ["obtain", "acquire", "in-license"])
def test_the_company_signing_an_agreement_to_obtain_rights_is_the_licensee(ex: Extractor, verb: str) -> None:
    out = run(
        ex,
        "Orbital Bio Ltd. announced today that the company has signed an agreement with Helix "
        "Pharmaceuticals, "
        f"Inc. to {verb} exclusive Korean rights to ZB-12.",
    )
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


_THREE_LISTED = (
    "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a collaboration for three candidates "
    "discovered by Helix: ZB-12, ZB-14 and talbumab. "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbital Bio will receive the rights to develop and commercialize the three assets in Greater China.",
        "Under the agreement, Orbital Bio obtains exclusive worldwide rights to these candidates.",
        "Orbital Bio gains the rights to all three programs in Japan.",
    ],
)
def test_a_licence_of_the_listed_compounds_by_a_plural_phrase(ex: Extractor, sentence: str) -> None:
    out = run(ex, _THREE_LISTED + sentence)
    assert {("zb12", "orbitalbio"), ("zb14", "orbitalbio"), ("talbumab", "orbitalbio")} <= rels(
        out, "LICENSED_TO"
    )


def test_a_count_other_than_the_list_names_no_licence(ex: Extractor) -> None:
    out = run(ex, _THREE_LISTED + "Orbital Bio will receive the rights to the two assets in Japan.")
    assert not rels(out, "LICENSED_TO")


def test_both_compounds_after_a_pair(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. and Orbital Bio Ltd. today announced a license agreement for ZB-12 and "
        "ZB-14. Orbital Bio obtains exclusive rights to both compounds in Japan.",
    )
    assert {("zb12", "orbitalbio"), ("zb14", "orbitalbio")} <= rels(out, "LICENSED_TO")


_APPOSITIONS = [
    "Orbital Bio Ltd., a clinical-stage biopharmaceutical company focused on therapies for cancer, ",
    "Orbital Bio Ltd. (Nasdaq: ORBB), ",
    'Orbital Bio Ltd. ("Orbital"; HKEX: 1234), a biotechnology company, ',
]


@pytest.mark.parametrize("apposition", _APPOSITIONS)
@pytest.mark.parametrize(
    "announcement",
    [
        "today announced that it has in-licensed ZB-12 from Helix Pharmaceuticals, Inc.",
        "today announced that it has acquired the global rights to ZB-12 from Helix Pharmaceuticals, Inc.",
        "announced today that it has received exclusive rights to develop and commercialize ZB-12 in Japan.",
        "today announced it has licensed ZB-12 from Helix Pharmaceuticals, Inc. for Korea.",
    ],
)
def test_the_announcing_company_is_the_subject_of_its_announcement(
    ex: Extractor, apposition: str, announcement: str
) -> None:
    out = run(ex, apposition + announcement)
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") not in rels(out, "LICENSED_TO")


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbital Bio Ltd. today announced that it has obtained from Helix Pharmaceuticals, Inc. "
        "exclusive rights "
        "in Greater China to ZB-12.",
        "Orbital Bio Ltd. has acquired from Helix Pharmaceuticals, Inc. a license to ZB-12.",
        "Orbital Bio Ltd. secured from Helix Pharmaceuticals, Inc. the worldwide rights for ZB-12.",
    ],
)
def test_rights_taken_from_a_company_named_before_them(ex: Extractor, sentence: str) -> None:
    out = run(ex, sentence)
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


def test_money_received_from_a_company_gives_it_no_licence_of_the_receiver(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio Ltd. received $5 million from Helix Pharmaceuticals, Inc. to acquire rights to ZB-12.",
    )
    assert ("zb12", "orbitalbio") not in rels(out, "LICENSED_TO")


@pytest.mark.parametrize(
    "agreement",
    [
        "today announced an exclusive license agreement with Helix Pharmaceuticals, Inc. for Greater China.",
        "today announced that it has entered into a licensing agreement with Helix Pharmaceuticals (HLX).",
        "has signed a license and collaboration agreement with Helix Pharmaceuticals, Inc. covering Japan.",
    ],
)
def test_a_licence_agreement_whose_compound_the_next_sentence_names(ex: Extractor, agreement: str) -> None:
    out = run(
        ex,
        "Orbital Bio Ltd. (Nasdaq: ORBB) "
        + agreement
        + " ZB-12 is a selective KRAS inhibitor in Phase 2. Orbital will pay Helix $30 million upfront.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")
    assert ("zb12", "helixpharmaceutical") not in rels(out, "LICENSED_TO")


def test_a_licence_agreement_for_a_platform_is_not_for_the_next_compound(ex: Extractor) -> None:
    out = run(
        ex,
        "Orbital Bio Ltd. (Nasdaq: ORBB) today announced a license agreement with Helix "
        "Pharmaceuticals, Inc. for "
        "its antibody discovery platform. ZB-12 is Orbital's lead candidate in Phase 2.",
    )
    assert not rels(out, "LICENSED_TO")


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue from ZB-12 (licensed from Helix Pharmaceuticals, Inc.) grew 20%.",
        "ZB-12, licensed from Helix Pharmaceuticals, Inc. in 2019, is in Phase 3.",
        "ZB-12, which was in-licensed from Helix Pharmaceuticals, Inc., is in Phase 3.",
    ],
)
def test_a_compound_licensed_from_a_company_is_the_issuers_licence(ex: Extractor, sentence: str) -> None:
    out = run(ex, "Orbital Bio Ltd. (Nasdaq: ORBB) today reported second-quarter results. " + sentence)
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


def test_the_licensor_issuing_the_release_gets_no_licence(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. (Nasdaq: HLX) today reported results. ZB-12, licensed from Helix "
        "Pharmaceuticals in 2019, is in Phase 3.",
    )
    assert not rels(out, "LICENSED_TO")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Company's in-licensed product ZB-12 is approved in Europe.",
        "Our in-licensed candidate ZB-12 entered Phase 3.",
        "Orbital's in-licensed drug ZB-12 was approved in Japan.",
    ],
)
def test_the_possessor_of_an_in_licensed_compound_is_its_licensee(ex: Extractor, sentence: str) -> None:
    out = run(ex, "Orbital Bio Ltd. (Nasdaq: ORBB) today reported second-quarter results. " + sentence)
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


_COLLABORATION = (
    "Helix Pharmaceuticals, Inc. (Nasdaq: HLX) today announced a strategic collaboration with "
    "Orbital Bio Ltd. "
    "ZB-12 is a KRAS inhibitor in Phase 2 for lung cancer. Helix is a clinical-stage company based "
    "in Boston. "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbital will develop and commercialize ZB-12 in Greater China.",
        "Orbital will be responsible for development and commercialization of ZB-12 in China.",
        "Orbital will commercialize ZB-12 in Japan.",
    ],
)
def test_rights_a_deal_stated_a_few_sentences_before_gives(ex: Extractor, sentence: str) -> None:
    out = run(ex, _COLLABORATION + sentence)
    assert rels(out, "LICENSED_TO") == {("zb12", "orbitalbio")}


def test_the_owner_commercializing_after_a_collaboration_is_no_licensee(ex: Extractor) -> None:
    out = run(ex, _COLLABORATION + "Helix will commercialize ZB-12 in the United States.")
    assert not rels(out, "LICENSED_TO")


def test_commercialization_far_from_any_deal_is_no_licence(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals, Inc. (Nasdaq: HLX) today announced a collaboration with Orbital Bio "
        "Ltd. ZB-12 is "
        "a KRAS inhibitor. It is in Phase 2. Helix is based in Boston. It has 200 staff. Orbital "
        "will commercialize "
        "ZB-12 in Japan.",
    )
    assert not rels(out, "LICENSED_TO")
