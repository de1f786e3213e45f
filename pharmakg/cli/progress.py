"""Batches run through :mod:`pharmakg.api` with a progress bar and unreadable files reported on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from pharmakg.api import DEFAULT_TIME_LIMIT, BatchStats

if TYPE_CHECKING:
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.ingest import IngestError
    from pharmakg.model import Extraction

__all__ = ["build_graph", "extractions", "failure_summary"]

T = TypeVar("T")


def _progress_enabled(quiet: bool) -> bool:
    # A bar only helps a person watching: never in pipes, CI logs or under --quiet.
    return not quiet and sys.stderr.isatty()


def _report_error(message: str, bar_active: bool) -> None:
    """One line on stderr, written around an active progress bar instead of through it."""
    if not bar_active:
        click.echo(message, err=True)
        return
    from tqdm import tqdm

    with tqdm.external_write_mode(file=sys.stderr):
        click.echo(message, err=True)


def _error_line(exc: IngestError) -> str:
    """``error: PATH: reason``. Ingest messages already start with the path; add it when one does not."""
    msg = str(exc)
    path = getattr(exc, "path", None)
    if path is not None and not msg.startswith(str(path)):
        msg = f"{path}: {msg}"
    # one line per error, whatever the file is called ("a\nb.txt" is a legal name)
    return "error: " + msg.replace("\r", "\\r").replace("\n", "\\n")


def _error_reporter(show_bar: bool, failed: list[str] | None = None) -> Callable[[IngestError], None]:
    """The commands' ``on_error``: each unreadable file is one ``error:`` line on stderr, then the next;
    its path goes into ``failed`` for the summary."""

    def report(error: IngestError) -> None:
        if failed is not None:
            failed.append(str(getattr(error, "path", error)))
        _report_error(_error_line(error), bar_active=show_bar)

    return report


def failure_summary(failed: Sequence[str], shown: int = 5) -> str:
    """``N failed: a.txt, b.htm, ... (and K more)``: the end of a command's summary line."""
    names = ", ".join(repr(p) if "\n" in p else p for p in failed[:shown])
    more = f" and {len(failed) - shown} more" if len(failed) > shown else ""
    return f"{len(failed)} failed: {names}{more}"


def _with_progress(stream: Iterable[T], show_bar: bool, desc: str = "extracting") -> Iterator[T]:
    """The stream through a tqdm bar (a total and an ETA when the stream has a length: a list of files)."""
    from tqdm import tqdm

    # No monitor thread: with no thread but the main one, extraction workers are forked at once instead of
    # starting from a fork server (pharmakg.extract.parallel); the bar still refreshes on every document.
    tqdm.monitor_interval = 0
    yield from tqdm(stream, desc=desc, unit="doc", file=sys.stderr, disable=not show_bar)


def extractions(
    inputs: Sequence[Path],
    stats: BatchStats,
    quiet: bool,
    jobs: int = 1,
    dask: str | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    failed: list[str] | None = None,
    mode: str = "default",
) -> Iterator[Extraction]:
    """Extractions of every readable document under ``inputs``; unreadable files are reported and skipped.

    Counts go into ``stats`` as the stream is consumed, so callers can stream straight into a
    writer or the graph without holding every extraction in memory.
    """
    from pharmakg import api

    show_bar = _progress_enabled(quiet)
    stream = api.extract(
        inputs,
        on_error=_error_reporter(show_bar, failed),
        stats=stats,
        jobs=jobs,
        dask=dask,
        time_limit=time_limit or None,
        mode=mode,
    )
    return _with_progress(stream, show_bar)


def build_graph(
    inputs: Sequence[Path],
    output: Path | None,
    append: bool = False,
    quiet: bool = False,
    jobs: int = 1,
    dask: str | None = None,
    prune: bool = False,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    failed: list[str] | None = None,
    mode: str = "default",
) -> tuple[KnowledgeGraph, BatchStats]:
    """Extract ``inputs`` into a graph and, when ``output`` is given, save it there.

    :func:`pharmakg.api.build` writes a file only once every document went through, and a store folder in
    journaled batches, so a crash midway leaves the previous output usable. For a store folder the
    bar counts the input files (unchanged ones pass at once), so it has a total and an ETA."""
    from pharmakg import api

    stats = BatchStats()
    show_bar = _progress_enabled(quiet)
    kg = api.build(
        inputs,
        output,
        append=append,
        on_error=_error_reporter(show_bar, failed),
        stats=stats,
        time_limit=time_limit or None,
        progress=lambda stream: _with_progress(stream, show_bar, "building"),
        jobs=jobs,
        dask=dask,
        prune=prune,
        mode=mode,
    )
    return kg, stats
