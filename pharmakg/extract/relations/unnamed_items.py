"""Unnamed members of a product list: "Its pipeline includes ZB-1 for gout, an anti-CD20 CAR-T for lymphoma,
and a TIL therapy for melanoma". A list member that opens with a determiner and names a product by a drug
noun only ("an anti-CD20 CAR-T", "a next-generation TIL therapy") is another product than the named
compounds of the list: the disease it is said to be for and the target in its description are not theirs.
Not an apposition ("ZB-1, an ADC for gout") and not a description the next words name ("a CAR-T for
lymphoma, ZB-2"). The drug nouns and openings are data (relation_cues.json, section ``unnamed_items``)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.cue_words import phrase_alternation
from pharmakg.extract.relations.sentence import Sent

# where a list member begins: after a comma, a semicolon, a colon, or a word that opens or joins a list
_BOUNDARY = re.compile(
    r"[,;:]\s*(?:(?:and|or)\s+)?|\b(?:and|or|including|includes|include|such\s+as|as\s+well\s+as)\s+"
)
# what names the product of a description right after it: "a CAR-T for gout, ZB-2", "(ZB-2)", "called ZB-2"
_NAMED_NEXT = re.compile(r"[,;:]?\s*(?:\(\s*|(?:called|named|dubbed|known\s+as)\s+)?$")


class UnnamedItems:
    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues.get("unnamed_items") or {}
        heads = phrase_alternation(c.get("product_heads", []))
        modalities = phrase_alternation(c.get("modality_heads", []))
        preps = phrase_alternation(c.get("for", []))
        dets = phrase_alternation(c.get("determiners", []))
        n = int(c.get("max_words", 4))
        # "an anti-CD20 CAR-T for ", "a next-generation TIL therapy (TIL-1) for "; a cell-therapy modality
        # needs no determiner ("anti-CD20 CAR-T targeting ", "tumor infiltrating lymphocytes for ")
        self.item = re.compile(
            rf"(?:(?:{dets})\s+(?:[\w/-]+\s+){{0,{n}}}?(?:{heads})|(?:[\w/-]+\s+){{0,{n}}}?(?:{modalities}))"
            rf"(?:\s*\([^()]{{0,40}}\))?\s+(?:{preps})\b"
        )

    def member(self, s: Sent, m: M) -> bool:
        """``m`` (a disease or target) is said in an unnamed member of a product list in ``s``."""
        a, b = s.local(m)
        bounds = list(_BOUNDARY.finditer(s.low, 0, a))
        starts = [x.end() for x in bounds]
        start = starts[-1] if starts else 0
        # after a comma or "and", the member before must end with its own disease or target ("ZB-1 for gout,
        # an anti-CD20 CAR-T for ..."): "ORBIT-1, a trial of its anti-CD38 antibody in ..." is an apposition
        if bounds and not _LIST_OPENER.match(bounds[-1].group(0)):
            cut = bounds[-1].start()
            if not any(
                x.end - s.start <= cut and _CLOSES.fullmatch(s.low, x.end - s.start, cut)
                for x in s.of("DISEASE", "TARGET")
            ):
                return False
        nxt = _BOUNDARY.search(s.low, b)
        end = nxt.start() if nxt else len(s.low)
        item = self.item.search(s.low, start, end)
        if item is None or item.start() > a:
            return False
        compounds = s.of("COMPOUND", "ANTIBODY")
        if any(start <= x.start - s.start < end for x in compounds):
            return False  # a named compound in the member
        if starts and any(0 <= start - (x.end - s.start) <= 3 for x in compounds):
            return False  # "ZB-1, an ADC for gout": an apposition of the compound before it
        if not starts and not any(
            0 <= x.start - s.start - end <= 8 and _OWN_ITEM.match(s.low, x.end - s.start) for x in compounds
        ):
            return False  # a list's first member is one only where a named member follows with its own use
        # "a CAR-T for lymphoma, ZB-2 (, ...)": the next words name the product described
        return not any(
            0 <= x.start - s.start - end <= 30
            and _NAMED_NEXT.match(s.low[end : x.start - s.start])
            and _APPOSITION_END.match(s.low, x.end - s.start)
            for x in compounds
        )


# boundaries that open a list, after which its first member needs no member before it
_LIST_OPENER = re.compile(r"\s*(?:including|includes|include|such\s+as|as\s+well\s+as|:)")
# between a member's last disease or target and the boundary after it: "(ALL)", "®"
_CLOSES = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*")
# a named list member with its own indication or target: "ZB-2 for gout", "ZB-2 (Phase 2) in lupus"
_OWN_ITEM = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:for|in|targeting|against)\b")
# after a compound that names the description before it: its apposition or the sentence's predicate ends
_APPOSITION_END = re.compile(r"\s*(?:[,);.]|$|(?:is|was|has|will|entered|received)\b)")
