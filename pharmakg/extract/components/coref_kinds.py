"""The kinds of drug that compound descriptions name, and the choice of the one compound a description means
(pharmakg_coref, components/coref.py)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar


class _Mention(Protocol):
    eid: str
    start: int
    end: int


class Kinds:
    """The kinds of drug that descriptions name (data: coref.anaphor_head_kinds, a head noun -> its kind, and
    coref.anaphor_kind_compatible, a kind -> the kinds a description of that kind may mean): "the vaccine"
    means no compound the document calls an inhibitor, "the antibody" may mean one it calls an ADC."""

    def __init__(self, head_kinds: dict[str, str], compatible: dict[str, list[str]]) -> None:
        self.head_kinds = {k.lower(): v for k, v in head_kinds.items() if not k.startswith("_")}
        self.compatible = {k: set(v) | {k} for k, v in compatible.items() if not k.startswith("_")}
        alts = "|".join(sorted(map(re.escape, self.head_kinds), key=len, reverse=True)) or "(?!)"
        self.head_re = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)

    def of(self, phrase: str) -> str | None:
        """The kind a description's last head noun names, None for a generic one ("the drug", "it")."""
        hits = list(self.head_re.finditer(phrase))
        return self.head_kinds.get(hits[-1].group(0).lower()) if hits else None

    def named(self, keys: set[str]) -> set[str]:
        """The kinds of the heads a compound is named with ("ZB-12, a monoclonal antibody": antibody)."""
        return {k for k in (self.head_kinds.get(h) for h in keys) if k}

    def pick(
        self, groups: list[list[str]], kind: str | None, heads: dict[str, set[str]], last: bool = False
    ) -> str | None:
        """The one compound a description of ``kind`` means, from groups of candidates (the compounds of a
        sentence, latest sentence first): in the first group with a compound the kind allows, the one
        named with that kind, else the one allowed; several (two drugs named in one sentence, then "the
        drug") mean none, unless ``last`` (the same sentence: the one named last)."""
        ok = self.compatible.get(kind, {kind}) if kind else set()
        for group in groups:
            cands = list(dict.fromkeys(group))
            if kind is not None:
                cands = [c for c in cands if not self.named(heads.get(c, set())) or self.named(heads[c]) & ok]
                exact = [c for c in cands if kind in self.named(heads.get(c, set()))]
                cands = exact or cands
            if not cands:
                continue
            if len(cands) == 1 or last:
                return cands[-1]
            return None
        return None


def by_sentence(recent: list[tuple[int, str]], si: int, lookback: int) -> list[list[str]]:
    """The compounds of the recent sentences, grouped by sentence, latest first."""
    groups: dict[int, list[str]] = {}
    for idx, eid in recent:
        if si - idx <= lookback:
            groups.setdefault(idx, []).append(eid)
    return [groups[k] for k in sorted(groups, reverse=True)]


def names_next(compounds: Sequence[_Mention], starts: list[int], end: int, full: str) -> bool:
    """Whether a compound's name follows a description right away ("its lead candidate, ZB-12"): then the
    description is the naming, not an anaphor."""
    i = bisect_left(starts, end)
    return i < len(compounds) and re.fullmatch(r"\s*[,(:]?\s*", full[end : compounds[i].start]) is not None


LIST_GAP = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,|,?\s*and|,?\s*or|/|&)\s*$")


_M = TypeVar("_M", bound=_Mention)


def not_partners(compounds: Sequence[_M], low: str, partner_before: Any) -> list[_M]:
    """The compounds (in text order) that are no combination partner or comparator: not right after "in
    combination with" and the like, nor listed after one ("in combination with pemetrexed and cisplatin")."""
    out: list[_M] = []
    prev: _M | None = None  # the last partner
    for m in compounds:
        if partner_before.search(low[max(0, m.start - 90) : m.start]) or (
            prev is not None and LIST_GAP.match(low[prev.end : m.start])
        ):
            prev = m
        else:
            out.append(m)
            prev = None
    return out
