"""INDICATION: the disease a compound is developed for, attached by the shared attach/group machinery; a
disease said of a named trial belongs to the compounds the trial evaluates, and one in a sentence naming no
compound to the salient compound of the previous sentences."""

from __future__ import annotations

from typing import Any

from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent


@relation_rule("indications")
class Indications:
    def __init__(self, cues: dict[str, Any]) -> None:
        pass  # no cues of its own: negation, comparators and combinations are shared

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        for d in s.of("DISEASE", virtual=False):
            c = ctx.attach(s, d, ("COMPOUND",), cap=250)
            if c is None:
                if ctx.cues.negation.search(s.low):
                    continue
                # "the ongoing ALPHA trial in gout": the compounds the named trial evaluates
                for eid in ctx.via_trial(s, d):
                    ctx.emit("INDICATION", eid, d.eid, s, "indication_salient")
                sal = ctx.salient(s)
                if sal is not None:
                    ctx.emit("INDICATION", sal, d.eid, s, "indication_salient")
                continue
            if ctx.negated(s, c, d):
                continue
            for g in ctx.group(s, c):
                if not ctx.comparator(s, g) and not ctx.combination(s, g):
                    ctx.emit("INDICATION", g.eid, d.eid, s, "indication_cue", abs(c.start - d.start))
