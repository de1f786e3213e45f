"""Owners named by a pronoun before a compound (read by the ``developers`` rule): "their" after coordinated
companies ("A and B ... their joint program ZB-12", also "A and its partner B ... their ZB-12") and "its"
after the one company it can stand for ("Orbital Bio announced that its OB-9 program ...")."""

from __future__ import annotations

import re

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent

HEADS = (
    r"(?:candidate|compound|drug|product|program|programme|asset|therapy|therapeutic|antibody|adc|conjugate|"
    r"inhibitor|vaccine|molecule|medicine|treatment|agent|oligonucleotide|degrader|bispecific|agonist|"
    r"antagonist|modulator|blocker|biologic|peptide)s?\b"
)
# "their joint program ZB-12", "their lead product candidate, ZB-12"
_PRONOUN_OWNED = re.compile(
    r"\btheir\s+(?:(?:[\w-]+\s+){0,4}?(?:candidate|compound|drug|product|program|programme|asset|"
    r"therapy|antibody|adc|conjugate|inhibitor|vaccine|molecule|medicine|agent)s?\s*,?\s*)?$"
)
# "A and its licensing partner B": the partner is coordinated with A as much as "A and B" is
_AND_ITS_PARTNER = re.compile(
    r"^\s*(?:\([^()]{0,60}\)\s*)?,?\s*and\s+its\s+(?:[\w-]+\s+){0,2}?"
    r"(?:partner|collaborator|co-development partner|licensee|licensor)\s+$"
)
# "its lead candidate ZB-12", "its oral PARP inhibitor, ZB-12": at most four modifiers between
_ITS_OWNED = re.compile(r"\bits\s+(?:[\w-]+\s+){0,4}?(?:[\w-]+\s*,\s*)?$")
# "Helix announced that Orbital Bio has dosed the first patient in its Phase 2 study of ZB-12": with two
# companies named, "its" is the last one's when that one is the subject of the clause "its" stands in
_ITS_SUBJECT = re.compile(
    r"(?:,?\s*(?:inc|corp|ltd|co\.,?\s+ltd|ag|plc|sa|s\.a|gmbh|llc)\.?)?\s*(?:\([^()]{0,40}\)\s*)?"
    r"(?:(?:has|have|had|will|today|recently|also|successfully)\s+)*"
    r"(?:dosed|initiated|initiates|completed|completes|began|begins|started|starts|enrolled|enrolls|presented|"
    r"presents|reported|reports|announced|announces|received|receives|submitted|submits|launched|launches|"
    r"advanced|advances|continued|continues|conducted|conducts|conducting|evaluating|evaluate|dose|initiate|"
    r"complete|begin|start|enroll|present|report|announce|receive|submit|launch|advance|continue|conduct)\b"
    r"(?:(?!\b(?:that|which|who|while|whereas|and|but|with|from)\b)[^;:()])*$"
)
# "Orbital Bio announced data for OB-77, its wholly-owned antisense oligonucleotide": "its" in the apposition
_ITS_APPOSITION = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s*its\s+(?:[\w-]+\s+){0,4}?" + HEADS)


def cue_before(s: Sent, x: M, cue: re.Pattern[str], window: int) -> int | None:
    """Where ``cue`` starts (offset in the sentence) in the ``window`` characters before mention ``x``."""
    a = x.start - s.start
    m = cue.search(s.low[max(0, a - window) : a])
    return None if m is None else max(0, a - window) + m.start()


def _emit(ctx: RuleContext, s: Sent, x: M, owner: M) -> None:
    ctx.emit("DEVELOPED_BY", x.eid, owner.eid, s, "developer_possessive", x.start - owner.end)


def _coordinated(ctx: RuleContext, s: Sent, before: list[M]) -> list[M]:
    """The first two or more companies of ``before`` named together: "A and B", "A and its partner B"."""
    for c in before:
        group = ctx.group(s, c)
        if len({o.eid for o in group}) >= 2:
            return group
    for a, b in zip(before, before[1:], strict=False):
        if a.eid != b.eid and not b.virtual and _AND_ITS_PARTNER.match(s.between(a, b)):
            return [a, b]
    return []


def their_owners(ctx: RuleContext, s: Sent, companies: list[M], compounds: list[M]) -> None:
    """ "A and B ... their joint program ZB-12": the coordinated companies own it."""
    for x in compounds:
        cue = None if x.virtual else cue_before(s, x, _PRONOUN_OWNED, 70)
        if cue is None:
            continue
        lo = max([0] + [b.end() for b in CLAUSE_BREAK.finditer(s.low, 0, cue)])
        before = [c for c in companies if lo <= c.start - s.start and c.end - s.start <= cue]
        for owner in _coordinated(ctx, s, before):
            _emit(ctx, s, x, owner)


def its_owner(ctx: RuleContext, s: Sent, companies: list[M], compounds: list[M]) -> None:
    """ "Orbital Bio announced that its OB-9 program ...", "... data for OB-9, its lead antibody": "its" right
    before a compound (a few modifiers between) or opening its apposition is the one company the sentence
    named before it; with two companies named it stays unread."""
    for x in compounds:
        cue = None if x.virtual else cue_before(s, x, _ITS_OWNED, 50)
        if cue is None and not x.virtual and _ITS_APPOSITION.match(s.low, x.end - s.start):
            cue = x.start - s.start
        if cue is None:
            continue
        before = [c for c in companies if c.end - s.start <= cue and not c.virtual]
        if not before or any(c.start - s.start > cue for c in companies if not c.virtual):
            continue
        if any(o.end - s.start <= cue for o in compounds if o is not x):
            continue  # "X ... its Y": "its" may be X's
        if len({c.eid for c in before}) > 1 and not _ITS_SUBJECT.match(s.low, before[-1].end - s.start, cue):
            continue
        _emit(ctx, s, x, before[-1])
