"""USES_TECHNOLOGY: a company using a platform ("A's ADC technology", "A ... using its X platform") and the
compounds built on it ("X, an ADC using the Y technology")."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.breaks import DEAL_BREAK
from pharmakg.extract.relations.cue_words import alternation, phrase_alternation
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent


@relation_rule("technologies", min_mentions=1)
class Technologies:
    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues["technologies"]
        self.use = words_regex(c["technology_use"])
        self.contrast = words_regex(c["contrast"])
        modifiers = phrase_alternation(c["platform_modifiers"])
        platform_head = r"(?:its|their|our|the)\s+(?:(?:" + modifiers + r")\s+)?(?:[\w-]+\s+){0,2}$"
        # "Helix has licensed its X technology to A", "granted rights to its X platform to A": A, named after
        # "to" right after the technology that a licence verb before it gives away, is its licensee
        self.out_verb = re.compile(
            r"\b(?:(?:sub|out)-?)?(?:" + phrase_alternation(c["licence_out_verbs"]) + r")\s+"
            r"(?:(?:an?\s+)?(?:" + phrase_alternation(c["licence_out_rights_modifiers"]) + r"|\s)*"
            r"(?:"
            + phrase_alternation(c["licence_out_rights"])
            + r")\s+(?:to|for|under)\s+)?"
            + platform_head
        )
        # "a license agreement with A for its X platform", "a collaboration with A to use the X technology":
        # the company the deal is with, when the deal is said to be for the technology
        self.deal_with = re.compile(
            r"\b(?:" + phrase_alternation(c["platform_deal_nouns"]) + r")\s+with\s+(?:the\s+)?$"
        )
        self.deal_purpose = re.compile(
            r"^(?:\s*,?\s*(?:inc|ltd|corp|llc|plc)?\.?)?\s*,?\s*(?:"
            + phrase_alternation(c["platform_deal_purposes"])
            + r")\s+(?:the\s+use\s+of\s+)?"
            + platform_head
        )

    def licensed_out_to(self, ctx: RuleContext, s: Sent, c: M, t: M) -> bool:
        """ "Helix has licensed its X technology to A (and B)": A and the companies coordinated with it are
        the licensees, users of X."""
        if c.start < t.end:
            return False
        a = t.start - s.start
        if self.out_verb.search(s.low[max(0, a - 90) : a]) is None:
            return False
        to = [o for o in s.of("COMPANY") if t.end <= o.start and _TO_LICENSEE.match(s.between(t, o))]
        return bool(to) and any(c is g for g in ctx.group(s, to[0]))

    def deal_for(self, s: Sent, c: M, t: M) -> bool:
        """ "a platform license agreement with A for its X technology": A is a partner in the platform's
        use."""
        if c.end > t.start or not self.deal_purpose.match(s.low[c.end - s.start : t.start - s.start]):
            return False
        a = c.start - s.start
        return self.deal_with.search(s.low[max(0, a - 40) : a]) is not None

    def relative_user(self, s: Sent, c: M, t: M) -> bool:
        """ "the X platform, which A licensed from B": A uses the technology (B owns it: _from_owner)."""
        if not _relative_gap(s, c, t):
            return False
        verb = self.use.search(s.low, c.end - s.start, c.end - s.start + 30)
        return verb is not None and len(s.low[c.end - s.start : verb.start()].split()) <= 2

    def anaphors(self, ctx: RuleContext, s: Sent) -> None:
        """ "Orbital will use the platform to ...", "X was created with the technology": in a sentence naming
        no technology, "the/its platform" after a use verb is the document's one named technology."""
        techs = [e.id for e in ctx.ents if e.type == "TECHNOLOGY"]
        if len(techs) != 1 or s.of("TECHNOLOGY", virtual=False):
            return
        for m in _TECH_ANAPHOR.finditer(s.low):
            verb = self.use.search(s.low, max(0, m.start() - 25), m.start())
            if verb is None or not _VERB_TO_ANAPHOR.fullmatch(s.low[verb.end() : m.start()]):
                continue
            user = ctx.subject_company(s, verb.start())
            if user is not None and not user.virtual:
                ctx.emit("USES_TECHNOLOGY", user.eid, techs[0], s, "technology_cooccurrence")
            comp = ctx.attach(s, verb.span(), ("COMPOUND",), cap=100, virtual=False, direct=False)
            if comp is not None and comp.end - s.start <= verb.start():
                ctx.emit("USES_TECHNOLOGY", comp.eid, techs[0], s, "technology_cooccurrence")

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        self.anaphors(ctx, s)
        for t in s.of("TECHNOLOGY", virtual=False):
            uses = [m.start() + s.start for m in self.use.finditer(s.low)]
            # "Helix's technologies, SynLok and TetraLink": what is said of the list's first is said of all
            first = ctx.group(s, t)[0]
            for c in s.of("COMPANY"):
                if ctx.parenthetical_affiliate(s, c):
                    continue
                if (
                    _possessive(s, c, first)
                    or _whose(s, c, first)
                    or _from_owner(s, c, t)
                    or _owner_after(s, c, t)
                    or self.relative_user(s, c, t)
                    or _used_by(ctx, s, c, t)
                    or self.licensed_out_to(ctx, s, c, t)
                    or self.deal_for(s, c, t)
                    or (
                        any(c.end <= u <= t.start and _use_of(self.contrast, s, c, u, t, uses) for u in uses)
                        and not _founder(ctx, s, c)
                    )
                ):
                    ctx.emit(
                        "USES_TECHNOLOGY", c.eid, t.eid, s, "technology_cooccurrence", abs(c.start - t.start)
                    )
            owner = _its_owner(ctx, s, first)  # "its Zylo and Kinexa technologies": both
            if owner is not None:
                ctx.emit(
                    "USES_TECHNOLOGY",
                    owner.eid,
                    t.eid,
                    s,
                    "technology_cooccurrence",
                    abs(owner.start - t.start),
                )
            comp = ctx.attach(s, t, ("COMPOUND",), cap=150)
            gap = s.between(comp, t) if comp is not None else ""
            if comp is None or (comp.end <= t.start and _COMBINED.search(gap)):
                continue  # "X in combination with Helix's BiTE molecules": the platform is the partner's
            if comp.end <= t.start and _others_after_own(self.contrast, s, comp, t):
                continue  # "X uses the A technology, unlike B's Y platform": X's technology is the nearer one
            # "X, an ADC using the Y technology": the apposition is about X alone
            members = (
                [comp] if comp.end <= t.start and re.match(r"^\s*,\s*(?:a|an)\b", gap) else ctx.group(s, comp)
            )
            for g in members:
                ctx.emit(
                    "USES_TECHNOLOGY", g.eid, t.eid, s, "technology_cooccurrence", abs(g.start - t.start)
                )


# "X is made with A's Y technology, while B uses the Z platform": B's use verb, past a contrasting clause, is
# not said of A
_OTHER_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but)\b")
# "Helix will test X with Orbis' Y, made with the Z platform", "... Y - Y is based on the Z technology": a
# participle or a predicate right after a compound is said of it ("develop Y using ..." is the subject's)
_COMPOUND_PARTICIPLE = re.compile(
    r"\s*,\s*(?:(?:which|that)\s+)?(?:(?:is|was|are|were|has\s+been|will\s+be)\s+)?"
    r"|\s+(?:(?:which|that)\s+)?(?:is|was|are|were|has\s+been|will\s+be)\s+"
)


def _use_of(contrast: re.Pattern[str], s: Sent, c: M, u: int, t: M, uses: list[int]) -> bool:
    """Whether a use verb at ``u`` (document offset) after company ``c`` says that ``c`` uses ``t``: not past
    a contrasting clause, nor a participle said of a compound named right before it; and its object is the
    technology, not a thing that another agent made with it ("A's trial of a vaccine based on an antigen
    discovered by B's X platform"), a compound with a use verb of its own before ``t`` ("A obtains rights to
    B's ZB-1. ZB-1 is based on B's X technology") or another technology set against ``t`` ("A uses the X
    technology, which differs from B's Y platform")."""
    if _OTHER_CLAUSE.search(s.low, c.end - s.start, u - s.start):
        return False
    if _PASSIVE_AGENT.search(s.low, u - s.start, t.start - s.start):
        return False
    own = [x for x in s.of("TECHNOLOGY") if u < x.start and x.end <= t.start and x.eid != t.eid]
    if own and contrast.search(s.low, own[-1].end - s.start, t.start - s.start):
        return False
    compounds = s.of("COMPOUND")
    if any(u < x.start and any(x.end <= v < t.start for v in uses) for x in compounds):
        return False
    return not any(
        c.end <= x.start
        and x.end <= u
        and _COMPOUND_PARTICIPLE.fullmatch(s.low, x.end - s.start, u - s.start)
        for x in compounds
    )


# "a vaccine based on an antigen discovered by B's X platform": the technology is the agent's means
_PASSIVE_AGENT = re.compile(
    r"\b(?:discovered|developed|generated|identified|created|made|produced|engineered|designed|invented|owned)\s+by\b"
)
# "the platform", "its proprietary technology": the document's technology named again without its name
_TECH_ANAPHOR = re.compile(
    r"\b(?:the|this|its|our|their)\s+(?:(?:proprietary|novel|same|underlying)\s+)?(?:platform|technology)\b"
)
_VERB_TO_ANAPHOR = re.compile(r"\s+(?:(?:to|of|in|on|with)\s+)?")
# "the X platform, developed by A", "X, which was created by A", "the X technology of A": the company named
# as the maker
_MADE_BY = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+(?:was|is|were|has been|had been)\s+)?"
    r"(?:(?:developed|owned|created|invented|pioneered|designed|built)\s+by|of)\s+(?:the\s+)?$"
)
# "The X platform is A's proprietary conjugation technology": the owner in the predicate
_IS_OWNERS = re.compile(r"\s+(?:is|are|was|were|remains)\s+$")
_OWNED_TECH = re.compile(r"(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,3}?(?:technolog(?:y|ies)|platforms?|engines?)\b")
# "X, which A licensed ...": the company of the relative clause said of the technology
_WHICH = re.compile(r"\s*,?\s*(?:which|that)\s+(?:the\s+)?$")


# "Helix signed a deal with Orbis, a joint venture founded by A and B, to license Orbis' X platform": A and B
# are the agents of a participle describing another company, not the subject of the use verb
_FOUNDED_BY = re.compile(
    r"\b(?:established|founded|co-founded|formed|created|spun\s+(?:out|off)|owned|backed)\s+(?:jointly\s+)?"
    r"(?:by|of|from)\s+(?:the\s+)?$"
)


def _others_after_own(contrast: re.Pattern[str], s: Sent, comp: M, t: M) -> bool:
    """Another technology stands between ``comp`` and ``t``, then a contrast, and ``t`` is another company's
    ("X uses the A technology, which differs from B's Y platform", "unlike B's Y platform")."""
    own = [x for x in s.of("TECHNOLOGY") if comp.end <= x.start and x.end <= t.start and x.eid != t.eid]
    if not own or not contrast.search(s.low, own[-1].end - s.start, t.start - s.start):
        return False
    return any(_possessive(s, c, t) for c in s.of("COMPANY", virtual=False) if comp.end <= c.start)


def _founder(ctx: RuleContext, s: Sent, c: M) -> bool:
    """ "..., a joint venture established by A and B, ...": A (and B, coordinated with it) founded the
    company described."""
    a = min(g.start for g in ctx.group(s, c)) - s.start
    return _FOUNDED_BY.search(s.low, max(0, a - 40), a) is not None


# "evaluate X in combination with Helix's BiTE molecules": what follows is another drug, not X's make-up
_COMBINED = re.compile(r"\b(?:in\s+combination\s+with|combined\s+with|together\s+with|plus)\b")


def _owner_after(s: Sent, c: M, t: M) -> bool:
    """ "the X platform, developed by A", "The X platform is A's proprietary technology"."""
    if c.start < t.end:
        return False
    gap = s.low[t.end - s.start : c.start - s.start]
    if _MADE_BY.fullmatch(gap):
        return True
    return bool(_IS_OWNERS.fullmatch(gap) and _OWNED_TECH.match(s.low, c.end - s.start))


# "the X technology is used by A and B", "X, licensed by A", "the X platform will be used by A": the companies
# named after a passive use verb
_USED_BY = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:is|are|was|were|has\s+been|have\s+been|(?:will|would|can|may|to)\s+be)\s+)?"
    r"(?:now\s+)?"
    r"(?:used|licensed|employed|utili[sz]ed|applied|adopted)\s+by\s+(?:the\s+)?$"
)


def _used_by(ctx: RuleContext, s: Sent, c: M, t: M) -> bool:
    """ "the X technology is used by A and B": A and the companies coordinated with it."""
    users = [o for o in s.of("COMPANY") if t.end <= o.start and _USED_BY.fullmatch(s.between(t, o))]
    return bool(users) and any(c is g for g in ctx.group(s, users[0]))


_TO_LICENSEE = re.compile(
    r"^(?:\s*\([^()]{0,60}\))?(?:\s+(?:technolog(?:y|ies)|platforms?|engines?))?\s+to\s+(?:the\s+)?$"
)
# "its proprietary X platform", "their X technology": the owner named by a possessive pronoun
_ITS = re.compile(r"\b(?:its|their)\s+(?:(?:own|proprietary|novel|patented|unique)\s+)*$")
# "Leveraging its X technology, A designed ...", "Using the X platform, A ...", "Leveraging B's X platform,
# A ...", "Powered by its X platform, A ...": a clause opening the sentence with the technology, its subject
# after the comma
_OPENING_USE = re.compile(
    r"^\s*(?:using|leveraging|utili[sz]ing|employing|applying|harnessing|based\s+on|built\s+on|with|through"
    r"|(?:powered|enabled|driven|made\s+possible)\s+by|(?:developed|discovered|generated|created|designed)\s+(?:using|with))\s+"
    r"(?:its|their|the|(?:[\w.&-]+\s+){0,2}[\w.&-]+['’]s?)\s+(?:(?:own|proprietary|novel|patented|unique)\s+)*$"
)


def _its_owner(ctx: RuleContext, s: Sent, t: M) -> M | None:
    """The company a possessive pronoun right before the technology names: the last company before it in the
    sentence ("Helix announced the expansion of its X platform"), or, for a clause opening the sentence,
    the subject right after its comma ("Based on its X technology, Helix builds ...")."""
    a = t.start - s.start
    its = _ITS.search(s.low, max(0, a - 40), a)
    if its is None:
        return _opening_subject(s, t)
    before = [
        c
        for c in s.of("COMPANY", virtual=False)
        if c.end - s.start <= its.start() and not ctx.parenthetical_affiliate(s, c)
    ]
    if before:
        last = before[-1]
        gap = s.low[last.end - s.start : its.start()]
        return last if len(gap) <= 150 and not DEAL_BREAK.search(gap) else None
    return _opening_subject(s, t)


def _opening_subject(s: Sent, t: M) -> M | None:
    """ "Leveraging its X technology, A designed ...", "Using the X platform from B, A made ...": in a clause
    opening the sentence with the technology, the first company after a comma is its subject."""
    if not _OPENING_USE.match(s.low[: t.start - s.start]):
        return None
    for c in s.of("COMPANY", virtual=False):
        if c.start >= t.end and re.search(
            r",\s*(?:the\s+)?$", s.low[max(0, c.start - s.start - 8) : c.start - s.start]
        ):
            return c
    return None


def _possessive(s: Sent, c: M, t: M) -> bool:
    """ "our technology", "A's X technology" with no other company in between; or the technology named after
    the platform noun of A's longer phrase ("A's proprietary, allogeneic cell therapy platform, called X");
    or the company's name right before the technology's, as its modifier ("the Helix PrimeEdit technology",
    "Helix A/S proprietary X platform")."""
    if c.virtual:
        return True
    if c.end <= t.start and _OWNER_ADJUNCT.fullmatch(s.text, c.end - s.start, t.start - s.start):
        return True
    return bool(
        c.end <= t.start
        and _NAMED_PLATFORM.fullmatch(s.low, c.end - s.start, t.start - s.start)
        and not any(o.type == "COMPANY" and c.end <= o.start and o.end <= t.start for o in s.ms)
        and re.match(r"^(?:'s|’s|'|’)\s", s.text[c.end - s.start : c.end - s.start + 3])
    )


# "the Helix PrimeEdit technology", "Helix A/S proprietary X platform": the company's name, perhaps with its
# legal form, as the modifier of the technology's name
_OWNER_ADJUNCT = re.compile(
    r"(?:,?\s+(?:A/S|AB|ASA|AG|SE|plc|Inc\.?|Ltd\.?|GmbH|N\.V\.|S\.A\.))?\s+(?:(?:proprietary|patented)\s+)?"
)


# "A's fully human, high-throughput antibody discovery platform, (called) X", "A's proprietary gamma delta T
# cell-derived, allogeneic X platform": the gap after A's possessive, modifiers only (no verb or preposition)
_NAMED_PLATFORM = re.compile(
    r"(?=[^;:.]{0,110}$)(?:"
    r"[^;:().]*?\b(?:technolog(?:y|ies)|platforms?|engines?)\s*,?\s*"
    r"(?:(?:called|named|dubbed|termed|known\s+as)\s+)?(?:the\s+)?"
    r"|(?:(?!\b(?:and|or|said|says|is|are|was|were|will|has|have|had|with|to|for|from|by|which|that|who|in|on|of|as|after|"
    r"before|when|while|rose|fell)\b)[^;:.])*)"
)


# "Helix is a company whose TRACER platform ...": the relative pronoun right before the technology's name
_WHOSE = re.compile(r"\bwhose\s+(?:[\w-]+\s+){0,2}$")
# "licensed the TRACER technology from Helix", "the KLAMP(TM) (Kinase-Linked ...) technology from Helix" (the
# name's mark left out of its span): the company the technology comes from owns it
_FROM = re.compile(
    r"^(?:[®™]|\((?:tm|r)\))?\s*(?:\([^()]{0,60}\)\s*)?(?:(?:technolog(?:y|ies)|platforms?|engines?)\s*)?(?:,\s*)?"
    r"(?:licen[cs]ed\s+|acquired\s+)?from\s+(?:the\s+)?$"
)
# "..., which A licensed from B": B, named after "licensed from" in the technology's relative clause
_LICENSED_FROM = re.compile(
    r"^\s*,?\s*(?:which|that)\s+[^,;()]{2,60}?\b(?:licen[cs]ed|acquired|obtained|in-licen[cs]ed)\s+from\s+(?:the\s+)?$"
)


def _relative_gap(s: Sent, c: M, t: M) -> bool:
    return t.end <= c.start and bool(_WHICH.fullmatch(s.low[t.end - s.start : c.start - s.start]))


def _whose(s: Sent, c: M, t: M) -> bool:
    """ "A, a biotechnology company whose X platform ...": A is the last company before "whose"."""
    a = t.start - s.start
    cue = _WHOSE.search(s.low[max(0, a - 40) : a])
    if cue is None or c.end > t.start:
        return False
    cue_at = max(0, a - 40) + cue.start()
    later = [o for o in s.of("COMPANY", virtual=False) if c.end <= o.start and o.end - s.start <= cue_at]
    return not later and c.end - s.start <= cue_at and cue_at - (c.end - s.start) <= 120


def _from_owner(s: Sent, c: M, t: M) -> bool:
    """ "the X technology from A", "X technology, licensed from A": A is the technology's owner."""
    gap = s.low[t.end - s.start : c.start - s.start]
    return t.end <= c.start and bool(_FROM.match(gap) or _LICENSED_FROM.match(gap))


@relation_rule("technology_compounds", scope="document")
class TechnologyCompounds:
    """ "Helix, a company that develops ADCs using its TRACER technology, today announced ... ZB-12": the
    document's headline compound (the compound named most often), developed by a company that uses the
    document's one technology, is made with that technology. Runs after the post-pass (default developers)."""

    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues["technologies"]
        # "the collaboration", "both companies": the deal or its parties as one subject
        words = alternation(c["shared_use_subjects"])
        subject = rf"\b(?:the|this|our|their|both)\s+(?:[\w-]+\s+){{0,2}}?(?:{words})\s+"
        # "The collaboration will leverage Helix's ..." (the technology's name follows the owner)
        self.shared_use = re.compile(
            subject
            + r"(?:(?:will|would|shall|also|further|is\s+expected\s+to|aims?\s+to|to)\s+)*(?:"
            + alternation(c["shared_use_verbs"])
            + r")\s+(?:the\s+)?$"
        )
        # "The companies will discover antibodies against three targets using Helix's ..."
        self.shared_means = re.compile(
            subject + r"(?:[\w-]+\s+){1,10}?(?:" + alternation(c["shared_use_means"]) + r")\s+(?:the\s+)?$"
        )

    def __call__(self, ctx: RuleContext) -> None:
        self.shared_users(ctx)
        techs = [e.id for e in ctx.ents if e.type == "TECHNOLOGY"]
        headline = _headline_compounds(ctx)
        if len(techs) != 1 or not headline:
            return
        tech = techs[0]
        users = {s: r for (t, s, o, _v), r in ctx.out.items.items() if t == "USES_TECHNOLOGY" and o == tech}
        for (t, comp, dev, _v), _r in list(ctx.out.items.items()):
            if t != "DEVELOPED_BY" or comp not in headline or dev not in users or comp in users:
                continue
            said = users[dev].evidence[0]
            sent = next((s for s in ctx.sents if s.start == said.start), None)
            if sent is not None:
                ctx.emit(
                    "USES_TECHNOLOGY",
                    comp,
                    tech,
                    sent,
                    "technology_of_developer",
                    prior="technology_cooccurrence",
                    hedged=False,
                )

    def shared_users(self, ctx: RuleContext) -> None:
        """ "The collaboration will leverage Helix's Trivex platform", "the companies will discover antibodies
        using Helix's Trivex platform": the owner named before the technology shares it with its one partner
        in the document, who uses it too."""
        for s in ctx.sents:
            for t in s.of("TECHNOLOGY", virtual=False):
                owners = [
                    c
                    for c in s.of("COMPANY", virtual=False)
                    if c.end <= t.start
                    and _possessive(s, c, t)
                    and ctx.out.has_pair("USES_TECHNOLOGY", c.eid, t.eid)
                ]
                if not owners:
                    continue
                a = owners[-1].start - s.start
                if not self.shared_use.search(s.low, max(0, a - 90), a) and not self.shared_means.search(
                    s.low, max(0, a - 160), a
                ):
                    continue
                partners = _partners_of(ctx, owners[-1].eid)
                if len(partners) == 1:
                    ctx.emit(
                        "USES_TECHNOLOGY",
                        partners.pop(),
                        t.eid,
                        s,
                        "technology_shared",
                        prior="technology_cooccurrence",
                    )


def _partners_of(ctx: RuleContext, company: str) -> set[str]:
    pairs = [(k[1], k[2]) for k in ctx.out.items if k[0] == "PARTNER_OF" and company in (k[1], k[2])]
    return {b if a == company else a for a, b in pairs if a is not None and b is not None}


def _headline_compounds(ctx: RuleContext) -> set[str]:
    """The compounds named most often in the document (all of them when several tie)."""
    counts: dict[str, int] = {}
    for s in ctx.sents:
        for m in s.ms:
            if m.type == "COMPOUND" and not m.virtual:
                counts[m.eid] = counts.get(m.eid, 0) + 1
    top = max(counts.values(), default=0)
    return {eid for eid, n in counts.items() if n == top}
