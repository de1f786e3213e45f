"""Trial names against code-named compounds among the shape candidates (components/shapes.py): a word acronym
that a trial cue names is that trial at every mention, and a code-shaped trial name that the text also uses
outside a trial cue is a study of that compound ("the ZB-12 study")."""

from __future__ import annotations

import re

from pharmakg.extract.components.base import Candidate

# a code name's shape (ZB-12, HX3301): "the ZB-12 study" is a study of that compound, not a trial's name
_CODE_SHAPE = re.compile(r"[A-Z]{1,3}-?\d+[A-Za-z]?")
# a word of four capitals with a short number: "ZUMA-17", "SOLO-1" (a trial's name, not a code name)
_WORD_TRIAL_NUMBER = re.compile(r"[A-Z]{4}-\d{1,2}")


def trial_names_win(text: str, found: list[Candidate]) -> None:
    """A word acronym that a trial cue names ("the ORBIT2 Phase 3 trial", "HELIOS-3, the pivotal study") is
    that trial at every mention, not a code-named compound; codes of fewer than five capitals (ZB-12, IMGN853)
    stay compounds elsewhere, unless a word of four capitals carries a short number ("About ZUMA-17": drug
    codes of four letters carry three digits or more, ABCD-123)."""
    trials = {
        text[c.start : c.end]: c.extractor
        for c in found
        if c.label == "TRIAL"
        and (
            len(re.findall(r"[A-Z]", text[c.start : c.end])) >= 5
            or _WORD_TRIAL_NUMBER.fullmatch(text[c.start : c.end])
        )
    }
    for c in found:
        if (
            c.label == "COMPOUND"
            and c.extractor.startswith("shape:compound")
            and text[c.start : c.end] in trials
        ):
            c.label = "TRIAL"
            c.extractor = trials[text[c.start : c.end]]


def code_trials_used_as_drugs(text: str, found: list[Candidate]) -> list[Candidate]:
    """A code-shaped trial name ("the ZB-12 study") is a study of that compound when the text also names
    ZB-12 outside a trial cue; a code used only before a trial noun ("the Phase 3 EV-302 trial") is the
    trial's own name. A code of another shape counts where a compound shape reads it elsewhere ("mRNA-2210
    ... the mRNA-2210 Phase 1 study")."""
    codes = {
        text[c.start : c.end]
        for c in found
        if c.label == "COMPOUND" and c.extractor.startswith("shape:compound")
    }
    trial_spans: dict[str, int] = {}
    for c in found:
        surface = text[c.start : c.end]
        if (
            c.label == "TRIAL"
            and c.extractor != "shape:trial_nct"
            and (_CODE_SHAPE.fullmatch(surface) or surface in codes)
        ):
            trial_spans[surface] = trial_spans.get(surface, 0) + 1
    drugs = {
        name
        for name, n in trial_spans.items()
        if len(re.findall(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text)) > n
    }
    return [c for c in found if not (c.label == "TRIAL" and text[c.start : c.end] in drugs)]
