"""The entity page of ``pharmakg serve`` (``/entity?iri=IRI``): a resource's names, facts and evidence.

The query page links every IRI of its result tables here (and a text cell holding a pharmakg resource IRI,
as the ``compoundIri`` columns of the bundled questions), so a reader can go from an answer to what the graph
says about each resource and which sentences of which documents say it. Three internal queries
(``queries/internal/entity-*.rq``) take the IRI as their ``?entity`` parameter, bound the way every
parameter is (:func:`~pharmakg.graph.queries.bind_parameters`), and run on the same service, with its time
and row limits. Rendered on the server, every value HTML-escaped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from string import Template
from urllib.parse import urlencode

import pyoxigraph as ox

from pharmakg.graph.queries import bind_parameters, load_internal_query
from pharmakg.ontology.namespaces import RESOURCES_IRI
from pharmakg.serve.endpoint import Answer, EndpointBusy, QueryTimeout, SparqlService, Term

TEMPLATE = Template((Path(__file__).parent / "entity.html").read_text(encoding="utf-8"))
SECTIONS = ("names", "facts", "evidence")


def entity_link(iri: str, text: str | None = None) -> str:
    """An HTML link to the entity page of ``iri``."""
    href = "/entity?" + urlencode({"iri": iri})
    return f'<a href="{escape(href)}">{escape(text if text is not None else iri)}</a>'


def term_cell(term: Term | None) -> str:
    """A result cell's HTML: an IRI (or a text holding a pharmakg resource IRI) links to its entity page."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return entity_link(term.value)
    if isinstance(term, ox.Literal) and term.value.startswith(RESOURCES_IRI) and " " not in term.value:
        return entity_link(term.value)
    return escape(str(term) if isinstance(term, ox.Triple) else term.value)


def _rows(answer: Answer) -> str:
    if not answer.rows:
        return '<p class="note">None.</p>'
    head = "".join(f"<th>{escape(v)}</th>" for v in answer.variables)
    body = "".join("<tr>" + "".join(f"<td>{term_cell(v)}</td>" for v in row) + "</tr>" for row in answer.rows)
    cut = '<p class="note">Cut at the row limit.</p>' if answer.truncated else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{cut}"


def _title(names: Answer | None, iri: str) -> str:
    for kind, value in names.rows if names is not None else []:
        if isinstance(kind, ox.Literal) and kind.value == "preferred name" and isinstance(value, ox.Literal):
            return value.value
    return iri.rsplit("/", 1)[-1] or iri


def render_entity(service: SparqlService, iri: str) -> tuple[int, str]:
    """(HTTP status, HTML) of the entity page of ``iri``."""
    status, message = 200, ""
    answers: dict[str, Answer | None] = dict.fromkeys(SECTIONS)
    try:
        entity = ox.NamedNode(iri)
        for section in SECTIONS:
            query = bind_parameters(load_internal_query(f"entity-{section}"), {"entity": entity})
            answers[section] = service.evaluate(query)
    except ValueError as exc:
        status, message = 400, f"not an IRI: {exc}"
    except (QueryTimeout, EndpointBusy) as exc:
        status, message = 503, str(exc)
    if status == 200 and not any(a is not None and a.rows for a in answers.values()):
        status, message = 404, "the graph says nothing about this IRI"
    html = TEMPLATE.substitute(
        title=escape(_title(answers["names"], iri)),
        iri=escape(iri),
        message=f'<p class="message">{escape(message)}</p>' if message else "",
        **{s: _rows(a) if a is not None else "" for s, a in answers.items()},
    )
    return status, html
