"""Run the coreference and relation components on a short invented text whose entities are given.

The relation half is tested apart from the entity recognisers: every listed name found in the text (as a
whole word) becomes a mention of its entity, set on the Doc as the entity components would set it.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import pharmakg.extract.components.coref  # noqa: F401  (registers pharmakg_coref)
import pharmakg.extract.relations  # noqa: F401  (registers pharmakg_relations)
from pharmakg.model import Entity, Mention

for _ext in ("pkg_skip", "pkg_entities", "pkg_mention_entity"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)
if not Span.has_extension("pkg_entity_id"):
    Span.set_extension(
        "pkg_entity_id", getter=lambda s: (s.doc._.pkg_mention_entity or {}).get((s.start_char, s.end_char))
    )

# entity id -> (type, [name, alias, ...])
GivenEntities = dict[str, tuple[str, list[str]]]


def relation_pipeline(rules: list[str] | None = None) -> Language:
    """A blank pipeline: sentencizer, coreference, relations (``rules``: the relation rules in order)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("pharmakg_coref")
    nlp.add_pipe("pharmakg_relations", config={} if rules is None else {"rules": rules})
    return nlp


def read_relations(nlp: Language, text: str, entities: GivenEntities, hyphen_bounds: bool = True) -> Doc:
    """``text`` split into sentences, ``entities`` set on it, then coreference and relations run.
    ``hyphen_bounds``: a hyphen ends a name ("ZB-12" is not found in "ZB-12-based"); False finds "HER2" in
    "anti-HER2" too."""
    edge = "[\\w-]" if hyphen_bounds else "\\w"
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    spans: list[Span] = []
    lookup: dict[tuple[int, int], str] = {}
    clusters = []
    for eid, (etype, names) in entities.items():
        mentions = []
        for name in names:
            for m in re.finditer(f"(?<!{edge})" + re.escape(name) + f"(?!{edge})", text):
                span = doc.char_span(m.start(), m.end(), label=etype)
                if span is not None and not any(span.start < s.end and s.start < span.end for s in spans):
                    spans.append(span)
                    lookup[(m.start(), m.end())] = eid
                    mentions.append(Mention(m.start(), m.end(), name))
        clusters.append(Entity(id=eid, type=etype, name=names[0], aliases=names[1:], mentions=mentions))
    doc.ents = sorted(spans, key=lambda s: s.start)
    doc._.pkg_entities = clusters
    doc._.pkg_mention_entity = lookup
    doc = nlp.get_pipe("pharmakg_coref")(doc)
    return nlp.get_pipe("pharmakg_relations")(doc)


def canonical_names(entities: GivenEntities) -> dict[str, str]:
    """entity id -> its first (canonical) name."""
    return {eid: names[0] for eid, (_type, names) in entities.items()}
