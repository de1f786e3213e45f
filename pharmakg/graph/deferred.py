"""A writer that leaves the kept kinds a fill computes (:data:`pharmakg.graph.stream_fill.DEFERRED`) to one
fill at the end of a build into an empty store (:mod:`pharmakg.graph.incremental`).

:func:`defer` turns a :class:`~pharmakg.graph.derived_facts.DerivedFacts` into one that keeps per batch only
what no fill computes and what the writer itself reads: the preferred labels and latest phases
(:meth:`~pharmakg.graph.derived_facts.DerivedFacts.refresh`) and the kept name counts they come from. The
keepers of the order keys, pair, licence, agreement and crowded-target facts are replaced by
:class:`Deferred`, told everything and keeping nothing, so their reads and writes per batch (which grew with
hub partners, licensors and targets) are not made at all.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from pharmakg.graph.derived_facts import DerivedFacts


class Deferred:
    """Stands for a keeper of kept facts that a build defers: every call does nothing and returns []."""

    held = False  # (DealLicences' flag, set by the build's last step)

    def __getattr__(self, name: str) -> Callable[..., list[ox.Quad]]:
        return _nothing


def _nothing(*_args: object, **_kwargs: object) -> list[ox.Quad]:
    return []


def defer(derived: DerivedFacts) -> None:
    """Keep per batch only the preferred labels, latest phases and name counts (and no document counts)."""
    derived.deferring = True
    nothing = Deferred()
    derived.order = derived.document_order = nothing  # type: ignore[assignment]
    derived.pairs = derived.licences = derived.agreements = derived.crowds = nothing  # type: ignore[assignment]
