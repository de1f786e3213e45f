"""Protein names of MeSH that the HGNC rows do not give: receptor families, complexes and enzymes named
without a gene ("muscarinic receptor", "proteasome", "somatostatin receptor"), from the drug dictionary of
PyPI ``drug-named-entity-recognition`` (Fast Data Science, MIT; its MeSH records without a drug id).

Read at table-generation time only (``make tables``). The names go into a table of their own,
``mesh_proteins.tsv`` (kind ``mesh_protein``, with the MeSH id: ``skos:exactMatch``), that the knowledge
matcher reads for TARGET after ``targets.tsv``, like every target name only with target wording ("an
antagonist of the X", "an X inhibitor", "anti-X"). General rules only (``FILTERS``): MeSH records of
proteins, enzymes or protein complexes that are no drug (no DrugBank, MedlinePlus or NHS id; a chemical
structure the dictionary gives some proteins does not count), not antibodies or drug classes; names that are
no common English word, no drug's, disease's or HGNC gene's name, and no cell's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

PACKAGE = "drug-named-entity-recognition"
TABLE = "mesh_proteins"
KIND = "mesh_protein"
# MeSH tree branches of proteins (D12.776), enzymes (D08.811.277) and protein complexes (D05.500)
PROTEIN_TREES = ("D12.776", "D08.811.277", "D05.500")
# immunoglobulins and antibodies (under immunoproteins, D12.776.124.486.485, and under serum globulins,
# D12.776.124.790.651 and D12.776.377.715.548) are drugs' classes, not targets; the other immunoproteins
# (complement C5, complement factor B) are targets
NOT_TREES = ("D12.776.124.486.485", "D12.776.124.790.651", "D12.776.377.715.548")
# words of a drug class, a cell or an organism's part rather than a protein's name
NOT_A_PROTEIN_NAME = re.compile(
    r"inhibitor|antibod|agonist|antagonist|blocker|vaccine|conjugate|modulator|activator|\bcells?\b|"
    r"\bhuman\b|\bbacterial\b|\bviral\b|\bplant\b|\bfungal\b|\binsect\b|\bhelminth\b|\bprotozoan\b|\bdrug\b",
    re.IGNORECASE,
)
MIN_CHARS = 5
# a record with more descendants than this in the MeSH trees is a broad class ("tyrosine kinase": a drug class
# is named after it), not a family a drug targets ("muscarinic receptor": five subtypes)
MAX_DESCENDANTS = 10
_WORDS = re.compile(r"[^\W_]+")
# a generic head noun after a protein's name ("tau protein", "tau proteins")
_HEAD = re.compile(r"\s+proteins?$")
COMMON_WORD_ZIPF = 3.5

FILTERS = [
    f"MeSH protein names ({KIND}): records of {PACKAGE}'s drug dictionary without a DrugBank, MedlinePlus "
    "or NHS id (a chemical structure given to a protein's record does not count), in the MeSH trees of "
    "proteins, enzymes or protein "
    f"complexes ({', '.join(PROTEIN_TREES)}), none of immunoglobulins or antibodies ({', '.join(NOT_TREES)})",
    f"MeSH protein names: at least {MIN_CHARS} characters, no comma (MeSH inverted forms), no common English "
    f"word or phrase (wordfreq Zipf >= {COMMON_WORD_ZIPF}), no word of a drug class, a cell or an organism "
    "group (inhibitor, antibody, agonist, cell, bacterial ...), a name of one MeSH record only",
    "MeSH protein names: no name of the drug table, the disease table or an HGNC row (those read as they "
    "are; nor such a name and 'protein': 'tau protein'), none with a word that is an HGNC symbol or alias "
    "('ccr5 receptor': the symbol's row reads it; a "
    "one-word protein name is no symbol: 'plasma kallikrein')",
]


def _protein_record(data: dict[str, Any]) -> bool:
    # a drug has an id of a drug database; a chemical structure does not make a record a drug (the dictionary
    # gives one to some proteins' records: tumor necrosis factor-alpha, transforming growth factor beta)
    if any(data.get(k) for k in ("drugbank_id", "medline_plus_id", "nhs_url")):
        return False
    trees = data.get("mesh_tree") or []
    return (
        bool(data.get("mesh_id"))
        and any(t.startswith(PROTEIN_TREES) for t in trees)
        and not any(t.startswith(NOT_TREES) for t in trees)
    )


def _broad(data: dict[str, Any], trees: list[str]) -> bool:
    """Whether a record has more than MAX_DESCENDANTS descendants under one of its tree numbers."""
    for t in data.get("mesh_tree") or []:
        lo = bisect.bisect_right(trees, t + ".")
        hi = bisect.bisect_left(trees, t + "/")  # "/" sorts right after "."
        if hi - lo > MAX_DESCENDANTS:
            return True
    return False


def protein_names(
    dictionary: dict[str, Any],
    zipf: Callable[[str], float],
    known: set[str],
    fold: Callable[[str], str],
    symbols: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[tuple[str, str, list[str]]]:
    """(MeSH name, MeSH id, names) of the protein records, sorted by name; ``known``: folded names of the
    other tables, which no row here repeats; ``symbols``: folded HGNC symbols, of which no name here has a
    word ("ccr5 receptor": the symbol's row reads CCR5)."""
    canon: dict[str, dict[str, Any]] = dictionary["drug_canonical_to_data"]
    trees = sorted(t for data in canon.values() for t in data.get("mesh_tree") or [])
    names: dict[str, list[str]] = {}
    for variant, canonicals in dictionary["drug_variant_to_canonical"].items():
        owners = set(canonicals)
        if len(owners) != 1:
            continue
        c = next(iter(owners))
        if not _protein_record(canon.get(c, {})) or _broad(canon[c], trees):
            continue
        if len(variant) < MIN_CHARS or "," in variant or NOT_A_PROTEIN_NAME.search(variant):
            continue
        if zipf(variant) >= COMMON_WORD_ZIPF or fold(variant) in known:
            continue
        if fold(_HEAD.sub("", variant)) in known:
            continue  # "tau protein": the gene's own name and a head noun
        if any(fold(w) in symbols for w in _WORDS.findall(variant)):
            continue
        names.setdefault(c, []).append(variant)
    out = []
    for c, ns in names.items():
        data = canon[c]
        out.append((data.get("name") or c, data["mesh_id"], sorted(set(ns))))
    return sorted(out, key=lambda r: (r[0].lower(), r[1]))


def known_names(rows: Iterable[Any], fold: Callable[[str], str]) -> set[str]:
    """The folded names of generated rows (sources.Row)."""
    return {fold(n) for r in rows for ns in r.names.values() for n in ns}


def write(out_dir: Path, rows: Iterable[Any], zipf: Callable[[str], float]) -> int:
    """Write ``mesh_proteins.tsv`` (``rows``: the generated rows of the other tables, sources.Row): bytes."""
    from pharmakg.ontology import sources

    names = list(rows)
    # symbols and aliases only: a one-word protein name ("kallikrein" of kallikrein 1) is part of other
    # proteins' longer names ("plasma kallikrein"), which name no symbol's protein
    kinds = ("symbol", "alias")
    symbols = {sources.fold_name(n) for r in names for k in kinds for n in r.names.get(k, []) if " " not in n}
    dictionary = sources._pickle("drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")
    found = protein_names(dictionary, zipf, known_names(names, sources.fold_name), sources.fold_name, symbols)
    wordfreq = "wordfreq {} (word frequencies used as a filter, not shipped)".format(
        *sources._package("wordfreq")
    )
    sources.FILTERS[TABLE] = [*FILTERS, f"word frequencies: {wordfreq}"]
    out = [sources.Row(name, {KIND: ns}, {"mesh": mesh}) for name, mesh, ns in found]
    source = "{}|{}|{}".format(PACKAGE, *sources._package(PACKAGE))
    return sources.write_table(out_dir / f"{TABLE}.tsv", out, [source], TABLE)
