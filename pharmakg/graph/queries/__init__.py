"""Named SPARQL queries: one ``.rq`` file per question, in this folder.

Each file starts with a header of comments::

    # title: Compounds by target
    # description: compounds that target an antigen, directly or through their antibody
    # param: target - any name of the target (name, alias), matched case-insensitively
    # param: relation - relation type, e.g. TARGETS (optional)

Parameters are what users type (a name, an alias, a code name). Each one appears in its query as an
inline data block ``VALUES ?target { UNDEF }``, placed where the parameter is used (inside the subquery
that filters on it, if any; a query whose second subquery must find the same entities again has a block in
each, and binding fills them all). The file is standard SPARQL 1.1 and runs unchanged anywhere (an Oxigraph
server, Fuseki, rdflib): ``UNDEF`` leaves the variable unbound. :func:`bind_parameters` binds a value by
replacing that block's ``UNDEF`` with the value written as an RDF term by pyoxigraph (quotes, backslashes
and newlines escaped), so the value is data in a VALUES block, never query structure. The same function
binds for :func:`run_query` (the Python API, ``KnowledgeGraph.run``), ``pharmakg query --param`` and the
query page of ``pharmakg serve``; a SPARQL client can call it before sending the text over HTTP.
Queries find an entity by name through its name keys (``pkg:nameKey``: each of its names in lower case,
written by the store, see :mod:`pharmakg.graph.derived_facts`): ``BIND(LCASE(STR(?param)) AS ?key)
?e pkg:nameKey ?key``, one lookup in an index instead of lower-casing every label of the graph in a FILTER.
A question whose answer lists everything of a kind (every compound, every document) pages it: the subquery
that orders the rows ends with a comment line ``# page: LIMIT ?limit OFFSET ?offset``, and binding
``limit`` and/or ``offset`` (whole numbers) turns that line into ``LIMIT n OFFSET m``. Run as is, a SPARQL
engine reads a comment and answers every row; a page holds the rows of the full answer at those positions,
and the columns of a row are looked up for the rows of the page only.
Asked by name (:func:`run_query`, :func:`bound_query`: the API, the CLI, the query page of ``pharmakg
serve``), a question with a page slot answers a page of :data:`DEFAULT_PAGE` rows when no ``limit`` is
given, and ``limit=all`` asks for every row; the result then says how many rows the whole answer has
(``total``, counted by ``internal/total-NAME.rq``, which finds the same rows without looking anything up
for them).
A parameter marked "(optional)" may be left out; queries test ``COALESCE(STR(?param), "") = ""`` so that an
empty value counts as not given. The others are required by :func:`run_query`, but a file run as is (no
value at all) answers for every entity: an unbound ``?key`` matches every name key, so each bundled
question returns rows anywhere unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from pharmakg.graph.results import QueryResult, SparqlEndpoint, to_ox_term

QUERY_DIR = Path(__file__).parent
# Queries the code runs itself (graph projection, maintenance, maps): .rq files, not listed as questions.
INTERNAL_DIR = QUERY_DIR / "internal"
_HEADER = re.compile(r"^#\s*(title|description|param|lists)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s*(?:-\s*(.*))?$")
# A parameter's slot in the query text: an inline data block of one variable holding UNDEF.
_SLOT = re.compile(r"VALUES\s+[?$](\w+)\s*\{\s*UNDEF\s*\}")
# The slot of a page's size and start: a comment line (so the file as is answers every row).
_PAGE = re.compile(r"#\s*page:\s*LIMIT\s+[?$](?P<size>\w+)\s+OFFSET\s+[?$](?P<start>\w+)[^\n]*")
# Both kinds of slot, replaced in one pass (a value that looks like a slot is never rewritten)
_SLOTS = re.compile(f"{_SLOT.pattern}|{_PAGE.pattern}")


# Rows of a question with a page slot asked without a page size (``limit``); ``limit=all``: every row.
DEFAULT_PAGE = 50
EVERY_ROW = "all"


@dataclass
class Param:
    name: str
    description: str = ""
    optional: bool = False


@dataclass
class QueryInfo:
    name: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)
    text: str = ""
    # columns holding "; "-joined values, sorted by run_query so that answers are byte-stable
    lists: list[str] = field(default_factory=list)


def parse_header(text: str, name: str = "") -> QueryInfo:
    """Title, description and parameters from the leading comment lines of a query."""
    info = QueryInfo(name=name, text=text)
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "title":
            info.title = value
        elif key == "lists":
            info.lists += [c.lstrip("?") for c in re.split(r"[\s,]+", value) if c]
        elif key == "description":
            info.description = (info.description + " " + value).strip()
        else:
            pm = _PARAM.match(value)
            if pm:
                desc = pm.group(2) or ""
                info.params.append(Param(pm.group(1), desc, "(optional)" in desc.lower()))
    return info


def _path(name: str) -> Path:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise KeyError(f"no such query: {name!r}")
    p = QUERY_DIR / f"{name}.rq"
    if not p.is_file():
        raise KeyError(f"no such query: {name!r} (known: {', '.join(q for q, _, _ in list_queries())})")
    return p


def load_query(name: str) -> str:
    """The SPARQL text of a named query."""
    return _path(name).read_text(encoding="utf-8")


@cache
def load_internal_query(name: str) -> str:
    """The SPARQL text of a query the code itself runs (``queries/internal/NAME.rq``), read once."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name) or not (INTERNAL_DIR / f"{name}.rq").is_file():
        raise KeyError(f"no such internal query: {name!r}")
    return (INTERNAL_DIR / f"{name}.rq").read_text(encoding="utf-8")


def query_info(name: str) -> QueryInfo:
    return parse_header(load_query(name), name)


def list_queries() -> list[tuple[str, str, list[str]]]:
    """(name, title, parameter names) of every named query, sorted by name."""
    out = []
    for p in sorted(QUERY_DIR.glob("*.rq")):
        info = parse_header(p.read_text(encoding="utf-8"), p.stem)
        out.append((p.stem, info.title, [prm.name for prm in info.params]))
    return out


def parameter_slots(sparql: str) -> set[str]:
    """Names of the variables that have a ``VALUES ?name { UNDEF }`` block in ``sparql``, and of the size and
    start of its page slot (``# page: LIMIT ?limit OFFSET ?offset``), if any."""
    pages = {name for m in _PAGE.finditer(sparql) for name in m.groups()}
    return {m.group(1) for m in _SLOT.finditer(sparql)} | pages


def page_size_slots(sparql: str) -> set[str]:
    """The names of the page sizes of ``sparql`` (``limit`` of ``# page: LIMIT ?limit OFFSET ?offset``)."""
    return {m.group("size") for m in _PAGE.finditer(sparql)}


def with_default_page(sparql: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` with the default page size (:data:`DEFAULT_PAGE`) for each page slot of ``sparql`` they
    give no size for (None or blank); ``limit=all`` (any case) stays: :func:`bind_parameters` reads it as
    every row."""
    out = dict(params)
    for size in page_size_slots(sparql):
        value = out.get(size)
        if value is None or not str(value).strip():
            out[size] = DEFAULT_PAGE
    return out


def _every_row(value: Any) -> bool:
    return str(value).strip().lower() == EVERY_ROW


def _page_number(name: str, value: Any) -> int:
    text = str(value.value if isinstance(value, ox.Literal) else value).strip()
    if not text.lstrip("+").isdigit():
        raise ValueError(f"parameter {name!r} (a page's size or start) takes a whole number, got {value!r}")
    return int(text)


def _page_clause(m: re.Match[str], params: Mapping[str, Any]) -> str:
    """The page slot ``m`` holding the given size and start (left a comment when neither is given)."""
    size, start = (params.get(name) for name in (m.group("size"), m.group("start")))
    size = None if size is not None and _every_row(size) else size
    clauses = [f"LIMIT {_page_number(m.group('size'), size)}"] if size is not None else []
    clauses += [f"OFFSET {_page_number(m.group('start'), start)}"] if start is not None else []
    return " ".join(clauses) if clauses else m.group(0)


def bind_parameters(sparql: str, params: Mapping[str, Any]) -> str:
    """``sparql`` with each ``VALUES ?name { UNDEF }`` block of a given parameter holding its value.

    Values are Python values or RDF terms (see :func:`~pharmakg.graph.results.to_ox_term`: a str is a
    string literal), written in SPARQL syntax by pyoxigraph; one pass over the template, so a value that
    looks like a block is never rewritten. ``None`` leaves a parameter unbound. The size and start of a
    page slot (``# page: LIMIT ?limit OFFSET ?offset``) are whole numbers written as ``LIMIT n OFFSET m``
    (a size ``all`` leaves LIMIT out: every row).
    ValueError for a name without a block (a typo would otherwise be silently ignored), for blank nodes,
    which VALUES forbids, and for a page size or start that is not a whole number.
    """
    terms: dict[str, str] = {}
    pages = {name for m in _PAGE.finditer(sparql) for name in m.groups()}
    page_values: dict[str, Any] = {}
    for key, value in params.items():
        name = key.lstrip("?$")
        if value is None:
            continue
        if name in pages:
            if str(value).strip():  # an empty size or start counts as not given
                page_values[name] = value
            continue
        term = to_ox_term(value)
        if isinstance(term, ox.BlankNode):
            raise ValueError(f"parameter {name!r}: a blank node cannot be bound in a VALUES block")
        terms[name] = str(term)
    missing = sorted(set(terms) - parameter_slots(sparql))
    if missing:
        raise ValueError(f"the query has no 'VALUES ?name {{ UNDEF }}' block for {', '.join(missing)}")

    def fill(m: re.Match[str]) -> str:
        if m.group("size") is not None:
            return _page_clause(m, page_values)
        name = m.group(1)
        return f"VALUES ?{name} {{ {terms[name]} }}" if name in terms else m.group(0)

    return _SLOTS.sub(fill, sparql)


def check_params(info: QueryInfo, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The given parameters of a named query, None ones left out; checks names, requires non-optional ones."""
    known = {p.name for p in info.params}
    given = {k.lstrip("?$"): v for k, v in (params or {}).items() if v is not None}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ValueError(
            f"query {info.name!r} has no parameter {', '.join(unknown)} (has: {', '.join(sorted(known))})"
        )
    missing = [p.name for p in info.params if not p.optional and p.name not in given]
    if missing:
        raise ValueError(f"query {info.name!r} needs parameter {', '.join(missing)}")
    return given


def bound_query(name: str, params: Mapping[str, Any] | None = None) -> str:
    """The text of a named query with its parameters bound: what to send to any SPARQL endpoint. A question
    with a page slot asks for its first :data:`DEFAULT_PAGE` rows unless ``limit`` says otherwise
    (``all``)."""
    info = query_info(name)
    return bind_parameters(info.text, with_default_page(info.text, check_params(info, params)))


_JOINED = re.compile(
    r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?;\s*separator\s*=\s*\"([^\"]+)\"\s*\)\s+AS\s+\?(\w+)", re.I
)


def list_columns(info: QueryInfo) -> dict[str, str]:
    """Columns whose cells are joined lists, with their separator: each ``GROUP_CONCAT(...; separator="S")
    AS ?col`` of the query, and the columns its ``# lists:`` header names (joined by "; "). GROUP_CONCAT
    keeps no order, so these cells are sorted after the query runs (:meth:`QueryResult.sorted_lists`)."""
    found = {column: separator for separator, column in _JOINED.findall(info.text)}
    # only the answer's columns: a list aggregated in a subquery and cleaned outside it (pipeline's "owners0")
    # is not one
    projection = re.search(r"\bSELECT\b(.*?)\bWHERE\b", info.text, re.S | re.I)
    if projection is not None and "*" not in projection.group(1):
        shown = set(re.findall(r"[?$](\w+)", projection.group(1)))
        found = {column: separator for column, separator in found.items() if column in shown}
    return {**{column: "; " for column in info.lists}, **found}


def run_query(kg: SparqlEndpoint, name: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run a named query with its parameters on ``kg`` (a KnowledgeGraph, or anything with its ``query``);
    checks names, requires non-optional ones. Joined lists in its cells come sorted (:func:`list_columns`),
    so the same graph gives the same bytes whatever order it was built in."""
    info = query_info(name)
    given = with_default_page(info.text, check_params(info, params))
    result = sorted_result(info, kg.query(bind_parameters(info.text, given)))
    if not page_size_slots(info.text):
        return result
    return page_of(kg, name, given, result)


def page_of(kg: SparqlEndpoint, name: str, params: Mapping[str, Any], result: QueryResult) -> QueryResult:
    """``result``, a page of the question ``name`` asked with ``params``, with the number of rows of the whole
    answer (``internal/total-NAME.rq`` with the same parameters, but for the page's; None without that file)
    and the page's start."""
    start = next((v for k, v in params.items() if k.lstrip("?$") == "offset" and v is not None), None)
    result.offset = _page_number("offset", start) if start is not None and str(start).strip() else 0
    try:
        total_text = load_internal_query(f"total-{name}")
    except KeyError:  # a paged question without its count: the page alone
        return result
    slots = parameter_slots(total_text)
    counted = kg.query(bind_parameters(total_text, {k: v for k, v in params.items() if k in slots}))
    result.total = int(counted.rows[0][0]) if counted.rows else None
    return result


def sorted_result(info: QueryInfo, result: QueryResult) -> QueryResult:
    """``result`` of the query ``info`` with the joined lists of its :func:`list_columns` sorted: what
    :func:`run_query` returns, for a result obtained another way (the text of :func:`bound_query` sent to
    an endpoint)."""
    columns = list_columns(info)
    for separator in sorted(set(columns.values())):
        result = result.sorted_lists([c for c, s in columns.items() if s == separator], separator)
    return result
