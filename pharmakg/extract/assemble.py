"""A processed spaCy Doc -> :class:`pharmakg.model.Extraction`.

Entities come from ``doc._.pkg_entities`` (the alias-grouping component; dicts or model.Entity objects,
mentions as Mention objects, dicts or (start, end[, text]) tuples), relations from ``doc._.pkg_relations``
(the relation component). Evidence sentences are cut from ``Document.text`` by their offsets, so
``document.text[ev.start:ev.end] == ev.sentence`` always holds.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from pharmakg.model import Document, Entity, Evidence, Extraction, Mention, Relation


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _mention(m: Any, text: str) -> Mention:
    if isinstance(m, Mention):
        return m
    if isinstance(m, dict):
        s, e = int(m["start"]), int(m["end"])
        return Mention(s, e, str(m.get("text") or text[s:e]))
    s, e = int(m[0]), int(m[1])
    return Mention(s, e, str(m[2]) if len(m) > 2 else text[s:e])


def entities_from_doc(doc: Doc) -> list[Entity]:
    out: list[Entity] = []
    text = doc.text  # built from the tokens on every access: once
    for e in (doc._.pkg_entities if Doc.has_extension("pkg_entities") else None) or []:
        if isinstance(e, Entity):
            out.append(e)
            continue
        out.append(
            Entity(
                id=str(_get(e, "id")),
                type=str(_get(e, "type")),
                name=str(_get(e, "name")),
                aliases=[str(a) for a in (_get(e, "aliases") or [])],
                mentions=[_mention(m, text) for m in (_get(e, "mentions") or [])],
                identifiers=dict(_get(e, "identifiers") or {}),
                extractor=str(_get(e, "extractor") or ""),
                confidence=float(_get(e, "confidence", 1.0) or 1.0),
            )
        )
    return out


def relations_from_doc(doc: Doc, document: Document, known: set[str]) -> list[Relation]:
    out: list[Relation] = []
    for r in (doc._.pkg_relations if Doc.has_extension("pkg_relations") else None) or []:
        if r["subject"] not in known or (r.get("object") is not None and r["object"] not in known):
            continue  # an entity dropped after relation extraction: keep the output consistent
        evidence = [
            Evidence(
                sentence=document.text[s:e], start=s, end=e, document=document.name, doc_id=document.doc_id
            )
            for s, e in r.get("evidence", [])
        ]
        attrs = dict(r.get("attrs") or {})
        if "amount" in attrs:
            attrs["amount"] = _json_value(attrs["amount"])
        out.append(
            Relation(
                type=r["type"],
                subject=r["subject"],
                object=r.get("object"),
                value=_json_value(r.get("value")),
                evidence=evidence,
                extractor=r.get("rule", ""),
                confidence=float(r.get("confidence", 1.0)),
                attrs=attrs,
            )
        )
    return out


def _json_value(v: Any) -> Any:
    """USD amounts as int when whole (2000000 rather than 2000000.0)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def doc_to_extraction(doc: Doc, document: Document) -> Extraction:
    """Assemble one Extraction; ``doc`` must have been made from ``document.text``."""
    if len(doc.text) != len(document.text):
        raise ValueError(f"{document.name}: the Doc text is not the Document text; offsets would be wrong")
    entities = entities_from_doc(doc)
    relations = relations_from_doc(doc, document, {e.id for e in entities})
    return Extraction(document=document, entities=entities, relations=relations)
