"""The commands that run extraction: ``extract``, ``build`` and ``demo``."""

from __future__ import annotations

import json
import shlex
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from pharmakg.api import BatchStats
from pharmakg.atomic import atomic_path
from pharmakg.cli.formatting import format_table, json_default
from pharmakg.cli.options import DASK, JOBS, MODE, QUIET, TIME_LIMIT
from pharmakg.cli.progress import build_graph, extractions, failure_summary
from pharmakg.data import example_corpus

if TYPE_CHECKING:
    from pharmakg.model import Extraction

__all__ = ["build", "corpus_dir", "demo", "extract"]

# Output suffixes the graph store serialises to (the suffix picks the format). A path without a suffix, or
# an existing store folder, is an on-disk Oxigraph store; any other suffix is refused with this list:
# silently creating a store folder called "kg.json" or "kg.xyz" helps nobody.
RDF_SUFFIXES = (".ttl", ".nq", ".trig", ".jsonld", ".nt")

# Questions the demo answers: (heading, bundled query name, parameters, columns shown). The queries
# live in pharmakg/graph/queries/*.rq (data, not code); the demo shows the columns that fit a
# terminal (all of them if a query no longer has these), `pharmakg query` shows everything.
DEMO_QUESTIONS: tuple[tuple[str, str, dict[str, str], tuple[str, ...]], ...] = (
    (
        "Which compounds target CD56?",
        "compounds-by-target",
        {"target": "CD56"},
        ("compound", "how", "owners", "documents"),
    ),
    (
        "ImmunoGen's partners and what each paid (USD)",
        "partners-and-payments",
        {"company": "ImmunoGen"},
        ("partner", "paidToCompany", "paidByCompany", "payments"),
    ),
    (
        "huN901-DM1's phase by date",
        "phase-history",
        {"compound": "huN901-DM1"},
        ("date", "phase", "status", "document"),
    ),
    (
        "Which compounds carry DM4?",
        "compounds-by-payload",
        {"payload": "DM4"},
        ("compound", "targets", "owners", "documents"),
    ),
    (
        "The sentence behind a fact: huN901-DM1 targets CD56",
        "evidence",
        {"subject": "huN901-DM1", "relation": "TARGETS", "object": "CD56"},
        ("document", "start", "end", "extractor", "confidence", "sentence"),
    ),
)


def _check_output(output: Path) -> None:
    """Refuse outputs that cannot work before spending minutes on extraction."""
    suffix = output.suffix.lower()
    if output.is_dir():
        # Only an Oxigraph store (RocksDB always writes CURRENT) or an empty folder (but for the lock file
        # of a build that is starting or died before writing) may be built into.
        if not (output / "CURRENT").exists() and any(p.name != ".pharmakg.lock" for p in output.iterdir()):
            raise click.BadParameter(
                f"{output}: a folder that is not a pharmakg store; not overwriting it",
                param_hint="-o/--output",
            )
    elif suffix and suffix not in RDF_SUFFIXES:
        raise click.BadParameter(
            f"{output}: cannot write {suffix or 'this file'}; use one of {', '.join(RDF_SUFFIXES)} "
            "or a path without a suffix for an on-disk Oxigraph store",
            param_hint="-o/--output",
        )


def _check_dask(scheduler: str | None) -> None:
    """Say that the Dask extra is missing before reading anything."""
    if scheduler is None:
        return
    from pharmakg.extract.distributed import import_distributed

    try:
        import_distributed()
    except ImportError as exc:
        raise click.UsageError(f"--dask: {exc}") from None


def _check_mode(mode: str) -> None:
    """Say that the accuracy mode's model is missing (and which extra brings it) before reading anything."""
    from pharmakg.api import check_mode

    try:
        check_mode(mode)
    except ImportError as exc:
        raise click.UsageError(f"--mode {mode}: {exc}") from None


def corpus_dir() -> Path:
    """The bundled example corpus (package data, so it ships in wheels as in checkouts)."""
    return example_corpus()


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per document and line; json: one JSON array.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=str),
    default="-",
    help="Write here instead of standard output (the file appears complete, once the batch is done).",
)
@MODE
@JOBS
@DASK
@TIME_LIMIT
@QUIET
def extract(
    inputs: tuple[Path, ...],
    fmt: str,
    output: str,
    mode: str,
    jobs: int,
    dask_scheduler: str | None,
    time_limit: float,
    quiet: bool,
) -> None:
    """Extract entities and relations from files or folders.

    Reads .txt, .htm, .html and .xhtml files (folders recursively).
    Prints each document's extraction in the shape of the annotation contract (document = file
    stem). Unreadable files (and documents over the time limit) are reported on stderr, one line each, and
    skipped; the last line on stderr sums up, and the exit status is then 1.
    """
    _check_mode(mode)
    _check_dask(dask_scheduler)
    stats = BatchStats()
    failed: list[str] = []
    stream = extractions(
        inputs, stats, quiet, jobs=jobs, dask=dask_scheduler, time_limit=time_limit, failed=failed, mode=mode
    )
    if output == "-":
        _write_extractions(stream, fmt, sys.stdout)
    else:
        with atomic_path(output) as tmp, tmp.open("w", encoding="utf-8") as sink:
            _write_extractions(stream, fmt, sink)
    if stats.failed:
        click.echo(f"extract: {stats.documents} documents extracted, {failure_summary(failed)}", err=True)
        sys.exit(1)


def _write_extractions(stream: Iterable[Extraction], fmt: str, sink: TextIO) -> None:
    if fmt == "json":
        items = [x.to_contract() for x in stream]
        sink.write(json.dumps(items, ensure_ascii=False, indent=2, default=json_default) + "\n")
    else:
        for x in stream:
            sink.write(json.dumps(x.to_contract(), ensure_ascii=False, default=json_default) + "\n")
            sink.flush()


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Where the graph goes: .ttl, .nq, .trig or .jsonld picks the file format; "
    "a path without a suffix (or an existing folder) is an on-disk Oxigraph store.",
)
@click.option(
    "--append",
    is_flag=True,
    help="Add to the graph file already at OUTPUT instead of replacing it (a store folder always is).",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Store folder: remove the documents of files that are gone or no longer under INPUTS.",
)
@MODE
@JOBS
@DASK
@TIME_LIMIT
@QUIET
def build(
    inputs: tuple[Path, ...],
    output: Path,
    append: bool,
    prune: bool,
    mode: str,
    jobs: int,
    dask_scheduler: str | None,
    time_limit: float,
    quiet: bool,
) -> None:
    """Build an RDF knowledge graph from files or folders.

    A store folder (OUTPUT without a suffix) is updated incrementally: only new or changed files are
    read, a changed file's facts replace its old ones, documents are written in batches, and a build
    that was interrupted is finished by the next one. A graph file is written only after every document
    went through, so a failure midway leaves an existing OUTPUT as it was. Unreadable files are
    reported and skipped (exit status 1).
    """
    _check_output(output)
    _check_mode(mode)
    _check_dask(dask_scheduler)
    is_store = output.is_dir() or output.suffix.lower() not in RDF_SUFFIXES
    if prune and not is_store:
        raise click.BadParameter("--prune needs a store folder as OUTPUT", param_hint="--prune")
    if append and is_store:
        click.echo(
            "note: --append is not needed for a store folder: builds into it are incremental", err=True
        )
    started = time.perf_counter()
    failed: list[str] = []
    kg, stats = _build_or_exit(
        inputs, output, append, prune, quiet, jobs, dask_scheduler, time_limit, failed, mode
    )
    seconds = time.perf_counter() - started
    if is_store:
        click.echo(_store_summary(output, stats, len(kg), seconds))
        if failed:
            click.echo(f"build: {failure_summary(failed)}", err=True)
    elif not stats.documents:
        click.echo("error: no document could be read; nothing written", err=True)
        sys.exit(1)
    else:
        click.echo(
            f"{output}: {stats.documents} documents, {stats.entities} entities, {stats.relations} relations"
            + (" added" if append else "")
            + f"; {len(kg)} triples; {seconds:.1f} s"
            + (f"; {stats.failed} unreadable files skipped" if stats.failed else "")
        )
        if failed:
            click.echo(f"build: {failure_summary(failed)}", err=True)
    if stats.failed:
        sys.exit(1)


def _build_or_exit(
    inputs: tuple[Path, ...],
    output: Path,
    append: bool,
    prune: bool,
    quiet: bool,
    jobs: int = 1,
    dask: str | None = None,
    time_limit: float | None = None,
    failed: list[str] | None = None,
    mode: str = "default",
) -> tuple[Any, BatchStats]:
    """build_graph, with a store another process writes reported in one line (exit status 1)."""
    from pharmakg.graph.bookkeeping import StoreLocked

    try:
        return build_graph(
            inputs,
            output,
            append=append,
            quiet=quiet,
            prune=prune,
            jobs=jobs,
            dask=dask,
            time_limit=time_limit,
            failed=failed,
            mode=mode,
        )
    except StoreLocked as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def _store_summary(output: Path, stats: BatchStats, quads: int, seconds: float) -> str:
    new = stats.documents - stats.changed
    return (
        f"{output}: {stats.documents} documents read ({new} new, {stats.changed} changed), "
        f"{stats.unchanged} unchanged, {stats.failed} failed, {stats.pruned} pruned; {stats.entities} "
        f"entities, {stats.relations} relations; quads +{stats.quads_added} -{stats.quads_removed}; "
        f"{quads} triples in the store; {seconds:.1f} s"
    )


@click.command()
@click.option(
    "-o",
    "--outdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for kg.nq, kg.ttl and map.html.",
)
@QUIET
def demo(outdir: Path, quiet: bool) -> None:
    """Run the whole pipeline on the bundled example releases.

    Builds the graph of three ImmunoGen releases, writes OUTDIR/kg.nq and OUTDIR/kg.ttl, answers a
    few questions with SPARQL and draws the interactive map OUTDIR/map.html.
    """
    corpus = corpus_dir()
    outdir.mkdir(parents=True, exist_ok=True)
    click.echo(f"Reading the example corpus in {corpus}")
    started = time.perf_counter()
    kg, stats = build_graph([corpus], None, quiet=quiet)
    for name in ("kg.nq", "kg.ttl"):
        kg.save(outdir / name)
    click.echo(
        f"Built {stats.documents} documents -> {stats.entities} entities, {stats.relations} relations, "
        f"{len(kg)} triples in {time.perf_counter() - started:.1f} s; wrote {outdir / 'kg.nq'} "
        f"and {outdir / 'kg.ttl'}\n"
    )
    for heading, name, params, columns in DEMO_QUESTIONS:
        click.echo(heading)
        try:
            result = kg.run(name, params)
            keep = [result.columns.index(c) for c in columns if c in result.columns]
            if len(keep) < len(columns):
                keep = list(range(len(result.columns)))
            rows = [[row[i] for i in keep] for row in result.rows]
            click.echo(format_table([result.columns[i] for i in keep], rows, max_width=240))
        except Exception as exc:  # one broken question should not hide the others and the map
            click.echo(f"(could not answer: {exc})")
        shown = " ".join(f"--param {shlex.quote(f'{k}={v}')}" for k, v in params.items())
        click.echo(f"  $ pharmakg query {name} {shown} --graph {outdir / 'kg.nq'}\n")

    from pharmakg.graph.network import to_networkx
    from pharmakg.graph.viz import write_html

    G = to_networkx(kg)
    html = write_html(G, outdir / "map.html", title="pharmakg demo: ImmunoGen releases")
    click.echo(f"Interactive map: {Path(html).resolve()} (open it in a browser)")
    if stats.failed:
        sys.exit(1)
