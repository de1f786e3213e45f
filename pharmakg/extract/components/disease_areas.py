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


class CompanyAreas:
    """The compiled cues of the ``company_areas`` section of the disease grammar."""

    def __init__(self, section: dict[str, Any]) -> None:
        nouns = "|".join(map(re.escape, section.get("company_nouns", []))) or "(?!)"
        stop = "|".join(map(re.escape, section.get("description_ends", []))) or "(?!)"
        self.window = int(section.get("window", 200))
        # ", a clinical-stage biopharmaceutical company developing ... for" / "is a biotech focused on"
        self.description = re.compile(
            rf"(?:,|\bis)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,5}}?(?:{nouns})\b(?P<rest>[^.;:()]*)$", re.IGNORECASE
        )
        self.ends = re.compile(rf"\b(?:{stop})\b", re.IGNORECASE)

    def drop(self, text: str, cands: list[Candidate]) -> None:
        """Drop the disease candidates inside a company's description (in place)."""
        compounds = [c.start for c in cands if c.label == "COMPOUND"]
        keep = []
        for c in cands:
            if c.label == "DISEASE":
                lo = max(0, c.start - self.window)
                hit = self.description.search(text, lo, c.start)
                if (
                    hit is not None
                    and not self.ends.search(hit.group("rest"))
                    and not any(hit.start() <= x < c.start for x in compounds)
                ):
                    continue
            keep.append(c)
        cands[:] = keep
