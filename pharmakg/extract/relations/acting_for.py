"""Acts done for another company: "Orbital Bio, a contract research organization, will conduct the study of
ZB-12 on behalf of Helix" is Helix's act on ZB-12 (the developer), not the CRO's. Cue words are data
(relation_cues.json developers.acting_for)."""

from __future__ import annotations

import re

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.sentence import Sent


class ActingFor:
    """The company an act on a compound is done for ("A will conduct the study of X on behalf of (its partner)
    B": B), by the cue words of relation_cues.json developers.acting_for."""

    def __init__(self, words: list[str]) -> None:
        self.gap = re.compile(
            r"^[^,;:()]{0,60}?\b(?:" + alternation(words) + r")\s+(?:the\s+|its\s+|their\s+)?(?:[a-z-]+\s+)?$"
        )

    def __call__(self, s: Sent, compound: M, companies: list[M]) -> M | None:
        after = (c for c in companies if c.start >= compound.end and self.gap.match(s.between(compound, c)))
        return next(after, None)
