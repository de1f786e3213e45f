"""A disease listed with diseases that all hold one compound shares that compound (relations/indications.py,
_listed_with_indicated), on sentences written for these tests."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor

FIRST = "Helix Biotherapeutics is developing ZB-12 for the treatment of gastric cancer. "


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_disease_listed_with_the_compounds_indication_is_its_indication_too(ex: Extractor) -> None:
    out = run(ex, FIRST + "Gastric cancer and liver cancer will form the first two expansion cohorts.")
    assert ("zb12", "livercancer") in rels(out, "INDICATION")


def test_a_plural_drug_noun_before_the_list_spreads_it_over_several_products(ex: Extractor) -> None:
    out = run(ex, FIRST + "The two programs in gastric cancer and liver cancer start in 2026.")
    assert ("zb12", "livercancer") not in rels(out, "INDICATION")


def test_a_list_in_a_sentence_naming_another_compound_is_left_to_the_sentence_rules(ex: Extractor) -> None:
    out = run(ex, FIRST + "Gastric cancer and liver cancer will be studied with ZB-14 as well.")
    assert ("zb12", "livercancer") not in rels(out, "INDICATION")


def test_diseases_of_a_document_where_no_compound_holds_one_are_therapy_areas(ex: Extractor) -> None:
    text = "Helix Biotherapeutics and Norden Pharma formed a partnership to develop drugs for gastric cancer."
    assert not [e for e in run(ex, text)["entities"] if e["type"] == "DISEASE"]
    kept = run(ex, FIRST + "Norden Pharma will co-develop it.")
    assert [e for e in kept["entities"] if e["type"] == "DISEASE"]
