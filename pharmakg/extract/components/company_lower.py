"""Company names written in lower case ("zeta therapeutics, Inc. (Nasdaq: ZETA)", "nuvora (Nasdaq: NUVO)").

The capitalised cues of companies.py never read them: their name regexes open with a capital, and a regex
that could open at any lower-case letter would be tried at every word of every text. Here the search starts
from the few places a corporate legal suffix or a stock ticker's parenthesis can stand (found with
str.find, company_cues.json "lower_case_names" anchors), and reads the lower-case name just before it.
"""

from __future__ import annotations

import re
from typing import Any

# how far before a suffix or ticker the name may start
_REACH = 60


def with_lower_words(pattern: str, data: dict[str, Any]) -> str:
    """The pattern with {LOWER_WORDS} filled: the lower-case words a company name may end with
    ("zeta therapeutics"), company_cues.json lower_name_words and lower_case_names more_name_words."""
    spec = data.get("lower_case_names") or {}
    words = [*data.get("lower_name_words", []), *spec.get("more_name_words", [])]
    return pattern.replace("{LOWER_WORDS}", "|".join(map(re.escape, words)))


class LowerCaseNames:
    def __init__(self, data: dict[str, Any]) -> None:
        spec = data.get("lower_case_names") or {}
        self.anchors: list[str] = list(spec.get("anchors", []))
        self.after = re.compile(spec.get("after", "(?!)"))
        self.name_before = re.compile(with_lower_words(spec.get("name_before", "(?!)"), data))
        self.stop = set(spec.get("stop", []))

    def find(self, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, by_suffix) of each lower-case name before a legal suffix (the span ends after the
        suffix, as a capitalised name found by its suffix does) or a ticker (the span is the name alone)."""
        out: list[tuple[int, int, bool]] = []
        seen: set[int] = set()
        for anchor in self.anchors:
            at = text.find(anchor)
            while at >= 0:
                if at not in seen:
                    seen.add(at)
                    found = self._name_at(text, at)
                    if found is not None:
                        out.append(found)
                at = text.find(anchor, at + 1)
        return sorted(out)

    def _name_at(self, text: str, at: int) -> tuple[int, int, bool] | None:
        after = self.after.match(text, at)
        if after is None:
            return None
        m = self.name_before.search(text, max(0, at - _REACH), at)
        if m is None or m.group(1).split()[0] in self.stop:
            return None
        by_suffix = not after.group(0).startswith("(")
        return m.start(1), after.end() if by_suffix else m.end(1), by_suffix
