"""IRIs and literals of pharmakg's RDF: namespaces, graph and document IRIs, typed literals, stable hashes.

The building blocks of :mod:`pharmakg.graph.rdf` (which documents the RDF design) and of the store.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import pyoxigraph as ox

from pharmakg.ontology.namespaces import RESOURCES_IRI

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

DOCUMENTS_GRAPH = ox.NamedNode(RESOURCES_IRI + "graph/documents")
RESOLVED_GRAPH = ox.NamedNode(RESOURCES_IRI + "graph/resolved")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@cache
def n(iri: str) -> ox.NamedNode:
    """A pyoxigraph IRI node (cached: the same few predicates are used over and over)."""
    return ox.NamedNode(str(iri))


def document_iri(doc_id: str) -> ox.NamedNode:
    return n(f"{RESOURCES_IRI}document/{doc_id}")


def graph_iri(doc_id: str) -> ox.NamedNode:
    return n(f"{RESOURCES_IRI}graph/{doc_id}")


def lit(value: Any, datatype: str = "string") -> ox.Literal:
    return ox.Literal(str(value), datatype=n(XSD + datatype))


def int_lit(value: int) -> ox.Literal:
    return lit(int(value), "integer")


def decimal_lit(value: Any) -> ox.Literal | None:
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not d.is_finite():
        return None
    # canonical-ish lexical form: no exponent, no trailing zeros after the point
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return lit(text, "decimal")


def date_lit(value: str | None) -> ox.Literal | None:
    if not value:
        return None
    value = str(value).strip()
    return lit(value, "date") if _DATE.match(value) else lit(value)


def short_hash(*parts: Any) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def identifier_iri(scheme: str, value: str) -> str:
    """IRI of a knowledge-base identifier: ('hgnc', 'HGNC:7656') -> https://identifiers.org/hgnc:7656,
    ('ncit', 'C4917') -> http://purl.obolibrary.org/obo/NCIT_C4917 (the OBO PURL NCIt is published under),
    ('orphanet', 'ORPHA:558') -> https://identifiers.org/orphanet:558."""
    value = value.strip()
    if re.match(r"^https?://", value):
        return value
    if scheme.lower() == "ncit" or value.upper().startswith("NCIT:"):
        return f"http://purl.obolibrary.org/obo/NCIT_{value.split(':', 1)[-1].upper()}"
    if scheme.lower() == "orphanet":  # ORPHA:558: identifiers.org's prefix is orphanet, not orpha
        return f"https://identifiers.org/orphanet:{value.split(':', 1)[-1]}"
    if ":" in value:
        prefix, local = value.split(":", 1)
        return f"https://identifiers.org/{prefix.lower()}:{local}"
    return f"https://identifiers.org/{scheme.lower()}:{value}"
