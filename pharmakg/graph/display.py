"""The preferred label (``skos:prefLabel``) of an entity: which of its names is shown.

The rule, in order:

1. The name most documents use (:func:`pharmakg.graph.resolve.choose_label`: documents using it, then
   documents using it as main name, then the shortest).
2. A company the knowledge base knows is shown under the canonical spelling of that name's record
   ("Jazz Pharmaceuticals" for "Jazz Pharmaceuticals plc", "Sanofi" for "SANOFI"); a former name keeps its
   own record (British Biotech is not shown as Vernalis, which it became): the name the documents use.
3. Otherwise normal case: a name written in capitals ("SACITUZUMAB GOVITECAN", "IMMUNOMEDICS"; six
   letters or more, so acronyms and code names such as HER2, AGTC or IMGN901 are left alone) gives way to
   a spelling of the same name in normal case that a document uses ("sacituzumab govitecan"), the most
   used one.

Every other name stays an alternative (``skos:altLabel``). Each step keeps the entity's IRI: IRIs are
minted from the chosen name's slug (case-blind) and, for companies the knowledge base knows, from the
record's name already, so a label changes without renaming anything. Preferring an INN over a code name
over a brand for compounds, and a knowledge-base name over a source's typo, would change those slugs and
with them the IRIs minted from the label (:mod:`pharmakg.graph.stable_iris`), so it is not done here.
"""

from __future__ import annotations

from collections.abc import Mapping

from pharmakg.graph.resolve import choose_label
from pharmakg.ontology.kb import KB, default_kb

SHOUTING_LETTERS = 6  # capitals from this many letters on are shouting, below that an acronym


def is_shouting(name: str) -> bool:
    """A name written in capitals that is not an acronym or a code name."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= SHOUTING_LETTERS and all(c.isupper() for c in letters)


def preferred_label(etype: str, names: Mapping[str, tuple[int, int]], kb: KB | None = None) -> str:
    """The label to show among ``{name: (documents using it, documents using it as main name)}`` of an
    entity of type ``etype`` (see the module doc)."""
    kb = default_kb() if kb is None else kb
    label = choose_label(names)
    if etype == "COMPANY" and kb.entity_identity(etype, names) is not None:
        record = kb.lookup(etype, label)
        if record is not None:
            return record.name
    if not is_shouting(label):
        return label
    calmer = {n: c for n, c in names.items() if n.casefold() == label.casefold() and not is_shouting(n)}
    return choose_label(calmer) if calmer else label
