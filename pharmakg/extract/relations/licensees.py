"""LICENSED_TO: the licensee of a compound ("B obtains exclusive rights to X", "a license agreement with B for
X", "A licensed it to B"), with exclusivity, territory and licensor; a licensee that receives development
rights develops the compound too (DEVELOPED_BY)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.deal import DEVELOPMENT, OPEN_OPTION, PendingOption, emit_licensee
from pharmakg.extract.relations.licence_clauses import (
    exchange_licensee,
    licence_named_next,
    possessive_in_licensed,
    responsible_licensee,
)
from pharmakg.extract.relations.licence_links import (
    earlier_licence_to,
    in_parenthesis_on,
    licence_from,
    licensed_by_to,
    licensed_it,
    licensed_on,
    parenthesis_closes,
    titled_licensee,
)
from pharmakg.extract.relations.licence_paid_rights import PaidRights, plain_licence
from pharmakg.extract.relations.licence_parties import (
    SUBJECT_ANAPHOR,
    LicenceWords,
    agreement_for_development,
    apposition_head,
    licensee_apposition,
    purpose_licensee,
    subject_between,
)
from pharmakg.extract.relations.licence_passives import PassiveLicence
from pharmakg.extract.relations.licence_purchases import LicencePurchase
from pharmakg.extract.relations.licence_subjects import (
    AFTER_NAME,
    ANNOUNCED_IT,
    LicensingSubject,
    announcer,
    taken_from,
)
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent

# "agreement with C for X" / "... with C to develop X": the licence is for the named compound
_LICENCE_SCOPE = re.compile(
    r"\bfor\b|\bcovering\b|\bto (?:develop|commercialize|commercialise|market|in-licen[cs]e|acquire|obtain)"
)
# "a licence agreement with B, a company focused on drug development, for X": B's description says nothing of
# the rights it receives
_COMPANY_APPOSITION = re.compile(r"^\s*(?:\([^()]*\)\s*)?,\s*(?:a|an)\s[^;]{0,200}?,\s+(?=(?:for|to)\b)")
# "... rights to X for the development and commercialization in ..."
# "rights to develop X", "the rights to the global development and commercialization of X"
_RIGHTS_TO_DEVELOP = re.compile(
    r"\brights?\s+(?:to|for)\s+(?:the\s+)?(?:(?:further|clinically|clinical|global|worldwide)\s+)?(?:co-)?develop"
)
_WHICH_DEVELOPS = re.compile(r"\s*,\s*(?:which|who)\s+(?:is|will be|are|has been|was)\s+(?:co-)?developing\b")
_FOR_DEVELOPMENT = re.compile(
    r"^[^.;]{0,30}?\bfor\s+(?:the\s+)?(?:further\s+|clinical\s+|global\s+|worldwide\s+)?develop"
)


# right after a company name (its suffix, a parenthesis); "A today announced that it has ...": the subject of
# the announcement is the subject of the verb after it (both shared with ``licence_subjects``)
_AFTER_NAME = AFTER_NAME
_ANNOUNCED_IT = ANNOUNCED_IT


# after the licensee: "in-licensed X", "has licensed X from", "licensed from" (group 1: in-licence)
_IN_LICENSED = re.compile(
    _AFTER_NAME + _ANNOUNCED_IT + r"(?:,?\s*(?:which|who)\s+)?"
    r"(?:(?:has|have|had|also|recently|previously|originally|will|would|shall|is\s+to|plans\s+to)\s+)*"
    r"(?:(in-licen[cs](?:ed|es|e))|licen[cs](?:ed|es))\s+(?:the\s+)?"
    r"(?:(?:exclusive\s+|worldwide\s+|global\s+)*rights\s+to\s+)?"
)


# "A licensed X to B": the verb before the compound, with the compound's own modifiers ("license its
# fibrosis drug candidate X to B") or the rights it names ("transfer the rights to the global development
# and commercialization of X to B")
_LICENSED_X = re.compile(
    # "A granted a sublicense to X to B": the licence noun after the granting verb
    r"\bgrant(?:ed|s|ing)?\s+(?:an?\s+|the\s+)?(?:(?:exclusive|non-exclusive|worldwide|global|royalty-\w+)\s+)*"
    r"(?:sub)?licen[cs]e\s+(?:to|for|under)\s+(?:the\s+)?$|"
    r"\b(?:(?:out-|sub)?licen[cs](?:ed|es|ing|e)|transfer(?:red|s)?|assigned|sold)\s+(?:of\s+)?"
    r"(?:(?:the|its|their|our|[\w.&-]+(?:'s|’s|'|’))\s+(?:[\w-]+\s+){0,4}?)?"
    r"(?:(?:[\w-]+\s+){0,3}?rights\s+(?:to|for|in)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:development|commerciali[sz]ation|manufactur\w*|marketing)\s+(?:and\s+)?)*"
    r"(?:of\s+)?)?$"
)
# between the compound and its licensee: "X to B", "X (ALIAS), a monoclonal antibody product, to B"
_X_TO = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*|\)\s*)?(?:,\s*(?:a|an|the|its)\s[^,;()]{0,60},\s*)?"
    r"(?:(?:in|for|outside(?:\s+of)?)\s+(?:the\s+)?[^,;()]{2,40}?\s+)?to\s+(?:the\s+)?$"
)
# between the compound and its second licensee: "licensed X to B for Japan and to C for Europe"
_AND_TO = re.compile(r"^\s*to\s+(?:the\s+)?\x00[^.;]{0,50}?\band\s+to\s+(?:the\s+)?$")
# "X was licensed to B", "X, out-licensed to B" (between the compound and its licensee)
_LICENSED_TO_BEFORE = re.compile(r"\b(?:out-|sub)?licen[cs]ed\s+(?:exclusively\s+)?to\s+(?:the\s+)?$")


# "in return for": a noun, not rights given back ("B will receive, in return for $5 million, rights to X")
_IN_RETURN = re.compile(r"\bin\s+return\b")
# "A has licensed ...": the licensing verb of the licensor, when the licence goes on "to B"
_OUT_LICENSED = re.compile(r"\b(?:(?:out-)?licen[cs]ed|sold|transferred|assigned)\b")
# between the compound and its licensee, the rights noun after the compound: "A sold its X rights to B", "A
# transferred the X commercial rights in Europe to B"
_X_RIGHTS_TO = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?(?:[\w-]+\s+){0,2}?rights\s+"
    r"(?:(?:in|for|outside(?:\s+of)?)\s+(?:the\s+)?[^,;()]{2,40}?\s+)?to\s+(?:the\s+)?$"
)
# "(worldwide) development and commercial rights to X": rights that name development, before the compound
_DEVELOPMENT_RIGHTS_TO = re.compile(
    r"(?<![\w-])(?:co-)?development\b(?:\s+(?:and|&|or)\s+[\w-]+){0,2}\s+rights?\s+(?:to|for|in|of)\s+(?:the\s+)?$"
)
# "has exercised its option to": an option exercised (the licence it gives is not limited by the word)
_EXERCISED_OPTION = re.compile(
    r"\bexercis(?:ed|es|ing)\s+(?:(?:its|their|the|an?|our)\s+)?(?:[\w-]+\s+){0,2}?option\b"
)
# "a license agreement with B", "a licensing deal with B": a deal that does not say who takes the licence
_DEAL_WITH = re.compile(r"\b(?:agreement|deal)\b")
# "X, which it in-licensed": a relative pronoun right before the company's pronoun
_WHICH_BEFORE = re.compile(r",\s*(?:which|that)\s+$")


@relation_rule("licensees", min_mentions=2)
class Licensees:
    """ "B obtains exclusive rights to X", "a license agreement with B for X": LICENSED_TO with its terms."""

    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues["licensees"]
        self.after = re.compile(
            r"^[\s,]*(?:[\"”’']\s*\)\s*,?\s*)?(?:\([^)]*\)\s*,?\s*)?"
            # "Roche, of Basel, Switzerland, is getting rights to X": the company's seat
            + r"(?:(?:of|based\s+in|headquartered\s+in)\s+[a-z .-]{2,30}(?:,\s*[a-z .-]{2,30})?,\s*)?"
            + _ANNOUNCED_IT
            + r"(?:(?:which|who)\s+)?"  # "B, which holds the rights to X in Japan"
            + r"(?:(?:will|has|have|had|also|to|recently|then|would|shall)\s+)*(?:"
            + "|".join(map(re.escape, c["licensee_after_company"]))
            + r")\b(?:[^.;]|(?<=\b[a-z])\.){0,50}?\b(?:"  # "the U.S. rights": a dot of an abbreviation
            + "|".join(map(re.escape, c["licensee_rights_words"]))
            + r")\b(?![\s-]+applications?\b)"  # "has submitted a Biologics License Application": no licence
            # "A has entered into a license agreement with B": an agreement, not a right A receives
            + r"(?!\s+(?:and\s+[\w-]+\s+|[\w-]+\s+and\s+)?agreements?\b)"
        )
        self.before = re.compile(r"\b(" + alternation(c["licensee_before_company"]) + r")\s+(?:the\s+)?$")
        self.scope_end = words_regex(c["licence_scope_end"])
        self.exclusive = words_regex(c["exclusive"])
        self.non_exclusive = words_regex(c["non_exclusive"])
        self.terminated = words_regex(c["terminated"])
        self.whole_rights = words_regex(c["whole_rights"])
        self.rights_limited = words_regex(c["rights_limited"])
        self.licence_words = LicenceWords.from_cues(c, self.rights_limited)
        self.pending_option = PendingOption(cues["options"])
        # "A sells the European rights for X to B": a rights sale before the compound (licensed_x_to)
        self.sold_rights = re.compile(
            r"\b(?:" + alternation(c["rights_sale_words"]) + r")\s+(?:(?:the|its|their|our|all|full)\s+)*"
            r"(?:[\w-]+\s+){0,4}?rights\s+(?:to|for|in|on)\s+(?:the\s+)?$"
        )
        self.sold_before = re.compile(
            r"\b(?:" + alternation(c["rights_sale_words"]) + r")\s+(?:(?:the|its|their|our|all|full)\s+)*$"
        )
        self.paid_rights = PaidRights(c)
        self.passive = PassiveLicence(c)
        # "licensed its X program to B": the head noun after the compound's name
        self.object_head = re.compile(r"^\s+(?:" + alternation(c["licence_object_heads"]) + r")(?=\s+to\b)")
        self.licensing_subject = LicensingSubject(c["licensee_verbs"], c["licensee_verb_unnamed_recipients"])
        self.purchase = LicencePurchase(c)
        # "A sold its royalty rights on X to B": a royalty buyer is no licensee
        self.royalty = words_regex(c["royalty_interests"])
        # "B has the right to license X", "B may license X": a licence not (yet) taken
        self.not_yet = words_regex(c["licence_not_yet"])
        # "A has returned the rights to X to B": rights given back, not received (developers: rights_back)
        self.given_back = words_regex(cues["developers"]["rights_back"])
        # "A and its licensing partner B", "Helix's Japanese licensee B": the title before B's name
        self.titled = re.compile(
            r"(?:\b(?:its|their|our)|[\w.&-](?:'s|’s|'|’)|[\w.)]\s+and)\s+(?:[\w-]+\s+){0,2}?(?:"
            + alternation(c["licensee_titles"])
            + r")\s*,?\s*$"
        )
        # "Helix's licensing partner for X in Japan, Orbital": the title, "for", the compound, then the name
        self.titled_for = re.compile(self.titled.pattern.replace(r")\s*,?\s*$", r")\s+for\s+(?:the\s+)?$"))

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if self.pending_option(s.low):
            return  # "upon exercise of the option, B will receive a license to X": no licence yet
        compounds = s.of("COMPOUND")
        self.clause_rules(ctx, s, compounds)
        if not compounds:
            return
        for comp in s.of("COMPANY"):
            a, b = s.local(comp)
            if comp.virtual:
                # "The Company obtained exclusive rights to X", "we in-licensed X": the issuing company
                # "X, which it in-licensed from A": the pronoun subject of a relative clause on X
                relative = s.low[a:b] in ("it", "they") and bool(_WHICH_BEFORE.search(s.low, 0, a))
                if not (SUBJECT_ANAPHOR.fullmatch(s.low[a:b]) or relative) or self.in_licensed(
                    ctx, s, comp, compounds
                ):
                    continue
            elif (
                self.licensed_x_to(ctx, s, comp, compounds)
                or licence_from(ctx, s, comp, compounds, self.licence_words)
                or licensed_by_to(ctx, s, comp, compounds, self.rights_limited)
                or licensee_apposition(ctx, s, comp, compounds, self.licence_words)
                or titled_licensee(
                    ctx, s, comp, compounds, (self.titled, self.titled_for), self.rights_limited
                )
                or self.passive(ctx, s, comp, compounds)
            ):
                continue
            else:
                comp = announcer(s, comp)  # "B, a biotech company, today announced that it has ...": B
                a, b = s.local(comp)
                if (
                    self.in_licensed(ctx, s, comp, compounds)
                    or taken_from(ctx, s, comp, compounds, self.emit_licence)
                    or self.licensing_subject(ctx, s, comp, compounds, self.emit_licence)
                    or self.purchase(ctx, s, comp, compounds)
                    or self.paid_rights(ctx, s, comp, compounds, self.licence_attrs)
                ):
                    continue
            after_cue = self.after_cue(ctx, s, comp)
            before = self.before.search(s.low[max(0, a - 45) : a])
            if before and re.match(r"^(?:'s|’s)", s.low[b : b + 2]):
                before = None  # "a license to Orbital's ZB-12": Orbital is the owner, not the licensee
            if not after_cue and not before:
                continue
            if after_cue and not before:
                comp = apposition_head(s, comp)
            if after_cue and not before and after_cue.group(0).endswith("option"):
                # "B has an option to co-develop X": an option not (yet) exercised is no licence (options)
                if not re.search(r"exercis", after_cue.group(0)):
                    continue
            objs_after = [x for x in compounds if x.start >= comp.end and x.start - comp.end <= 160]
            target = None
            if (
                objs_after
                and not CLAUSE_BREAK.search(s.between(comp, objs_after[0]))
                and not parenthesis_closes(s, comp, compounds, objs_after[0])
            ):
                target = objs_after[0]
                if before and _DEAL_WITH.search(before.group(1)):
                    # "agreement with C for X": the licence is for the named compound only; "through an
                    # agreement with C, B is the exclusive distributor for X": B, named between, holds it
                    if not _LICENCE_SCOPE.search(s.between(comp, target)) or subject_between(s, comp, target):
                        target = None
            elif before and before.group(1).endswith(" to"):
                target = ctx.attach(s, comp, ("COMPOUND",), cap=200, direct=False)
            if target is None or ctx.negated(s, comp, target):
                continue
            if before:
                comp = purpose_licensee(ctx, s, max(0, a - 45) + before.start(), comp, target)
            if before and OPEN_OPTION.search(s.between(comp, target) + " " + s.low[max(0, a - 45) : a]):
                # "A granted B an option to license X", "an option and license agreement with B for X": an
                # option not exercised is no licence
                continue
            # "a license agreement with C for X" does not say which party takes the licence: the post-pass
            # gives way to a licensee the document names in so many words
            weak = bool(before and not after_cue and _DEAL_WITH.search(before.group(1)))
            self.emit_licence(ctx, s, comp, target, weak)

    def after_cue(self, ctx: RuleContext, s: Sent, comp: M) -> re.Match[str] | None:
        """The licence words right after a company ("B obtains exclusive rights to", "B has acquired the
        license"), unless they are another company's rights, a licence out, rights given back, a royalty, a
        licence not yet taken or regained rights."""
        b = comp.end - s.start
        after_cue = self.after.match(s.low[b : b + 110])
        if after_cue and any(
            comp.end <= o.start and o.start - s.start < b + after_cue.end() for o in s.of("COMPANY")
        ):
            after_cue = None  # "A received $5 million from B to acquire rights": the rights are B's
        if after_cue and _OUT_LICENSED.search(after_cue.group(0)) and licensed_on(ctx, s, comp):
            after_cue = None  # "A has licensed the rights to X in Europe to B": B is the licensee
        if after_cue and self.given_back.search(_IN_RETURN.sub(" ", after_cue.group(0))):
            after_cue = None  # "A has returned the rights to X to B": B owns X again (developers)
        if after_cue and self.royalty.search(after_cue.group(0)):
            after_cue = None  # "B acquired the royalty interest in X": money from sales, no licence
        if after_cue and self.not_yet.search(s.low, b, min(len(s.low), b + after_cue.end() + 25)):
            after_cue = None  # "B has the right to license X": a licence it may take later
        if after_cue and "regain" in after_cue.group(0):
            after_cue = None  # "A has regained the rights to X": the owner, no licensee (developers)
        return after_cue

    def clause_rules(self, ctx: RuleContext, s: Sent, compounds: list[M]) -> None:
        """The licence statements read clause by clause (``licence_clauses``, ``licence_parties``); in a
        sentence naming no compound, those about the compound of the sentences before or after."""
        responsible_licensee(ctx, s)
        if not compounds:
            licensed_it(ctx, s)
            if "agreement" in s.low:
                licence_named_next(ctx, s, self.terminated)
            return
        exchange_licensee(ctx, s, compounds)
        if "in-licen" in s.low:
            possessive_in_licensed(ctx, s, compounds)
        if "agreement" in s.low:
            agreement_for_development(ctx, s)

    def emit_licence(self, ctx: RuleContext, s: Sent, comp: M, target: M, weak: bool) -> None:
        """LICENSED_TO (with its terms) of ``target`` and its coordinated compounds to ``comp``, and
        DEVELOPED_BY where the licence grants development; ``weak``: only "an agreement with C for X" said
        it (rule ``licensee_agreement``)."""
        lo, _ = ctx.clause_bounds(s, min(comp.start, target.start) - s.start, comp.end - s.start)
        if self.terminated.search(s.low, lo, max(comp.end, target.end) - s.start):
            return  # a terminated licence gives no LICENSED_TO (the partnership stays)
        members = ctx.group(s, target) if not CLAUSE_BREAK.search(s.between(comp, target)) else [target]
        if in_parenthesis_on(s, comp, target):
            members = [target]  # "X (licensed to B in Asia) and Y": the parenthesis is X's alone
        attrs = self.licence_attrs(ctx, s, comp, target)
        rule = "licensee_agreement" if weak else "licensee_cue"
        # a licensee that receives development rights develops the compound too (commercial rights: not)
        develops = bool(
            DEVELOPMENT.search(_COMPANY_APPOSITION.sub("", s.between(comp, target)))
            or _FOR_DEVELOPMENT.match(s.low[max(comp.end, target.end) - s.start :])
            or self.development_rights(ctx, s, comp, target)
            or self.unlimited_rights(ctx, s, comp, target)
            or self.licensed_before(ctx, s, comp, target)
        )
        for g in members:
            dist = abs(comp.start - g.start)
            ctx.emit(
                "LICENSED_TO",
                g.eid,
                comp.eid,
                s,
                rule,
                dist,
                prior="licensee_cue",
                attrs=attrs,
            )
            if develops:
                ctx.emit("DEVELOPED_BY", g.eid, comp.eid, s, "developer_licensee", dist)

    def in_licensed(self, ctx: RuleContext, s: Sent, licensee: M, compounds: list[M]) -> bool:
        """ "B in-licensed X (from A)", "B licensed X from A", "X, which B licensed from A": B is the
        licensee, A the licensor."""
        b = licensee.end - s.start
        m = _IN_LICENSED.match(s.low[b : b + 110])
        if m is None:
            return False
        after = [x for x in compounds if x.start - s.start == b + m.end()]
        frm = [
            c
            for c in s.of("COMPANY", virtual=False)
            if c.start > licensee.end
            and re.search(r"\bfrom\s+(?:the\s+)?$", s.low[: c.start - s.start][-12:])
        ]
        if after and (m.group(1) or (frm and after[0].end <= frm[0].start)):
            targets = ctx.group(s, after[0])
        elif not after and s.low[b + m.end() :].startswith("from"):
            # "X, which B licensed from A": the compound the relative clause is about
            prev = [x for x in compounds if x.end <= licensee.start]
            if not prev or not re.search(
                r"^\s*(?:\([^()]*\)\s*)?,\s*(?:which|that)\s+$",
                s.low[prev[-1].end - s.start : licensee.start - s.start],
            ):
                return False
            targets = [prev[-1]]
        else:
            return False
        attrs = {"licensor": frm[0].eid} if frm else {}
        # the licence's words run to the later of the compound and the licensor ("X, which B in-licensed
        # from A for distribution in Japan": limited)
        last = frm[0] if frm and frm[0].end > targets[0].end else targets[0]
        develops = self.development_rights(ctx, s, licensee, targets[0]) or self.plain_licence(
            ctx, s, m.group(0), last
        )
        for x in targets:
            emit_licensee(ctx, s, x.eid, licensee.eid, develops, abs(x.start - licensee.start), attrs)
        return True

    def licensed_x_to(self, ctx: RuleContext, s: Sent, licensee: M, compounds: list[M]) -> bool:
        """ "A licensed X (and Y) to B", "A out-licensed X to B": B is the licensee of X."""
        a = licensee.start - s.start
        if not re.search(r"\bto\s+(?:the\s+)?$", s.low[max(0, a - 8) : a]):
            return False
        before = [x for x in compounds if x.end <= licensee.start]
        if not before:
            return False
        first = ctx.group(s, before[-1])[0]
        lead = s.low[max(0, first.start - s.start - 90) : first.start - s.start]
        verb = (
            _LICENSED_X.search(lead)
            or self.sold_rights.search(lead)
            # "A sells its X rights to B": a sale verb right before the compound, a rights noun after it
            or (self.sold_before.search(lead) if "rights" in s.between(before[-1], licensee) else None)
            or earlier_licence_to(s, first, (_LICENSED_X, _X_TO))  # "licensed X to B and Y to C"
        )
        if verb is None or self.royalty.search(verb.group(0)):
            return False  # "A sold its royalty rights on X to B": B buys a royalty, not a licence
        gap = s.between(before[-1], licensee)
        for o in s.of("COMPANY", virtual=False):  # other licensees in the gap stand as one mark
            if before[-1].end <= o.start and o.end <= licensee.start:
                gap = gap.replace(s.low[o.start - s.start : o.end - s.start], "\x00", 1)
        lo, hi = ctx.clause_bounds(s, first.start - s.start, licensee.end - s.start)
        if self.terminated.search(s.low, lo, hi):
            return True  # "the license of X to B was terminated": no licence (the partnership stays)
        gap = self.object_head.sub("", gap, count=1)  # "the license of its X program to B"
        if ctx.negated(s, first, licensee) or not (
            _X_TO.match(gap)
            or _AND_TO.match(gap)
            or (_X_RIGHTS_TO.match(gap) and not self.royalty.search(gap))
        ):
            return False
        develops = self.development_rights(ctx, s, licensee, before[-1]) or self.plain_licence(
            ctx, s, verb.group(0) + " " + gap, licensee
        )
        for x in ctx.group(s, before[-1]):
            ctx.emit("LICENSED_TO", x.eid, licensee.eid, s, "licensee_cue", abs(x.start - licensee.start))
            if develops:
                ctx.emit(
                    "DEVELOPED_BY",
                    x.eid,
                    licensee.eid,
                    s,
                    "developer_licensee",
                    abs(x.start - licensee.start),
                )
        return True

    def development_rights(self, ctx: RuleContext, s: Sent, licensee: M, target: M) -> bool:
        """ "Rights to develop and commercialize X were granted to B", "... to B, which will have exclusive
        rights to develop it": the licence clause grants development rights (none that a party retains)."""
        lo = min(licensee.start, target.start) - s.start
        hi = max(licensee.end, target.end) - s.start
        start, end = ctx.clause_bounds(s, lo, hi)
        stop = self.scope_end.search(s.low, hi, end)
        clause = s.low[start : stop.start() if stop else end]
        if _WHICH_DEVELOPS.match(s.low, licensee.end - s.start):
            return True  # "... to B, which is developing it in China"
        return bool(_RIGHTS_TO_DEVELOP.search(clause)) and not re.search(r"\bretain", clause)

    def unlimited_rights(self, ctx: RuleContext, s: Sent, licensee: M, target: M) -> bool:
        """ "B received exclusive worldwide rights to X", "A grants B a license to X": rights to the compound
        that no word limits (marketing, commercialization, an option; before the compound or just after it,
        "rights to X for commercialization in Japan") are all its rights, development among them."""
        between = s.between(licensee, target)
        if licensee.start > target.start or not self.whole_rights.search(between):
            return False
        _, end = ctx.clause_bounds(s, target.end - s.start, target.end - s.start)
        after = s.low[target.end - s.start : min(end, target.end - s.start + 60)]
        # "B exercised its option to license X": an exercised option is the licence, no limit of it
        between = _EXERCISED_OPTION.sub(" ", between)
        return not self.rights_limited.search(between + " " + after)

    def licensed_before(self, ctx: RuleContext, s: Sent, licensee: M, target: M) -> bool:
        """ "X was licensed to B in 2019", "X, out-licensed to B": the compound before the licence verb, a
        licence no word limits (``plain_licence``)."""
        if target.end > licensee.start or not _LICENSED_TO_BEFORE.search(s.between(target, licensee)):
            return False
        t = target.start - s.start
        if _DEVELOPMENT_RIGHTS_TO.search(s.low[max(0, t - 70) : t]):
            return True  # "development and commercial rights to X are licensed to B"
        return self.plain_licence(
            ctx, s, s.low[max(0, t - 60) : t] + " " + s.between(target, licensee), licensee
        )

    def plain_licence(self, ctx: RuleContext, s: Sent, said: str, last: M) -> bool:
        """A licence that no word limits (``licence_paid_rights.plain_licence``)."""
        return plain_licence(ctx, s, said, last, self.rights_limited, self.scope_end)

    def licence_attrs(self, ctx: RuleContext, s: Sent, licensee: M, target: M) -> dict[str, Any]:
        """exclusive, territory and licensor of a licence statement, from its clause."""
        lo = min(licensee.start, target.start) - s.start
        hi = max(licensee.end, target.end) - s.start
        start, end = ctx.clause_bounds(s, lo, hi)
        stop = self.scope_end.search(s.low, hi, end)
        if stop:
            end = stop.start()
        clause = s.low[start:end]
        attrs: dict[str, Any] = {}
        if self.non_exclusive.search(clause):
            attrs["exclusive"] = False
        elif self.exclusive.search(clause):
            attrs["exclusive"] = True
        terr = ctx.places.scope(s.text[start:end])
        if terr:
            attrs["territory"] = terr
        others = [
            c for c in s.of("COMPANY") if c.eid != licensee.eid and not ctx.parenthetical_affiliate(s, c)
        ]
        frm = [
            c
            for c in others
            if re.search(r"\bfrom\s+(?:the\s+)?$", s.low[max(0, c.start - s.start - 12) : c.start - s.start])
        ]
        before = [c for c in others if c.end <= licensee.start and c.start - s.start >= start]
        if frm:
            attrs["licensor"] = frm[0].eid
        elif before:
            attrs["licensor"] = before[-1].eid
        return attrs
