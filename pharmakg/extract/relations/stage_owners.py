"""Which compound a stage phrase is said of where that is not simply the closest one of its clause: the
compound whose parenthesis, apposition or relative clause holds the stage ("ZB-12 (Phase 2)", "cetuximab, an
approved antibody", "with Opdivo, which is approved"), the members of a coordinated list it covers, the
members that a list of stages closed by "respectively" pairs with, and the compound the next sentence names
when a stage of a trial under way comes before any name (relations/phases.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.sentence import RuleContext, Sent

# "nivolumab (Opdivo), an approved PD-1 inhibitor,": the apposition may follow the name's parenthesis or mark
_APPOSITION = re.compile(
    r"(?:\s*\([^()]{1,60}\))?\)?[®™]?\s*,\s+(?:a|an|the|its|their|our|two|both)\s+(?:[\w-]+\s+){0,6}"
)
# "with Tecentriq (atezolizumab), which is approved for ...": a relative clause on the name right before it
_RELATIVE = re.compile(
    r"\)?\s*,?\s*(?:which|that)\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:(?:already|also|now|currently|previously|recently|being)\s+)?(?:(?:in|a|an|the)\s+)?(?:[\w-]+\s+){0,2}?"
)


# "Helix has four programs in ongoing Phase 2 trials": a stage of several unnamed items, none of them the
# compound the next sentence names
_COUNTED_ITEMS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|various|\d+)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:programs?|programmes?|candidates?|compounds?|assets?|products?|molecules?|therapies|drugs)\b"
)


def forward_owner(ctx: RuleContext, s: Sent, window: int = 3) -> str | None:
    """The one compound the sentence after ``s`` names (not as a comparator or combination partner), where
    none of the ``window`` sentences before named a compound: what a stage said ahead of its name is of."""
    if (
        s.index + 1 >= len(ctx.sents)
        or any(0 < s.index - idx <= window for idx, _ in ctx.recent)
        or _COUNTED_ITEMS.search(s.low)
    ):
        return None
    nxt = ctx.sents[s.index + 1]
    eids = {m.eid for m in nxt.of("COMPOUND") if not ctx.comparator(nxt, m) and not ctx.combination(nxt, m)}
    return eids.pop() if len(eids) == 1 else None


# "in Phase 2 and Phase 1 trials, respectively": stage phrases listed (a comma, "and" or "or" and a few
# words between), then "respectively" after the last one in its clause
_STAGE_LIST_GAP = re.compile(
    r"[^.;:()]{0,12}?(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?(?:(?:in|a|an|the)\s+)?"
)
_RESPECTIVELY_AFTER = re.compile(r"[^.;:()]{0,40}?,?\s*respectively\b")


def respective_members(ctx: RuleContext, s: Sent, spans: list[tuple[int, int]]) -> dict[tuple[int, int], M]:
    """ "X and Y are in Phase 2 and Phase 1, respectively": each stage phrase of a list that "respectively"
    closes, paired by position with the members of the compound list the first phrase is said of (the
    lists must be as long)."""
    out: dict[tuple[int, int], M] = {}
    k = 0
    while k < len(spans):
        run = [spans[k]]
        while k + len(run) < len(spans) and _STAGE_LIST_GAP.fullmatch(
            s.low[run[-1][1] : spans[k + len(run)][0]]
        ):
            run.append(spans[k + len(run)])
        k += len(run)
        if len(run) < 2 or not _RESPECTIVELY_AFTER.match(s.low, run[-1][1]):
            continue
        c = ctx.attach(s, run[0], ("COMPOUND",), cap=150, combinations=False)
        group = ctx.group(s, c) if c is not None else []
        if len(group) == len(run) and all(g.end - s.start <= run[0][0] for g in group):
            out.update(zip(run, group, strict=True))
    return out


def appositive_stage_of(s: Sent, a: int) -> M | None:
    """The compound whose apposition a stage stands in ("cetuximab, an approved EGFR antibody,"; "ZB-12, a
    Phase 2 MEK inhibitor"): the stage is that compound's, not the sentence's subject's."""
    before = [m for m in s.of("COMPOUND", virtual=False) if m.end - s.start <= a]
    if not before:
        return None
    m = before[-1]
    return m if _APPOSITION.fullmatch(s.low[m.end - s.start : a]) else None


def relative_stage_of(s: Sent, a: int) -> M | None:
    """The compound a relative clause holding the stage is said of ("ZB-14 is tested with Tecentriq, which is
    approved for ..."): the name right before "which is", not the sentence's subject."""
    before = [m for m in s.of("COMPOUND", virtual=False) if m.end - s.start <= a]
    if not before:
        return None
    m = before[-1]
    return m if _RELATIVE.fullmatch(s.low[m.end - s.start : a]) else None


def listed_with(s: Sent, group: list[M], owner: M) -> list[M]:
    """``owner`` and the members of its group listed right before it ("X and Y, two approved inhibitors"),
    not those with an apposition of their own ("X, a Phase 2 inhibitor, and Y, a preclinical one")."""
    out = [owner]
    for prev in reversed(group[: group.index(owner)] if owner in group else []):
        if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s*", s.between(prev, out[0])):
            break
        out.insert(0, prev)
    return out


def stage_holders(s: Sent, group: list[M], a: int, b: int, stated: Callable[[str], bool]) -> list[M]:
    """The coordinated compounds a stage phrase at s.text[a:b] is said of: all of them ("X and Y, both in
    Phase 2"), unless it stands inside one member's apposition ("X, a Phase 2 MEK inhibitor, and Y"): then
    that member only; a member before an apposition that states its own stage is not one of them ("X, a
    preclinical ADC, and Y, in Phase 1": Phase 1 is Y's only)."""
    before = [g for g in group if g.end - s.start <= a]
    if before and any(g.start - s.start >= b for g in group):
        return [before[-1]]
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        if stated(s.between(prev, nxt)):
            return [g for g in group if g.start >= nxt.start]
    return group


def parenthesised_stage_of(s: Sent, a: int) -> M | None:
    """The compound right before the parenthesis a stage opens ("ZB-12 (Phase 2)", "ZB-20 (preclinical)")."""
    head = s.text[:a].rstrip()
    if not head.endswith("("):
        return None
    paren = len(head) - 1
    return next(
        (m for m in s.of("COMPOUND", virtual=False) if 0 <= paren - (m.end - s.start) <= 2),
        None,
    )
