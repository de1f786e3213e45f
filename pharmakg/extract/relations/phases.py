"""IN_PHASE: the development stage of a compound ("in a Phase 2 trial", "approved in the EU", "IND filed"),
current (with pivotal and approval region) or planned ("plans to start a Phase 3 study in 2022": status
planned with its year, recorded apart from the current facts)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.literals import folded, may_match, needed_literals, word_sets
from pharmakg.extract.regex_scan import fast_re
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent
from pharmakg.extract.relations.stage_owners import (
    appositive_stage_of,
    forward_owner,
    listed_with,
    parenthesised_stage_of,
    relative_stage_of,
    respective_members,
    stage_holders,
)
from pharmakg.extract.relations.stage_scope import StageScope, listed_after, reported_source
from pharmakg.model import PHASES, matches_key

_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|met|showed|demonstrated)\b")
_NOT_YET = re.compile(r"\bnot\s+(?:yet\s+)?(?:been\s+)?$")


@relation_rule("phases", min_mentions=0)
class Phases:
    def __init__(self, cues: dict[str, Any]) -> None:
        p = cues["phases"]
        # "a Phase 2-stage inhibitor": a suffix that keeps the stage (data: stage_suffixes)
        suffixes = p.get("stage_suffixes", [])
        suffix = r"(?:" + "|".join(map(re.escape, suffixes)) + r")?" if suffixes else ""
        self.patterns = [
            (fast_re(r"(?<![\w-])(?:" + rx + r")" + suffix + r"(?![\w-])", re.IGNORECASE), val)
            for rx, val in p["patterns"]
        ]
        self.implied = [
            (fast_re(r"(?<![\w-])(?:" + rx + r")(?![\w-])", re.IGNORECASE), val)
            for rx, val in p.get("implied_patterns", [])
        ]
        # the words each pattern cannot match without (as sets; each word looked for once per sentence): most
        # sentences hold none of a pattern's, and a word test is cheaper than a case-insensitive regex
        self.pattern_sets, self.all_words = word_sets([needed_literals(rx) for rx, _ in self.patterns])
        self.implied_words = [needed_literals(rx) for rx, _ in self.implied]
        self.planned_before = words_regex(p["planned_before"])
        self.planned_fronted = {w.lower() for w in p.get("planned_fronted", [])}
        self.planned_after = re.compile(
            r"^\W{0,3}(?:(?:clinical\s+)?(?:trial|trials|study|studies|testing|program|evaluation|application|"
            r"filing|submission)\s+)?(?:" + "|".join(map(re.escape, p["planned_after"])) + r")\b",
            re.IGNORECASE,
        )
        self.prefilter = re.compile(
            r"phase|clinic|ind\b|\bctas?\b|investigational|approv|review|filed|submi|launch|marketed|sold|accept|validat|"
            r"application|authori[sz]ation|\b(?:s?bla|s?nda|maa)\b|pdufa|in[- ](?:human|man|patient)|"
            r"complete response|commercially available|proceed with|prescription|opinion|\bfih\b|\bmarkets\b|"
            r"\bsells\b|commerciali[sz]es|development candidate|on the market",
            re.IGNORECASE,
        )
        self.prefilter_words = needed_literals(self.prefilter)
        self.part_wins = set(p.get("part_label_wins", []))
        self.subpart = re.compile(r"^\s*(?:" + "|".join(map(re.escape, p["sub_part_after"])) + r")\b")
        self.current = words_regex(p["current_override"])
        not_approval = p["approved_not_before_nouns"] + p.get("approved_not_before_process_nouns", [])
        self.approved_not = re.compile(r"^\s*(?:" + "|".join(not_approval) + r")\b")
        # "a BLA for approval of X", "seeking approval": approval is the aim, not the state
        self.approval_sought = re.compile(
            r"\b(?:" + "|".join(p["approved_not_after"]) + r")\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
        )
        self.ind_planned_value = p["ind_planned_value"]
        # "received IND approval", "clinical trial approval": the approval of a trial, not of the drug
        self.trial_approval = re.compile(
            r"\b(?:" + "|".join(map(re.escape, p["approval_of_trial_before"])) + r")\s+$"
        )
        # "the collaboration, approved in 2020", "approved by the boards of directors": a deal's approval
        self.deal_approval_before = re.compile(p["approval_of_deal_before"])
        self.deal_approval_after = re.compile(p["approval_of_deal_after"])
        # "a Phase 3 trial comparing X with Y is planned for 2023": the clause's predicate makes it a plan
        self.planned_later = re.compile(
            r"^(?P<gap>[^.;:]{0,120}?)\b(?:" + "|".join(map(re.escape, p["planned_later"])) + r")\b"
        )
        # "a Phase 3 trial of X, to be initiated in 2025, ...": a participle set off by a comma plans it
        self.appositive_plan = re.compile(
            r"^[^.;:,()]{0,80}?,\s+(?:"
            + "|".join(map(re.escape, p.get("planned_appositive", []) or ["\x00"]))
            + r")\b"
        )
        self.achieved = words_regex(p.get("achieved_before_plan", []) or ["\x00"])
        # "reported data from a Phase 1 trial of X": a trial named as the source of data reported (not past a
        # second predicate: "showed results in a Phase 2 trial and is now in the Phase 3 ORBIT trial")
        self.reported = reported_source(p)
        self.readout = words_regex(p.get("readout_after_plan", []) or ["\x00"])
        self.starts = words_regex(p.get("start_after_plan", []) or ["\x00"])
        self.pivotal = words_regex(p["pivotal"])
        self.confirmatory = words_regex(p["confirmatory"])
        self.planned_year = re.compile(p["planned_year"], re.IGNORECASE)
        self.planned_strict = words_regex(p["planned_strict"])
        # "the Phase 3 trial of X was discontinued", "halted the Phase 2 study": a stopped trial is no stage
        stopped = "|".join(map(re.escape, p["stopped_after"]))
        self.stopped_after = re.compile(
            r"^[^.;]{0,60}?\b(?:was|were|has been|have been|had been|is being|are being)\s+(?:"
            + stopped
            + r")\b"
        )
        self.stopped_before = re.compile(
            r"\b(?:discontinu|terminat|halt|stopp|suspend)\w*\s+(?:the|its|our|their)?\s*$"
        )
        self.scope = StageScope(p)

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        low = folded(s.text)
        held: dict[str, bool] = {}  # each word looked up in the sentence once (patterns share words)
        if not may_match(low, self.prefilter_words, held) or not self.prefilter.search(s.text):
            return
        found: list[tuple[int, int, str]] = []
        present = None if low is None else frozenset([w for w in self.all_words if w in low])
        for (rx, val), needed in zip(self.patterns, self.pattern_sets, strict=True):
            if present is not None and needed is not None and needed.isdisjoint(present):
                continue
            for m in rx.finditer(s.text):
                # "an NDA for X was submitted": the stage is read from the application noun, not over X
                a, b = m.span("anchor") if "anchor" in rx.groupindex else m.span()
                if not any(x < m.end() and m.start() < y for x, y, _ in found):
                    found.append((a, b, val))
        if not any(val.startswith("Phase") for _, _, val in found):
            # "a first-in-human study": the kind of trial implies its phase when no phase number is given
            for (rx, val), words in zip(self.implied, self.implied_words, strict=True):
                hit = rx.search(s.text) if may_match(low, words, held) else None
                if hit and not any(x < hit.end() and hit.start() < y for x, y, _ in found):
                    found.append((hit.start(), hit.end(), val))
                    break
        found.sort()
        # "the Phase 3 part of the Phase 2/3 study" counts by the part's label (conventions: more stages), the
        # whole study's stage after it is not read; "the Phase 2 portion of the Phase 1/2 study" counts by the
        # study's (data: part_label_wins)
        wholes = {
            (x, y)
            for a, b, val in found
            if val in self.part_wins and self.subpart.match(s.low[b : b + 20])
            for x, y, _ in found
            if b < x <= b + 40
        }
        parts = {
            (a, b)
            for a, b, val in found
            if val not in self.part_wins
            and self.subpart.match(s.low[b : b + 20])
            and any(b < x <= b + 40 for x, _, _ in found)
        }
        paired = respective_members(ctx, s, [(a, b) for a, b, _ in found]) if "respectively" in s.low else {}
        prev: tuple[M, int] | None = None
        for a, b, val in found:
            if (a, b) not in wholes and (a, b) not in parts:
                c = self.phrase(ctx, s, a, b, val, prev, paired.get((a, b)))
                prev = (c, b) if c is not None else prev

    def phrase(
        self,
        ctx: RuleContext,
        s: Sent,
        a: int,
        b: int,
        val: str,
        prev: tuple[M, int] | None = None,
        respective: M | None = None,
    ) -> M | None:
        """One phase phrase at s.text[a:b] with its value ("Phase 2", "Approved", "IND", ...); ``prev``: the
        compound the sentence's last stage phrase was said of and that phrase's end; ``respective``: the
        member of a compound list a list of stages pairs with this one ("X and Y are in Phase 2 and Phase 1,
        respectively"). Returns the compound this one is said of, if a current stage."""
        clause_start = max([0, a - 70] + [m.end() for m in CLAUSE_BREAK.finditer(s.low[:a])])
        # "ZB-12 (Phase 2), ZB-14 (Phase 1)": each its own stage; "with cetuximab, an approved antibody":
        # the stage of the compound whose apposition holds it, whatever the clause plans for it ("will
        # co-develop ZB-12, a Phase 2 antibody")
        owner = parenthesised_stage_of(s, a) or appositive_stage_of(s, a) or relative_stage_of(s, a)
        if owner is not None:
            clause_start = max(clause_start, owner.end - s.start)
        before = self.main_clause(self.scope.months_masked(_compounds_as_it(s, clause_start, a)))
        if self.scope.bound(before):
            # "develops ZB-12 through Phase 2", "an option at the end of Phase 1": a bound, no stage
            return None
        plan_after = self.plan_after(s.low[b:])
        planned = (bool(self.planned_before.search(before)) and not self.achieved_upon(before)) or plan_after
        planned = planned and not self.scope.no_plan(val, s.low, (a, b), _compounds_as_it(s, 0, a))
        if planned and val.startswith("Phase") and self.readout_of_running(before, s.low[b:]):
            planned = False  # "expects to report topline data from the Phase 2b trial": it runs now
        if planned and val != "IND":
            cur = self.current.search(before)
            plan = list(self.planned_before.finditer(before))
            # "following Phase 2 results, X entered Phase 3", "has advanced into Phase 2": a current verb
            # after (or ending with) the plan word
            if not (cur and plan and cur.end() >= plan[-1].end() and cur.start() >= plan[-1].start() - 20):
                if val != "Preclinical" and (self.planned_strict.search(before) or plan_after):
                    self.planned(ctx, s, a, b, val, clause_start)
                return None
        if val.startswith("Phase") and self.scope.ind_for_trial(s.low[max(0, a - 120) : a]):
            return None  # "an IND for a Phase 1 trial": the trial is still to come
        if self.stopped_after.match(s.low[b:]) or self.stopped_before.search(s.low[max(0, a - 30) : a]):
            return None
        ind = val == "IND"
        if val == "IND" and planned:
            val = self.ind_planned_value
        elif val == "Preclinical" and (planned or self.scope.counted(s.low[max(0, a - 30) : a])):
            return None
        if val == "Approved":
            if not self.drug_approval(s.low, a, b) or (
                owner is None and (self.scope.generic_class(s, b) or self.scope.class_approved(s.low, a))
            ):
                return None
            c = ctx.attach(s, (a, b), ("COMPOUND",), cap=80, virtual=False, combinations=False)
        else:
            c = ctx.attach(s, (a, b), ("COMPOUND",), cap=150, combinations=False)
            if c is None and prev is not None and listed_after(s, prev[1], a):
                # "ZB-12, developed ... platform, is in Phase 3 trials in Europe for psoriasis and several
                # Phase 2 studies, with IND clearance in the US": a stage listed after the one said of ZB-12
                c = prev[0]
        c = owner or c
        attrs: dict[str, Any] = {"status": "current", "text": s.text[a:b]}
        reported = self.past_or_source(s, a, b, val, before)
        if self.pivotal.search(s.low[max(clause_start, a - 40) : b + 30]):
            attrs["pivotal"] = True
        if self.confirmatory.search(s.low[max(clause_start, a - 40) : b + 30]):
            attrs["confirmatory"] = True  # an approved drug's confirmatory trial is not its stage (post)
        if val == "Approved":
            self.scope.mark_sold(ctx, s, (a, b), attrs)  # "Its partner B markets X": no default owner (post)
        region = ctx.places.approval_region(s.text, a, b) if val in ("Approved", "Filed") else None
        if region:  # an approval's region; a filing's too (a dated-back filing where it is approved: post)
            attrs["region"] = region
        if c is None:
            self.unattached(ctx, s, (a, b), val, attrs, reported, ind)
            return None
        for g in self.holders(ctx, s, (a, b), c, owner, respective):
            emit_stage(ctx, s, g.eid, val, attrs, reported, abs(g.start - s.start - a))
        return c

    def holders(
        self, ctx: RuleContext, s: Sent, span: tuple[int, int], c: M, owner: M | None, respective: M | None
    ) -> list[M]:
        """The compounds a current stage phrase at s.text[span] said of ``c`` goes to: the member a
        "respectively" list pairs it with; the compound whose apposition or relative clause holds it, with
        those listed right before (a partner's own stage too: "in combination with Opdivo, which is approved
        in melanoma"); else the members of c's list it covers, no comparator or combination partner."""
        if respective is not None:
            return [respective]
        if owner is not None:
            return listed_with(s, ctx.group(s, owner), owner)
        group = stage_holders(s, ctx.group(s, c), span[0], span[1], self.own_stage)
        return [g for g in group if not ctx.comparator(s, g) and not ctx.combination(s, g)]

    def plan_after(self, after: str) -> bool:
        """Whether the text after a stage phrase plans it: "is planned", "a Phase 3 trial comparing X with Y
        is planned for 2023", ", to be initiated in 2025,", ", which is expected to begin in 2026,"."""
        return (
            bool(self.planned_after.match(after))
            or self.predicate_planned(after)
            or bool(self.appositive_plan.match(after))
            or bool(self.scope.relative_plan.match(after))
        )

    def unattached(
        self,
        ctx: RuleContext,
        s: Sent,
        span: tuple[int, int],
        val: str,
        attrs: dict[str, Any],
        reported: bool,
        ind: bool,
    ) -> None:
        """A stage phrase at s.text[a:b] that no compound of its sentence holds: the stage of a named trial,
        or of the compound the sentences before named ("Enrollment is underway in the Phase 2 study"; "We plan
        to file an IND later this year")."""
        a, b = span
        trial = ctx.attach(s, (a, b), ("TRIAL",), cap=60, virtual=False)
        if trial is not None and val.startswith("Phase"):
            ctx.trial_stages.append((trial.eid, val, s, attrs))
        # the stage of a named trial under way ("the ongoing Phase 2 ALPHA trial"), not of one reported on
        trial_now = val.startswith("Phase") and self.scope.running_now(s.low)
        for eid in ctx.via_trial(s, (a, b)) if trial_now else []:
            emit_stage(ctx, s, eid, val, attrs, reported, rule="phase_salient")
        # "enrollment is underway in the Phase I/II study" after a sentence naming the compound; a stage
        # of a named trial goes to what the trial evaluates instead (post: stages of trials)
        sal = salient_owner(ctx, s, window=3) if trial is None else None
        if sal is not None and trial_now:
            # "data from three trials that enrolled ..., including a Phase 3 trial": a source of data
            emit_stage(ctx, s, sal, val, attrs, reported, rule="phase_salient")
        elif sal is None and trial is None and trial_now and not s.of("COMPOUND"):
            # "Calderon Initiates Phase 2 Trial in Gout" before "... dosed the first patient with CP-404":
            # a trial under way that no sentence before named a compound for, then one compound in the next
            ahead = forward_owner(ctx, s)
            if ahead is not None:
                emit_stage(ctx, s, ahead, val, attrs, reported, rule="phase_salient")
        elif ind and trial is None and self.scope.ind_act(s.low):
            # "ZB-12 received the designation. We plan to file an IND later this year": the IND (or,
            # planned, the stage before the clinic) of the compound the sentence before named
            sal = salient_owner(ctx, s, window=1)
            if sal is not None:
                emit_stage(ctx, s, sal, val, attrs, reported, rule="phase_salient")

    def own_stage(self, gap: str) -> bool:
        """Whether the text between two listed compounds states a stage (an apposition of the first)."""
        return any(rx.search(gap) for rx, _ in self.patterns)

    def past_or_source(self, s: Sent, a: int, b: int, val: str, before: str) -> bool:
        """Whether the stage phrase at s.low[a:b] names a trial of the past or a source of reported data
        ("data from a Phase 1 trial", "completed a Phase 1 trial", "entered Phase 1 in 2015", "The Phase 2
        trial met its endpoint", "has demonstrated activity in preclinical models"): kept only where no later
        stage of the compound is stated (phase_reports)."""
        if val == "Preclinical":
            return self.scope.preclinical_evidence(s.low[a:b])
        return val.startswith("Phase") and (
            bool(self.reported.search(s.low[max(0, a - 220) : a]))
            or self.scope.completed(before)
            or self.scope.dated_past(before, s.low[b:])
            or self.scope.gave_results(s.low[b:])
            or self.scope.data_named(s.low[b:])
        )

    def achieved_upon(self, before: str) -> bool:
        """The plan word before a stage phrase is a preposition after a past verb of payment or achievement
        ("received a $10 million milestone upon initiation of the Phase 2 trial"): the event happened."""
        plan = list(self.planned_before.finditer(before))
        if not plan or plan[-1].group(0).lower() not in self.planned_fronted:
            return False
        return bool(self.achieved.search(before[: plan[-1].start()]))

    def main_clause(self, before: str) -> str:
        """The text before a stage phrase past a fronted prepositional plan ("Following the CHMP opinion, the
        Commission granted ..."): the preposition plans its own phrase, not the clause after the comma."""
        plan = list(self.planned_before.finditer(before))
        if plan and plan[-1].group(0).lower() in self.planned_fronted and "," in before[plan[-1].end() :]:
            return before[before.rindex(",") + 1 :]
        return before

    def drug_approval(self, low: str, a: int, b: int) -> bool:
        """Whether "approved"/"approval" at low[a:b] is a drug's marketing approval: not "approved therapies",
        "not yet approved", "IND approval", a deal's approval or an approval sought."""
        return not (
            self.approved_not.match(low[b : b + 40])
            or _NOT_YET.search(low[max(0, a - 20) : a])
            or self.trial_approval.search(low[max(0, a - 40) : a])
            or self.deal_approval_before.search(low[max(0, a - 60) : a])
            or self.deal_approval_after.match(low[b : b + 60])
            or self.approval_sought.search(low[max(0, a - 40) : a])
        )

    def predicate_planned(self, after: str) -> bool:
        """A plan word as the predicate of the clause the stage phrase opens, with no comma or other finite
        verb between ("a Phase 3 trial comparing X with Y is planned for 2023")."""
        m = self.planned_later.match(after)
        return m is not None and "," not in m.group("gap") and not _FINITE.search(m.group("gap"))

    def readout_of_running(self, before: str, after: str) -> bool:
        """A plan to report or complete what a trial under way gives ("will present Phase 1 data", "expects to
        complete enrollment in the Phase 3 trial"), with no start verb after the plan word."""
        plan = list(self.planned_before.finditer(before))
        if not plan or self.planned_after.match(after):
            return False
        tail = before[plan[-1].end() :]
        return bool(self.readout.search(tail)) and not self.starts.search(tail)

    def planned(self, ctx: RuleContext, s: Sent, a: int, b: int, val: str, clause_start: int) -> None:
        """ "plans to start a Phase 3 study in 2022": IN_PHASE status planned (with its year), kept apart."""
        if ctx.cues.negation.search(s.low[clause_start:a]):
            return  # "will no longer enroll patients in the Phase 3 trial" is no plan
        c = ctx.attach(s, (a, b), ("COMPOUND",), cap=150, combinations=False)
        comps = (
            [g for g in ctx.group(s, c) if not ctx.comparator(s, g) and not ctx.combination(s, g)]
            if c is not None
            else []
        )
        eids = [g.eid for g in comps]
        if not eids:
            sal = ctx.salient(s)
            eids = [sal] if sal else []
        _, end = ctx.clause_bounds(s, a, b)
        attrs: dict[str, Any] = {"status": "planned", "text": s.text[a:b]}
        y = self.planned_year.search(s.text, b, end) or self.planned_year.search(s.text, clause_start, a)
        if y:
            attrs["year"] = y.group(1)
        if self.pivotal.search(s.low[max(clause_start, a - 40) : b + 30]):
            attrs["pivotal"] = True
        for eid in eids:
            ctx.emit("IN_PHASE", eid, None, s, "phase_planned", side=True, value=val, attrs=attrs)


def salient_owner(ctx: RuleContext, s: Sent, window: int = 2, unnamed: bool = True) -> str | None:
    """The salient compound (ctx.salient) passing over combination partners and comparators ("... of X as
    monotherapy and in combination with Y. The Phase 2 portion is enrolling": the stage is X's).
    ``unnamed``: only for a sentence that names no compound."""
    if unnamed and s.of("COMPOUND"):
        return None
    for idx, eid in reversed(ctx.recent):
        if s.index - idx > window:
            break
        prev = ctx.sents[idx]
        mentions = [m for m in prev.of("COMPOUND") if m.eid == eid]
        if any(not ctx.comparator(prev, m) and not ctx.combination(prev, m) for m in mentions):
            return eid
    return None


def _compounds_as_it(s: Sent, lo: int, hi: int) -> str:
    """s.low[lo:hi] with each compound named in it read as "it", so that the stage verbs of the cue data
    also read "advanced ZB-12 into a Phase 3 trial" (as "advanced it into")."""
    out, pos = [], lo
    for m in s.of("COMPOUND", virtual=False):
        a, b = s.local(m)
        if lo <= a and b <= hi:
            out += [s.low[pos:a], "it"]
            pos = b
    return "".join(out) + s.low[pos:hi]


_ORDER = list(PHASES)  # the stages from the earliest to the latest
REPORTED = "reported"  # an attr while the rules run: every statement of the stage names a data source


def emit_stage(
    ctx: RuleContext,
    s: Sent,
    eid: str,
    val: str,
    attrs: dict[str, Any],
    reported: bool,
    dist: int = 0,
    rule: str = "phase_cue",
) -> None:
    """Emit a stage; ``reported``: said only as the trial data come from ("data from a Phase 1 trial of X"),
    kept marked as such until another statement of the same stage says it plainly."""
    draft = ctx.out.items.get(matches_key("IN_PHASE", eid, None, val))
    mark = reported and (draft is None or REPORTED in draft.attrs)
    ctx.emit(
        "IN_PHASE",
        eid,
        None,
        s,
        rule,
        dist,
        value=val,
        attrs={**attrs, REPORTED: True} if mark else attrs,
    )
    if not reported:
        ctx.out.items[matches_key("IN_PHASE", eid, None, val)].attrs.pop(REPORTED, None)


@relation_rule("phase_reports", scope="document")
class PhaseReports:
    """A stage said only as the source of reported data ("results from the Phase 1 trial of X were
    presented") is an earlier trial, not the current stage, when the text states a later stage of X."""

    def __init__(self, cues: dict[str, Any]) -> None:
        pass

    def __call__(self, ctx: RuleContext) -> None:
        top: dict[str, int] = {}
        for (t, subj, _o, v), draft in ctx.out.items.items():
            if t == "IN_PHASE" and v in _ORDER and REPORTED not in draft.attrs:
                top[subj] = max(top.get(subj, -1), _ORDER.index(v))
        for key, draft in list(ctx.out.items.items()):
            if key[0] == "IN_PHASE" and draft.attrs.pop(REPORTED, None):
                if key[3] in _ORDER and top.get(key[1], -1) > _ORDER.index(key[3]):
                    ctx.out.remove(key)
