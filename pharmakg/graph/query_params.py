"""The parameters of the bundled queries, checked and resolved through the name index before they are bound.

A bundled query compares a name parameter with the labels and document names of entities of one type
(``LCASE(?label) = LCASE(?target)``), so ``target=NCAM1`` (a knowledge-base synonym),
``compound=lorvotuzumab`` (a prefix) or a typo found nothing, and an unknown name answered an empty
table. Here each name parameter is looked up in the :class:`~pharmakg.graph.names.NameIndex` first: a
name the query can match is bound as it is; a name the index finds another way is bound as the entity's
preferred label (with a note saying so); a name nothing matches raises
:class:`~pharmakg.graph.names.NameNotFound` with suggestions. Values that are not names are checked too:
a relation type must be one of the schema's, a number must be a number.

Binding itself stays :func:`pharmakg.graph.queries.bind_parameters`: this module only chooses the values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pharmakg import schema
from pharmakg.graph.names import NameIndex, NameNotFound

# parameter name -> the entity types its value names (empty: any type)
NAME_PARAMETERS: dict[str, tuple[str, ...]] = {
    "name": (),
    "subject": (),
    "object": (),
    "company": ("COMPANY",),
    "compound": ("COMPOUND",),
    "target": ("TARGET",),
    "payload": ("PAYLOAD",),
    "disease": ("DISEASE",),
}
# name parameters whose value may also be a literal (a phase, an amount): kept as given when no name matches
VALUE_OR_NAME = frozenset({"object"})
INTEGER_PARAMETERS = frozenset({"minCompanies", "limit", "offset"})


def relation_names() -> list[str]:
    """What a ``relation`` parameter accepts: the relation types and their properties' local names."""
    types = [t.name for t in schema.RELATION_TABLE]
    props = [t.iri.rsplit("#", 1)[-1] for t in schema.RELATION_TABLE]
    return sorted(set(types) | set(props), key=str.casefold)


def check_relation(value: str) -> str:
    """``value`` if it names a relation type or property (case, spaces and dashes ignored); ValueError
    listing the valid ones otherwise."""
    wanted = value.strip().upper().replace(" ", "_").replace("-", "_")
    if any(wanted == r.upper() for r in relation_names()):
        return value
    types = ", ".join(t.name for t in schema.RELATION_TABLE)
    props = ", ".join(t.iri.rsplit("#", 1)[-1] for t in schema.RELATION_TABLE)
    raise ValueError(f"unknown relation type {value!r}; valid types: {types} (or their properties: {props})")


@dataclass
class ResolvedParams:
    """The values to bind, and a note per value that was replaced by the entity it found."""

    values: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def resolve_parameters(
    index: NameIndex | Callable[[], NameIndex],
    params: Mapping[str, Any],
    has_name: Callable[[str, Sequence[str]], bool] | None = None,
) -> ResolvedParams:
    """Check and resolve the parameters of a bundled query (see the module doc). Raises NameNotFound,
    AmbiguousName (both LookupError) or ValueError.

    ``index`` may be a function that builds the index: it is then called only for a name that ``has_name``
    (an exact name an entity of those types has, e.g. from the store's name keys) does not know. Building
    the index reads every name of the graph (about 9 s at 10M quads), so a question by an exact name never
    pays for it."""
    out = ResolvedParams(dict(params))
    for key, value in params.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key == "relation":
            check_relation(str(value))
        elif key == "limit" and str(value).strip().lower() == "all":
            continue  # a page size: every row
        elif key in INTEGER_PARAMETERS and not str(value).strip().lstrip("+").isdigit():
            raise ValueError(f"parameter {key!r} takes a whole number, got {value!r}")
        elif key in NAME_PARAMETERS and isinstance(value, str):
            types = NAME_PARAMETERS[key]
            if has_name is not None and has_name(value, types):
                continue
            if not isinstance(index, NameIndex):
                index = index()
            if index.has_name(value, types):
                continue
            try:
                match = index.resolve(value, types)
            except NameNotFound:
                if key in VALUE_OR_NAME:
                    continue
                raise
            out.values[key] = match.label
            out.notes.append(f"{key}={value!r} matched {match.describe()} ({match.tier} match)")
    return out
