"""Companies named near a compound they do not develop (ANNOTATION.md Conventions "Roles"), on invented
sentences: the supplier of a combination partner, a comparator's owner, a contract manufacturer or research
organisation, an investor, a distributor, an analyst, and a company's short name that a drug table also
holds as a brand ("Vestra Therapeutics ... will pay Vestra"). Pinned where main reads them right; strict
xfail where it does not yet (each says why)."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


HELIX = "helixpharmaceutical"
ORBITAL = "orbitalbio"
VESTRA = "vestratherapeutic"

# (text, a DEVELOPED_BY pair that must not be read, a pair that must be read or None)
RIGHT = [
    (
        "Helix Pharmaceuticals today announced a clinical supply agreement with Orbital Bio to evaluate "
        "ZB-12 in combination with OB-77 in bladder cancer.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals today announced that Orbital Bio will supply OB-77, its approved PD-1 "
        "antibody, for a Phase 2 trial of ZB-12 in combination with OB-77.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals will evaluate ZB-12 in combination with OB-77 in gastric cancer under a "
        "clinical supply agreement with Orbital Bio.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals today announced the first patient dosed in its Phase 2 trial of ZB-12 in "
        "combination with Orbital Bio's OB-77.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals will evaluate ZB-12 in combination with Orbital Bio's anti-PD-1 therapy OB-77 "
        "under a clinical supply agreement.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals is testing ZB-12 in combination with OB-77, an approved drug from Orbital "
        "Bio, in melanoma.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "The study combines Helix Pharmaceuticals' ZB-12 with Orbital Bio's OB-77 in melanoma.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals today announced that its Phase 3 trial compares ZB-12 with Orbital Bio's "
        "approved drug OB-77 in gout.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals said its KESTREL study compares ZB-12 with Orbital Bio's OB-77 in psoriasis.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals' ZB-12 met its endpoint versus Orbital Bio's OB-77 in the head-to-head study.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals selected Orbital Bio, a contract research organization, to run its Phase 3 "
        "trial of ZB-12.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals closed a $50 million financing led by Orbital Capital to advance ZB-12 into "
        "Phase 2.",
        ("zb12", "orbitalcapital"),
        ("zb12", HELIX),
    ),
    (
        "Orbital Ventures invested $30 million in Helix Pharmaceuticals, which develops ZB-12 for gout.",
        ("zb12", "orbitalventure"),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals, which acquired the OB-77 program from Orbital Bio last year, today reported "
        "Phase 1 data for ZB-12.",
        ("zb12", ORBITAL),
        ("zb12", HELIX),
    ),
    (
        "Analysts at Orbital Securities expect ZB-12 sales to reach $1 billion, Helix Pharmaceuticals said.",
        ("zb12", "orbitalsecuritie"),
        None,
    ),
    (
        "Orbital Bio will evaluate OB-77 in combination with ZB-12, which Helix Pharmaceuticals will supply.",
        ("ob77", HELIX),
        ("ob77", ORBITAL),
    ),
    (
        "Under the clinical supply agreement, Orbital Bio will supply OB-77 to Helix Pharmaceuticals for a "
        "Phase 1b trial of ZB-12 plus OB-77.",
        ("ob77", HELIX),
        ("ob77", ORBITAL),
    ),
    (
        "Helix Pharmaceuticals today announced an agreement with Vestra Therapeutics. Vestra's VX-410 will "
        "be tested with ZB-12.",
        ("vestra", HELIX),
        ("vx410", VESTRA),
    ),
    (
        "Helix Pharmaceuticals today announced a licence agreement with Vestra Therapeutics for VX-410. "
        "Helix will pay Vestra $20 million upfront.",
        ("vestra", HELIX),
        ("vx410", VESTRA),
    ),
    (
        "Helix Pharmaceuticals will pay Vestra up to $90 million in milestones. Vestra Therapeutics' VX-410 "
        "remains its own.",
        ("vx410", HELIX),
        ("vx410", VESTRA),
    ),
    (
        "Orbital Bio granted Helix Pharmaceuticals an exclusive license to ZB-12. Helix will pay Orbital up "
        "to $300 million in milestones.",
        ("zb12", "orbital"),
        ("zb12", HELIX),
    ),
    (
        "Helix Pharmaceuticals today announced that a Phase 3 study testing its ZB-12 vaccine against Globex "
        "Biologics' (NYSE:GLX) VX-410 vaccine met its primary endpoints. VX-410 is approved.",
        ("vx410", HELIX),
        ("vx410", "globexbiologic"),
    ),
]

WRONG = [
    (
        "Helix Pharmaceuticals today announced that Vestra Therapeutics will evaluate ZB-12 in combination "
        "with VX-410 under a clinical supply agreement.",
        ("zb12", VESTRA),
        ("zb12", HELIX),
        "the sponsor's act verb gives it the supplied drug too: which drug is supplied is not said",
    ),
    (
        "Orbital Bio will provide OB-77 for the Helix Pharmaceuticals study of ZB-12 in lung cancer.",
        ("zb12", ORBITAL),
        None,
        "with no dateline the first company named is taken as the issuer and its default developer",
    ),
    (
        "The randomized trial will compare ZB-12 against OB-77, Orbital Bio's standard-of-care therapy, in "
        "gout.",
        ("zb12", ORBITAL),
        None,
        "the only company named is taken as the issuer and the compared drug's default developer",
    ),
]


def _check(ex: Extractor, text: str, wrong: tuple[str, str], right: tuple[str, str] | None) -> None:
    dev = rels(run(ex, text), "DEVELOPED_BY")
    assert wrong not in dev
    if right is not None:
        assert right in dev


@pytest.mark.parametrize(("text", "wrong", "right"), RIGHT)
def test_a_company_named_near_a_drug_it_does_not_develop(
    ex: Extractor, text: str, wrong: tuple[str, str], right: tuple[str, str] | None
) -> None:
    _check(ex, text, wrong, right)


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [pytest.param(t, w, r, marks=pytest.mark.xfail(strict=True, reason=why)) for t, w, r, why in WRONG],
)
def test_frames_main_still_reads_wrong(
    ex: Extractor, text: str, wrong: tuple[str, str], right: tuple[str, str] | None
) -> None:
    _check(ex, text, wrong, right)


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals today announced a licence agreement with Vestra Therapeutics for VX-410. "
        "Helix will pay Vestra $20 million upfront.",
        "Vestra Therapeutics and Helix Pharmaceuticals signed an agreement. Vestra's VX-410 enters Phase 2.",
        "Vestra Therapeutics said on Monday that Vestra would open a site in Boston.",
    ],
)
def test_a_company_short_name_is_no_drug_table_brand(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert "vestra" not in names(out, "COMPOUND")
    assert "vestra" in names(out, "COMPANY")


def test_the_brand_stays_a_drug_when_no_company_opens_with_it(ex: Extractor) -> None:
    out = run(ex, "Patients received Vestra in the Phase 4 study run by Helix Pharmaceuticals.")
    assert "vestra" in names(out, "COMPOUND")


@pytest.mark.parametrize(
    ("text", "principal", "actor"),
    [
        (
            "Helix Pharmaceuticals today announced that Vestra Therapeutics, a contract research "
            "organization, will conduct the Phase 2 study of ZB-12 on behalf of Helix.",
            ("zb12", HELIX),
            ("zb12", VESTRA),
        ),
        (
            "Helix Pharmaceuticals today announced that Vestra Therapeutics will test ZB-12 in healthy "
            "volunteers on behalf of Helix Pharmaceuticals.",
            ("zb12", HELIX),
            ("zb12", VESTRA),
        ),
        (
            "Helix Pharmaceuticals today announced that Orbital Bio is conducting a trial of OB-77 on behalf "
            "of its partner Vestra Therapeutics.",
            ("ob77", VESTRA),
            ("ob77", ORBITAL),
        ),
        (
            "Kestrel Biosciences, Inc. is evaluating TR-5 acting for Vestra Therapeutics in two European "
            "countries.",
            ("tr5", VESTRA),
            ("tr5", "kestrelbioscience"),
        ),
    ],
)
def test_an_act_done_on_behalf_of_a_company_is_that_company_s(
    ex: Extractor, text: str, principal: tuple[str, str], actor: tuple[str, str]
) -> None:
    dev = rels(run(ex, text), "DEVELOPED_BY")
    assert principal in dev
    assert actor not in dev


def test_an_act_for_no_one_else_stays_the_actor_s(ex: Extractor) -> None:
    dev = rels(
        run(ex, "Helix Pharmaceuticals today announced that Orbital Bio will evaluate OB-77 in lupus."),
        "DEVELOPED_BY",
    )
    assert ("ob77", ORBITAL) in dev
