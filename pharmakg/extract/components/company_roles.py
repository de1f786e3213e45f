"""Names of firms that serve a deal without being party to it: bankers, lawyers, auditors.

The contract's COMPANY develops, owns, licenses, partners on or pays for a drug or technology; the firms a
release names as a party's financial advisor, legal counsel, underwriter or placement agent do none of that
("Goldman Sachs & Co. LLC is acting as financial advisor to Helix", "Jefferies LLC and Cowen are acting as
joint book-running managers", "Helix was advised by Cooley LLP"). Their legal suffix or a deal word near
them makes the company cues find them; this module finds the role phrase (company_cues.json
"service_roles") and puts a STOP candidate over every mention of such a name, which drops the company
candidates inside it (as the stop lexicon does for regulators and exchanges).
"""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.base import Candidate

# the word before a deal party that a service firm serves ("financial advisor to Orbital Bio")
_CLIENT_BEFORE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$")


class ServiceRoles:
    """The role phrases of company_cues.json "service_roles" (see the module doc)."""

    def __init__(self, cues: dict[str, Any], legal_end: re.Pattern[str]) -> None:
        roles = cues.get("service_roles") or {}
        self.keywords = [k.lower() for k in roles.get("keywords", [])]
        self.after = re.compile(roles.get("after_name", "(?!)"))
        self.before = re.compile(roles.get("before_name", "(?!)") + r"$")
        self.joiner = re.compile(roles.get("list_joiner", "(?!)"))
        self.legal_end = legal_end

    def stops(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """STOP candidates over every mention of the names that the text gives a service role."""
        low = text.lower()
        if not any(k in low for k in self.keywords):
            return []
        companies = _outer_spans(c for c in cands if c.label == "COMPANY")
        served: set[str] = set()
        for k, (s, e) in enumerate(companies):
            if self.after.match(text, e):
                served |= self._list_ending_at(text, companies, k)
            elif self.before.search(text, max(0, s - 80), s):
                served |= self._list_starting_at(text, companies, k)
        cores = {self.legal_end.sub("", name).strip(" ,") for name in served}
        names = {n for n in served | cores if len(n) >= 3}
        if not names:
            return []
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return [
            Candidate(m.start(), m.end(), "STOP", "cue:service_role", 1.0, priority=3)
            for m in re.finditer(rf"(?<![\w&-])(?:{alt})(?![\w&-])", text)
        ]

    def _list_ending_at(self, text: str, companies: list[tuple[int, int]], k: int) -> set[str]:
        """The name at k and the names listed before it ("A LLC, B Inc. and C LLC are acting as ...")."""
        names = {text[slice(*companies[k])]}
        while k > 0 and self.joiner.fullmatch(text, companies[k - 1][1], companies[k][0]):
            k -= 1
            if _CLIENT_BEFORE.search(text, max(0, companies[k][0] - 12), companies[k][0]):
                break  # "advisor to Orbital Bio and Marsh LLP as counsel": Orbital Bio is the client
            names.add(text[slice(*companies[k])])
        return names

    def _list_starting_at(self, text: str, companies: list[tuple[int, int]], k: int) -> set[str]:
        """The name at k and the names listed after it ("advised by A LLC and B Inc.")."""
        names = {text[slice(*companies[k])]}
        while k + 1 < len(companies) and self.joiner.fullmatch(text, companies[k][1], companies[k + 1][0]):
            k += 1
            names.add(text[slice(*companies[k])])
        return names


def _outer_spans(cands: Any) -> list[tuple[int, int]]:
    """The company candidates' spans that lie inside no longer one, in text order."""
    spans = sorted({(c.start, c.end) for c in cands}, key=lambda se: (se[0], -se[1]))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out
