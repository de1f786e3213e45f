"""The deals table: one row per pair of companies with an agreement (``queries/deals.rq``), and its exports.

What a row is: the graph holds one ``pkg:Agreement`` per pair of companies per document (a collaboration,
licence, option or payment between them), not one per contract, so a deal here is a *pair of companies*
over all the documents that state it; ``documents`` counts those documents and ``sources`` names them.
Counts in :func:`deal_summary` are of deals (pairs) and documents, never of statements.

Exports: CSV (the standard library), JSON, and Excel ``.xlsx`` through openpyxl (the ``excel`` extra).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pharmakg import atomic
from pharmakg.graph.results import QueryResult, SparqlEndpoint

EXPORT_FORMATS = (".csv", ".json", ".xlsx")
ROLE_COLUMNS = (
    ("licensor", "licensor"),
    ("licensee", "licensee"),
    ("optionHolder", "option holder"),
    ("acquirer", "acquirer"),
)
# what the terminal table shows (csv, json and xlsx carry every column)
TABLE_COLUMNS = (
    "date",
    "parties",
    "roles",
    "assets",
    "territory",
    "upfront",
    "milestonesEarned",
    "potential",
)


def deals(kg: SparqlEndpoint, company: str | None = None) -> QueryResult:
    """The deals table of ``kg`` (of one company, any of its names the query matches), oldest first."""
    from pharmakg.graph.queries import bind_parameters, load_internal_query, query_info, sorted_result

    # every row at once: the former query (the question's page looks its rows up pair by pair)
    text = bind_parameters(load_internal_query("reference-deals"), {"company": company} if company else {})
    result = sorted_result(query_info("deals"), kg.query(text))
    # the query gives "" where a list is empty: an empty cell is one thing, whichever way it was made
    rows = [tuple(None if v == "" else v for v in row) for row in result.rows]
    # the parties are sorted by name now (the query joined them by IRI): order the rows by them again
    date, parties = result.columns.index("date"), result.columns.index("parties")
    rows.sort(key=lambda r: (str(r[date] or "9999"), str(r[parties]).casefold(), str(r[parties])))
    return QueryResult(result.columns, rows)


def roles(record: dict[str, Any]) -> str:
    """The stated roles of a deal in one cell: "licensor: A; licensee: B; option holder: B"."""
    parts = []
    for column, role in ROLE_COLUMNS:
        parts += [f"{role}: {name}" for name in str(record.get(column) or "").split("; ") if name]
    return "; ".join(parts)


def table_view(result: QueryResult) -> QueryResult:
    """The columns of :data:`TABLE_COLUMNS`, the roles in one cell: what fits a terminal."""
    rows = []
    for r in result.records():
        r = {**r, "roles": roles(r)}
        rows.append(tuple(r.get(c) for c in TABLE_COLUMNS))
    return QueryResult(list(TABLE_COLUMNS), rows)


def deal_summary(result: QueryResult) -> str:
    """What the table counts, said in words: deals (pairs of companies) and the documents stating them."""
    documents = {s for r in result.records() for s in str(r.get("sources") or "").split("; ") if s}
    with_money = sum(1 for r in result.records() if r.get("payers"))
    return (
        f"{len(result)} deals (pairs of companies with an agreement), {with_money} with stated payments, "
        f"from {len(documents)} documents"
    )


def write_deals(result: QueryResult, path: str | Path) -> Path:
    """Write the table as CSV, JSON or Excel, by the suffix; ValueError naming the formats otherwise."""
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ValueError(
            f"{out}: unknown output format {suffix or '(none)'}; use {', '.join(EXPORT_FORMATS)}"
        )
    # written to a temporary file and renamed: a killed run never leaves half a table behind
    if suffix == ".csv":
        atomic.write_text(out, result.to_csv())
    elif suffix == ".json":
        atomic.write_text(out, json.dumps(result.records(), ensure_ascii=False, indent=2) + "\n")
    else:
        with atomic.atomic_path(out) as tmp:
            write_xlsx(result, tmp)
    return out


def write_xlsx(result: QueryResult, path: Path, sheet: str = "deals") -> None:
    """An Excel workbook of one sheet: a bold, frozen header row with filters, columns sized to their text."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:
        raise ImportError("an .xlsx file needs openpyxl: pip install 'pharmakg[excel]'") from exc
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append(list(result.columns))
    for row in result.rows:
        ws.append(["" if v is None else v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for i, column in enumerate(result.columns, 1):
        longest = max([len(column), *(len(str(r[i - 1] or "")) for r in result.rows)])
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, longest + 2)
    wb.save(path)
