"""Compounds a company says it has (read by the ``developers`` rule): "Helix has two clinical programs, ZB-12
and ZB-14", "Helix currently has three product candidates in clinical trials: ZB-12, ZB-14 and ZB-20",
"Helix Pharmaceuticals, whose lead product ZB-12 is in Phase 2, ...". An "About <Company>" section often lists
a pipeline this way. Rights, options and agreements a company "has" are not ownership: words that name them
(data: relation_cues.json, developers.owned_list_blockers) end the reading."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.pronoun_owners import HEADS
from pharmakg.extract.relations.sentence import RuleContext, Sent

_POSSESSIVES = ("'s", "’s", "its", "our", "their")
# words that make the phrase no noun phrase of owned products ("has completed enrollment of", "with data for")
_NOT_MODIFIER = r"(?:of|to|for|from|by|in|on|at|and|or|but|that|which|the|its|their|our)\b"


def owned_list_pattern(cues: dict[str, Any]) -> re.Pattern[str]:
    """From a company's end to the first listed compound: an owner verb (or "whose"), up to four
    modifiers (none of them a blocker word), a product head, an optional "in clinical development", then a
    list opener."""
    verbs = alternation(cues["owned_list_verbs"])
    blockers = alternation(cues["owned_list_blockers"])
    openers = alternation(cues["owned_list_openers"])
    # "whose lead candidate is blood cancer therapy X": the copula and up to three descriptor words
    copulas = alternation(cues["owned_is_copulas"])
    named_is = r"(?:" + copulas + r")\s+(?:the\s+|an?\s+)?(?:(?!" + _NOT_MODIFIER + r")[\w-]+\s+){0,3}?"
    return re.compile(
        # a dash may open the relative clause as a comma does ("B — whose lead product is X —")
        r"\s*(?:\([^()]{0,60}\)\s*)?[,—–]?\s*(?:(?:currently|now|also|today|already)\s+)*"
        r"(?:"
        + verbs
        + r")\s+(?:(?:currently|now|also)\s+)?(?:(?:a|an|two|three|four|five|six|several|multiple|"
        r"various|numerous|\d+)\s+)?"
        r"(?:(?!" + blockers + r"|" + _NOT_MODIFIER + r")[\w-]+\s+){0,4}?" + HEADS + r"(?:\s+(?:in|under)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:development|trials?|studies|testing))?\s*(?:(?:"
        + openers
        + r")\s*|"
        + named_is
        + r")?"
        r"(?:the\s+)?"
    )


def owned_lists(
    ctx: RuleContext, s: Sent, companies: list[M], compounds: list[M], pattern: re.Pattern[str]
) -> None:
    """Each company right before such a phrase develops the compounds it lists (the first and its
    coordinated ones); comparators are passed over."""
    for comp in companies:
        if comp.virtual and s.low[comp.start - s.start : comp.end - s.start].endswith(_POSSESSIVES):
            continue  # "its", "our", "the Company's": a possessive opens a noun phrase, not a clause
        b = comp.end - s.start
        first = next((x for x in compounds if x.start >= comp.end), None)
        if first is None or first.start - comp.end > 160 or first.virtual:
            continue
        if not pattern.fullmatch(s.low, b, first.start - s.start):
            continue
        if ctx.comparator(s, first) or ctx.combination(s, first):
            continue
        for x in ctx.group(s, first):
            ctx.emit("DEVELOPED_BY", x.eid, comp.eid, s, "developer_possessive", x.start - comp.end)
