"""IN_PHASE Approved of a product stated by its sales (conventions: a marketed product is Approved where the
text says it is sold): "net sales of X were $70 million", "X sales grew 12%", "X's product revenues
rose", "royalties earned on sales of X". Sales to come are no stage: "future sales of X", "royalties on net
sales of X", "X sales milestones", "once X sales begin" (words: ``sales_stage`` of relation_cues.json)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import words_regex
from pharmakg.extract.relations.phases import emit_stage
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@relation_rule("sales_stage")
class SalesStage:
    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues["sales_stage"]
        before, after = _alternation(c["nouns_before_name"]), _alternation(c["nouns_after_name"])
        not_after = _alternation(c["not_after_noun"])
        # "sales of X", "net product sales of the X": the noun right before the name
        self.before = re.compile(r"\b(?:" + before + r")\s+(?:of|from)\s+(?:the\s+)?$")
        # "X sales", "X® net sales", "X (generic) revenues", "X's sales", "X-related sales": right after it
        self.after = re.compile(
            r"^\)?[®™]?(?:\s*\([^()]{1,40}\))?(?:['’]s|-related)?\s+(?:[\w-]+\s+){0,1}?(?:"
            + after
            + r")\b(?!\s+(?:"
            + not_after
            + r")\b)"
        )
        # "tiered royalties on annual net sales of X": a rate on sales that may come
        self.rate_on = re.compile(
            r"\b(?:royalt(?:y|ies)|rates?|percentage|share)\s+(?:rates?\s+|payments?\s+)?on\s+(?:[\w-]+\s+){0,3}$"
        )
        self.not_in_clause = words_regex(c["not_in_clause"])
        self.prefilter = re.compile(r"\b(?:" + before + "|" + after + r")\b", re.IGNORECASE)

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if not self.prefilter.search(s.text):
            return
        for x in s.of("COMPOUND", virtual=False):
            a, b = s.local(x)
            head = self.before.search(s.low[max(0, a - 60) : a])
            tail = self.after.match(s.low[b : b + 60])
            if head is None and tail is None:
                continue
            if head is not None and self.rate_on.search(s.low[max(0, a - 60) : a][: head.start()]):
                continue
            lo, hi = (a - (len(s.low[max(0, a - 60) : a]) - head.start()), b) if head else (a, b + tail.end())
            start, end = ctx.clause_bounds(s, lo, hi)
            if self.not_in_clause.search(s.low[start:end]) or ctx.cues.negation.search(s.low[start:end]):
                continue
            if ctx.comparator(s, x):
                continue
            attrs = {"status": "current", "text": s.text[lo:hi]}
            for g in ctx.group(s, x):
                emit_stage(ctx, s, g.eid, "Approved", attrs, False, rule="phase_sales")
