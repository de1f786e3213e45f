"""Terms, namespaces and lexicons (as data files) of pharmakg."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).parent
LEXICON_DIR = ONTOLOGY_DIR / "lexicons"


def data_rows(path: str | Path) -> Iterator[list[str]]:
    """Rows of a tab-separated lexicon or kb table, cells stripped; '#' lines and empty lines skipped.

    The one reader of the format described in lexicons/README.md (name, synonyms, flags, note) and of
    the kb/ tables, for the extraction components and the knowledge base alike.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].strip() and not row[0].startswith("#"):
                yield [c.strip() for c in row]


def split_list(cell: str, sep: str = "|") -> list[str]:
    """A ``|``-separated synonyms cell (or a ``,``-separated flags cell) as a list of non-empty items."""
    return [s.strip() for s in cell.split(sep) if s.strip()]
