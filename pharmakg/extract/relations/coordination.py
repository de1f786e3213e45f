"""Which same-type mentions of a sentence are coordinated ("X and Y", "A (X), B (Y)"): the gap test behind
:meth:`pharmakg.extract.relations.sentence.RuleContext.group`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pharmakg.extract.components.base import read_json
from pharmakg.extract.components.coref import M

if TYPE_CHECKING:
    from pharmakg.extract.relations.sentence import Sent

GROUP_OK = {
    "",
    ",",
    "and",
    ", and",
    "or",
    ", or",
    "/",
    "&",
    "as well as",
    ", as well as",
    ", and also",
    "and also",
    # "colon cancer, gastric cancer, other abdominal cancers": "other" opens the last, broader member
    ", other",
    ", and other",
    "and other",
    ", or other",
    "or other",
}
GROUP_COMBINATION = {"plus", "with", "in combination with", "combined with", "+"}
PAREN = re.compile(r"\([^()]*\)")
APPOSITION = re.compile(r",\s*(?:a|an|the)\s[^,;()]{0,40}?,")
MARKS = re.compile(r"[®™*\[\]]")
# the gap clean-up of coordinated, compiled once (it runs for every pair of same-type mentions)
_PAREN_MARK = re.compile(r"[()]")
_SPACES = re.compile(r"\s+")
_COMMA = re.compile(r"\s*,\s*")
_EDGE_COMMAS = re.compile(r"^(?:, )+|(?:, )+$")
# the modifiers a disease's form opens with ("A, severe early-onset B, and C": three members), as the
# knowledge matcher reads them before a table disease (knowledge_context.json disease_modifiers)
_DISEASE_MODIFIERS = re.compile(read_json("knowledge_context.json")["disease_modifiers"])
_MODIFIER_STOP = frozenset(read_json("knowledge_context.json")["disease_modifier_stop"])


def coordinated(s: Sent, others: list[M], ok: set[str], a: M, b: M) -> bool:
    """Whether two same-type mentions are coordinated: only a list word lies between them, once other
    mentions, parentheses, appositions ("X, a MEK inhibitor, and Y") and marks are taken out."""
    gap = s.text[a.end - s.start : b.start - s.start]
    if a.type == "DISEASE":
        mods = _DISEASE_MODIFIERS.search(gap)
        if mods and not set(mods.group(0).split()) & _MODIFIER_STOP:
            gap = gap[: mods.start()]
    for o in others:  # drop other mentions lying in the gap ("A (X), B (Y)")
        if a.end <= o.start and o.end <= b.start:
            gap = gap.replace(s.text[o.start - s.start : o.end - s.start], " ")
    gap = MARKS.sub("", gap.lower())
    gap = PAREN.sub(" ", gap)
    gap = APPOSITION.sub(",", gap)
    gap = _PAREN_MARK.sub(" ", gap)
    gap = _SPACES.sub(" ", gap).strip()
    gap = _COMMA.sub(", ", gap).strip()
    gap = _EDGE_COMMAS.sub(",", gap) if gap.replace(",", "").strip() == "" else gap
    gap = gap.replace(" ,", ",")
    return gap in ok or gap.rstrip(",").strip() in ok or gap.lstrip(", ").strip() in ok
