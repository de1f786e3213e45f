"""Options several commands share, so that they read and behave the same everywhere."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from pharmakg.graph.views import VIEW_ALIASES, VIEWS

__all__ = [
    "DASK",
    "JOBS",
    "MODE",
    "QUIET",
    "TIME_LIMIT",
    "graph_option",
    "table_format_option",
    "view_option",
]


class _ViewChoice(click.Choice):
    """The view names of :mod:`pharmakg.graph.views`; the map's older spellings are accepted too."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(VIEW_ALIASES.get(value, value), param, ctx)


def view_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--view``, one vocabulary for ``viz`` and ``export``."""
    return click.option(
        "--view", "view_name", type=_ViewChoice(VIEWS), default=VIEWS[0], show_default=True, help=help_text
    )


def table_format_option(
    help_text: str = "Output format.",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format table|csv|json`` of the commands that print a result table (as ``fmt``)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "json"]),
        default="table",
        show_default=True,
        help=help_text,
    )


def graph_option(verb: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The required ``-g/--graph PATH`` option of the commands that read a built graph."""
    return click.option(
        "-g",
        "--graph",
        "graph_path",
        required=True,
        type=click.Path(exists=True, path_type=Path),
        help=f"The graph to {verb}: an RDF file (.ttl .nq .trig .jsonld .nt) or an Oxigraph store folder.",
    )


QUIET = click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar (it is also off when stderr is not a terminal)."
)

JOBS = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Extract on this many processes (1: in this one). The output is the same for any number.",
)

DASK = click.option(
    "--dask",
    "dask_scheduler",
    metavar="ADDRESS",
    default=None,
    help="Extract on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for a local "
    "cluster of one worker process per core. Needs pharmakg[dask]; replaces --jobs.",
)

MODE = click.option(
    "--mode",
    type=click.Choice(["default", "accuracy"]),
    default="default",
    show_default=True,
    help="default: rules and lexicons (fast); accuracy: the same plus a statistical English model's "
    "candidates that the rules confirm (slower; needs pharmakg[accuracy]).",
)

TIME_LIMIT = click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=120.0,
    show_default=True,
    metavar="SECONDS",
    help="Stop extracting a document after this long and report it as failed (0: no limit).",
)
