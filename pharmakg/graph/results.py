"""Query results and the term conversions around them, shared by the store and the named queries.

:class:`QueryResult` (rows of a SELECT, triples of a CONSTRUCT, the answer of an ASK), :func:`python_value`
(a result term as a plain Python value) and :func:`to_ox_term` (a binding value as an RDF term) live here,
below both :mod:`pharmakg.graph.store` and :mod:`pharmakg.graph.queries`, so neither imports the other
for them. :class:`SparqlEndpoint` is what :func:`pharmakg.graph.queries.run_query` needs of a graph.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox
import rdflib

if TYPE_CHECKING:
    import pandas

XSD = "http://www.w3.org/2001/XMLSchema#"
_INT_TYPES = {
    XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOAT_TYPES = {XSD + "decimal", XSD + "double", XSD + "float"}


def python_value(term: Any) -> Any:
    """A query result term as a plain Python value: str for IRIs and literals, int/float for numbers
    (int for integers and whole xsd:decimal values), bool for booleans, None when unbound."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INT_TYPES:
                return int(term.value)
            if dt == XSD + "decimal" and "." not in term.value:
                return int(term.value)  # whole amounts (payments) read as int, not 3000000.0
            if dt in _FLOAT_TYPES:
                return float(term.value)
            if dt == XSD + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def to_ox_term(value: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A binding value as a pyoxigraph term; plain strings are string literals, never query text."""
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    if isinstance(value, rdflib.URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, rdflib.BNode):
        return ox.BlankNode(str(value))
    if isinstance(value, rdflib.Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, bool):  # before int: bool is an int
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    if isinstance(value, str):
        return ox.Literal(value)
    raise TypeError(f"cannot bind a {type(value).__name__} in a SPARQL query")


@dataclass
class QueryResult:
    """Rows of a SELECT (or the triples of a CONSTRUCT, or one ``result`` row of an ASK)."""

    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    # a page of a longer answer: the number of rows of the whole answer and the position of the first row
    total: int | None = None
    offset: int = 0

    @property
    def is_page(self) -> bool:
        """Whether rows of the answer were left out (before this page or after it)."""
        return self.total is not None and (self.offset > 0 or len(self.rows) < self.total)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)

    def sorted_lists(self, columns: Iterable[str], separator: str = "; ") -> QueryResult:
        """This result with the cells of ``columns`` (lists joined by ``separator``) sorted case-insensitively
        and without repeats; other columns and the row order unchanged."""
        where = [i for i, c in enumerate(self.columns) if c in set(columns)]
        if not where:
            return self

        def tidy(v: Any) -> Any:
            if not isinstance(v, str) or separator not in v:
                return v
            parts = dict.fromkeys(p for p in v.split(separator) if p)
            return separator.join(sorted(parts, key=lambda p: (p.casefold(), p)))

        rows = [tuple(tidy(v) if i in where else v for i, v in enumerate(row)) for row in self.rows]
        return QueryResult(list(self.columns), rows, self.total, self.offset)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(self.columns)
        for row in self.rows:
            w.writerow(["" if v is None else v for v in row])
        return buf.getvalue()

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.records(), ensure_ascii=False, indent=indent)

    def to_table(self, max_width: int = 60) -> str:
        """Aligned plain text; cells longer than ``max_width`` are cut with an ellipsis."""

        def cell(v: Any) -> str:
            s = "" if v is None else str(v).replace("\n", " ")
            return s if len(s) <= max_width else s[: max_width - 1] + "…"

        cells = [[cell(v) for v in row] for row in self.rows]
        widths = [len(c) for c in self.columns]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths, strict=True)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
        return "\n".join(lines)

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (pandas is optional)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "QueryResult.to_dataframe needs pandas: pip install 'pharmakg[dataframes]'"
            ) from exc
        return pd.DataFrame(self.rows, columns=self.columns)


class SparqlEndpoint(Protocol):
    """Anything that runs SPARQL with pre-bound variables: a KnowledgeGraph, or a stand-in in tests."""

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult: ...
