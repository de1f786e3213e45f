"""A processed spaCy Doc -> :class:`pharmakg.model.Extraction`.

The components already write model objects: :class:`~pharmakg.model.Entity` in ``doc._.pkg_entities`` (the
alias-grouping component) and :class:`~pharmakg.model.Relation` in ``doc._.pkg_relations`` (the relation
component, evidence cut from the Doc text by its offsets). Assembly adds the document's provenance to every
evidence and keeps only the relations whose entities exist, so ``document.text[ev.start:ev.end] ==
ev.sentence`` always holds.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pharmakg.extract.components.base import doc_text
from pharmakg.model import Document, Entity, Extraction, Relation


def entities_from_doc(doc: Doc) -> list[Entity]:
    return list((doc._.pkg_entities if Doc.has_extension("pkg_entities") else None) or [])


def relations_from_doc(doc: Doc, document: Document, known: set[str]) -> list[Relation]:
    out: list[Relation] = []
    for r in (doc._.pkg_relations if Doc.has_extension("pkg_relations") else None) or []:
        if r.subject not in known or (r.object is not None and r.object not in known):
            continue  # an entity dropped after relation extraction: keep the output consistent
        evidence = [replace(ev, document=document.name, doc_id=document.doc_id) for ev in r.evidence]
        out.append(replace(r, evidence=evidence))
    return out


def doc_to_extraction(doc: Doc, document: Document) -> Extraction:
    """Assemble one Extraction; ``doc`` must have been made from ``document.text``."""
    if doc_text(doc) != document.text:
        raise ValueError(f"{document.name}: the Doc text is not the Document text; offsets would be wrong")
    entities = entities_from_doc(doc)
    relations = relations_from_doc(doc, document, {e.id for e in entities})
    return Extraction(document=document, entities=entities, relations=relations)
