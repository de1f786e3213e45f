"""Named SPARQL queries: one ``.rq`` file per question, in this folder.

Each file starts with a header of comments::

    # title: Compounds by target
    # description: compounds that target an antigen, directly or through their antibody
    # param: target - any name of the target (name, alias), matched case-insensitively
    # param: relation - relation type, e.g. TARGETS (optional)

Parameters are what users type (a name, an alias, a code name). They are bound as string literals
through pyoxigraph's substitutions (never pasted into the query text); queries compare them with
``LCASE(STR(?label)) = LCASE(?param)``. pyoxigraph only substitutes projected variables, so each query
lists its parameters in its SELECT clause; :func:`run_query` leaves those columns out of the result.
A parameter marked "(optional)" may be left out: the variable is then unbound. Queries test that with
``COALESCE(STR(?param), "") = "" || ...``, not ``!BOUND(?param)``: pyoxigraph substitutes the value into
expressions and patterns, but BOUND() of a substituted variable is false.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pharmakg.graph.results import QueryResult, SparqlEndpoint

QUERY_DIR = Path(__file__).parent
# Queries the code runs itself (graph projection, maintenance, maps): .rq files, not listed as questions.
INTERNAL_DIR = QUERY_DIR / "internal"
_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s*(?:-\s*(.*))?$")


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


def run_query(kg: SparqlEndpoint, name: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run a named query with its parameters on ``kg`` (a KnowledgeGraph, or anything with its ``query``);
    checks names, requires non-optional ones."""
    info = query_info(name)
    known = {p.name: p for p in info.params}
    params = {k.lstrip("?$"): v for k, v in (params or {}).items() if v is not None}
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise ValueError(f"query {name!r} has no parameter {', '.join(unknown)} (has: {', '.join(known)})")
    missing = [p.name for p in info.params if not p.optional and p.name not in params]
    if missing:
        raise ValueError(f"query {name!r} needs parameter {', '.join(missing)}")
    result = kg.query(info.text, params)
    keep = [i for i, c in enumerate(result.columns) if c not in known]
    return QueryResult([result.columns[i] for i in keep], [tuple(r[i] for i in keep) for r in result.rows])
