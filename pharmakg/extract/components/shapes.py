"""pharmakg_shapes: candidates recognised by their shape or a cue (patterns/shapes.json).

Code names (IMGN853, DS-8201a, BAY 94-9343, SGN-CD33A), conjugate names (huN901-DM1, trastuzumab-DM1),
INN stems (-mab, -mab vedotin/mertansine/deruxtecan..., -nib, -imod ...), trial names (Study 001, NCT01234567,
"the EMBRACA trial", FORWARD II), target cues ("CD33-targeted", "anti-CD44v6", "CD56+", "targets mesothelin")
and technology cues ("antibody-drug conjugate (ADC) technology"). Then a few context rules:
- an antibody name followed by "antibody" (MLN591 antibody, trastuzumab antibody) is an ANTIBODY;
- an all-capitals name in parentheses after a trial word in its sentence, that is not an abbreviation of the
  words before it, is a TRIAL ("... melanoma (COLUMBUS)");
- shapes that are really targets, payloads, years or filing words are excluded (shapes.json "exclude", and
  lexicon candidates of another type win at the same span).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pharmakg.extract.components.acronyms import initials_match, spells_last_words
from pharmakg.extract.components.base import (
    PRODUCT_LABELS,
    Candidate,
    candidates,
    doc_text,
    read_json,
    read_lexicon,
    register_extensions,
)
from pharmakg.extract.components.shape_text import (
    NOT_AFTER_WORD,
    TRIAL_STOP,
    CodeContext,
    mostly_caps_line,
    trim_long_form,
    word_before,
)
from pharmakg.extract.components.technology_shapes import TechnologyShapes, spells
from pharmakg.extract.components.trial_names import code_trials_used_as_drugs, trial_names_win
from pharmakg.extract.literals import folded, holds_any, may_match, needed_literal_groups, needed_literals
from pharmakg.extract.regex_scan import fast_re
from pharmakg.ontology.generated import gene_symbols

register_extensions()

# "(ORBIT)", "(ORBIT-2)", "(ORBIT-Lung01)", "(ORBIT II)": a trial's word acronym in parentheses
_PAREN_CAPS = re.compile(
    r"\(([A-Z][A-Z]{3,}(?:-?\d{1,2}[a-z]?)?(?:-[A-Z][A-Za-z]{0,9}\d{0,3})?(?: [A-Z0-9]{2,4})?)\)"
)
_TRIAL_WORD = re.compile(r"\b(?:trials?|stud(?:y|ies))\b", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"([\w][\w'’]*)")


# the parenthesis right after a marked name, holding words (a long form: "BEAT™ (Bi-specific Engagement ...)")
_LONG_FORM_AFTER = re.compile(r"\s*\(([A-Za-z][^()]{8,120})\)")


# "Helix's", "Genetics'": an owned platform phrase that names its owner
_POSSESSOR = re.compile(r"[A-Z][\w-]*(?:['’]s|s['’])\s")
# The mark after a brand as the match ends with it: "Korvix®", "Korvix (R)", "Korvix(™)".
_MARK_AT_END = re.compile(r"[ \t]*(?:[®™]|\((?:R|TM|®|™)\))[ \t]*$")


class ShapeRecognizer:
    def __init__(self, patterns: str, payload_lexicon: str, target_lexicon: str) -> None:
        data = read_json(patterns)
        # target symbols: never a compound/antibody by shape ("humanized HER2 antibody" names the target);
        # HGNC symbols of the generated gene table too (CD19, DLL3)
        self.targets = {
            n for e in read_lexicon(target_lexicon) for n in [e.name, *e.synonyms]
        } | gene_symbols()
        payloads = [e.name for e in read_lexicon(payload_lexicon) if re.search(r"[A-Z0-9]", e.name)]
        payload_alt = "|".join(re.escape(p) for p in sorted(payloads, key=len, reverse=True))
        sym = data["sym"]
        trial_parts = _trial_parts(data)
        self.rules = []
        # a rule with "needs" runs only on a text holding one of those strings (cheap str search first)
        self.needs = {r["name"]: tuple(r["needs"]) for r in data["rules"] if r.get("needs")}
        # trial rules whose name must not be read as anything else anywhere in the text
        self.unnamed_only = {r["name"] for r in data["rules"] if r.get("not_named_elsewhere")}
        self.trial_context_stop = set(data.get("trial_context_stop", []))
        self.paren_not_after = re.compile(data.get("trial_paren_not_after", "(?!)") + r"\s*$")
        for r in data["rules"]:
            rx = r["regex"].replace("{PAYLOADS}", payload_alt).replace("{SYM}", sym)
            for part, part_rx in trial_parts.items():
                rx = rx.replace("{" + part + "}", part_rx)
            # fast_re: re.compile, tried only at the characters a match can start with
            self.rules.append(
                (r["name"], r["label"], fast_re(rx), int(r.get("group", 0)), float(r["confidence"]))
            )
        # the words a rule's regex cannot match without: a text with none is not searched (extract.literals)
        self.words = {name: needed_literals(rx) for name, _, rx, _, _ in self.rules}
        # and the other word sets of their top-level sequences, each needed too (a text must hold one word of
        # every set): "inhibitors of <name> kinase" needs "inhibitor" and "ase"
        self.more_words = {
            name: more
            for name, _, rx, _, _ in self.rules
            if (more := tuple(g for g in needed_literal_groups(rx) if g != self.words[name]))
        }
        self.exclude = re.compile("(?:" + "|".join(data.get("exclude", [])) + ")$")
        self.inn_not_before = re.compile(data.get("inn_not_before", "(?!)"))
        self.code_context = CodeContext(data)
        self.owned_stop = set(data.get("technology_owned_stop", []))
        self.owned_proprietary = set(data.get("technology_owned_proprietary", []))
        self.technologies_in_context = TechnologyShapes(data["technology_context"])
        self.trial_modifiers = {w.lower() for w in data.get("trial_modifier_words", [])}
        self.trial_kinds = {w.lower() for w in data.get("trial_kind_words", [])}
        self.payload_stop = set(data.get("payload_stop", []))
        self.target_status_after = re.compile(data.get("target_status_after", "(?!)"))
        self.brand_stop = {w.lower() for w in data.get("brand_stop", [])}
        # what follows a ligand's name ("GLP-1 receptor"), matched where the name ends (compiled once, not
        # with each name: the name is a literal, so name + ligand_after matches where ligand_after matches
        # after it)
        self.ligand_after = re.compile(data.get("ligand_after", "(?!)"))
        self.brand_not_before = re.compile(data.get("brand_not_before", "(?!)"))
        self.brand_not_after = re.compile(data.get("brand_not_after", "(?!)"))
        self.brand_names_platform = data.get("brand_names_platform", "(?!){WORD}")
        # the words its regex needs besides the brand's (an empty group stands in for the brand: no literal)
        self.brand_platform_words = needed_literals(
            re.compile(self.brand_names_platform.replace("{WORD}", "()"), re.IGNORECASE)
        )
        # what follows the brand in that regex, compiled once: where the regex opens with the word after the
        # lookbehind (?<![\w-]), an ASCII word is found with str.find in the folded text and the rest matched
        # after it, instead of compiling the regex anew for every marked word of every text
        head, _, tail = self.brand_names_platform.partition("{WORD}")
        self.brand_platform_tail = (
            re.compile(tail, re.IGNORECASE) if head == NOT_AFTER_WORD and "{WORD}" not in tail else None
        )
        self.brand_before_generic = re.compile(data.get("brand_before_generic", "(?!)"))
        self.generic_tail = re.compile(data.get("generic_tail", r"\s*[);,]"))
        self.frame_not_first = {w.lower() for w in data.get("frame_code_not_first", [])}
        self.conj_split = re.compile(r"^(.*)-(" + payload_alt + r"|ADC)$")
        pc = data.get("payload_context", {})
        self.payload_needs = tuple(pc.get("needs", ()))
        self.payload_before = re.compile(pc.get("before", "(?!)"), re.IGNORECASE)
        self.payload_after = re.compile(pc.get("after", "(?!)"))
        self.payload_topic = re.compile(pc.get("topic", "(?!)"), re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        cands = candidates(doc)
        found: list[Candidate] = []
        low = folded(text)
        held: tuple[dict[str, bool], dict[str, bool]] = ({}, {})  # needs and words looked up once per text
        for name, label, rx, group, conf in self.rules:
            if name in self.needs and not holds_any(text, self.needs[name], held[0]):
                continue
            if not may_match(low, self.words[name], held[1]):
                continue
            if name in self.more_words and not all(may_match(low, g, held[1]) for g in self.more_words[name]):
                continue
            for m in rx.finditer(text):
                s, e = m.span(group)
                surface = text[s:e]
                if (
                    label in ("COMPOUND", "TARGET", "TRIAL")
                    and name != "trial_registry"
                    and self.exclude.match(surface)
                ):
                    continue
                if name == "brand_mark" and not self._brand_ok(text, s, m.end(), low):
                    continue
                if name == "technology_owned" and not self._owned_ok(text, m, s):
                    continue
                if label in PRODUCT_LABELS and (
                    surface in self.targets
                    or _gene_with_hyphen(surface, self.targets)
                    or _gene_isoform(surface, self.targets)
                ):
                    continue
                if name.startswith("compound_") and self.code_context.no_product(text, s, e):
                    continue  # "the SRL-9 capsid", "in NCI-H358 cells", "abstract LBA-4"
                if name.startswith("inn_") and self.inn_not_before.match(text, e):
                    continue  # "talbumab-refractory patients": a state of the patients
                if label == "PAYLOAD" and surface in self.payload_stop:
                    continue
                if label == "TRIAL" and self._trial_stopped(name, surface, text, s):
                    continue
                extra: dict[str, object] = {}
                owner = _owner_cited(text, m, e) if name == "technology_owned" else ""
                if name == "technology_abbr":
                    s = trim_long_form(text, s, e)
                if name == "conjugate_code":
                    cm = self.conj_split.match(surface)
                    if cm:
                        extra = {
                            "antibody": cm.group(1).replace("®", "").replace("™", ""),
                            "payload": cm.group(2),
                        }
                lab = label
                if (
                    label == "COMPOUND"
                    and name in ("inn_mab", "compound_code", "compound_dash_code")
                    and re.match(r"\s+antibod(?:y|ies)\b", text[e : e + 14])
                ):
                    lab = "ANTIBODY"  # "MLN591 antibody", "Roche's trastuzumab antibody"
                # the context rule outranks a lexicon entry for the same name (trastuzumab is a COMPOUND)
                prio = 3 if lab != label else 0
                found.append(
                    Candidate(s, e, lab, "shape:" + name, conf, priority=prio, extra=extra, surface=owner)
                )
        named = [c for c in [*cands, *found] if c.label in ("COMPOUND", "COMPANY", "ANTIBODY", "TARGET")]
        for tc in self._paren_trials(doc):
            # "pivekimab sunirine (PVEK), ... in a Phase 2 trial": an abbreviation of the name before it
            if not any(0 <= tc.start - 1 - n.end <= 2 for n in named):
                found.append(tc)
        found = self._unnamed_trials_only(text, [*cands, *found], found)
        trial_names_win(text, found)
        found = _target_wording_wins(self._frame_names(text, found))
        found = self._ligands_are_no_compounds(text, code_trials_used_as_drugs(text, found))
        found += self._brands_before_generic(text, [*cands, *found], low)
        found += self._payloads_by_context(text, [*cands, *found])
        cands.extend(self._with_technologies(text, cands, found))
        # "HER2-positive": a biomarker status, no TARGET mention (whichever component found the name)
        status = self.target_status_after
        cands[:] = [c for c in cands if c.label != "TARGET" or not status.match(text, c.end)]
        return doc

    def _trial_stopped(self, name: str, surface: str, text: str, start: int) -> bool:
        """A trial-shaped name led by a stop word, a context word ("the NIH-sponsored study"), a modifier,
        a study kind in title case ("the Phase 3 Rollover Study"; all-capital SWITCH stays a name), or on a
        line mostly in capitals (a headline) is no trial name; registry ids and study numbers are."""
        if name in ("trial_nct", "trial_study_number"):
            return False
        head = surface.split()[0].split("-")[0]
        return (
            head.upper() in TRIAL_STOP
            or head.upper() in self.trial_context_stop
            or mostly_caps_line(text, start)
            or head.lower() in self.trial_modifiers
            or (
                head[1:].islower()
                and not self.trial_kinds.isdisjoint((head.lower(), surface.split()[0].lower()))
            )
        )

    def _frame_names(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """A code found by a product frame whose first part is a target ("its EGFR-TKI therapy", "their
        BCMA-CAR cells") names a target and a class, not a product; one led by a word of timing or study
        structure ("its Week-12 data", "the Cohort-2 therapy": frame_code_not_first) is a label."""
        return [
            c
            for c in found
            if not (
                c.extractor.startswith("shape:compound_frame")
                and (
                    (first := text[c.start : c.end].split("-")[0]) in self.targets
                    or first.lower() in self.frame_not_first
                )
            )
        ]

    def _unnamed_trials_only(
        self, text: str, named: list[Candidate], found: list[Candidate]
    ) -> list[Candidate]:
        """Trial names read from weaker cues ("Data from ARDENT", "SOLACE (NCT05123456)") only where no
        other rule reads the same name as a drug, disease, company or target (a code shape is settled later
        by code_trials_used_as_drugs), and never a meeting or data source (trial_context_stop)."""
        weak = [c for c in found if c.label == "TRIAL" and c.extractor[6:] in self.unnamed_only]
        if not weak:
            return found
        others = {
            text[c.start : c.end]
            for c in named
            if c.label not in ("TRIAL", "STOP") and not c.extractor.startswith("shape:compound")
        }
        others |= self.trial_context_stop
        drop = {
            id(c) for c in weak if text[c.start : c.end] in others or text[c.start : c.end].upper() in others
        }
        return [c for c in found if id(c) not in drop]

    def _ligands_are_no_compounds(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """A code-shaped name that the text also writes right before 'receptor' ("GLP-1 receptor agonists") is
        that receptor's ligand, the body's own substance, at every mention: its code-shape candidates go."""
        if "receptor" not in text:
            return found
        codes = {
            text[c.start : c.end]
            for c in found
            if c.label == "COMPOUND" and c.extractor.startswith("shape:compound_")
        }
        ligands = {n for n in codes if self._ligand(text, n)}
        if not ligands:
            return found
        return [
            c
            for c in found
            if not (c.extractor.startswith("shape:compound_") and text[c.start : c.end] in ligands)
        ]

    def _ligand(self, text: str, name: str) -> bool:
        r"""Whether the text writes ``name`` right before "receptor": the same as searching the whole text for
        ``(?<![\w-])name<ligand_after>``, tried only where the name starts (str.find) and no word character
        or hyphen stands before it."""
        after, n = self.ligand_after.match, len(name)
        i = text.find(name)
        while i >= 0:
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")) and after(text, i + n):
                return True
            i = text.find(name, i + 1)
        return False

    def _with_technologies(
        self, text: str, cands: list[Candidate], found: list[Candidate]
    ) -> list[Candidate]:
        """``found`` plus the platforms named in context; a modality with a platform noun that no owner claims
        dropped (from ``cands`` too), an owned phrase around a named platform dropped, one restating a named
        platform beside it merged with it."""
        shapes = self.technologies_in_context
        # "an application of RNAi technology": a modality, whichever component found it (a lexicon's entry)
        cands[:] = shapes.unowned_modalities(text, cands)
        found = shapes.unowned_modalities(text, found + shapes(text, [*cands, *found]))
        shapes.without_owner(text, found)  # "the Helix Genomics PrimeEdit technology": "PrimeEdit technology"
        # "Helix's single-stranded RNAi technology": the owned phrase, not the modality inside it
        techs = [(c.start, c.end) for c in [*cands, *found] if c.label == "TECHNOLOGY"]
        techs = [(s, e) for s, e in techs if not shapes.modality_phrase.fullmatch(text, s, e)]
        found = [c for c in found if c.extractor != "shape:technology_owned" or not _holds_other(c, techs)]
        return self.technologies_in_context.renamed(text, [*cands, *found])[len(cands) :]

    def _owned_ok(self, text: str, m: re.Match[str], s: int) -> bool:
        """ "its development platform" is no platform's name; "its proprietary product platform" is one (the
        owner calls it proprietary)."""
        first = text[s:].split()[0].lower()
        if first not in self.owned_stop:
            return True
        return (
            first in self.owned_proprietary
            and re.search(r"\bproprietary\s+$", text[m.start() : s]) is not None
        )

    def _brand_ok(self, text: str, s: int, e: int, low: str | None) -> bool:
        """A marked name is a product unless it is generic, names a technology, or abbreviates the words
        before it ("Antigen Discovery Engine (ADE®)")."""
        word = _MARK_AT_END.sub("", text[s:e])
        if (
            len(re.findall(r"[A-Za-z]", word)) < 3
            or word.lower() in self.brand_stop
            or self.brand_not_before.match(text, e)
            or self.brand_not_after.search(text, max(0, s - 40), s)
            or self._brand_names_platform(text, word, low)
        ):
            return False
        if re.search(r"[a-z][A-Z]", word):
            return False  # camel case marks platforms (a "DuoBody®"-like name), not product brands
        if text[s - 1 : s] == "(" and word.isupper():
            return not initials_match(word, text[max(0, s - 80) : s - 1])
        defined = _LONG_FORM_AFTER.match(text, e)
        # "BEAT™ (Bi-specific Engagement of Antibodies based on T cells)": a name spelled out is a platform's
        return not (defined and word.isupper() and spells(word, defined.group(1)))

    def _brand_names_platform(self, text: str, word: str, low: str | None) -> bool:
        """Whether the text calls ``word`` a platform (shapes.json brand_names_platform, any case). The
        regex needs the word and one of its platform nouns: a text that lacks either is not searched (an
        ASCII word only, in a text folded without traps: pharmakg.extract.literals)."""
        if (
            low is not None
            and word.isascii()
            and (word.lower() not in low or not may_match(low, self.brand_platform_words))
        ):
            return False
        if low is not None and word.isascii() and word and self.brand_platform_tail is not None:
            return word_before(text, low, word.lower(), self.brand_platform_tail)
        return (
            re.search(self.brand_names_platform.replace("{WORD}", re.escape(word)), text, re.IGNORECASE)
            is not None
        )

    def _brands_before_generic(self, text: str, named: list[Candidate], low: str | None) -> list[Candidate]:
        """ "Korvix (talbumab)": the capitalised word before a parenthesis that holds only a generic name is
        the product's brand (aliases then makes both one compound). Not the last word of a longer
        capitalised name ("Boehringer Ingelheim (bivatuzumab)"), a generic word, a target or a camel-case
        platform name."""
        out = []
        for c in named:
            generic = text[c.start : c.end]
            capitals = generic.isupper() and c.extractor == "shape:inn_capitals"  # "ZORBEXA (TALBUMAB)"
            generic_ok = (generic[:1].islower() or capitals) and self.generic_tail.match(text, c.end)
            if c.label != "COMPOUND" or not generic_ok:
                continue
            m = self.brand_before_generic.search(text, max(0, c.start - 60), c.start)
            if m is None:
                continue
            s, e = m.span(1)
            word = text[s:e]
            if re.search(r"[A-Z][a-z]+\s+$", text[max(0, s - 30) : s]) or word in self.targets:
                continue
            if self.exclude.match(word) or not self._brand_ok(text, s, e, low):
                continue
            out.append(Candidate(s, e, "COMPOUND", extractor="shape:brand_before_generic", confidence=0.7))
        return out

    def _payloads_by_context(self, text: str, named: list[Candidate]) -> list[Candidate]:
        """ "conjugated to camptothecin", "a doxorubicin-based ADC": a drug name the text calls a conjugate's
        payload is that PAYLOAD here (shapes.json payload_context); it outranks the drug table's COMPOUND."""
        if not any(n in text for n in self.payload_needs):
            return []
        out = []
        for c in named:
            if c.label != "COMPOUND" or not c.extractor.startswith(("knowledge:", "shape:inn", "lexicon:")):
                continue
            before = text[max(0, c.start - 90) : c.start]
            before = before[
                max(before.rfind(";"), before.rfind(". "), before.rfind(", and")) + 1 :
            ]  # its clause
            if (
                self.payload_before.search(before) and self.payload_topic.search(before)
            ) or self.payload_after.match(text[c.end : c.end + 60]):
                out.append(Candidate(c.start, c.end, "PAYLOAD", "shape:payload_context", 0.75, priority=4))
        return out

    def _paren_trials(self, doc: Doc) -> list[Candidate]:
        text = doc_text(doc)
        out = []
        for m in _PAREN_CAPS.finditer(text):
            word = m.group(1)
            if word.split()[0] in TRIAL_STOP:
                continue
            line_start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start()))
            sent_start = max(0, line_start)
            # the trial is named before its acronym ("two Phase 3 trials, in melanoma (COLUMBUS)"); a
            # parenthesis before any trial word names something else ("CAR T-cells (UCART) ... the study")
            if not _TRIAL_WORD.search(text[sent_start : m.start()]):
                continue
            if initials_match(word, text[sent_start : m.start()]) or spells_last_words(
                word, text[sent_start : m.start()]
            ):
                continue  # an abbreviation being defined, not a trial name
            if self.paren_not_after.search(text, sent_start, m.start()):
                continue  # "... Trials Group (ANZUP)", "... Rating Scale (HAMD)": a body's or measure's name
            if self.exclude.match(word):
                continue  # a newswire in a dateline
            out.append(
                Candidate(m.start(1), m.end(1), "TRIAL", extractor="shape:trial_parenthesis", confidence=0.7)
            )
        return out


def _trial_parts(data: dict) -> dict[str, str]:
    """The shared pieces of the trial rules ({TRIAL_ACR}, {TRIAL_MODS} ...), TRIAL_MODS built from the
    modifier words: up to six modifiers of the trial noun, each followed by a space or a comma."""
    parts = {k: v for k, v in data.get("trial_parts", {}).items() if not k.startswith("_")}
    words = sorted(data.get("trial_modifier_words", []), key=len, reverse=True)
    word_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    one = (
        "(?:" + parts.get("TRIAL_PHASE", "(?!)") + r"|(?i:" + (word_alt or "(?!)") + r")(?![\w-])"
        r"|\d+-(?:week|month|year|arm|part|center|site)|[a-z]+-(?:arm|part|stage|cohort))"
    )
    parts["TRIAL_MODS"] = "(?:" + one + r"(?:\s*,\s*|\s+)){0,6}"
    return parts


def _owner_cited(text: str, m: re.Match[str], e: int) -> str:
    """ "Helix's proprietary product platform": a generic owned phrase is cited with its owner's name (one
    holding a name, "Helix's ZiPlex platform", is cited by that name)."""
    if not _POSSESSOR.match(m.group(0)) or not text[m.start(1) : e].islower():
        return ""
    return text[_name_start(text, m.start()) : e]


def _gene_with_hyphen(surface: str, targets: set[str]) -> bool:
    """A code-shaped name that is a gene symbol or alias once its hyphens go ("OX-40" of OX40, "SF-1" of SF1,
    "TIM-3", "LAG-3") is the gene written the way releases often write it, not a product code: no hyphenated
    code of the generated drug table folds to a gene symbol so."""
    return "-" in surface and surface.replace("-", "") in targets


def _gene_isoform(surface: str, targets: set[str]) -> bool:
    """A gene symbol or alias with a lower-case isoform letter after its number ("ABCD2b" of ABCD2) names the
    protein's isoform, not a product: no code of the generated drug table is a gene symbol so extended."""
    return surface[-1:] in "abcd" and surface[-2:-1].isdigit() and surface[:-1] in targets


def _name_start(text: str, start: int) -> int:
    """Where the capitalised name that ends in the possessive at ``start`` begins ("Helix Biosciences'")."""
    before = re.search(r"(?:[A-Z][\w&.-]*[ \t]+){0,3}$", text[max(0, start - 60) : start])
    return start - len(before.group(0)) if before else start


def _holds_other(c: Candidate, spans: list[tuple[int, int]]) -> bool:
    """An owned phrase around a named technology ("Helix's maytansinoid TAP technology") is that one."""
    return any(c.start <= s and e <= c.end and (s, e) != (c.start, c.end) for s, e in spans)


def _target_wording_wins(found: list[Candidate]) -> list[Candidate]:
    """A code-shaped name in target wording ("a SHP2 inhibitor", "a TL1A antagonist", "anti-TIGIT") is the
    target there, not a compound's code name."""
    cued = {(c.start, c.end) for c in found if c.extractor.startswith("shape:target_cue")}
    return [
        c
        for c in found
        if not (
            c.label == "COMPOUND" and c.extractor.startswith("shape:compound_") and (c.start, c.end) in cued
        )
    ]
