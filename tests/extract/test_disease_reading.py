"""Disease names read from the MeSH table in indication wording (invented sentences only): possessive
eponyms, short descriptor names, diseases listed with a disease read in context."""

from __future__ import annotations

import pytest

from pharmakg.extract.components.knowledge import KnowledgeMatcher

TABLES = {"COMPOUND": "compounds.tsv", "TARGET": "targets.tsv", "DISEASE": "diseases.tsv"}


@pytest.fixture(scope="module")
def matcher() -> KnowledgeMatcher:
    return KnowledgeMatcher(TABLES, {"TARGET": ["symbol", "name", "alias"]}, "knowledge_context.json", 0.9)


def diseases(matcher: KnowledgeMatcher, text: str) -> list[str]:
    return sorted({text[s:e] for s, e, hit in matcher.accepted(text) if hit[0] == "DISEASE"})


def test_a_plural_possessive_eponym_is_the_mesh_disease(matcher: KnowledgeMatcher) -> None:
    assert diseases(matcher, "Helix is developing ZB-12 for the treatment of Graves' disease.") == [
        "Graves' disease"
    ]
    assert diseases(matcher, "ZB-12 is studied in patients with Graves’ disease.") == ["Graves’ disease"]


def test_a_short_descriptor_name_is_a_disease_but_a_short_entry_term_only_in_capitals(
    matcher: KnowledgeMatcher,
) -> None:
    assert diseases(matcher, "Helix is developing ZB-12 for the treatment of gout.") == ["gout"]
    assert diseases(matcher, "ZB-12 is approved for patients with GERD.") == ["GERD"]
    assert diseases(matcher, "ZB-12 is approved for patients with gerd.") == []
    assert diseases(matcher, "Gout research has a long history.") == []


def test_a_disease_listed_with_a_disease_in_indication_wording_is_one_too(matcher: KnowledgeMatcher) -> None:
    text = "ZB-12 is in Phase 3 for psoriasis, eczema and gout."
    assert diseases(matcher, text) == ["eczema", "gout", "psoriasis"]
    text = "Talbumab is being tested in hypertension and congestive heart failure."
    assert diseases(matcher, text) == ["congestive heart failure", "heart failure", "hypertension"]
    assert diseases(matcher, "The clinic treats many people. Eczema and gout are common.") == []


def test_a_severity_or_state_word_before_a_mesh_disease_is_kept_as_an_alias() -> None:
    from pharmakg.extract.pipeline import build_pipeline

    nlp = build_pipeline()
    for text, name, alias in (
        ("Helix is developing ZB-12 for the treatment of severe asthma.", "asthma", "severe asthma"),
        (
            "ZB-12 is a compound in development for uncontrolled hypertension.",
            "hypertension",
            "uncontrolled hypertension",
        ),
        # two state words joined by "or"/"and" are one modifier ("relapsed or refractory")
        (
            "Helix is testing ZB-12 in patients with relapsed or refractory multiple myeloma.",
            "multiple myeloma",
            "relapsed or refractory multiple myeloma",
        ),
        (
            "Helix is testing ZB-12 in adults with moderate and severe asthma.",
            "asthma",
            "moderate and severe asthma",
        ),
    ):
        ents = {e.name: e.aliases for e in nlp(text)._.pkg_entities if e.type == "DISEASE"}
        assert alias in ents[name]
    # "and" joins two state words only, not an abbreviation of another disease to this one
    text = "Helix is testing ZB-12 in patients with SLE and lupus nephritis."
    ents = {e.name: e.aliases for e in nlp(text)._.pkg_entities if e.type == "DISEASE"}
    assert not any("SLE and" in a for a in ents.get("lupus nephritis", []))


def test_a_drug_noun_before_for_is_indication_wording(matcher: KnowledgeMatcher) -> None:
    assert diseases(matcher, "ZB-12 is a long-acting injectable for schizophrenia.") == ["schizophrenia"]
    assert "alopecia areata" in diseases(matcher, "Talbumab is a product candidate for alopecia areata.")
    assert diseases(matcher, "Schizophrenia affects many people.") == []


def test_a_hyphenated_cause_before_a_mesh_disease_is_kept_as_an_alias() -> None:
    from pharmakg.extract.pipeline import build_pipeline

    nlp = build_pipeline()
    text = "ZB-12 is an AAV gene therapy for X-linked retinitis pigmentosa."
    ents = {e.name: e.aliases for e in nlp(text)._.pkg_entities if e.type == "DISEASE"}
    assert "X-linked retinitis pigmentosa" in ents["retinitis pigmentosa"]


def test_a_disease_in_the_parenthesis_after_a_code_name_is_read(matcher: KnowledgeMatcher) -> None:
    text = "Helix's pipeline: ZB-12 (psoriasis, Phase 3); ZB-16 (gout, Phase 1)."
    assert "gout" in diseases(matcher, text)
    assert diseases(matcher, "The meeting (gout, diet) was long.") == []


def test_a_kind_of_pain_or_a_transplant_complication_is_a_disease_but_pain_alone_is_not(
    matcher: KnowledgeMatcher,
) -> None:
    assert diseases(matcher, "ZB-12 is an oral candidate for the treatment of chronic pain.") == [
        "chronic pain"
    ]
    text = "Talbumab is tested for the prevention of delayed graft function in kidney recipients."
    assert diseases(matcher, text) == ["delayed graft function"]
    assert diseases(matcher, "ZB-12 is an oral candidate for the treatment of pain.") == []


def test_only_the_treated_branches_of_the_mesh_signs_are_diseases() -> None:
    from pharmakg.ontology.disease_source import tree_ok

    assert tree_ok(["C23.888.592.612.274"], "Chronic Pain") and tree_ok(
        ["C23.550.277"], "Delayed Graft Function"
    )
    assert not tree_ok(["C23.888.592.612"], "Pain")  # the symptom itself
    assert not tree_ok(["C23.550.470.790.250"], "Cytokine Release Syndrome")  # a side effect
    assert not tree_ok(["C23.550.291.656"], "Disease Progression")


def test_a_mesh_disease_is_read_in_british_spelling_too(matcher: KnowledgeMatcher) -> None:
    text = "ZB-12 is developed for the treatment of haemophilia B and sickle cell anaemia."
    assert {"haemophilia B", "sickle cell anaemia"} <= set(diseases(matcher, text))
    text = "Talbumab is in Phase 2 in patients with oesophageal cancer and coeliac disease."
    assert {"oesophageal cancer", "coeliac disease"} <= set(diseases(matcher, text))
    assert diseases(matcher, "ZB-12 is developed for the treatment of haemisphere pain.") == []
