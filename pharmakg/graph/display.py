"""The preferred label (``skos:prefLabel``) of an entity: which of its names is shown.

The rule, over the names the documents use (:func:`label_counts`: per name, the documents using it and
those using it as main name):

1. A compound is shown under an INN if a document uses one ("lorvotuzumab mertansine" over the code name
   huN901-DM1, "trastuzumab emtansine" over the brand Kadcyla), else under a code name, else a brand
   (:func:`compound_kind`; INN stems are data, ``display_names.json``); an INN in lower case when a
   document writes it so.
2. Within that, the name most documents use (:func:`pharmakg.graph.resolve.choose_label`: documents using
   it, then documents using it as main name, then the shortest).
3. A company the knowledge base knows is shown under the canonical spelling of that name's record
   ("Jazz Pharmaceuticals" for "Jazz Pharmaceuticals plc"); a former name keeps its own record (British
   Biotech is not shown as Vernalis, which it became).
4. Normal case: a name written in capitals ("SACITUZUMAB GOVITECAN", "IMMUNOMEDICS"; six letters or more,
   so acronyms and code names such as HER2, AGTC or IMGN901 are left alone) gives way to a spelling of the
   same name in normal case that a document uses.

5. A source's typo gives way to the knowledge base: when the entity is known to the knowledge base (its
   names agree on one record) and the label is no name of that record but a name of it is one or two
   letters away (names of eight letters or more), that spelling is shown ("prostate specific membrane
   antigen" for a release's "prostrate specific membrane antigen").

Every other name stays an alternative (``skos:altLabel``). The label is a name a document uses, or the
knowledge base's spelling of it (rule 5). IRIs do not follow the label: they are minted from the name most
documents use (rule 2 alone, see :func:`minting_label` and :mod:`pharmakg.graph.stable_iris`), so choosing
what to show renames nothing. Targets are shown under the name the releases use (CD56, HER2), not the HGNC
gene symbol (NCAM1, ERBB2): analysts and releases name antigens so; the symbol is an alternative that
finds the entity (:mod:`pharmakg.graph.names`) and its HGNC id is linked with ``skos:exactMatch``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path

import pyoxigraph as ox

from pharmakg.graph.rdf_terms import RDFS, SKOS, n
from pharmakg.graph.resolve import choose_label
from pharmakg.ontology.kb import KB, default_kb

SHOUTING_LETTERS = 6  # capitals from this many letters on are shouting, below that an acronym
COMPOUND_KINDS = ("INN", "code name", "brand")  # in the order compounds' labels prefer them
_INN_SHAPE = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


@cache
def _inn_stems() -> tuple[str, ...]:
    data = json.loads(Path(__file__).with_name("display_names.json").read_text(encoding="utf-8"))
    return tuple(sorted(data["inn_stems"], key=len, reverse=True))


@lru_cache(maxsize=1 << 16)
def compound_kind(name: str) -> str:
    """ "INN" (letters, spaces and hyphens, a word ending with an INN stem), "code name" (with a digit)
    or "brand" (anything else). Cached: a build chooses a hub compound's label among all its names at every
    batch that touches it."""
    if any(c.isdigit() for c in name):
        return "code name"
    if _INN_SHAPE.fullmatch(name) and any(w.lower().endswith(_inn_stems()) for w in re.split(r"[ -]", name)):
        return "INN"
    return "brand"


def _text(term: object) -> str:
    return term.value if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode) else str(term)


def label_counts(store: ox.Store, e: ox.NamedNode) -> dict[str, tuple[int, int]]:
    """{name: (documents using it, documents using it as main name)} of ``e``, counted over the named
    graphs (the documents; the merged default graph is not one)."""
    docs: dict[str, set[str]] = {}
    mains: dict[str, set[str]] = {}
    for q in store.quads_for_pattern(e, n(SKOS + "altLabel"), None, None):
        if not isinstance(q.graph_name, ox.DefaultGraph):
            docs.setdefault(_text(q.object), set()).add(str(q.graph_name))
    for q in store.quads_for_pattern(e, n(RDFS + "label"), None, None):
        if not isinstance(q.graph_name, ox.DefaultGraph):
            mains.setdefault(_text(q.object), set()).add(str(q.graph_name))
    return {name: (len(g), len(mains.get(name, ()))) for name, g in docs.items()}


def minting_label(names: Mapping[str, tuple[int, int]]) -> str:
    """The name an entity's IRI is minted from: the one most documents use (not the display rule)."""
    return choose_label(names)


def is_shouting(name: str) -> bool:
    """A name written in capitals that is not an acronym or a code name."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= SHOUTING_LETTERS and all(c.isupper() for c in letters)


def preferred_label(etype: str, names: Mapping[str, tuple[int, int]], kb: KB | None = None) -> str:
    """The label to show among ``{name: (documents using it, documents using it as main name)}`` of an
    entity of type ``etype`` (see the module doc)."""
    kb = default_kb() if kb is None else kb
    return _kb_spelling(etype, _document_label(etype, names, kb), names, kb)


def _document_label(etype: str, names: Mapping[str, tuple[int, int]], kb: KB) -> str:
    """Rules 1-4: the label among the names the documents use."""
    if etype == "COMPOUND":
        return _compound_label(names)
    label = choose_label(names)
    if etype == "COMPANY" and kb.entity_identity(etype, names) is not None:
        record = kb.lookup(etype, label)
        if record is not None:
            return record.name
    if not is_shouting(label):
        return label
    calmer = {n: c for n, c in names.items() if n.casefold() == label.casefold() and not is_shouting(n)}
    return choose_label(calmer) if calmer else label


def _compound_label(names: Mapping[str, tuple[int, int]]) -> str:
    """An INN over a code name over a brand, the most used of its kind, in lower case or normal case."""
    kinds = {name: compound_kind(name) for name in names}
    best = min(COMPOUND_KINDS, key=lambda k: (k not in kinds.values(), COMPOUND_KINDS.index(k)))
    label = choose_label({n: c for n, c in names.items() if kinds[n] == best})
    if best == "INN":  # INNs are written in lower case: take that spelling if a document uses it
        lower = {n: c for n, c in names.items() if n == n.lower() and n.casefold() == label.casefold()}
        if lower:
            return choose_label(lower)
    if not is_shouting(label):
        return label
    calmer = {n: c for n, c in names.items() if n.casefold() == label.casefold() and not is_shouting(n)}
    return choose_label(calmer) if calmer else label


TYPO_MIN_LENGTH = 8  # shorter names differ by a letter too often (HER2, HER3) to call it a typo
TYPO_MAX_EDITS = 2


def _kb_spelling(etype: str, label: str, names: Mapping[str, tuple[int, int]], kb: KB) -> str:
    """Rule 5: the knowledge base's spelling of a label that misspells a name of the entity's record."""
    if len(label) < TYPO_MIN_LENGTH or kb.lookup(etype, label) is not None:
        return label
    identity = kb.entity_identity(etype, names)
    if identity is None:
        return label
    try:
        from rapidfuzz.distance import Levenshtein
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        return label
    folded = label.casefold()
    for record in kb.members(identity):
        for name in record.names:
            if len(name) >= TYPO_MIN_LENGTH and name.casefold() != folded:
                if (
                    Levenshtein.distance(name.casefold(), folded, score_cutoff=TYPO_MAX_EDITS)
                    <= TYPO_MAX_EDITS
                ):
                    return name
    return label
