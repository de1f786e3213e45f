"""Whether a compound mention is another drug than the one a sentence is about: a comparator ("compared
with X", "X as the control arm"), a prior therapy ("patients who have received an anti-androgen (X or Y)")
or a combination partner ("in combination with Helix's X", "ZB-12 and X combination"). The cue words are
data (relation_cues.json, section ``mentions``); :class:`RuleContext` answers through these functions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pharmakg.extract.components.coref import M, partner_descriptor
from pharmakg.extract.regex_scan import fast_re
from pharmakg.extract.relations.cue_words import alternation

if TYPE_CHECKING:
    from pharmakg.extract.relations.sentence import Sent


class PartnerCues:
    """The compiled comparator, prior-therapy and combination cues of the ``mentions`` cue section."""

    def __init__(self, c: dict[str, Any]) -> None:
        # "versus the approved preventive X", "combined with the chemotherapy agent X": a descriptor of the
        # drug may stand between the cue and its name
        tail = r"(?:\W{0,3}|\s+" + partner_descriptor(c) + r")"
        # "compared with placebo and with X": the preposition repeated after an unlisted comparator
        again = r"(?:(?:[\w-]+\s+){1,2}(?:and|or)\s+(?:with|to|versus|against|over)\s+)?"
        self.comparator_end = fast_re(r"(?:" + alternation(c["comparator"]) + r")" + tail + again + "$")
        # "in combination with docetaxel and ZB-12": a name coordinated after an unlisted partner is one too
        self.combination_end = re.compile(
            r"(?:"
            + alternation(c["combination"])
            + r")"
            + tail
            + r"(?:(?:[\w-]+\s+){1,2}(?:and|or|plus)\s+)?$"
        )
        # "combining ZB-12 with X", "pairing ZB-12 with its GIPR antagonist X": the second drug is the partner
        self.combination_open = re.compile(
            r"\b(?:" + alternation(c.get("combination_open", [])) + r")\b[^.;:()]{0,60}?\swith" + tail + "$"
        )
        # "ZB-12 and pembrolizumab combination": the second of two names before a combination noun
        self.combination_noun_after = re.compile(
            r"^\W{0,3}(?:" + alternation(c.get("combination_after", [])) + r")\b"
        )
        # "patients who have received an anti-androgen (X or Y)", "standard of care chemotherapy, including
        # X": the examples of a prior or standard therapy class
        self.prior_class = fast_re(
            r"\b(?:"
            + alternation(c.get("prior_therapy_class", []))
            + r")\b[^.;:()]{0,60}(?:\(|,?\s(?:including|such as|like|e\.g\.,?))\s*$"
        )
        # "superior efficacy over X", "an improvement versus X": a claim of superiority, then its preposition
        self.comparison = re.compile(
            r"\b(?:"
            + alternation(c.get("comparison_heads", []))
            + r")\s+(?:[\w-]+\s+){0,3}?(?:"
            + alternation(c.get("comparison_preps", []))
            + r")\W{0,3}$"
        )
        # "comparing ZB-12 with X", "randomized 2:1 to ZB-12 or X": the second drug of a comparison
        self.comparison_open = re.compile(
            r"\b(?:" + alternation(c.get("comparison_open", [])) + r")\b(?:\s+\d+:\d+)?[^.;:()]{0,80}?"
            r"\s(?:with|to|or|and|versus|vs\.?|against)" + tail + "$"
        )
        # "an X-controlled trial": the name before the suffix is the control
        self.controlled_after = re.compile(r"^(?:" + alternation(c.get("controlled_after", [])) + r")\b")
        # "... with Y, a common treatment for Z, as a comparator": the cue after the name, in its clause
        self.comparator_after = re.compile(
            r"^[^.;:()]{0,60}?\b(?:" + alternation(c.get("comparator_after", [])) + r")\b"
        )


def before_owner(s: Sent, m: M, a: int) -> int:
    """Local start of "Helix's X" when a company's possessive stands right before ``m`` (else ``a``)."""
    if not re.search(r"['’]s\s+$", s.low[max(0, a - 4) : a]):
        return a
    owner = [x for x in s.ms if x.type == "COMPANY" and x.end <= m.start and m.start - x.end <= 4]
    return owner[-1].start - s.start if owner else a


def parenthesised_after(s: Sent, m: M, owner: bool = False) -> int | None:
    """Local start of the mention of the same entity that ``m`` follows in parentheses ("A (m)"; with
    ``owner``, "A (Helix's m)" too)."""
    a, _ = s.local(m)
    if owner:
        a = before_owner(s, m, a)
    if not re.search(r"\(\s*$", s.low[max(0, a - 3) : a]):
        return None
    prev = [x for x in s.ms if x.eid == m.eid and x.end - s.start <= a and a - (x.end - s.start) <= 5]
    return prev[-1].start - s.start if prev else None


def comparator_at(cues: PartnerCues, s: Sent, m: M) -> bool:
    """A comparator or prior-therapy cue before ``m`` (past its owner's possessive) or after it."""
    a, b = s.local(m)
    a = before_owner(s, m, a)
    if cues.comparator_end.search(s.low[max(0, a - 90) : a]):
        return True
    if cues.prior_class.search(s.low[max(0, a - 110) : a]):
        return True
    if cues.comparison.search(s.low[max(0, a - 60) : a]) or cues.controlled_after.match(s.low[b : b + 15]):
        return True
    if _second_of_comparison(cues, s, m, a):
        return True
    after = cues.comparator_after.match(s.low[b : b + 90])
    if after and not any(b < x.start - s.start < b + after.end() for x in s.of("COMPOUND", virtual=False)):
        return True
    # "compared to Brandix® (genericide)": the name in parentheses is the comparator's other name
    head = parenthesised_after(s, m)
    return head is not None and bool(cues.comparator_end.search(s.low[max(0, head - 30) : head]))


def _second_of_comparison(cues: PartnerCues, s: Sent, m: M, a: int) -> bool:
    """``m`` follows another compound inside a comparison ("comparing ZB-12 with m", "randomized to ZB-12
    or m"): the first is the release's drug, ``m`` its comparator."""
    return _second_after(cues.comparison_open, s, m, a)


def _second_after(opening: re.Pattern[str], s: Sent, m: M, a: int) -> bool:
    """``m`` follows another compound after a cue that opens a pair of drugs ("comparing ZB-12 with m")."""
    window = max(0, a - 150)
    opened = opening.search(s.low[window:a])
    if not opened:
        return False
    cue = s.start + window + opened.start()
    return any(cue < x.start and x.end <= m.start for x in s.of("COMPOUND", virtual=False) if x.eid != m.eid)


def combination_at(cues: PartnerCues, s: Sent, m: M) -> bool:
    """A combination cue right before ``m`` (past its owner's possessive or a descriptor), or ``m`` the second
    drug a combining verb joins ("pairing ZB-12 with m")."""
    a = before_owner(s, m, s.local(m)[0])
    if cues.combination_end.search(s.low[max(0, a - 100) : a]) or _second_after(
        cues.combination_open, s, m, a
    ):
        return True
    # "combined with azacitol (Helix's Vidarex)": the name in parentheses is the partner's other name
    head = parenthesised_after(s, m, owner=True)
    return head is not None and bool(cues.combination_end.search(s.low[max(0, head - 100) : head]))


def second_before_combination_noun(cues: PartnerCues, s: Sent, m: M, same: list[M]) -> bool:
    """``m`` is the second of exactly two coordinated names right before "combination" ("X and Y
    combination"), or the second name after "the combination of" ("the combination of X and the PD-1
    inhibitor Y"): the partner of the first."""
    a, b = s.local(m)
    if len(same) == 2 and same[1] is m and bool(cues.combination_noun_after.match(s.low[b : b + 20])):
        return True
    before = [x for x in s.of("COMPOUND", virtual=False) if x.end <= m.start and x.eid != m.eid]
    if not before:
        return False
    first = before[-1]
    f0, f1 = s.local(first)
    return bool(_COMBINATION_OF.search(s.low, max(0, f0 - 30), f0) and _SECOND_OF.fullmatch(s.low[f1:a]))


# "the combination of X and (the PD-1 inhibitor) Y": Y is X's partner
_COMBINATION_OF = re.compile(r"\bcombinations?\s+of\s+(?:the\s+)?$")
_SECOND_OF = re.compile(
    r"(?:\s*\([^()]{0,40}\))?\s+(?:and|with|plus)\s+(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,3}"
)


# "X plus Y" (a bracketed other name of X may stand between): which of two names is the partner depends on
# which one is the release's own drug
_PLUS_GAP = re.compile(r"(?:\s*\([^()]{0,40}\))?\s+plus\s+")


def plus_neighbour(s: Sent, m: M, before: bool) -> M | None:
    """The compound joined to ``m`` by "plus", named right before it (``before``) or right after it."""
    for x in s.of("COMPOUND", virtual=False):
        a, b = (x, m) if before else (m, x)
        if (
            x.eid != m.eid
            and a.end <= b.start
            and _PLUS_GAP.fullmatch(s.low[a.end - s.start : b.start - s.start])
        ):
            return x
    return None


def named_counts(cues: PartnerCues, sents: list[Sent]) -> dict[str, int]:
    """How often the document names each compound (its own drug is named most), not counting its mentions as
    a comparator ("X plus docetaxel compared to docetaxel alone": docetaxel is named twice, once as the
    control)."""
    counts: dict[str, int] = {}
    for x in sents:
        for m in x.of("COMPOUND", virtual=False):
            if not comparator_at(cues, x, m):
                counts[m.eid] = counts.get(m.eid, 0) + 1
    return counts


def own_drug_added(named: dict[str, int], s: Sent, m: M) -> bool:
    """``m``, after a combination cue, is the release's own drug added to a therapy that is no named
    compound: the document names it at least twice and more often than any other compound (``named``:
    :func:`named_counts`), and no other compound stands before it in its sentence ("chemotherapy with or
    without ZB-12", "standard of care in combination with ZB-12" in a release about ZB-12). After a named drug
    ("ZB-12 in combination with nivolumab", "irinotecan in combination with ZB-12") the second is the partner,
    however often the document names it."""
    mine = named.get(m.eid, 0)
    if mine < 2 or any(n >= mine for other, n in named.items() if other != m.eid):
        return False
    return not any(x.eid != m.eid and x.end <= m.start for x in s.of("COMPOUND", virtual=False))
