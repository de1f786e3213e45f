"""HAS_PAYLOAD / HAS_ANTIBODY: the parts of an antibody-drug conjugate, from a conjugation cue between the
compound and the part ("X, which combines the antibody A with the payload P") and from the compound's code
name ("huN901-DM1": antibody huN901, payload DM1, when those are entities of the document)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent
from pharmakg.model import Entity

PARTS = (("PAYLOAD", "HAS_PAYLOAD", "payload"), ("ANTIBODY", "HAS_ANTIBODY", "antibody"))


@relation_rule("conjugates", min_mentions=1)
class Conjugates:
    def __init__(self, cues: dict[str, Any]) -> None:
        self.cue = words_regex(cues["conjugates"]["conjugate"])
        c = cues["conjugates"]
        # "conjugated to", "carries": the verb right before the payload (a few descriptor words between)
        verbs = "|".join(re.escape(w) for w in sorted(c["conjugated_to"], key=len, reverse=True))
        self.conjugated_to = re.compile(r"\b(?:" + verbs + r")\s+(?:[\w-]+,?\s+){0,5}?$")
        nouns = "|".join(re.escape(w) for w in sorted(c["payload_nouns"], key=len, reverse=True))
        adcs = "|".join(re.escape(w) for w in sorted(c["payload_named_by"], key=len, reverse=True))
        # "the DXd payload", "a novel exatecan derivative payload": the part is named a payload;
        # "a maytansinoid ADC", "an MMAE-based ADC", "a 225Ac-labeled peptide": the part names the conjugate
        self.named_payload = re.compile(
            r"^[\s)]*(?:(?:[a-z-]+\s+){0,2}?(?:" + nouns + r")|(?:-?based\s+)?-?(?:" + adcs + r"))\b",
            re.IGNORECASE,
        )
        # "The payload, SN-38, ...", "Its cytotoxic agent, DM4, ...": a sentence naming its payload as such
        self.payload_word = words_regex(c["payload_words"])
        # "ZX-1, an ADC targeting CD70", "the radioligand ZX-2": a compound its own words call a conjugate
        self.conjugate_noun = words_regex(c["conjugate_nouns"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        for part, rtype, prefix in PARTS:
            for p in s.of(part, virtual=False):
                c = ctx.attach(s, p, ("COMPOUND",), cap=200, direct=False)
                if c is not None and c.virtual and not s.between(c, p).strip(" ,"):
                    # "... conjugated to the topoisomerase I inhibitor exatecan": the noun phrase right before
                    # the payload describes it, it is no anaphor of the conjugate
                    desc = c
                    c = ctx.attach(s, p, ("COMPOUND",), cap=200, direct=False, virtual=False)
                    c = c or _before_descriptor(s, desc)
                if c is None:
                    self._salient(ctx, s, p, rtype)
                    continue
                said = bool(
                    self.cue.search(s.between(c, p))
                    or (
                        rtype == "HAS_PAYLOAD"
                        and c.start < p.start
                        and self.named_payload.match(s.low[p.end - s.start :])
                    )
                    # "The payload of the ADC is SN-38": the anaphor's compound, its payload named as such
                    or (c.virtual and rtype == "HAS_PAYLOAD" and self.payload_word.search(s.low))
                )
                if not said or ctx.negated(s, c, p):
                    continue
                # "CB-88 and CB-89, both of which use the DM4 payload": every coordinated conjugate
                members = ctx.group(s, c) if c.start < p.start and not c.virtual else [c]
                for g in members:
                    ctx.emit(rtype, g.eid, p.eid, s, f"{prefix}_cue", abs(g.start - p.start))

    def _salient(self, ctx: RuleContext, s: Sent, p: M, rtype: str) -> None:
        """ "ZB-12 is an ADC. The payload, exatecan, is released in tumor cells.": a payload named as such in
        a sentence without a compound belongs to the document's one compound. "ZB-12 is an ADC directed
        against CDH6. The antibody is conjugated to exatecan.": a payload conjugated in a sentence naming no
        compound belongs to the compound of the sentences before."""
        if rtype != "HAS_PAYLOAD":
            return
        compounds = [e.id for e in ctx.ents if e.type == "COMPOUND"]
        named = self.payload_word.search(s.low)
        if len(compounds) == 1 and named:
            ctx.emit(rtype, compounds[0], p.eid, s, "payload_salient", prior="payload_cue")
            return
        a = p.start - s.start
        if named or self.conjugated_to.search(s.low[max(0, a - 80) : a]):
            # the anaphor that describes the payload ("the topoisomerase I inhibitor exatecan") is no compound
            recent = [(idx, eid) for idx, eid in ctx.recent if s.index - idx <= 2]
            # a compound the sentences before call a conjugate, over one named after it (a prior therapy, a
            # comparator, a partner's other drug): "ZX-1 is an ADC targeting HER2. Patients had received
            # trastuzumab. The antibody is conjugated to DXd." is said of ZX-1
            conjugates = [eid for idx, eid in recent if self._called_conjugate(ctx.sents[idx], eid)]
            order = conjugates or [eid for _, eid in recent]
            salient = order[-1] if order and not s.of("COMPOUND", virtual=False) else None
            if salient is not None and not ctx.negated(s, p, p):
                ctx.emit(rtype, salient, p.eid, s, "payload_salient", prior="payload_cue")

    def _called_conjugate(self, s: Sent, eid: str) -> bool:
        """Whether a conjugate noun stands in the words of a mention of ``eid`` in ``s``: in its noun phrase
        before it (40 characters at most) or up to 80 characters after it, not reaching into another
        compound's mention ("ZX-1, an ADC, and TL-4, a bispecific antibody": ZX-1 is called one, TL-4 is
        not)."""
        ms = s.of("COMPOUND")
        for i, m in enumerate(ms):
            if m.eid != eid:
                continue
            a, b = s.local(m)
            lo = max(a - 40, s.local(ms[i - 1])[1] if i else 0)
            hi = min(b + 80, s.local(ms[i + 1])[0] if i + 1 < len(ms) else len(s.low))
            # before it only its own noun phrase ("the ADC ZX-1"), not the end of the clause before it
            before = re.split(r"[,;:()]|\band\b", s.low[lo:a])[-1]
            if self.conjugate_noun.search(before) or self.conjugate_noun.search(s.low[b:hi]):
                return True
        return False


def _before_descriptor(s: Sent, desc: M) -> M | None:
    """ "This investigational ADC carries eight molecules of the topoisomerase inhibitor DXd": the compound
    mention (an anaphor too) that the payload's descriptor follows in its clause."""
    earlier = [m for m in s.of("COMPOUND") if m.end <= desc.start]
    gap = s.between(earlier[-1], desc) if earlier else ""
    if not earlier or len(gap) > 120 or CLAUSE_BREAK.search(gap):
        return None
    return earlier[-1]


def _names(e: Entity) -> list[str]:
    return [e.name, *e.aliases]


def _code_name_hit(rtype: str, part_name: str, compound_names: list[str]) -> bool:
    """ "huN901-DM1" ends with its payload and starts with its antibody."""
    if rtype == "HAS_PAYLOAD":
        return any(re.search(r"[-\s]" + re.escape(part_name) + r"$", cn) for cn in compound_names)
    return any(cn.startswith(part_name + "-") and len(cn) > len(part_name) + 1 for cn in compound_names)


@relation_rule("code_names", scope="document")
class CodeNames:
    def __init__(self, cues: dict[str, Any]) -> None:
        pass  # code names are structure, not cue words

    def __call__(self, ctx: RuleContext) -> None:
        by_type: dict[str, list[Entity]] = {}
        for e in ctx.ents:
            by_type.setdefault(e.type, []).append(e)
        mention_sent: dict[str, Sent] = {}
        for sent in ctx.sents:
            for m in sent.ms:
                if not m.virtual:
                    mention_sent.setdefault(m.eid, sent)
        for comp in by_type.get("COMPOUND", []):
            comp_id = comp.id
            s = mention_sent.get(comp_id)
            if s is None:
                continue
            cnames = [n.lower() for n in _names(comp)]
            for part, rtype, prefix in PARTS:
                for p in by_type.get(part, []):
                    for pn in (n.lower() for n in _names(p)):
                        if len(pn) >= 2 and _code_name_hit(rtype, pn, cnames):
                            # the name itself is the evidence: its prior, not lowered by hedging
                            ctx.emit(rtype, comp_id, p.id, s, f"{prefix}_code_name", hedged=False)
                            break
