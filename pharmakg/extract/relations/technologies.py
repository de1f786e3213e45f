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
                if _possessive(s, c, t) or any(c.end <= u <= t.start for u in uses):
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
