"""Disease names in the forms releases write them and the compound each indication belongs to (annotation
Conventions), on sentences written for these tests: abbreviations that take letters from inside words, the
form words written before a MeSH name, a broad indication said of its own compound."""

from __future__ import annotations

import pytest
from contract_view import groups, run

from pharmakg.extract.components.alias_forms import letters_in_order
from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def diseases(ex: Extractor, text: str) -> list[set[str]]:
    return groups(run(ex, text), "DISEASE")


def indications(ex: Extractor, text: str) -> set[tuple[str, str]]:
    out = run(ex, text)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["subject"]], name[r["object"]]) for r in out["relations"] if r["type"] == "INDICATION"}


@pytest.mark.parametrize(
    ("abbr", "long_form", "expected"),
    [
        ("HAE", "hereditary angioedema", True),
        ("GIST", "gastrointestinal stromal tumors", True),
        ("NASH", "nonalcoholic steatohepatitis", True),
        ("CKD", "chronic kidney disease", True),
        ("HT", "hereditary angioedema", False),  # a word gives no letter
        ("XYZ", "hereditary angioedema", False),
        ("H", "hereditary angioedema", False),  # one letter is no abbreviation
    ],
)
def test_an_abbreviation_may_take_letters_from_inside_the_words(
    abbr: str, long_form: str, expected: bool
) -> None:
    assert letters_in_order(abbr, long_form) is expected


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Helix is developing ZB-12 for patients with hereditary angioedema (HAE).", "hae"),
        ("ZB-12 is in a Phase 2 study in gastrointestinal stromal tumors (GIST).", "gist"),
        ("Talbumab is indicated for the treatment of hereditary angioedema (HAE) attacks.", "hae"),
    ],
)
def test_a_disease_abbreviation_defined_in_parentheses_is_its_alias(
    ex: Extractor, text: str, short: str
) -> None:
    found = diseases(ex, text)
    assert len(found) == 1 and short in found[0]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        (
            "ZB-12 is in Phase 3 for patients with wet age-related macular degeneration.",
            "wetagerelatedmaculardegeneration",
        ),
        ("Helix develops ZB-12 for the treatment of hATTR amyloidosis.", "hattramyloidosi"),
        ("KT-5 is being tested in patients with ATTR amyloidosis.", "attramyloidosi"),
    ],
)
def test_a_form_word_before_a_mesh_disease_is_kept_in_an_alias(ex: Extractor, text: str, form: str) -> None:
    found = diseases(ex, text)
    assert len(found) == 1 and form in found[0]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "The deal covers ZB-4, a CD33-targeted ADC for the treatment of acute myeloid leukemia, "
            "and ZB-7, a CD123-targeted ADC for hematological malignancies.",
            {("ZB-4", "acute myeloid leukemia"), ("ZB-7", "hematological malignancies")},
        ),
        (
            "Helix is testing KT-2 in chronic lymphocytic leukemia, while KT-9 is in a Phase 1 study in "
            "hematologic malignancies.",
            {("KT-2", "chronic lymphocytic leukemia"), ("KT-9", "hematologic malignancies")},
        ),
    ],
)
def test_a_broad_indication_of_another_compound_is_no_alias(ex: Extractor, text: str, pairs: set) -> None:
    assert indications(ex, text) == pairs


def test_a_broad_mention_of_the_same_compound_still_joins(ex: Extractor) -> None:
    found = diseases(ex, "ZB-4 is developed for hematologic malignancies such as acute myeloid leukemia.")
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "disease"),
    [
        ("ZB-12, a GLP-1 receptor agonist for obesity, is owned by Helix.", "obesity"),
        ("KT-5, an oral antagonist for endometriosis, entered Phase 2.", "endometriosis"),
        ("ZB-12 is a once-weekly injection for type 2 diabetes.", "type 2 diabetes"),
        ("Talbumab is a long-acting formulation for schizophrenia.", "schizophrenia"),
    ],
)
def test_a_mesh_disease_after_a_drug_noun_and_for_is_an_indication(
    ex: Extractor, text: str, disease: str
) -> None:
    assert {p[1] for p in indications(ex, text)} == {disease}


def test_a_mesh_disease_without_indication_wording_stays_no_disease(ex: Extractor) -> None:
    assert diseases(ex, "The conference for obesity research opened in Boston.") == []


def test_a_broad_mention_after_the_brand_joins_the_indication_named_after_its_inn(ex: Extractor) -> None:
    # the brand and its INN are one drug-table record: one compound, so "solid tumors" is no other compound's
    text = (
        "Helix Bio today announced that the FDA approved Padcev (enfortumab vedotin) for adults with "
        "metastatic urothelial cancer. Padcev is an antibody-drug conjugate directed to Nectin-4, a protein "
        "expressed on many solid tumors."
    )
    found = diseases(ex, text)
    assert len(found) == 1 and {"urothelialcancer", "solidtumor"} <= found[0]
