"""``pharmakg validate``: SHACL validation of a graph against pharmakg/ontology/shapes.ttl."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from pharmakg.cli.options import graph_option

if TYPE_CHECKING:
    from pharmakg.graph.store import KnowledgeGraph


@click.command()
@graph_option("validate")
@click.option(
    "--shapes",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A SHACL shapes file (Turtle) instead of the bundled pharmakg/ontology/shapes.ttl.",
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Violations shown.")
@click.option(
    "--reasoner",
    is_flag=True,
    help="Also check that the ontology and the graph are consistent in OWL 2 (HermiT; needs the extra "
    "`reason` and Java).",
)
def validate(graph_path: Path, shapes: Path | None, limit: int, reasoner: bool) -> None:
    """Check a graph against the SHACL shapes: every entity has a label and a source document, every
    payment a payer, payee, amount and currency, every statement its sentence, offsets, extractor and
    confidence. Exit status 0 when the graph conforms, 1 with the violations listed when it does not.

    \b
    Examples:
      pharmakg validate -g out/kg.nq
      pharmakg validate -g out/store --shapes my_shapes.ttl
      pharmakg validate -g out/kg.nq --reasoner
    """
    try:
        import pyshacl  # noqa: F401
    except ImportError as e:  # the extra is not installed: say how to get it
        raise click.ClickException("validation needs pyshacl: pip install 'pharmakg[validate]'") from e
    from pharmakg.graph.store import KnowledgeGraph
    from pharmakg.graph.validate import SHAPES
    from pharmakg.graph.validate import validate as shacl_validate

    kg = KnowledgeGraph.open(graph_path, read_only=True)
    found = shacl_validate(kg, shapes or SHAPES)
    consistent = _reason(kg, graph_path, limit) if reasoner else True
    if not found:
        click.echo(f"{graph_path}: conforms to {(shapes or SHAPES).name}")
        if not consistent:
            raise click.ClickException(f"{graph_path}: inconsistent with the ontology (OWL 2, HermiT)")
        return
    for v in found[:limit]:
        click.echo(f"{v.severity}: <{v.focus}> {v.path.rsplit('#', 1)[-1] or '-'}: {v.message}")
    more = f" (first {limit} shown)" if len(found) > limit else ""
    also = "" if consistent else "; inconsistent with the ontology (OWL 2, HermiT)"
    raise click.ClickException(f"{graph_path}: {len(found)} SHACL violations{more}{also}")


def _reason(kg: KnowledgeGraph, graph_path: Path, limit: int) -> bool:
    """Run HermiT on the ontology and the graph; print what it found. Returns whether they are consistent."""
    from pharmakg.graph.reasoning import ReasonerUnavailable, check_consistency

    try:
        report = check_consistency(kg)
    except ReasonerUnavailable as e:
        raise click.ClickException(str(e)) from e
    if report.consistent:
        click.echo(
            f"{graph_path}: consistent with the ontology (OWL 2, HermiT; {report.triples} triples, "
            f"{report.seconds:.1f} s)"
        )
        return True
    click.echo(report.message, err=True)
    for node, classes in report.clashes[:limit]:
        names = ", ".join(c.rsplit("#", 1)[-1] for c in classes)
        click.echo(f"Violation: <{node}> is typed with disjoint classes: {names}")
    return False
