"""A clinical abbreviation of the disease lexicon (lexicons/diseases.tsv: AMD, NSCLC ...) keeps the form
words the text writes before it as an alias ("wet AMD", "advanced AMD", "metastatic NSCLC"), as the MeSH
names do (knowledge_context.json disease_modifiers), on invented sentences."""

from __future__ import annotations

import pytest
from contract_view import groups, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "compound", "form"),
    [
        (
            "AO-5, an intravitreal injection for wet AMD, entered Phase 3, Ardmore Ophthalmics said.",
            "AO-5",
            "wet AMD",
        ),
        (
            "Ardmore Ophthalmics reported that AO-9 slowed lesion growth in advanced AMD patients.",
            "AO-9",
            "advanced AMD",
        ),
        ("Dosing of AO-2 in a Phase 1 trial for neovascular AMD began in May.", "AO-2", "neovascular AMD"),
        ("Penrose Oncology's PX-301 is in Phase 2 in metastatic NSCLC.", "PX-301", "metastatic NSCLC"),
    ],
)
def test_an_abbreviation_keeps_its_form_words(ex, text, compound, form):
    out = run(ex, text)
    group = next(g for g in groups(out, "DISEASE") if fold(form) in g)
    assert fold(form.split()[-1]) in group
    assert any(c == fold(compound) and d in group for c, d in rels(out, "INDICATION"))


def test_amd_is_age_related_macular_degeneration(ex):
    out = run(ex, "Ardmore Ophthalmics began a Phase 2 study of AO-4 in patients with AMD.")
    assert any({"agerelatedmaculardegeneration", "amd"} <= g for g in groups(out, "DISEASE"))


def test_no_form_word_from_the_stop_list(ex):
    out = run(ex, "Ardmore Ophthalmics develops AO-6 as a potential AMD treatment.")
    assert not any("potentialamd" in g for g in groups(out, "DISEASE"))
