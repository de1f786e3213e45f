"""The map's look: ``style.json`` (colours, shapes, sizes, tooltip limits) read through the schema.

Entity and relation types name their style by the ``style`` / ``style_key`` of their row in
:mod:`pharmakg.schema`; a type the schema does not know (any NetworkX graph can be drawn) is looked up by
its own name and falls back to the default style.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pharmakg import schema

STYLE_PATH = Path(__file__).with_name("style.json")


@lru_cache(maxsize=4)
def _load_style(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_style(path: str | Path | None = None) -> dict[str, Any]:
    """The style table (``style.json`` unless another file is given)."""
    return _load_style(str(path or STYLE_PATH))


def node_style_key(etype: str | None) -> str:
    """The key of an entity type's style in ``style.json["nodes"]``."""
    row = schema.ENTITY_TYPES.get(etype or "")
    return row.style if row else (etype or "")


def edge_style_key(relation: str | None) -> str:
    """The key of a relation type's style in ``style.json["edges"]``."""
    row = schema.RELATION_TYPES.get(relation or "")
    return row.style_key if row else (relation or "")


def node_style(st: Mapping[str, Any], etype: str | None) -> dict[str, Any]:
    """Colour, shape and label of an entity type, over the default node style."""
    return {**st["default_node"], **st["nodes"].get(node_style_key(etype), {})}


def edge_style(st: Mapping[str, Any], relation: str | None) -> dict[str, Any]:
    """Colour, dashes, width, label and arrows of a relation type, over the default edge style (labelled
    with the schema's label, so a relation type without a style of its own still says what it is)."""
    row = schema.RELATION_TYPES.get(relation or "")
    named = {"label": row.label} if row else {}
    return {**st["default_edge"], **named, **st["edges"].get(edge_style_key(relation), {})}
