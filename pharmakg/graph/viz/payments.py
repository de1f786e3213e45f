"""What a payment edge says on the map: its amounts by kind ("$2M milestone"), from the graph's payment facts.

A PAYMENT edge of the projection (:func:`pharmakg.graph.network.to_networkx`) carries ``payments``: one dict
per payment statement (``kind``, ``amount`` in US dollars, ``document``, ``contingent``). The same kind and
amount restated by several releases is one payment here; potential ("up to") payments are shown apart, as
"up to $170.5M", so that money paid and money promised never add up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pharmakg.graph.viz.attributes import as_list

# Lines of a payment edge's label: more payments than this end with "+N more" (the tooltip lists them all).
MAX_LABEL_LINES = 2
_UNITS = ((1e9, "B"), (1e6, "M"), (1e3, "K"))


def money(amount: float) -> str:
    """US dollars in a few characters: 2000000 -> "$2M", 170500000 -> "$170.5M", 1.2e9 -> "$1.2B"."""
    for size, unit in _UNITS:
        if abs(amount) >= size:
            value = f"{amount / size:.2f}".rstrip("0").rstrip(".")
            return f"${value}{unit}"
    return f"${amount:,.0f}"


def distinct(data: Mapping[str, Any], contingent: bool) -> list[tuple[str, float | None]]:
    """The (kind, amount) of an edge's paid (or contingent) payments, restatements once, largest first."""
    seen: dict[tuple[str, float | None], None] = {}
    for p in as_list(data.get("payments")):
        if isinstance(p, Mapping) and bool(p.get("contingent")) == contingent:
            amount = p.get("amount")
            seen[(str(p.get("kind") or "payment"), None if amount is None else float(amount))] = None
    return sorted(seen, key=lambda ka: (-(ka[1] or 0.0), ka[0]))


def payment_label(data: Mapping[str, Any]) -> str:
    """The label of a PAYMENT edge: "$2M milestone", a line per payment, then "up to $X" for potential ones.

    An edge without payment dicts (any NetworkX graph can be drawn) falls back to its ``amount``.
    """
    paid = [(kind, amount) for kind, amount in distinct(data, False) if amount is not None]
    lines = [f"{money(amount)} {kind}" for kind, amount in paid[:MAX_LABEL_LINES]]
    if len(paid) > MAX_LABEL_LINES:
        lines[-1] += f" +{len(paid) - MAX_LABEL_LINES} more"
    if not lines and data.get("amount"):
        lines.append(money(float(data["amount"])))
    potential = [amount for _kind, amount in distinct(data, True) if amount is not None]
    if potential:
        lines.append(f"up to {money(sum(potential))}")
    elif data.get("contingent_amount") and not data.get("payments"):
        lines.append(f"up to {money(float(data['contingent_amount']))}")
    return "\n".join(lines)
