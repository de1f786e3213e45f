"""The one vocabulary of graph views, shared by the map (``pharmakg viz``) and ``pharmakg export``.

- ``full``: every entity and relation;
- ``partnership``: companies only, an edge weighted by agreements and payments;
- ``pipeline``: compounds and what they attach to (targets, payloads, diseases, owners ...).

The graphs are made by :func:`pharmakg.graph.network.view_network`. This module depends on nothing but
the standard library, so the command line can build its options without importing the graph stack.
"""

from __future__ import annotations

VIEWS: tuple[str, ...] = ("full", "partnership", "pipeline")
# Spellings the map used before the two commands shared one vocabulary.
VIEW_ALIASES: dict[str, str] = {"all": "full", "partnerships": "partnership"}


def canonical_view(name: str) -> str:
    """The view called ``name`` (an old spelling is accepted); ValueError naming the views otherwise."""
    view = VIEW_ALIASES.get(name, name)
    if view not in VIEWS:
        raise ValueError(f"unknown view {name!r}; one of {', '.join(VIEWS)}")
    return view
