"""Issue-3 relation features (deal structure, phase status, negation, unknown companies) on short sentences
written for these tests: Relation.attrs and the contract keys they land in."""

from __future__ import annotations

from typing import Any

import pytest

from pharmakg.extract.components.regions import territories
from pharmakg.extract.pipeline import Extractor
from pharmakg.graph.rdf import extraction_quads
from pharmakg.graph.resolve import resolve
from pharmakg.model import Document
from pharmakg.names import fold
from pharmakg.ontology.namespaces import PKG


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def run(ex: Extractor, text: str) -> dict[str, Any]:
    return ex.extract_one(Document("t", "t", text, date="2021-06-03")).to_contract()


def rels(out: dict[str, Any], key: str = "relations", rtype: str | None = None) -> list[dict[str, Any]]:
    """Relations of one contract key with entity names in place of ids (also in licensor/option_holder)."""
    by = {e["id"]: e["name"] for e in out["entities"]}
    res = []
    for r in out.get(key, []):
        if rtype and r["type"] != rtype:
            continue
        attrs = {
            k: by.get(v, v) if k in ("licensor", "option_holder") else v
            for k, v in r.get("attrs", {}).items()
        }
        res.append({**r, "subject": by[r["subject"]], "object": by.get(r.get("object")), "attrs": attrs})
    return res


def one(
    out: dict[str, Any], rtype: str, subject: str, obj: str | None = None, key: str = "relations"
) -> dict:
    hits = [
        r
        for r in rels(out, key, rtype)
        if fold(r["subject"]) == fold(subject) and (obj is None or fold(r["object"] or "") == fold(obj))
    ]
    assert hits, f"no {rtype} {subject} -> {obj} in {key}: {rels(out, key)}"
    return hits[0]


# ---------------------------------------------------------------- territories (data: territories.tsv)
@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("an exclusive license to AX-12 in Europe and Japan", ["Europe", "Japan"]),
        ("exclusive worldwide rights to AX-12", ["worldwide"]),
        ("rights to AX-12 worldwide, except in Japan", ["worldwide excluding Japan"]),
        ("the ex-U.S. rights to AX-12", ["worldwide excluding United States"]),
        ("rights to AX-12 outside the U.S.", ["worldwide excluding United States"]),
        ("commercial rights in mainland China, Hong Kong and Macau", ["China", "Hong Kong", "Macau"]),
        ("Japanese rights to AX-12", ["Japan"]),
        ("a license to AX-12 for use in patients", []),
    ],
)
def test_territory_scope(clause, expected):
    assert territories().scope(clause) == expected


def test_approval_region_reads_regulator_or_place():
    t = territories()
    s = "The European Commission approved AX-1 last week."
    assert t.approval_region(s, s.index("approved"), s.index("approved") + 8) == "EU"
    s = "AX-1 received FDA approval."
    assert t.approval_region(s, s.index("approval"), s.index("approval") + 8) == "US"
    s = "AX-1 was approved in Japan."
    assert t.approval_region(s, s.index("approved"), s.index("approved") + 8) == "JP"


# ---------------------------------------------------------------- 1. licensing territory
def test_licence_territory_exclusive_and_licensor(ex):
    out = run(
        ex,
        "Norvanta, Inc. has granted Kelpwise GmbH an exclusive license to develop and commercialize "
        "NV-310 in Europe and Japan. Norvanta retains all rights in the United States.",
    )
    lic = one(out, "LICENSED_TO", "NV-310", "Kelpwise")
    assert lic["attrs"]["territory"] == ["Europe", "Japan"]
    assert lic["attrs"]["exclusive"] is True
    assert fold(lic["attrs"]["licensor"]) == "norvanta"
    kept = one(out, "DEVELOPED_BY", "NV-310", "Norvanta")
    assert kept["attrs"]["mode"] == "retained"
    assert kept["attrs"]["territory"] == ["United States"]


def test_licence_worldwide_except(ex):
    out = run(
        ex,
        "Norvanta, Inc. granted Kelpwise GmbH a non-exclusive license to NV-311 worldwide, except in China.",
    )
    lic = one(out, "LICENSED_TO", "NV-311", "Kelpwise")
    assert lic["attrs"]["territory"] == ["worldwide excluding China"]
    assert lic["attrs"]["exclusive"] is False


# ---------------------------------------------------------------- 2. payment trigger
def test_payment_trigger_is_the_event_not_a_window(ex):
    out = run(
        ex,
        "Kelpwise GmbH will pay Norvanta, Inc. $12 million upon signing and $8 million upon approval "
        "in Japan.",
    )
    pays = {r["value"]: r["attrs"] for r in rels(out, rtype="PAYMENT")}
    assert pays[12000000]["trigger"] == "signing"
    assert pays[8000000]["trigger"] == "approval in Japan"


def test_payment_trigger_from_previous_sentence(ex):
    out = run(
        ex,
        "Norvanta, Inc. today announced that the first patient was dosed in the Phase 2 trial of NV-320. "
        "With this event, Norvanta earned a $6 million milestone payment from Kelpwise GmbH.",
    )
    pay = one(out, "PAYMENT", "Kelpwise", "Norvanta")
    assert pay["attrs"]["trigger"] == "the first patient was dosed in the Phase 2 trial of NV-320"


def test_payment_without_event_has_no_trigger(ex):
    out = run(ex, "Kelpwise GmbH paid Norvanta, Inc. an upfront fee of $30 million and bought shares.")
    pay = one(out, "PAYMENT", "Kelpwise", "Norvanta")
    assert "trigger" not in pay["attrs"]


def test_contingent_payment_trigger_and_kind(ex):
    out = run(
        ex,
        "Norvanta, Inc. may receive up to $90 million from Kelpwise GmbH upon the achievement of specified "
        "regulatory and commercial milestones.",
    )
    pay = one(out, "PAYMENT", "Kelpwise", "Norvanta", key="contingent_payments")
    assert pay["attrs"]["trigger"].startswith("the achievement of specified regulatory")
    assert pay["attrs"]["kind"] == "milestone"
    assert not rels(out, rtype="PAYMENT")


# ---------------------------------------------------------------- 3. development ownership
def test_codevelopment_gives_both_developers_and_share(ex):
    out = run(
        ex,
        "Norvanta, Inc. and Kelpwise GmbH signed a co-development and co-commercialization agreement for "
        "NV-330 with a 50/50 profit share.",
    )
    for co in ("Norvanta", "Kelpwise"):
        dev = one(out, "DEVELOPED_BY", "NV-330", co)
        assert dev["attrs"]["mode"] == "co-development"
        assert dev["attrs"]["share"] == 0.5
    assert one(out, "PARTNER_OF", "Norvanta", "Kelpwise")["attrs"]["mode"] == "co-development"


def test_opt_in_option_is_not_a_licence(ex):
    out = run(
        ex,
        "Norvanta, Inc. entered into a collaboration with Kelpwise GmbH for NV-340. Kelpwise has an "
        "option to co-develop NV-340 and to share 40% of development costs.",
    )
    assert not rels(out, rtype="LICENSED_TO")
    partner = one(out, "PARTNER_OF", "Norvanta", "Kelpwise")
    assert partner["attrs"]["mode"] == "opt-in"
    assert fold(partner["attrs"]["option_holder"]) == "kelpwise"
    opt = one(out, "DEVELOPED_BY", "NV-340", "Kelpwise", key="options")
    assert opt["attrs"] == {"mode": "opt-in", "share": 0.4, "status": "option"}


def test_retained_share(ex):
    out = run(ex, "After the transaction Norvanta, Inc. will retain 30% of the rights to NV-350.")
    dev = one(out, "DEVELOPED_BY", "NV-350", "Norvanta")
    assert dev["attrs"]["mode"] == "retained"
    assert dev["attrs"]["share"] == 0.3


# ---------------------------------------------------------------- 4. phase: pivotal, planned, approvals
def test_pivotal_and_planned_phase(ex):
    out = run(
        ex,
        "NV-360 is being tested in a pivotal Phase 2 trial in patients with ovarian cancer. "
        "Norvanta, Inc. plans to start a Phase 3 study of NV-360 in 2024.",
    )
    cur = one(out, "IN_PHASE", "NV-360")
    assert cur["value"] == "Phase 2" and cur["attrs"]["pivotal"] is True
    assert all(r["value"] != "Phase 3" for r in rels(out, rtype="IN_PHASE"))
    plan = one(out, "IN_PHASE", "NV-360", key="planned_phases")
    assert plan["value"] == "Phase 3"
    assert plan["attrs"]["status"] == "planned" and plan["attrs"]["year"] == "2024"


def test_registrational_trial_is_pivotal(ex):
    out = run(ex, "NV-361 is in a registrational Phase 3 study in bladder cancer.")
    assert one(out, "IN_PHASE", "NV-361")["attrs"].get("pivotal") is True


def test_approval_regions_and_negation(ex):
    out = run(
        ex,
        "The European Commission approved NV-370 for gastric cancer. NV-370 also won FDA approval in 2020. "
        "NV-371 is not approved in the United States.",
    )
    appr = one(out, "IN_PHASE", "NV-370")
    assert appr["value"] == "Approved"
    assert appr["attrs"]["region"] == ["EU", "US"]
    assert not [r for r in rels(out, rtype="IN_PHASE") if r["subject"] == "NV-371"]


def test_approved_in_japan(ex):
    out = run(ex, "NV-372 was approved in Japan by the MHLW for breast cancer.")
    assert one(out, "IN_PHASE", "NV-372")["attrs"]["region"] == "JP"


# ---------------------------------------------------------------- 5. negation and hedging
def test_discontinued_development_is_kept_apart(ex):
    out = run(
        ex,
        "Norvanta, Inc. has discontinued development of NV-380. The company will no longer pursue NV-381.",
    )
    for comp in ("NV-380", "NV-381"):
        d = one(out, "DEVELOPED_BY", comp, "Norvanta", key="discontinued")
        assert d["attrs"]["status"] == "discontinued"
        assert d["confidence"] < 0.7


def test_patients_discontinuing_treatment_is_not_discontinued_development(ex):
    out = run(ex, "In the NV-382 study of Norvanta, Inc., two patients discontinued treatment.")
    assert "discontinued" not in out


def test_declined_option_gives_no_licence(ex):
    out = run(ex, "Norvanta, Inc. will not exercise its option to license NV-390 from Kelpwise GmbH.")
    assert not rels(out, rtype="LICENSED_TO")
    d = one(out, "LICENSED_TO", "NV-390", "Norvanta", key="discontinued")
    assert d["attrs"]["status"] == "declined" and fold(d["attrs"]["licensor"]) == "kelpwise"


def test_declined_relation_has_status_but_no_direct_triple_in_rdf(ex):
    ext = ex.extract_one(
        Document(
            "t", "t", "Norvanta, Inc. will not exercise its option to license NV-391 from Kelpwise GmbH."
        )
    )
    quads = extraction_quads(ext, resolve([ext]))
    preds = {str(q.predicate.value) for q in quads}
    assert str(PKG.licensedTo) not in preds
    assert any(
        str(q.predicate.value) == str(PKG.relationStatus) and q.object.value == "declined" for q in quads
    )


def test_planned_phase_is_not_the_latest_phase():
    from pharmakg.graph.store import KnowledgeGraph

    ext = Extractor().extract_one(
        Document(
            "p",
            "p",
            "NV-392 is in a Phase 1 trial. Norvanta, Inc. plans to begin a Phase 2 trial of NV-392 in 2025.",
            date="2024-01-01",
        )
    )
    kg = KnowledgeGraph.open()
    kg.add_extractions([ext])
    rows = kg.query("SELECT DISTINCT ?p WHERE { ?c pkg:latestPhase ?p }").rows
    assert rows == [("Phase 1",)]
    years = kg.query("SELECT DISTINCT ?y WHERE { ?r pkg:plannedYear ?y }").rows
    assert [str(y[0]) for y in years] == ["2025"]


# ---------------------------------------------------------------- 6. unknown companies in deal context
@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Norvanta, Inc. granted Quillora an exclusive license to NV-400.", "Quillora"),
        ("Norvanta, Inc. announced a collaboration with Brackenfold to develop NV-401.", "Brackenfold"),
        ("Norvanta, Inc. and its partner Tessivar reported data on NV-402.", "Tessivar"),
        ("Norvanta, Inc. in-licensed NV-403 from Quillora in 2019.", "Quillora"),
        (
            "Norvanta, Inc. signed a deal for NV-404. Brackenfold has an option to co-develop NV-404.",
            "Brackenfold",
        ),
    ],
)
def test_unknown_company_in_deal_context(ex, text, company):
    out = run(ex, text)
    assert fold(company) in {fold(e["name"]) for e in out["entities"] if e["type"] == "COMPANY"}


def test_unknown_company_later_mentions_are_the_same_company(ex):
    out = run(
        ex,
        "Norvanta, Inc. entered into a license agreement with Quillora for NV-410. Quillora will pay "
        "Norvanta $5 million upon signing.",
    )
    q = [e for e in out["entities"] if e["name"] == "Quillora"]
    assert len(q) == 1 and len(q[0]["mentions"]) == 2
    assert q[0]["confidence"] < 0.8
    assert one(out, "PAYMENT", "Quillora", "Norvanta")["value"] == 5000000


@pytest.mark.parametrize(
    "text",
    [
        "Norvanta, Inc. signed an agreement with Japan for NV-420.",
        "Norvanta, Inc. announced a collaboration with Memorial Sloan Kettering on NV-421.",
        "Norvanta, Inc. signed an agreement with Development partners. Development of NV-422 continues.",
        "Norvanta, Inc. licensed NV-423 from January 2020 onwards.",
    ],
)
def test_no_company_from_ordinary_capitalised_words(ex, text):
    out = run(ex, text)
    assert {fold(e["name"]) for e in out["entities"] if e["type"] == "COMPANY"} == {"norvanta"}
