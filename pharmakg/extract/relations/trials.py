"""EVALUATES: the compounds a trial evaluates: those an evaluation verb after the trial introduces in its
clause ("ORBIT is a randomized, double-blind Phase 3 study evaluating X"), else the compound the trial is
attached to in its sentence, in the next sentence when that one starts with a trial anaphor ("The study ..."),
else the salient compound of the last three sentences. A comparator ("compared X with Y", "versus Y") is no
compound the trial evaluates."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.phases import salient_owner
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent

_VERB_REACH = 160  # chars after the trial within which its evaluation verb may stand
_OBJECT_REACH = 60  # chars after the verb within which the evaluated compound stands
# "of" introduces what a trial evaluates only right after a trial noun ("ORBIT, a Phase 3 study of X"), not
# after any noun of the clause ("randomized to receive X or treatment of physician's choice (Y)")
_TRIAL_NOUN_END = re.compile(r"\b(?:trials?|stud(?:y|ies)|evaluation|program(?:me)?)\s*$")


# "ORBIT X plus Y doublet": the regimen a trial's name introduces, partner and all (not "in combination with")
_REGIMEN_GAP = re.compile(r"(?:\s*\([^()]{0,40}\))?[®™]?\s*(?:plus|\+|and|/)\s*")

# "the HX-206 and HX-210 studies of Lentivax": the trial names its object, a capitalised name not read as a
# compound; the salient compound of the sentences before is no guess for it
_UNREAD_OBJECT = re.compile(
    r"[^.;:()]{0,60}?\b(?:trials?|stud(?:y|ies))\s+(?:of|evaluating|testing|investigating)\s+(?:the\s+)?[A-Z]"
)


@relation_rule("trials")
class Trials:
    def __init__(self, cues: dict[str, Any]) -> None:
        t = cues["trials"]
        self.anaphor_start = re.compile(
            r"^\W*(?:" + "|".join(map(re.escape, t["trial_anaphors"])) + r")\b", re.IGNORECASE
        )
        self.evaluates = words_regex(t["evaluation_verbs"])
        self.compares = words_regex(t["comparison_verbs"])
        self.non_interventional = words_regex(t.get("non_interventional", []) or ["\x00"])
        self.arm = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(map(re.escape, t.get("arm_cues", [])))
            + r")\s+(?:the\s+|either\s+)?$",
            re.IGNORECASE,
        )

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        sents = ctx.sents
        paired = _respective_trials(ctx, s) if "respectively" in s.low else {}
        for tr in s.of("TRIAL", virtual=False):
            if self.observational(s, tr):
                continue
            if id(tr) in paired:
                g = paired[id(tr)]
                ctx.emit("EVALUATES", tr.eid, g.eid, s, "trial_cue", abs(tr.start - g.start))
                continue
            evaluated = self.cued(ctx, s, tr)
            if evaluated:
                for g in evaluated:
                    ctx.emit("EVALUATES", tr.eid, g.eid, s, "trial_cue", abs(tr.start - g.start))
                continue
            # a combination partner is no compound the trial evaluates ("X in combination with Keytruda in a
            # Phase 2 trial called ORBIT": ORBIT evaluates X), unless the pair after the trial's name is the
            # regimen it tests ("ORBIT X plus Y doublet cohort")
            c = ctx.attach(s, tr, ("COMPOUND",), cap=250, combinations=False)
            if c is not None:
                after = c.start > tr.start
                for g in ctx.group(s, c, combination=True):
                    regimen = after and _REGIMEN_GAP.fullmatch(s.between(c, g)) is not None
                    if not ctx.comparator(s, g) and (regimen or not ctx.combination(s, g)):
                        ctx.emit("EVALUATES", tr.eid, g.eid, s, "trial_cue", abs(tr.start - g.start))
                continue
            nxt = sents[s.index + 1] if s.index + 1 < len(sents) else None
            if nxt is not None and self.anaphor_start.match(nxt.text):
                cs = nxt.of("COMPOUND")
                if cs:
                    ctx.emit("EVALUATES", tr.eid, cs[0].eid, nxt, "trial_cue")
                    continue
            if nxt is not None and not s.of("COMPOUND"):
                arm = self.arm_compound(ctx, nxt)
                if arm is not None:
                    ctx.emit("EVALUATES", tr.eid, arm.eid, nxt, "trial_cue")
                    continue
            # the salient compound, only for a trial that no cue has tied to a compound yet ("About ORBIT"
            # after a paragraph on another drug says nothing of what ORBIT tests)
            prior = (
                None
                if ctx.out.has("EVALUATES", tr.eid) or _UNREAD_OBJECT.match(s.text, tr.end - s.start)
                else salient_owner(ctx, s, window=3, unnamed=False)
            )
            if prior:
                ctx.emit("EVALUATES", tr.eid, prior, s, "trial_salient")

    def observational(self, s: Sent, tr: M) -> bool:
        """A trial its clause calls a natural-history, observational or registry study ("our natural history
        study called ATHENA"): it follows patients and evaluates no drug."""
        a, _ = s.local(tr)
        before = s.low[max(0, a - 60) : a]
        brk = list(CLAUSE_BREAK.finditer(before))
        return bool(self.non_interventional.search(before[brk[-1].end() :] if brk else before))

    def arm_compound(self, ctx: RuleContext, s: Sent) -> M | None:
        """ "AURORA is our Phase 2b study. Patients receiving CV-88 achieved ...": the compound an arm cue
        names in the next sentence (one naming no other trial), not a comparator."""
        if s.of("TRIAL", virtual=False):
            return None
        for c in s.of("COMPOUND", virtual=False):
            a = c.start - s.start
            if self.arm.search(s.low[max(0, a - 40) : a]) and not ctx.comparator(s, c):
                return c
        return None

    def cued(self, ctx: RuleContext, s: Sent, tr: M) -> list[M]:
        """The compounds that an evaluation verb after the trial, in its clause, introduces ("ORBIT, a
        Phase 3 study evaluating X and Y"); with a comparison verb only the first ("compared X with Y")."""
        _, end = s.local(tr)
        window = s.low[end : end + _VERB_REACH]
        brk = CLAUSE_BREAK.search(window)
        window = window[: brk.start()] if brk else window
        verb = next(
            (
                v
                for v in self.evaluates.finditer(window)
                if v.group(0) != "of" or _TRIAL_NOUN_END.search(window[: v.start()])
            ),
            None,
        )
        if verb is None:
            return []
        pos = end + verb.end()
        found = ctx.compounds_after(s, pos, span=_OBJECT_REACH)
        if not found:
            return []
        if self.compares.fullmatch(verb.group(0)):
            found = [
                g
                for g in ctx.group(s, found[0])
                if not re.search(r"\b(?:with|to)\s*$", s.between(found[0], g))
            ]
        return [g for g in found if not ctx.comparator(s, g)]


_RESPECTIVELY_AFTER = re.compile(r"[^.;:()]{0,40}?,?\s*respectively\b")
# "ORBIT and Phase 1 NOVA", "ORBIT-1 (NCT...), ORBIT-2": a list of named trials, each perhaps with its stage
_TRIAL_LIST_GAP = re.compile(
    r"[^.;:()]{0,12}?(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?(?:the\s+)?(?:[\w/-]+\s+){0,2}"
)


def _respective_trials(ctx: RuleContext, s: Sent) -> dict[int, M]:
    """ "X and Y are tested in the ORBIT and NOVA trials, respectively": each trial of a list that
    "respectively" closes, paired by position with the compound list before it (the lists as long)."""
    out: dict[int, M] = {}
    named = s.of("TRIAL", virtual=False)
    k = 0
    while k < len(named):
        trials = [named[k]]
        while k + len(trials) < len(named) and _TRIAL_LIST_GAP.fullmatch(
            s.between(trials[-1], named[k + len(trials)])
        ):
            trials.append(named[k + len(trials)])
        k += len(trials)
        if len(trials) < 2 or not _RESPECTIVELY_AFTER.match(s.low, s.local(trials[-1])[1]):
            continue
        c = ctx.attach(s, trials[0], ("COMPOUND",), cap=150, combinations=False)
        comps = ctx.group(s, c) if c is not None else []
        if len(comps) == len(trials) and all(g.end <= trials[0].start for g in comps):
            out.update((id(t), g) for t, g in zip(trials, comps, strict=True))
    return out
