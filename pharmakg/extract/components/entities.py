"""pharmakg_lexicon: entity candidates from the lexicons in pharmakg/ontology/lexicons.

Every lexicon term becomes one branch of a character-trie regex (one compiled pattern per case mode), run
once over ``doc.text``: linear in the text, and whitespace inside a term matches any whitespace, so names
broken by a hard wrap are still found. Case mode per term: symbols and abbreviations (any upper-case letter
or digit, no space: "HER2", "PAH", "gpNMB") match as written; lower-case and multi-word names match in any
case; company names match as written plus their ALL-CAPS form (so "Array" is not found in "an array of").
Flags: ``ci`` / ``cs``. A term listed in the ``stop`` lexicon (regulators, exchanges, conferences ...) is
matched too and suppresses any other candidate over the same characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from pharmakg.extract.components.base import (
    Candidate,
    LexEntry,
    candidates,
    doc_text,
    read_json,
    register_extensions,
    terms_regex,
)

register_extensions()

DEFAULT_LEXICONS = {
    "COMPANY": "companies.tsv",
    "TARGET": "targets.tsv",
    "PAYLOAD": "payloads.tsv",
    "TECHNOLOGY": "technologies.tsv",
    "DISEASE": "diseases.tsv",
    "COMPOUND": "compounds.tsv",
    "STOP": "not_entities.tsv",
}


def _case_mode(term: str, label: str, flags: set[str]) -> str:
    if "ci" in flags:
        return "ci"
    if "cs" in flags:
        return "cs"
    if label in ("COMPANY", "STOP"):
        return "cs_upper"
    if " " not in term and re.search(r"[A-Z0-9]", term[1:] if term[:1].isupper() else term):
        return "cs"
    if " " not in term and term[:1].isupper() and len(term) <= 5:
        return "cs"
    return "ci"


class LexiconRuler:
    """Finds every lexicon name and synonym in the text (one trie regex per case mode).

    ``lexicons``: label -> the table's entries, as the registered loader ``pharmakg.lexicon_tables.v1``
    reads them from the TSV files that the pipeline config names."""

    def __init__(self, lexicons: Mapping[str, Sequence[LexEntry]], confidence: float) -> None:
        self.confidence = confidence
        # surface (lower-cased for ci terms) -> (label, canonical name, flags)
        self.info: dict[tuple[str, bool], tuple[str, str, frozenset[str]]] = {}
        # a target's other names, whatever their case in the text: "erbB2" that the gene table finds is the
        # lexicon's HER2 (synonym ERBB2), one entity (the alias grouping joins candidates by these keys)
        self.target_names: dict[str, list[str]] = {
            e.name: [e.name, *e.synonyms] for e in lexicons.get("TARGET", ()) if e.synonyms
        }
        cs_terms: list[str] = []
        ci_terms: list[str] = []
        for label, entries in lexicons.items():
            for entry in entries:
                for term in [entry.name, *entry.synonyms]:
                    mode = _case_mode(term, label, entry.flags)
                    variants = [term]
                    if mode == "cs_upper" and term.upper() != term:
                        variants.append(term.upper())
                    for v in variants:
                        norm = re.sub(r"\s+", " ", v)
                        if mode == "ci":
                            key = (norm.lower().replace("’", "'"), True)
                            ci_terms.append(norm)
                        else:
                            key = (norm.replace("’", "'"), False)
                            cs_terms.append(norm)
                        # first lexicon wins on a clash; the stop list wins over all
                        if key not in self.info or label == "STOP":
                            self.info[key] = (label, entry.name, frozenset(entry.flags))
        # "Vascular Endothelial Growth Factor Receptor-1": a spelled-out name that only begins a longer one is
        # no mention
        not_after = read_json("knowledge_context.json").get("lexicon_not_after", {})
        self.not_after = {label: re.compile(rx) for label, rx in not_after.items()}
        self.cs_re = terms_regex(cs_terms, ignore_case=False)
        self.ci_re = terms_regex(ci_terms, ignore_case=True)

    def __call__(self, doc: Doc) -> Doc:
        cands = candidates(doc)
        text = doc_text(doc)
        for rx, ci in ((self.cs_re, False), (self.ci_re, True)):
            if rx is None:
                continue
            for m in rx.finditer(text):
                surface = re.sub(r"\s+", " ", m.group(0)).replace("’", "'")
                info = self.info.get((surface.lower() if ci else surface, ci))
                if info is None:
                    info = self.info.get((re.sub(r"[‐‑–]", "-", surface).lower() if ci else surface, ci))
                if info is None:
                    continue
                label, canonical, flags = info
                # only a spelled-out name: "the c-Met receptor" is c-Met itself
                if " " in surface and label in self.not_after and self.not_after[label].match(text, m.end()):
                    continue
                cands.append(
                    Candidate(
                        m.start(),
                        m.end(),
                        label,
                        extractor="lexicon:" + label.lower(),
                        confidence=self.confidence,
                        key=canonical,
                        name=canonical,
                        priority=3 if label == "STOP" else 2,
                        extra=self._extra(label, canonical, flags),
                    )
                )
        return doc

    def _extra(self, label: str, canonical: str, flags: frozenset[str]) -> dict[str, object]:
        extra: dict[str, object] = {"class": True} if "class" in flags else {}
        if label == "TARGET" and canonical in self.target_names:
            extra["keys"] = self.target_names[canonical]
        return extra
