"""Who takes a licence that "an agreement with C for X" left open, read from the money of the deal: a
licensee pays its licensor (upfront, licence fee, equity), so when C only receives money from its partner P,
C granted the licence and P took it ("Orbital today announced that it has entered into an exclusive license
agreement with Helix for ZB-12 ... Helix will receive an upfront payment of $25 million": Orbital is the
licensee). Run by the post-pass, after the sentence rules have read the payments."""

from __future__ import annotations

from pharmakg.extract.relations.deal import DEVELOPMENT
from pharmakg.extract.relations.sentence import RelationDraft, RuleContext, Sent


def _payers_of(ctx: RuleContext, company: str) -> set[str]:
    """The companies that pay ``company`` in the document's current facts."""
    return {k[1] for k in ctx.out.items if k[0] == "PAYMENT" and k[2] == company and k[1] is not None}


def _pays_anyone(ctx: RuleContext, company: str) -> bool:
    return any(k[0] == "PAYMENT" and k[1] == company for k in ctx.out.items)


def _partners(ctx: RuleContext, a: str, b: str) -> bool:
    return ctx.out.has_pair("PARTNER_OF", a, b) or ctx.out.has_pair("PARTNER_OF", b, a)


def _sentence(ctx: RuleContext, rel: RelationDraft) -> Sent | None:
    ev = rel.evidence[0]
    return next((x for x in ctx.sents if (x.start, x.end) == (ev.start, ev.end)), None)


def _development_agreed(sent: Sent, party: str, compound: str) -> bool:
    """Whether the agreement's words between its party and the compound name development ("an agreement with
    C to develop and commercialize X"): the rights the licensee takes include development (the party's own
    development of X is still said of it elsewhere, as its owner)."""
    for p in (m for m in sent.ms if m.eid == party):
        c = next((m for m in sent.ms if m.eid == compound and m.start >= p.end), None)
        if c is not None and DEVELOPMENT.search(sent.between(p, c)):
            return True
    return False


def licensees_by_payment(ctx: RuleContext) -> None:
    """A licence read only from "an agreement with C for X" (rule ``licensee_agreement``) whose party C is
    paid by its one partner P and pays no one: P is X's licensee, C its licensor (C keeps X: conventions,
    roles). The development rights the agreement named go with the licence."""
    weak = [
        (k, r)
        for k, r in ctx.out.items.items()
        if k[0] == "LICENSED_TO" and r.extractor.endswith(":licensee_agreement") and k[2] is not None
    ]
    for key, rel in weak:
        _t, compound, party, _v = key
        assert party is not None
        payers = {p for p in _payers_of(ctx, party) if p != party and _partners(ctx, p, party)}
        if len(payers) != 1 or _pays_anyone(ctx, party):
            continue
        payer = payers.pop()
        sent = _sentence(ctx, rel)
        if sent is None or ctx.out.has_pair("LICENSED_TO", compound, payer):
            ctx.out.remove(key)
            continue
        develops = _development_agreed(sent, party, compound) or (
            ctx.out.has_pair("DEVELOPED_BY", compound, party)
            and any(
                r.extractor.endswith(":developer_licensee")
                for k, r in ctx.out.items.items()
                if k[:3] == ("DEVELOPED_BY", compound, party)
            )
        )
        attrs = {k: v for k, v in rel.attrs.items() if k != "licensor"}
        attrs["licensor"] = party
        ctx.out.remove(key)
        ctx.emit(
            "LICENSED_TO", compound, payer, sent, "licensee_by_payment", prior="licensee_cue", attrs=attrs
        )
        if develops:
            ctx.emit("DEVELOPED_BY", compound, payer, sent, "developer_licensee", hedged=False)
