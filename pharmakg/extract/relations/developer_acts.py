"""What a developer does, read as DEVELOPED_BY of the company that does it: it runs the trials ("Orbital Bio
has dosed the first patient in a Phase 2 study of ZB-12"), files and receives the regulatory decisions ("B
submitted a new drug application for ZB-12", "B received Fast Track designation for ZB-12"), advances the
compound ("B advanced ZB-12 into Phase 2") or is responsible for its development ("Orbital Bio will be
responsible for all further development"). Releases about a partner's progress (a milestone earned, a
licensee's trial start) state the partner's development this way; the conventions give a licensee with
development rights, and a co-developer, DEVELOPED_BY.

A duty sentence often names no compound ("Under the agreement, B will lead clinical development."): its
compound is the one the actor holds a licence to, else the compound of the sentences before. Cue words are
data (relation_cues.json, section developer_acts)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.deal import PendingOption
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent
from pharmakg.extract.relations.subjects import clause_subject, companion_of

# after the act's object noun, what introduces the compound: "trial of", "application for", "study
# evaluating", "approval from the FDA for", "trial to assess the safety and tolerability of its medicine"
_OBJECT_TO_COMPOUND = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:(?:from|by|to|with|in)\s+(?:the\s+)?[\w.&' -]{1,40}?\s+)?"
    r"(?:of|for|with|evaluating|investigating|testing|assessing|"
    r"to\s+(?:evaluate|assess|investigate|study|test)\b[^;:()]{0,120}?\b(?:of|for))\s+"
    r"(?:the\s+|its\s+|their\s+|our\s+)?(?:(?!(?:with|in|by|from|and|or|versus|vs)\b)[\w-]+\s+){0,4}?$"
)
# "the ZB-12 Phase 3 trial": the compound names the object it stands before
_COMPOUND_BEFORE_OBJECT = re.compile(r"^\s*(?:[\w/-]+\s+){0,3}$")
_POSSESSIVE_WORDS = ("'s", "’s", "its", "our")
_POSSESSIVE_GAP = re.compile(r"^(?:'s|’s|'|’)\s+$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are|being)\s+$")
_AFTER_ADVANCED = re.compile(
    r"^(?:[^.;:]{0,80}?\b(?:into|to)\s|\s*,?\s*as\s+(?:a|an|its|their|the)\b[^.;:]{0,40}?\bcandidate)"
)
# "B, which will develop it in Asia": a relative clause of development after a company, said of a pronoun
_WHICH_DEVELOPS_IT = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:which|who)\s+(?:(?:will|shall|is|are|has|have|also|now|then)\s+)*"
    r"(?:co-)?develop(?:s|ing|ed)?\s+(?:and\s+[\w-]+\s+)?(?:it|them)\b"
)
# after "development": "of" and a noun phrase that is not the compound talked about names what is developed
_OF_OTHER = re.compile(
    r"(?:\s*,?\s*(?:and|,)\s*[\w-]+)*\s+of\s+(?!it\b|its\b|(?:the|this)\s+(?:[\w-]+\s+)?(?:compound|product|candidate|"
    r"drug|program|programme|asset|therapy|antibody|vaccine|medicine)\b)"
)
# "Helix, a subsidiary of Orbital Bio, has started": a company after a preposition is not the subject
_OBJECT_OF = re.compile(r"\b(?:of|by|with|from|to|for|and)\s+(?:the\s+)?$")
_PRONOUN_SUBJECT = re.compile(r"\b(?:by|with|to|from|of|for|and|or)\s*$")


@relation_rule("developer_acts", min_mentions=1)
class DeveloperActs:
    """ "B has started a Phase 1 trial of X", "B's submission of an NDA for X", "B advanced X into Phase 2",
    "B will be responsible for all further development"."""

    def __init__(self, cues: dict[str, Any]) -> None:
        d = cues["developer_acts"]
        self.acts = words_regex(d["act_verbs"])
        self.nouns = words_regex(d["act_nouns"])
        self.objects = words_regex(d["act_objects"])
        self.gap = int(d["act_gap"])
        self.act_by = words_regex(d["act_by"])
        self.acting_for = re.compile(
            r"\s*,?\s*(?:"
            + alternation(cues["developers"]["acting_for"])
            + r")\s+(?:the\s+|its\s+|their\s+)?"
        )
        self.advance = words_regex(d["advance_verbs"])
        self.duty = re.compile(
            r"(?<![\w-])(?:" + alternation(d["duty_verbs"]) + r")\s+"
            r"(?:(?:" + alternation(d["duty_modifiers"]) + r")\s+){0,3}"
            r"(?:development|developing)\b(?!\s+milestones?\b)"
        )
        self.money = re.compile(r"(?:" + alternation(d["not_between"]) + r")")
        # "granted orphan drug designation to B for X": up to five words before the granted object, then "to"
        self.granted_to = re.compile(
            r"(?<![\w-])(?:" + alternation(d["grant_verbs"]) + r")\s+(?:[\w-]+\s+){0,5}?"
            r"(?:" + alternation(d["act_objects"]) + r"|status)\s+to\s+(?:the\s+)?$"
        )
        self.pending_option = PendingOption(cues["options"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if not s.of("COMPANY") or self.pending_option(s.low):
            return
        acts = list(self.acts.finditer(s.low))
        nouns = list(self.nouns.finditer(s.low))
        advances = list(self.advance.finditer(s.low))
        acts_by = list(self.act_by.finditer(s.low))
        # whether a compound is a comparator or in a combination is the costly part: asked only of sentences
        # that have a cue
        granted = "grant" in s.low or "award" in s.low
        cued = bool(acts or nouns or advances or acts_by) or "develop" in s.low or granted
        compounds = [
            x for x in s.of("COMPOUND") if cued and not ctx.comparator(s, x) and not ctx.combination(s, x)
        ]
        if compounds:
            for m in acts:
                if not _PASSIVE_BEFORE.search(s.low[max(0, m.start() - 8) : m.start()]) or " " in m.group(0):
                    self.act(ctx, s, m.start(), m.end(), compounds, noun=False)
            for m in nouns:
                self.act(ctx, s, m.start(), m.end(), compounds, noun=True)
            for m in advances:
                self.advanced(ctx, s, m.start(), m.end(), compounds)
            for m in acts_by:
                self.done_by(ctx, s, m.start(), m.end())
            if granted:
                self.granted(ctx, s, compounds)
        for m in self.duty.finditer(s.low):
            self.duties(ctx, s, m.start(), m.end())
        if "develop" in s.low:
            _which_develops_it(ctx, s, compounds)

    def act(self, ctx: RuleContext, s: Sent, c0: int, c1: int, compounds: list[M], noun: bool) -> None:
        """An act verb (or noun) at local span (c0, c1): its object noun, then the compound it is about."""
        actor = _actor(ctx, s, c0, noun)
        if actor is None:
            return
        _, end = ctx.clause_bounds(s, c0, c1)
        for o in self.objects.finditer(s.low, c1, min(end, c1 + self.gap + 12)):
            between = s.low[c1 : o.start()]
            if self.money.search(between) or any(
                c1 <= c.start - s.start < o.start() for c in s.of("COMPANY")
            ):
                return
            for x in compounds:
                a, b = s.local(x)
                after = b <= o.start() and a >= c1 and _COMPOUND_BEFORE_OBJECT.match(s.low[b : o.start()])
                # "reported results from B's trial of X": B, named between, owns the trial and X
                named_between = any(o.end() <= c.start - s.start < a for c in s.of("COMPANY"))
                if after or (
                    a >= o.end()
                    and a <= end
                    and not named_between
                    and _OBJECT_TO_COMPOUND.match(s.low[o.end() : a])
                ):
                    _emit(ctx, s, x, actor)
                    return

    def advanced(self, ctx: RuleContext, s: Sent, c0: int, c1: int, compounds: list[M]) -> None:
        """ "B advanced X into Phase 2", "B has moved X to the clinic"."""
        actor = _actor(ctx, s, c0, noun=False)
        nxt = [x for x in compounds if x.start - s.start >= c1]
        if actor is None or not nxt:
            return
        x = nxt[0]
        a, b = s.local(x)
        if re.fullmatch(r"\s+(?:the\s+|its\s+|their\s+)?", s.low[c1:a]) and _AFTER_ADVANCED.match(s.low[b:]):
            _emit(ctx, s, x, actor)

    def granted(self, ctx: RuleContext, s: Sent, compounds: list[M]) -> None:
        """ "the FDA granted orphan drug designation to B for X": B, the company the grant goes to, develops
        the compound it is granted for."""
        for c in s.of("COMPANY", virtual=False):
            a = c.start - s.start
            if not self.granted_to.search(s.low[max(0, a - 120) : a]):
                continue
            b = c.end - s.start
            x = next((x for x in compounds if x.start - s.start >= b), None)
            if x is not None and re.fullmatch(
                r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:for|of)\s+(?:its\s+|the\s+)?(?:[\w-]+\s+){0,3}?",
                s.low[b : x.start - s.start],
            ):
                # a stated owner, not a partner's act: the issuing company gets no default claim on X
                _emit(ctx, s, x, c, "developer_grantee")

    def done_by(self, ctx: RuleContext, s: Sent, c0: int, c1: int) -> None:
        """ "a Phase 2 study of X conducted by B": the company right after the cue, the compound before it;
        "conducted by B on behalf of C": C, whom B works for."""
        actor = next((c for c in s.of("COMPANY", virtual=False) if 0 <= c.start - s.start - c1 <= 5), None)
        if actor is None or not re.fullmatch(r"\s*(?:the\s+)?", s.low[c1 : actor.start - s.start]):
            return
        client = [c for c in s.of("COMPANY") if c.start >= actor.end]
        if client and self.acting_for.fullmatch(s.low, actor.end - s.start, client[0].start - s.start):
            actor = client[0]
        x = ctx.attach(s, (c0, c0 + 1), ("COMPOUND",), cap=80, direct=False)
        if x is not None and x.start < actor.start:
            _emit(ctx, s, x, actor)

    def duties(self, ctx: RuleContext, s: Sent, c0: int, c1: int) -> None:
        """ "B will be responsible for all further development (of X)": the compound named after the cue, else
        (a sentence naming none) the compounds licensed to B, else the compound of the sentences before."""
        if ctx.cues.negation.search(s.low[max(0, c0 - 25) : c0]):
            return
        actor = _actor(ctx, s, c0, noun=False)
        if actor is None:
            return
        named = ctx.compounds_after(s, c1, 80)
        here = {x.eid for x in s.of("COMPOUND")}
        licensed = list(
            dict.fromkeys(k[1] for k in ctx.out.items if k[0] == "LICENSED_TO" and k[2] == actor.eid)
        )
        salient = ctx.salient(s)
        if named:
            eids = [x.eid for x in named if not ctx.comparator(s, x)]
        elif here:  # "B exercised its option to license X and will lead its development": B's licence of X
            eids = [eid for eid in licensed if eid in here]
        elif _OF_OTHER.match(s.low, c1):
            return  # "B will oversee the development of products resulting from the collaboration": not X
        else:
            eids = licensed or ([salient] if salient else [])
        for eid in eids:
            ctx.emit("DEVELOPED_BY", eid, actor.eid, s, "developer_duty", prior="developer_active")


def _actor(ctx: RuleContext, s: Sent, cue: int, noun: bool) -> M | None:
    """The company that does the act at local offset ``cue``: with an act noun, the possessive right before
    it ("Orbital Bio's initiation of"); with a verb, the last company before it in its clause that is not
    itself a possessive ("Orbital Bio, Helix's partner, has started": Orbital Bio), nor the object of a
    preposition ("Helix, a subsidiary of Orbital Bio, has started": Helix)."""
    lo, _ = ctx.clause_bounds(s, cue, cue)
    before = [c for c in s.of("COMPANY") if lo <= c.start - s.start and c.end - s.start <= cue]
    if noun:
        last = before[-1] if before else None
        ok = last is not None and _POSSESSIVE_GAP.match(s.low[last.end - s.start : cue] + " ")
        return last if ok else None
    subjects = [
        c
        for c in before
        if not re.match(r"(?:'s|’s)\b", s.low[c.end - s.start : c.end - s.start + 3])
        and not (c.virtual and s.low[c.start - s.start : c.end - s.start].endswith(_POSSESSIVE_WORDS))
        and not ctx.parenthetical_affiliate(s, c)
        and not _OBJECT_OF.search(s.low[max(0, c.start - s.start - 10) : c.start - s.start])
    ]
    if not subjects:
        return None
    last = clause_subject(s, subjects, cue)
    gap = s.low[last.end - s.start : cue]
    if len(gap) > 120 or CLAUSE_BREAK.search(gap) or _PRONOUN_SUBJECT.search(gap):
        return None
    return last


def _which_develops_it(ctx: RuleContext, s: Sent, compounds: list[M]) -> None:
    """ "Helix licensed ZB-12 to Orbital Bio, which will develop it in Asia": the company develops the
    compound the sentence named before it, else the compound of the sentences before."""
    for c in s.of("COMPANY", virtual=False):
        if not _WHICH_DEVELOPS_IT.match(s.low, c.end - s.start):
            continue
        before = [x for x in compounds if x.end <= c.start]
        salient = ctx.salient(s)
        eids = [before[-1].eid] if before else ([salient] if salient else [])
        for eid in eids:
            ctx.emit("DEVELOPED_BY", eid, c.eid, s, "developer_act", prior="developer_active")


def _emit(ctx: RuleContext, s: Sent, x: M, actor: M, rule: str = "developer_act") -> None:
    actors = ctx.group(s, actor)
    companion = companion_of(s, actors[-1])  # "A, in partnership with B, submitted an NDA for X"
    if companion is not None and frozenset((actor.eid, companion.eid)) not in ctx.affiliates:
        actors = [*actors, companion]
    for y in ctx.group(s, x):
        for co in actors:
            dist = abs(y.start - co.end)
            ctx.emit("DEVELOPED_BY", y.eid, co.eid, s, rule, dist, prior="developer_active")
