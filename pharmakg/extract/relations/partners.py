"""PARTNER_OF from partnership cues, and options with their fate: an open option ("B has an option to opt
in": mode opt-in, status option) and a declined one ("A will not exercise its option to license X from B":
status declined, no licence). Exercised options are read by the licensee and co-development rules."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.deal import Shares, gate, gated
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import DEAL_BREAK, RuleContext, Sent

_BOTH_COMPANIES = re.compile(r"\bthe (?:two )?companies(?:’|')?(?![\w-])|\bboth companies\b")
_AFFILIATE_BEFORE = re.compile(
    r"\b(?:subsidiary|subsidiaries|affiliate|unit|arm|division)\s*,\s*(?:the\s+)?$"
)
# between the two names: "B, a wholly-owned subsidiary of A", "B (an affiliate of A)", "B, the global
# biologics research and development arm of A"
_SUBSIDIARY_OF = re.compile(
    r"^\s*(?:,|\()\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?(?:subsidiary|affiliate|unit|division|member|arm)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+-based\s+)?$"  # "an affiliate of Tokyo-based A", "a member of the A Group"
)
# "A's wholly-owned subsidiary, B", "A's Swiss subsidiary B", "A, through its subsidiary B", "A and its
# subsidiary B", "A today announced that its subsidiary B": "its" is the company named last before it
_PARENT_S_SUBSIDIARY = re.compile(
    r"^(?:(?:'s|’s|'|’)|\s*,?\s*(?:through|via)\s+its|[^;:()]{0,80}?\b(?:its|their))\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:subsidiary|affiliate|unit|division)\s*,?\s*$"
)
# "B, a A company", "B (an A company)": A named as B's group in an apposition
_A_GROUP_COMPANY = re.compile(r"^\s*(?:,|\()\s*(?:a|an|part\s+of(?:\s+the)?)\s+$")
# "B, a A company", "B, part of the A group", "B, part of the A group of companies"
_GROUP_WORD_AFTER = re.compile(r"\s+(?:group\s+)?company\b(?!\s+(?:called|named))|\s+group\b")
# "B, one of the Janssen Pharmaceutical Companies of A": B's group named by its plural
_COMPANIES_OF = re.compile(r"^\s*(?:companies|group|family\s+of\s+companies)\s+of\s+(?:the\s+)?$")
# "A, the parent company of B", "A (the parent of B)"
_PARENT_OF = re.compile(r"^\s*(?:,|\()\s*(?:the|a)\s+(?:[\w-]+\s+){0,2}?parent(?:\s+company)?\s+of\s+$")
# a sentence whose subject is a company named by a pronoun ("It also has ...", "The company has ...")
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:it|the\s+(?:company|firm|biotech|group))\s+(?:also\s+|already\s+|now\s+)?(?:has|had|holds)\b"
)
_WITH = re.compile(r"\s+with\s+")
_OPTION_SCOPE = re.compile(
    r"^\s*(?:right\s+)?to\s+(?:opt|co-|jointly|licen|acquire|obtain|develop|commerciali|participate)"
)


@relation_rule("partners", min_mentions=0)
class Partners:
    def __init__(self, cues: dict[str, Any]) -> None:
        self.cue = words_regex(cues["partners"]["partner"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        _record_affiliates(ctx, s)
        if "announce" in s.low:
            _joint_announcers(ctx, s)
        if not self.cue.search(s.low):
            return
        companies = [
            c
            for c in s.of("COMPANY")
            if not ctx.parenthetical_affiliate(s, c)
            and not _named_affiliate(s, c)
            and not apposition_parent(s, c)
        ]
        ids = list(dict.fromkeys(c.eid for c in companies))
        if all(c.virtual for c in companies) and _BOTH_COMPANIES.search(s.low):
            _companies_before(ctx, s)  # "A and B met in 2019. The companies will jointly develop X."
            return
        if _agreement_between(ctx, s, companies):
            return
        if len(ids) == 1 and ctx.main and ids[0] != ctx.main and _BOTH_COMPANIES.search(s.low):
            # "Amgen's option under the companies' alliance": the other party is the issuing company
            ctx.emit("PARTNER_OF", ctx.main, ids[0], s, "partner_cue")
            return
        if len(ids) == 1 and ctx.main and ids[0] != ctx.main and _partnered_with(s, companies[0]):
            # "ZB-12 is partnered with B in Japan": B is the partner of the company the release is from
            ctx.emit("PARTNER_OF", ctx.main, ids[0], s, "partner_cue")
            return
        subject = _pronoun_referent(ctx, s) if _PRONOUN_SUBJECT.match(s.low) else None
        if subject and subject not in ids and self._all_after_with(s, companies):
            # "It also has partnerships with A, B and other firms": the partners of the company "it" stands
            # for, not each other's
            for other in ids:
                if frozenset((subject, other)) not in ctx.affiliates:
                    ctx.emit("PARTNER_OF", subject, other, s, "partner_cue")
            return
        if len(ids) < 2:
            return
        if ctx.main in ids and _main_named(ctx, companies):
            subj = ctx.main
            others = [o for o in ids if o != ctx.main]
            self.coordinated_with_main(ctx, s, companies)
        else:
            # No issuing company in the sentence: only companies coordinated with the first one ("A and B
            # announced a collaboration") or named after a partnership cue that follows it ("A ... agreement
            # with B") are its partners; a list of unrelated developers is not a partnership.
            first = companies[0]
            grouped = {g.eid for g in ctx.group(s, first)}
            cue_after = [m.start() for m in self.cue.finditer(s.low) if m.start() >= first.end - s.start]
            others = [
                c.eid
                for c in companies
                if c.eid != first.eid and (c.eid in grouped or any(x <= c.start - s.start for x in cue_after))
            ]
            subj = first.eid
        for other in dict.fromkeys(others):
            if frozenset((subj, other)) not in ctx.affiliates:
                ctx.emit("PARTNER_OF", subj, other, s, "partner_cue")

    def _all_after_with(self, s: Sent, companies: list[M]) -> bool:
        """Whether every company of the sentence follows a partnership cue and "with" ("has collaborations
        with A and B")."""
        cue = self.cue.search(s.low)
        if cue is None or not companies:
            return False
        after = _WITH.search(s.low, cue.end())
        return after is not None and after.end() <= companies[0].start - s.start

    def coordinated_with_main(self, ctx: RuleContext, s: Sent, companies: list[M]) -> None:
        """ "A and B have entered into an agreement with C": B, coordinated with the issuing company A, is a
        party too, so B and C are partners (A and C are already)."""
        for m in companies:
            if m.eid != ctx.main:
                continue
            group = ctx.group(s, m)
            gids = {g.eid for g in group}
            end = group[-1].end - s.start
            cues = [x.start() for x in self.cue.finditer(s.low, end)]
            for o in companies:
                if o.eid in gids or not any(end <= x < o.start - s.start for x in cues):
                    continue
                for g in group:
                    if g.eid != ctx.main:
                        ctx.emit("PARTNER_OF", g.eid, o.eid, s, "partner_cue")
            return


# "X is partnered with B", "programs partnered with B": the compound's partner, named after the verb
_PARTNERED_WITH = re.compile(r"\bpartnered\s+with\s+(?:the\s+)?$")


def _pronoun_referent(ctx: RuleContext, s: Sent) -> str | None:
    """The company a sentence's subject pronoun stands for: the one that opens the sentence before, else the
    issuing company."""
    if s.index > 0 and ctx.sents[s.index - 1].index == s.index - 1:
        prev = ctx.sents[s.index - 1]
        opening = [c for c in prev.of("COMPANY") if c.start - prev.start <= 30]
        if opening:
            return opening[0].eid
    return ctx.main


def _partnered_with(s: Sent, company: M) -> bool:
    """Whether ``company`` follows "partnered with" and a compound is named in the sentence before it."""
    a = company.start - s.start
    return bool(_PARTNERED_WITH.search(s.low[max(0, a - 24) : a])) and any(
        x.end <= company.start for x in s.of("COMPOUND")
    )


# after the last of the coordinated companies: their tickers and suffixes, then the verb they share
_ANNOUNCE_AFTER = re.compile(
    r"(?:\s*\([^()]{0,60}\))?[\s,]*(?:(?:today|jointly|have|has|also)\s+)*announce[sd]?\b"
)


def _joint_announcers(ctx: RuleContext, s: Sent) -> None:
    """ "A and B today announced ...", "A and B Announce Presentation of Data": companies that announce
    together are partners, whatever the release is about."""
    companies = [c for c in s.of("COMPANY", virtual=False) if not ctx.parenthetical_affiliate(s, c)]
    seen: set[str] = set()
    for c in companies:
        if c.eid in seen:
            continue
        group = [g for g in ctx.group(s, c) if not _named_affiliate(s, g)]
        ids = list(dict.fromkeys(g.eid for g in group))
        seen.update(ids)
        if len(ids) < 2 or not _ANNOUNCE_AFTER.match(s.low, group[-1].end - s.start):
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if frozenset((a, b)) not in ctx.affiliates:
                    ctx.emit("PARTNER_OF", a, b, s, "partner_cue")


def _main_named(ctx: RuleContext, companies: list[M]) -> bool:
    """The issuing company is a party of the sentence when it is named, or when its anaphor ("the company",
    "we") comes before the other companies; "A signed an agreement with B, which granted the company rights"
    is A's deal, whatever "the company" stands for."""
    first_real = next((c.start for c in companies if not c.virtual), None)
    return any(
        c.eid == ctx.main and (not c.virtual or first_real is None or c.start < first_real) for c in companies
    )


# "the agreement between A and B", "prior agreements between A and those companies": its parties are named
_BETWEEN = re.compile(
    r"\b(?:agreements?|collaborations?|alliances?|partnerships?|licen[cs]es?|contracts?|deals?)\s+"
    r"between\s+(?:the\s+)?$"
)


# "between A and those companies": the other parties are named before
_AND_THOSE = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*and\s+(?:those|these|such|that|this)\s+"
    r"(?:companies|company|parties|party|licensors|licensor|partners|partner)\b"
)


def _emit_group(ctx: RuleContext, s: Sent, ids: list[str]) -> None:
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if frozenset((a, b)) not in ctx.affiliates:
                ctx.emit("PARTNER_OF", a, b, s, "partner_cue")


def _agreement_between(ctx: RuleContext, s: Sent, companies: list[M]) -> bool:
    """ "B will pay royalties owed to C pursuant to agreements between A and C": the agreement's parties are
    the companies named after "between", each other's partners; the sentence's other companies are not. "...
    owed to C and D pursuant to agreements between A and those companies": A's partners are the companies
    named before, but for the sentence's subject (its first company)."""
    for c in companies:
        a = c.start - s.start
        if _BETWEEN.search(s.low[max(0, a - 60) : a]):
            group = ctx.group(s, c)
            ids = list(dict.fromkeys(g.eid for g in group))
            if len(ids) >= 2:
                _emit_group(ctx, s, ids)
                return True
            if _AND_THOSE.match(s.low, group[-1].end - s.start):
                named = [o.eid for o in companies[1:] if o.end <= c.start and not o.virtual]
                for other in dict.fromkeys(o for o in named if o != c.eid):
                    _emit_group(ctx, s, [c.eid, other])
                return bool(named)
    return False


def _companies_before(ctx: RuleContext, s: Sent) -> None:
    """ "A and B have worked together since 2019. The companies will jointly develop X": "the companies" of a
    sentence naming none are the coordinated companies of the sentence before."""
    if s.index == 0:
        return
    prev = ctx.sents[s.index - 1]
    for m in prev.of("COMPANY", virtual=False):
        ids = list(dict.fromkeys(g.eid for g in ctx.group(prev, m)))
        if len(ids) >= 2:
            _emit_group(ctx, s, ids)
            return


def _record_affiliates(ctx: RuleContext, s: Sent) -> None:
    """ "B, a wholly-owned subsidiary of A", "A's subsidiary B", "B (a unit of A)": A and B are one group."""
    if not any(w in s.low for w in ("subsidiar", "affiliate", "unit of", "parent", "member of")):
        return
    companies = s.of("COMPANY", virtual=False)
    for x, y in zip(companies, companies[1:], strict=False):
        gap = s.low[x.end - s.start : y.start - s.start]
        if x.eid != y.eid and (
            _SUBSIDIARY_OF.match(gap)
            or _PARENT_S_SUBSIDIARY.match(gap)
            or _PARENT_OF.match(gap)
            or _group_apposition(s, x, y)
        ):
            ctx.affiliates.add(frozenset((x.eid, y.eid)))


def _group_apposition(s: Sent, x: M, y: M) -> bool:
    """ "B, a A company" or "B, one of the ... Companies of A": y is x's parent, named only to describe x."""
    gap = s.low[x.end - s.start : y.start - s.start]
    return bool(
        (_A_GROUP_COMPANY.match(gap) and _GROUP_WORD_AFTER.match(s.low, y.end - s.start))
        or _COMPANIES_OF.match(gap)
    )


def apposition_parent(s: Sent, c: M) -> bool:
    """A company named only as the parent of the company before it ("B, a wholly-owned subsidiary of A",
    "B, a A company"): the agreement is B's, so A is no party of the sentence's deal."""
    prev = [o for o in s.of("COMPANY", virtual=False) if o.end <= c.start and o.eid != c.eid]
    if not prev:
        return False
    gap = s.low[prev[-1].end - s.start : c.start - s.start]
    return bool(_SUBSIDIARY_OF.match(gap) or _group_apposition(s, prev[-1], c))


def _named_affiliate(s: Sent, c: M) -> bool:
    """A company introduced as another's arm ("Helix's Swiss subsidiary, Helix Holding GmbH"): the parent
    named before it is the party (conventions: no partnership between a parent and its subsidiary)."""
    a = c.start - s.start
    return bool(_AFFILIATE_BEFORE.search(s.low[max(0, a - 30) : a])) and any(
        o.type == "COMPANY" and o.end <= c.start and o.eid != c.eid for o in s.ms
    )


@relation_rule("options")
class Options:
    def __init__(self, cues: dict[str, Any]) -> None:
        d = cues["options"]
        self.gate = gate(d, "option", "declined_option")
        self.option = words_regex(d["option"])
        self.declined = words_regex(d["declined_option"])
        self.exercised = words_regex(d["option_exercised"])
        self.share = Shares(cues["shares"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if not gated(self.gate, s.low):
            return
        self.declined_options(ctx, s)
        self.open_options(ctx, s)

    def declined_options(self, ctx: RuleContext, s: Sent) -> None:
        for cue in self.declined.finditer(s.low):
            c0, c1 = cue.span()
            holder = ctx.subject_company(s, c0)
            if holder is None:
                continue
            scope = s.low[c1 : c1 + 120]
            comps = _compounds_or_salient(ctx, s, c1)
            licence = re.search(r"\b(?:licen[cs]e|acquire|obtain|in-license)", scope[:60])
            rtype = "LICENSED_TO" if licence else "DEVELOPED_BY"
            attrs: dict[str, Any] = {"mode": "option" if licence else "co-development", "status": "declined"}
            frm = [c for c in s.of("COMPANY") if c.eid != holder.eid and c.start - s.start >= c1]
            if licence and frm:
                attrs["licensor"] = frm[0].eid
            for eid in comps:
                ctx.emit(
                    rtype,
                    eid,
                    holder.eid,
                    s,
                    "option_declined",
                    prior="licensee_declined",
                    side=True,
                    attrs=attrs,
                )

    def open_options(self, ctx: RuleContext, s: Sent) -> None:
        for cue in self.option.finditer(s.low):
            c0, c1 = cue.span()
            around = s.low[max(0, c0 - 60) : c1 + 40]
            if self.declined.search(around) or ctx.cues.negation.search(s.low[max(0, c0 - 25) : c0]):
                continue
            if self.exercised.search(s.low[max(0, c0 - 40) : c0]):
                continue  # an exercised option is a licence or co-development, read by those rules
            scope = s.low[c1 : c1 + 80]
            word = cue.group(0)
            if not (
                word.startswith("opt") and word not in ("option", "options") or _OPTION_SCOPE.match(scope)
            ):
                continue
            holder = self.option_holder(ctx, s, c0, c1)
            if holder is None:
                continue
            attrs: dict[str, Any] = {"mode": "opt-in"}
            share = self.share(s.low[c0:])
            if share is not None:
                attrs["share"] = share
            others = list(dict.fromkeys(c.eid for c in s.of("COMPANY") if c.eid != holder.eid))
            if not others:  # the partner was named before: the holder's partnerships so far
                others = [
                    r.object if r.subject == holder.eid else r.subject
                    for r in ctx.out.items.values()
                    if r.type == "PARTNER_OF" and r.object is not None and holder.eid in (r.subject, r.object)
                ]
            for other in others:
                ctx.out.annotate("PARTNER_OF", holder.eid, other, {**attrs, "option_holder": holder.eid})
            licence = re.search(r"^\s*to\s+(?:licen[cs]e|acquire|obtain|in-license)", scope)
            for eid in _compounds_or_salient(ctx, s, c1):
                ctx.emit(
                    "LICENSED_TO" if licence else "DEVELOPED_BY",
                    eid,
                    holder.eid,
                    s,
                    "developer_option",
                    side=True,
                    attrs={**attrs, "status": "option"},
                )

    @staticmethod
    def option_holder(ctx: RuleContext, s: Sent, c0: int, c1: int) -> M | None:
        """Who holds an option: "opt-in by B", "granting B rights to opt into", else the subject ("B has")."""
        if re.match(r"\s*(?:rights?\s+)?by\s", s.low[c1 : c1 + 12]):
            after = [c for c in s.of("COMPANY") if 0 <= c.start - s.start - c1 <= 14]
            if after:
                return after[0]
        before = [c for c in s.of("COMPANY") if c.end - s.start <= c0]
        if before and re.search(
            r"\b(?:grant\w*|giv\w*|provid\w*|offer\w*)\s+(?:the\s+)?$",
            s.low[max(0, before[-1].start - s.start - 25) : before[-1].start - s.start],
        ):
            if (
                not DEAL_BREAK.search(s.low[before[-1].end - s.start : c0])
                and c0 - (before[-1].end - s.start) <= 80
            ):
                return before[-1]
        return ctx.subject_company(s, c0)


def _compounds_or_salient(ctx: RuleContext, s: Sent, pos: int) -> list[str]:
    """The compounds named after an option cue, else the salient compound of the previous sentences."""
    comps = [x.eid for x in ctx.compounds_after(s, pos, 120)]
    if not comps:
        sal = ctx.salient(s)
        comps = [sal] if sal else []
    return comps
