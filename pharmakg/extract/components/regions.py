"""Territories and regulators: the licence territory and approval region attributes of relations.

Data: ``pharmakg/ontology/lexicons/territories.tsv`` (countries, regions, "worldwide" words, regulators with
the region code of their approvals). Not an entity recogniser: the relation rules ask it, for the clause of a
licence or retained-rights statement, which territories the clause grants ("in Europe and Japan",
"worldwide", "outside the U.S.", "worldwide, except in Japan", "ex-US", "Japanese rights"), and for an
approval cue, which region approved ("FDA approval", "The European Commission approved", "approved in
Japan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pharmakg.extract.components.base import read_lexicon


@dataclass(frozen=True)
class Place:
    name: str  # canonical name ("United States", "worldwide", "FDA")
    kind: str  # country | region | global | regulator
    code: str | None  # region code of approvals ("US", "EU", "JP")


_JOIN = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|/|&|as well as|,\s*as well as)\s*(?:the\s+)?$")
_INCLUDE_BEFORE = re.compile(
    r"(?:\b(?:in|for|throughout|across|within|covering|into|territory of|territories of|countries of)"
    r"|\bin\s+(?:the\s+)?(?:territory|territories|markets?|countries|regions?)\s+of)\s+(?:the\s+)?$"
)
_EXCLUDE_BEFORE = re.compile(
    r"(?:\boutside(?:\s+of)?|\bexcept(?:\s+(?:in|for))?|\bexcluding|\bexclusive\s+of|\bother\s+than"
    r"|\bwith\s+the\s+exception\s+of|\bbut\s+not(?:\s+in)?|\bex-?|\bnot\s+including)\s*"
    r"(?:(?:the|those|these|certain|its)\s+)?$"
)
_RIGHTS_AFTER = re.compile(
    r"^\s*(?:(?:and|or|,)\s+)?(?:[\w-]+\s+){0,2}?(?:rights?|territor(?:y|ies)|markets?|commerciali[sz]ation|"
    r"licen[cs]e)\b"
)


class Territories:
    """Finds territory and regulator names (case-sensitive, as written) and reads them off clauses."""

    def __init__(self, path: str = "territories.tsv") -> None:
        self.places: dict[str, Place] = {}
        for e in read_lexicon(path):
            kind = next((f for f in e.flags if not f.startswith("code:")), "country")
            code = next((f[5:] for f in e.flags if f.startswith("code:")), None)
            place = Place(e.name, kind, code)
            for surface in [e.name, *e.synonyms]:
                self.places.setdefault(surface, place)
        alts = sorted(self.places, key=len, reverse=True)
        pieces = [re.escape(a).replace(r"\ ", r"\s+") for a in alts]
        # "ex-U.S." / "U.S.-based": a hyphen may touch the name; "US$" is money, not a place
        self.rx = re.compile(r"(?<![\w.])(" + "|".join(pieces) + r")(?![\w$])")

    def find(self, text: str) -> list[tuple[int, int, Place]]:
        out = []
        for m in self.rx.finditer(text):
            surface = re.sub(r"\s+", " ", m.group(1))
            place = self.places.get(surface)
            if place is not None:
                out.append((m.start(), m.end(), place))
        return out

    def words(self) -> set[str]:
        """Every capitalised word of a territory or regulator name (a stop list for unknown company names)."""
        return {w for s in self.places for w in re.findall(r"[A-Z][\w.'-]*", s)}

    def scope(self, clause: str) -> list[str]:
        """The territory a licence (or retained-rights) clause covers; [] when it names none.

        ``["Europe", "Japan"]``, ``["worldwide"]``, ``["worldwide excluding Japan"]``,
        ``["Asia excluding Japan"]``. Places are read only where a preposition introduces them ("in", "for",
        "outside", "except in", "ex-"), or as a modifier of "rights"/"territory" ("Japanese rights"); the
        global words ("worldwide", "global") count anywhere in the clause.
        """
        found = [f for f in self.find(clause) if f[2].kind != "regulator"]
        if not found:
            return []
        groups: list[list[tuple[int, int, Place]]] = []
        for f in found:
            if groups and _JOIN.match(clause[groups[-1][-1][1] : f[0]]):
                groups[-1].append(f)
            else:
                groups.append([f])
        include: list[str] = []
        exclude: list[str] = []
        worldwide = False
        for g in groups:
            before = clause[max(0, g[0][0] - 40) : g[0][0]]
            names = [p.name for _, _, p in g if p.kind != "global"]
            if any(p.kind == "global" for _, _, p in g):
                worldwide = True
            if not names:
                continue
            if _EXCLUDE_BEFORE.search(before):
                exclude += names
            elif _INCLUDE_BEFORE.search(before) or _RIGHTS_AFTER.match(clause[g[-1][1] : g[-1][1] + 40]):
                include += names
        include = list(dict.fromkeys(include))
        exclude = [x for x in dict.fromkeys(exclude) if x not in include]
        if exclude:
            base = "worldwide" if worldwide or not include else " and ".join(include)
            return [f"{base} excluding {' and '.join(exclude)}"]
        if include:
            return include
        return ["worldwide"] if worldwide else []

    def approval_region(self, sent: str, a: int, b: int) -> str | None:
        """Region of an approval cue at sent[a:b]: its regulator ("FDA approval", "approved by the EC") or
        territory ("approved in Japan", "U.S. approval"); a code ("US", "EU", "JP") when the data has one."""
        best: tuple[int, Place] | None = None
        for s, e, p in self.find(sent):
            if p.kind == "global":
                continue
            if e <= a:
                gap = sent[e:a]
                if len(gap) > 60 or re.search(r"[;.]\s", gap):
                    continue
                if p.kind != "regulator" and not re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", gap):
                    continue  # a territory only as a modifier: "U.S. approval", "Japanese marketing approval"
                dist = a - e
            elif s >= b:
                gap = sent[b:s]
                if len(gap) > 60 or re.search(r"[;.]\s|\bnot\b", gap):
                    continue
                if p.kind != "regulator" and not re.search(
                    r"\b(?:in|by|for use in|throughout)\s+(?:the\s+)?$", gap
                ):
                    continue
                dist = s - b
            else:
                continue
            if best is None or (p.kind == "regulator", -dist) > (best[1].kind == "regulator", -best[0]):
                best = (dist, p)
        if best is None:
            return None
        return best[1].code or best[1].name


@lru_cache(maxsize=4)
def territories(path: str = "territories.tsv") -> Territories:
    return Territories(path)
