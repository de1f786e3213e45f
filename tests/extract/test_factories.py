"""The spaCy factories: one golden list, declared with what they assign and require, found by entry point."""

from __future__ import annotations

import subprocess
import sys

import spacy
from spacy.language import Language

import pharmakg.extract.factories  # noqa: F401  (registers the factories)
from pharmakg.extract.pipeline import build_pipeline, pipeline_components

# The golden list: a factory added, renamed or dropped must show up here on purpose. The default pipeline
# (config.cfg) uses these; the accuracy mode (config-accuracy.cfg) adds ACCURACY_FACTORIES.
DEFAULT_FACTORIES = [
    "pharmakg_aliases",
    "pharmakg_companies",
    "pharmakg_coref",
    "pharmakg_diseases",
    "pharmakg_knowledge",
    "pharmakg_lexicon",
    "pharmakg_relations",
    "pharmakg_sentences",
    "pharmakg_shapes",
]
ACCURACY_FACTORIES = ["pharmakg_accuracy_companies", "pharmakg_accuracy_reader"]
GOLDEN_FACTORIES = sorted(DEFAULT_FACTORIES + ACCURACY_FACTORIES)


def registered() -> list[str]:
    return sorted(n for n in spacy.util.registry.factories.get_all() if n.startswith("pharmakg_"))


def test_registered_factories_are_the_golden_list() -> None:
    assert registered() == GOLDEN_FACTORIES


def test_every_factory_says_what_it_assigns_and_the_order_satisfies_what_each_requires() -> None:
    for name in GOLDEN_FACTORIES:
        meta = Language.get_factory_meta(name)
        assert meta.assigns, name
    nlp = build_pipeline()
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_config_lists_every_factory_once_in_order() -> None:
    comps = pipeline_components()
    assert sorted(c["factory"] for c in comps) == DEFAULT_FACTORIES
    names = [c["name"] for c in comps]
    assert names[0] == "pharmakg_sentences" and names[-2:] == ["pharmakg_coref", "pharmakg_relations"]


def test_a_config_value_changes_the_component() -> None:
    """The config is really read: a lexicon table left out of the config is not matched."""
    text = "The company licensed the TAP technology."
    full = build_pipeline()
    assert any(e.label_ == "TECHNOLOGY" for e in full(text).ents)
    nlp = spacy.blank("en")
    for comp in pipeline_components():
        config = comp["config"]
        if comp["factory"] == "pharmakg_lexicon":
            tables = dict(config["lexicons"]["tables"])
            tables.pop("TECHNOLOGY")
            config = {**config, "lexicons": {**config["lexicons"], "tables": tables}}
        nlp.add_pipe(comp["factory"], name=comp["name"], config=config)
    assert not any(e.label_ == "TECHNOLOGY" and e.text == "TAP" for e in nlp(text).ents)


def test_entry_points_let_another_project_add_the_components(tmp_path) -> None:
    """A fresh interpreter that never imports pharmakg itself: spaCy finds the factories by entry point."""
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "for name in ('pharmakg_sentences', 'pharmakg_lexicon', 'pharmakg_aliases', 'pharmakg_relations'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('Genentech licensed the TAP technology from ImmunoGen, Inc.')\n"
        "print(','.join(sorted({e.label_ for e in doc.ents})))\n"
    )
    run = subprocess.run
    out = run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "TECHNOLOGY" in out.stdout and "COMPANY" in out.stdout
