"""EVALUATES: the compounds a trial evaluates, in its sentence, in the next sentence when that one starts
with a trial anaphor ("The study ..."), else the salient compound of the last three sentences."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent


@relation_rule("trials")
class Trials:
    def __init__(self, cues: dict[str, Any]) -> None:
        self.anaphor_start = re.compile(
            r"^\W*(?:" + "|".join(map(re.escape, cues["trials"]["trial_anaphors"])) + r")\b", re.IGNORECASE
        )

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        sents = ctx.sents
        for tr in s.of("TRIAL", virtual=False):
            c = ctx.attach(s, tr, ("COMPOUND",), cap=250)
            if c is not None:
                for g in ctx.group(s, c, combination=True):
                    ctx.emit("EVALUATES", tr.eid, g.eid, s, "trial_cue", abs(tr.start - g.start))
                continue
            nxt = sents[s.index + 1] if s.index + 1 < len(sents) else None
            if nxt is not None and self.anaphor_start.match(nxt.text):
                cs = nxt.of("COMPOUND")
                if cs:
                    ctx.emit("EVALUATES", tr.eid, cs[0].eid, nxt, "trial_cue")
                    continue
            prior = [eid for idx, eid in ctx.recent if s.index - idx <= 3]
            if prior:
                ctx.emit("EVALUATES", tr.eid, prior[-1], s, "trial_salient")
