"""Target-defined subtypes of one disease: "KRAS-mutant and EGFR-mutant colorectal cancer" are two diseases.

The disease grammar names a disease by its core and head ("colorectal cancer") and keeps a target modifier
("KRAS-mutant", "HER2-positive") only as the surface form, so that "HER2-positive breast cancer" and a later
"breast cancer" are one indication (annotation Conventions: a broader mention is an alias). When a document
names one disease with two different target modifiers, those are two indications (Conventions), wherever
they stand: each modified mention spans its modifier, with its own grouping key and a name with the
modifier, and a bare mention of the same disease joins the first subtype named. A modified mention is never
the broader mention of another disease's longer name ("HER2-positive breast cancer" beside "triple-negative
breast cancer")."""

from __future__ import annotations

import re

from pharmakg.extract.components.base import Candidate

# the target-status words that say the same ("HER2+", "HER2-positive", "HER2-expressing")
_POSITIVE = re.compile(r"(?:positive|overexpressing|expressing|\+)$")
_WORD = re.compile(r"[a-z0-9]+")
Modifiers = dict[tuple[int, int], tuple[int, str]]  # disease span -> (start of its modifier, modifier)


def target_modifiers(text: str, cands: list[Candidate], target_mod: re.Pattern[str]) -> Modifiers:
    """The target modifier written before each disease span ("KRAS-mutant" of "KRAS-mutant colorectal
    cancer") and where it starts, read off the grammar's longer surface forms."""
    out: Modifiers = {}
    for c in cands:
        if c.label != "DISEASE" or not c.surface or (c.start, c.end) in out:
            continue
        s0 = c.end - len(c.surface)
        if s0 < 0 or text[s0 : c.end] != c.surface:
            continue  # a surface form not written as one run of text
        words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text[s0 : c.start])]
        mods = [(i, w) for i, w in words if target_mod.match(w)]
        if mods:
            out[(c.start, c.end)] = (s0 + mods[0][0], " ".join(w for _, w in mods))
    return out


def _base(name: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _WORD.findall(name.lower()))


def _mod_key(mod: str) -> str:
    return "|".join(_POSITIVE.sub("", re.sub(r"[^a-z0-9+]", "", w.lower())) for w in mod.split())


def split_subtypes(text: str, cands: list[Candidate], modifiers: Modifiers) -> None:
    """Give the differently modified mentions of one disease their own spans, keys and names (in place); a
    subtype's key is its name as first written ("KRAS-mutant colorectal cancer")."""
    names: dict[str, dict[str, str]] = {}  # base -> modifier key -> the subtype's name
    for span, (_, mod) in sorted(modifiers.items()):
        span_text = text[span[0] : span[1]]
        names.setdefault(_base(span_text), {}).setdefault(_mod_key(mod), f"{mod} {span_text}")
    split = {base: kinds for base, kinds in names.items() if len(kinds) > 1}
    for c in cands if split else []:
        if c.label != "DISEASE" or c.end <= c.start:
            continue
        kinds = split.get(_base(text[c.start : c.end]))
        if kinds is None:
            continue
        found = modifiers.get((c.start, c.end))
        if found is None:  # a bare mention: the first subtype's broader mention
            c.key, c.name = next(iter(kinds.values())), ""
        else:
            c.key = c.name = kinds[_mod_key(found[1])]
            c.start, c.surface = found[0], ""
        c.extra.pop("keys", None)
