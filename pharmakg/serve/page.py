"""The query page of ``pharmakg serve``: an editor with the bundled questions as examples, results as a table.

Rendered on the server (no script at all): a link per bundled question puts its text in the editor with a
field per parameter; the fields are bound with :func:`~pharmakg.graph.queries.bind_parameters`, the same
binder as the API and the CLI. IRIs in the results link to their entity page
(:mod:`pharmakg.serve.entity_page`). Every value written into the page is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path
from string import Template
from urllib.parse import urlencode

import pyoxigraph as ox

from pharmakg.graph.queries import (
    bind_parameters,
    list_queries,
    load_internal_query,
    page_size_slots,
    parameter_slots,
    query_info,
    with_default_page,
)
from pharmakg.serve.endpoint import Answer, EndpointBusy, QueryTimeout, SparqlService, Term
from pharmakg.serve.entity_page import term_cell

TEMPLATE = Template((Path(__file__).parent / "page.html").read_text(encoding="utf-8"))


def _examples() -> str:
    return " ".join(
        f'<a href="/?{escape(urlencode({"example": name}))}" title="{escape(title)}">{escape(name)}</a>'
        for name, title, _params in list_queries()
    )


def _param_fields(example: str, values: Mapping[str, str]) -> str:
    info = query_info(example)
    fields = [f'<input type="hidden" name="example" value="{escape(example)}">']
    for p in info.params:
        fields.append(
            f"<label>{escape(p.name)}{'' if p.optional else ' *'} "
            f'<input name="{escape(p.name)}" value="{escape(values.get(p.name, ""))}" '
            f'title="{escape(p.description)}"></label>'
        )
    legend = f"<legend>{escape(info.title)}: {escape(info.description)}</legend>"
    return f"<fieldset>{legend}{' '.join(fields)}</fieldset>"


def _table(answer: Answer) -> str:
    if answer.kind == "boolean":
        return f"<p>Answer: <b>{'true' if answer.boolean else 'false'}</b></p>"
    if answer.kind == "triples":
        header = ["subject", "predicate", "object"]
        rows: list[list[Term | None]] = [[t.subject, t.predicate, t.object] for t in answer.triples]
    else:
        header, rows = answer.variables, answer.rows
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{term_cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    cut = (
        f'<p class="note">Only the first {len(rows)} rows are shown (the row limit).</p>'
        if answer.truncated
        else ""
    )
    count = f'<p class="note">{len(rows)} row{"" if len(rows) == 1 else "s"}</p>'
    return f"{count}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{cut}"


def _page_note(service: SparqlService, example: str, params: Mapping[str, object]) -> str:
    """The number of rows of the whole answer of a paged question, and how to ask for the others."""
    try:
        total_text = load_internal_query(f"total-{example}")
    except KeyError:  # a paged question without its count
        return '<p class="note">A page: set limit to all for every row, offset for another page.</p>'
    bound = bind_parameters(total_text, {k: v for k, v in params.items() if k in parameter_slots(total_text)})
    counted = service.evaluate(bound)
    cell = counted.rows[0][0] if counted.rows else None
    total = cell.value if isinstance(cell, ox.Literal) else "?"
    start = str(params.get("offset") or 0)
    return (
        f'<p class="note">A page of {escape(str(params.get("limit")))} rows from row {escape(start)} of '
        f"{escape(str(total))}: set limit to all for every row, offset for another page.</p>"
    )


def render_page(service: SparqlService, form: Mapping[str, str]) -> tuple[int, str]:
    """(HTTP status, HTML) of the page for the request's form values (``query``, ``example``, parameters)."""
    example = form.get("example", "")
    names = {name for name, _title, _params in list_queries()}
    if example and example not in names:
        example = ""
    text = form.get("query") or (query_info(example).text if example else "")
    params = {p.name: form[p.name] for p in query_info(example).params if form.get(p.name)} if example else {}
    required = [p.name for p in query_info(example).params if not p.optional] if example else []
    run = bool(form.get("query")) or bool(example and all(name in params for name in required))
    status, message, results = 200, "", ""
    if run and text.strip():
        try:
            # a question with a page slot answers a page unless its limit says "all" (as through the API)
            paged = with_default_page(text, params)
            results = _table(service.evaluate(bind_parameters(text, paged)))
            if example and page_size_slots(text) and str(paged.get("limit")).strip().lower() != "all":
                results = _page_note(service, example, paged) + results
        except (SyntaxError, ValueError) as exc:
            status, message = 400, str(exc)
        except QueryTimeout as exc:
            status, message = 503, str(exc)
        except EndpointBusy as exc:
            status, message = 503, str(exc)
    html = TEMPLATE.substitute(
        endpoint="/query",
        timeout=f"{service.timeout:g}",
        limit=str(service.limit),
        examples=_examples(),
        params=_param_fields(example, form) if example else "",
        query=escape(text),
        message=f'<p class="message">{escape(message)}</p>' if message else "",
        results=results,
    )
    return status, html
