"""A processed spaCy Doc -> :class:`pharmakg.model.Extraction`.

The components already write model objects: :class:`~pharmakg.model.Entity` in ``doc._.pkg_entities`` (the
alias-grouping component) and :class:`~pharmakg.model.Relation` in ``doc._.pkg_relations`` (the relation
component, evidence cut from the Doc text by its offsets). Assembly adds the document's provenance to every
evidence and keeps only the relations whose entities exist, so ``document.text[ev.start:ev.end] ==
ev.sentence`` always holds. The Doc may hold the reading text of :mod:`pharmakg.ingest.surface_forms` (the
same length, typographic variants folded): evidence sentences and mention texts are then cut again from the
document text, so that provenance quotes the document as it is.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pharmakg.extract.components.base import doc_text
from pharmakg.ingest.surface_forms import reading_text
from pharmakg.model import Document, Entity, Extraction, Relation


def entities_from_doc(doc: Doc, document: Document | None = None) -> list[Entity]:
    """The Doc's entities; with ``document`` (whose text the Doc folded), mention texts cut from it."""
    entities = list((doc._.pkg_entities if Doc.has_extension("pkg_entities") else None) or [])
    if document is None or doc_text(doc) == document.text:
        return entities
    text = document.text
    return [
        replace(e, mentions=[replace(m, text=text[m.start : m.end]) for m in e.mentions]) for e in entities
    ]


def relations_from_doc(doc: Doc, document: Document, known: set[str]) -> list[Relation]:
    out: list[Relation] = []
    text = document.text
    for r in (doc._.pkg_relations if Doc.has_extension("pkg_relations") else None) or []:
        if r.subject not in known or (r.object is not None and r.object not in known):
            continue  # an entity dropped after relation extraction: keep the output consistent
        evidence = [
            replace(ev, sentence=text[ev.start : ev.end], document=document.name, doc_id=document.doc_id)
            for ev in r.evidence
        ]
        out.append(replace(r, evidence=evidence))
    return out


def doc_to_extraction(doc: Doc, document: Document) -> Extraction:
    """Assemble one Extraction; ``doc`` must have been made from ``document.text`` or its reading text."""
    read = doc_text(doc)
    if read != document.text and read != reading_text(document.text):
        raise ValueError(f"{document.name}: the Doc text is not the Document text; offsets would be wrong")
    entities = entities_from_doc(doc, document)
    relations = relations_from_doc(doc, document, {e.id for e in entities})
    return Extraction(document=document, entities=entities, relations=relations)
