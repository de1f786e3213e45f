"""Issue-3 cues on short sentences written for these tests (whole pipeline, contract output)."""

from __future__ import annotations

import pytest

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def run(ex: Extractor, text: str, meta: dict[str, str] | None = None) -> dict:
    return ex.extract_one(Document("t", "t", text, meta=meta or {})).to_contract()


def names(out: dict, typ: str) -> set[str]:
    return {fold(n) for e in out["entities"] if e["type"] == typ for n in [e["name"], *e["aliases"]]}


def facts(out: dict) -> set[tuple]:
    by = {e["id"]: e["name"] for e in out["entities"]}
    return {(r["type"], by[r["subject"]], by.get(r.get("object"), r.get("value"))) for r in out["relations"]}


def test_company_cues(ex):
    out = run(
        ex,
        "Quorvia Bio, Inc. (Nasdaq: QRVB) and Haldermann AG met. Haldermann AG signed an agreement with "
        "partner Ostrava Labs.",
    )
    assert {"quorviabio", "haldermann"} <= names(out, "COMPANY")
    # known gap: a bare "partner X Labs" after another company in the same text is not always found


def test_code_names_and_inn_stems(ex):
    out = run(
        ex,
        "ZX 41-2207, KT-8841b and ABC-CD22A entered the clinic, as did belotumab zelotecan, "
        "caritumab sunirine, venatumab ozogamicin and ralotatug deruxtecan.",
    )
    comps = names(out, "COMPOUND")
    assert {"zx412207", "kt8841b", "abccd22a"} <= comps
    assert {"belotumabzelotecan", "caritumabsunirine", "venatumabozogamicin", "ralotatugderuxtecan"} <= comps


def test_anti_and_targeting_cues(ex):
    out = run(ex, "QX-101 is an anti-GPC3 antibody-drug conjugate. QX-202 is a LRRC15-targeting ADC.")
    assert ("TARGETS", "QX-101", "GPC3") in facts(out)
    assert ("TARGETS", "QX-202", "LRRC15") in facts(out)


def test_coordinated_diseases(ex):
    out = run(ex, "QX-101 is being tested in non-small cell lung and colorectal cancer.")
    assert {"nonsmallcelllungcancer", "colorectalcancer"} <= names(out, "DISEASE")


def test_trial_names_before_trial_word(ex):
    out = run(ex, "QX-101 is evaluated in the pivotal Phase 2 ZEN-201 clinical trial and the ORBIT-3 study.")
    assert {"zen201", "orbit3"} <= names(out, "TRIAL")
    assert "zen201" not in names(out, "COMPOUND")


def test_contingent_payment_kept_apart(ex):
    out = run(
        ex,
        "Zenith Pharma Inc. will pay Acme Bio, Inc. an upfront payment of $30 million. Acme Bio, Inc. is "
        "eligible to receive up to $500 million in milestones from Zenith Pharma Inc.",
    )
    assert ("PAYMENT", "Zenith Pharma", 30000000) in {
        (t, s, r)
        for t, s, r in [
            (r["type"], next(e["name"] for e in out["entities"] if e["id"] == r["subject"]), r.get("value"))
            for r in out["relations"]
        ]
    }
    assert all(r.get("value") != 500000000 for r in out["relations"])
    cont = out["contingent_payments"]
    assert [r["value"] for r in cont] == [500000000]
    assert cont[0]["attrs"]["status"] == "contingent"


def test_foreign_currency_without_usd_is_not_scored(ex):
    out = run(ex, "Haldermann AG paid Acme Bio, Inc. an upfront fee of EUR 12 million.")
    assert not [r for r in out["relations"] if r["type"] == "PAYMENT"]
    pay = out["unpriced_payments"][0]
    assert pay["attrs"]["currency"] == "EUR" and pay["attrs"]["amount"] == 12000000


def test_foreign_currency_with_usd_given(ex):
    out = run(
        ex, "Haldermann AG paid Acme Bio, Inc. an upfront fee of EUR 12 million (approximately $13 million)."
    )
    assert [r["value"] for r in out["relations"] if r["type"] == "PAYMENT"] == [13000000]


def test_main_company_from_ticker_in_first_sentence(ex):
    text = (
        "Quorvia Bio, Inc. (Nasdaq: QRVB) announced a collaboration with Haldermann AG. Haldermann AG, "
        "Haldermann AG and Haldermann AG news. QX-101 is a CD33-targeted ADC in Phase 1 testing."
    )
    out = run(ex, text)
    assert ("DEVELOPED_BY", "QX-101", "Quorvia Bio") in facts(out)


def test_main_company_from_filing_meta(ex):
    text = (
        "Haldermann AG and Quorvia Bio, Inc. met. Haldermann AG spoke. "
        "QX-101 is a CD33-targeted ADC in Phase 1."
    )
    out = run(ex, text, meta={"company": "QUORVIA BIO, INC."})
    assert ("DEVELOPED_BY", "QX-101", "Quorvia Bio") in facts(out)


def test_our_inside_a_quote_is_the_speakers_company(ex):
    text = (
        "Quorvia Bio, Inc. (Nasdaq: QRVB) announced a deal with Haldermann AG today.\n\n"
        "\u201cOur QX-101 program is growing,\u201d said Ana Ruiz, Chief Executive Officer of Haldermann AG."
    )
    out = run(ex, text)
    assert ("DEVELOPED_BY", "QX-101", "Haldermann") in facts(out)
    assert ("DEVELOPED_BY", "QX-101", "Quorvia Bio") not in facts(out)


def test_approved_dominates_confirmatory_phase(ex):
    out = run(ex, "QX-101 was approved by the FDA. The Phase 3 confirmatory trial of QX-101 is ongoing.")
    phases = {v for t, s, v in facts(out) if t == "IN_PHASE"}
    assert phases == {"Approved"}


def test_discontinued_and_planned(ex):
    out = run(
        ex, "Acme Bio plans to start a Phase 2 trial of QX-202. Acme Bio discontinued QX-303 in Phase 1."
    )
    phases = {(s, v) for t, s, v in facts(out) if t == "IN_PHASE"}
    assert ("QX-202", "Phase 2") not in phases


def test_coordinated_passive_developers(ex):
    out = run(ex, "QX-101 is being co-developed by Quorvia Bio, Inc. and Haldermann AG.")
    f = facts(out)
    assert ("DEVELOPED_BY", "QX-101", "Quorvia Bio") in f
    assert ("DEVELOPED_BY", "QX-101", "Haldermann") in f
