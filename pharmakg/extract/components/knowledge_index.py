"""The word n-gram index of the knowledge tables (components/knowledge.py): every name of a generated
table filed under its word tuple, with the other written forms it is looked for under (British spellings
and Greek letters of MeSH names, a target name's spelled Greek letters and glued numbers and the symbol
forms of knowledge_forms.py, an infection's pathogen and its bare virus name)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from pharmakg.extract.components.knowledge_forms import NameForms, roman_forms, symbol_forms
from pharmakg.extract.components.knowledge_phenotypes import PHENOTYPE_KIND
from pharmakg.ontology.generated import KnowledgeRecord, read_generated

_WORD = re.compile(r"[^\W_]+")
# kinds matched as written; every other kind matches in any case
CASE_SENSITIVE_KINDS = {"symbol", "alias"}
# an infection's name without its head word names its pathogen ("RSV" of "RSV Infections"): the disease a
# vaccine prevents, read only in vaccine wording; adjectives ("pneumococcal") name no pathogen alone
PATHOGEN_KIND = "pathogen"
_INFECTION_HEADS = ("infection", "infections")
# a virus named without "virus" ("a Zika vaccine", "its chikungunya vaccine candidate" of "Zika Virus
# Infection"): read like a pathogen, in vaccine wording, and only where the text writes "<stem> virus" too
PATHOGEN_STEM_KIND = "pathogen_stem"
_STEM_MIN_CHARS = 4
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ar")
# a gene symbol as a protein is written: in any case and with a hyphen before its number ("Siglec-15" of
# SIGLEC15, "erbB4" of ERBB4, "PiT-1" of PiT1); only symbols with a digit, which no English word is
SYMBOL_FORM_KIND = "symbol_form"
# an eponym's disease named by the possessive alone ("in Alzheimer's", "Parkinson's patients" of "Alzheimer
# Disease" whose entry terms write "alzheimer's disease"): read only as a capitalised word before "'s"
EPONYM_KIND = "eponym"
_EPONYM = re.compile(r"^([a-z][a-z-]{3,})['’]s (?:disease)$")
# (label, record, kind): a plain tuple, as ~100,000 are made at start-up
Hit = tuple[str, KnowledgeRecord, str]


Index = dict[tuple[bool, tuple[str, ...]], list[Hit]]


def _british(words: tuple[str, ...], spellings: Sequence[tuple[re.Pattern[str], str]]) -> tuple[str, ...]:
    """A disease name's words as British English writes them ("haemophilia", "anaemia", "oesophageal")."""
    out = []
    for w in words:
        for rx, repl in spellings:
            w = rx.sub(repl, w)
        out.append(w)
    return tuple(out)


def plain(word: str) -> str:
    """A word without its diacritics ("sjögren" -> "sjogren", "behçet" -> "behcet"): MeSH writes most eponyms
    in ASCII and releases with their accents, so disease names and the text's words are looked up plain too
    (only disease names: the drug table's foreign synonyms, "testostérone", are no English names)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _records(table: str) -> list[KnowledgeRecord]:
    """The records of a label's tables: one file name, or several with commas
    ("targets.tsv,mesh_proteins.tsv"); an empty name (spaCy fills a left-out key from the defaults)
    switches the label's tables off."""
    return [rec for name in table.split(",") if name.strip() for rec in read_generated(name.strip())]


@lru_cache(maxsize=4)
def build_index(
    tables: tuple[tuple[str, str], ...],
    kinds: tuple[tuple[str, tuple[str, ...]], ...],
    spellings: tuple[tuple[str, str], ...] = (),
    letters: tuple[tuple[str, str], ...] = (),
    name_letters: tuple[tuple[str, ...], ...] = (),
) -> tuple[Index, dict[str, int]]:
    """(case-sensitive?, words) -> hits, and for every first word the most words a key starting with it has.
    Plain loops over tuples: this runs at pipeline start-up over ~100,000 names (once per process and
    configuration: pipelines built again share the index, which is never changed after it is built)."""
    kinds_of = dict(kinds)
    british = [(re.compile(p), r) for p, r in spellings]
    # "beta" -> "β": MeSH spells out the Greek letters prose writes ("β-thalassemia")
    letter_of = dict(letters)
    # a target name in the spelled form of its Greek letters and glued numbers ("FRα" -> FR alpha): the text
    # is read in the same form (knowledge_forms.NameForms)
    forms = NameForms(name_letters) if name_letters else None
    index: Index = {}
    max_len: dict[str, int] = {}
    findall = _WORD.findall
    for label, table in tables:
        allowed = set(kinds_of.get(label, ())) or None
        for rec in _records(table):
            seen: set[tuple[bool, tuple[str, ...]]] = set()
            stems: list[tuple[str, ...]] = []  # keyed after the record's names, which they never shadow
            for kind, name in rec.names:
                if allowed is not None and kind not in allowed:
                    continue
                cs = kind in CASE_SENSITIVE_KINDS
                words = tuple(findall(name if cs else name.lower()))
                if not words:
                    continue
                variants = [words]
                if cs and words[0][:1].islower():  # "nectin-4" is also written "Nectin-4"
                    variants.append((words[0][:1].upper() + words[0][1:], *words[1:]))
                # MeSH and HGNC write American English ("tumour necrosis factor", "oestrogen receptor")
                if label in ("DISEASE", "TARGET") and not cs and british:
                    variants.append(_british(words, british))
                if label == "DISEASE" and not cs and letter_of.keys() & set(words):
                    variants.append(tuple(letter_of.get(w, w) for w in words))
                if label == "DISEASE" and not cs and not all(map(str.isascii, words)):
                    variants.append(tuple(map(plain, words)))
                if label == "TARGET" and forms is not None and forms.name_trigger.search(name):
                    spelled = forms.spelled(words)
                    if spelled != words:
                        variants.append(spelled)
                keyed = [(w, kind) for w in variants]
                eponym = _EPONYM.match(name.lower()) if label == "DISEASE" and not cs else None
                if eponym and kind != PHENOTYPE_KIND:
                    keyed.append(((plain(eponym.group(1)),), EPONYM_KIND))
                if label == "TARGET" and cs:
                    keyed += [(w, SYMBOL_FORM_KIND) for w in symbol_forms(words)]
                    keyed += [(w, kind) for w in roman_forms(words)]
                infection = label == "DISEASE" and kind != PHENOTYPE_KIND and words[-1] in _INFECTION_HEADS
                if infection and len(words) > 1:
                    pathogen = words[:-1]  # "respiratory syncytial virus" of "... Virus Infections"
                    if len(pathogen) > 1 or not pathogen[0].endswith(_ADJECTIVE_ENDINGS):
                        keyed.append((pathogen, PATHOGEN_KIND))
                    stem = pathogen[:-1]  # "chikungunya" of "Chikungunya Virus Infection"
                    if pathogen[-1] == "virus" and stem and len("".join(stem)) >= _STEM_MIN_CHARS:
                        if len(stem) > 1 or not stem[0].endswith(_ADJECTIVE_ENDINGS):
                            stems.append(stem)
                for w, k in keyed:
                    w_cs = cs and k != SYMBOL_FORM_KIND
                    if (w_cs, w) not in seen:
                        seen.add((w_cs, w))
                        index.setdefault((w_cs, w), []).append((label, rec, k))
                        if max_len.get(w[0], 0) < len(w):
                            max_len[w[0]] = len(w)
            for w in stems:
                if (False, w) not in seen:
                    seen.add((False, w))
                    index.setdefault((False, w), []).append((label, rec, PATHOGEN_STEM_KIND))
                    if max_len.get(w[0], 0) < len(w):
                        max_len[w[0]] = len(w)
    return index, max_len
