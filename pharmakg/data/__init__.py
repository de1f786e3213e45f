"""Data shipped inside the package: the bundled example corpus (three ImmunoGen releases)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def example_corpus() -> Path:
    """The folder of the bundled example corpus (works from a checkout and from an installed wheel)."""
    return Path(str(files("pharmakg") / "data" / "corpus"))
