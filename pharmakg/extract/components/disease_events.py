"""Adverse events: a disease named as what happened to patients on a drug is no indication.

The contract's DISEASE is an indication, not a symptom or side effect; in a results release the safety
paragraph names many MeSH diseases ("the most common adverse events were neutropenia and anemia", "one
patient developed pneumonitis", "grade 3 hypertension occurred in 5% of patients"). A disease mention whose
clause opens with an adverse-event noun, a patient who developed or experienced it, or a toxicity grade
before it, or an occurrence predicate after it, is dropped as a mention; the same disease said elsewhere as
an indication stays. The cues are data (disease_grammar.json, ``adverse_events``)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.base import Candidate
from pharmakg.extract.regex_scan import fast_re


class AdverseEvents:
    """The compiled cues of the ``adverse_events`` section of the disease grammar."""

    def __init__(self, section: dict[str, Any]) -> None:
        nouns = "|".join(section.get("nouns", [])) or "(?!)"
        happened = "|".join(section.get("happened_to_patient", [])) or "(?!)"
        after = "|".join(section.get("after", [])) or "(?!)"
        stop = "|".join(map(re.escape, section.get("indication_between", []))) or "(?!)"
        gap = int(section.get("window", 100))
        # the cue, then the rest of the clause up to the disease (a list of events runs on after the cue)
        self.before = re.compile(
            rf"(?:\b(?:{nouns})\b[^.;:()]{{0,{gap}}}|\b(?:{happened})\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}})$",
            re.IGNORECASE,
        )
        self.after = re.compile(rf"^\s*(?:\([^()]{{0,12}}\)\s*)?(?:{after})\b", re.IGNORECASE)
        self.indication_between = re.compile(rf"\b(?:{stop})\b", re.IGNORECASE)
        population = "|".join(map(re.escape, section.get("population_after", []))) or "(?!)"
        self.population = re.compile(rf"^\s+(?:{population})\b", re.IGNORECASE)
        self.window = gap + 60
        # a document with none of the cues anywhere (most) is read no further
        self.anywhere = fast_re(rf"\b(?:{nouns}|{happened}|{after})\b", re.IGNORECASE)

    def is_event(self, text: str, start: int, end: int) -> bool:
        """Whether the disease at text[start:end] is said as an adverse event."""
        if self.population.match(text[end : end + 30]):
            return False  # "adverse events in the melanoma cohort": the population the events were seen in
        before = text[max(0, start - self.window) : start]
        hit = self.before.search(before)
        if hit is not None and not self.indication_between.search(hit.group(0)):
            return True
        return bool(self.after.match(text[end : end + 60]))

    def drop(self, text: str, cands: list[Candidate]) -> None:
        """Drop the disease candidates said as adverse events (in place), with the abbreviation defined in
        parentheses right after one ("cytokine release syndrome (CRS)")."""
        if not self.anywhere.search(text):
            return
        spans = {(c.start, c.end) for c in cands if c.label == "DISEASE"}  # several readers, one span
        ends = {e for a, e in spans if self.is_event(text, a, e)}
        if not ends:
            return
        cands[:] = [
            c
            for c in cands
            if c.label != "DISEASE"
            or not (c.end in ends or any(_DEFINED.fullmatch(text, e, c.start) for e in ends))
        ]


_DEFINED = re.compile(r"\s*\(\s*")
