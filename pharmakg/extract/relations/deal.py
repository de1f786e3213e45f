"""Deal pieces that several rule families read (the ``shares`` cue section): cost/profit shares, the cheap
substring gates that let a rule skip the many sentences containing none of its cue words, the words of
development and of an option not yet exercised, and the emission of a licensee's facts."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import words_regex
from pharmakg.extract.relations.cue_words import alternation
from pharmakg.extract.relations.sentence import RuleContext, Sent

# a word of development ("develop", "co-develop", "development"): rights or roles that include it
DEVELOPMENT = re.compile(r"(?<![\w-])(?:co-)?develop")
# "an option to license X", "the right to opt in": not (yet) a licence
OPEN_OPTION = re.compile(r"\b(?:option|opt-in|right of first negotiation)\b(?![^.;]{0,20}\bexercis)")


def emit_licensee(
    ctx: RuleContext,
    s: Sent,
    compound: str,
    licensee: str,
    develops: bool,
    dist: int = 0,
    attrs: dict[str, Any] | None = None,
) -> None:
    """LICENSED_TO of ``compound`` to ``licensee`` (rule ``licensee_cue``), and DEVELOPED_BY when the licence
    includes development (conventions: a licensee with development rights develops the compound too)."""
    ctx.emit("LICENSED_TO", compound, licensee, s, "licensee_cue", dist, attrs=attrs)
    if develops:
        ctx.emit("DEVELOPED_BY", compound, licensee, s, "developer_licensee", dist)


def gate(deal: dict[str, Any], *keys: str) -> tuple[str, ...]:
    """The first 8 lower-case characters of every cue word of ``keys``: no match without one of them."""
    return tuple(sorted({w.lower()[:8] for k in keys for w in deal[k]}))


def gated(words: tuple[str, ...], low: str) -> bool:
    """Whether a lower-cased sentence contains one of a gate's words (str "in" is C-fast; a plain loop, as
    this runs for every rule on every sentence and a generator costs more than the tests)."""
    for g in words:
        if g in low:
            return True
    return False


class PendingOption:
    """A sentence about what a company gets if it exercises an option ("upon exercise of the option, B will
    receive a license to X", "should B exercise its option, it would lead development"): an option is not
    ownership until exercised, so such a sentence gives no licensee and no developer."""

    def __init__(self, options: dict[str, Any]) -> None:
        condition = r"\b(?:" + alternation(options.get("option_condition", [])) + r")\b[^.;:]{0,60}?\b"
        # "exercise" alone may be the patients' ("improved exercise capacity"): an option's with its object
        self.cue = re.compile(
            condition
            + r"(?:(?:"
            + alternation(options.get("option_exercise", []))
            + r")\b[^.;:]{0,40}?\b(?:"
            + alternation(options.get("option_object", []))
            + r")|(?:"
            + alternation(options.get("option_opt_in", []))
            # "subsequent to option exercise": the object before the noun
            + r")|(?:"
            + alternation(options.get("option_object", []))
            + r")\s+exercise)\b"
        )

    def __call__(self, low: str) -> bool:
        return ("exerc" in low or "opt" in low) and bool(self.cue.search(low))


class Shares:
    """A cost/profit/ownership share: "50% of development costs" -> 0.5, "50/50 profit split"."""

    def __init__(self, deal: dict[str, Any]) -> None:
        self.pct = re.compile(
            r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)\s+(?:of\s+(?:the\s+|all\s+|its\s+)?)?"
            r"(?:[\w-]+\s+){0,3}?(?:" + "|".join(map(re.escape, deal["share_objects"])) + r")\b",
            re.IGNORECASE,
        )
        self.ratio = re.compile(r"\b(\d{1,2})\s?[/-]\s?(\d{1,2})\s+(?:[\w-]+\s+)?(?:profit|cost|split|share)")
        self.equal = words_regex(deal["share_equal"])

    def __call__(self, text: str) -> float | None:
        m = self.pct.search(text)
        if m and 0 < float(m.group(1)) <= 100:
            return round(float(m.group(1)) / 100, 4)
        m = self.ratio.search(text)
        if m and int(m.group(1)) + int(m.group(2)) == 100:
            return round(int(m.group(1)) / 100, 4)
        if self.equal.search(text):
            return 0.5
        return None
