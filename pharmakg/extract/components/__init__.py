"""spaCy components of the extraction pipeline; importing this package registers their factories.

Entity half (order in the pipeline): ``pharmakg_sentences`` -> ``pharmakg_lexicon`` -> ``pharmakg_shapes`` ->
``pharmakg_companies`` -> ``pharmakg_diseases`` -> ``pharmakg_aliases``; the relation components come after.
All data (lexicons, patterns) is read from files named in each component's config.

Doc interface (what the relation components may rely on):

Input
  ``doc = nlp.make_doc(document.text)``; before the pipeline runs, set
  ``doc._.pkg_skip = [(start_char, end_char, reason), ...]`` (Document.skip_spans; default None = none).

Sentences
  ``token.is_sent_start`` is set on every token, so ``doc.sents`` works. Paragraph breaks, headings, bullets,
  table rows and skip-span edges are boundaries; wrapped lines and abbreviations (Inc., Dr., U.S.) are not.

Entities
  ``doc.ents``: non-overlapping spans labelled COMPANY, COMPOUND, ANTIBODY, PAYLOAD, TARGET, DISEASE,
  TECHNOLOGY, TRIAL; none inside a skip span.
  ``doc._.pkg_entities``: list of :class:`pharmakg.model.Entity` (frozen), one per real-world thing in the
  document, ids "e1", "e2" ... in order of first mention; readers use attributes::

      Entity(id="e3", type="COMPOUND", name="huN901-DM1",
             aliases=["BB-10901", "huN901-DM1/BB-10901", "HuN901-DM1"],  # other surface forms in the text
             mentions=[Mention(start_char, end_char, text), ...],       # exactly the doc.ents spans
             extractor="shape:conjugate_code", confidence=0.9,
             kb_aliases=[...],         # lexicon names not written in the text (not for scoring, not output)
             attrs={"antibody": "huN901", "payload": "DM1"})  # conjugate name parts, when known (not output)

  ``doc._.pkg_mention_entity``: mapping {(span.start_char, span.end_char): entity id} for every span of
  ``doc.ents`` (a read-only ``pharmakg.extract.codec.MentionTable``; a plain dict works too when set by
  hand); ``span._.pkg_entity_id`` is a getter over it.
  ``doc._.pkg_candidates``: the raw candidates before selection (debugging only).

Relations (after the relation half)
  ``doc._.pkg_relations``: list of :class:`pharmakg.model.Relation` (frozen), one per distinct statement
  (:func:`pharmakg.model.matches_key`), extractor "pharmakg_relations:<rule>", evidence
  ``Evidence(sentence, start_char, end_char)`` without document provenance (assemble adds it).

Serialization
  ``pharmakg.extract.codec`` registers srsly msgpack codecs for these objects (and the candidates), so
  ``Doc.to_bytes``/``from_bytes`` keep them and ``nlp.pipe(..., n_process=2)`` works.
"""

from pharmakg.extract.components import (  # noqa: F401  (imported for factory registration)
    aliases,
    companies,
    diseases,
    entities,
    sentences,
    shapes,
)

ENTITY_PIPES = (
    "pharmakg_sentences",
    "pharmakg_lexicon",
    "pharmakg_shapes",
    "pharmakg_companies",
    "pharmakg_diseases",
    "pharmakg_aliases",
)

# Relation half (pharmakg_coref -> pharmakg_relations), after pharmakg_aliases; the relation rules are the
# package pharmakg.extract.relations.
from pharmakg.extract.components import coref  # noqa: E402, F401, I001
from pharmakg.extract import relations  # noqa: E402, F401, I001
