"""Rights that go back to a company at the end of a licence ("all rights to X revert to B", "A returned the
rights to X to B"): B owns and develops X again. Read by ``developers``; words ``developers.rights_back``."""

from __future__ import annotations

import re

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.sentence import RuleContext, Sent

_RIGHTS_BEFORE = re.compile(r"\brights?\s+(?:to|for|in|of)\s+(?:the\s+)?$")


def rights_back(
    ctx: RuleContext,
    s: Sent,
    compounds: list[M],
    cues: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]],
) -> None:
    """ "A returned the rights to X to B", "all rights to X revert to B": the end of a licence gives X back to
    B, named right after "to", who owns and develops it again (words: ``developers.rights_back``)."""
    verb_before, to_after, verb_after = cues
    for x in compounds:
        before = s.low[max(0, x.start - s.start - 90) : x.start - s.start]
        returned = verb_before.search(before)
        if returned is None and not _RIGHTS_BEFORE.search(before):
            continue
        owner = next(
            (c for c in s.of("COMPANY", virtual=False) if c.start >= x.end and c.start - x.end <= 60),
            None,
        )
        if owner is None:
            continue
        gap = s.between(x, owner)
        if not (to_after.match(gap) if returned is not None else verb_after.match(gap)):
            continue
        # the negation of this statement, not of the clause before ("A terminated its license to X, and all
        # rights to X revert to B")
        lo = x.start - s.start - (len(before) - returned.start() if returned is not None else 0)
        if ctx.cues.negation.search(s.low[max(0, lo - 25) : owner.start - s.start]):
            continue
        for y in ctx.group(s, x):
            ctx.emit("DEVELOPED_BY", y.eid, owner.eid, s, "developer_active", owner.start - x.end)
