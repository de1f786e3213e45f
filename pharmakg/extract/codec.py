"""msgpack codecs for what the components keep on a Doc, so that ``Doc.to_bytes``/``from_bytes`` keep it.

spaCy serializes ``doc.user_data`` (where the ``doc._.pkg_*`` extensions live) with srsly's msgpack, which
knows plain data only; ``nlp.pipe(..., n_process=2)`` ships every Doc between processes that way. Registering
these codecs with srsly makes the typed objects (entities, relations, candidates) and the mention table
travel too. A value is written as a map tagged with :data:`TAG` and read back as the same class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import fields, is_dataclass
from typing import Any

import srsly

from pharmakg.model import Entity, Evidence, Mention, Relation

TAG = "__pharmakg__"
# Encoders see each value msgpack cannot write itself; decoders see every map read back.
Chain = Callable[[Any], Any] | None


class MentionTable(Mapping[tuple[int, int], str]):
    """``doc._.pkg_mention_entity``: (start_char, end_char) of a ``doc.ents`` span -> entity id.

    A read-only mapping rather than a dict because msgpack cannot read back a map with tuple keys: this one
    is written as a list of (start, end, id) rows."""

    def __init__(self, table: Mapping[tuple[int, int], str] | None = None) -> None:
        self._table: dict[tuple[int, int], str] = dict(table or {})

    def __getitem__(self, key: tuple[int, int]) -> str:
        return self._table[key]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def __repr__(self) -> str:
        return f"MentionTable({self._table!r})"


# class name -> dataclass written as a tagged map; the entity components add their Candidate
CLASSES: dict[str, type] = {cls.__name__: cls for cls in (Entity, Mention, Relation, Evidence)}


def encode(obj: Any, chain: Chain = None) -> Any:
    """A pharmakg object -> a tagged map of its fields; anything else to the next encoder."""
    name = type(obj).__name__
    if is_dataclass(obj) and CLASSES.get(name) is type(obj):
        return {TAG: name, **{f.name: getattr(obj, f.name) for f in fields(obj)}}
    if type(obj) is MentionTable:
        return {TAG: "MentionTable", "rows": [[s, e, eid] for (s, e), eid in obj.items()]}
    return chain(obj) if chain is not None else obj


def decode(obj: dict[Any, Any], chain: Chain = None) -> Any:
    """A tagged map -> the pharmakg object it was written from (maps inside it are decoded first)."""
    name = obj.get(TAG)
    if name == "MentionTable":
        return MentionTable({(int(s), int(e)): str(eid) for s, e, eid in obj["rows"]})
    if name in CLASSES:
        return CLASSES[name](**{k: v for k, v in obj.items() if k != TAG})
    return chain(obj) if chain is not None else obj


def register(*classes: type) -> None:
    """Register the codecs with srsly, and ``classes`` (dataclasses) as more to encode; safe to repeat."""
    CLASSES.update({cls.__name__: cls for cls in classes})
    srsly.msgpack_encoders.register("pharmakg", func=encode)
    srsly.msgpack_decoders.register("pharmakg", func=decode)
