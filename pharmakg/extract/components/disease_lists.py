"""Table disease names listed with a disease already read: "for pancreatic cancer, gout and psoriasis".

The knowledge component reads a MeSH disease name only with indication wording around it, or listed with one
so read (components/knowledge.py); the names it found without that context it holds on the doc
(``doc._.pkg_held_diseases``). The disease grammar runs after it, so a list whose named member is a grammar
disease ("<grammar disease>, <MeSH name> and <MeSH name>") left its other members unread. A held name joined
to a disease candidate by a list joiner (disease_grammar.json ``list_joiners``: a comma, "and", "or") is a
member of the same list and so a disease too; admission spreads along the list both ways.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pharmakg.extract.components.base import Candidate


def admit_listed(
    text: str, cands: list[Candidate], held: Sequence[Candidate], joiner: re.Pattern[str]
) -> None:
    """Add to ``cands`` (in place) the held disease names joined to a disease candidate by a list joiner."""
    anchors = [(c.start, c.end) for c in cands if c.label == "DISEASE" and c.end > c.start]
    if not held or not anchors:
        return
    # a held name inside any other candidate (a drug's or a target's name) is that candidate's word
    pending = [h for h in held if not any(c.start < h.end and h.start < c.end for c in cands)]
    admitted = True
    while admitted and pending:
        admitted = False
        for h in list(pending):
            if any(_joined(text, a, (h.start, h.end), joiner) for a in anchors):
                cands.append(h)
                anchors.append((h.start, h.end))
                pending.remove(h)
                admitted = True


def _joined(text: str, a: tuple[int, int], b: tuple[int, int], joiner: re.Pattern[str]) -> bool:
    """Whether two spans stand next to each other in a list ("X, Y", "X and Y", "X, or Y")."""
    if a[1] <= b[0]:
        return joiner.fullmatch(text, a[1], b[0]) is not None
    return b[1] <= a[0] and joiner.fullmatch(text, b[1], a[0]) is not None
