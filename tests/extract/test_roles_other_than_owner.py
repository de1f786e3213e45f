"""Roles on invented sentences: drugs that are not the release's own
(comparators, prior and background therapies), options that are not yet ownership, co-development named by
a participle ("developed in collaboration with B") and parents that are no partners of their subsidiaries."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _not_owned(out: dict, drug: str) -> None:
    """``drug`` gets no owner, indication or stage: it is another drug than the release's."""
    for rtype in ("DEVELOPED_BY", "INDICATION", "IN_PHASE", "TARGETS"):
        assert not {pair for pair in rels(out, rtype) if pair[0] == drug}, rtype


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced that its Phase 3 study comparing ZB-12 with talbumab in "
        "plaque psoriasis met its primary endpoint.",
        "Helix Pharmaceuticals today reported that patients were randomized 2:1 to receive ZB-12 or talbumab "
        "in the Phase 3 psoriasis trial.",
        "Helix Pharmaceuticals today reported that ZB-12 showed superior efficacy over talbumab in psoriasis "
        "in its Phase 3 trial.",
        "Helix Pharmaceuticals today reported that ZB-12 was better than talbumab in psoriasis in its "
        "Phase 3 trial.",
    ],
)
def test_the_second_drug_of_a_comparison_is_the_comparator(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    _not_owned(out, "talbumab")
    assert ("zb12", "psoriasi") in rels(out, "INDICATION")
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "cue",
    [
        "who progressed after",
        "whose disease progressed on or after",
        "who failed",
        "who relapsed after",
        "with an inadequate response to",
        "on a background of",
        "on top of standard-of-care",
    ],
)
def test_a_prior_or_background_therapy_is_not_the_release_drug(ex: Extractor, cue: str) -> None:
    out = run(
        ex,
        f"Helix Pharmaceuticals today reported Phase 2 data for ZB-12 in patients with melanoma {cue} "
        "talbumab.",
    )
    _not_owned(out, "talbumab")
    assert ("zb12", "melanoma") in rels(out, "INDICATION")


def test_the_drug_named_before_controlled_is_the_control(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced that the randomized, talbumab-controlled Phase 3 trial of "
        "ZB-12 in psoriasis met its primary endpoint. Talbumab is approved in psoriasis.",
    )
    assert not {p for p in rels(out, "DEVELOPED_BY") if p[0] == "talbumab"}
    assert ("zb12", "phase3") in {(s, o.replace(" ", "").lower()) for s, o in rels(out, "IN_PHASE")}


def test_the_examples_of_a_standard_of_care_are_not_the_release_drug(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today reported results for ZB-12 in combination with standard of care "
        "chemotherapy, including talbumab, in lung cancer.",
    )
    _not_owned(out, "talbumab")
    assert ("zb12", "lungcancer") in rels(out, "INDICATION")


@pytest.mark.parametrize(
    "condition",
    [
        "Upon exercise of the option, Orbital Bio will receive an exclusive worldwide license to develop and "
        "commercialize ZB-12.",
        "If Orbital Bio exercises its option, it will be responsible for the development of ZB-12.",
        "In the event that Orbital Bio exercises the option, Orbital Bio would obtain exclusive rights to "
        "develop ZB-12.",
    ],
)
def test_what_an_option_holder_gets_upon_exercise_is_no_licence_yet(ex: Extractor, condition: str) -> None:
    out = run(ex, f"Helix Pharmaceuticals today granted Orbital Bio an option to license ZB-12. {condition}")
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")
    assert not {p for p in rels(out, "DEVELOPED_BY") | rels(out, "LICENSED_TO") if p[1] == "orbitalbio"}
    assert rels(out, "PARTNER_OF") == {("helixpharmaceutical", "orbitalbio")}


def test_an_exercised_option_is_a_licence(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced that Orbital Bio has exercised its option and obtained an "
        "exclusive license to develop ZB-12. Patients with improved exercise capacity upon dosing continued.",
    )
    assert ("zb12", "orbitalbio") in rels(out, "LICENSED_TO")


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced that ZB-12, which is being developed in collaboration with "
        "Orbital Bio, met its primary endpoint in gout.",
        "Helix Pharmaceuticals today announced that ZB-12, which Helix is developing in partnership with "
        "Orbital Bio, met its primary endpoint in gout.",
        "Helix Pharmaceuticals today announced Phase 2 data for ZB-12 in gout. ZB-12 is being developed "
        "jointly with Orbital Bio.",
    ],
)
def test_developed_in_collaboration_with_a_partner(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert {("zb12", "helixpharmaceutical"), ("zb12", "orbitalbio")} <= rels(out, "DEVELOPED_BY")
    assert rels(out, "PARTNER_OF") == {("helixpharmaceutical", "orbitalbio")}


def test_developed_with_names_the_owner_and_the_partner_only(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced that Orbital's ZB-12, developed in collaboration with Zenova "
        "Therapeutics, met its primary endpoint in gout.",
    )
    assert rels(out, "DEVELOPED_BY") == {("zb12", "orbital"), ("zb12", "zenovatherapeutic")}
    assert not rels(out, "LICENSED_TO")


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Holdings today announced that its subsidiary Helix Pharmaceuticals has entered into a "
        "license agreement with Zenova Therapeutics for ZB-12.",
        "Orbital Holdings and its wholly-owned subsidiary Helix Pharmaceuticals today announced a "
        "collaboration with Zenova Therapeutics for ZB-12.",
        "Orbital Holdings, the parent company of Helix Pharmaceuticals, today announced that Helix and "
        "Zenova Therapeutics will co-develop ZB-12.",
    ],
)
def test_no_partnership_between_a_parent_and_its_subsidiary(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert ("orbitalholding", "helixpharmaceutical") not in rels(out, "PARTNER_OF")
    assert ("helixpharmaceutical", "orbitalholding") not in rels(out, "PARTNER_OF")


def test_of_x_plus_y_the_drug_the_release_names_more_is_its_own(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced data from a Phase 2 trial evaluating talbumab plus ZB-12 in "
        "melanoma. ZB-12 is an oral inhibitor. ZB-12 was well tolerated.",
    )
    _not_owned(out, "talbumab")
    assert ("zb12", "melanoma") in rels(out, "INDICATION")
    assert ("zb12", "helixpharmaceutical") in rels(out, "DEVELOPED_BY")


def test_of_x_plus_y_the_second_is_the_partner_when_both_are_named_once(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals today announced data from a Phase 2 trial of ZB-12 plus talbumab in melanoma.",
    )
    _not_owned(out, "talbumab")
    assert ("zb12", "melanoma") in rels(out, "INDICATION")
