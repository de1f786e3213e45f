"""A disease-table name listed with a disease the grammar read is a disease too (components/disease_lists.py),
on sentences written for these tests."""

from __future__ import annotations

import pytest
from contract_view import groups, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def diseases(ex: Extractor, text: str) -> set[str]:
    return {n for g in groups(run(ex, text), "DISEASE") for n in g}


def test_table_names_listed_after_a_grammar_disease_are_diseases(ex: Extractor) -> None:
    found = diseases(ex, "Helix is developing ZB-12 in pancreatic cancer, gout and psoriasis.")
    assert {"pancreaticcancer", "gout", "psoriasi"} <= found


def test_a_table_name_listed_before_a_grammar_disease_is_a_disease(ex: Extractor) -> None:
    found = diseases(ex, "Helix is developing ZB-12 in psoriasis as well as gastric cancer.")
    assert {"psoriasi", "gastriccancer"} <= found


def test_a_table_name_not_listed_with_a_disease_stays_unread(ex: Extractor) -> None:
    found = diseases(ex, "ZB-12 is in development in pancreatic cancer. Gout research has a long history.")
    assert "gout" not in found
    text = "ZB-12 is developed in pancreatic cancer. Pancreatic cancer is rarer than gout."
    assert "gout" not in diseases(ex, text)
