"""Tooltips of the map's nodes and edges: every piece of text is escaped here, then joined with our markup.

Names, aliases, sentences and document names come from press releases and may contain markup. They are
HTML-escaped (:func:`esc`, the same escaping the page template applies) before they meet the few tags
written here; the page turns the result into DOM elements (see ``assets/map.js``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from pharmakg.graph.viz.attributes import as_list, date_span, node_dates

LABEL_MAX = 40


def esc(value: Any) -> str:
    """Text as HTML element content or attribute value (quotes escaped too)."""
    return html.escape(str(value), quote=True)


def short(text: str, limit: int = LABEL_MAX) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _joined(values: Iterable[Any], limit: int) -> str:
    vals = [str(v) for v in values if v not in (None, "")]
    shown = ", ".join(esc(v) for v in vals[:limit])
    if len(vals) > limit:
        shown += f" <i>and {len(vals) - limit} more</i>"
    return shown


def _row(name: str, value_html: str) -> str:
    return f'<div class="pkg-row"><span class="pkg-key">{esc(name)}</span> {value_html}</div>'


def _head(first: str, kind: str, color: str, second: str | None = None) -> str:
    """The bold name(s) with the type or relation in its colour between or after them."""
    tail = f" <b>{esc(second)}</b>" if second is not None else ""
    return (
        f'<div class="pkg-head"><b>{esc(first)}</b> '
        f'<span class="pkg-type" style="color:{esc(color)}">{esc(kind)}</span>{tail}</div>'
    )


def node_tooltip(data: Mapping[str, Any], label: str, ns: Mapping[str, Any], st: Mapping[str, Any]) -> str:
    """A node's name, type, other names, phase, documents and dates (``ns``: its node style)."""
    cfg = st["tooltip"]
    parts = [_head(label, ns["label"], ns["color"])]
    aliases = [a for a in as_list(data.get("aliases")) if a != label]
    if aliases:
        parts.append(_row("Also:", _joined(aliases, cfg["max_aliases"])))
    if data.get("phase"):
        phase = esc(data["phase"])
        if data.get("phase_date"):
            phase += f" <i>(as of {esc(data['phase_date'])})</i>"
        parts.append(_row("Phase:", phase))
    docs = as_list(data.get("documents"))
    if docs:
        parts.append(_row(f"Documents ({len(docs)}):", _joined(docs, cfg["max_documents"])))
    dates = node_dates(data)
    if dates:
        parts.append(_row("Dates:", esc(date_span(dates))))
    return "".join(parts)


def _payment_line(payment: Mapping[str, Any]) -> str:
    amount = payment.get("amount")
    words = (
        "up to" if payment.get("contingent") else None,
        f"US${float(amount):,.0f}" if amount is not None else "amount not stated",
        payment.get("kind"),
        f"({payment['document']})" if payment.get("document") else None,
    )
    return "<li>" + esc(" ".join(w for w in words if w)) + "</li>"


def _support(data: Mapping[str, Any]) -> str:
    count = data.get("count")
    conf = data.get("confidence")
    facts = []
    if count:
        facts.append(f"{int(count)} statement{'s' if int(count) != 1 else ''}")
    if conf is not None:
        facts.append(f"confidence {float(conf):.2f}")
    return ", ".join(facts)


def _evidence_list(data: Mapping[str, Any], cfg: Mapping[str, Any]) -> str:
    evidence = [str(e) for e in as_list(data.get("evidence")) if e]
    if not evidence:
        return ""
    items = "".join(
        f"<li>{esc(short(' '.join(s.split()), cfg['max_sentence_chars']))}</li>"
        for s in evidence[: cfg["max_evidence"]]
    )
    more = len(evidence) - cfg["max_evidence"]
    if more > 0:
        items += f"<li><i>and {more} more</i></li>"
    return f'<ul class="pkg-evidence">{items}</ul>'


def edge_tooltip(
    ends: tuple[str, str],
    data: Mapping[str, Any],
    dates: list[str],
    es: Mapping[str, Any],
    st: Mapping[str, Any],
) -> str:
    """An edge's ends and relation, support, amounts, documents, dates and evidence sentences.

    ``ends``: the labels of its two nodes; ``dates``: its documents' dates; ``es``: its edge style.
    """
    cfg = st["tooltip"]
    parts = [_head(ends[0], data.get("label") or es["label"], es["color"], ends[1])]
    support = _support(data)
    if support:
        parts.append(_row("Support:", esc(support)))
    if data.get("amount"):
        parts.append(_row("Amount:", esc(f"US${float(data['amount']):,.0f}")))
    if data.get("contingent_amount"):
        parts.append(_row("Potential:", esc(f"up to US${float(data['contingent_amount']):,.0f}")))
    payments = [p for p in as_list(data.get("payments")) if isinstance(p, Mapping)]
    if payments:
        items = "".join(_payment_line(p) for p in payments[: cfg["max_documents"]])
        parts.append(f'<ul class="pkg-evidence">{items}</ul>')
    docs = as_list(data.get("documents"))
    if docs:
        parts.append(_row(f"Documents ({len(docs)}):", _joined(docs, cfg["max_documents"])))
    if dates:
        parts.append(_row("Dates:", esc(date_span(dates))))
    parts.append(_evidence_list(data, cfg))
    return "".join(parts)
