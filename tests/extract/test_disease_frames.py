"""Diseases no table names, read from the frame that states an indication and the shape of their head noun
(disease_grammar.json, section frames; components/disease_frames.py), on invented sentences; the phrase
over a shorter lexicon name; and the guards: state words, biomarkers, lines of therapy, healthy volunteers,
side effects, generic heads alone, a disease noun used as a modifier."""

from __future__ import annotations

import pytest
from contract_view import names, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "compound", "disease"),
    [
        # treatment frames
        (
            "Nordvik Therapeutics is developing NV-311 for the treatment of Halvorsen-Quist dystrophy.",
            "NV-311",
            "Halvorsen-Quist dystrophy",
        ),
        (
            "Brightmoor Bio said BMR-27 could be used to treat congenital lymphovenous dysplasia.",
            "BMR-27",
            "congenital lymphovenous dysplasia",
        ),
        (
            "As a therapy for Ostrander syndrome, TQ-902 would be given monthly, Kettle Pharma Inc. said.",
            "TQ-902",
            "Ostrander syndrome",
        ),
        # patient frames
        (
            "Kettle Pharma Inc. dosed the first adults with periorbital granulomatous vasculitis with KP-15.",
            "KP-15",
            "periorbital granulomatous vasculitis",
        ),
        (
            "Enrolment of children with Tamsin-Lowe disease in the LUMEN study of QX-40 is complete.",
            "QX-40",
            "Tamsin-Lowe disease",
        ),
        (
            "RV-8, from Redvale Biosciences, lowered urate levels in eleven Marwick nephropathy patients.",
            "RV-8",
            "Marwick nephropathy",
        ),
        # trial, indication and vaccine frames
        (
            "Redvale Biosciences opened a Phase 2 trial in hereditary sensory neuropathy with RV-12.",
            "RV-12",
            "hereditary sensory neuropathy",
        ),
        (
            "DX-77 is indicated for acquired thrombotic microangiopathy, Delamere Labs said.",
            "DX-77",
            "acquired thrombotic microangiopathy",
        ),
        (
            "Delamere Labs will test DX-5, a vaccine against Orinoco hemorrhagic fever, in monkeys.",
            "DX-5",
            "Orinoco hemorrhagic fever",
        ),
    ],
)
def test_a_disease_in_an_indication_frame(ex: Extractor, text: str, compound: str, disease: str) -> None:
    out = run(ex, text)
    assert fold(disease) in names(out, "DISEASE")
    ids = {e["id"]: {fold(n) for n in [e["name"], *e["aliases"]]} for e in out["entities"]}
    pairs = [(ids[r["subject"]], ids[r["object"]]) for r in out["relations"] if r["type"] == "INDICATION"]
    assert any(fold(compound) in c and fold(disease) in d for c, d in pairs)


def test_coordinated_diseases_in_one_frame(ex: Extractor) -> None:
    out = run(ex, "Pellam Bio tests PB-6 in patients with Hartigan syndrome or Corvo myopathy.")
    assert {fold("Hartigan syndrome"), fold("Corvo myopathy")} <= names(out, "DISEASE")


def test_the_phrase_over_a_shorter_known_name(ex: Extractor) -> None:
    """A lexicon name that is only a modifier of a disease head: the whole phrase is the disease."""
    out = run(ex, "Pellam Bio is developing PB-2 for the treatment of chronic norovirus gastroenteritis.")
    assert fold("chronic norovirus gastroenteritis") in names(out, "DISEASE")


def test_a_known_name_keeps_its_entity(ex: Extractor) -> None:
    """A modifier before a lexicon disease only adds an alias: one entity, the lexicon's."""
    out = run(ex, "Pellam Bio tests PB-9 in patients with newly diagnosed Parkinson's disease.")
    diseases = [e for e in out["entities"] if e["type"] == "DISEASE"]
    assert len(diseases) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Pellam Bio enrolled patients with no prior therapy and healthy volunteers in a study of PB-4.",
        "Pellam Bio excluded patients with advanced disease or residual disease from the PB-4 study.",
        "PB-4 was tested in patients with KRAS-mutant disease after two prior lines of therapy.",
        "PB-4 slowed disease progression in patients with Halvorsen-Quist dystrophy progression markers.",
        "In the PB-4 study, the most common adverse events were nausea and drug-induced hepatopathy.",
        "Pellam Bio is a company focused on autoimmune diseases; it owns PB-4.",
        "PB-4 is approved for a non-genetic disease, Pellam Bio said.",
        "Pellam Bio will run a trial in Oklahoma with PB-4.",
    ],
)
def test_no_disease_without_a_disease_phrase(ex: Extractor, text: str) -> None:
    assert not names(run(ex, text), "DISEASE")
