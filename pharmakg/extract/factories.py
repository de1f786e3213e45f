"""Every spaCy factory of pharmakg, declared in one place, and the registered data loaders.

Importing this module registers the factories with spaCy; the ``spacy_factories`` entry points in
``pyproject.toml`` point here, so another project gets them without importing pharmakg first::

    nlp = spacy.blank("en")
    nlp.add_pipe("pharmakg_sentences")

Each declaration says what the component writes (``assigns``) and what it reads (``requires``), so
``nlp.analyze_pipes()`` can check an order. Defaults name data files; ``config.cfg`` beside this module is
the pipeline that :func:`pharmakg.extract.pipeline.build_pipeline` loads. The component classes live one per
module in ``pharmakg.extract.components``; none of them is hard-wired to a file.

No ``from __future__ import annotations`` here: spaCy validates each factory's config against the
signature's runtime types (builtin generics and ``X | None`` work from Python 3.10).
"""

from typing import Any

from spacy.language import Language
from spacy.util import registry

from pharmakg.extract.components.accuracy_companies import AccuracyCompanies
from pharmakg.extract.components.accuracy_reader import MODEL, StatisticalReader
from pharmakg.extract.components.aliases import AliasGrouper
from pharmakg.extract.components.base import LexEntry, read_lexicon
from pharmakg.extract.components.companies import CompanyCues
from pharmakg.extract.components.coref import Coref, load_cues
from pharmakg.extract.components.diseases import DiseaseGrammar
from pharmakg.extract.components.entities import DEFAULT_LEXICONS, LexiconRuler
from pharmakg.extract.components.knowledge import DEFAULT_KINDS, DEFAULT_TABLES, KnowledgeMatcher
from pharmakg.extract.components.sentences import SentenceSegmenter
from pharmakg.extract.components.shapes import ShapeRecognizer
from pharmakg.extract.relations import DEFAULT_RULES, Relations

# ------------------------------------------------------------------------------------------ data loaders


@registry.misc("pharmakg.lexicon_tables.v1")
def lexicon_tables(tables: dict[str, str]) -> dict[str, tuple[LexEntry, ...]]:
    """label -> entries of the lexicon TSV named for it (a file name in pharmakg/ontology/lexicons/ or a
    path). The label STOP names the list of words that are never entities."""
    return {label: read_lexicon(path) for label, path in tables.items()}


@registry.misc("pharmakg.relation_cues.v1")
def relation_cues(path: str | None = None) -> dict[str, Any]:
    """The relation cue lexicon (``relation_cues.json`` unless a path is given)."""
    return load_cues(path)


LEXICONS = {"@misc": "pharmakg.lexicon_tables.v1", "tables": DEFAULT_LEXICONS}
CUES = {"@misc": "pharmakg.relation_cues.v1", "path": None}

# ------------------------------------------------------------------------------------- entity components


@Language.factory(
    "pharmakg_sentences",
    assigns=["token.is_sent_start"],
    default_config={"abbreviations": "abbreviations.txt", "heading_max_chars": 90},
)
def make_sentences(nlp: Language, name: str, abbreviations: str, heading_max_chars: int) -> SentenceSegmenter:
    return SentenceSegmenter(abbreviations, heading_max_chars)


@Language.factory(
    "pharmakg_lexicon",
    assigns=["doc._.pkg_candidates"],
    default_config={"lexicons": LEXICONS, "confidence": 0.95},
)
def make_lexicon(
    nlp: Language, name: str, lexicons: dict[str, tuple[LexEntry, ...]], confidence: float
) -> LexiconRuler:
    return LexiconRuler(lexicons, confidence)


@Language.factory(
    "pharmakg_knowledge",
    assigns=["doc._.pkg_candidates"],
    default_config={
        "tables": DEFAULT_TABLES,
        "kinds": DEFAULT_KINDS,
        "context": "knowledge_context.json",
        "confidence": 0.9,
    },
)
def make_knowledge(
    nlp: Language,
    name: str,
    tables: dict[str, str],
    kinds: dict[str, list[str]],
    context: str,
    confidence: float,
) -> KnowledgeMatcher:
    """``tables``: label -> generated table (pharmakg/ontology/kb/generated/); ``kinds``: label -> the name
    kinds to look for (all when a label is not listed)."""
    return KnowledgeMatcher(tables, kinds, context, confidence)


@Language.factory(
    "pharmakg_shapes",
    assigns=["doc._.pkg_candidates"],
    default_config={
        "patterns": "shapes.json",
        "payload_lexicon": "payloads.tsv",
        "target_lexicon": "targets.tsv",
    },
)
def make_shapes(
    nlp: Language, name: str, patterns: str, payload_lexicon: str, target_lexicon: str
) -> ShapeRecognizer:
    return ShapeRecognizer(patterns, payload_lexicon, target_lexicon)


@Language.factory(
    "pharmakg_companies",
    assigns=["doc._.pkg_candidates"],
    default_config={"cues": "company_cues.json", "confidence": 0.8},
)
def make_companies(nlp: Language, name: str, cues: str, confidence: float) -> CompanyCues:
    return CompanyCues(cues, confidence)


# ------------------------------------------------ accuracy mode (config-accuracy.cfg, the `accuracy` extra)


@Language.factory(
    "pharmakg_accuracy_reader",
    assigns=["doc._.pkg_reading"],
    default_config={"model": MODEL, "components": ["tok2vec", "parser", "ner"], "batch_size": 32},
)
def make_accuracy_reader(
    nlp: Language, name: str, model: str, components: list[str], batch_size: int
) -> StatisticalReader:
    """``model``: an installed spaCy model; ``components``: which of its components read (the others are
    switched off)."""
    return StatisticalReader(model, components, batch_size)


@Language.factory(
    "pharmakg_accuracy_companies",
    assigns=["doc._.pkg_candidates"],
    requires=["doc._.pkg_reading"],
    default_config={"cues": "accuracy_cues.json", "company_cues": "company_cues.json", "confidence": 0.6},
)
def make_accuracy_companies(
    nlp: Language, name: str, cues: str, company_cues: str, confidence: float
) -> AccuracyCompanies:
    """ORG spans the parse makes the subject of a press-release verb (``cues``), as company candidates."""
    return AccuracyCompanies(cues, company_cues, confidence)


@Language.factory(
    "pharmakg_diseases",
    assigns=["doc._.pkg_candidates"],
    default_config={"grammar": "disease_grammar.json", "symbol_regex": "", "confidence": 0.85},
)
def make_diseases(
    nlp: Language, name: str, grammar: str, symbol_regex: str, confidence: float
) -> DiseaseGrammar:
    return DiseaseGrammar(grammar, symbol_regex, confidence)


@Language.factory(
    "pharmakg_aliases",
    assigns=["doc.ents", "doc._.pkg_entities", "doc._.pkg_mention_entity"],
    requires=["doc._.pkg_candidates", "token.is_sent_start"],
    default_config={"company_cues": "company_cues.json"},
)
def make_aliases(nlp: Language, name: str, company_cues: str) -> AliasGrouper:
    return AliasGrouper(company_cues)


# ----------------------------------------------------------------------------------- relation components


@Language.factory(
    "pharmakg_coref",
    assigns=["doc._.pkg_coref", "doc._.pkg_coref_open", "doc._.pkg_main_company"],
    requires=["doc.ents", "doc._.pkg_entities", "token.is_sent_start"],
    default_config={"cues": CUES},
)
def make_coref(nlp: Language, name: str, cues: dict[str, Any]) -> Coref:
    return Coref(cues)


@Language.factory(
    "pharmakg_relations",
    assigns=["doc._.pkg_relations"],
    requires=["doc.ents", "doc._.pkg_entities", "doc._.pkg_coref", "token.is_sent_start"],
    default_config={"cues": CUES, "rules": list(DEFAULT_RULES)},
)
def make_relations(nlp: Language, name: str, cues: dict[str, Any], rules: list[str]) -> Relations:
    """``rules``: the relation rules to run, in order (names registered with ``@relation_rule``)."""
    return Relations(cues, rules)
