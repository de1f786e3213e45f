"""Who develops a compound: DEVELOPED_BY (possessive, modifier, passive, active, agreement cues), rights a
company retains (mode retained) and co-development (mode co-development, with the partners' share). The
licensee is read in ``licensees``."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.acting_for import ActingFor
from pharmakg.extract.relations.codeveloped import alliance_partner, alliance_pattern, developed_with
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.deal import PendingOption, Shares, gate, gated
from pharmakg.extract.relations.owned_lists import owned_list_pattern, owned_lists
from pharmakg.extract.relations.pronoun_owners import HEADS, its_owner, their_owners
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.rights_back import rights_back as _rights_back
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent
from pharmakg.extract.relations.subjects import POSS as _POSS
from pharmakg.extract.relations.subjects import clause_subject, companion_subject, possessive_owner

_BOTH_COMPANIES = re.compile(r"\bthe (?:two )?companies\b|\bboth companies\b|\bthe partners\b")
_FORMER = re.compile(r"(?:initially|originally|formerly|previously)")
# a closed acquisition, said of the acquirer: "completed its acquisition of B", "has acquired B"
_ACQUIRED = re.compile(
    r"\b(?:(?:completed|completes|closed|closes|finalized|finalised)\s+(?:its|the|their)\s+"
    r"(?:previously announced\s+)?acquisition\s+of|(?:has|have)?\s*acquired)\s+(?:the\s+)?(?=\S)"
)
# "Helix's oral and IV inhibitor ZB-12" is one noun phrase; "Helix's pipeline and the ZB-12 ..." is two
_NEW_PHRASE = re.compile(r"\b(?:and|or)\s+(?:the|a|an|its|their|our|his|her)\b")
# "ZB-12, Helix's lead product candidate", "ZB-12 is the Company's lead candidate": the owner named after it
_APPOSITION_OWNER = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,|\s(?:is|was|remains|becomes))\s*(?:the\s+|a\s+|an\s+)?$"
)
# "ZB-12, a Helix product candidate, ...": the apposition's article, then the company, then its head
_APPOSITION_OPEN = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:a|an|the)\s+")
# "... progressed on PELVERA, which is marketed by Pelham": a relative or appositive clause right after a name
_RELATIVE_TO = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?=that|which))?"
    r"(?:(?:which|that)\s+(?:is|are|was|were|has been|have been)\s+)?(?:now\s+|also\s+)?"
)
_DETERMINER_END = re.compile(r"\b(?:the|a|an)\s+$")
_MODIFIED_HEAD = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + HEADS + r",?\s+")
_A_COMPANY_PRODUCT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + HEADS)
# "Orbital's Phase 2 trial of OB-77": the company's own trial of the compound
_OWN_TRIAL = re.compile(
    r"^" + _POSS + r"\s+(?:[\w/-]+\s+){0,5}?(?:trial|study|program|programme)s?\s+(?:of|with|evaluating)\s+"
    r"(?:the\s+)?$"
)
# "Orbital Bio's New Drug Application for OB-77", "Orbital's BLA for OB-77": the filer develops the compound
_OWN_FILING = re.compile(
    r"^" + _POSS + r"\s+(?:[\w/-]+\s+){0,4}?(?:application|nda|bla|maa|snda|sbla|ind|cta|submission|filing)s?"
    r"\s+(?:for|of)\s+(?:the\s+)?$"
)
# "Helix's pipeline includes ZB-12, ZB-14 and ZB-20", "the Company's product candidates include ZB-12": a
# company's own list of products (the possessive stop words "include" and "of" otherwise end the noun phrase)
_OWN_LIST = re.compile(
    r"^"
    + _POSS
    + r"?\s+(?:[\w-]+\s+){0,2}?(?:pipeline|portfolio|candidates|programs|programmes|products|assets|"
    r"compounds|drugs|medicines)\s+(?:includes?|including|included|comprises|comprising|consists\s+of)"
    r"\s+(?:the\s+)?$"
)
# "Helix's lead product candidate is ZB-12", "Its most advanced programs are ZB-12 and ZB-14"
_OWNED_IS = re.compile(r"^" + _POSS + r"?\s+(?:[\w-]+\s+){0,3}?" + HEADS + r"\s+(?:is|are)\s+(?:the\s+)?$")
_OWNED_HEAD = re.compile(r"^" + _POSS + r"?\s+(?:[\w-]+\s+){0,4}?" + HEADS)
# "Helix regained all North American development and commercialization rights to ZB-12"
_REGAINED = re.compile(
    r"\bregain(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,6}?rights?\s+(?:to|for|in|of)\s+(?:the\s+)?(?:its\s+)?"
)


@relation_rule("developers", min_mentions=2)
class Developers:
    """ "X's compound", "Company-sponsored X", "X, in development by A", "A and B are co-developing X"."""

    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues["developers"]
        self.passive = re.compile(
            r"(?<![\w-])(?:initially |originally |formerly |previously )?(?:"
            + alternation(c["developer_passive"])
            + r")\s*$"
        )
        self.agreement = re.compile(
            r"(?:develop\w*|in development)\s+(?:under|through|as part of|pursuant to)\s+"
            r"(?:a|an|the|its|their)?"
            r"\s*(?:[\w-]+\s+){0,3}?(?:agreement|collaboration|partnership|alliance)s?\s+(?:between|with)\s"
        )
        self.modifier = re.compile(r"^\s*[-‐–]\s*(?:" + "|".join(c["developer_modifier"]) + r")\b")
        self.active = words_regex(c["developer_active"])
        self.possessive_stop = words_regex(c["possessive_stop"])
        self.acting_for = ActingFor(c["acting_for"])
        self.pending_option = PendingOption(cues["options"])
        self.alliance = alliance_pattern(cues["codevelopment"]["alliance_nouns"])
        self.owned_list = owned_list_pattern(c)
        back = alternation(c["rights_back"])
        self.rights_back_gate = re.compile(r"\b(?:revert|return|transfer)")
        # (the verb before "rights to X", then what is between X and B): "A returned the rights to X to B";
        # (between X and B, "rights to X" before): "all rights to X revert to B"
        self.rights_back = (
            re.compile(
                r"(?<!\bin\s)\b(?:"
                + back
                + r")\s+(?:(?:the|all|its|their|our)\s+)*(?:[\w.-]+\s+){0,5}?rights?\s+"
                r"(?:to|for|in|of)\s+(?:the\s+)?$"
            ),
            re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:in\s+[^,;()]{1,40}?\s+)?to\s+(?:the\s+)?$"),
            re.compile(
                r"^\s*(?:\([^()]{0,40}\)\s*)?(?:in\s+[^,;()]{1,40}?\s+)?(?:will\s+|shall\s+|have\s+|has\s+)?"
                r"(?:" + back + r")\s+to\s+(?:the\s+)?$"
            ),
        )

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        companies = s.of("COMPANY")
        compounds = s.of("COMPOUND")
        if not companies or not compounds:
            return
        for comp in companies:
            self.company_cues(ctx, s, comp, compounds)
        # "X is in development under an agreement between A and B"
        for m in self.agreement.finditer(s.low):
            p = ctx.attach(s, (m.start(), m.start() + 1), ("COMPOUND",), cap=200, direct=False)
            if p is None:
                continue
            tail = [c for c in companies if c.start - s.start >= m.end() and not c.virtual]
            for c in tail:
                _add(ctx, s, ctx.group(s, p), c, "developer_passive", c.start - p.end)
        if not self.pending_option(s.low):  # "if B exercises its option, it will develop X": not yet
            self.active_cues(ctx, s, companies, compounds)
        their_owners(ctx, s, companies, compounds)
        owned_lists(ctx, s, companies, compounds, self.owned_list)
        its_owner(ctx, s, companies, compounds)
        if "acqui" in s.low:
            _acquired_compounds(ctx, s, companies, compounds)
        if "regain" in s.low:
            _regained_compounds(ctx, s, compounds)
        if self.rights_back_gate.search(s.low):
            _rights_back(ctx, s, compounds, self.rights_back)

    def company_cues(self, ctx: RuleContext, s: Sent, comp: M, compounds: list[M]) -> None:
        """The cues around one company: possessive, modifier, "Company (compound)", passive."""
        a, b = s.local(comp)
        after = s.text[b : b + 4]
        poss = comp.virtual and (
            s.low[a:b].endswith("'s") or s.low[a:b].endswith("’s") or s.low[a:b] in ("our", "its")
        )
        poss = poss or bool(re.match(r"^(?:'s|’s|'|’)(?!\w)", after))
        if poss:
            self.possessive(ctx, s, comp)
        if comp.virtual:
            return
        if self.modifier.match(s.low[b : b + 16]):
            f = [m for m in compounds if m.start > comp.end and m.start - comp.end <= 120]
            if f and not CLAUSE_BREAK.search(s.between(comp, f[0]).replace(": ", " ")):
                _add(ctx, s, ctx.group(s, f[0]), comp, "developer_compound_modifier", f[0].start - comp.end)
        # "the Helix drug ZB-12", "a Helix product candidate, ZB-12": the company modifies a product noun
        if _DETERMINER_END.search(s.low, max(0, a - 5), a):
            f = [m for m in compounds if m.start >= comp.end]
            if f and _MODIFIED_HEAD.fullmatch(s.low, b, f[0].start - s.start) and not ctx.comparator(s, f[0]):
                _add(ctx, s, [f[0]], comp, "developer_compound_modifier", f[0].start - comp.end)
        # "ZB-12, a Helix product candidate": the company names the kind of product in the apposition
        if _A_COMPANY_PRODUCT.match(s.low, b):
            owned = [
                m for m in compounds if m.end <= comp.start and _APPOSITION_OPEN.fullmatch(s.between(m, comp))
            ]
            if owned and not ctx.comparator(s, owned[-1]):
                _add(ctx, s, [owned[-1]], comp, "developer_possessive", comp.start - owned[-1].end)
        # "ZB-12 (Helix Pharmaceuticals) and OB-5 (Orbital Bio)": the company in parentheses after a compound
        if re.search(r"\(\s*$", s.text[max(0, a - 3) : a]) and re.match(r"^\s*\)", s.text[b : b + 3]):
            owned = [m for m in compounds if 0 < comp.start - m.end <= 3]
            if owned and not ctx.comparator(s, owned[0]):
                _add(ctx, s, owned, comp, "developer_list", 0)
        # "Boehringer Ingelheim (bivatuzumab mertansine)"
        if re.match(r"^\s*\(", s.text[b : b + 3]):
            inner = [m for m in compounds if 0 < m.start - comp.end <= 4]
            if inner and re.match(r"^[^()]{0,40}\)", s.text[inner[0].end - s.start :]):
                _add(ctx, s, [inner[0]], comp, "developer_list", 0)
        # passive: "X, in development by COMPANY"
        m = self.passive.search(s.low[max(0, a - 40) : a])
        if m and not _FORMER.match(m.group(0)):
            cue_start = a - (len(s.low[max(0, a - 40) : a]) - m.start())
            near = [x for x in compounds if x.end - s.start <= cue_start]
            p: M | None
            if near and _RELATIVE_TO.fullmatch(s.low, near[-1].end - s.start, cue_start):
                p = near[-1]  # the relative clause speaks of the name before it, a comparator too
            else:
                p = ctx.attach(s, (cue_start, cue_start + 1), ("COMPOUND",), cap=80, direct=False)
            p = p or _sentence_subject(s, cue_start)
            if p is not None and p.start < comp.start:
                codevelopers = ctx.group(s, comp)
                ally = alliance_partner(s, codevelopers[-1], self.alliance)  # "by A in an alliance with B"
                if ally is not None:
                    ctx.emit("PARTNER_OF", comp.eid, ally.eid, s, "partner_cue")
                    codevelopers = [*codevelopers, ally]
                for co in codevelopers:  # "co-developed by A and B"
                    _add(ctx, s, ctx.group(s, p), co, "developer_passive", co.start - p.end)
                if re.search(r"\b(?:co-|jointly )", m.group(0)):  # co-developers are partners
                    for i, x in enumerate(codevelopers):
                        for y in codevelopers[i + 1 :]:
                            ctx.emit("PARTNER_OF", x.eid, y.eid, s, "partner_cue")

    def possessive(self, ctx: RuleContext, s: Sent, comp: M) -> None:
        """ "Helix's ZB-12", "Helix's oral and IV PARP inhibitor ZB-12" (a target or disease named inside the
        noun phrase is skipped), and the apposition "ZB-12, Helix's lead candidate"."""
        nxt = [m for m in s.ms if m.start >= comp.end and m.type not in ("TARGET", "DISEASE", "PAYLOAD")]
        gap = s.between(comp, nxt[0]) if nxt else ""
        if nxt and nxt[0].type == "COMPOUND" and _OWN_FILING.match(gap) and not comp.virtual:
            # the filer develops it, as one who runs its trial does: an act, which leaves the issuing
            # company its default (post.py), not a statement of ownership
            for x in ctx.group(s, nxt[0]):
                ctx.emit(
                    "DEVELOPED_BY",
                    x.eid,
                    comp.eid,
                    s,
                    "developer_act",
                    x.start - comp.end,
                    prior="developer_active",
                )
            return
        if (
            nxt
            and nxt[0].type == "COMPOUND"
            and nxt[0].start - comp.end <= 90
            and len(gap.split()) <= 10
            and (
                not self.possessive_stop.search(gap)
                or _OWN_TRIAL.match(gap)
                or _OWN_LIST.match(gap)
                or _OWNED_IS.match(gap)
            )
            and not _NEW_PHRASE.search(gap)
            and not CLAUSE_BREAK.search(gap)
        ):
            for owner in _co_owners(ctx, s, comp):
                _add(ctx, s, ctx.group(s, nxt[0]), owner, "developer_possessive", nxt[0].start - owner.end)
            return
        prev = [m for m in s.ms if m.end <= comp.start]
        if prev and prev[-1].type == "COMPOUND" and _APPOSITION_OWNER.match(s.between(prev[-1], comp)):
            rest = s.low[comp.end - s.start : comp.end - s.start + 60]
            if _OWNED_HEAD.match(rest):
                _add(ctx, s, [prev[-1]], comp, "developer_possessive", comp.start - prev[-1].end)

    def active_cues(self, ctx: RuleContext, s: Sent, companies: list[M], compounds: list[M]) -> None:
        """ "A and B are co-developing X", "A discovered and developed this drug candidate"."""
        for m in self.active.finditer(s.low):
            subj = [c for c in companies if c.end - s.start <= m.start()]
            if not subj:
                continue
            last = clause_subject(s, subj, m.start())
            gap = s.low[last.end - s.start : m.start()]
            if (
                len(gap) > 120
                or CLAUSE_BREAK.search(gap)
                or re.search(r"\b(?:by|with|to|and its|of)\s*$", gap)
            ):
                continue
            objs = [
                x for x in compounds if x.start - s.start >= m.end() and x.start - s.start - m.end() <= 60
            ]
            if not objs or CLAUSE_BREAK.search(s.low[m.end() : objs[0].start - s.start]):
                continue
            developed = ctx.group(s, objs[0])
            principal = self.acting_for(s, objs[0], companies)
            if principal is not None:  # "the CRO A will run the trial of X on behalf of B": B's act, not A's
                for comp in ctx.group(s, principal):
                    _add(ctx, s, developed, comp, "developer_active", comp.start - developed[-1].end)
                continue
            for comp in ctx.group(s, last):
                _add(ctx, s, developed, comp, "developer_active", objs[0].start - last.end)
            companion = companion_subject(s, subj, m.start())
            if companion is not None and frozenset((last.eid, companion.eid)) not in ctx.affiliates:
                _add(ctx, s, developed, companion, "developer_active", objs[0].start - companion.end)
                ctx.emit("PARTNER_OF", last.eid, companion.eid, s, "partner_cue")
            # "A is developing X in collaboration with B": B co-develops X, and the two are partners
            ally = alliance_partner(s, developed[-1], self.alliance)
            if (
                ally is not None
                and ally.eid != last.eid
                and frozenset((last.eid, ally.eid)) not in ctx.affiliates
            ):
                _add(ctx, s, developed, ally, "developer_active", ally.start - developed[-1].end)
                ctx.emit("PARTNER_OF", last.eid, ally.eid, s, "partner_cue")


def _acquired_compounds(ctx: RuleContext, s: Sent, companies: list[M], compounds: list[M]) -> None:
    """A closed acquisition ("A completed its acquisition of B, including B's lead compound X", "A acquired B
    and its X program"): the acquirer develops the compounds named with the acquired company."""
    for m in _ACQUIRED.finditer(s.low):
        acquirer = ctx.subject_company(s, m.start())
        if acquirer is None or ctx.cues.negation.search(s.low[max(0, m.start() - 25) : m.start()]):
            continue
        _, end = ctx.clause_bounds(s, m.end(), m.end())
        bought = [x for x in compounds if 0 <= x.start - s.start - m.end() <= 5]
        if bought:  # "A acquired X from B": an asset bought outright is the acquirer's
            for x in ctx.group(s, bought[0]):
                ctx.emit("DEVELOPED_BY", x.eid, acquirer.eid, s, "developer_active", x.start - acquirer.end)
            continue
        acquired = [c for c in companies if c.start - s.start >= m.end() and c.eid != acquirer.eid]
        if not acquired or acquired[0].start - s.start - m.end() > 5:
            continue
        for x in compounds:
            if acquired[0].end <= x.start and x.end - s.start <= end and x.start - acquired[0].end <= 120:
                ctx.emit("DEVELOPED_BY", x.eid, acquirer.eid, s, "developer_active", x.start - acquirer.end)


def _regained_compounds(ctx: RuleContext, s: Sent, compounds: list[M]) -> None:
    """ "A will regain all development and commercialization rights to X (from B)": the end of a licence gives
    X back to its owner A, who develops it (B, the former licensee, keeps only the partnership)."""
    for m in _REGAINED.finditer(s.low):
        holder = ctx.subject_company(s, m.start())
        if holder is None or ctx.cues.negation.search(s.low[max(0, m.start() - 25) : m.start()]):
            continue
        for x in compounds:
            if 0 <= x.start - s.start - m.end() <= 5:
                for y in ctx.group(s, x):
                    _add(ctx, s, [y], holder, "developer_active", y.start - holder.end)
                break


def _last_partners(ctx: RuleContext) -> list[str]:
    """The two companies of the partnership found last ("A and B announced a collaboration. The companies
    will ...")."""
    pairs = [(k[1], k[2]) for k in ctx.out.items if k[0] == "PARTNER_OF" and k[2] is not None]
    return list(pairs[-1]) if pairs else []


def _sentence_subject(s: Sent, cue: int) -> M | None:
    """The compound a sentence starts with, when a cue later in the same clause is said of it ("ZB-12 is a
    novel oral inhibitor of PARP and will be developed by Helix") and no other compound comes between."""
    first = s.ms[0] if s.ms else None
    if first is None or first.type != "COMPOUND" or first.start - s.start > 3:
        return None
    gap = s.low[first.end - s.start : cue]
    if (
        len(gap) > 200
        or CLAUSE_BREAK.search(gap)
        or any(first.end <= m.start < s.start + cue for m in s.of("COMPOUND"))
    ):
        return None
    return first


def _co_owners(ctx: RuleContext, s: Sent, comp: M) -> list[M]:
    """The owners of a possessive: the company and those coordinated before it ("A/B's X", "A and B's X")."""
    if comp.virtual:
        return [comp]
    return [c for c in ctx.group(s, comp) if c.start <= comp.start and not c.virtual]


def _add(ctx: RuleContext, s: Sent, compounds: list[M], company: M, rule: str, dist: int) -> None:
    for c in compounds:
        ctx.emit("DEVELOPED_BY", c.eid, company.eid, s, rule, dist)


@relation_rule("retained")
class Retained:
    """ "A retains all rights in the U.S.", "A will retain 25% of the rights to X": mode retained."""

    def __init__(self, cues: dict[str, Any]) -> None:
        d = cues["retained"]
        self.gate = gate(d, "retain_verbs")
        self.retain = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, d["retain_verbs"])) + r")\s+(?P<rest>[^.;]{0,120})",
            re.IGNORECASE,
        )
        self.objects = words_regex(d["retain_objects"])
        self.share = Shares(cues["shares"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if not gated(self.gate, s.low):
            return
        for m in self.retain.finditer(s.low):
            rest = m.group("rest")
            obj = self.objects.search(rest)
            if obj is None or obj.start() > 60:
                continue
            cue = m.start()
            if ctx.cues.negation.search(s.low[max(0, cue - 25) : cue]):
                continue
            holder = ctx.subject_company(s, cue)
            if holder is None:
                continue
            r0, r1 = m.span("rest")
            eids = [x.eid for x in ctx.compounds_after(s, r0, r1 - r0)]
            if not eids:
                before = [x for x in s.of("COMPOUND") if x.end <= holder.start]
                sal = ctx.salient(s)
                eids = [before[-1].eid] if before else ([sal] if sal else [])
            attrs: dict[str, Any] = {"mode": "retained"}
            terr = ctx.places.scope(s.text[r0:r1])
            if not terr:  # "except in Japan, where B will maintain exclusive rights"
                where = re.search(
                    r"\bin\s+(?:the\s+)?([^,;]{2,40}?)\s*,?\s+where\s+$", s.text[: holder.start - s.start]
                )
                if where:
                    terr = [p.name for _, _, p in ctx.places.find(where.group(1)) if p.kind != "regulator"]
            if terr:
                attrs["territory"] = terr
            share = self.share(rest)
            if share is not None:
                attrs["share"] = share
            for eid in eids:
                ctx.emit("DEVELOPED_BY", eid, holder.eid, s, "developer_retained", attrs=attrs)


@relation_rule("codevelopment")
class Codevelopment:
    """ "A and B will co-develop X", "a co-development and co-commercialization agreement"."""

    def __init__(self, cues: dict[str, Any]) -> None:
        d = cues["codevelopment"]
        self.gate = gate(d, "codevelopment", "copromotion")
        self.cue = words_regex(d["codevelopment"] + d["copromotion"])
        self.copromotion = words_regex(d["copromotion"])
        # an option to co-develop is not co-development yet: the option cues tell a declined or exercised one
        self.declined = words_regex(cues["options"]["declined_option"])
        self.exercised = words_regex(cues["options"]["option_exercised"])
        self.share = Shares(cues["shares"])
        self.developed_with = words_regex(d["developed_with"])
        self.pending_option = PendingOption(cues["options"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if self.pending_option(s.low):  # "subsequent to option exercise, the parties will co-develop X"
            return
        if "develop" in s.low:  # "X, developed in collaboration with B" (codeveloped.py)
            for cue in self.developed_with.finditer(s.low):
                developed_with(ctx, s, cue.span(), {"mode": "co-development"}, possessive_owner)
        if not gated(self.gate, s.low):
            return
        for cue in self.cue.finditer(s.low):
            c0, c1 = cue.span()
            pre = s.low[max(0, c0 - 60) : c0]
            if ctx.cues.negation.search(s.low[max(0, c0 - 30) : c0]) or self.declined.search(
                s.low[max(0, c0 - 40) : c1]
            ):
                continue
            # an option or right to co-develop is not co-development yet, unless it was exercised
            if re.search(r"\b(?:option|right|opt)s?\b[^.;]{0,25}$", pre) and not self.exercised.search(pre):
                continue
            start, end = ctx.clause_bounds(s, c0, c1)
            companies = [
                c
                for c in s.of("COMPANY")
                if start <= c.start - s.start < end and not ctx.parenthetical_affiliate(s, c)
            ]
            ids = list(dict.fromkeys(c.eid for c in companies))[:3]
            if not ids and _BOTH_COMPANIES.search(s.low, start, c0):
                ids = _last_partners(ctx)  # "The companies will co-develop X": the partners named before
            if not ids:
                continue
            comps = self.codeveloped(ctx, s, c0, c1)
            attrs: dict[str, Any] = {"mode": "co-development"}
            share = self.share(s.low[start:end])
            if share is not None:
                attrs["share"] = share
            terr = ctx.places.scope(s.text[c1:end])
            if terr:
                attrs["territory"] = terr
            if self.copromotion.fullmatch(cue.group(0)):
                # co-promotion makes partners only, never developers
                for i, a in enumerate(ids):
                    for b in ids[i + 1 :]:
                        ctx.emit(
                            "PARTNER_OF", a, b, s, "partner_cue", attrs={**attrs, "mode": "co-promotion"}
                        )
                continue
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    if comps and frozenset((a, b)) not in ctx.affiliates:
                        # "A, B and C will co-develop X": every two parties of it are partners
                        ctx.emit("PARTNER_OF", a, b, s, "partner_cue")
                    ctx.out.annotate("PARTNER_OF", a, b, attrs)
            if len(ids) < 2 and not re.search(r"\bwith\b", s.low[c1:end]):
                continue  # "A will co-develop X with ..." needs its partner named or implied
            for comp in comps:
                owner = possessive_owner(s, comp)
                for co in ids:
                    ctx.emit("DEVELOPED_BY", comp.eid, co, s, "developer_codevelopment", attrs=attrs)
                    if owner is not None and owner in ids and co != owner:
                        # "A, B and C will co-develop A's X": the owner's partners take a licence to X
                        ctx.emit("LICENSED_TO", comp.eid, co, s, "licensee_cue", attrs={"licensor": owner})

    @staticmethod
    def codeveloped(ctx: RuleContext, s: Sent, c0: int, c1: int) -> list[M]:
        """The compounds co-developed: named right after the cue ("co-develop X", "co-development agreement
        for X"), with no other company or list in between, or the one the cue attaches to."""
        comps = [
            x
            for x in ctx.compounds_after(s, c1, 60)
            if "," not in s.low[c1 : x.start - s.start]
            and not any(c1 <= o.start - s.start < x.start - s.start for o in s.of("COMPANY"))
        ][:1]
        if comps:
            return ctx.group(s, comps[0])
        c = ctx.attach(s, (c0, c1), ("COMPOUND",), cap=150, direct=False)
        return ctx.group(s, c) if c is not None else []
