"""Every bundled question, asked of the graph the real pipeline builds from the shared corpus.

Extraction and cross-document merging keep improving, so these tests check facts the releases state
plainly (who targets CD56, what carries DM4, what sanofi-aventis paid ImmunoGen in 2006), through any
of an entity's names, not exact row counts or which name became the preferred label.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.graph.queries import list_queries
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.names import fold

DOC_2006 = "immunogen_2006_11_02_q1_fy2007_results"
KADCYLA = {fold(n) for n in ("Kadcyla", "ado-trastuzumab emtansine", "trastuzumab emtansine", "T-DM1")}
NAMES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?iri ?name WHERE { ?iri skos:prefLabel|skos:altLabel ?name }
"""


def names_of(kg: KnowledgeGraph, iri: str) -> set[str]:
    """Every name (folded) of the entity ``iri``; the IRI is bound as a term, not pasted in."""
    import pyoxigraph as ox

    return {fold(str(name)) for _iri, name in kg.query(NAMES, {"iri": ox.NamedNode(iri)}).rows}


def has_name(kg: KnowledgeGraph, iris, name: str) -> bool:
    return any(fold(name) in names_of(kg, iri) for iri in iris)


def test_every_query_is_tested_here():
    tested = {
        "pipeline",
        "compounds-by-target",
        "compounds-by-payload",
        "compounds-by-indication",
        "partners-and-payments",
        "phase-history",
        "companies-sharing-a-partner",
        "crowded-targets",
        "evidence",
        "aliases",
        "documents",
        "deals",
    }
    assert {name for name, _title, _params in list_queries()} <= tested


def test_pipeline(corpus_kg):
    rows = corpus_kg.run("pipeline", {"limit": "all"}).records()
    by_iri = {r["compound"]: r for r in rows}
    assert len(by_iri) > 20
    huc = [
        r for r in rows if "DM4" in (r["payloads"] or "").split("; ") and "ImmunoGen" in (r["owners"] or "")
    ]
    assert huc, "an ImmunoGen compound carrying DM4"
    kadcyla = next(r for r in rows if fold(r["compound"]) in KADCYLA)
    assert kadcyla["latestPhase"] == "Approved" and kadcyla["phaseDate"] >= "2013-11-20"
    immunogen = corpus_kg.run("pipeline", {"company": "immunogen, inc."}).records()
    assert immunogen and all("ImmunoGen" in r["owners"] for r in immunogen)
    assert {r["compound"] for r in immunogen} < set(by_iri)


@pytest.mark.parametrize("name", ["CD56", "cd56"])
def test_compounds_by_target_cd56(corpus_kg, name):
    rows = corpus_kg.run("compounds-by-target", {"target": name}).records()
    iris = [r["compoundIri"] for r in rows]
    assert has_name(corpus_kg, iris, "huN901-DM1") or has_name(corpus_kg, iris, "lorvotuzumab mertansine")
    assert all("ImmunoGen" in (r["owners"] or "") for r in rows)
    assert all(r["targetName"] == rows[0]["targetName"] for r in rows)


def test_compounds_by_payload_dm4(corpus_kg):
    rows = corpus_kg.run("compounds-by-payload", {"payload": "dm4"}).records()
    iris = [r["compoundIri"] for r in rows]
    for compound in ("huC242-DM4", "IMGN853"):
        assert has_name(corpus_kg, iris, compound), compound
    assert not has_name(corpus_kg, iris, "Kadcyla")  # DM1, not DM4
    assert {r["payloadName"] for r in rows} == {"DM4"}


def test_compounds_by_indication(corpus_kg):
    rows = corpus_kg.run("compounds-by-indication", {"disease": "Ovarian Cancer"}).records()
    assert has_name(corpus_kg, [r["compoundIri"] for r in rows], "IMGN853")
    assert all(r["documents"] for r in rows)


def _partner(rows, kg, name):
    found = [r for r in rows if fold(name) in names_of(kg, r["partnerIri"])]
    assert len(found) == 1, (name, [r["partner"] for r in rows])
    return found[0]


def test_partners_and_payments_of_immunogen(corpus_kg):
    rows = corpus_kg.run("partners-and-payments", {"company": "ImmunoGen"}).records()
    sanofi = _partner(rows, corpus_kg, "sanofi-aventis")
    # the 2006 report: a $2M milestone and a $1M license fee, counted once each
    assert sanofi["paidToCompany"] == 3_000_000 and sanofi["payments"] >= 2
    assert DOC_2006 in sanofi["documents"].split("; ")
    jazz = _partner(rows, corpus_kg, "Jazz Pharmaceuticals")
    # "$75 million upfront" is paid; "up to $100 million in research support" is only potential
    assert jazz["paidToCompany"] == 75_000_000
    assert jazz["potentialUSD"] is None or jazz["potentialUSD"] >= 100_000_000
    for name in ("Boehringer Ingelheim", "Amgen", "Genentech"):
        assert _partner(rows, corpus_kg, name)["agreements"] >= 1
    # the biggest payer comes first
    paid = [r["paidToCompany"] or 0 for r in rows]
    assert paid == sorted(paid, reverse=True)


def test_phase_history_of_hun901(corpus_kg):
    rows = corpus_kg.run("phase-history", {"compound": "HUN901-DM1"}).records()
    got = {(r["date"], r["phase"]) for r in rows}
    assert {("2003-05-08", "Phase 1"), ("2006-11-02", "Phase 1")} <= got
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)


def test_companies_sharing_a_partner(corpus_kg):
    rows = corpus_kg.run("companies-sharing-a-partner").records()
    pairs = [(r["companyName"], r["otherCompany"]) for r in rows]
    assert len(pairs) == len(set(pairs)) and not any((b, a) in set(pairs) for a, b in pairs)
    jazz = corpus_kg.run("companies-sharing-a-partner", {"company": "jazz pharmaceuticals"}).records()
    assert jazz and all(r["companyName"] == "Jazz Pharmaceuticals" for r in jazz)
    roche = [r for r in jazz if r["otherCompany"] == "Roche"]
    assert roche and "ImmunoGen" in roche[0]["partners"].split("; ")


def test_crowded_targets(corpus_kg):
    rows = {r["target"]: r for r in corpus_kg.run("crowded-targets").records()}
    assert all(r["companyCount"] >= 2 for r in rows.values())
    # a licensee is not a competitor of its licensor (issue 7): AstraZeneca licensed T-DXd from Daiichi Sankyo
    assert not any("AstraZeneca" in r["companies"].split("; ") for r in rows.values())
    assert {"Seattle Genetics", "Agensys"} <= set(rows["Nectin-4"]["companies"].split("; "))
    assert corpus_kg.run("crowded-targets", {"minCompanies": "2"}).records() == list(rows.values())
    three = corpus_kg.run("crowded-targets", {"minCompanies": "3"}).records()
    assert all(r["companyCount"] >= 3 for r in three)
    assert {r["target"] for r in three} < set(rows)


def test_evidence_for_a_payment(corpus_kg, corpus_dir):
    from pharmakg.ingest import read_document

    rows = corpus_kg.run(
        "evidence", {"subject": "sanofi-aventis", "relation": "PAYMENT", "object": "ImmunoGen"}
    ).records()
    milestone = [r for r in rows if r["value"] == 2_000_000 and r["document"] == DOC_2006]
    assert milestone, rows
    r = milestone[0]
    assert r["date"] == "2006-11-02" and "milestone" in r["sentence"]
    text = read_document(corpus_dir / "seeds" / f"{DOC_2006}.txt").text
    assert text[r["start"] : r["end"]] == r["sentence"]
    assert r["extractor"] and 0 < r["confidence"] <= 1
    # the value alone selects the same statement
    assert corpus_kg.run("evidence", {"subject": "sanofi-aventis", "object": "2000000"}).rows


def test_aliases(corpus_kg):
    rows = corpus_kg.run("aliases", {"name": "imgn901"}).records()
    assert rows and rows[0]["type"] == "COMPOUND"
    assert fold("lorvotuzumab mertansine") in {fold(n) for n in rows[0]["names"].split(" | ")}


def test_documents(corpus_kg):
    rows = corpus_kg.run("documents", {"limit": "all"}).records()
    assert len(rows) == 19
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert DOC_2006 in {r["document"] for r in rows}


def test_to_dataframe(corpus_kg):
    pytest.importorskip("pandas")
    df = corpus_kg.run("crowded-targets").to_dataframe()
    assert list(df.columns)[:2] == ["target", "companyCount"]
    assert "Nectin-4" in set(df["target"])


@pytest.fixture(scope="module")
def corpus_file(corpus_kg, tmp_path_factory):
    return corpus_kg.save(tmp_path_factory.mktemp("corpus") / "kg.nq")


def test_cli_query_by_name_with_param_as_csv(corpus_file):
    runner = CliRunner()
    res = runner.invoke(
        main,
        [
            "query",
            "compounds-by-target",
            "--graph",
            str(corpus_file),
            "--param",
            "target=CD56",
            "--format",
            "csv",
        ],
    )
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert rows and all(r["targetName"] == "CD56" for r in rows)
    res = runner.invoke(
        main,
        [
            "query",
            "partners-and-payments",
            "-g",
            str(corpus_file),
            "-p",
            "company=ImmunoGen",
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    assert max(r["paidToCompany"] or 0 for r in json.loads(res.output)) == 75_000_000


def test_cli_lists_every_query_with_its_parameters():
    res = CliRunner().invoke(main, ["query", "--list"])
    assert res.exit_code == 0, res.output
    for name, title, params in list_queries():
        line = next(line for line in res.output.splitlines() if line.startswith(name + " "))
        assert title in line and all(p in line for p in params)


def test_deals(corpus_kg):
    from pharmakg.graph.deals import deals

    rows = {r["parties"]: r for r in deals(corpus_kg).records()}
    arena = rows["Arena Pharmaceuticals; United Therapeutics"]
    assert arena["upfront"] == "800000000 USD" and arena["payers"] == "United Therapeutics"
    jazz = rows["ImmunoGen; Jazz Pharmaceuticals"]
    assert jazz["optionHolder"] == "Jazz Pharmaceuticals"
    # one row per pair of companies, whatever the number of statements behind it
    assert len(rows) == len(deals(corpus_kg).rows)
    immunogen = deals(corpus_kg, "ImmunoGen").records()
    assert immunogen and all("ImmunoGen" in r["parties"].split("; ") for r in immunogen)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ralinepag", {"ralinepag", "APD811"}),  # the asset of the Arena-United Therapeutics deal
        ("NCAM1", {"CD56"}),  # the knowledge base's gene symbol
        ("lorvotuzumab", {"lorvotuzumab mertansine", "huN901-DM1"}),  # a prefix
        ("kadcyla", KADCYLA),  # a brand, in lower case
        ("Kadcila", KADCYLA),  # a one-letter typo
        ("lorvotuzumab mertansin", {"lorvotuzumab mertansine"}),  # a typo at the end
    ],
)
def test_any_name_finds_its_entity(corpus_kg, text, names):
    from pharmakg.graph.names import NameIndex

    match = NameIndex.from_graph(corpus_kg).resolve(text)
    assert any(fold(n) in names_of(corpus_kg, match.iri) for n in names)


# parameters that find something in the corpus, for the stability check below
STABLE_PARAMS = {
    "aliases": {"name": "Kadcyla"},
    "compounds-by-indication": {"disease": "breast cancer"},
    "compounds-by-payload": {"payload": "DM1"},
    "compounds-by-target": {"target": "HER2"},
    "evidence": {"subject": "ImmunoGen"},
    "partners-and-payments": {"company": "ImmunoGen"},
    "phase-history": {"compound": "Kadcyla"},
}


def test_two_build_orders_give_byte_identical_csv_for_every_bundled_query(corpus_dir):
    from pharmakg import api

    parts = [corpus_dir / p for p in ("seeds", "dev", "dev2") if (corpus_dir / p).is_dir()]
    graphs = [api.build(order, on_error="skip") for order in (parts, parts[::-1])]
    for name, _title, _params in list_queries():
        answers = [kg.run(name, STABLE_PARAMS.get(name)).to_csv() for kg in graphs]
        assert answers[0].count("\n") > 1, f"{name} finds nothing"
        assert answers[0] == answers[1], name
