"""Read the generated knowledge tables (``ontology/kb/generated/*.tsv``, written by ``make tables``).

Each row: canonical name, names as ``kind:name`` (``|``-separated; kinds ``inn``, ``brand``, ``synonym``,
``symbol``, ``name``, ``alias``), identifiers as ``scheme:id`` (``|``-separated). The header of each file
says where it comes from (package, version, licence), which filters made it and how to regenerate it;
:mod:`pharmakg.ontology.sources` writes them, and nothing at run time needs the source packages.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GENERATED_DIR = Path(__file__).with_name("kb") / "generated"


@dataclass(frozen=True)
class KnowledgeRecord:
    name: str
    names: tuple[tuple[str, str], ...]  # (kind, name)
    ids: tuple[tuple[str, str], ...]  # (scheme, id), e.g. ("drugbank", "DB00072"), ("hgnc", "HGNC:3430")

    def identifiers(self) -> dict[str, str]:
        return dict(self.ids)


def table_path(name: str) -> Path:
    """A table file name in the generated folder, or any other path."""
    p = Path(name)
    return p if p.is_absolute() or p.exists() else GENERATED_DIR / name


@lru_cache(maxsize=16)
def read_generated(name: str) -> tuple[KnowledgeRecord, ...]:
    """The records of one generated table (a file name in ``kb/generated/`` or a path)."""
    out = []
    # plain splits rather than the csv reader of data_rows: ~50,000 rows are read at pipeline start-up
    for line in table_path(name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = (line.split("\t") + ["", ""])[:3]
        names = tuple(_pair(item) for item in cells[1].split("|") if ":" in item)
        ids = tuple(_pair(item) for item in cells[2].split("|") if ":" in item)
        out.append(KnowledgeRecord(cells[0].strip(), names, ids))
    return tuple(out)


def _pair(item: str) -> tuple[str, str]:
    kind, _, value = item.partition(":")
    return kind.strip(), value.strip()


@lru_cache(maxsize=4)
def gene_symbols(name: str = "targets.tsv") -> frozenset[str]:
    """HGNC symbols and gene-shaped aliases of the generated target table, as written: names that a shape
    rule must not read as a compound code (CD19, DLL3, CD30)."""
    return frozenset(
        n for rec in read_generated(name) for kind, n in rec.names if kind in ("symbol", "alias")
    )


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while ~100,000 small tuples are built: they hold no cycles, and
    the collections their allocation triggers would triple the time of loading the tables."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
