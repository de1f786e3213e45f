"""trial_facts (a document rule, after the post-pass): a target or disease said of a named trial in a sentence
that names no compound in reach ("ORBIT-1, a trial of its anti-CD38 antibody in multiple myeloma") belongs
to the one compound the trial evaluates. Releases often describe a trial before the sentence that names its
drug ("ORBIT-1 is a Phase 2 study evaluating ZB-12"), so the sentence rules keep such facts
(``RuleContext.defer_to_trial``) and this rule settles them once the whole document has said what each trial
evaluates. A trial evaluating several compounds gives nothing: the fact could be any one's."""

from __future__ import annotations

from typing import Any

from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext


@relation_rule("trial_facts", scope="document")
class TrialFacts:
    def __init__(self, cues: dict[str, Any]) -> None:
        pass  # no cues of its own: the sentence rules decided what counts as said

    def __call__(self, ctx: RuleContext) -> None:
        for trial, rtype, obj, sent, rule in ctx.trial_facts:
            compounds = ctx.out.evaluated_by(trial, stated_only=True)
            if len(compounds) == 1:
                ctx.emit(rtype, compounds[0], obj, sent, rule)
