"""``pharmakg deals``: the deals table (:mod:`pharmakg.graph.deals`) on screen or as CSV, JSON or Excel."""

from __future__ import annotations

from pathlib import Path

import click

from pharmakg.cli.formatting import format_result
from pharmakg.cli.name_commands import resolved_query_params
from pharmakg.cli.options import graph_option, table_format_option

__all__ = ["deals"]


@click.command()
@graph_option("read")
@click.option(
    "--company", metavar="NAME", default=None, help="Only the deals of this company (any of its names)."
)
@table_format_option("Output format on stdout (the table shows the main columns; csv and json all of them).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the whole table to FILE.csv, FILE.json or FILE.xlsx (Excel: pharmakg[excel]) instead.",
)
def deals(graph_path: Path, company: str | None, fmt: str, output: Path | None) -> None:
    """Deals: one row per pair of companies with an agreement, over every document that states it.

    Columns: first date stated, parties, stated roles (licensor, licensee, option holder, acquirer),
    assets, territory, exclusivity, payments as stated (upfront, equity, milestones earned, potential
    payments, royalties, other) with their currency, the payers, and the documents. The line on stderr
    says what is counted: deals (pairs of companies) and documents, not statements.

    \b
    Examples:
      pharmakg deals -g out/kg.nq
      pharmakg deals -g out/kg.nq --company immunogen --format csv
      pharmakg deals -g out/kg.nq -o deals.xlsx
    """
    from pharmakg.graph.deals import EXPORT_FORMATS, deal_summary, table_view, write_deals
    from pharmakg.graph.deals import deals as deals_table
    from pharmakg.graph.store import KnowledgeGraph

    if output is not None and output.suffix.lower() not in EXPORT_FORMATS:
        raise click.BadParameter(
            f"{output}: unknown format {output.suffix or '(no suffix)'}; use {', '.join(EXPORT_FORMATS)}",
            param_hint="-o/--output",
        )
    kg = KnowledgeGraph.open(graph_path, read_only=True)
    name = resolved_query_params(kg, {"company": company})["company"] if company else None
    result = deals_table(kg, name)
    click.echo(deal_summary(result), err=True)
    if output is not None:
        try:
            written = write_deals(result, output)
        except ImportError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"wrote {written} ({len(result)} deals)")
        return
    shown = table_view(result) if fmt == "table" else result
    click.echo(format_result(shown.columns, shown.rows, fmt))
