"""Queries that would reach out of the graph are refused: SPARQL ``SERVICE`` sends a (sub)query to any URL
the query names, so a query from a user, a notebook or an HTTP client could make this machine fetch from the
network or from services only it can reach. Every query path checks it: ``KnowledgeGraph.query`` (the
command line, :mod:`pharmakg.api`, the named questions) and the HTTP endpoint.

The check reads the query as SPARQL tokens, not as text: ``SERVICE`` inside a string, an IRI, a comment, a
variable or a prefixed name (``"Service Corp"``, ``?service``, ``ex:service``) is not the keyword.
"""

from __future__ import annotations

import re

__all__ = ["ServiceRefused", "refuse_service", "uses_service"]

# What may hold the letters S-E-R-V-I-C-E without being the keyword: long and short strings, IRIs, comments.
_NOT_KEYWORD = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.S,
)
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:-])", re.I)


class ServiceRefused(ValueError):
    """A query with a SERVICE clause."""


def uses_service(sparql: str) -> bool:
    """Does the query hold the SPARQL keyword SERVICE (outside strings, IRIs and comments)?"""
    return bool(_SERVICE.search(_NOT_KEYWORD.sub(" ", sparql)))


def refuse_service(sparql: str) -> None:
    """Raise :class:`ServiceRefused` for a query that uses SERVICE (federated query)."""
    if uses_service(sparql):
        raise ServiceRefused(
            "SERVICE (federated query) is refused: pharmakg answers from its own graph and never sends "
            "queries to other endpoints"
        )
