"""The issuer of a release in its two newswire frames, on invented sentences: the name before its stock
listings in parentheses (any exchange, written in any form, one or several), and the subject that opens
the body before "today" and a verb. Its compounds follow it as their developer."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "Vorantis (Paris:VRNT) (NASDAQ:VRNT) (Alternext: VRNT; Nasdaq: VRNT), a biopharmaceutical "
            "company focused on gene editing, has received approval for VR-101.",
            "vorantis",
        ),
        (
            "Kelvaro (Tokyo Stock Exchange: 4987) obtained clearance to dose KLV-22 in healthy volunteers.",
            "kelvaro",
        ),
        ("Morandel (TWSE:6712; OTCQX: MRDLF) will launch MD-9 for eczema next spring.", "morandel"),
        ("Pruvessa (Euronext Growth Brussels: PRUV) said that PV-33 met its endpoint.", "pruvessa"),
        ('Sentolix ("Sentolix" or the "Company") (OTCBB: SNTX) filed for PX-4 in rosacea.', "sentolix"),
    ],
)
def test_the_name_before_its_stock_listings_is_a_company(ex: Extractor, text: str, company: str) -> None:
    assert fold(company) in names(run(ex, text), "COMPANY")


def test_the_listed_issuer_develops_the_compound_it_received_approval_for(ex: Extractor) -> None:
    out = run(
        ex,
        "Vorantis (Paris:VRNT) (NASDAQ:VRNT), a biopharmaceutical company, has received approval for VR-101 "
        "in gout.",
    )
    assert ("vr101", fold("Vorantis")) in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Patients treated with Zelvora (Indication: NSCLC) improved.",
        "The investigators enrolled Cohort Bravo (Population: ITT) last year.",
        "Ostrander (Target: KRAS) was named after its discoverer.",
    ],
)
def test_a_labelled_parenthesis_that_is_no_market_makes_no_company(ex: Extractor, text: str) -> None:
    assert not names(run(ex, text), "COMPANY")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Vorantis today became the first company to start a Phase 2 trial of VR-101 in gout.", "vorantis"),
        ("LYON, France -- Quelbrix today unveiled new data on QB-7 in psoriasis.", "quelbrix"),
        ("June 2, 2025 | Tarsolin today won approval for TS-44 in asthma.", "tarsolin"),
        ("Following the review, Dravenor today dosed the first patient with DV-8.", None),
        ("The trial ended. Ambrexa today began enrolment of a Phase 1 study of AB-61.", "ambrexa"),
    ],
)
def test_the_subject_that_opens_a_sentence_before_today_is_the_issuer(
    ex: Extractor, text: str, company: str | None
) -> None:
    found = names(run(ex, text), "COMPANY")
    if company is None:  # not opening the sentence: not this frame
        assert fold("Dravenor") not in found
    else:
        assert fold(company) in found


def test_the_issuer_before_today_develops_its_compound(ex: Extractor) -> None:
    out = run(ex, "Vorantis today became the first company to start a Phase 2 trial of VR-101 in gout.")
    assert ("vr101", fold("Vorantis")) in rels(out, "DEVELOPED_BY")


@pytest.mark.parametrize(
    "text",
    [
        "Shareholders today approved the plan. The shareholders met in Oslo.",
        "Keytruda today received approval in gout.",
        "Zelvora today received approval in gout. Zelvora® is an oral tablet.",
        "Jane Roe today joined the board as its chair.",
        "March today marked the start of enrolment.",
        "Europe today adopted new rules on orphan drugs.",
        "Nordavex Pharmaceuticals reported data. FDA today granted Fast Track designation to NV-5.",
    ],
)
def test_a_product_month_place_or_plain_word_before_today_is_no_company(ex: Extractor, text: str) -> None:
    found = names(run(ex, text), "COMPANY")
    assert not found - {fold("Nordavex Pharmaceuticals"), fold("Nordavex")}
