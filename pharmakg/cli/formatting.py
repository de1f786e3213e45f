"""How the commands print results: aligned plain-text tables, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

__all__ = ["format_result", "format_table", "json_default"]


def json_default(value: Any) -> Any:
    """``json.dumps`` fallback: SPARQL decimals as the integer or float they are, anything else as text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(json_default(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], max_width: int | None = None) -> str:
    """Rows as aligned plain-text columns; numbers right-aligned, long cells cut at ``max_width``."""
    rows = [list(r) for r in rows]
    numeric = [
        bool(rows) and all(isinstance(r[i], int | float | Decimal) or r[i] is None for r in rows)
        for i in range(len(columns))
    ]
    text = [[_cell(v).replace("\n", " ") for v in r] for r in rows]
    if max_width:
        text = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in text]
    widths = [max([len(c)] + [len(r[i]) for r in text]) for i, c in enumerate(columns)]

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    out = [line(list(columns)), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in text]
    if not text:
        out.append("(no results)")
    return "\n".join(out)


def format_result(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    """``rows`` under ``columns`` as ``fmt``: "json" (a list of records), "csv", or else a table."""
    if fmt == "json":
        records = [dict(zip(columns, r, strict=True)) for r in rows]
        return json.dumps(records, ensure_ascii=False, indent=2, default=json_default)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in r] for r in rows])
        return buf.getvalue().rstrip("\n")
    return format_table(columns, rows)
