"""'X, developed in collaboration with B', 'X, which A is developing jointly with B': a participle of
development followed by "with" and a company. B and the compound's owner co-develop X (conventions:
co-development gives both parties DEVELOPED_BY) and are partners. The owner is the compound's possessive
owner, else the company the clause is said of, else the issuing company. Only the company right after
"with" is the partner: the other companies of the sentence (the announcer, a licensor) are not parties."""

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
