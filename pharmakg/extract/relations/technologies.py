"""USES_TECHNOLOGY: a company using a platform ("A's ADC technology", "A ... using its X platform") and the
compounds built on it ("X, an ADC using the Y technology")."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent


@relation_rule("technologies", min_mentions=2)
class Technologies:
    def __init__(self, cues: dict[str, Any]) -> None:
        self.use = words_regex(cues["technologies"]["technology_use"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        for t in s.of("TECHNOLOGY", virtual=False):
            uses = [m.start() + s.start for m in self.use.finditer(s.low)]
            for c in s.of("COMPANY"):
                if ctx.parenthetical_affiliate(s, c):
                    continue
                if (
                    _possessive(s, c, t)
                    or _whose(s, c, t)
                    or _from_owner(s, c, t)
                    or any(c.end <= u <= t.start for u in uses)
                ):
                    ctx.emit(
                        "USES_TECHNOLOGY", c.eid, t.eid, s, "technology_cooccurrence", abs(c.start - t.start)
                    )
            comp = ctx.attach(s, t, ("COMPOUND",), cap=150)
            if comp is None:
                continue
            gap = s.between(comp, t)
            # "X, an ADC using the Y technology": the apposition is about X alone
            members = (
                [comp] if comp.end <= t.start and re.match(r"^\s*,\s*(?:a|an)\b", gap) else ctx.group(s, comp)
            )
            for g in members:
                ctx.emit(
                    "USES_TECHNOLOGY", g.eid, t.eid, s, "technology_cooccurrence", abs(g.start - t.start)
                )


def _possessive(s: Sent, c: M, t: M) -> bool:
    """ "our technology", "A's X technology" with no other company in between."""
    return c.virtual or bool(
        c.end <= t.start
        and t.start - c.end <= 50
        and not any(o.type == "COMPANY" and c.end <= o.start and o.end <= t.start for o in s.ms)
        and re.match(r"^(?:'s|’s|'|’)\s", s.text[c.end - s.start : c.end - s.start + 3])
    )


# "Helix is a company whose TRACER platform ...": the relative pronoun right before the technology's name
_WHOSE = re.compile(r"\bwhose\s+(?:[\w-]+\s+){0,2}$")
# "licensed the TRACER technology from Helix": the company the technology comes from owns it
_FROM = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:licen[cs]ed\s+|acquired\s+)?from\s+(?:the\s+)?$")


def _whose(s: Sent, c: M, t: M) -> bool:
    """ "A, a biotechnology company whose X platform ...": A is the last company before "whose"."""
    a = t.start - s.start
    cue = _WHOSE.search(s.low[max(0, a - 40) : a])
    if cue is None or c.end > t.start:
        return False
    cue_at = max(0, a - 40) + cue.start()
    later = [o for o in s.of("COMPANY", virtual=False) if c.end <= o.start and o.end - s.start <= cue_at]
    return not later and c.end - s.start <= cue_at and cue_at - (c.end - s.start) <= 120


def _from_owner(s: Sent, c: M, t: M) -> bool:
    """ "the X technology from A", "X technology, licensed from A": A is the technology's owner."""
    return t.end <= c.start and bool(_FROM.match(s.low[t.end - s.start : c.start - s.start]))
