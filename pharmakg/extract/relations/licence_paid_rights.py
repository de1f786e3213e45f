"""Rights paid for (issue 9, roles): "B will pay A $40 million upfront for exclusive rights to develop X", "B
agreed to pay $40 million for the global rights to A's X": the company that pays for the rights to a compound
takes them, so it is X's licensee, and develops X when the rights include development (or no word limits
them). Read by ``licensees``; its words are ``licensees.licensee_payment_verbs``, ``paid_for_rights_gap``,
``licensee_rights_words`` and ``rights_limited`` in ``relation_cues.json``. Also the test of a licence that no
word limits (``plain_licence``), shared with the other licence readers of ``licensees``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.deal import DEVELOPMENT, OPEN_OPTION, emit_licensee
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent

# a company named in the gap may only be the payee, right after the verb or "to" ("pay A $40 million", "make a
# payment of $40 million to A")
_PAYEE = re.compile(r"\b(?:pa(?:y|ys|id|ying)|to)\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"(?:'s|’s|')\s")


def plain_licence(
    ctx: RuleContext, s: Sent, said: str, last: M, limited: re.Pattern[str], scope_end: re.Pattern[str]
) -> bool:
    """ "B in-licensed X from A", "A out-licensed X to B", "X was licensed to B": a licence that no word
    limits (``said``: the licence words before the last mention ``last``, then its clause up to 60
    characters after it; not "the marketing rights", "... to B for distribution in Japan": ``limited``) is of
    all the rights to the compound, development among them."""
    _, end = ctx.clause_bounds(s, last.end - s.start, last.end - s.start)
    stop = scope_end.search(s.low, last.end - s.start, end)
    after = s.low[last.end - s.start : min(stop.start() if stop else end, last.end - s.start + 60)]
    return not limited.search(said + " " + after)


class PaidRights:
    """ "B will pay A $40 million for rights to develop X": B the licensee (and a developer) of X."""

    def __init__(self, c: dict[str, Any]) -> None:
        rights = [w for w in c["licensee_rights_words"] if w != "option"]
        # right after the payer's name: its auxiliaries, the verb, a gap (group 1), "for" and a rights noun
        paid = (
            r"^\s*(?:\([^()]*\)\s*)?,?\s*(?:(?:which|who)\s+)?"
            r"(?:(?:also|then|previously|originally|recently|will|would|shall|has|have|had|is|are|was|were)\s+)*(?:"
            + alternation(c["licensee_payment_verbs"])
            + r"|(?:"
            + alternation(c["payment_make_verbs"])
            + r")\s+(?:an?\s+|the\s+|its\s+)?(?:[\w$.,-]+\s+){0,4}?payments?"
            + r")\b([^.;]{0,"
            + str(int(c["paid_for_rights_gap"]))
            + r"}?)\bfor\s+"
        )
        self.paid_for = re.compile(
            paid
            + r"(?:the\s+|an?\s+|its\s+)?(?:[\w-]+\s+){0,4}?(?:"
            + alternation(rights)
            + r")\s+(?:to|for|in|on)\b"
        )
        # "B pays $40 million for X rights in the US": the compound before the rights noun
        self.paid_for_named = re.compile(paid + r"(?:the\s+|its\s+|their\s+)?$")
        self.named_rights = re.compile(
            r"^\s*(?:\([^()]{0,40}\)\s*)?(?:[\w-]+\s+){0,2}?(?:" + alternation(rights) + r")\b"
        )
        self.royalty = words_regex(c["royalty_interests"])
        self.limited = words_regex(c["rights_limited"])
        self.scope_end = words_regex(c["licence_scope_end"])

    def __call__(
        self,
        ctx: RuleContext,
        s: Sent,
        licensee: M,
        compounds: list[M],
        attrs_of: Callable[[RuleContext, Sent, M, M], dict[str, Any]],
    ) -> bool:
        """Whether ``licensee`` pays for the rights to a compound named after (then emitted, with the
        licence terms ``attrs_of`` reads). A company in the gap may only be the payee ("pay A"), not a
        source or holder of the rights."""
        b = licensee.end - s.start
        m = self.named(s, b, compounds) or self.paid_for.match(s.low[b:])
        if m is None or OPEN_OPTION.search(m.group(0)) or self.royalty.search(m.group(0)):
            return False
        end = b + m.end()
        for o in s.of("COMPANY"):
            if b < o.start - s.start < end and not _PAYEE.search(s.low[b : o.start - s.start]):
                return False  # "B paid $5 million to A, which holds the rights to X": A's rights
        after = [x for x in compounds if 0 <= x.start - s.start - end <= 100]
        if not after or CLAUSE_BREAK.search(s.low[end : after[0].start - s.start]):
            return False
        target = after[0]
        if ctx.negated(s, licensee, target) or any(
            o.end <= target.start
            and o.start - s.start >= end
            and not _POSSESSIVE.match(s.low[o.end - s.start : o.end - s.start + 3])
            for o in s.of("COMPANY")
        ):
            return False  # "... for the rights to co-develop it with C": not a rights phrase about X alone
        if any(end <= t.start - s.start and t.end <= target.start for t in s.of("TECHNOLOGY")):
            return False  # "B paid $5 million for the rights to use A's T platform in X": T is licensed
        said = s.low[b + m.start(1) : target.start - s.start]
        develops = bool(DEVELOPMENT.search(said)) or plain_licence(
            ctx, s, said, target, self.limited, self.scope_end
        )
        attrs = attrs_of(ctx, s, licensee, target)
        for x in ctx.group(s, target):
            emit_licensee(ctx, s, x.eid, licensee.eid, develops, abs(x.start - licensee.start), attrs)
        return True

    def named(self, s: Sent, b: int, compounds: list[M]) -> re.Match[str] | None:
        """ "B pays $40 million for X rights": the payment words up to "for", when a compound follows them
        and a rights noun follows the compound (the match ends before the compound)."""
        for x in compounds:
            start = x.start - s.start
            if start <= b or start - b > 220:
                continue
            m = self.paid_for_named.match(s.low[b:start])
            if m is not None and self.named_rights.match(s.low[x.end - s.start :]):
                return m
        return None
