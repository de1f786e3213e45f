"""'X, developed in collaboration with B', 'X, which A is developing jointly with B': a participle of
development followed by "with" and a company. B and the compound's owner co-develop X (conventions:
co-development gives both parties DEVELOPED_BY) and are partners. The owner is the compound's possessive
owner, else the company the clause is said of, else the issuing company. Only the company right after
"with" is the partner: the other companies of the sentence (the announcer, a licensor) are not parties.

``alliance_partner``: "X is being developed by A in a strategic alliance with B" names A by the passive cue
and B by the agreement that A develops X in: B co-develops X too."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.sentence import RuleContext, Sent

_WITH = re.compile(r"\s+with\s+(?:the\s+)?$")


def developed_with(
    ctx: RuleContext,
    s: Sent,
    cue: tuple[int, int],
    attrs: dict[str, Any],
    owner_of: Callable[[Sent, M], str | None],
) -> None:
    """The co-developers of one "developed ... with B" cue at local span ``cue``."""
    c0, c1 = cue
    partner = next((c for c in s.of("COMPANY", virtual=False) if 0 < c.start - s.start - c1 <= 16), None)
    if partner is None or not _WITH.fullmatch(s.low[c1 : partner.start - s.start]):
        return
    comp = ctx.attach(s, (c0, c1), ("COMPOUND",), cap=150, direct=False)
    if comp is None:
        return
    subject = ctx.subject_company(s, c0)
    owner = owner_of(s, comp) or (subject.eid if subject is not None else None) or ctx.main
    if owner is None or owner == partner.eid or frozenset((owner, partner.eid)) in ctx.affiliates:
        return
    for x in ctx.group(s, comp):
        for co in (owner, partner.eid):
            ctx.emit("DEVELOPED_BY", x.eid, co, s, "developer_codevelopment", attrs=attrs)
    ctx.emit("PARTNER_OF", owner, partner.eid, s, "partner_cue", attrs=attrs)


def alliance_pattern(nouns: list[str]) -> re.Pattern[str]:
    """The text between the developer and its alliance partner: "in a strategic alliance with"."""
    alts = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    return re.compile(
        r"^\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:in|under|through|as part of)\s+(?:(?:a|an|its|their|the)\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{alts})\s+with\s+(?:the\s+)?$"
    )


def alliance_partner(s: Sent, developer: M, between: re.Pattern[str]) -> M | None:
    """The company named right after "<developer> in a collaboration with", if any."""
    after = [c for c in s.of("COMPANY", virtual=False) if c.start >= developer.end]
    if after and after[0].eid != developer.eid and between.match(s.between(developer, after[0])):
        return after[0]
    return None
