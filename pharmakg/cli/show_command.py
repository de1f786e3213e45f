"""``pharmakg show NAME``: an entity's profile (:mod:`pharmakg.graph.profile`) as text or JSON."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import click

from pharmakg.cli.formatting import format_table
from pharmakg.cli.name_commands import resolve_name
from pharmakg.cli.options import graph_option

__all__ = ["show"]

# the order the facts' sections are printed in (others follow alphabetically)
SECTION_ORDER = (
    "owners",
    "licensees",
    "targets",
    "antibodies",
    "payloads",
    "indications",
    "technologies",
    "develops",
    "licensed in",
    "partners",
)


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last or not last else f"{first} to {last}"


def _fact_line(f: dict[str, Any]) -> str:
    docs = len(f["documents"])
    parts = [f"{f['name']}", _span(f["first"], f["last"]), f"{docs} document{'s' if docs != 1 else ''}"]
    for key, label in (("status", "status"), ("territory", "territory"), ("licensor", "licensor")):
        if f.get(key):
            parts.append(f"{label}: {', '.join(f[key])}")
    if f.get("optionHolder"):
        parts.append(f"option holder: {', '.join(f['optionHolder'])}")
    return "  " + "  ".join(parts)


def _phase_line(r: dict[str, Any]) -> str:
    extra = [str(r[k]) for k in ("region", "plannedYear") if r.get(k)] + (
        ["pivotal"] if r.get("pivotal") else []
    )
    cells = [r.get("date") or "undated", r["phase"], r.get("status") or "", r["document"], " ".join(extra)]
    return "  " + "  ".join(c for c in cells if c)


def _amount(value: Any, currency: Any) -> str:
    return f"{currency or ''} {float(value):,.0f}".strip() if value is not None else "(no amount)"


def _deal_lines(deals: list[dict[str, Any]]) -> list[str]:
    from pharmakg.graph.deals import roles

    lines = []
    for d in deals:
        money = [f"{c}: {d[c]}" for c in ("upfront", "equity", "milestonesEarned", "potential") if d.get(c)]
        extra = [x for x in (roles(d), d.get("assets"), d.get("territory"), *money) if x]
        lines.append(f"  {d.get('date') or 'undated'}  {d['parties']}  " + "  ".join(str(x) for x in extra))
    return lines


def _company_lines(p: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    if p.get("pipeline"):
        columns = ["compound", "targets", "payloads", "latestPhase", "phaseDate"]
        rows = [[r.get(c) or "" for c in columns] for r in p["pipeline"]]
        lines += ["", "pipeline", textwrap.indent(format_table(columns, rows), "  ")]
    if p.get("money"):
        lines += ["", "money (each distinct stated amount once)"]
        for column, by_currency in p["money"].items():
            lines.append(f"  {column}: " + "; ".join(_amount(v, c) for c, v in by_currency.items()))
    if p.get("payments"):
        lines += ["", "payments"]
        for r in p["payments"]:
            way = "from" if r["direction"] == "in" else "to"
            what = " ".join(str(x) for x in (r.get("kind"), r.get("status")) if x)
            amount = _amount(r.get("amount"), r.get("currency"))
            lines.append(f"  {r.get('date') or 'undated'}  {way} {r.get('party') or '?'}  {amount}  {what}")
    return lines


def render(p: dict[str, Any], evidence: int) -> str:
    """The profile as text: names, facts by section, phases, deals, company pipeline and money, evidence."""
    lines = [f"{p['entity']}  ({p['type']})", f"  {p['iri']}", "", "names"]
    lines += [f"  {n['name']}  [{n['from']}]" for n in p["names"]]
    sections = sorted(
        p["facts"],
        key=lambda s: (s not in SECTION_ORDER, SECTION_ORDER.index(s) if s in SECTION_ORDER else 0, s),
    )
    for section in sections:
        lines += ["", section, *(_fact_line(f) for f in p["facts"][section])]
    if p.get("phases"):
        lines += ["", "phases", *(_phase_line(r) for r in p["phases"])]
    if p.get("deals"):
        lines += ["", "deals", *_deal_lines(p["deals"])]
    lines += _company_lines(p)
    shown = p["evidence"] if evidence < 0 else p["evidence"][:evidence]
    docs = len(p["documents"])
    said = len(p["evidence"])
    lines += [
        "",
        f"evidence ({said} statement{'s' if said != 1 else ''} in {docs} document{'s' if docs != 1 else ''})",
    ]
    for s in shown:
        what = s.get("other") or (s.get("value") if s.get("value") is not None else "")
        arrow = "" if s["direction"] == "out" else "<- "
        lines.append(f"  {s.get('date') or 'undated'}  {s['document']}  {arrow}{s['relationType']} {what}")
        if s.get("sentence"):
            lines.append(
                textwrap.fill(str(s["sentence"]), 100, initial_indent="      ", subsequent_indent="      ")
            )
    if len(shown) < len(p["evidence"]):
        lines.append(f"  ... {len(p['evidence']) - len(shown)} more (--evidence all, or --json)")
    return "\n".join(lines)


@click.command()
@click.argument("name")
@graph_option("read")
@click.option(
    "--type",
    "etype",
    metavar="TYPE",
    default=None,
    help="Only an entity of this type (COMPOUND, COMPANY ...).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON (every statement included).")
@click.option(
    "--evidence",
    default="10",
    show_default=True,
    metavar="N|all",
    help="How many evidence sentences the text shows.",
)
def show(name: str, graph_path: Path, etype: str | None, as_json: bool, evidence: str) -> None:
    """Everything the graph says about one entity, found by any of its names.

    A compound: its names, owners and licensees over time, targets, payloads, indications, phases with
    dates, deals, and the evidence sentences with their documents. A company: its pipeline, partners,
    deals and money in and out.

    \b
    Examples:
      pharmakg show lorvotuzumab -g out/kg.nq
      pharmakg show ImmunoGen -g out/kg.nq --json
    """
    from pharmakg.graph.profile import profile
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.model import ENTITY_TYPES

    if evidence != "all" and not evidence.isdigit():
        raise click.BadParameter(f"expected a number or 'all', got {evidence!r}", param_hint="--evidence")
    types = [etype.upper()] if etype else []
    if etype and etype.upper() not in ENTITY_TYPES:
        raise click.BadParameter(
            f"unknown type {etype}; known: {', '.join(ENTITY_TYPES)}", param_hint="--type"
        )
    kg = KnowledgeGraph.open(graph_path, read_only=True)
    match = resolve_name(kg, name, types)
    p = profile(kg, match, kg.name_index())
    if as_json:
        click.echo(json.dumps(p, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(render(p, -1 if evidence == "all" else int(evidence)))
