"""The parties of a payment the text names only in part: the other side of a deal (the counterpart), the
licensee and licensor of the one licence, the members of a subject group that each pay or jointly receive,
and the receiver nearest its verb ("A announced that its subsidiary B received $X"); and the recording of a
payment with the partnership it implies."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.post import only_partner
from pharmakg.extract.relations.sentence import RuleContext, Sent
from pharmakg.model import matches_key

_EACH = re.compile(r"\beach\b")
# between two companies of one subject group: "A and B", "A, B and C", "A (NASDAQ: A) and B"
_COORDINATED = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:(?:and|&)\s+)?$")


def subject_after(s: Sent, companies: list[M], c: M, verb: int) -> bool:
    """Whether a company other than c, not coordinated with it, stands between c and the receiving verb at
    s.text[verb:] ("A announced that its subsidiary B received $X": B, not A, is the verb's subject)."""
    for o in companies:
        if o.eid != c.eid and o.start >= c.end and o.end - s.start <= verb:
            if not _COORDINATED.match(s.low[c.end - s.start : o.start - s.start]):
                return True
    return False


def licence_sides(ctx: RuleContext) -> tuple[list[str], list[str]] | None:
    """([licensee], [licensor]) of the one licence the document has stated so far (one licensee, one
    licensor: named with the licence, else the licensee's one partner), else None."""
    pairs = set()
    for (t, _x, licensee, _v), rel in ctx.out.items.items():
        if t != "LICENSED_TO" or licensee is None:
            continue
        licensor = rel.attrs.get("licensor") or only_partner(ctx, licensee)
        if licensor is None or licensor == licensee:
            return None
        pairs.add((licensee, licensor))
    if len(pairs) != 1:
        return None
    licensee, licensor = pairs.pop()
    return [licensee], [licensor]


def each_payers(ctx: RuleContext, s: Sent, payer: M, amount_start: int) -> list[M]:
    """ "A and B have each agreed to purchase $35 million of C stock": each member of the subject group pays
    the stated amount (one PAYMENT per payer); otherwise the one payer."""
    members = [g for g in ctx.group(s, payer) if g.end - s.start <= amount_start]
    gap = s.low[members[-1].end - s.start : amount_start] if members else ""
    if len({g.eid for g in members}) < 2 or len(gap) > 60 or not _EACH.search(gap):
        return [payer]
    return list({g.eid: g for g in members}.values())


def joint_payees(ctx: RuleContext, s: Sent, payee: M, amount_start: int) -> list[M]:
    """The payee and the companies coordinated with it as the subject of the receiving verb ("A and B will
    jointly receive"); a payee named after the amount ("paid $X to A") stands alone."""
    if payee.end - s.start > amount_start:
        return [payee]
    members = [g for g in ctx.group(s, payee) if g.start >= payee.start and g.end - s.start <= amount_start]
    if len(members) < 2:
        return [payee]
    last = members[-1]
    # the group must be the verb's subject: no other company between it and the amount
    if any(last.end <= c.start and c.end - s.start <= amount_start for c in s.of("COMPANY")):
        return [payee]
    return members


def counterpart(
    ctx: RuleContext, s: Sent, companies: list[M], known: M, payer_only: bool, also: set[str] | None = None
) -> str | None:
    """The other party when the text names only one: another company of the sentence or its neighbours,
    else the issuing company (for a payer), else the most mentioned other company. ``also``: ids of the
    known side's other members (joint payees), never the counterpart; nor is the known party's parent or
    subsidiary ("A announced that its subsidiary B signed with C ... B will receive $X": C pays, not A)."""
    skip = {known.eid} | (also or set())
    skip |= {x for pair in ctx.affiliates if known.eid in pair for x in pair}
    cands = [c.eid for c in companies if c.eid not in skip]
    if cands:
        return cands[0]
    near = [
        c.eid
        for k in (s.index - 1, s.index + 1, s.index - 2)
        if 0 <= k < len(ctx.sents)
        for c in ctx.sents[k].of("COMPANY")
        if c.eid not in skip
    ]
    if near:
        # the known party's partner before a company only named near it ("Under the agreement, A will receive
        # $20 million upfront" after "C acted as financial advisor to A"): the deal's other side
        partners = ctx.out.partners(known.eid)
        return next((o for o in near if o in partners), near[0])
    if payer_only and ctx.main and ctx.main not in skip:
        return ctx.main
    return next((p for p in ctx.partner_rank if p not in skip), None)


def record_payment(
    ctx: RuleContext,
    s: Sent,
    payer_id: str,
    payee_id: str,
    value: float | None,
    attrs: dict[str, Any],
    contingent: bool,
    named: bool,
) -> None:
    """Emit a PAYMENT and the partnership it implies. ``named``: the text names both parties (a sum owed only
    if milestones are met still binds the two companies the text names)."""
    # one sum read once as paid and once as potential (a headline line printed twice, "receives $75 million
    # upfront ... up to $245 million" then "$75 million upfront" again): paid
    cur = ctx.out.items.get(matches_key("PAYMENT", payer_id, payee_id, value))
    if cur is not None and (cur.attrs.get("status") == "contingent") != contingent:
        if contingent:
            return
        del cur.attrs["status"]
    rule = "payment_contingent" if contingent else "payment_cue"
    ctx.emit("PAYMENT", payer_id, payee_id, s, rule, value=value, attrs=attrs)
    if not contingent or named:
        ctx.emit("PARTNER_OF", payer_id, payee_id, s, "partner_from_payment", hedged=False)
