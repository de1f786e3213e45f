"""Frames of money the payment sentences state besides a verb of paying: a revenue figure and its source
("Collaboration revenue from B was $14 million"), a sale of assets between two companies ("B acquired the U.S.
rights to X from A for $60 million"), and a milestone the issuer announces as met in a sentence that names no
company ("The $3 million milestone is triggered by the first dosing"); and the kind of an amount those and the
verbs and frames around it name. Cue data: relation_cues.json payments
(revenue_nouns, buy_from_verbs, sell_to_verbs, milestone_met_words)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.sentence import RuleContext, Sent

# between a price and the company it buys: "$2 billion for C", "$2 billion in cash to acquire C"
_FOR_COMPANY = re.compile(r"^\s*(?:in\s+(?:cash|stock)\s+)?(?:for|to\s+acquire)\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"\s*(?:'|’)")
# the revenue noun, then its source: "revenue from B", "collaboration revenues earned from B" (not "sales
# of X, licensed from B, of $1 billion": a source must follow the noun within a few words)
_SOURCE = re.compile(r"^[\w-]+(?:\s+[\w-]+){0,3}?\s+from\s+(?:the\s+)?$")
# between a revenue figure and its source: "revenue of $3 million from B", "$3 million in 2020 from B"
_PARTY_FROM = re.compile(r"^\s*(?:[\w-]+\s+){0,4}?from\s+(?:the\s+|its\s+partner\s+)?$")
# a verb of paying right before a bare sum: "Helix received $5 million upon ...", the sum a payment
_PAID_AMOUNT = re.compile(
    r"\b(?:paid|pays|pay|received|receives|(?:will|to)\s+receive|earned|earns)\s+(?:[\w-]+\s+){0,2}?(?:an?\s+)?$"
)
# "a payment (from A) to B of $X": the frame whose noun names the amount's kind
_NOUN_TO_OF = re.compile(
    r"\b(?:payments?|fees?)\s+(?:from\s+[^,;$]{1,60}?\s+)?to\s+[^,;$]{1,60}?\s+of\s+(?:an?\s+)?$"
)


class PaymentFrames:
    """The frames, built once from the "payments" cues."""

    def __init__(self, pay: dict[str, Any]) -> None:
        self.kinds = [(words_regex([w, w + "s"]), k) for w, k in pay["kinds"]]
        self.met = words_regex(pay["milestone_met_words"])
        # "a 7% equity stake in B for $X", "2 million newly issued shares of B for $X": B issues, B is paid
        self.stake_in = re.compile(
            r"\b(?:" + alternation(pay["stake_nouns"]) + r")\s+(?:in|of)\s+(?:the\s+)?$"
        )
        buy, sell = alternation(pay["buy_from_verbs"]), alternation(pay["sell_to_verbs"])
        # "acquired the U.S. rights to X from A for $X", "sold its rights to X to B for $X": the verb, its
        # object, the other party and the price (group "obj": the object, which must name no company)
        self.asset_sale = re.compile(
            rf"\b(?:(?:{buy})\b(?P<obj>[^$;]{{1,120}}?)\bfrom|(?:{sell})\b(?P<obj2>[^$;]{{1,120}}?)\bto)\s+"
            r"[^$;]{1,60}?\bfor\s+(?:approximately\s+|about\s+|an?\s+(?:total\s+)?(?:purchase\s+)?price\s+of\s+)?"
            r"(?:(?:US|U\.S\.)\s?)?$"
        )
        self.bought_from = re.compile(rf"\b(?:{buy})\b[^$;]{{1,120}}?\bfrom\s+(?:the\s+)?$")
        self.revenue_before = re.compile(
            r"\b(?:"
            + alternation(pay["revenue_nouns"])
            + r")\b[^$;.]{0,45}?\s(?:of|was|were|totaled|totalled|"
            r"to|amounted\s+to|reached|is|are)\s+(?:approximately\s+|about\s+)?(?:(?:US|U\.S\.)\s?)?$"
        )

    def revenue_figure(self, s: Sent, companies: list[M], a: int, b: int) -> M | bool | None:
        """For an amount stated as a figure of revenue ("Revenue for the quarter was $12 million", "total
        revenues increased to $9 million"): the partner named as its source, its payer ("Collaboration revenue
        from B was $14 million", "revenue of $3 million from B"); else False (a company's revenue, a total of
        many sources, is no payment); None for an amount that is no revenue figure."""
        here = self.revenue_before.search(s.low, max(0, a - 60), a)
        if here is None:
            return None
        for c in companies:
            ca, cb = s.local(c)
            if here.start() < ca and cb <= a and _SOURCE.match(s.low[here.start() : ca]):
                return c
            if b <= ca and _PARTY_FROM.match(s.low[b:ca]):
                return c
        return False

    def asset_sale_at(self, s: Sent, companies: list[M], a: int) -> bool:
        """Whether the amount at s.text[a:] is the price of assets one company sells another ("B acquired the
        U.S. rights to X from A for $60 million", "A sold its rights to X to B for $35 million in cash"): no
        company is the object sold, and no shareholders are paid."""
        w = max(0, a - 220)
        m = self.asset_sale.search(s.low, w, a)
        if m is None or re.search(r"holders\b", s.low[m.start() : a]):
            return False
        oa, ob = m.span("obj") if m.group("obj") is not None else m.span("obj2")
        return not any(oa <= s.local(c)[0] < ob for c in companies)

    def kind_of(
        self,
        s: Sent,
        companies: list[M],
        a: int,
        b: int,
        kind: str | None,
        trig: str | None,
        price_starts: list[int],
    ) -> tuple[str | None, M | bool | None]:
        """(the kind of the amount at s.text[a:b], or None when it is no payment; the source company of a
        revenue figure): its window's kind word, else one its trigger, verb or frame names; None for an
        acquisition price or a revenue total."""
        if kind is None and trig:
            # "$X upon the achievement of certain development milestones"
            kind = next((k for rx, k in self.kinds if rx.search(trig.lower())), None)
        if kind is None and _PAID_AMOUNT.search(s.low[max(0, a - 40) : a]):
            kind = "payment"  # "Helix received $5 million upon ...": a payment named by its verb
        if kind is None and (far := _NOUN_TO_OF.search(s.low, max(0, a - 140), a)):
            # "an upfront payment from A to B of $X": the noun of the frame, further back than the window
            noun = s.low[max(0, far.start() - 20) : far.end()]
            kind = next((k for rx, k in self.kinds if rx.search(noun)), None)
        sale = self.asset_sale_at(s, companies, a)
        revenue = self.revenue_figure(s, companies, a, b)
        if revenue is False:
            return None, None  # "Revenue was $12 million, which included a $5 million milestone from B"
        kind = kind or ("revenue" if revenue else None) or ("asset purchase" if sale else None)
        if not sale and (
            any(a - 60 <= x <= b + 40 for x in price_starts) or self.company_bought(s, companies, b)
        ):
            return None, None  # an acquisition price paid to shareholders is no payment between the companies
        return kind, revenue

    @staticmethod
    def company_bought(s: Sent, companies: list[M], b: int) -> bool:
        """Whether the amount ending at s.text[b] is the price of a company named right after it ("B paid
        $2 billion for C in 2018"): an acquisition, paid to C's shareholders, not to C ("for C's rights" is no
        company's price)."""
        for c in companies:
            ca, cb = s.local(c)
            if b <= ca <= b + 30 and _FOR_COMPANY.match(s.low[b:ca]) and not _POSSESSIVE.match(s.low, cb):
                return True
        return False

    @staticmethod
    def announced_milestone(ctx: RuleContext, s: Sent) -> tuple[list[str], list[str]] | None:
        """([payer], [payee]) of a met milestone whose sentence names no company and whose document states no
        licence: the issuing company announces the milestone it earned ("Vernalis today announces the
        achievement of a milestone under its collaboration with B. The $3 million milestone is triggered by
        ..."), paid by the other company of its sentence or the sentences before that also name the issuer."""
        if ctx.main is None:
            return None
        for k in (s.index, s.index - 1, s.index - 2):
            if k < 0:
                break
            named = {c.eid for c in ctx.sents[k].of("COMPANY")}
            others = [c.eid for c in ctx.sents[k].of("COMPANY") if c.eid != ctx.main]
            if ctx.main in named and len(set(others)) == 1:
                return [others[0]], [ctx.main]
        return None
