"""Names that extraction lost by their shape: companies that write their name in lower case, and the two
targets of a bispecific glued by its "x". Sentences invented for these tests (fictional companies and
drugs), whole pipeline."""

from __future__ import annotations

import pytest
from contract_view import groups, names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_lower_case_company_with_legal_suffix_and_ticker(ex: Extractor) -> None:
    out = run(
        ex,
        "BOSTON, June 3, 2024 -- zeta therapeutics, Inc. (Nasdaq: ZETA) today announced that the FDA "
        "cleared its IND for ZT-101. zeta therapeutics plans a Phase 1 trial.",
    )
    assert ["zetatherapeutic"] == [n for g in groups(out, "COMPANY") for n in g]
    assert ("zt101", "zetatherapeutic") in rels(out, "DEVELOPED_BY")


def test_lower_case_company_by_ticker_alone_is_a_deal_party(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Pharmaceuticals announced a collaboration with nuvora (Nasdaq: NUVO) to develop NV-7. "
        "Helix will pay acme bio, Inc. $10 million upfront.",
    )
    assert {"nuvora", "acmebio"} <= names(out, "COMPANY")
    assert ("helixpharmaceutical", "nuvora") in rels(out, "PARTNER_OF") | {
        (b, a) for a, b in rels(out, "PARTNER_OF")
    }


def test_lower_case_words_before_a_suffix_are_no_company(ex: Extractor) -> None:
    out = run(
        ex,
        "The license is between Helix and Orbital Bio, Inc. and its subsidiary, Inc. was not a party; "
        "shares of the company (Nasdaq: HLX) rose.",
    )
    assert not {"subsidiary", "company", "thecompany"} & names(out, "COMPANY")


def test_glued_bispecific_names_two_targets(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Therapeutics is developing NV-7, a CD20xCD3 bispecific antibody, for lymphoma, and "
        "HX-9, a BCMAxCD3 bispecific T-cell engager, for multiple myeloma.",
    )
    assert {"cd20", "cd3", "bcma"} <= names(out, "TARGET")
    assert {("nv7", "cd20"), ("nv7", "cd3"), ("hx9", "bcma")} <= rels(out, "TARGETS")


def test_glued_x_without_bispecific_wording_is_no_target(ex: Extractor) -> None:
    out = run(ex, "The 5xFAD mice and the HER2xHER3 ratio were measured in the CD4xCD8 assay.")
    assert not names(out, "TARGET")


def test_code_named_vector_and_adjuvant_are_technologies(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Bio's gene therapy is made with the HB410 lentiviral vector. Its vaccine ZV-2 uses the "
        "company's proprietary saponin-based Matrix-Q adjuvant and the AS05 adjuvant system.",
    )
    assert {"hb410lentiviralvector", "matrixqadjuvant", "as05adjuvantsystem"} <= names(out, "TECHNOLOGY")
    assert not names(out, "COMPOUND") & {"hb410", "matrixq", "as05"}


def test_a_serotype_vector_is_no_technology(ex: Extractor) -> None:
    out = run(ex, "Helix Bio's gene therapy HX-4 uses an AAV9 vector and an HIV-1 based vector.")
    assert not names(out, "TECHNOLOGY")


def test_capitalised_names_listed_before_plural_platforms(ex: Extractor) -> None:
    out = run(
        ex,
        "Gamma Pharma will use Helix Bio's proprietary Zorax and Alco7 platforms to design ADCs. "
        "Helix Bio's shares rose.",
    )
    assert {"zorax", "alco7"} <= names(out, "TECHNOLOGY")


def test_listed_common_words_before_platforms_are_no_names(ex: Extractor) -> None:
    out = run(ex, "Helix Bio invests in its Discovery and Development platforms. Development is costly.")
    assert not names(out, "TECHNOLOGY") & {"discovery", "development"}


def test_possessive_apostrophe_after_x_names_an_owned_platform(ex: Extractor) -> None:
    out = run(ex, "Helix Bio's vaccine ZV-2 is made with Helix' recombinant nanoparticle technology.")
    assert "recombinantnanoparticletechnology" in names(out, "TECHNOLOGY")


def test_lower_case_announcer_after_a_dateline(ex: Extractor) -> None:
    out = run(
        ex,
        "BOSTON, June 3, 2024 -- zeta therapeutics today announced that the FDA cleared its IND for "
        "ZT-101. Under the deal, Helix Pharmaceuticals will pay zeta therapeutics $5 million.",
    )
    assert "zetatherapeutic" in names(out, "COMPANY")
    assert ("helixpharmaceutical", "zetatherapeutic") in rels(out, "PAYMENT")


def test_lower_case_sentence_openers_are_no_announcers(ex: Extractor) -> None:
    out = run(ex, "The trial ended. the company today announced results. Helix said the data were good.")
    assert not {"company", "thecompany"} & names(out, "COMPANY")


def test_lower_case_name_with_a_legal_suffix_before_its_ticker(ex: Extractor) -> None:
    out = run(ex, "Helix Pharmaceuticals licensed ZB-4 to argenx SE (Euronext & Nasdaq: ARGX).")
    assert "argenx" in names(out, "COMPANY")
    assert ("zb4", "argenx") in rels(out, "LICENSED_TO")


def test_code_glued_to_its_platform_mark_is_the_compound(ex: Extractor) -> None:
    out = run(
        ex,
        "Helix Receives IND Clearance for XQ 1402-BOLT. Helix's lead candidate, XQ 1402-BOLT™, is built "
        "on its BOLT platform. XQ 1402 may be active in gastric cancer.",
    )
    assert [g for g in groups(out, "COMPOUND") if "xq1402" in g]
    assert len(groups(out, "COMPOUND")) == 1
    assert "bolt" in names(out, "TECHNOLOGY")


def test_legal_suffix_glued_to_the_next_word_ends_the_name(ex: Extractor) -> None:
    out = run(ex, "BOSTON -- Helix Bio, Inc.announced a Phase 3 trial of HX-12 in COVID-19.")
    assert any(g == {"helixbio"} for g in groups(out, "COMPANY"))


def test_a_status_minus_sign_is_no_part_of_the_name(ex: Extractor) -> None:
    out = ex.extract_one(
        Document(
            "status",
            "status",
            "Telmor Oncology's TO-510, an oral HER2 inhibitor, is in Phase 2 for HR+/HER2- breast cancer.",
            meta={},
        )
    ).to_contract()
    written = {n for e in out["entities"] if e["type"] == "TARGET" for n in [e["name"], *e["aliases"]]}
    assert written == {"HER2"}
