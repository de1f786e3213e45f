"""The event a payment is tied to, as the text writes it: a phrase after a preposition ("upon the first
patient dosed", "on signing", "for the initiation of a Phase 3 trial"), or the clause before for an anaphor
("with this event") or a result ("..., triggering a $5 million milestone"). Cue data: relation_cues.json
payments.trigger."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import words_regex
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.payment_amounts import AmountSpans
from pharmakg.extract.relations.sentence import RuleContext, Sent

_REPORTED = re.compile(
    r"^.{0,80}?\b(?:announced|announces|reported|reports|said|says|stated|disclosed)\s+"
    r"(?:today\s+|that\s+|today\s+that\s+)?(?=\w)"
)
_PHRASE_STOP = re.compile(
    r"[,;(\[$]|\.\s|\.$|\s(?:and|or)\s+(?=[A-Z$]|(?:is|are|will|the company)\b)|\s(?:which|whereby)\b"
)


def _phrase(text: str, i: int, end: int) -> str | None:
    """The trigger phrase starting at text[i], up to the next clause or list break."""
    stop = _PHRASE_STOP.search(text[i:end])
    j = i + (stop.start() if stop else len(text[i:end]))
    ph = re.sub(r"\s+", " ", text[i:j]).strip(" ,.")
    ph = re.sub(r"\s+(?:and|or)$", "", ph)
    return ph if 3 <= len(ph) <= 150 else None


def _event(p: str) -> str | None:
    # "X announced today that the first patient was dosed": the event is what was announced
    p = _REPORTED.sub("", re.sub(r"^(?:and|but|so)\s+", "", p.strip(" ,;.")))
    return p if 10 <= len(p) <= 200 and "$" not in p else None


class TriggerReader:
    """Reads the trigger of a payment with the "payments" cues' ``trigger`` words."""

    def __init__(self, pay: dict[str, Any]) -> None:
        t = pay["trigger"]
        self.trig_strong = re.compile(r"(?<![\w-])(?:" + alternation(t["strong"]) + r")\s+", re.IGNORECASE)
        self.trig_weak = re.compile(r"(?<![\w-])(?:" + alternation(t["weak"]) + r")\s+", re.IGNORECASE)
        self.trig_heads = words_regex(t["heads"])
        self.trig_anaphora = words_regex(t["anaphora"])
        self.trig_result = words_regex(t["result"])

    def trigger(self, ctx: RuleContext, s: Sent, a: int, b: int, spans: AmountSpans) -> str | None:
        """The event a payment at s.text[a:b] is tied to, as written; None when the text gives none."""
        low, text = s.low, s.text
        cs, ce = ctx.clause_bounds(s, a, b)
        nxt, prev_end = spans.next_start(a, ce), spans.last_end(a, cs)

        def previous_clause(cut: int) -> str | None:
            here = _event(text[prev_end if prev_end < cut else cs : cut])
            if here:
                return here
            if s.index > 0:
                return _event(re.split(r";\s", ctx.sents[s.index - 1].text.strip())[-1])
            return None

        ana = self.trig_anaphora.search(low, prev_end, b + 60)
        if ana and ana.start() < nxt:
            return previous_clause(ana.start())
        res = self.trig_result.search(low, max(prev_end, a - 60), a)
        if res:
            return previous_clause(res.start())
        for rx, strong in ((self.trig_strong, True), (self.trig_weak, False)):
            for m in rx.finditer(low, b, nxt):
                ph = _phrase(text, m.end(), nxt)
                if ph and (strong or self.trig_heads.search(ph.lower()[:45])):
                    return ph
        found = None
        for rx, strong in ((self.trig_strong, True), (self.trig_weak, False)):
            for m in rx.finditer(low, prev_end, a):
                ph = _phrase(text, m.end(), a)
                if ph and m.end() + len(ph) < a and (strong or self.trig_heads.search(ph.lower()[:45])):
                    found = found or ph
        return found
