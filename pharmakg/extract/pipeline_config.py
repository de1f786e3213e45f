"""Where the pipeline's spaCy config (``config.cfg``) is and how it is read: one place for the pipeline
builder and for the relation-rule registry (which takes its default rule order from the same file)."""

from __future__ import annotations

from pathlib import Path

from thinc.api import Config

PIPELINE_CONFIG = Path(__file__).resolve().parent / "config.cfg"
# the extraction modes and their configs: "default" (rules and lexicons on spaCy's blank English, fast) and
# "accuracy" (the same plus the statistical English model of the `accuracy` install extra)
MODES = {"default": PIPELINE_CONFIG, "accuracy": PIPELINE_CONFIG.with_name("config-accuracy.cfg")}
DEFAULT_MODE = "default"


def mode_config(mode: str) -> Path:
    """The config file of an extraction mode (ValueError naming the modes for any other name)."""
    try:
        return MODES[mode]
    except KeyError:
        raise ValueError(f"unknown extraction mode {mode!r}: use one of {', '.join(MODES)}") from None


def load_pipeline_config(config_path: str | Path | None = None) -> Config:
    """The pipeline's spaCy config (``config.cfg`` unless another file is given), not interpolated."""
    return Config().from_disk(Path(config_path or PIPELINE_CONFIG), interpolate=False)
