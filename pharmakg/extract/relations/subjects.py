"""Who a clause is said of (read by ``developers``, ``developer_acts`` and ``licence_parties``): the subject
company of a verb, past an apposition or relative clause set off by commas ("Orbital Bio, a Helix company, is
developing X"), its companion set off after it ("A, in collaboration with B, is developing X": both), and the
company whose possessive opens a compound's noun phrase ("A's lead drug, X"; a name in -s with a bare
apostrophe: "Harwell Biologics' X")."""

from __future__ import annotations

import re

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.sentence import Sent

# the possessive after a company's name: "Helix's", and the bare apostrophe of a name in -s ("Harwell
# Biologics'")
POSS = r"(?:'s|’s|'|’)"


# "Orbital Bio, a subsidiary of Helix, is developing", "Helix, which acquired Orbital Bio in 2019, develops":
# an apposition or relative clause set off by commas between the subject company and its verb
_SET_OFF = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:a|an|the|which|who|whose|its|formerly|now|part\s+of)\b[^,;:()]{0,100},"
    r"\s*(?:(?:also|now|currently|today|itself)\s+)*"
)


# "A, in collaboration with B, is developing X", "A, together with its partner B, is developing X": B is set
# off by commas after the subject A, and the verb is said of both
_WITH_SET_OFF = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:in\s+(?:collaboration|partnership|cooperation|conjunction)|together|along|"
    r"jointly)\s+with\s+(?:(?:its|their)\s+(?:[\w-]+\s+)?(?:partner|collaborator)s?\s+)?(?:the\s+)?$"
)
_AFTER_COMPANION = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:(?:also|now|currently|today|itself)\s+)*$")


def companion_subject(s: Sent, before: list[M], cue: int) -> M | None:
    """The company set off after the subject as its companion in the act at local offset ``cue`` ("A, in
    collaboration with B, is developing X": B), if any."""
    if len(before) < 2:
        return None
    head, last = before[-2], before[-1]
    if last.virtual or head.eid == last.eid:
        return None
    if _WITH_SET_OFF.fullmatch(s.between(head, last)) and _AFTER_COMPANION.fullmatch(
        s.low, last.end - s.start, cue
    ):
        return last
    return None


def companion_of(s: Sent, subject: M) -> M | None:
    """The company set off by commas right after ``subject`` as its companion ("A, in collaboration with B,
    submitted ...": B), if any."""
    after = [c for c in s.of("COMPANY", virtual=False) if c.start >= subject.end]
    if not after or after[0].eid == subject.eid or not _WITH_SET_OFF.fullmatch(s.between(subject, after[0])):
        return None
    return after[0] if re.match(r"\s*(?:\([^()]{0,60}\)\s*)?,", s.low[after[0].end - s.start :]) else None


def clause_subject(s: Sent, before: list[M], cue: int) -> M:
    """The company a verb at local offset ``cue`` is said of: the last of ``before`` (the companies named
    before the verb), unless that one is named inside an apposition or relative clause set off by commas
    after an earlier company, the subject ("Orbital Bio, a Helix company, is developing X": Orbital Bio)."""
    last = before[-1]
    for head in before[:-1]:
        if head.end <= last.start and _SET_OFF.fullmatch(s.low, head.end - s.start, cue):
            return head
    if companion_subject(s, before, cue) is not None:
        return before[-2]
    return last


# "A's lead anti-cancer drug, X": the possessive and at most five modifiers before the compound
POSSESSED = re.compile(r"^" + POSS + r"\s+(?:[\w-]+\s+){0,5}?(?:[\w-]+\s*,\s*)?$")


def possessive_owner(s: Sent, comp: M) -> str | None:
    """The company whose possessive opens the noun phrase of ``comp`` ("A's lead drug, X"), if any."""
    before = [c for c in s.of("COMPANY") if c.end <= comp.start and comp.start - c.end <= 60]
    if not before:
        return None
    owner = before[-1]
    gap = s.text[owner.end - s.start : comp.start - s.start]
    if owner.virtual and s.low[owner.start - s.start : owner.end - s.start].endswith(("'s", "’s")):
        gap = "'s" + gap
    if gap[:1] in ("'", "’") and gap[1:2] != "s" and not s.low[: owner.end - s.start].endswith("s"):
        return None  # a closing quote, not the apostrophe of a name in -s ("Harwell Biologics' X")
    return owner.eid if POSSESSED.match(gap) else None
