"""``pharmakg validate``: SHACL validation of a graph against pharmakg/ontology/shapes.ttl."""

from __future__ import annotations

from pathlib import Path

import click

from pharmakg.cli.options import graph_option


@click.command()
@graph_option("validate")
@click.option(
    "--shapes",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A SHACL shapes file (Turtle) instead of the bundled pharmakg/ontology/shapes.ttl.",
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Violations shown.")
def validate(graph_path: Path, shapes: Path | None, limit: int) -> None:
    """Check a graph against the SHACL shapes: every entity has a label and a source document, every
    payment a payer, payee, amount and currency, every statement its sentence, offsets, extractor and
    confidence. Exit status 0 when the graph conforms, 1 with the violations listed when it does not.

    \b
    Examples:
      pharmakg validate -g out/kg.nq
      pharmakg validate -g out/store --shapes my_shapes.ttl
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
    if not found:
        click.echo(f"{graph_path}: conforms to {(shapes or SHAPES).name}")
        return
    for v in found[:limit]:
        click.echo(f"{v.severity}: <{v.focus}> {v.path.rsplit('#', 1)[-1] or '-'}: {v.message}")
    more = f" (first {limit} shown)" if len(found) > limit else ""
    raise click.ClickException(f"{graph_path}: {len(found)} SHACL violations{more}")
