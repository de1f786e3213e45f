"""pharmakg_knowledge: candidates from the generated knowledge tables (drugs, HGNC genes, MeSH diseases).

The tables (``pharmakg/ontology/kb/generated/``, written by ``make tables`` from maintained packages) hold
about 100,000 names, too many for one trie regex to compile quickly. Instead every name is split into its
words (runs of letters and digits) and indexed by its word tuple; the text is split the same way once,
and each word position looks up the word n-grams that start there: linear in the text, and the index
builds in well under a second. Words in the text may be joined by whitespace, a hyphen or an apostrophe
(``non-small cell`` = ``non small-cell``). Target names are also looked for in the forms releases write
them (knowledge_forms.NameForms, from the Greek letter table name_form_greek_letters): "PPARγ", "IFN-γ",
"HIF-2alpha", "interleukin6" (of PPARG, IFNG, HIF2A, "interleukin 6").

What each table's names need before they become candidates (patterns/knowledge_context.json):

* COMPOUND (drug dictionary): any case, except names of up to ``short_name_chars`` characters, which
  must not be written all lower case (a brand is capitalised; "alli" the word is not "Alli").
  Nor in a frame that makes the name no product of the release (compound_not_before/_after, tried on
  the compound_not_before_chars/compound_not_after_chars around it): the body's own substance
  ("serum creatinine", "levels of nitric oxide", "dopamine and serotonin levels"), an adjuvant,
  excipient or diluent ("an aluminum hydroxide adjuvant", "reconstituted with sterile water"), part of
  a person's or an institution's name ("Prof. Ron Dagan", "the Safra Children's Hospital").
* TARGET (HGNC symbols, approved and protein names, gene-shaped aliases; MeSH protein names no gene
  gives, "muscarinic receptor", "proteasome", from mesh_proteins.tsv): symbols and aliases as
  written; and only with target wording around them: anti-X, X-targeted/-targeting/-directed,
  targets/binds/inhibits X, X inhibitor/antagonist/agonist/antibody/ADC. "X-positive" alone is not
  enough (annotation conventions).
* DISEASE (MeSH, Orphanet): any case (names of up to ``short_name_chars`` characters only in capitals,
  unless the name is the descriptor's own: "gout"), only after indication wording in the same sentence
  ("for the treatment of", "patients with", "vaccine against" ...) or before "patients", or listed with
  such a disease ("for psoriasis, eczema and gout"); an eponym's disease also by its possessive alone ("in
  Alzheimer's"), a name's clipped first word too ("polio"), and every name also without its diacritics
  ("Sjögren's" of "Sjogren's Syndrome"); everywhere else the disease grammar decides, and a
  MeSH name at the same span as a grammar name only adds its id. HPO phenotypes: knowledge_phenotypes.py.

Each candidate carries the record's identifiers in ``extra["ids"]`` (DrugBank, MedlinePlus, NHS, MeSH,
HGNC), which become the entity's ``identifiers`` and ``skos:exactMatch`` links in the graph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from pharmakg.extract.components.base import Candidate, candidates, doc_text, read_json, register_extensions
from pharmakg.extract.components.knowledge_forms import NameForms, plural_members
from pharmakg.extract.components.knowledge_index import (
    EPONYM_KIND,
    PATHOGEN_KIND,
    PATHOGEN_STEM_KIND,
    SYMBOL_FORM_KIND,
    Hit,
    build_index,
)
from pharmakg.extract.components.knowledge_phenotypes import PHENOTYPE_KIND, with_other_mentions
from pharmakg.extract.components.knowledge_scan import scan, with_other_forms
from pharmakg.extract.components.knowledge_written import (
    CODE_KIND,
    NEGATED,
    POSSESSIVE_ALONE,
    clipped,
    code_written,
    possessive_s,
    spaced_unlike_symbol,
    virus_written,
)
from pharmakg.extract.regex_scan import fast_re
from pharmakg.ontology.generated import paused_gc

# the kind of the MeSH protein names of the target table, as their generator writes it
from pharmakg.ontology.mesh_proteins import KIND as MESH_PROTEIN_KIND

register_extensions()

DEFAULT_TABLES = {
    "COMPOUND": "compounds.tsv",
    "TARGET": "targets.tsv,mesh_proteins.tsv",
    "DISEASE": "diseases.tsv",
    "PAYLOAD": "radionuclides.tsv",
}
DEFAULT_KINDS = {"TARGET": ["symbol", "name", "alias", "protein", MESH_PROTEIN_KIND]}
# kinds of a drug's names that do not make it a drug known by another name (see _extra)
NOT_OTHER_NAMES = ("inn", "code")
_WORD = re.compile(r"[^\W_]+")
_SPAN = re.Match.span
# a grammar disease (1) names the entity; a radionuclide outranks the drug table's radioisotope products
_PRIORITY = {"COMPOUND": 2, "TARGET": 2, "DISEASE": 0, "PAYLOAD": 3}
_LEXICON_DISEASE = "lexicon:disease"
# one member of a slash series of numbered targets: the "/2" of "FGFR1/2/3"
_SERIES_MEMBER = re.compile(r"/(\d{1,2})(?![\w.])")
_SPACES = re.compile(r"\s+")
# a symbol written in small letters with a hyphen before its number ("bcl-2", "c-myc" style): a symbol still
_LOWER_SYMBOL = re.compile(r"^[a-z]{3,}-\d{1,2}$")
# an abbreviation in parentheses right after a list member
_ABBREVIATION = re.compile(r"^\s*\([A-Za-z][\w-]{0,11}\)")
# a sentence's first word, capitalised only by its place ("Breakthrough cancer pain is ..."): a modifier too
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)([A-Z])(?=[a-z]+[ \t])")


def _sentence_initial_lower(window: str, at_text_start: bool) -> str:
    """The text before a disease name with the first letter of a sentence begun in it lowered."""
    for m in reversed(list(_SENTENCE_START.finditer(window))):
        if m.start() > 0 or at_text_start or m.group(0) != m.group(1):
            i = m.start(1)
            return window[:i] + window[i].lower() + window[i + 1 :]
    return window


# the kind of a drug-table record read as the target of a drug noun after it ("a Factor XIa inhibitor")
DRUG_AS_TARGET_KIND = "drug_as_target"


def _outermost(found: list[tuple[int, int, Hit]], listed: list[int]) -> list[int]:
    """The matches of ``listed`` (in text order, longest first per start) that lie inside no longer one:
    "heart failure" in "congestive heart failure" is no item of a list."""
    out: list[int] = []
    reach = (-1, -1)  # the span that reaches furthest so far
    for i in listed:
        span = found[i][:2]
        if span[1] < reach[1] or (span[1] == reach[1] and span != reach):
            continue
        out.append(i)
        reach = span
    return out


class KnowledgeMatcher:
    """Finds the names of the generated tables by a word n-gram index (see the module doc)."""

    def __init__(
        self,
        tables: Mapping[str, str],
        kinds: Mapping[str, Sequence[str]],
        context: str,
        confidence: float,
    ) -> None:
        ctx = read_json(context)
        self.confidence = confidence
        self.short = int(ctx["short_name_chars"])
        self.target_before = fast_re(ctx["target_before"])
        self.target_after = fast_re(ctx["target_after"])
        self.target_window = int(ctx["target_window"])
        self.mesh_protein_not_after = re.compile(ctx.get("mesh_protein_not_after", "(?!)"))
        self.receptor_after = re.compile(ctx.get("receptor_after", "(?!)"))
        self.target_letter_after = re.compile(ctx.get("target_letter_after", "(?!)"))
        self.target_name_is_wording = re.compile(ctx.get("target_name_is_wording", "(?!)"))
        self.disease_before = fast_re(ctx["disease_before"], re.IGNORECASE)
        self.disease_after = fast_re(ctx["disease_after"], re.IGNORECASE)
        self.disease_window = int(ctx["disease_window"])
        self.phenotype_before = fast_re(ctx.get("phenotype_before", "(?!)"), re.IGNORECASE)
        self.radionuclide_context = fast_re(ctx.get("radionuclide_context", "(?!)"), re.IGNORECASE)
        self.compound_not_after = re.compile(ctx["compound_not_after"], re.IGNORECASE)
        self.compound_not_before = fast_re(ctx.get("compound_not_before", "(?!)"), re.IGNORECASE)
        # how far before a drug-table name compound_not_before looks ("adjuvanted with alum and squalene")
        self.compound_not_before_chars = int(ctx.get("compound_not_before_chars", 20))
        # ... and compound_not_after after it ("sucrose and polysorbate 80 as stabilizers")
        self.compound_not_after_chars = int(ctx.get("compound_not_after_chars", 30))
        self.salt_counterions = {w.casefold() for w in ctx.get("salt_counterions", [])}
        self.salt_counterion_before = re.compile(ctx.get("salt_counterion_before", "(?!)"))
        self.compound_as_target_after = re.compile(ctx.get("compound_as_target_after", "(?!)"))
        self.compound_as_target_before = re.compile(ctx.get("compound_as_target_before", "(?!)"))
        self.generic_product_tail = re.compile(ctx.get("generic_product_tail", "(?!)"), re.IGNORECASE)
        self.type_suffix = re.compile(ctx["disease_type_suffix"], re.IGNORECASE)
        self.pathogen_before = fast_re(ctx["pathogen_before"], re.IGNORECASE)
        self.pathogen_after = re.compile(ctx["pathogen_after"], re.IGNORECASE)
        self.coordination = re.compile(ctx["coordination"])
        self.modifiers = re.compile(ctx.get("disease_modifiers", "(?!)"))
        self.modifier_stop = set(ctx.get("disease_modifier_stop", []))
        name_letters = tuple(tuple(row) for row in ctx.get("name_form_greek_letters", []))
        self.name_forms = NameForms(name_letters) if name_letters else None
        with paused_gc():
            self.index, self.max_len = build_index(
                tuple(sorted(tables.items())),
                tuple(sorted((k, tuple(v)) for k, v in kinds.items())),
                tuple((p, r) for p, r in ctx.get("disease_british_spellings", [])),
                tuple((w, c) for w, c in ctx.get("disease_greek_letters", [])),
                name_letters,
            )

    def matches(self, text: str) -> list[tuple[int, int, Hit]]:
        """Every (start, end, hit) of a table name in the text, longest per start first."""
        spans = list(map(_SPAN, _WORD.finditer(text)))
        if "'s" in text or "’s" in text:
            spans = [(s, e) for s, e in spans if e - s != 1 or not possessive_s(text, s, text[s:e])]
            words = [text[s:e] for s, e in spans]
        else:
            words = _WORD.findall(text)  # the same words as the spans, without a Python loop
        out = scan(self.index, self.max_len, text, words, spans)
        if self.name_forms is not None:  # gene and protein names as releases write them ("PPARγ", "IFN-γ")
            forms = self.name_forms.text_forms(text, words, spans)
            if forms:
                out = with_other_forms(
                    self.index, self.max_len, text, out, dict(zip(spans, words, strict=True)), forms
                )
        return out

    def _accept(self, text: str, start: int, end: int, hit: Hit) -> bool:
        surface = text[start:end]
        if hit[0] == "COMPOUND":
            if self.compound_not_after.match(text[end : end + self.compound_not_after_chars]):
                return False  # "ADP-ribose polymerase", "tyrosine kinase": part of a protein's name
            if self.compound_not_before.search(text[max(0, start - self.compound_not_before_chars) : start]):
                return False  # "serum creatinine": a biomarker
            salt = surface.casefold() in self.salt_counterions
            if salt and self.salt_counterion_before.search(text[max(0, start - 30) : start]):
                return False  # "perindopril arginine": a salt's organic counter-ion after its drug's INN
            if hit[2] == CODE_KIND and not code_written(surface, hit[1]):
                return False  # "located at 100 Main Street" is no mention of the code AT-100
            return not (len(surface) <= self.short and surface.islower())
        if hit[0] == "TARGET":
            if hit[2] == MESH_PROTEIN_KIND and self.mesh_protein_not_after.match(text, end):
                return False  # "galectin-3": a family name before a member's number
            lower = surface.islower() and not _LOWER_SYMBOL.match(surface)
            if hit[2] == SYMBOL_FORM_KIND and (lower or spaced_unlike_symbol(surface, hit[1])):
                return False  # "her 4": a protein's symbol has a capital, or a hyphen before its number
            end = self.letter_end(text, end)  # "tumor necrosis factor-alpha": the name goes on
            # "gastrin-releasing peptide receptor": a gene name glued to a word is part of a longer name
            if text[end : end + 1] == "-" and text[end + 1 : end + 2].islower():
                if not self.target_after.match(text[end : end + self.target_window]):
                    return False
            before = text[max(0, start - self.target_window) : start]
            return bool(
                self.target_before.search(before)
                or self.target_after.match(text[end : end + self.target_window])
            )
        if hit[0] == "PAYLOAD":  # a radionuclide: only where the text speaks of radiation or conjugates
            return bool(self.radionuclide_context.search(text, max(0, start - 150), end + 150))
        if hit[0] == "DISEASE":
            if NEGATED.search(text, max(0, start - 5), start):
                return False  # "non-cystic fibrosis bronchiectasis": the disease the patients do not have
            if hit[2] == EPONYM_KIND:  # "in Alzheimer's": a capitalised name, "'s" and no noun after it
                if not (surface[:1].isupper() and POSSESSIVE_ALONE.match(text, end)):
                    return False
            elif not self._disease_form(surface, hit):
                return False
            before = text[max(0, start - self.disease_window) : start]
            if hit[2] == PHENOTYPE_KIND:
                return bool(self.phenotype_before.search(before))
            if hit[2] in (PATHOGEN_KIND, PATHOGEN_STEM_KIND):
                vaccine = bool(
                    self.pathogen_before.search(before[-40:])
                    or self.pathogen_after.match(text[end : end + 60])
                )
                # a bare virus name: the whole text is searched for its full name, in vaccine wording only
                return vaccine and (hit[2] == PATHOGEN_KIND or virus_written(text, surface))
            return bool(self.disease_before.search(before) or self.disease_after.match(text[end : end + 40]))
        return True

    def _as_target(self, text: str, m: tuple[int, int, Hit]) -> tuple[int, int, Hit]:
        """A drug-table name right before an inhibitor or agonist noun ("a Factor XIa inhibitor") or, unless
        a code name, right after target wording ("targeting thrombin") is the target a drug acts on
        (knowledge_context.json compound_as_target_after, compound_as_target_before)."""
        start, end, hit = m
        if hit[0] != "COMPOUND":
            return m
        as_target = self.compound_as_target_after.match(text[end : end + 40]) or (
            hit[2] != CODE_KIND and self.compound_as_target_before.search(text[max(0, start - 40) : start])
        )
        return (start, end, ("TARGET", hit[1], DRUG_AS_TARGET_KIND)) if as_target else m

    def _generic_products(self, text: str, found: list[tuple[int, int, Hit]]) -> list[tuple[int, int, Hit]]:
        """A drug-table name made of a disease name and a product noun ("hepatitis B vaccine", "dengue
        vaccines": knowledge_context.json generic_product_tail) names no compound (Conventions: "an S. aureus
        vaccine" is no entity) but the disease the product is for: the compound match yields to the disease
        match of its first words, which is then read in the product noun's context."""
        disease_spans = {(s, e) for s, e, hit in found if hit[0] == "DISEASE"}
        if not disease_spans:
            return found
        out = []
        for m in found:
            start, end, hit = m
            if hit[0] == "COMPOUND" and hit[2] != CODE_KIND:
                tail = self.generic_product_tail.search(text, start, end)
                if tail is not None and tail.end() == end and (start, tail.start()) in disease_spans:
                    continue
            out.append(m)
        return out

    def _disease_form(self, surface: str, hit: Hit) -> bool:
        """A short disease name is an abbreviation written in capitals (GERD; "Gerd" is a first name),
        unless it is the MeSH descriptor's own name (gout, mumps), a word that names the disease itself, a
        pathogen's proper name (Ebola) or a virus's name without "virus" (Zika), in vaccine wording only."""
        return (
            len(surface) > self.short
            or surface.isupper()
            or surface.lower() == hit[1].name.lower()
            or hit[2] == PATHOGEN_STEM_KIND
            or (hit[2] == PATHOGEN_KIND and surface[:1].isupper())
            or clipped(surface, hit[1].name)
        )

    def target_said(self, text: str, c: Candidate) -> bool:
        """Whether target wording stands around a candidate ("a CD3 bispecific", "anti-CD3")."""
        before = text[max(0, c.start - self.target_window) : c.start]
        after = text[c.end : c.end + self.target_window]
        return bool(self.target_before.search(before) or self.target_after.match(after))

    def accepted(self, text: str, anchors: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, Hit]]:
        """The matches whose context holds (see the module doc); a gene coordinated with an accepted target
        ("targets HER2 and HER3", "EGFR, HER2 and HER3 inhibitors") or with a target of the lexicons
        (``anchors``: "a DLL3/CD3 bispecific") is a target too, and a disease coordinated with an accepted
        disease ("for psoriasis, acne and eczema") a disease."""
        found = [
            (s, e, hit)
            for s, e, hit in self.matches(text)
            if hit[0] != "TARGET" or not self.target_name_is_wording.match(text[s:e])
        ]
        found = [self._as_target(text, m) for m in found]
        found = self._generic_products(text, found)
        ok = [self._accept(text, s, e, hit) for s, e, hit in found]
        # (start, end, index into found; -1 for a lexicon target, accepted as it is)
        targets = [(s, e, i) for i, (s, e, hit) in enumerate(found) if hit[0] == "TARGET"]
        targets = sorted(targets + [(s, e, -1) for s, e in anchors])
        written = [
            i
            for i, (s, e, hit) in enumerate(found)
            # a bare virus name ("Zika") is read in its own vaccine wording only, never spread to along a list
            if hit[0] == "DISEASE" and hit[2] != PATHOGEN_STEM_KIND and self._disease_form(text[s:e], hit)
        ]
        diseases = [(found[i][0], found[i][1], i) for i in _outermost(found, written)]
        for spans in (targets, diseases):
            for _ in range(2):  # coordination spreads both ways along a list
                for (_s, a_end, a), (b_start, _e, b) in zip(spans, spans[1:], strict=False):
                    ok_a, ok_b = a < 0 or ok[a], b < 0 or ok[b]
                    # the same name found twice (the gene table's and the lexicon's HER2) is one member
                    joined = b_start < a_end or self._joined(text[a_end:b_start], spans is diseases)
                    if ok_a != ok_b and joined:
                        for i in (a, b):
                            if i >= 0 and found[i][2][2] != PHENOTYPE_KIND:
                                ok[i] = True
        ok = with_other_mentions(found, ok)
        return [m for m, good in zip(found, ok, strict=True) if good]

    def _joined(self, gap: str, diseases: bool) -> bool:
        """Whether list wording alone joins two members; for diseases the next member may open with its
        form's modifiers ("A, severe early-onset B, and C")."""
        if self.coordination.fullmatch(gap):
            return True
        if not diseases:
            return False
        gap = _ABBREVIATION.sub("", gap)  # "A (ABC), B": the first member's abbreviation
        if self.coordination.fullmatch(gap):
            return True
        m = self.coordination.match(gap)
        if m is None or not m.group(0).strip():
            return False
        rest = gap[m.end() :]
        return bool(self.modifiers.fullmatch(rest)) and not set(rest.split()) & self.modifier_stop

    def letter_end(self, text: str, end: int) -> int:
        """The end of a target name with the Greek letter written after it ("tumor necrosis factor-alpha",
        "interferon alpha": knowledge_context.json target_letter_after), else ``end``."""
        m = self.target_letter_after.match(text, end)
        return m.end() if m else end

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        cands = candidates(doc)
        for c in cands:  # "dry AMD", "advanced NSCLC": a lexicon disease's form words, as for a table's name
            if c.label == "DISEASE" and c.extractor == _LEXICON_DISEASE and not c.surface:
                c.surface = self._modified(text, c.start, c.end)
                sub = self.type_suffix.match(text[c.end : c.end + 20])  # "SMA type 1": its subtype
                if sub:
                    c.surface = (c.surface or text[c.start : c.end]) + re.sub(r"\s+", " ", sub.group(0))
            elif c.label == "TARGET":  # a lexicon target's Greek letter after it, as a table name's
                c.end = self.letter_end(text, c.end)
        lexicon_targets = [
            (c.start, c.end) for c in cands if c.label == "TARGET" and self.target_said(text, c)
        ]
        receptors = self._receptors(text, [c for c in cands if c.label == "TARGET"])
        found = self.accepted(text, lexicon_targets)
        series = self._series(text, found)
        named = {(s, e): name for s, e, name in series}
        found += self._series_hits(series) + self._plural_hits(text, named)
        for start, end, hit in found:
            surface = named.get((start, end), "")
            if hit[0] == "TARGET":
                end = self.letter_end(text, end)
            if hit[0] == "DISEASE":  # "primary hyperoxaluria type 1": the subtype is part of the name
                sub = self.type_suffix.match(text[end : end + 20])
                end += sub.end() if sub else 0
                if hit[2] == EPONYM_KIND:  # the possessive is part of the name ("Alzheimer's")
                    end += 2
                surface = self._modified(text, start, end)
            cands.append(
                Candidate(
                    start,
                    end,
                    hit[0],
                    extractor="knowledge:" + hit[0].lower(),
                    confidence=self.confidence,
                    key="kb:" + hit[0] + ":" + hit[1].name,
                    priority=_PRIORITY.get(hit[0], 1),
                    surface=surface,
                    extra=self._extra(hit),
                    # a possessive that is the whole name is kept (clean_surface drops one after a name)
                    name=text[start:end] if hit[2] == EPONYM_KIND else "",
                )
            )
        cands.extend(receptors + self._receptors(text, cands[len(cands) - len(found) :]))
        return doc

    def _receptors(self, text: str, targets: Sequence[Candidate]) -> list[Candidate]:
        """ "binds somatostatin receptors", "a CGRP receptor antagonist": a target name followed by "receptor"
        names the receptor (the ligand's name is its alias; knowledge_context.json receptor_after)."""
        out: list[Candidate] = []
        for c in targets:
            m = self.receptor_after.match(text, c.end) if c.label == "TARGET" else None
            if m is None or text[c.start : c.end].lower().endswith(("receptor", "receptors")):
                continue
            # a lexicon name holds the receptor already ("insulin-like growth factor-1 receptor")
            if any(o.start <= c.start and m.end() <= o.end for o in targets if o.label == "TARGET"):
                continue
            out.append(
                Candidate(
                    c.start,
                    m.end(),
                    "TARGET",
                    extractor=c.extractor,
                    confidence=c.confidence,
                    key=c.key,
                    name=c.name,
                    priority=c.priority,
                    surface=text[c.start : c.end],
                    extra=dict(c.extra),
                )
            )
        return out

    def _series(self, text: str, found: list[tuple[int, int, Hit]]) -> list[tuple[int, int, str]]:
        """ "an FGFR1/2/3 inhibitor": the numbers after an accepted numbered target's slash name its siblings
        (FGFR2, FGFR3): (start, end, name) of each number."""
        if "/" not in text:
            return []
        out: list[tuple[int, int, str]] = []
        for start, end, hit in found:
            stem = re.match(r"(.*?[A-Za-z])\d{1,2}$", text[start:end]) if hit[0] == "TARGET" else None
            while stem is not None and text[end : end + 1] == "/":
                m = _SERIES_MEMBER.match(text, end)
                if m is None:
                    break
                out.append((m.start(1), m.end(1), stem.group(1) + m.group(1)))
                end = m.end()
        return out

    def _plural_hits(self, text: str, named: dict[tuple[int, int], str]) -> list[tuple[int, int, Hit]]:
        """ "inhibits cyclin-dependent kinases 4 and 6": the members of a family named by its plural noun and
        their numbers (knowledge_forms.plural_members), with target wording around them; their names go into
        ``named``."""
        out: list[tuple[int, int, Hit]] = []

        def is_target(words: tuple[str, ...]) -> bool:
            return any(h[0] == "TARGET" for h in self.index.get((False, words), ()))

        for group in plural_members(text, is_target):
            start, end = group[0][0], group[-1][1]
            if not self.target_said(text, Candidate(start, end, "TARGET", "")):
                continue
            for s, e, name in group:
                hits = self.index[(False, tuple(_WORD.findall(name.lower())))]
                hit = next(h for h in hits if h[0] == "TARGET")
                named[(s, e)] = name
                out.append((s, e, hit))
        return out

    def _series_hits(self, series: list[tuple[int, int, str]]) -> list[tuple[int, int, Hit]]:
        """The siblings of a slash series (see _series) that the table knows as targets."""
        return [
            (s, e, h)
            for s, e, name in series
            for h in self.index.get((True, tuple(_WORD.findall(name))), ())
            if h[0] == "TARGET"
        ]

    @staticmethod
    def _extra(hit: Hit) -> dict[str, object]:
        """The record's identifiers; for a drug, also whether the record knows it by other names than its
        INN (a brand, a code): a naked antibody so known is a marketed drug of its own (trastuzumab =
        Herceptin), not the short name of a conjugate built on it (mirvetuximab soravtansine). A code name
        (M9346A) is no such other name: a naked antibody gets one long before any conjugate."""
        # a drug record read as a target keeps no ids: they name the drug, not the target
        extra: dict[str, object] = {"ids": hit[1].identifiers() if hit[2] != DRUG_AS_TARGET_KIND else {}}
        if hit[0] == "COMPOUND":
            extra["kb_other_names"] = any(kind not in NOT_OTHER_NAMES for kind, _ in hit[1].names)
        return extra

    def _modified(self, text: str, start: int, end: int) -> str:
        """The disease name with the adjectives the text writes before it ("generalized pustular psoriasis"),
        or "" when there are none (knowledge_context.json disease_modifiers)."""
        lo = max(0, start - 60)
        window = _sentence_initial_lower(text[lo:start], lo == 0)
        m = self.modifiers.search(window)
        if m is None:
            return ""
        words = text[lo + m.start() : lo + m.end()].split()
        stops = [i for i, w in enumerate(words) if w in self.modifier_stop]
        words = words[stops[-1] + 1 :] if stops else words  # "clinical invasive ...": the words after it
        return " ".join(words) + " " + text[start:end] if words else ""
