"""The relation rule registry and the rule order declared in the pharmakg_relations config, on short
sentences written for these tests (entities are set directly on the Doc, as in test_relations)."""

from __future__ import annotations

import pytest
import spacy
from given_entities import read_relations, relation_pipeline

from pharmakg.extract.relations import DEFAULT_RULES, RULES, Relations
from pharmakg.extract.relations.registry import relation_rule, resolve

ADC = "XYZ-101, an anti-HER2 antibody-drug conjugate, is in a Phase 1 trial in breast cancer."
ADC_ENTITIES = {
    "e1": ("COMPOUND", "XYZ-101"),
    "e2": ("TARGET", "HER2"),
    "e3": ("DISEASE", "breast cancer"),
}


def relation_types(text: str, entities: dict[str, tuple[str, str]], rules: list[str] | None = None) -> set:
    """(type, subject, object or value) of the relations a pipeline with ``rules`` finds in ``text``."""
    given = {eid: (etype, [name]) for eid, (etype, name) in entities.items()}
    doc = read_relations(relation_pipeline(rules), text, given, hyphen_bounds=False)
    return {(r.type, r.subject, r.object or r.value) for r in doc._.pkg_relations}


def test_registry_holds_every_rule_of_the_default_config() -> None:
    default = (spacy.blank("en").get_factory_meta("pharmakg_relations").default_config or {})["rules"]
    assert default == DEFAULT_RULES
    assert [spec.name for spec in resolve(default)] == DEFAULT_RULES
    assert set(RULES) == set(DEFAULT_RULES)  # no registered rule is left out of the default order
    assert {RULES[n].scope for n in ("code_names", "post")} == {"document"}


def test_unknown_rule_in_config_is_a_clear_error() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match=r"unknown relation rule\(s\) \['tragets'\]"):
        nlp.add_pipe("pharmakg_relations", config={"rules": ["trials", "tragets"]})
    with pytest.raises(ValueError, match="listed twice"):
        Relations({}, ["post", "post"])


def test_a_rule_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        relation_rule("targets")(lambda cues: lambda ctx, s: None)
    assert RULES["targets"].build.__name__ == "Targets"


def test_removing_a_rule_from_config_removes_its_relations() -> None:
    found = relation_types(ADC, ADC_ENTITIES)
    assert ("TARGETS", "e1", "e2") in found
    assert {("INDICATION", "e1", "e3"), ("IN_PHASE", "e1", "Phase 1")} <= found
    without = relation_types(ADC, ADC_ENTITIES, [r for r in DEFAULT_RULES if r != "targets"])
    assert not any(t == "TARGETS" for t, _s, _o in without)
    assert without == found - {("TARGETS", "e1", "e2")}  # the other rules are not affected


def test_rules_run_in_the_configured_order_only() -> None:
    only_phases = relation_types(ADC, ADC_ENTITIES, ["phases"])
    assert only_phases == {("IN_PHASE", "e1", "Phase 1")}
    assert relation_types(ADC, ADC_ENTITIES, []) == set()


def test_the_pipeline_config_declares_the_rule_order() -> None:
    from pharmakg.extract.pipeline import build_pipeline

    component = build_pipeline().get_pipe("pharmakg_relations")
    assert isinstance(component, Relations) and component.rule_names == DEFAULT_RULES


@pytest.mark.parametrize(
    "text",
    [
        "Helix reported data for HX-12 in gastric cancer and ZB-4 in melanoma.",
        "Helix is developing HX-12 in gastric cancer and for ZB-4 in melanoma.",
        "Helix tests HX-12 in gastric cancer, while ZB-4 is in a Phase 1 study in melanoma.",
        "Helix tests HX-12 in gastric cancer as well as ZB-4 in melanoma.",
    ],
)
def test_each_disease_goes_to_the_compound_of_its_own_conjunct(text: str) -> None:
    entities = {
        "c1": ("COMPOUND", "HX-12"),
        "c2": ("COMPOUND", "ZB-4"),
        "d1": ("DISEASE", "gastric cancer"),
        "d2": ("DISEASE", "melanoma"),
    }
    indications = {f for f in relation_types(text, entities) if f[0] == "INDICATION"}
    assert indications == {("INDICATION", "c1", "d1"), ("INDICATION", "c2", "d2")}


def test_a_name_the_anchor_introduces_still_wins_without_a_compound_before() -> None:
    entities = {"c1": ("COMPOUND", "ZB-4"), "d1": ("DISEASE", "melanoma")}
    found = relation_types("Enrollment in melanoma and of ZB-4 was completed in the Phase 2 study.", entities)
    assert ("INDICATION", "c1", "d1") in found
