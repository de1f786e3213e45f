"""Entity IRIs that do not depend on the order documents arrive in.

:func:`pharmakg.graph.resolve.resolve` mints a new resource's IRI from its preferred name among the documents
of the batch (the name most documents use, see :func:`~pharmakg.graph.resolve.choose_label`; a company the
knowledge base knows gets its record's name) and an existing resource keeps its IRI. Built in several
batches, the preferred name seen at minting can differ from the one over all documents: seeds then dev
minted ``disease/colorectal-cancers`` where a build at once mints ``disease/colorectal-cancer``.

So after each batch the store re-mints the entities it touched: the IRI the resolution of all its documents
at once would give, from the refreshed ``skos:prefLabel`` (the same choice over the same documents) and its
names. An entity whose IRI differs is renamed (no ``owl:sameAs`` left behind), and generic trials named after
a renamed compound (``trial/{compound}-study-001``) follow it. The IRI then depends on the set of documents,
not their order. Not re-minted: an IRI whose slug is already another resource's (the ``-2`` suffix goes
to whichever came first), and generic trials themselves (their IRI is their compound's).
An IRI that only history links point at (``pkg:acquiredBy company/amgen``) is no resource yet: an entity
renamed into it merges with it, as a build at once mints both as one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

import pyoxigraph as ox

from pharmakg.graph.display import label_counts, minting_label
from pharmakg.graph.rdf_terms import SKOS, n
from pharmakg.graph.resolve import generic_trial_targets, is_generic_trial, renamed_by_slug, slug, type_slug
from pharmakg.ontology.kb import KB, default_kb
from pharmakg.ontology.namespaces import PKG, RESOURCES_IRI

MERGED = ox.DefaultGraph()


def _values(store: ox.Store, e: ox.NamedNode, predicate: str) -> list[str]:
    return sorted(
        q.object.value
        for q in store.quads_for_pattern(e, n(predicate), None, MERGED)
        if isinstance(q.object, ox.Literal)
    )


def minted_iri(etype: str, preferred: str, names: Iterable[str], kb: KB) -> str:
    """The IRI :func:`~pharmakg.graph.resolve.resolve` mints for a new resource of this type, preferred
    name and names (before any ``-2`` suffix)."""
    local = slug(preferred)
    if etype == "COMPANY" and (identity := kb.entity_identity(etype, names)) is not None:
        local = slug(kb.record(identity).name)
    return f"{RESOURCES_IRI}{type_slug(etype)}/{local}"


def _is_minted_from(iri: str, base: str) -> bool:
    return iri == base or re.fullmatch(re.escape(base) + r"-\d+", iri) is not None


def _is_entity(store: ox.Store, iri: str) -> bool:
    """An entity of some document. An IRI only linked to (an acquirer named by the knowledge base's company
    history, ``company/amgen``) is not: renaming into it merges the two, as a build at once mints them one."""
    e = ox.NamedNode(iri)
    return next(iter(store.quads_for_pattern(e, n(PKG.entityType), None, MERGED)), None) is not None


NameCounts = Callable[[str], Mapping[str, tuple[int, int]]]


def stable_renames(
    store: ox.Store, entities: Iterable[str], kb: KB | None = None, name_counts: NameCounts | None = None
) -> dict[str, str]:
    """{current IRI: IRI it should have} for the ``entities`` whose IRI is not the one their documents
    mint, plus the generic trials of the renamed compounds.

    ``name_counts(iri)`` gives {name: (documents using it, as main name)} of an entity; by default they are
    counted over the store's document graphs, which costs as many reads as documents name the entity. A
    store being built passes the counts it keeps (:class:`pharmakg.graph.derived_facts.DerivedFacts`):
    hub entities are re-minted after nearly every batch, and recounting theirs made a batch's cost grow
    with the store."""
    kb = default_kb() if kb is None else kb
    renames: dict[str, str] = {}
    for iri in sorted(set(entities)):
        e = ox.NamedNode(iri)
        # minted from the name most documents use, not from the label shown (pharmakg.graph.display)
        etype = _values(store, e, PKG.entityType)
        counts = name_counts(iri) if name_counts is not None else label_counts(store, e)
        if len(etype) != 1 or not counts:
            continue  # gone, or not an entity
        pref = minting_label(counts)
        if etype[0] == "TRIAL" and is_generic_trial(pref):
            continue
        base = minted_iri(etype[0], pref, _values(store, e, SKOS + "altLabel"), kb)
        if not _is_minted_from(iri, base) and base not in renames.values() and not _is_entity(store, base):
            renames[iri] = base
    renames.update(_generic_trial_renames(store, renames))
    return renames


def _generic_trial_renames(store: ox.Store, renames: dict[str, str]) -> dict[str, str]:
    """Generic trials are ``trial/{compound slug}-{trial slug}``: a renamed compound renames them
    (:func:`pharmakg.graph.resolve.generic_trial_targets`: linear in trials plus renames; the end of a
    build renames about a tenth of the entities it touched, and the store holds trials in thousands)."""
    if not renames:
        return {}
    renamed = renamed_by_slug(renames)
    found: dict[str, str] = {}
    for q in store.quads_for_pattern(None, n(PKG.entityType), None, MERGED):
        trial = q.subject.value if isinstance(q.subject, ox.NamedNode) else ""
        if trial in renames:
            continue
        for target in generic_trial_targets(trial, renamed):  # (the last that fits wins, as one by one)
            if not _is_entity(store, target):
                found[trial] = target
    return found
