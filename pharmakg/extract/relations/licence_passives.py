"""Licences said in the passive or as rights that move (issue 9, roles), read by ``licensees`` from the
licensee's mention: "The worldwide rights to X were acquired by B", "Exclusive rights to develop X were
obtained by B from A", "The option to license X was exercised by B", "X was licensed in by B", "Rights to X
in Japan will pass to B", "The marketing rights to X transfer from A to B". The words are
``licensees.passive_licence_verbs`` and ``licensees.rights_move_verbs`` in ``relation_cues.json``; a licence
no word limits (``rights_limited``) is of all the rights: B develops X too."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.deal import DEVELOPMENT, OPEN_OPTION, emit_licensee
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent

# before the compound: the rights noun of the clause's subject ("The worldwide rights to", "Exclusive rights
# to develop", "The option to license", "An exclusive license to")
_RIGHTS_BEFORE = re.compile(
    r"(?:\brights?|\blicen[cs]e|\boption)\s+(?:to|for|in|on)\s+(?:the\s+)?"
    r"(?:(?:(?:co-)?develop|commerciali[sz]e|market|license|licence|in-license|manufacture)\s+"
    r"(?:(?:and|or|,)\s+[\w-]+\s+){0,3})?(?:the\s+)?$"
)
# the auxiliary of a passive, with an adverb ("were exclusively licensed")
_AUX = (
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be)\s+"
    r"(?:(?:exclusively|previously|originally|recently|subsequently|also|now)\s+)?"
)
# "X was licensed in by B", "X was in-licensed by B": a licence verb whose subject is the compound itself
_COMPOUND_SUBJECT = ("in-licensed", "in-licenced", "licensed in", "licenced in")
# "X (ALIAS)" or ", a ... ," between the compound and its passive verb
_X_GAP = r"^\s*(?:\([^()]{0,40}\)\s*)?(?:(?:in|for|outside(?:\s+of)?)\s+(?:the\s+)?[^,;()]{2,40}?\s+)?"
# after the passive verb up to the agent: a territory, a year or the licensor ("from A"), then "by"
_TO_AGENT = r"\s+(?:[^,;.()]{0,50}?\s+)?by\s+(?:the\s+)?$"
# "X (rights acquired by B": the rights noun opening a parenthesis on the compound
_PAREN_RIGHTS = re.compile(r"^\s*\(\s*(?:[\w-]+\s+){0,2}?rights(?=\s)")
# "rights ... transfer back to A", "revert to A": the owner gets its rights again, no licence
_BACK = re.compile(r"\b(?:back|revert|reverts|reverted|return|returns|returned)\b")


class PassiveLicence:
    """B, the agent of a passive licence verb or where rights move to, is the licensee of the compound."""

    def __init__(self, c: dict[str, Any]) -> None:
        verbs = alternation(c["passive_licence_verbs"])
        self.by_agent = re.compile(_X_GAP + _AUX + r"(" + verbs + r")" + _TO_AGENT)
        self.move_to = re.compile(
            _X_GAP + r"(?:will\s+|shall\s+|to\s+|would\s+)?(?:" + alternation(c["rights_move_verbs"]) + r")"
            r"(?:\s+from\s+[^,;.()]{1,60}?)?(?:\s+(?:on|in|as\s+of)\s+[^,;.()]{2,30}?)?\s+to\s+(?:the\s+)?$"
        )
        self.limited = words_regex(c["rights_limited"])
        self.royalty = words_regex(c["royalty_interests"])
        self.terminated = words_regex(c["terminated"])

    def __call__(self, ctx: RuleContext, s: Sent, licensee: M, compounds: list[M]) -> bool:
        """Whether ``licensee`` is named as the agent or the receiver of a licence of the compound before it
        (then emitted)."""
        before = [x for x in compounds if x.end <= licensee.start and licensee.start - x.end <= 160]
        if not before:
            return False
        target = before[-1]
        t = target.start - s.start
        gap = s.between(target, licensee)
        for o in s.of("COMPANY", virtual=False):  # the licensor in the gap ("from A") stands as a mark
            if target.end <= o.start and o.end <= licensee.start:
                gap = gap.replace(s.low[o.start - s.start : o.end - s.start], "\x00", 1)
        lead = s.low[max(0, t - 80) : t]
        rights = _RIGHTS_BEFORE.search(lead)
        paren = _PAREN_RIGHTS.match(gap)
        if paren is not None:  # "X (rights acquired by B in 2015)": read as "rights to X were acquired by B"
            rights, lead, gap = paren, paren.group(0), " were" + gap[paren.end() :]
        m = self.by_agent.match(gap)
        moved = None if m else self.move_to.match(gap)
        if m is None and moved is None:
            return False
        if rights is None and not (m and m.group(1) in _COMPOUND_SUBJECT):
            return False  # "X was acquired by B": a product bought is read by the purchase rules
        # the rights noun with its modifiers ("The marketing rights to"): up to 30 characters before it
        said = (lead[max(0, rights.start() - 30) :] if rights else "") + " " + gap
        lo, hi = ctx.clause_bounds(s, t, licensee.end - s.start)
        if (
            CLAUSE_BREAK.search(gap)
            or self.royalty.search(said)
            or self.terminated.search(s.low, lo, hi)
            or (moved and _BACK.search(gap))
            or (rights and OPEN_OPTION.search(rights.group(0)) and not (m and "exercis" in m.group(1)))
            or ctx.cues.negation.search(s.low, max(lo, t - 40), licensee.start - s.start)
        ):
            return False
        frm = [
            o
            for o in s.of("COMPANY", virtual=False)
            if target.end <= o.start
            and o.end <= licensee.start
            and re.search(r"\bfrom\s+(?:the\s+)?$", s.low[max(0, o.start - s.start - 12) : o.start - s.start])
        ]
        attrs = {"licensor": frm[0].eid} if frm else {}
        after = s.low[licensee.end - s.start : min(hi, licensee.end - s.start + 60)]
        develops = bool(DEVELOPMENT.search(said)) or not self.limited.search(
            _EXERCISED.sub(" ", said) + " " + after
        )
        for x in ctx.group(s, target):
            emit_licensee(ctx, s, x.eid, licensee.eid, develops, abs(x.start - licensee.start), attrs)
        return True


# "The option to license X was exercised by B": the exercised option is the licence, no limit of it
_EXERCISED = re.compile(r"\boption\b|\bexercised\b")
