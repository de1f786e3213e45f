"""A company's therapy areas: diseases named in a company's description are no indication.

"Xencor, a clinical-stage company developing antibodies for the treatment of cancer, asthma and allergic
diseases, today announced ..." names the company's areas, not a compound's indication (annotation
Conventions: a company's therapy area is not a DISEASE). A disease mention inside such a description -- after
"<, | is> a/an ... company/biotech/developer" in the same clause, before the clause's reporting verb, with no
compound named between the description's start and the disease -- is dropped as a mention; the same disease
said elsewhere of a compound stays. The words are data (disease_grammar.json, ``company_areas``)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.base import Candidate
from pharmakg.extract.regex_scan import fast_re


class CompanyAreas:
    """The compiled cues of the ``company_areas`` section of the disease grammar."""

    def __init__(self, section: dict[str, Any]) -> None:
        nouns = "|".join(map(re.escape, section.get("company_nouns", []))) or "(?!)"
        stop = "|".join(map(re.escape, section.get("description_ends", []))) or "(?!)"
        self.window = int(section.get("window", 200))
        # ", a clinical-stage biopharmaceutical company" / "is a biotech": where a description opens
        self.opening = fast_re(rf"(?:,|\bis)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,5}}?(?:{nouns})\b", re.IGNORECASE)
        self.ends = re.compile(rf"\b(?:{stop})\b|[.;:()]", re.IGNORECASE)

    def drop(self, text: str, cands: list[Candidate]) -> None:
        """Drop the disease candidates inside a company's description (in place)."""
        openings = [(m.start(), m.end()) for m in self.opening.finditer(text)]
        if not openings:
            return
        compounds = [c.start for c in cands if c.label == "COMPOUND"]
        cands[:] = [
            c for c in cands if c.label != "DISEASE" or not self._described(text, c, openings, compounds)
        ]

    def _described(
        self, text: str, c: Candidate, openings: list[tuple[int, int]], compounds: list[int]
    ) -> bool:
        """Whether the disease candidate stands in the description a company's opening starts, with no
        compound named between."""
        for a, b in openings:
            if c.start - self.window <= a and b <= c.start and not self.ends.search(text, b, c.start):
                return not any(a <= x < c.start for x in compounds)
        return False
