"""Discontinued development: "A has discontinued development of X", "X is no longer in development":
DEVELOPED_BY with status discontinued, recorded apart from the current facts."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import words_regex
from pharmakg.extract.relations.deal import gate, gated
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent

_DETERMINERS = re.compile(r"\s*(?:(?:the|its|their|all|any|of|further|our|this|that|clinical)\s+)*")


@relation_rule("discontinued")
class Discontinued:
    def __init__(self, cues: dict[str, Any]) -> None:
        d = cues["discontinued"]
        self.gate = gate(d, "discontinued", "no_longer")
        self.discontinued = words_regex(d["discontinued"])
        self.no_longer = words_regex(d["no_longer"])
        self.objects = words_regex(d["discontinued_objects"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if not gated(self.gate, s.low):
            return
        hits = [(m, False) for m in self.discontinued.finditer(s.low)]
        hits += [(m, True) for m in self.no_longer.finditer(s.low)]
        for m, no_longer in hits:
            c0, c1 = m.span()
            if not no_longer and re.search(
                r"\b(?:not|no plans? to|never)\s+(?:\w+\s+)?$", s.low[max(0, c0 - 20) : c0]
            ):
                continue
            det = _DETERMINERS.match(s.low[c1:])
            r0 = c1 + (det.end() if det else 0)
            comps = ctx.compounds_after(s, r0, 80)
            direct = bool(comps) and comps[0].start - s.start == r0
            of_development = bool(self.objects.match(s.low, r0))
            if not (no_longer or of_development or direct):
                continue  # "patients discontinued treatment", "terminated the agreement"
            if not comps:
                c = ctx.attach(s, (c0, c1), ("COMPOUND",), cap=100, direct=False)
                comps = ctx.group(s, c) if c is not None else []
            eids = [x.eid for x in comps]
            if not eids:
                sal = ctx.salient(s)
                eids = [sal] if sal else []
            holder = ctx.subject_company(s, c0)
            who = holder.eid if holder is not None else ctx.main
            if who is None:
                continue
            # a company that stops a compound's development (not "patients discontinued X", "will not
            # pursue the renewal of X's authorization"): the compound has no current stage (conventions; post)
            stated = of_development or (direct and (no_longer or holder is not None))
            for eid in eids:
                ctx.emit(
                    "DEVELOPED_BY",
                    eid,
                    who,
                    s,
                    "developer_discontinued",
                    side=True,
                    attrs={"status": "discontinued", "development_stopped": stated},
                )
