"""Cross-document entity resolution: one resource per real-world entity across all documents.

Rule (exact, on purpose: no fuzzy matching, so no over-merging):

* Two entities are the same resource when they have the same contract type and share at least one
  folded name (:func:`pharmakg.names.fold` of the name or of any alias). Merging is transitive
  (union-find): huN901-DM1/BB-10901 of 2003 and huN901-DM1/HuN901-DM1 of 2006 become one node.
* They are also the same resource when they have the same type and one of their names is a name of
  the same knowledge-base entity (:mod:`pharmakg.ontology.kb`): trastuzumab-DM1 (2006), T-DM1 and
  Kadcyla (2014) are one node, as are huN901-DM1 (2003) and lorvotuzumab mertansine (2010). The link is
  made per name, like the name rule, so it is transitive, order-independent and the same for a batch
  and for documents added one by one. A name the knowledge base holds for two different entities
  (Merck KGaA / Merck & Co. both fold to "merck") is ambiguous and links nothing. Names that merely
  share a word never link: "lung cancer" and "small-cell lung cancer", "Idec" and "Biogen Idec" are
  different folded names and different records.
* Company history (``kb/history.tsv``): a rename is the same legal entity, so it is one node
  (sanofi-aventis and Sanofi; Seattle Genetics and Seagen), keeping every name as ``skos:altLabel``.
  An acquisition or merger into another company is not: Abgenix and Amgen stay two nodes, which
  :mod:`pharmakg.graph.rdf` links with ``pkg:acquiredBy`` / ``pkg:successorOf`` and a dated
  ``pkg:CorporateEvent``.
* Entities already in the store take part through their ``skos:altLabel`` values, so a document
  added later reuses the IRI the entity already has. When a new document links two resources that
  already exist, the lexicographically smaller IRI is kept and the other is renamed into it.
* Generic trial names ("Study 001") are not unique across sponsors; they merge only when they also
  evaluate the same compound, and their IRI is ``trial/{compound-slug}-{trial-slug}``. When a batch merges
  an existing compound into another, its existing generic trials follow it (merging with the kept
  compound's trial of the same slug), so a build in batches keeps them one, as a build at once does.
* A new company resource that the knowledge base identifies gets ``resource/company/{slug of its KB
  name}`` (Seattle Genetics -> ``company/seagen``): history links point at companies that a document
  may not mention, so their IRI must follow from the knowledge base alone.
* Other new IRIs are ``resource/{type-slug}/{slug of the preferred name}``. The preferred name of a merged
  set is the name used by most documents, then most often as a document's main name, then the
  shortest, then the alphabetically first: it depends on the set of documents, not on their order.
  Here an existing resource keeps its IRI; after each batch the store re-mints the entities it touched
  from their refreshed ``skos:prefLabel`` (:mod:`pharmakg.graph.stable_iris`), so documents added in
  several batches end with the IRIs one batch of all of them mints. A slug already taken by a different
  resource gets a ``-2``, ``-3`` ... suffix.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pharmakg import schema
from pharmakg.model import Extraction
from pharmakg.names import GREEK, fold
from pharmakg.ontology.kb import KB, default_kb
from pharmakg.ontology.namespaces import RESOURCES_IRI
from pharmakg.unionfind import UnionFind

TYPE_SLUGS = {t.name: t.slug for t in schema.ENTITY_TABLE}
# "Study 001", "Trial 2", "Protocol A": identifiers that only mean something next to their compound.
_GENERIC_TRIAL = re.compile(r"^(study|trial|protocol|part|cohort|arm)\s*[-#no.]*\s*[a-z0-9]{1,4}$", re.I)


def slug(name: str) -> str:
    """ASCII slug for IRIs: 'FRα' -> 'fralpha', 'huN901-DM1' -> 'hun901-dm1'."""
    s = unicodedata.normalize("NFKC", name).casefold()
    for g, w in GREEK.items():
        s = s.replace(g, w)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:80].strip("-")
    return s or "x" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def type_slug(entity_type: str) -> str:
    return TYPE_SLUGS.get(entity_type, slug(entity_type))


def kb_iri(kb: KB, identity: str) -> str:
    """The IRI a knowledge-base entity gets when it is first minted (used for company links)."""
    rec = kb.record(identity)
    return f"{RESOURCES_IRI}{type_slug(rec.type)}/{slug(rec.name)}"


def _kb_link(kb: KB, etype: str, name: str) -> str | None:
    """Union-find key of the knowledge-base entity named ``name`` (never equal to a folded name)."""
    identity = kb.identity_of(etype, name)
    return "\x00kb:" + identity if identity else None


def name_keys(etype: str, name: str, kb: KB) -> list[tuple[str, str]]:
    """The union-find keys a name of an entity of type ``etype`` joins (generic trials excepted): its folded
    name and its knowledge-base entity. Entities of the same type sharing a key are one resource."""
    keys = [(etype, fold(name))]
    if (link := _kb_link(kb, etype, name)) is not None:
        keys.append((etype, link))
    return keys


def key_joins(key: tuple[str, str]) -> bool:
    """False for a name that folds to nothing: it matches nothing."""
    return bool(key[1]) and not key[1].startswith("@")


def is_generic_trial(name: str) -> bool:
    return bool(_GENERIC_TRIAL.match(name.strip()))


def renamed_by_slug(renames: Mapping[str, str], under: str = "") -> dict[str, list[tuple[str, str]]]:
    """The renames ``(old, new)`` whose old IRI starts with ``under``, by the old IRI's slug (in order)."""
    by_slug: dict[str, list[tuple[str, str]]] = {}
    for old, new in renames.items():
        if old.startswith(under):
            by_slug.setdefault(old.rsplit("/", 1)[-1], []).append((old, new))
    return by_slug


def generic_trial_targets(trial: str, renamed: Mapping[str, list[tuple[str, str]]]) -> list[str]:
    """The IRIs a generic trial ``trial/{compound slug}-{trial slug}`` may take after its compound's rename,
    in the renames' order (the last that fits wins). The trial's slug is matched through its hyphens, each
    prefix looked up among the renamed slugs (:func:`renamed_by_slug`), so the cost grows with the trials
    plus the renames, not their product."""
    trials = f"{RESOURCES_IRI}{type_slug('TRIAL')}/"
    if not trial.startswith(trials):
        return []
    local = trial[len(trials) :]
    matches = sorted(
        (old, new, local[cut + 1 :])
        for cut in range(len(local))
        if local[cut] == "-"
        for old, new in renamed.get(local[:cut], ())
    )
    return [f"{trials}{new.rsplit('/', 1)[-1]}-{rest}" for _old, new, rest in matches]


def choose_label(names: Mapping[str, tuple[int, int]]) -> str:
    """The preferred label among ``{name: (documents using it, documents using it as main name)}``."""
    return min(names, key=lambda n: (-names[n][0], -names[n][1], len(n), n))


@dataclass
class Resolution:
    """IRIs for the entities of a batch of extractions."""

    # (index of the extraction in the batch, entity id) -> entity IRI
    iri_of: dict[tuple[int, str], str] = field(default_factory=dict)
    # existing IRI -> IRI it is merged into (the store must rewrite these)
    renames: dict[str, str] = field(default_factory=dict)


class _NameUnion(UnionFind):
    """Union-find whose nodes also join every earlier node seen under the same (type, key)."""

    def __init__(self) -> None:
        super().__init__()
        self.by_key: dict[tuple[str, str], int] = {}

    def connect(self, node: int, key: tuple[str, str]) -> None:
        """Join ``node`` with every node seen before under the same (type, folded name) key."""
        if not key_joins(key):
            return
        if key in self.by_key:
            self.union(node, self.by_key[key])
        else:
            self.by_key[key] = node


@dataclass
class _Pass:
    """The union-find of one resolution pass and what its nodes stand for."""

    generic: bool  # the pass of generic trials ("Study 001"), keyed by their compound
    weight: Callable[[str], int] | None = None  # an existing IRI's size (see resolve's ``weight``)
    uf: _NameUnion = field(default_factory=_NameUnion)
    # node -> (index of the extraction in the batch, entity id)
    local_nodes: dict[int, tuple[int, str]] = field(default_factory=dict)
    iri_nodes: dict[int, str] = field(default_factory=dict)  # node -> existing IRI
    # node -> [(extraction index, name, is the entity's main name)]
    names_of: dict[int, list[tuple[int, str, bool]]] = field(default_factory=dict)
    prefix_of: dict[int, str] = field(default_factory=dict)  # generic trials: IRI prefix from the compound


@dataclass
class _Minting:
    """IRIs in use across both passes."""

    in_use: Container[str]  # the store's entity IRIs (a set, or lookups in an on-disk store)
    generic_existing: set[str]  # existing generic-trial IRIs: minted deterministically, so reused as is
    minted_now: set[str] = field(default_factory=set)
    also_taken: set[str] = field(default_factory=set)  # the existing entities' IRIs given, and those minted

    def taken(self, iri: str) -> bool:
        """Whether a new IRI must differ from ``iri``."""
        return iri in self.also_taken or iri in self.in_use


# A new resource waiting for its IRI: (sort key (from KB, type slug, local name, names), its nodes)
_Candidate = tuple[tuple[int, str, str, list[str]], list[int]]


def resolve(
    extractions: Sequence[Extraction],
    existing: Iterable[tuple[str, str, str]] = (),
    taken: Container[str] = (),
    kb: KB | None = None,
    weight: Callable[[str], int] | None = None,
) -> Resolution:
    """Assign an IRI to every entity of ``extractions``.

    ``existing``: (IRI, entity type, label) of entities already in the store; ``taken``: IRIs in use;
    ``kb``: the knowledge base (default: the packaged one; ``KB()`` resolves by names only).
    ``weight``: when a batch joins existing entities into one, the one kept is the first IRI in sorted order
    (the others are renamed into it: ``renames``); with ``weight`` (an IRI's size in the store, e.g. its
    quads up to a cap) the heaviest, then the first: a rename rewrites every quad of the renamed entity, and a
    hub renamed into a newcomer costs as much as the hub holds. A build that re-mints its IRIs at its end
    passes it (the IRI then is the one its documents mint, whichever was kept)."""
    kb = default_kb() if kb is None else kb
    res = Resolution()
    existing = list(existing)
    minting = _Minting(
        in_use=taken,
        also_taken={iri for iri, _, _ in existing},
        generic_existing={iri for iri, t, label in existing if t == "TRIAL" and is_generic_trial(label)},
    )
    # Pass 1: every entity except generic trials; pass 2: generic trials keyed by their compound.
    for generic_pass in (False, True):
        p = _Pass(generic_pass, weight=weight)
        if not generic_pass:
            _add_existing(p, existing, kb)
        else:
            _follow_renamed_scopes(res, minting)
        _add_local(p, extractions, res, kb)
        groups: dict[int, list[int]] = {}
        for node in list(p.local_nodes) + list(p.iri_nodes):
            groups.setdefault(p.uf.find(node), []).append(node)
        candidates = [
            c for members in groups.values() if (c := _settle(p, members, extractions, res, kb)) is not None
        ]
        _mint(p, candidates, minting, res)
    return res


def _follow_renamed_scopes(res: Resolution, minting: _Minting) -> None:
    """Existing generic trials named after a compound pass 1 merged into another (``trial/{old}-study-001``)
    are renamed after the one kept (``trial/{kept}-study-001``), merging with the trial already there: a
    build at once keys them by the same compound, so they are one trial (issue 10); the IRIs are found as
    the end's re-mint finds them (:func:`generic_trial_targets`)."""
    renamed = renamed_by_slug(res.renames, under=f"{RESOURCES_IRI}{type_slug('COMPOUND')}/")
    found: dict[str, str] = {}
    for trial in sorted(minting.generic_existing if renamed else ()):
        for target in generic_trial_targets(trial, renamed):  # (what a trial evaluates: its IRI's prefix)
            if target != trial and (target in minting.generic_existing or not minting.taken(target)):
                found[trial] = target
    for trial, target in found.items():
        seen = {trial}
        while target in found and target not in seen:  # (a target itself renamed: its final IRI)
            seen.add(target)
            target = found[target]
        if target in seen:
            continue  # (a cycle of slugs: left as they are)
        res.renames[trial] = target
        minting.generic_existing.add(target)  # reused as is by the batch's trials of the kept resource
        minting.also_taken.add(target)


def _add_existing(p: _Pass, existing: list[tuple[str, str, str]], kb: KB) -> None:
    """One node per existing IRI, joined by its labels (generic trials excepted)."""
    node_of_iri: dict[str, int] = {}
    for iri, etype, label in sorted(existing):
        if etype == "TRIAL" and is_generic_trial(label):
            continue
        if iri not in node_of_iri:
            node_of_iri[iri] = p.uf.add()
            p.iri_nodes[node_of_iri[iri]] = iri
        for key in name_keys(etype, label, kb):
            p.uf.connect(node_of_iri[iri], key)


def _add_local(p: _Pass, extractions: Sequence[Extraction], res: Resolution, kb: KB) -> None:
    """One node per entity of this pass, joined by its names (generic trials: within their compound)."""
    for di, ex in enumerate(extractions):
        for ent in ex.entities:
            generic = ent.type == "TRIAL" and is_generic_trial(ent.name)
            if generic != p.generic:
                continue
            node = p.uf.add()
            p.local_nodes[node] = (di, ent.id)
            names = ent.all_names()
            p.names_of[node] = [(di, name, name == ent.name) for name in names]
            if generic:
                compounds = sorted(
                    res.iri_of[(di, r.object)]
                    for r in ex.relations
                    if r.type == "EVALUATES"
                    and r.subject == ent.id
                    and r.object is not None
                    and (di, r.object) in res.iri_of
                )
                scope = compounds[0] if compounds else "doc:" + ex.document.doc_id
                p.prefix_of[node] = scope.rsplit("/", 1)[-1] if compounds else slug(ex.document.doc_id)
                for name in names:
                    p.uf.connect(node, (ent.type, fold(name) + "@" + scope))
            else:
                for name in names:
                    for key in name_keys(ent.type, name, kb):
                        p.uf.connect(node, key)


def _settle(
    p: _Pass, members: list[int], extractions: Sequence[Extraction], res: Resolution, kb: KB
) -> _Candidate | None:
    """Give a group of nodes the existing IRI it contains (renaming the others into it), or describe the
    new resource it is (a candidate for :func:`_mint`); None when it holds no entity of this batch."""
    old = sorted(p.iri_nodes[m] for m in members if m in p.iri_nodes)
    locals_ = [m for m in members if m in p.local_nodes]
    if not locals_:
        return None
    if old:
        if p.weight is not None and len(old) > 1:
            weight = p.weight
            old.sort(key=lambda iri: -weight(iri))  # (stable: the first in sorted order among equals)
        keep = old[0]
        for other in old[1:]:
            res.renames[other] = keep
        for m in locals_:
            res.iri_of[p.local_nodes[m]] = keep
        return None
    docs: dict[str, set[int]] = {}
    mains: dict[str, set[int]] = {}
    for m in locals_:
        for di, name, main in p.names_of[m]:
            docs.setdefault(name, set()).add(di)
            if main:
                mains.setdefault(name, set()).add(di)
    stats = {name: (len(docs[name]), len(mains.get(name, ()))) for name in docs}
    pref = choose_label(stats)
    first_doc, first_id = p.local_nodes[locals_[0]]
    etype = extractions[first_doc].entity(first_id).type
    local = slug(pref)
    from_kb = 1
    if p.generic:
        local = f"{p.prefix_of[locals_[0]]}-{local}"
    elif etype == "COMPANY" and (identity := kb.entity_identity(etype, stats)) is not None:
        local, from_kb = slug(kb.record(identity).name), 0
    # sort key: independent of document order; KB-named companies first, so they get their KB IRI
    return ((from_kb, type_slug(etype), local, sorted(stats)), locals_)


def _mint(p: _Pass, candidates: list[_Candidate], minting: _Minting, res: Resolution) -> None:
    """New IRIs for the new resources, in an order that does not depend on the documents' order."""
    for (_, tslug, local, _), locals_ in sorted(candidates):
        base = f"{RESOURCES_IRI}{tslug}/{local}"
        iri, k = base, 1
        if not (p.generic and base in minting.generic_existing and base not in minting.minted_now):
            while minting.taken(iri):
                k += 1
                iri = f"{base}-{k}"
        minting.also_taken.add(iri)
        minting.minted_now.add(iri)
        for m in locals_:
            res.iri_of[p.local_nodes[m]] = iri
