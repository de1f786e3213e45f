"""After a closed acquisition the acquirer develops the acquired company's compounds (ANNOTATION.md
conventions: roles), wherever the document names them: "Orbital Bio has completed its acquisition of Helix.
Helix's lead candidate, ZB-12, is in Phase 2." gives ZB-12 to Orbital Bio as well as to Helix. The sentence
rule (``developers``) reads an acquisition and the compounds named with it in one clause; this document rule
joins an acquisition to the developers the other sentences state. An agreement to acquire is not closed: it
gives nothing ("Orbital Bio agreed to acquire Helix")."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent

# said of the acquirer, the acquired company right after: "completed its acquisition of B", "has acquired B"
_ACQUIRER_DID = re.compile(
    r"\b(?:(?:completed|completes|closed|closes|finalized|finalised)\s+(?:its|the|their)\s+"
    # the deal's size or kind may come before the noun: "its $2.7 billion acquisition of", "its all-cash
    # merger with"
    r"(?:previously announced\s+)?(?:(?:(?:us)?\$\s?[\d.,]+|[\d.,]+|billion|million|bn|all-cash|all-stock|"
    r"cash|tender|offer|friendly)\s+){0,3}(?:acquisition\s+of|merger\s+with)"
    r"|(?:has|have|had)\s+acquired|acquired)\s+"
)
# what may stand between the acquisition and the acquired company: "the", or a descriptor ending in a kind
# noun ("of Boston-based gene therapy specialist Helix", "of clinical-stage biotechnology company Helix")
_BEFORE_ACQUIRED = re.compile(
    r"\s*(?:the\s+)?(?:(?:[\w.'-]+,?\s+){0,7}?(?:company|biotech|biotechnology|biopharma|biopharmaceutical|firm|"
    r"developer|maker|drugmaker|specialist|start-?up)\s+)?"
)
# said of the acquired company, the acquirer right after: "B, which was acquired by A", "B was acquired by A"
_ACQUIRED_BY = re.compile(r"\b(?:was|were|has been|have been|had been|,)\s*acquired\s+by\s+")
_PLANNED = re.compile(r"\b(?:to be|will be|would be|agreed to|agreement to|plans? to|proposed)\s*$")


@relation_rule("acquired_developers", scope="document")
class AcquiredDevelopers:
    """ "A has completed its acquisition of B" anywhere in the document: A develops what B develops."""

    def __init__(self, cues: dict[str, Any]) -> None:
        self.cues = cues  # the rule reads no cue list of its own: the acquisition grammar is above

    def __call__(self, ctx: RuleContext) -> None:
        developers: dict[str, list[str]] = {}
        for t, subj, obj, _v in ctx.out.items:
            if t == "DEVELOPED_BY" and obj is not None:
                developers.setdefault(obj, []).append(subj)
        if not developers:
            return
        for s in ctx.sents:
            if "acqui" not in s.low:
                continue  # cheap gate first: most sentences name no acquisition
            for acquirer, acquired in _acquisitions(ctx, s):
                for compound in developers.get(acquired.eid, []):
                    if not ctx.out.has_pair("DEVELOPED_BY", compound, acquirer.eid):
                        ctx.emit(
                            "DEVELOPED_BY",
                            compound,
                            acquirer.eid,
                            s,
                            "developer_acquirer",
                            prior="developer_active",
                            hedged=False,
                        )


def _acquisitions(ctx: RuleContext, s: Sent) -> list[tuple[M, M]]:
    """(acquirer, acquired) of the closed acquisitions a sentence states."""
    companies = s.of("COMPANY", virtual=True)
    out: list[tuple[M, M]] = []
    for m in _ACQUIRER_DID.finditer(s.low):
        after = _right_after(s, companies, m.end())
        before = ctx.subject_company(s, m.start())
        if after is not None and before is not None and not _not_closed(ctx, s, m.start()):
            out.append((before, after))
    for m in _ACQUIRED_BY.finditer(s.low):
        after = _right_after(s, companies, m.end())
        before = ctx.subject_company(s, m.start())
        if after is not None and before is not None and not _not_closed(ctx, s, m.start()):
            out.append((after, before))
    return [(a, b) for a, b in out if a.eid != b.eid and ctx.types.get(b.eid) == "COMPANY"]


def _right_after(s: Sent, companies: list[M], pos: int) -> M | None:
    """The company named right at local offset ``pos`` ("the" may come between)."""
    for c in companies:
        a = c.start - s.start
        if a < pos:
            continue
        # the first company after the cue only, with "the" or a company descriptor before it
        return c if a - pos <= 100 and _BEFORE_ACQUIRED.fullmatch(s.low, pos, a) else None
    return None


def _not_closed(ctx: RuleContext, s: Sent, cue: int) -> bool:
    """A negated or planned acquisition ("has not acquired", "agreed to acquire") is no closed one."""
    window = s.low[max(0, cue - 25) : cue]
    return bool(ctx.cues.negation.search(window) or _PLANNED.search(window))
