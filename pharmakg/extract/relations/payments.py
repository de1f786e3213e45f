"""PAYMENT: money amounts in a deal sentence with their kind (upfront, milestone, ...), payer and payee, the
event they are tied to (trigger), status, and contingency ("eligible to receive up to $X": recorded, not a
payment made). A payment also implies a partnership between payer and payee."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.breaks import ABBREVIATION_DOT
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.payment_amounts import Amount, AmountReader, AmountSpans
from pharmakg.extract.relations.payment_frames import PaymentFrames
from pharmakg.extract.relations.payment_parties import (
    counterpart,
    each_payers,
    joint_payees,
    licence_sides,
    record_payment,
    subject_after,
)
from pharmakg.extract.relations.payment_triggers import TriggerReader
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent

# a clause break inside a payment sentence; "Inc. " / "Co., Ltd. " are not one
_GAP_BREAK = re.compile(r";|(?<!inc)(?<!ltd)(?<!corp)(?<!co)(?<!\b[a-z])\." + ABBREVIATION_DOT + r"\s")
# "Under the terms, Helix will receive:" a sentence that ends on the verb and a colon introduces its list
_LIST_INTRO = re.compile(r"\s*:\s*$")
# "at $27.43/share", "$0.47 per share": a price per share, not a sum paid between the companies
_PER_SHARE = re.compile(r"\s*(?:/\s*|per\s+|a\s+)(?:ordinary\s+|common\s+)?share\b")
_PASSIVE_PAID = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:paid|reimbursed)\b")
_PREPOSITION_END = re.compile(r"\b(?:by|from|with|to|of|for|between|under)\s+(?:the\s+)?$")


@relation_rule("payments", min_mentions=0)
class Payments:
    def __init__(self, cues: dict[str, Any]) -> None:
        pay = cues["payments"]
        self.reader = AmountReader(pay)
        self.triggers = TriggerReader(pay)
        self.frames = PaymentFrames(pay)
        self.contingent_before = words_regex(pay["contingent_before"])
        self.unless_paid = set(pay["contingent_unless_paid"])
        self.paid_verbs = words_regex(pay["paid_verbs"])
        self.not_yet = words_regex(pay["not_yet_words"])
        # "would" (a reported term), "entitled" (a right to a sum): not contingent for a sum due at signing
        self.reported_modals = set(pay["reported_modals"]) | set(pay.get("owed_words", []))
        # "$60 million upfront, including $40 million in cash and a $20 million equity investment": a total
        # when the amounts its parts word introduces add up to it
        self.parts_intro = re.compile(
            r"\s*(?:[\w-]+(?:\s+|(?=,))){0,5}?,?\s*(?:" + alternation(pay["total_before_parts"]) + r")\s",
            re.IGNORECASE,
        )
        self.parts_words = words_regex(pay["total_before_parts"])
        self.contingent_fronted = re.compile(pay.get("contingent_fronted", "(?!)"))
        self.acquisition_price = re.compile(r"(?<![\w-])(?:" + "|".join(pay["acquisition_price"]) + r")")
        after = [alternation(pay["contingent_after"]), *pay.get("contingent_after_patterns", [])]
        self.contingent_after = re.compile(
            r"^\s*(?:\([^)]*\)\s*)?(?:" + "|".join(after) + r")\b", re.IGNORECASE
        )
        # "$50 million (from A), of which $25 million ...": a total whose parts follow
        self.total_before_parts = re.compile(
            r"\s*(?:(?:from|by)\s+[^,;$]{1,60}?)?,?\s*(?:"
            + alternation(pay.get("total_before_parts", []))
            + r")\s+(?:an?\s+)?(?:US)?\$",
            re.IGNORECASE,
        )
        self.kinds = self.frames.kinds
        # "newly issued shares": an adjective, not the verb of an issuer that is paid
        self.payee_before = re.compile(
            r"(?<!newly\s)\b(?:" + alternation(pay["payee_before_amount"]) + r")\b"
        )
        self.payer_before = re.compile(r"\b(?:" + alternation(pay["payer_before_amount"]) + r")\b")
        self.pay_verb_end = re.compile(r"\b(?:" + alternation(pay["payee_after_pay_verb"]) + r")\s*$")
        # "from Nasdaq-listed B", "from partner B": a descriptor between the marker and the name
        descriptor = (
            r"(?:(?:[\w.&]+-(?:"
            + alternation(pay["party_descriptor_suffixes"])
            + r")|(?:[\w-]+\s+)?(?:"
            + alternation(pay["party_descriptor_nouns"])
            + r"))\s+)?"
        )
        self.payee_marker = re.compile(
            r"\b(?:" + "|".join(pay["payee_marker"]) + r")\s+(?:the\s+)?" + descriptor + "$"
        )
        self.payer_marker = re.compile(
            r"\b(?:" + "|".join(pay["payer_marker"]) + r")\s+(?:the\s+)?" + descriptor + "$"
        )
        # "a $3 million milestone was received by B from A": B, after a receiving verb's "by", is the payee
        self.received_by = re.compile(
            r"\b(?:" + alternation(pay["payee_passive_verbs"]) + r")\s+by\s+(?:the\s+)?" + descriptor + "$"
        )
        # "X was licensed by A to B earlier this year for a payment of $X": B, given the rights, pays for them
        self.rights_to = re.compile(
            r"\b(?:"
            + alternation(pay["rights_to_verbs"])
            + r")\b[^$;]{0,60}?\bto\s+(?:the\s+)?"
            + descriptor
            + "$"
        )
        self.rights_by = re.compile(r"\b(?:" + alternation(pay["rights_to_verbs"]) + r")\s+by\s+(?:the\s+)?$")
        # "an upfront payment to B of $X": B, between "payment to" and "of", is the payee
        # "an upfront payment from A to B of $X": also with its payer named before "to"
        self.payee_before_of = re.compile(
            r"\b(?:"
            + alternation(pay["payee_before_of"])
            + r")\s+(?:from\s+[^,;$]{1,60}?\s+)?to\s+(?:the\s+)?"
            + descriptor
            + "$"
        )
        # "an equity investment of $X in B": B, after "in", is the payee of an investment
        self.investment = words_regex(pay["investment_words"])
        # "... of $X in B", "a $X equity stake in B": up to three words between the amount and "in"
        self.invested_in = re.compile(r"^\s*\)?\s*(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?" + descriptor + "$")
        self.status = [(words_regex([w]), st) for w, st in pay["status"]]

    def contingent_words(self, s: Sent, clause_start: int, a: int, kind: str | None) -> bool:
        """Whether a word before the amount at s.text[a:] makes it potential ("up to", "eligible"). A size
        word ("totaling") is not one after a verb of payment made ("has received upfront payments totaling
        $X"), nor is a reported "would" for a sum due at signing ("B would make an upfront payment of $X")."""
        found = {m.group(0) for m in self.contingent_before.finditer(s.low[max(clause_start, a - 45) : a])}
        if found and found <= self.unless_paid:
            return not self.paid_before(s, a)
        if found and found <= self.reported_modals:
            return kind not in _LICENCE_KINDS
        return bool(found)

    def paid_before(self, s: Sent, a: int) -> bool:
        """Whether the amount at s.text[a:] is the object of a verb of payment made in its clause, with no
        future or modal word after the verb ("has received $35 million in development milestones"; not
        "paid $50 million upfront and will pay $300 million in milestones")."""
        base = max(0, a - 100)
        start = max([base] + [base + x.end() for x in re.finditer(r"[;:]\s|\.\s", s.low[base:a])])
        verbs = list(self.paid_verbs.finditer(s.low, start, a))
        if not verbs or _TO_BE.search(s.low, max(0, verbs[-1].start() - 12), verbs[-1].start()):
            return False  # "will be paid $8 million if ...": a future passive, not a payment made
        return not self.not_yet.search(s.low, verbs[-1].end(), a)

    def part_of_total(self, between: str) -> bool:
        """Whether an amount after a total of parts, with ``between`` the text from the total to it, is one of
        its parts: in the same clause, with no verb of paying or receiving of its own."""
        if _GAP_BREAK.search(between) or len(between) > 150:
            return False
        rest = self.parts_words.sub(" ", between)
        return not (self.payer_before.search(rest) or self.payee_before.search(rest))

    def parts_total(self, s: Sent, amounts: list[Amount], i: int) -> bool:
        """Whether amounts[i] is a total whose parts follow it in the same clause: a parts word after it
        ("upfront, including") and two or more amounts after that which add up to it (within 1%)."""
        a, b, _cur, _amount, value = amounts[i]
        intro = self.parts_intro.match(s.low, b)
        if value is None or intro is None or "$" in s.low[b : intro.end()]:
            return False
        parts, end = 0.0, intro.end()
        for k, (pa, pb, _c, _x, pv) in enumerate(amounts[i + 1 :]):
            if pv is None or _GAP_BREAK.search(s.low[end:pa]):
                return False
            parts, end = parts + pv, pb
            if k >= 1 and abs(parts - value) <= 0.01 * value:
                return True
        return False

    def equity_included(self, s: Sent, amounts: list[Amount], i: int) -> bool:
        """Whether amounts[i] is a total whose one stated part, introduced by "including", is an equity
        purchase ("$80 million upfront, including a $20 million equity investment"): the part is its own
        PAYMENT, the total none (ANNOTATION.md, payments: parts, not totals)."""
        if i + 1 >= len(amounts):
            return False
        a, b = amounts[i][:2]
        na, nb = amounts[i + 1][:2]
        if not _INCLUDED.match(s.low[b:na]) or len(amounts) > i + 2 and _AND_AMOUNT.match(s.low[nb:]):
            return False
        kind = next((k for rx, k in self.kinds if rx.search(s.low[nb : nb + 40])), None)
        own = next((k for rx, k in self.kinds if rx.search(s.low[max(0, a - 30) : a])), None)
        return kind == "equity purchase" and own != "equity purchase"

    def potential_part(self, s: Sent, potential_end: int, a: int, kind: str | None) -> bool:
        """Whether the amount at s.text[a:] is a part of the potential sum ending at potential_end ("up to
        $400 million in milestones, including $120 million in development milestones"); a sum due at signing
        is not ("worth up to $90 million, including $4 million upfront")."""
        return (
            potential_end >= 0
            and kind not in _LICENCE_KINDS
            and bool(self.parts_words.search(s.low, potential_end, a))
            and self.part_of_total(s.low[potential_end:a])
        )

    def contingent(self, s: Sent, a: int, b: int, kind: str | None, companies: Sequence[M] = ()) -> bool:
        """Whether the amount at s.text[a:b] is only potential: a contingent word before it in its clause
        ("up to"), one after it ("in milestones"), or after the party named right after it ("$8 million by
        B if the trial succeeds"), unless a verb of payment made precedes it; or a fronted condition ("if B
        exercises its option, ...")."""
        w = max(0, a - 62)  # only breaks ending past a - 60 count: look there, not from the start
        clause_start = max([0, a - 60] + [w + x.end() for x in re.finditer(r"[;,:]\s|\.\s", s.low[w:a])])
        afters = [b] + [
            c.end - s.start
            for c in companies
            if b <= c.start - s.start <= b + 30 and _PARTY_AFTER.match(s.low[b : c.start - s.start])
        ]
        return bool(
            self.contingent_words(s, clause_start, a, kind)
            or (
                any(self.contingent_after.match(s.low[x : x + 40]) for x in afters)
                and not self.paid_before(s, a)
            )
            or self.contingent_fronted.search(s.low[max(0, a - 150) : a])
        )

    def parties(self, s: Sent, companies: list[M], a: int, b: int) -> tuple[M | None, M | None]:
        """(payer, payee) of the amount at s.text[a:b], from the companies named around it."""
        payer = payee = None
        for c in companies:
            ca, cb = s.local(c)
            if c.virtual and _ROLE_AFTER.match(s.low, cb):
                continue  # "Its partner will pay $40 million": not the company "its" stands for, its partner
            if cb <= a:
                gap = s.low[cb:a]
                if len(gap) > 80 or _GAP_BREAK.search(gap):
                    continue
                if _STAKE_FOR.match(gap) and self.frames.stake_in.search(s.low[max(0, ca - 40) : ca]):
                    payee = c  # "acquire a 7% equity stake in B for $X", "newly issued shares of B for $X"
                elif _OF_AMOUNT.match(gap) and self.payee_before_of.search(s.low[max(0, ca - 50) : ca]):
                    payee = payee or c  # "an upfront payment to B of $X": B is the payee
                elif _PASSIVE_PAID.search(gap):  # "B will be paid $X (by A)": B is the payee
                    payee = payee or c
                elif side := self.rights_side(s, companies, ca, gap):
                    # "licensed by A to B for $X", "bought 2 million shares of B common stock for $X"
                    payer, payee = (payer or c, payee) if side == "payer" else (payer, payee or c)
                elif self.pay_verb_end.search(s.low[max(0, ca - 12) : ca]) and not self.payer_before.search(
                    gap
                ):
                    payee = payee or c  # "..., and will pay B an upfront payment of $X": B, the verb's object
                elif _RIGHTS_TAKEN.search(gap) and not self.payer_before.search(gap):
                    payer = payer or c  # "B obtained exclusive rights to X from A for $X": B takes, B pays
                elif self.payee_before.search(gap) and not self.payer_before.search(gap):
                    # "funding by A, B will receive": a company after a preposition is not the verb's subject;
                    # "A announced that its subsidiary B received $X": the receiver is B, nearer the verb
                    verb = next(self.payee_before.finditer(gap)).start() + cb
                    if not _PREPOSITION_END.search(s.low[max(0, ca - 16) : ca]) and not subject_after(
                        s, companies, c, verb
                    ):
                        payee = payee or c
                elif (
                    self.payer_before.search(gap)
                    and not self.pay_verb_end.search(s.low[max(0, ca - 12) : ca])
                    and not _PREPOSITION_END.search(s.low[max(0, ca - 16) : ca])
                ):
                    # "a payment of $X to A and will purchase A shares", "licensed X from A, paying $Y": A,
                    # after a preposition, is no payer
                    # "A will pay B $X and will purchase $Y": B, the object of "pay", is no payer
                    payer = c
                    if payee is None:
                        rest = [x for x in companies if x.start > c.end and x.end - s.start <= a]
                        if rest and self.pay_verb_end.search(s.low[cb : rest[0].start - s.start]):
                            payee = rest[0]
            elif ca >= b:
                gap = s.low[b:ca]
                if len(gap) > 80 or _GAP_BREAK.search(gap):
                    continue
                if self.payee_marker.search(gap) or self.received_by.search(gap):
                    payee = payee or c
                elif self.payer_marker.search(gap):
                    payer = payer or c
                elif self.invested_in.match(gap) and self.investment.search(s.low[max(0, a - 60) : ca]):
                    payee = payee or c  # "an equity investment of $X in B", "a $X equity stake in B"
                elif _RELATIVE.match(gap) and self.pay_verb_end.search(gap):
                    payee = payee or c  # "the $X upfront payment, which A paid B in January": B, the object
        return payer, payee

    def rights_side(self, s: Sent, companies: list[M], ca: int, gap: str) -> str | None:
        """ "payer" or "payee" for the company at s.low[ca:] whose ``gap`` to the amount ends "for $X": the
        taker of rights ("licensed by A to B earlier this year for $X": B pays), their giver ("licensed by
        A": A is paid), the issuer of shares bought ("shares of B common stock for $X", not "to acquire")."""
        if _SHARES_FOR.match(gap):
            return None if self.acquisition_price.search(s.low[max(0, ca - 100) : ca]) else "payee"
        if not _FOR_AMOUNT.search(gap):
            return None
        if self.rights_by.search(s.low[max(0, ca - 30) : ca]):
            return "payee"
        if self.frames.bought_from.search(s.low, max(0, ca - 150), ca):
            return "payee"  # "acquired the U.S. rights to X from A for $60 million": A sold them
        rights = self.rights_to.search(s.low, max(0, ca - 90), ca)
        if rights is None:
            return None
        # "licensed by [a name the reader did not find] to B": B pays, but whom would be a guess
        giver = _BY.search(s.low, rights.start(), ca)
        if giver is None or any(giver.end() <= o.start - s.start < ca for o in companies):
            return "payer"
        return None

    def list_intro(self, ctx: RuleContext, s: Sent) -> tuple[M | None, M | None]:
        """(payer, payee) named by the sentence that introduces this one as an item of its list ("Helix will
        receive:" then "An upfront payment of $50 million ..."): the list's amounts are that verb's."""
        prev = ctx.sents[s.index - 1] if s.index > 0 else None
        if prev is None or not _LIST_INTRO.search(prev.low):
            return None, None
        end = len(prev.low.rstrip().rstrip(":"))
        who = [c for c in prev.of("COMPANY") if c.end - prev.start <= end]
        if not who:
            return None, None
        verb = prev.low[who[-1].end - prev.start : end]
        if len(verb) > 40 or self.payer_before.search(verb):
            return (who[-1], None) if len(verb) <= 40 else (None, None)
        return (None, who[-1]) if self.payee_before.search(verb) else (None, None)

    def sides(
        self,
        ctx: RuleContext,
        s: Sent,
        companies: list[M],
        a: int,
        b: int,
        kind: str | None = None,
        met: bool = False,
    ) -> tuple[list[str], list[str]] | None:
        """(payer ids, payee ids) of the amount at s.text[a:b]; the side the text leaves unnamed is the
        counterpart (another company of the sentence or its neighbours, the issuer, the main partner).
        ``met``: the amount is a milestone the sentence states as met ("The $3 million milestone is triggered
        by the first dosing"): with no company named, its payer is the licensee of the one licence."""
        payer, payee = self.parties(s, companies, a, b)
        if (
            payer is not None
            and payee is not None
            and payer.eid == payee.eid
            and payer.virtual != payee.virtual
        ):
            # "the company will make a payment to B of $X" where "the company" was read as B: the anaphor is
            # the other party (the counterpart below), not the company the text names as payee or payer
            payer, payee = (None, payee) if payer.virtual else (payer, None)
        here = payer is not None or payee is not None
        if not here:
            payer, payee = self.list_intro(ctx, s)
        known = payer or payee
        if known is None:
            # "The deal includes $40 million upfront": the licensee of the one licence pays its licensor
            if kind in _LICENCE_KINDS or met:
                return licence_sides(ctx) or (self.frames.announced_milestone(ctx, s) if met else None)
            return None
        # "A and B will jointly receive $X": one payment per named payee, with the joint amount
        payees = (joint_payees(ctx, s, payee, a) if here else [payee]) if payee is not None else []
        # "A and B have each agreed to purchase $X": one payment per payer
        payers = (each_payers(ctx, s, payer, a) if here else [payer]) if payer is not None else []
        if payer and payee:
            ids = [p.eid for p in payees]
            return ([p.eid for p in payers], ids) if payer.eid not in ids else None
        also = {p.eid for p in payees} | {p.eid for p in payers}
        other = counterpart(ctx, s, companies, known, payee is None, also)
        if other is None:
            return None
        payer_ids = [p.eid for p in payers] if payers else [other]
        payee_ids = [p.eid for p in payees] if payees else [other]
        return (payer_ids, payee_ids) if not set(payer_ids) & set(payee_ids) else None

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if not s.ms and ("$" not in s.text or not any(w in s.low for w in _LICENCE_KIND_GATE)):
            return  # a sentence naming no company pays only for the one licence, in dollars (cheap gates)
        amounts = self.reader.amounts(s.text)
        if not amounts:
            return
        spans = AmountSpans(amounts)
        # where acquisition prices are named: found once per sentence (per amount it was quadratic)
        price_starts = [x.start() for x in self.acquisition_price.finditer(s.low)]
        companies = list(s.of("COMPANY"))
        last: tuple[int, tuple[list[str], list[str]]] | None = None  # end and parties of the previous amount
        paid_end = -1  # end of the last amount recorded as a payment made
        parts_of: tuple[int, tuple[list[str], list[str]]] | None = None  # end and parties of a total of parts
        potential_end = -1  # end of the last amount read as potential (its parts are potential too)
        for i, (a, b, currency, amount, value) in enumerate(amounts):
            if paid_end >= 0 and _INCLUDED.match(s.low[paid_end:a]):
                continue  # "$30 million upfront, including $5 million as ...": a share of the sum before
            if _PER_SHARE.match(s.low, b):
                continue
            window = s.low[max(0, a - 50) : b + 50]
            kind = next((k for rx, k in self.kinds if rx.search(window)), None)
            if (
                self.total_before_parts.match(s.text, b)
                or self.parts_total(s, amounts, i)
                or self.equity_included(s, amounts, i)
            ):
                # a total whose parts follow is no payment of its own; its parties are the parts' parties
                total_sides = self.sides(ctx, s, companies, a, b)
                last = (b, total_sides) if total_sides else last
                parts_of = (b, total_sides) if total_sides else None
                if self.contingent(s, a, b, kind, companies):
                    potential_end = b
                continue
            contingent = self.contingent(s, a, b, kind, companies)
            if contingent:
                potential_end = b
            contingent = contingent or self.potential_part(s, potential_end, a, kind)
            trig = self.triggers.trigger(ctx, s, a, b, spans)
            kind, revenue = self.frames.kind_of(s, companies, a, b, kind, trig, price_starts)
            if kind is None:
                continue
            met = kind == "milestone" and not contingent and bool(self.frames.met.search(s.low))
            sides = self.sides(ctx, s, companies, a, b, kind, met)
            if parts_of is not None and self.part_of_total(s.low[parts_of[0] : a]):
                sides = parts_of[1]  # "$25 million, made up of a $15 million fee and ...": its parties
            if sides is None and isinstance(revenue, M):
                # "Collaboration revenue from B was $14 million": B paid it to the other party
                other = counterpart(ctx, s, companies, revenue, False)
                sides = ([revenue.eid], [other]) if other and other != revenue.eid else None
            if sides is None and last is not None and not _GAP_BREAK.search(s.low[last[0] : a]):
                sides = last[1]  # "$30 million, comprising a $20 million cash payment and a $10 million ..."
            if sides is None:
                continue
            last = (b, sides)
            payer_ids, payee_ids = sides
            status = next((st for rx, st in self.status if rx.search(s.low[max(0, a - 80) : b + 40])), None)
            attrs: dict[str, Any] = {"currency": currency, "amount": amount, "kind": kind}
            if trig:
                attrs["trigger"] = trig
            if status:
                attrs["status"] = status
            if contingent:
                # "eligible to receive up to $X": recorded (graph), not a payment made; to_contract lists it
                # under "contingent_payments", outside the scored relations
                attrs["status"] = "contingent"
            elif value is None:
                attrs["status"] = attrs.get("status") or "unconverted"
            paid_end = -1 if contingent else b
            named = all(self.parties(s, companies, a, b))
            for payer_id, payee_id in ((x, y) for x in payer_ids for y in payee_ids):
                record_payment(ctx, s, payer_id, payee_id, value, attrs, contingent, named)


# right before a verb of payment made, a future or infinitive passive: "will be paid", "is to be paid"
_TO_BE = re.compile(r"\b(?:be|will|would|shall|to)\s+$")
# after a possessive pronoun read as a company: a role noun that names its counterpart ("its partner")
_ROLE_AFTER = re.compile(r"\s+(?:partners?|licensees?|licensors?|collaborators?|collaboration\s+partners?)\b")
# a receiving verb whose object is rights: its subject takes a licence and pays for it
_RIGHTS_TAKEN = re.compile(
    r"\b(?:obtain|obtains|obtained|secure|secures|secured|get|gets|got|receive|receives|received|gains?|gained)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:rights?|licen[cs]es?)\b"
)
# between an amount and the party named right after it: "$8 million by B (if ...)", "$5 million from B"
_PARTY_AFTER = re.compile(r"^\s*(?:by|from|to)\s+(?:the\s+|its\s+partner\s+)?$")
# between the issuer of a stake and its price: "a 7% stake in B for $X", "shares of B for approximately $X"
_STAKE_FOR = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?for\s+(?:approximately\s+|about\s+|around\s+|an?\s+)?(?:total\s+|aggregate\s+)?(?:(?:purchase\s+)?price\s+of\s+)?$"
)
# between an amount and the object of a relative clause's pay verb: "$X, which A paid B", "$X that A paid B"
_RELATIVE = re.compile(r"^[^$;]{0,20}?\b(?:which|that)\s")
# between a company and the amount it is paid: "a payment to B of $X", "... to B of up to $X", "Upfront
# payment to B: $X" (a term sheet's label)
_OF_AMOUNT = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:of\s+|:\s*)(?:up\s+to\s+)?(?:an?\s+)?$")
# between a sum paid and a share of it: "$30 million upfront payment (about £22 million) including $5 million"
_INCLUDED = re.compile(
    r"^[^.;$]{0,60}?\bincluding\s+(?:the\s+(?:purchase|sale|issuance)\s+of\s+)?(?:an?\s+)?(?:(?:US|U\.S\.)\s?)?$"
)
# between the issuer of shares and their price: "shares of B common stock for approximately $X"
_SHARES_FOR = re.compile(
    r"^(?:'s|’s|'|’)?\s*(?:newly\s+issued\s+)?(?:common\s+|ordinary\s+|preferred\s+)?(?:stock|shares)\b"
    r"[^$;]{0,30}?\b(?:for|worth|valued\s+at)\s+(?:approximately\s+|about\s+|an?\s+)?"
    r"(?:aggregate\s+(?:purchase\s+)?price\s+of\s+)?$"
)
_BY = re.compile(r"\bby\s")
# between the taker of rights and the sum it gives: "... to B earlier this year for an upfront payment of"
_FOR_AMOUNT = re.compile(r"^[^$;]{0,60}?\b(?:for|in\s+exchange\s+for)\b[^$;]{0,40}$")
# after the first part of a total: "..., including $X in cash and $Y in stock" (two parts, not one)
_AND_AMOUNT = re.compile(r"^[^.;$]{0,60}?\band\s+(?:an?\s+)?(?:(?:US|U\.S\.)\s?)?\$")
# the kinds of sum a licensee pays its licensor for the licence itself
_LICENCE_KINDS = ("upfront", "license fee", "equity purchase")
# words one of which a sentence naming no company must hold to state such a sum ("up-front", "equity")
_LICENCE_KIND_GATE = ("front", "equity", "fee", "signing", "shares", "stock", "milestone")
