"""The companies that issue a release together: "Helix Pharmaceuticals and Orbital Bio today announced ...",
a headline "Helix and Orbital Bio Announce ...". A joint release about a compound speaks for both issuers: the
compound whose owner no cue names is both companies' (read by the post-pass default developer), as it is the
issuing company's in a release of one company. A parent and its subsidiary count once (conventions:
companies)."""

from __future__ import annotations

import re

from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.sentence import RuleContext

_LEAD_SENTENCES = 3
# what may follow a company's name before the next word: a legal suffix, a ticker or name bracket, a comma
_AFTER_NAME = (
    r"\s*(?:,?\s*(?:inc|corp|ltd|co\.,?\s+ltd|ag|plc|sa|se|gmbh|llc)\.?)?"
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*"
)
# "A and its partner B today announced": the partner is coordinated with A as much as "A and B" is
_AND_ITS_PARTNER = re.compile(
    _AFTER_NAME + r"and\s+(?:its\s+)?(?:[\w-]+\s+){0,2}?(?:partner|collaborator|licensee|licensor)\s+"
)


def announce_pattern(verbs: list[str]) -> re.Pattern[str]:
    """After the last of the coordinated issuers: a legal suffix or a ticker bracket, then the reporting
    verb of a lead sentence or a headline (relation_cues.json, developers.joint_release_verbs)."""
    return re.compile(
        _AFTER_NAME + r"(?:(?:today|jointly|have|has|recently|together)\s+)*(?:" + alternation(verbs) + r")\b"
    )


def co_announcers(ctx: RuleContext, announce: re.Pattern[str]) -> list[str]:
    """The companies named with the issuing company as the subject of the lead sentences' reporting verb."""
    main = ctx.main
    if main is None:
        return []
    for s in ctx.sents[:_LEAD_SENTENCES]:
        for m in s.of("COMPANY", virtual=False):
            if m.eid != main:
                continue
            group = ctx.group(s, m)
            partner = next(
                (c for c in s.of("COMPANY", virtual=False) if c.start > m.end and c.eid != main), None
            )
            # or the issuing company is the partner: "A and licensee B (Nasdaq: B) announce"
            before = [c for c in s.of("COMPANY", virtual=False) if c.end <= m.start and c.eid != main]
            if len(group) < 2 and partner is not None and _AND_ITS_PARTNER.fullmatch(s.between(m, partner)):
                group = [m, partner]
            elif len(group) < 2 and before and _AND_ITS_PARTNER.fullmatch(s.between(before[-1], m)):
                group = [before[-1], m]
            ids = list(dict.fromkeys(c.eid for c in group))
            if len(ids) < 2 or not announce.match(s.low, group[-1].end - s.start):
                continue
            return [c for c in ids if c != main and frozenset((main, c)) not in ctx.affiliates]
    return []
