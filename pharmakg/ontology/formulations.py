"""Names of drug formulations as press releases write them, for the generated drug table (``make tables``).

The drug dictionary names a formulation by its label ("Irinotecan Lipid Complex", "Paclitaxel (with
albumin)") while releases write "liposomal irinotecan" and "nab-paclitaxel"; and it lists "liposomal
amphotericin b" as a synonym of plain amphotericin B. Without the prose forms the matcher finds the plain
drug inside "nab-paclitaxel" and a formulation becomes the molecule it carries. Here each formulation row
gets the prose forms of its name, and those names leave every other row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

# the label of a liposomal formulation: "X Lipid Complex", "X Liposomal", "X Liposome"
LIPOSOMAL = re.compile(r"^(?P<drug>[a-z][\w -]*?) (?:lipid complex|liposomal|liposomes?)$", re.IGNORECASE)
# the label of an albumin-bound nanoparticle formulation: "X (with albumin)", "X protein-bound"
ALBUMIN_BOUND = re.compile(r"^(?P<drug>[a-z][\w-]*) (?:\(with albumin\)|protein-bound)$", re.IGNORECASE)
FORMS = (
    (LIPOSOMAL, ("liposomal {}", "{} liposome", "{} liposomal")),
    (ALBUMIN_BOUND, ("nab-{}", "albumin-bound {}", "nanoparticle albumin-bound {}")),
)


class NamedRow(Protocol):
    name: str
    names: dict[str, list[str]]


class MoleculeRow(NamedRow, Protocol):
    ids: dict[str, str]


R = TypeVar("R", bound=MoleculeRow)


def prose_forms(label: str) -> list[str]:
    """The names releases use for a formulation with this label ([] for any other drug)."""
    for pattern, templates in FORMS:
        m = pattern.match(label)
        if m:
            drug = m.group("drug").lower()
            return [t.format(drug) for t in templates]
    return []


def add_formulation_names(rows: Sequence[NamedRow], key: Callable[[str], str]) -> None:
    """Give each formulation row the prose forms of its name (kind "synonym"), and take those names off
    every other row. ``key`` is the table's name key (two spellings of one name share it). Where two
    labels give one form, a liposome's label wins over a lipid complex's ("liposomal amphotericin b" is
    AmBisome, Amphotericin B Liposomal, not Abelcet)."""
    owner: dict[str, NamedRow] = {}
    for row in sorted(rows, key=lambda r: "liposom" not in r.name.lower()):
        for form in prose_forms(row.name):
            owner.setdefault(key(form), row)
    if not owner:
        return
    for row in rows:
        for kind, names in list(row.names.items()):
            kept = [n for n in names if owner.get(key(n), row) is row]
            if kept:
                row.names[kind] = kept
            else:
                del row.names[kind]
    for row in rows:
        have = {key(n) for ns in row.names.values() for n in ns}
        for form in prose_forms(row.name):
            if owner[key(form)] is row and key(form) not in have:
                have.add(key(form))
                row.names.setdefault("synonym", []).append(form)


# FDA's four-letter suffix of biologics (-hziy) and the fam-/ado- prefixes of US names do not change the
# molecule: "fam-trastuzumab deruxtecan-nxki" (Enhertu) = "trastuzumab deruxtecan"
_US_AFFIXES = re.compile(r"^(?:fam|ado)-|-[a-z]{4}$")


def merge_same_molecule(rows: list[R]) -> list[R]:
    """One row per molecule: rows whose canonical names differ only by US affixes are merged, the row of
    the plain name first (its name and ids win)."""
    groups: dict[str, list[R]] = {}
    for r in sorted(rows, key=lambda r: (len(r.name), r.name)):
        groups.setdefault(_US_AFFIXES.sub("", r.name.lower()), []).append(r)
    out = []
    for members in groups.values():
        head = members[0]
        for other in members[1:]:
            for kind, names in other.names.items():
                have = head.names.setdefault(kind, [])
                have.extend(n for n in names if n not in have)
            for scheme, value in other.ids.items():
                head.ids.setdefault(scheme, value)
        out.append(head)
    return out
