"""The ``pharmakg`` command line: extract, build, query, serve, push, viz, demo.

Heavy modules (spaCy, the graph store, the map) are imported inside the commands that need them, so
``pharmakg --help`` is instant and one stage failing to import does not take the others down.

The commands live by concern in :mod:`~pharmakg.cli.extract_commands` (extract, build, demo),
:mod:`~pharmakg.cli.graph_commands` (query, analyze, export, viz, timeline),
:mod:`~pharmakg.cli.evaluate_command` and :mod:`~pharmakg.cli.serve_command`; the group :func:`main` here
puts them together.
"""

from __future__ import annotations

import logging

import click

from pharmakg import __version__
from pharmakg.cli.deal_commands import deals
from pharmakg.cli.evaluate_command import evaluate
from pharmakg.cli.extract_commands import build, corpus_dir, demo, extract
from pharmakg.cli.formatting import format_result, format_table
from pharmakg.cli.graph_commands import analyze, export_graph, query, timeline, viz
from pharmakg.cli.name_commands import search
from pharmakg.cli.progress import build_graph
from pharmakg.cli.serve_command import push, serve
from pharmakg.cli.show_command import show
from pharmakg.cli.validate_command import validate

__all__ = [
    "analyze",
    "build",
    "build_graph",
    "deals",
    "corpus_dir",
    "demo",
    "evaluate",
    "export_graph",
    "extract",
    "format_result",
    "format_table",
    "main",
    "push",
    "query",
    "search",
    "serve",
    "show",
    "validate",
    "timeline",
    "viz",
]


class _EchoHandler(logging.Handler):
    """Log records to whatever stderr is at the time (click's test runner swaps it per invocation)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


def _configure_logging(verbose: bool) -> None:
    logger = logging.getLogger("pharmakg")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        handler = _EchoHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    # Ingest logs each unreadable file, which the commands already print as "error: PATH: reason".
    logging.getLogger("pharmakg.ingest").setLevel(logging.INFO if verbose else logging.ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pharmakg")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also log what ingest and extraction decide (duplicates skipped, encodings guessed).",
)
def main(verbose: bool) -> None:
    """Biopharma press releases in, an RDF knowledge graph of drug pipelines and partnerships out."""
    _configure_logging(verbose)


_COMMANDS = (
    extract,
    build,
    query,
    search,
    show,
    deals,
    serve,
    push,
    analyze,
    export_graph,
    viz,
    timeline,
    evaluate,
    validate,
    demo,
)
for _command in _COMMANDS:
    main.add_command(_command)
del _command
