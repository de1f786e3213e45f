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

from pharmakg.graph.queries import bind_parameters, list_queries, query_info
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
            results = _table(service.evaluate(bind_parameters(text, params)))
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
