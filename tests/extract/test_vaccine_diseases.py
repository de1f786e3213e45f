"""Vaccines and the disease they prevent (ANNOTATION.md Conventions: for vaccines the infection prevented is
the disease; "an S. aureus vaccine" is no entity), on invented sentences: a drug-table name made of a disease
and "vaccine" is read as that disease, not as a compound (knowledge_context.json generic_product_tail)."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "compound", "disease"),
    [
        (
            "Brantor Biologics filed for approval of BRV-20, a dengue vaccine for travellers.",
            "BRV-20",
            "dengue",
        ),
        (
            "Kelso Immunology's KX-9 typhoid vaccine produced protective titres in a Phase 2 study.",
            "KX-9",
            "typhoid",
        ),
        (
            "Regulators cleared the cholera vaccine candidate HQ-3 of Halden Vaccines for a Phase 3 study.",
            "HQ-3",
            "cholera",
        ),
        (
            "Under the agreement, Pellan Bio will develop PL-101, its hepatitis A vaccine, in Asia.",
            "PL-101",
            "hepatitis A",
        ),
    ],
)
def test_a_generic_vaccine_name_gives_its_disease(ex, text, compound, disease):
    out = run(ex, text)
    assert fold(disease) in names(out, "DISEASE")
    assert not any(n.endswith("vaccine") for n in names(out, "COMPOUND"))
    assert (fold(compound), fold(disease)) in rels(out, "INDICATION")


def test_a_generic_vaccine_alone_is_no_compound(ex):
    out = run(ex, "Marrow Bio also sells a generic influenza vaccine.")
    assert names(out, "COMPOUND") == set()


def test_a_vaccine_brand_of_the_drug_table_stays_a_compound(ex):
    out = run(ex, "Corvex Biotech compared CVX-2 with Engerix-B in adults.")
    assert "engerixb" in names(out, "COMPOUND")
