"""A compound bought from another company (ANNOTATION.md, LICENSED_TO: "the company acquired rights to the
compound from another"): "A has acquired X from B", "A completed the acquisition of X and related assets
from B", "X, which A purchased from B in 2022". The buyer takes every right to X: it is X's licensee and
develops it; B, named after "from", is the licensor (and keeps DEVELOPED_BY through the post-pass). A rights
word after the verb ("acquired worldwide rights to X from B") is read by the licence cues of ``licensees``;
this reads the compound named right after the verb. Read by ``licensees``; its words are
``licensees.purchase_verbs`` and ``licensees.purchase_nouns`` in ``relation_cues.json``."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.deal import emit_licensee
from pharmakg.extract.relations.licence_subjects import AFTER_NAME, ANNOUNCED_IT
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent

_AUX = r"(?:(?:has|have|had|will|would|shall|also|recently|previously|originally|agreed\s+to|plans\s+to)\s+)*"
# between the compound and its seller: the compound's apposition and coordination ("X, an oral GLP-1 agonist
# in Phase 1, from B", "X and related assets from B"), then "from"
_TO_SELLER = re.compile(r"^(?:[^.;:()]|\([^()]{0,60}\)){0,140}?\bfrom\s+(?:the\s+)?$")
# "X, which A acquired from B": the relative clause between the compound and the buyer
_RELATIVE = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:which|that)\s+$")


class LicencePurchase:
    """ "A acquired X from B": A the licensee (and a developer) of X, B its licensor."""

    def __init__(self, c: dict[str, Any]) -> None:
        verbs = alternation(c["purchase_verbs"])
        nouns = alternation(c["purchase_nouns"])
        # right after the buyer's name: "A has acquired ", "A today announced the acquisition of "
        self.after_buyer = re.compile(
            AFTER_NAME
            + r"(?:"
            + ANNOUNCED_IT
            + _AUX
            + r"(?:"
            + verbs
            + r")|(?:today\s+)?(?:has\s+)?(?:announced|announces|completed|completes|closed|closes|finalized)"
            + r"\s+(?:the|its)\s+(?:previously\s+announced\s+)?(?:"
            + nouns
            + r"))\s+(?:the\s+)?$"
        )
        # "X, which A acquired from B": the verb right after the buyer, the seller right after it
        self.relative_verb = re.compile(AFTER_NAME + _AUX + r"(?:" + verbs + r")\s+from\s+(?:the\s+)?$")

    def __call__(self, ctx: RuleContext, s: Sent, buyer: M, compounds: list[M]) -> bool:
        b = buyer.end - s.start
        for x in compounds:
            if x.start <= buyer.end or x.start - buyer.end > 120:
                continue
            if not self.after_buyer.match(s.low[b : x.start - s.start]):
                continue
            seller = self._seller_after(s, x)
            if seller is None or seller.eid == buyer.eid or ctx.negated(s, buyer, x):
                return False
            self._emit(ctx, s, buyer, seller, ctx.group(s, x))
            return True
        # "X, which A acquired from B"
        before = [x for x in compounds if x.end <= buyer.start]
        if not before or not _RELATIVE.match(s.between(before[-1], buyer)):
            return False
        for seller in s.of("COMPANY", virtual=False):
            if seller.start > buyer.end and self.relative_verb.match(s.low[b : seller.start - s.start]):
                if seller.eid != buyer.eid and not ctx.negated(s, before[-1], seller):
                    self._emit(ctx, s, buyer, seller, [before[-1]])
                    return True
                return False
        return False

    @staticmethod
    def _seller_after(s: Sent, x: M) -> M | None:
        """The company named after "from" following the compound, with no other company or clause break
        between ("X from B"; not "X, which B licensed from C")."""
        for c in s.of("COMPANY", virtual=False):
            if c.start < x.end:
                continue
            gap = s.between(x, c)
            if CLAUSE_BREAK.search(gap) or re.search(r"\b(?:which|that|who)\b", gap):
                return None
            return c if _TO_SELLER.match(gap) else None
        return None

    @staticmethod
    def _emit(ctx: RuleContext, s: Sent, buyer: M, seller: M, targets: list[M]) -> None:
        attrs = {"licensor": seller.eid}
        for x in targets:  # the buyer takes every right: it develops X too
            emit_licensee(ctx, s, x.eid, buyer.eid, True, abs(x.start - buyer.start), attrs)
