"""Relation extraction (the pharmakg_relations component): cue-based rules over the entity mentions of each
sentence.

Input (from the entity components and pharmakg_coref): doc.sents, doc.ents mapped to entity clusters
(doc._.pkg_entities, Span._.pkg_entity_id / doc._.pkg_mention_entity), doc._.pkg_skip, and the virtual
mentions of doc._.pkg_coref ("the Company", "the compound", ...).

Output: ``doc._.pkg_relations``, a list of :class:`pharmakg.model.Relation` (extractor
"pharmakg_relations:<rule>", evidence ``Evidence(sentence, start_char, end_char)``), one per
:func:`pharmakg.model.matches_key`: the Sink merges the evidence and attrs of equal statements in a mutable
``RelationDraft`` and freezes it when the component finishes.

How: for every live sentence we look only at the few mentions in it. An *anchor* mention (a target,
disease, trial, technology, phase phrase, money amount) is attached to the compound it belongs to: the
closest preceding compound in the same clause, else a compound that the anchor directly introduces
("a Phase 1 trial of X"), and the attachment is widened to coordinated compounds ("X and Y", "X, a MEK
inhibitor, and Y"). Cue words (data: relation_cues.json) decide the relation type and direction;
negation, hedging and plans suppress or lower the confidence. Every rule is a cue or a structure, never a
sentence of a particular release.

Layout: ``sentence`` (Sent, Sink, the shared mention machinery and the one ``emit``), ``breaks`` (where a
clause ends), ``registry`` (the
``@relation_rule`` registry and the default rule order), one module per rule family (``targets``,
``conjugates`` with code names, ``indications``, ``developers`` with retained rights and co-development,
``licensees``, ``partners`` with options, ``technologies``, ``trials``, ``phases``, ``payments``,
``discontinued``, ``post``), and ``component`` (the spaCy component, which runs the rules named in its
config ``rules: [...]`` in that order; ``config.cfg`` declares the order once). Importing this package
imports every module in it, so a new rule module registers itself; the factory is declared in
``pharmakg.extract.factories``.
"""

import importlib
import pkgutil

from pharmakg.extract.relations.component import Relations
from pharmakg.extract.relations.registry import DEFAULT_RULES, RULES, RuleSpec, relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent, Sink, merge_attrs

# Every module of this package is imported, so a rule family in a new module registers itself; the config's
# ``rules`` list decides whether and when it runs.
for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "DEFAULT_RULES",
    "RULES",
    "Relations",
    "RuleContext",
    "RuleSpec",
    "Sent",
    "Sink",
    "merge_attrs",
    "relation_rule",
]
