"""Where the pipeline's spaCy config (``config.cfg``) is and how it is read: one place for the pipeline
builder and for the relation-rule registry (which takes its default rule order from the same file)."""

from __future__ import annotations

from pathlib import Path

from thinc.api import Config

PIPELINE_CONFIG = Path(__file__).resolve().parent / "config.cfg"


def load_pipeline_config(config_path: str | Path | None = None) -> Config:
    """The pipeline's spaCy config (``config.cfg`` unless another file is given), not interpolated."""
    return Config().from_disk(Path(config_path or PIPELINE_CONFIG), interpolate=False)
