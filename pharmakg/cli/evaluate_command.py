"""``pharmakg evaluate``: extraction scored against annotated gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pharmakg.api import BatchStats
from pharmakg.cli.options import QUIET
from pharmakg.cli.progress import extractions

__all__ = ["evaluate"]


@click.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("input_dir", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--predictions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this .jsonl/.json output of `pharmakg extract` (or any extractor) instead of extracting.",
)
@click.option("--by-doc", is_flag=True, help="Also print F1 per document.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="json adds per-document counts and relation precision per confidence band.",
)
@QUIET
def evaluate(
    gold_dir: Path, input_dir: Path | None, predictions: Path | None, by_doc: bool, fmt: str, quiet: bool
) -> None:
    """Score extraction against annotated gold files.

    Gold files are NAME.gold.json in the annotation contract's shape.
    Extracts the documents in INPUT_DIR (default: GOLD_DIR, NAME.txt beside NAME.gold.json) and prints
    precision, recall and F1 per entity and relation type, overall and (--by-doc) per document, with
    the rules of the contract's reference scorer.
    """
    from pharmakg.evaluate import load_gold, load_predictions, score_documents

    gold = load_gold(gold_dir)
    if not gold:
        raise click.UsageError(f"no *.gold.json files in {gold_dir}")
    stats = BatchStats()
    if predictions is not None:
        pred = load_predictions(predictions)
    else:
        pred = {
            x.document.name: x.to_contract(with_provenance=True)
            for x in extractions([input_dir or gold_dir], stats, quiet)
            if x.document.name in gold
        }
    report = score_documents(gold, pred)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.to_table(by_doc=by_doc))
    if stats.failed:
        sys.exit(1)
