"""The companies that issue a release together: "Helix Pharmaceuticals and Orbital Bio today announced ...",
a headline "Helix and Orbital Bio Announce ...". A joint release about a compound speaks for both issuers: the
compound whose owner no cue names is both companies' (read by the post-pass default developer), as it is the
issuing company's in a release of one company. A parent and its subsidiary count once (conventions:
companies)."""

from __future__ import annotations

import re

from pharmakg.extract.relations.sentence import RuleContext

# after the last of the coordinated companies: a ticker or legal bracket, then the reporting verb
_ANNOUNCE_AFTER = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:(?:today|jointly|have|has|recently|together)\s+)*"
    r"(?:announce|announced|announces|report|reported|reports)\b"
)
_LEAD_SENTENCES = 3


def co_announcers(ctx: RuleContext) -> list[str]:
    """The companies named with the issuing company as the subject of the lead sentences' reporting verb."""
    main = ctx.main
    if main is None:
        return []
    for s in ctx.sents[:_LEAD_SENTENCES]:
        for m in s.of("COMPANY", virtual=False):
            if m.eid != main:
                continue
            group = ctx.group(s, m)
            ids = list(dict.fromkeys(c.eid for c in group))
            if len(ids) < 2 or not _ANNOUNCE_AFTER.match(s.low, group[-1].end - s.start):
                continue
            return [c for c in ids if c != main and frozenset((main, c)) not in ctx.affiliates]
    return []
