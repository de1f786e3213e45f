"""``pharmakg search``, and the name look-up every command that takes a name goes through.

Names given on the command line (``--param target=NCAM1``, ``--company``, ``--from``/``--to``, ``show
NAME``) are found by :class:`pharmakg.graph.names.NameIndex`: any label, document name, knowledge-base
synonym or id, former name; then prefixes and typos. A name that finds nothing stops the command with
exit status 1 and "did you mean" suggestions on stderr; a name found other than as written is reported
with a ``note:`` line on stderr, so stdout stays the answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pharmakg.cli.formatting import format_result
from pharmakg.cli.options import graph_option, table_format_option

if TYPE_CHECKING:
    from pharmakg.graph.names import NameMatch

__all__ = ["resolve_name", "resolved_label", "resolved_query_params", "search"]


def _note(match: NameMatch, text: str) -> None:
    if match.tier != "exact" or match.name != match.label:  # found as written: nothing to say
        click.echo(f"note: {text!r} matched {match.describe()} ({match.tier} match)", err=True)


def resolve_name(kg: Any, text: str, types: Sequence[str] = (), hint: str = "NAME") -> NameMatch:
    """The entity ``text`` names; a ClickException (exit 1) with suggestions when none or several do."""
    index = kg.name_index()
    try:
        match = index.resolve(text, types or None)
    except LookupError as exc:
        raise click.ClickException(f"{hint}: {exc.args[0] if exc.args else exc}") from None
    _note(match, text)
    return match


def resolved_label(
    kg: Any, text: str | None, types: Sequence[str] = ("COMPANY",), hint: str = ""
) -> str | None:
    """The preferred label of the entity ``text`` names (None for None): what name-matching code finds."""
    if not text:
        return text
    return resolve_name(kg, text, types, hint or "--company").label


def resolved_query_params(kg: Any, params: Mapping[str, Any]) -> dict[str, Any]:
    """A bundled query's parameters checked and resolved (:mod:`pharmakg.graph.query_params`); exit 1
    naming the problem (and suggestions, or the valid values) when one is wrong."""
    from pharmakg.graph.query_params import resolve_parameters

    try:
        resolved = resolve_parameters(kg.name_index(), params)
    except (LookupError, ValueError) as exc:
        raise click.ClickException(str(exc.args[0] if exc.args else exc)) from None
    for note in resolved.notes:
        click.echo(f"note: {note}", err=True)
    return resolved.values


def _summary(kg: Any, match: NameMatch) -> str:
    """One line about an entity: owners and phase of a compound, compounds and partners of a company."""
    import pyoxigraph as ox

    from pharmakg.graph.queries import bind_parameters, load_internal_query

    sparql = bind_parameters(load_internal_query("entity-summary"), {"entity": ox.NamedNode(match.iri)})
    rows = kg.query(sparql).records()
    if not rows:
        return ""
    r = rows[0]
    parts = []
    if r.get("owners"):
        parts.append("by " + "; ".join(sorted(str(r["owners"]).split("; "), key=str.casefold)))
    if r.get("latestPhase"):
        parts.append(str(r["latestPhase"]))
    if match.type == "COMPANY":
        parts.append(f"{r.get('compounds') or 0} compounds developed, {r.get('partners') or 0} partners")
    parts.append(f"{r.get('documents') or 0} documents")
    return ", ".join(parts)


@click.command()
@click.argument("text")
@graph_option("search")
@click.option("--type", "types", metavar="TYPE,...", default=None, help="Only entities of these types.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="At most N matches.")
@table_format_option("Output format (csv and json also carry the IRIs).")
def search(text: str, graph_path: Path, types: str | None, limit: int, fmt: str) -> None:
    """Find entities by any name: labels, names the documents use, knowledge-base synonyms and ids,
    former company names; then by prefix and similar spelling.

    \b
    Examples:
      pharmakg search NCAM1 -g out/kg.nq
      pharmakg search lorvotuzumab -g out/kg.nq
      pharmakg search immuno --type COMPANY -g out/kg.nq
    """
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.model import ENTITY_TYPES

    type_list = [t.strip().upper() for t in types.split(",") if t.strip()] if types else []
    unknown = sorted(set(type_list) - set(ENTITY_TYPES))
    if unknown:
        raise click.BadParameter(
            f"unknown type {', '.join(unknown)}; known: {', '.join(ENTITY_TYPES)}", param_hint="--type"
        )
    kg = KnowledgeGraph.open(graph_path, read_only=True)
    index = kg.name_index()
    matches = index.find(text, type_list or None, limit=limit)
    if not matches:
        suggestions = index.similar(text, type_list or None)
        hint = "; did you mean " + ", ".join(m.describe() for m in suggestions) + "?" if suggestions else ""
        raise click.ClickException(f"no entity matches {text!r}{hint}")
    columns = ["entity", "type", "matched", "how", "score", "summary", "iri"]
    rows: list[tuple[Any, ...]] = [
        (m.label, m.type, m.name, m.tier, m.score, _summary(kg, m), m.iri) for m in matches
    ]
    if fmt == "table":  # IRIs are long: csv and json carry them
        columns, rows = columns[:-1], [r[:-1] for r in rows]
    click.echo(format_result(columns, rows, fmt))
