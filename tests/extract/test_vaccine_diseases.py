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


@pytest.mark.parametrize(
    ("text", "compound", "disease"),
    [
        (
            "Tarrow Vaccines began a Phase 1 trial of TV-12, its Zika vaccine candidate, after Zika virus "
            "outbreaks.",
            "TV-12",
            "Zika",
        ),
        (
            "Halvard Bio said its Nipah vaccine HV-4 protected primates from Nipah virus challenge.",
            "HV-4",
            "Nipah",
        ),
        (
            "A vaccine against Lassa, LV-2 from Quenby Therapeutics, entered a trial in regions where Lassa "
            "virus is endemic.",
            "LV-2",
            "Lassa",
        ),
    ],
)
def test_a_virus_named_without_virus_in_vaccine_wording_is_the_disease(ex, text, compound, disease):
    # MeSH "<X> Virus Infection": the bare X in vaccine wording, where the text writes "X virus" too
    out = run(ex, text)
    assert fold(disease) in names(out, "DISEASE")
    assert (fold(compound), fold(disease)) in rels(out, "INDICATION")


@pytest.mark.parametrize(
    "text",
    [
        "Quenby Therapeutics said QV-1, its Zika vaccine, is in a Phase 1 study.",  # no "Zika virus"
        "Quenby Therapeutics said QV-3, a DNA vaccine, is in a Phase 1 study; DNA virus vectors were unused.",
        # no vaccine wording around the virus
        "Zika virus cases fell this year, Tarrow Vaccines said; its TV-12 is a flu shot.",
    ],
)
def test_a_bare_virus_name_needs_vaccine_wording_and_the_full_name(ex, text):
    assert names(run(ex, text), "DISEASE") == set()
