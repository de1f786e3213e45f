"""Stage phrases that name no stage the compound is in: the bound of a scope or an aim ("develop ZB-12
through Phase 2", "an option at the end of Phase 1", "advancing toward Phase 3"), and trials already completed
or named as the source of reported data. The cue words live in relation_cues.json ("phases": scope_before,
scope_fillers, completed_before, reported_from, reported_after_modifiers, reported_ends_at)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pharmakg.extract.literals import whole_words_regex
from pharmakg.extract.relations.breaks import CLAUSE_BREAK
from pharmakg.extract.relations.cue_words import alternation

if TYPE_CHECKING:
    from pharmakg.extract.relations.sentence import RuleContext, Sent

_IND = re.compile(r"\b(?:ind|investigational new drug|ctas?|clinical trial application)\b")
_SOLD_NAME = re.compile(r"\s+[\w-]+[®™]?\s*\(\s*")
_SELLS = re.compile(r"\b(?:markets|sells|commerciali[sz]es)\n")


def _lowered(words: list[str]) -> str:
    return alternation(words, lower=True)


class StageScope:
    """Reads whether a stage phrase stands as a scope bound or as a trial of the past."""

    def __init__(self, phases: dict[str, Any]) -> None:
        fillers = _lowered(phases.get("scope_fillers", []))
        # "through (the completion of) Phase 2", "until the end of Phase 2", "towards a pivotal Phase 3
        # trial": the scope word right before the stage phrase, past a few function words only
        self.scope = re.compile(
            r"(?<![\w-])(?:"
            + _lowered(phases.get("scope_before", []))
            + r")\s+(?:(?:"
            + fillers
            + r")\s+){0,5}$"
        )
        # "previously completed a Phase 1 trial": a trial done, the stage of the past unless it is the latest
        self.done = re.compile(
            r"(?<![\w-])(?:" + _lowered(phases.get("completed_before", [])) + r")\s+(?:[\w-]+\s+){0,3}$"
        )
        self.drug_class = re.compile(
            r"^\s+(?:[\w-]+\s+){0,2}?(?:"
            + _lowered(phases.get("approved_class_nouns", []))
            + r")(?![\w-]|\s+licen[cs]e)"  # "approved the Biologics License Application": no class
        )
        # "has three products approved in the U.S.": the approval of a counted class right before the word
        self.class_before = re.compile(
            r"(?<![\w-])(?:"
            + _lowered(phases.get("approved_class_nouns", []))
            + r")\s+(?:(?:already|now|currently)\s+)?$"
        )
        # "we plan to file an IND", "the IND was cleared": said of the compound named the sentence before
        self.ind_acts = re.compile(
            r"(?<![\w-])(?:" + _lowered(phases.get("ind_salient_acts", []) or ["\x00"]) + r")(?![\w-])"
        )
        counts = _lowered(phases.get("preclinical_counted_before", []) or ["\x00"])
        self.count = re.compile(r"(?<![\w-])(?:" + counts + r")\s+(?:[\w-]+\s+)?$")
        self.evidence = re.compile(phases.get("preclinical_evidence", "\x00"))
        self.month_may = re.compile(phases.get("month_may", "(\x00)"))
        running = _lowered(phases.get("running_beside_ind", []) or ["\x00"])
        self.running = re.compile(r"(?<![\w-])(?:" + running + r")(?![\w-])")
        past = _lowered(phases.get("past_fronted", []) or ["\x00"])
        verbs = _lowered(phases.get("advanced_it_verbs", []) or ["\x00"])
        self.advanced_into = re.compile(
            r"(?<![\w-])(?:" + verbs + r")\s+it\b[^.;:]{0,160}?\binto\s+(?:(?:a|an|the|its|two|several)\s+)?$"
        )
        # finite plan words only: "the first drug to enter clinical trials" in an apposition plans nothing
        finite = [w for w in phases.get("planned_strict", []) if not w.startswith("to ")]
        self.plan_words = whole_words_regex(finite or ["\x00"])
        self.trial_described = re.compile(phases.get("trial_described", "\x00"))
        self.relative_plan = relative_plan(phases)  # ", which is expected to begin in 2026,"
        self.current_salient = whole_words_regex(phases["current_for_salient"])
        self.past_front = re.compile(r"^\W*(?:" + past + r")\s[^,;]*$")
        self.filed_regardless = re.compile(phases.get("filed_despite_plan", "\x00"), re.IGNORECASE)
        # "entered Phase 1 in 2015": a past entry verb before the stage phrase, a year right after it
        self.past_entry = re.compile(
            r"(?<![\w-])(?:" + _lowered(phases.get("dated_entry_verbs", []) or ["\x00"]) + r")(?![\w-])"
        )
        self.dated_year = re.compile(
            r"^\s*(?:(?:clinical\s+)?(?:trials?|stud(?:y|ies)|testing|development)\s+)?in\s+"
            r"(?:(?:early|mid|late)[\s-]+)?(?:19|20)\d\d\b"
        )
        # "presented Phase 1 results for ZB-12": a noun of reported data right after the stage phrase
        self.data_after = re.compile(
            r"^\s*(?:(?:"
            + _lowered(phases.get("reported_after_modifiers", []) or ["\x00"])
            + r")\s+){0,3}(?:"
            + _lowered(phases.get("reported_from", []) or ["\x00"])
            + r")(?![\w-])"
        )
        # "The Phase 2 trial of ZB-12 met its primary endpoint": a result predicate after the stage phrase
        self.result = re.compile(
            r"^[^.;:]{0,80}?(?<![\w-])(?:" + _lowered(phases.get("result_after", [])) + r")(?![\w-])"
        )

    def months_masked(self, before: str) -> str:
        """``before`` with the month May blanked ("in May", "May 2026"), so it is no modal plan word."""
        return self.month_may.sub(lambda m: m.group(0).replace(m.group(1) or m.group(2), "   "), before)

    def no_plan(self, val: str, low: str, span: tuple[int, int], before: str) -> bool:
        """Whether a plan word before a stage phrase plans nothing: the phrase states a filing under review
        whatever precedes it (a PDUFA or review word up to 50 characters before its end: "expected by the
        PDUFA date", "will review the NDA"), or is an IND or phase inside a fronted phrase of a past event
        ("Following IND clearance, X entered Phase 1"; ``before``: the sentence up to the phrase; a filing
        there is one the approval after it ended: "Following a positive CHMP opinion, ..."), or a phase a
        past verb of advancing moved the compound into past an apposition ("has advanced X (code), its lead
        drug, into Phase 2"; compounds read as "it" in ``before``)."""
        if val == "Filed":
            return bool(self.filed_regardless.search(low[max(0, span[0] - 50) : span[1]]))
        return (val == "IND" or val.startswith("Phase")) and bool(
            self.past_front.match(before) or (val != "IND" and self.advanced(before))
        )

    def advanced(self, before: str) -> bool:
        m = self.advanced_into.search(before)
        return m is not None and not self.plan_words.search(m.group(0))

    def running_now(self, low: str) -> bool:
        """A sentence that says a trial runs ("Enrollment is underway in the Phase 2 study") or describes the
        trial the sentences before named, in the present ("The study is a randomized Phase 2 trial")."""
        return bool(self.current_salient.search(low) or self.trial_described.match(low))

    def mark_sold(self, ctx: RuleContext, s: Sent, span: tuple[int, int], attrs: dict[str, Any]) -> None:
        """Marks the stage ``sold_by_other`` where the phrase at s.low[span] is a company's verb of selling
        ("Orbital Bio markets FENRIX") and that company is not the one the document speaks for: the product is
        that company's."""
        words = s.low[span[0] : span[1]].split()
        if words and _SELLS.fullmatch(words[-1] + "\n"):
            seller = ctx.subject_company(s, span[0])
            if seller is not None and seller.eid != ctx.main:
                attrs["sold_by_other"] = True

    def ind_for_trial(self, window: str) -> bool:
        """An IND named before a phase ("an IND for a Phase 1 trial", "submitted an IND to support a Phase 1
        study"): the trial is still to come, unless a verb of a running trial stands between ("The IND was
        cleared, and the first patient was dosed in the Phase 1 trial")."""
        ind = list(_IND.finditer(window))
        return bool(ind) and not self.running.search(window[ind[-1].end() :])

    def counted(self, before: str) -> bool:
        """A count or quantifier right before "preclinical" ("as well as four pre-clinical molecules"): a
        group of unnamed others, no stage of a named compound."""
        return bool(self.count.search(before))

    def preclinical_evidence(self, phrase: str) -> bool:
        """The Preclinical phrase reads results shown in preclinical models ("has demonstrated activity in
        preclinical models"): a source of data, dropped where a later stage is stated."""
        return bool(self.evidence.match(phrase))

    def dated_past(self, before: str, after: str) -> bool:
        """A stage entered in a year the clause names, by a past verb ("X entered Phase 1 in 2015 and Phase 2
        in 2018, and is now in Phase 3"): a stage of the past where a later one is stated."""
        return bool(self.dated_year.match(after)) and bool(self.past_entry.search(before))

    def generic_class(self, s: Sent, b: int) -> bool:
        """ "approved" before a plural class of drugs ("progressed on approved BTK inhibitors"): said of the
        class, not of a named compound, unless the class lists named compounds right after it ("two lead
        marketed products, X for AMD and Y for prostate cancer", "two approved products: X and Y"); a verb of
        selling ("Kelso markets Dorvia") is said of the compound that follows it only."""
        if _SELLS.search(s.low[max(0, b - 16) : b] + "\n"):
            # the name right after the verb, or in the parenthesis after a brand ("markets Omtavi (QR-51)")
            gap = _SOLD_NAME.match(s.low, b)
            starts = {b + len(s.low[b:]) - len(s.low[b:].lstrip()), gap.end() if gap else -1}
            return not any(s.local(c)[0] in starts for c in s.of("COMPOUND"))
        m = self.drug_class.match(s.low[b : b + 60])
        if m is None:
            return False
        listed = re.match(r"\s*[,:]\s*(?:(?:the|both|namely|including)\s+)?", s.low[b + m.end() :])
        start = b + m.end() + (listed.end() if listed else 0)
        return not (
            listed and listed.group(0).strip() and any(s.local(c)[0] == start for c in s.of("COMPOUND"))
        )

    def class_approved(self, low: str, a: int) -> bool:
        """ "approved" right after a plural class of drugs ("has three products approved in the U.S."): said
        of the class, not of a named compound (unless a colon lists them: "two drugs approved: X and Y")."""
        return bool(self.class_before.search(low[max(0, a - 40) : a])) and ":" not in low[a : a + 60]

    def gave_results(self, after: str) -> bool:
        """A result predicate follows the stage phrase in its clause ("The Phase 2 trial of ZB-12 met its
        primary endpoint"): the trial gave results, a stage of the past where a later one is stated."""
        return bool(self.result.match(after))

    def data_named(self, after: str) -> bool:
        """A noun of reported data right after the stage phrase ("presented Phase 1 results for ZB-12",
        "positive Phase 2 topline data"): the stage names the trial the data came from, a stage of the past
        where a later one is stated."""
        return bool(self.data_after.match(after))

    def completed(self, before: str) -> bool:
        """The clause before the stage phrase says its trial was completed ("ZB-12 completed a Phase 1 trial
        and is now in Phase 2"): marked like a source of reported data, dropped where a later stage is
        stated."""
        return bool(self.done.search(before))

    def bound(self, before: str) -> bool:
        """The clause text before the stage phrase ends with a scope word ("Kappa leads development through
        completion of the Phase 2 trial"): the stage bounds a right or a plan, the compound is not in it."""
        return bool(self.scope.search(before))

    def ind_act(self, low: str) -> bool:
        """Whether the sentence acts on an IND ("we plan to file an IND", "the IND was cleared")."""
        return self.ind_acts.search(low) is not None


def reported_source(phases: dict[str, Any]) -> re.Pattern[str]:
    """A stage phrase named as the source of reported data ("data from a Phase 1 trial of X"): a data noun
    (reported_from) and "from/of/in" before it, with no second predicate between ("showed results in a Phase
    2 trial and is now in ...") and no verb that starts a trial ("Following results from the Phase 2 trial,
    Helix initiated the Phase 3 trial": the later stage is no source; data: reported_ends_at)."""
    nouns = _lowered(phases.get("reported_from", []))
    ends = _lowered(phases.get("reported_ends_at", []))
    return re.compile(
        r"\b(?:" + nouns + r")\s+(?:[\w-]+\s+){0,3}?(?:from|of|in)\b"
        r"(?:(?!\band\s+(?:is|are|was|were|has|have)\b|(?<![\w-])(?:" + ends + r")(?![\w-]))[^.;:]){0,200}$"
    )


def listed_after(s: Sent, lo: int, hi: int) -> bool:
    """Whether s.low[lo:hi], between two stage phrases, continues one list of stages: no clause break, no
    compound named between, a coordinator or comma in it, and not too far ("... in Phase 3 trials in Europe
    for psoriasis and several Phase 2 studies, with IND clearance in the US")."""
    gap = s.low[lo:hi]
    return (
        len(gap) <= 120
        and not CLAUSE_BREAK.search(gap)
        and re.search(r"(?:,|\band\b|\bwith\b|\bas well as\b)", gap) is not None
        and not any(lo <= m.start - s.start and m.end - s.start <= hi for m in s.of("COMPOUND"))
    )


def relative_plan(p: dict[str, Any]) -> re.Pattern[str]:
    """ "the Phase 3 trial of X, which is expected to begin in 2026,", "a Phase 3 study, which Helix plans to
    start next year,": a relative clause on the stage phrase's trial that plans it (cue data: the phases
    section's planned_later and planned_relative)."""
    return re.compile(
        r"^[^.;:()]{0,100}?,\s+(?:which|that)\s+(?:[\w-]+\s+){0,2}?(?:"
        + "|".join(map(re.escape, p["planned_later"] + p.get("planned_relative", [])))
        + r")\b"
    )
