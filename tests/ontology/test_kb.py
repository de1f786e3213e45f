"""The knowledge base: lexicons + kb/ tables -> records, identities, identifiers and company history."""

from __future__ import annotations

import pytest

from pharmakg.ontology.kb import KB, default_kb


@pytest.fixture(scope="module")
def kb() -> KB:
    return default_kb()


@pytest.mark.parametrize(
    "names",
    [
        ["trastuzumab-DM1", "T-DM1", "trastuzumab emtansine", "ado-trastuzumab emtansine", "Kadcyla"],
        ["huN901-DM1", "IMGN901", "BB-10901", "lorvotuzumab mertansine"],
        ["IMGN853", "mirvetuximab soravtansine", "Elahere"],
        ["huC242-DM4", "IMGN242", "cantuzumab ravtansine"],
        ["SGN-35", "brentuximab vedotin", "Adcetris"],
        ["DS-8201a", "DS-8201", "fam-trastuzumab deruxtecan", "Enhertu"],
        ["IMMU-132", "sacituzumab govitecan", "Trodelvy"],
        ["ASG-22ME", "enfortumab vedotin", "Padcev"],
    ],
)
def test_code_name_inn_and_brand_are_one_record(kb, names):
    keys = {kb.identity_of("COMPOUND", n) for n in names}
    assert len(keys) == 1 and None not in keys


def test_code_names_of_different_drugs_differ(kb):
    assert kb.identity_of("COMPOUND", "huC242-DM1") != kb.identity_of("COMPOUND", "huC242-DM4")
    assert kb.identity_of("COMPOUND", "trastuzumab") != kb.identity_of("COMPOUND", "T-DM1")


def test_lookup_returns_record_with_identifiers(kb):
    rec = kb.lookup("TARGET", "NCAM1")
    assert rec is not None and rec.name == "CD56" and rec.key == "TARGET:CD56"
    assert rec.identifiers == {"hgnc": "HGNC:7656"}
    assert kb.lookup("TARGET", "folate receptor alpha").identifiers["hgnc"] == "HGNC:3791"
    assert kb.lookup("DISEASE", "SCLC").identifiers["ncit"] == "C4917"
    assert kb.lookup("COMPANY", "ImmunoGen, Inc.").identifiers["ticker"] == "NASDAQ:IMGN"


def test_unknown_wrong_type_and_ambiguous_names_give_nothing(kb):
    assert kb.lookup("COMPANY", "Idec") is None
    assert kb.lookup("DISEASE", "CD56") is None  # a target name is not a disease
    assert kb.lookup("COMPOUND", "treprostinil") is None  # three brands
    assert kb.lookup("COMPANY", "Merck") is None  # Merck & Co. and Merck KGaA fold alike


def test_renames_are_one_entity_acquisitions_are_not(kb):
    assert kb.identity_of("COMPANY", "sanofi-aventis") == "COMPANY:Sanofi"
    assert kb.identity_of("COMPANY", "Sanofi") == "COMPANY:Sanofi"
    assert kb.identity_of("COMPANY", "Seattle Genetics, Inc.") == "COMPANY:Seagen"
    assert kb.identity_of("COMPANY", "Biogen Idec") == "COMPANY:Biogen"
    assert kb.identity_of("COMPANY", "Abgenix") == "COMPANY:Abgenix" != kb.identity_of("COMPANY", "Amgen")
    assert kb.former_names("COMPANY:Sanofi") == ["sanofi-aventis"]
    assert kb.identifiers("COMPANY:Seagen")["ticker"] == "NASDAQ:SGEN"


@pytest.mark.parametrize(
    "old,new,relation,year",
    [
        ("Abgenix", "Amgen", "acquired_by", 2006),
        ("Millennium Pharmaceuticals", "Takeda", "acquired_by", 2008),
        ("sanofi-aventis", "Sanofi", "renamed", 2011),
        ("Seattle Genetics", "Seagen", "renamed", 2020),
        ("Seagen", "Pfizer", "acquired_by", 2023),
        ("Immunomedics", "Gilead Sciences", "acquired_by", 2020),
        ("ImmunoGen", "AbbVie", "acquired_by", 2024),
        ("Agensys", "Astellas Pharma", "acquired_by", 2007),
    ],
)
def test_company_history(kb, old, new, relation, year):
    rec = kb.lookup("COMPANY", old)
    events = [(kb.record(e.old).name, kb.record(e.new).name, e.relation, e.year) for e in rec.history]
    assert (old, new, relation, year) in events


def test_a_kb_built_from_given_folders(tmp_path):
    lex, tables = tmp_path / "lex", tmp_path / "kb"
    lex.mkdir()
    tables.mkdir()
    (lex / "companies.tsv").write_text("# comment\nOldCo\tOldCo Inc.\t\t\nNewCo\t\t\t\n", encoding="utf-8")
    (tables / "history.tsv").write_text("OldCo\tNewCo\trenamed\t2020\n", encoding="utf-8")
    (tables / "identifiers.tsv").write_text("COMPANY\tOldCo\tticker\tNASDAQ:OLD\n", encoding="utf-8")
    kb = KB.load(lex, tables)
    assert len(kb) == 2
    assert kb.identity_of("COMPANY", "OldCo Inc.") == "COMPANY:NewCo"
    assert kb.identifiers("COMPANY:NewCo") == {"ticker": "NASDAQ:OLD"}
    assert kb.stats()["COMPANY"]["history"] == 1
    with pytest.raises(ValueError):
        kb.add_history("OldCo", "NewCo", "bought")


def test_packaged_kb_has_identifiers_for_the_targets_named_in_the_issue(kb):
    expected = {
        "CD56": "HGNC:7656",
        "HER2": "HGNC:3430",
        "FRα": "HGNC:3791",
        "PSMA": "HGNC:3788",
        "CD30": "HGNC:11923",
        "TROP2": "HGNC:11530",
        "CD33": "HGNC:1659",
        "IGF-1R": "HGNC:5465",
        "CD20": "HGNC:7315",
    }
    for name, hgnc in expected.items():
        assert kb.lookup("TARGET", name).identifiers["hgnc"] == hgnc
