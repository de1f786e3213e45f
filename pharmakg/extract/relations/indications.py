"""INDICATION: the disease a compound is developed for, attached by the shared attach/group machinery; a
disease said of a named trial belongs to the compounds the trial evaluates, and one in a sentence naming no
compound to the salient compound of the previous sentences when indication wording stands just before it
or before a disease coordinated with it ("... in patients with relapsed <disease> or <disease>";
relation_cues.json, section indications).

``indication_areas`` (a document rule, after the post-pass): a disease named by broad-class words only
("solid tumors", "hematologic malignancies"; the disease grammar's ``broad_core``) that no compound has as its
indication is a therapy area ("a company focused on hematologic malignancies", "a protein expressed on many
solid tumors"), not a DISEASE (annotation Conventions), and leaves the document's entities. Then a disease
that no sentence gave a compound is the indication of the document's one compound with indications (or of
its one compound) when one of its mentions is said with indication wording: a DISEASE is the indication of
a named compound, while "a focus on programs in <disease>" names a company's area. A disease no compound
holds, listed in a sentence naming no compound with diseases that all hold one compound, is that compound's
too; and a disease that no compound holds after all this is a therapy area or background and leaves its
entities. Where the one compound has no indication of its own, a singular drug noun right after a disease says
its indication too ("its <disease> vaccine").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pharmakg.extract.components.base import read_json
from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.cue_words import alternation, phrase_alternation
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent
from pharmakg.extract.relations.unnamed_items import UnnamedItems

_WORD = re.compile(r"[\w'’+/-]+")
_OPEN_PAREN = re.compile(r"\s*\([^()]{0,60}")


class IndicationWording:
    """Whether indication wording stands just before a disease ("patients with relapsed <disease>")."""

    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues.get("indications")  # a cue file without the section: any disease goes to the salient one
        self.cue: re.Pattern[str] | None = None
        self.after: re.Pattern[str] | None = None
        self.window = 60
        if c:
            phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in c["salient_before"])
            gap = int(c["salient_gap"])
            self.window = int(c["salient_window"])
            self.cue = re.compile(rf"\b(?:{phrases})\s+(?:[\w,/()-]+\s+){{0,{gap}}}$")
            if c.get("salient_after"):
                self.after = re.compile(rf"\s+(?:{phrase_alternation(c['salient_after'])})\b(?![-'’])")
        # "CLDN6 is highly expressed in ovarian cancer": a disease said as where a target is expressed
        self.expressed: re.Pattern[str] | None = None
        if c and c.get("expressed_in"):
            self.expressed = re.compile(
                rf"^[^;:.]{{0,60}}?\b(?:{phrase_alternation(c['expressed_in'])})\s+[^;:.]{{0,80}}$"
            )

    def target_expressed(self, ctx: RuleContext, s: Sent, d: M, compound: str) -> bool:
        """``d`` named as where a target of ``compound`` is expressed, the target before it in the sentence
        ("CLDN6 is highly expressed in <d>" after "ZB-12 is an anti-CLDN6 ADC"): the tumour types where the
        compound's own target is expressed are its indications (annotation Conventions), another target's are
        background biology."""
        if self.expressed is None:
            return False
        first = ctx.group(s, d)[0]
        for t in s.of("TARGET"):
            if t.end <= first.start and ctx.out.has_pair("TARGETS", compound, t.eid):
                if self.expressed.match(s.between(t, first)):
                    return True
        return False

    def __call__(self, ctx: RuleContext, s: Sent, d: M, modifier: bool = False) -> bool:
        """Said of ``d`` or of a disease coordinated with it ("patients with relapsed X or Y"); with
        ``modifier``, also ``d`` said as the modifier of a singular drug noun ("its <disease> vaccine")."""
        if self.cue is None:
            return True
        for x in ctx.group(s, d):
            a0 = s.local(x)[0]
            if self.cue.search(s.low[max(0, a0 - self.window) : a0]):
                return True
        # "its <disease> vaccine": the disease said as the modifier of a drug noun
        if modifier and self.after is not None and self.after.match(s.low, s.local(d)[1]):
            return True
        broader = _broader_before(s, d)  # "patients with solid tumors, including <disease>"
        return broader is not None and self(ctx, s, broader)


@relation_rule("indications")
class Indications:
    def __init__(self, cues: dict[str, Any]) -> None:
        self._said_as_indication = IndicationWording(cues)
        self._unnamed = UnnamedItems(cues)
        c = cues.get("indications") or {}
        stops = alternation(c.get("description_stops") or [], lower=True)
        links = phrase_alternation(c.get("description_links") or [])
        self._background = re.compile(
            rf"(?:\s+|-)(?:{phrase_alternation(c.get('background_after') or [])})\b"
        )
        self._description = re.compile(
            rf"^\s*(?:\([^()]{{0,40}}\)\s*)?(?:,|\s+(?:{links}))"
            rf"\s+(?:an?|the)\s+(?:(?!(?:{stops})\b)[\w/+-]+\s+){{0,4}}$"
        )

    def _described(self, s: Sent, c: M) -> M:
        """The named compound a drug-table name describes ("ZB-12 is an oral carbapenem for <disease>": ZB-12,
        relation_cues.json indications.description_links), else ``c`` itself."""
        before = [m for m in s.of("COMPOUND", virtual=False) if m.end <= c.start and m.eid != c.eid]
        if before and self._description.match(s.between(before[-1], c)):
            return before[-1]
        return c

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        for d in s.of("DISEASE", virtual=False):
            if any(self._unnamed.member(s, x) for x in ctx.group(s, d)):
                continue  # "ZB-1 for gout, an anti-CD20 CAR-T for lymphoma": another, unnamed product's
            if self._background.match(s.low, s.local(ctx.group(s, d)[-1])[1]):
                continue  # "the global psoriasis market": market or epidemiology talk
            c = ctx.attach(s, d, ("COMPOUND",), cap=250, combinations=False)
            first = ctx.group(s, d)[0]
            if c is None and first is not d:  # a long list: its members share the compound of its first
                c = ctx.attach(s, first, ("COMPOUND",), cap=250, combinations=False)
            if c is not None and not c.virtual:
                c = self._described(s, c)
            if c is None:
                if ctx.cues.negation.search(s.low):
                    continue
                # "the ongoing ALPHA trial in gout": the compounds the named trial evaluates
                evaluated = ctx.via_trial(s, d)
                for eid in evaluated:
                    ctx.emit("INDICATION", eid, d.eid, s, "indication_salient")
                if not evaluated:  # a trial whose compound a later sentence names (trial_facts.py)
                    ctx.defer_to_trial(s, d, "INDICATION", "indication_trial")
                # the compound of the previous sentences, when the disease is said as an indication
                sal = ctx.salient(s)
                if sal is not None and (
                    self._said_as_indication(ctx, s, d)
                    or self._said_as_indication.target_expressed(ctx, s, d, sal)
                ):
                    ctx.emit("INDICATION", sal, d.eid, s, "indication_salient")
                continue
            if ctx.negated(s, c, d):
                continue
            # "ZB-12 (Phase 3, psoriasis), ZB-14 (Phase 2, lupus)": a disease in the parenthesis after a
            # compound is that compound's alone
            inside = (
                _OPEN_PAREN.fullmatch(s.low[c.end - s.start : d.start - s.start])
                if c.end <= d.start
                else None
            )
            for g in [c] if inside else _respective(ctx, s, c, d):
                if not ctx.comparator(s, g) and not ctx.combination(s, g):
                    ctx.emit("INDICATION", g.eid, d.eid, s, "indication_cue", abs(c.start - d.start))


# "<disease>, including <disease>": the second is one case of the first, said with the same wording
_INCLUDING = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:including|such as|especially|particularly|notably)\s+"
    r"(?:[\w/-]+\s+){0,3}$"
)


def _broader_before(s: Sent, d: M) -> M | None:
    """The disease ``d`` is named as a case of ("acute leukemias, including <d>"), if any."""
    before = [m for m in s.of("DISEASE", virtual=False) if m.end <= d.start]
    if before and _INCLUDING.match(s.between(before[-1], d)):
        return before[-1]
    return None


def _said_of(s: Sent, compounds: list[M], d: M, diseases: list[M]) -> list[M]:
    """ "ZB-4, an ADC for <d1>, and ZB-7, an ADC for <d2>": the compounds of a list that a disease said
    in the list is about. A disease before some of them belongs to the ones before it; another disease
    between a compound and it (a list of other diseases excepted) says that compound's own indication."""
    before = [m for m in compounds if m.end <= d.start]
    if not before or len(before) == len(compounds) and len(compounds) < 2:
        return compounds
    own = {id(x) for x in diseases}
    others = [x for x in s.of("DISEASE", virtual=False) if id(x) not in own and x.end <= d.start]
    kept = [m for m in before if not any(m.end <= x.start for x in others)]
    return kept or compounds


_RESPECTIVELY = re.compile(r"^[^.;:]{0,20}?\brespectively\b")
# a last list member that is no disease ("... <disease> and oncology, respectively"), or a first one
# ("in oncology and <disease>, respectively")
_ONE_MORE_AFTER = re.compile(r"^,?\s+(?:and|or)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s*,?\s+respectively\b")
_ONE_MORE_BEFORE = re.compile(r"\b(?:in|for)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s*,?\s+(?:and|or)\s+$")


def _respective(ctx: RuleContext, s: Sent, c: M, d: M) -> list[M]:
    """The compounds coordinated with ``c`` that ``d`` belongs to: all of them, except that "X and Y for A
    and B, respectively" pairs the two lists by position."""
    compounds = _said_of(s, ctx.group(s, c), d, ctx.group(s, d))
    diseases = ctx.group(s, d)
    if len(compounds) < 2 or d not in diseases:
        return compounds
    after = s.low[diseases[-1].end - s.start :]
    if len(compounds) == len(diseases) and _RESPECTIVELY.match(after):
        return [compounds[diseases.index(d)]]
    # "X and Y ... in <disease> and oncology, respectively": one member of the list is no disease (a
    # therapy area), and the pairing still goes by position
    if len(compounds) == len(diseases) + 1:
        if _ONE_MORE_AFTER.match(after):
            return [compounds[diseases.index(d)]]
        if _ONE_MORE_BEFORE.search(s.low[: diseases[0].start - s.start]) and _RESPECTIVELY.match(after):
            return [compounds[diseases.index(d) + 1]]
    return compounds


@relation_rule("indication_areas", scope="document")
class IndicationAreas:
    """Drops the broad-class diseases that are no compound's indication (see the module doc)."""

    def __init__(self, cues: dict[str, Any], grammar: str = "disease_grammar.json") -> None:
        g = read_json(grammar)
        self.broad = {w.lower() for w in g.get("broad_core", {})}
        self.heads = {h.lower() for h in [*g["heads_need_core"], *g["heads_bare"]]}
        self.modifiers = {w.lower() for w in [*g["state"], *g["other_words"]]}
        self.said_as_indication = IndicationWording(cues)
        plurals = (cues.get("indications") or {}).get("plural_owners") or []
        self.plural_owners = re.compile(rf"\b(?:{alternation(plurals)})\b")

    def is_area(self, name: str) -> bool:
        """ "advanced solid tumors", "other hematologic malignancies": broad-class words and a head only."""
        words = [w for w in (x.lower() for x in _WORD.findall(name)) if w not in self.modifiers]
        return len(words) > 1 and words[-1] in self.heads and all(w in self.broad for w in words[:-1])

    def __call__(self, ctx: RuleContext) -> None:
        if not self.broad:
            return
        side = ctx.out.side.items if ctx.out.side is not None else {}
        indicated = {k[2] for k in [*ctx.out.items, *side] if k[0] == "INDICATION"}
        areas = {
            e.id
            for e in ctx.ents
            if e.type == "DISEASE"
            and e.id not in indicated
            and all(self.is_area(n) for n in [e.name, *e.aliases])
        }
        if areas:  # the same list as doc._.pkg_entities: assembly then drops relations that name them
            ctx.ents[:] = [e for e in ctx.ents if e.id not in areas]
        _sole_compound_indications(ctx, indicated, self.said_as_indication)
        _listed_with_indicated(ctx, self.plural_owners)
        _areas_without_compounds(ctx)


def _areas_without_compounds(ctx: RuleContext) -> None:
    """A DISEASE is the indication of a named compound (annotation Conventions): a disease that no compound
    of the document holds ("a partnership to develop treatments for <disease>", "a focus on programs in
    <disease>", "delays related to the <disease> pandemic", "different types of cancer, including <disease>"
    said of unnamed compounds) is a therapy area or background and leaves its entities."""
    side = ctx.out.side.items if ctx.out.side is not None else {}
    held = {k[2] for k in [*ctx.out.items, *side] if k[0] == "INDICATION"}
    ctx.ents[:] = [e for e in ctx.ents if e.type != "DISEASE" or e.id in held]


def _listed_with_indicated(ctx: RuleContext, plural_owners: re.Pattern[str]) -> None:
    """ "... in gout, psoriasis and eczema": a disease no compound holds, coordinated in a sentence that names
    no compound with diseases that all hold the same one compound (from other sentences), is that compound's
    indication too: the members of one list share their reading. Not where the sentence negates, nor where a
    plural drug noun before the list spreads it over several products ("two programs in A and B")."""
    holders: dict[str | None, set[str]] = {}
    for k in ctx.out.items:
        if k[0] == "INDICATION":
            holders.setdefault(k[2], set()).add(k[1])
    for s in ctx.sents:
        diseases = [d for d in s.of("DISEASE", virtual=False) if d.eid not in holders]
        if not diseases or ctx.cues.negation.search(s.low) or s.of("COMPOUND", virtual=False):
            continue
        for d in diseases:
            if plural_owners.search(s.low[: s.local(d)[0]]):
                continue
            listed = {x.eid for x in ctx.group(s, d)} - {d.eid}
            owners = {frozenset(holders[x]) for x in listed if x in holders}
            if len(owners) != 1:
                continue
            (owner,) = owners
            if len(owner) == 1:
                ctx.emit(
                    "INDICATION", next(iter(owner)), d.eid, s, "indication_listed", prior="indication_salient"
                )


def _sole_compound_indications(
    ctx: RuleContext, indicated: set[str | None], said_as_indication: Callable[..., bool]
) -> None:
    """A DISEASE is the indication of a named compound (Conventions): a disease no sentence gave a compound
    goes to the document's one compound with indications (or its one compound), where there is just one."""
    holders = list(dict.fromkeys(k[1] for k in ctx.out.items if k[0] == "INDICATION"))
    compounds = holders or [e.id for e in ctx.ents if e.type == "COMPOUND"]
    if len(compounds) != 1:
        return
    for e in ctx.ents:
        if e.type != "DISEASE" or e.id in indicated:
            continue
        # not in a sentence about a drug class, another company's drug or two drugs (x.open_anaphor)
        said = [
            (x, m) for x in ctx.sents if not x.open_anaphor for m in x.ms if m.eid == e.id and not m.virtual
        ]
        # "a focus on programs in <disease>" names a company's area, not this compound's indication
        # "its <disease> vaccine" only where the one compound has no indication of its own: beside one
        # ("ZB-4 is in Phase 1 for gout"), "its psoriasis drug" is another, unnamed product
        first = next((x for x, m in said if said_as_indication(ctx, x, m, modifier=not holders)), None)
        if first is not None:
            ctx.emit(
                "INDICATION", compounds[0], e.id, first, "indication_document", prior="indication_salient"
            )
