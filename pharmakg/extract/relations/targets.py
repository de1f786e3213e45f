"""TARGETS: a compound (or antibody) and the target a cue word ties it to ("an anti-HER2 ADC",
"HER3-directed"), and targets written into a disease mention ("CD56-expressing tumors")."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import words_regex
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent
from pharmakg.names import fold


@relation_rule("targets", min_mentions=2)
class Targets:
    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues["targets"]
        self.cue = words_regex(c["targets"])
        self.target_in_disease = re.compile(
            r"^(\S+?)\s?[-‐–]?\s?(?:" + "|".join(map(re.escape, c["target_expressing"])) + r")(?![\w])",
            re.IGNORECASE,
        )

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        # "CD56-expressing tumors" recognised as one DISEASE mention still states the compound's target
        for d in s.of("DISEASE", virtual=False):
            a, b = s.local(d)
            m = self.target_in_disease.match(s.text[a:b])
            tid = ctx.target_names.get(fold(m.group(1))) if m else None
            if tid is None:
                continue
            c = ctx.attach(s, d, ("COMPOUND",), cap=200, direct=False)
            if c is not None and not ctx.negated(s, c, d):
                ctx.emit("TARGETS", c.eid, tid, s, "targets_from_disease", abs(c.start - d.start))
        for t in s.of("TARGET", virtual=False):
            for typ, cap in (("COMPOUND", 200), ("ANTIBODY", 120)):
                c = ctx.attach(s, t, (typ,), cap=cap, direct=False)
                if c is None:
                    continue
                x0 = min(c.start, t.start) - s.start
                x1 = max(c.end, t.end) - s.start
                window = s.low[max(0, x0 - 5) : min(len(s.low), x1 + 25)]
                # "HER3-directed", "anti-TROP2": the cue word is glued to the target by a hyphen
                window = re.sub(r"[-‐–]", " ", window)
                if self.cue.search(window) and not ctx.negated(s, c, t):
                    ctx.emit("TARGETS", c.eid, t.eid, s, "targets_cue", abs(c.start - t.start))
