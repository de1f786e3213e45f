"""pharmakg_coref: a small salience-based coreference for the relation rules.

Press releases refer back to their subject with a handful of phrases: "the Company", "our", "we" mean the
issuing company; "the compound", "this product candidate", a sentence-initial "It" mean the compound last
talked about. This component finds those phrases (per sentence, one compiled regex) and resolves them:

* company anaphors -> the document's main company (the most mentioned company, first mentions weigh more);
* compound anaphors -> the most recent COMPOUND mention in the same sentence or the previous few sentences
  (headings are sentences too, so "About IMGN853" makes IMGN853 salient for its section).

Results: ``doc._.pkg_main_company`` (entity id or None) and ``doc._.pkg_coref``: a list of
``(start_char, end_char, entity_id, type)`` virtual mentions that the relation rules treat like entity
mentions. Nothing here rewrites doc.ents.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from pharmakg.extract.components.base import _span_entity_id, doc_text
from pharmakg.extract.components.coref_kinds import LIST_GAP, Kinds, by_sentence, names_next, not_partners
from pharmakg.extract.components.coref_speakers import (
    main_company,
    quote_speakers,
    reported_speech,
    reported_subject,
)
from pharmakg.extract.literals import whole_words_regex
from pharmakg.extract.regex_scan import fast_re
from pharmakg.model import Entity

CUES_PATH = Path(__file__).resolve().parent.parent / "relation_cues.json"

for _name in ("pkg_coref", "pkg_coref_open", "pkg_main_company", "pkg_meta"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> dict[str, Any]:
    """The relation cue lexicon (data file); cached because every component instance reads it."""
    return json.loads(Path(path or CUES_PATH).read_text(encoding="utf-8"))


def words_regex(words: list[str]) -> re.Pattern[str]:
    """One alternation matching any of ``words`` as whole words, longest first, case-insensitive (written to
    be searched fast: pharmakg.extract.literals.whole_words_regex)."""
    return whole_words_regex(words)


# what may stand before a sentence-initial pronoun: nothing, or a short opening phrase and its comma
# ("Currently, it is ...", "In 2020, it was ...")
_OPENING = re.compile(r"\s*(?:[\w-]+(?:\s+[\w-]+){0,2}\s*,\s*)?")
# words that end a drug's descriptor: a preposition, conjunction or verb opens another phrase
_NOT_DESCRIPTOR = (
    r"(?:in|for|of|to|as|at|by|on|from|with|and|or|but|who|which|that|is|are|was|were|will|be|has|have)\b"
)


def partner_descriptor(c: dict[str, Any]) -> str:
    """A regex (no groups) for the descriptor that may stand between a comparator or combination cue and a
    drug's name (``mentions`` cue section: ``partner_descriptor_heads``, ``partner_descriptor_max_words``): a
    determiner or a company's possessive (after its place: "Boston, Mass.-based Helix's"), a few words and a
    class noun, then a space ("the chemotherapy agent ", "Helix's anti-PD-1 therapy ", "chemo agent "); no
    other comma, no preposition or verb inside it."""
    heads = sorted(
        {re.escape(h.lower()).replace(r"\ ", r"\s+") for h in c.get("partner_descriptor_heads", [])},
        key=len,
        reverse=True,
    )
    if not heads:
        return "(?!)"
    n = int(c.get("partner_descriptor_max_words", 3))
    return (
        r"(?:(?:[\w.-]+,\s+)?[\w.-]+-based\s+)?"
        r"(?:(?:the|a|an|its|their|our|his|her)\s+|(?:[\w.&-]+\s+)?[\w.&-]+['’]s\s+)?"
        rf"(?:(?!{_NOT_DESCRIPTOR})[\w/.-]+\s+){{0,{n}}}?(?:{'|'.join(heads)})\s+"
    )


@dataclass
class M:
    """A mention the relation rules see: a real entity mention or a resolved anaphor."""

    eid: str
    type: str
    start: int  # char offsets in doc.text
    end: int
    virtual: bool = False


def doc_entities(doc: Doc) -> list[Entity]:
    """The entities of ``doc._.pkg_entities`` (pharmakg.model.Entity objects), [] before pharmakg_aliases."""
    return (doc._.pkg_entities if Doc.has_extension("pkg_entities") else None) or []


def entity_table(doc: Doc) -> dict[str, str]:
    """entity id -> type from doc._.pkg_entities."""
    return {e.id: e.type for e in doc_entities(doc)}


def real_mentions(doc: Doc) -> list[M]:
    """doc.ents mapped to entity ids (Span._.pkg_entity_id, else doc._.pkg_mention_entity)."""
    lookup = (doc._.pkg_mention_entity if Doc.has_extension("pkg_mention_entity") else None) or {}
    # the span extension as base.register_extensions sets it reads this same table: looked up directly
    ext = Span.get_extension("pkg_entity_id") if Span.has_extension("pkg_entity_id") else None
    has_span_ext = ext is not None and ext[2] is not _span_entity_id
    types = entity_table(doc)
    out = []
    for ent in doc.ents:
        eid = ent._.pkg_entity_id if has_span_ext else None
        if eid is None:
            eid = lookup.get((ent.start_char, ent.end_char))
        if eid is None:
            continue
        out.append(M(str(eid), types.get(str(eid), ent.label_), ent.start_char, ent.end_char))
    return out


def skip_ranges(doc: Doc) -> list[tuple[int, int]]:
    spans = (doc._.pkg_skip if Doc.has_extension("pkg_skip") else None) or []
    return [(int(s[0]), int(s[1])) for s in spans]


def live_sentences(doc: Doc) -> list[Span]:
    """Sentences outside doc._.pkg_skip (a sentence counts as skipped when its start lies in a skip range)."""
    skips = skip_ranges(doc)
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    text = doc_text(doc)  # a span's own .text joins its tokens again: slice the cached text instead
    out = []
    for s in sents:
        if not text[s.start_char : s.end_char].strip():
            continue
        if any(a <= s.start_char < b for a, b in skips):
            continue
        out.append(s)
    return out


class Coref:
    def __init__(self, cues: dict[str, Any]):
        c = cues["coref"]
        fixed = sorted({re.escape(w.lower()) for w in c["compound_anaphors"]}, key=len, reverse=True)
        heads = sorted(
            {re.escape(w.lower()) for w in c.get("modified_anaphor_heads", [])}, key=len, reverse=True
        )
        n = int(c.get("modified_anaphor_max_words", 0))
        alts = list(fixed)
        if heads and n:
            # "this investigational compound", "the novel ADC": determiner + lower-case modifiers + head noun
            alts.insert(0, rf"(?:the|this)\s+(?:[a-z][a-z-]*\s+){{1,{n}}}?(?:{'|'.join(heads)})")
        self.compound_re = fast_re(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)
        # "its single-shot chikungunya vaccine candidate", "the anti-KRAS humanized antibody": a description
        # whose antecedent is the one compound the document names with the same head noun (data:
        # described_anaphor_*)
        dets = "|".join(map(re.escape, c.get("described_anaphor_determiners", []))) or "(?!)"
        stop = "|".join(map(re.escape, c.get("described_anaphor_not_before", []))) or "(?!)"
        head_alts = "|".join(heads) or "(?!)"
        self.described_re = fast_re(
            rf"(?<![\w-])(?:{dets})\s+(?P<body>(?:[\w-]+\s+){{0,{n}}}?(?P<head>{head_alts}))(?![\w-])"
            rf"(?!\s+(?:{stop})\b)(?!\s*[,(]?\s*(?-i:[A-Z0-9]))",
            re.IGNORECASE,
        )
        # the namings of a compound by a head noun: "the antibody, ZB-12" before it; "ZB-12, an anti-KRAS
        # antibody", "ZB-12 is a vaccine" after it
        self.head_before = re.compile(rf"(?<![\w-])(?P<head>{head_alts})\s*[,(]?\s*$", re.IGNORECASE)
        self.head_after = re.compile(
            rf"[®™]?\)?\s*(?:\([^()]{{0,40}}\)\s*)?(?:,\s+|\s+(?:is|was)\s+)(?:a|an|the|its|their|our)\s+"
            rf"(?:[\w-]+\s+){{0,{n}}}?(?P<head>{head_alts})(?![\w-])",
            re.IGNORECASE,
        )
        self.company_re = words_regex(c["company_anaphors"])
        self.reported = reported_speech(c.get("reported_speech_verbs", []))
        mods = "|".join(sorted(map(re.escape, c.get("target_anaphor_modifiers", [])), key=len, reverse=True))
        classes = "|".join(sorted(map(re.escape, c.get("target_anaphor_heads", [])), key=len, reverse=True))
        after_stop = "|".join(map(re.escape, c.get("target_anaphor_not_after", [])))
        # "This investigational <TARGET> receptor agonist ...": the words before and after a target mention
        self.target_anaphor_before = re.compile(
            rf"^\s*(?:this|the)(?:\s+(?:{mods or '(?!)'})){{0,2}}\s+$", re.I
        )
        self.target_anaphor_after = re.compile(
            rf"[\s-]*(?:receptors?\s+)?(?:{classes or '(?!)'})s?(?![\w-])(?!\s+(?:{after_stop or '(?!)'})\b)",
            re.IGNORECASE,
        )
        # "The two target GRPR ...": a sentence-initial plural phrase for the compounds of the last list
        self.plural_re = _opening_phrase(
            c.get("plural_compound_anaphors", []), c.get("plural_anaphor_not_before", [])
        )
        # "The antibody leverages Helix's ...": a bare class noun opening a sentence as its subject
        self.subject_re = _opening_phrase(
            c.get("subject_anaphors", []), c.get("subject_anaphor_not_before", []), then=r"(?=\s+[a-z])"
        )
        self.initial_only = {w.lower() for w in c["sentence_initial_only"]}
        self._sentence_cues(c)
        self.lookback = int(c["compound_lookback_sentences"])
        # "X in combination with (Helix's) Y. This investigational compound ...": a combination partner or
        # comparator is never what a compound anaphor means ("combined with the chemotherapy agent Y", "plus X
        # and Y": a descriptor or a name may stand before the partner)
        partner = [*cues["mentions"]["combination"], *cues["mentions"]["comparator"]]
        self.partner_before = fast_re(
            r"(?:"
            + "|".join(map(re.escape, partner))
            + r")(?:\W{0,3}(?:(?:[\w.&-]+\s+){0,2}[\w.&-]+['’]s\s+)?|\s+"
            + partner_descriptor(cues["mentions"])
            + r")(?:[\w-]+\s+(?:and|or|plus)\s+)?$"
        )

    def __call__(self, doc: Doc) -> Doc:
        mentions = real_mentions(doc)
        sentences = live_sentences(doc)
        main = main_company(doc, mentions, sentences)
        doc._.pkg_main_company = main
        speakers = quote_speakers(doc, mentions) if main else []
        full = doc_text(doc)
        low = full.lower()
        targets = [m for m in mentions if m.type == "TARGET"]
        compounds = not_partners(
            sorted((m for m in mentions if m.type == "COMPOUND"), key=lambda m: m.start),
            low,
            self.partner_before,
        )
        starts = [m.start for m in compounds]  # sorted: a sentence's compounds are one slice of the list
        virtual: list[tuple[int, int, str, str]] = []
        taken = [(m.start, m.end) for m in mentions]
        described = self._named_by_head(full, compounds)
        heads = self._head_phrases(full, compounds)  # compound id -> the head nouns the document names it by
        unresolved: list[tuple[int, int]] = []  # compound anaphors with no one compound they can mean
        recent: list[tuple[int, str]] = []  # (sentence index, compound id) of the latest compound mentions
        ci = 0
        company_at = {m.start for m in mentions if m.type == "COMPANY"}
        cos = sorted((m for m in mentions if m.type == "COMPANY"), key=lambda m: m.start)
        for si, sent in enumerate(sentences):
            text = full[sent.start_char : sent.end_char]  # = sent.text, without joining its tokens
            base = sent.start_char
            about = _ABOUT.match(text)
            if about and base + about.end() in company_at:
                recent.clear()  # "About Kestrel Bio": the company's own section speaks of no compound
            in_sent = compounds[bisect_left(starts, sent.start_char) : bisect_left(starts, sent.end_char)]
            for m in self.company_re.finditer(text) if main else ():
                if m.group(0) == "US":
                    continue  # "approved in the US", "US$5 million": the country, not the pronoun "us"
                s, e = base + m.start(), base + m.end()
                if not any(a < e and s < b for a, b in taken):
                    who = next((eid for qa, qb, eid in speakers if qa <= s and e <= qb), main)
                    if m.group(0).lower().startswith("the "):  # "B said the company's drug ...": B
                        who = reported_subject(full, cos, (base, s), self.reported) or who
                    if who is not None:  # always so: this loop runs only when there is a main company
                        virtual.append((s, e, who, "COMPANY"))
            spans, about_other = self._anaphor_spans(text, base, mentions, main)
            if about_other:
                unresolved.append((base, base + 1))
            spans += self._target_anaphors(text, base, targets)
            subject = self.subject_re.match(text)
            if subject:
                spans.append((subject.end() - len(subject.group(0).lstrip(" \t\n\"“‘'")), subject.end()))
            plural = self.plural_re.match(text)
            if plural:
                s, e = base + plural.end() - len(plural.group(0).lstrip(" \t\n\"“‘'")), base + plural.end()
                for eid in _last_list(full, compounds, sentences, si, self.lookback):
                    virtual.append((s, e, eid, "COMPOUND"))
            virtual += self._descriptions(text, base, spans, mentions, low, described)
            for a0, a1 in sorted(spans):
                s, e = base + a0, base + a1
                if any(a < e and s < b for a, b in taken) or names_next(compounds, starts, e, full):
                    continue
                kind = self.kinds.of(low[s:e])
                before = [c.eid for c in in_sent if c.end <= s]
                if before:
                    target = self.kinds.pick([before], kind, heads, last=True)
                else:
                    target = self.kinds.pick(by_sentence(recent, si, self.lookback), kind, heads)
                if target is None:
                    unresolved.append((s, e))
                    continue
                virtual.append((s, e, target, "COMPOUND"))
            while ci < len(compounds) and compounds[ci].start < sent.end_char:
                if compounds[ci].start >= sent.start_char:
                    recent.append((si, compounds[ci].eid))
                ci += 1
            # A compound anaphor keeps its referent salient for the following sentences too.
            for s, _e, eid, typ in virtual[-3:]:
                if typ == "COMPOUND" and s >= sent.start_char:
                    recent.append((si, eid))
        virtual += _subject_its(full, mentions, sentences, taken)
        doc._.pkg_coref = sorted(virtual)
        doc._.pkg_coref_open = unresolved
        return doc

    def _descriptions(
        self,
        text: str,
        base: int,
        spans: list[tuple[int, int]],
        mentions: list[M],
        low: str,
        described: dict[str, set[str]],
    ) -> list[tuple[int, int, str, str]]:
        """The descriptions in a sentence (local ``text`` at ``base``) that name the one compound the document
        names with their class noun ("its single-shot chikungunya vaccine candidate"), as virtual mentions;
        not those inside another anaphor's span or over a drug or company name."""
        out: list[tuple[int, int, str, str]] = []
        for d in self.described_re.finditer(text):
            s, e = base + d.start("body"), base + d.end("body")
            # its modifiers may name a disease or target ("its COVID-19 vaccine"), not a drug or company
            if any(x < e - base and s - base < y for x, y in spans) or any(
                m.start < e and s < m.end and m.type in ("COMPOUND", "COMPANY") for m in mentions
            ):
                continue
            if self.partner_before.search(low[max(0, s - 60) : s]):
                continue  # "in combination with its PD-1 antibody": a partner, never the described drug
            named = described.get(_head_key(d.group("head")), set())
            if len(named) == 1:
                out.append((s, e, next(iter(named)), "COMPOUND"))
        return out

    def _named_by_head(self, full: str, compounds: list[M]) -> dict[str, set[str]]:
        """The compounds the document names with a class noun, by that noun: "the vaccine candidate, ZB-12",
        "Dubbed ZB-12, the vaccine candidate", "ZB-12, an anti-KRAS antibody", "ZB-12 is a vaccine"."""
        out: dict[str, set[str]] = defaultdict(set)
        for m in compounds:
            pre = self.head_before.search(full, max(0, m.start - 40), m.start)
            post = self.head_after.match(full, m.end, m.end + 120)
            for hit in (pre, post):
                if hit is not None:
                    out[_head_key(hit.group("head"))].add(m.eid)
        return out

    def _sentence_cues(self, c: dict[str, Any]) -> None:
        """The cues of lead-product anaphors, of sentences about another drug, of words after which a compound
        anaphor is none, and the kinds of drug descriptions (relation_cues.json, section coref)."""
        # "its lead product candidate", "the company's lead program": the words from "lead" on
        lead = c.get("lead_anaphor", {})
        self.lead_re = fast_re(
            rf"(?<![\w-])(?:{_alt(lead.get('determiners', []))})\s+(?P<a>(?:{_alt(lead.get('words', []))})\s+"
            rf"(?:[a-z-]+\s+){{0,2}}?(?:{_alt(lead.get('heads', []))}))(?![\w-])",
            re.IGNORECASE,
        )
        # a sentence whose subject is a drug class ("PD-1 inhibitors have been approved", "Gene therapies")
        nouns, verbs = _alt(c.get("class_subject_nouns", [])), _alt(c.get("class_subject_next", []))
        self.class_subject_re = re.compile(
            rf"^[\s\"“‘']*(?:[\w-]+\s+){{0,4}}?(?:{nouns})\s+(?:{verbs})\b", re.IGNORECASE
        )
        self.class_heads = re.compile(
            rf"(?:['’]s)\s+(?:[\w-]+\s+){{0,3}}?(?:{_alt(c.get('other_drug_heads', []))})(?![\w-])", re.I
        )
        # "the drug class", "the compound library": no anaphor of a compound
        stop = "|".join(
            sorted(map(re.escape, c.get("compound_anaphor_not_before", [])), key=len, reverse=True)
        )
        self.not_after = fast_re(rf"\s*(?:{stop or '(?!)'})(?![\w-])", re.IGNORECASE)
        # "It is expected that ...": an expletive "it" only; "The drug is expected to ..." means the drug
        expletive = "|".join(sorted(map(re.escape, c.get("expletive_it_before", [])), key=len, reverse=True))
        self.expletive = fast_re(rf"\s*(?:{expletive or '(?!)'})(?![\w-])", re.IGNORECASE)
        # the kind of drug a description names ("the vaccine", "this siRNA") and the kinds it may mean
        self.kinds = Kinds(c.get("anaphor_head_kinds", {}), c.get("anaphor_kind_compatible", {}))

    def _anaphor_spans(
        self, text: str, base: int, mentions: list[M], main: str | None
    ) -> tuple[list[tuple[int, int]], bool]:
        """The local spans of a sentence's compound anaphors ("the compound", "its lead program"), and whether
        the sentence speaks of no compound of the document: "It is estimated that", "The drug class is ...",
        "PD-1 inhibitors have been approved for ...", "Kestrel's drug is approved for ..."."""
        found = [
            m
            for m in self.compound_re.finditer(text)
            if not (m.group(0).lower() in self.initial_only and not _OPENING.fullmatch(text[: m.start()]))
        ]
        stopped = [m for m in found if self.not_after.match(text, m.end()) or self._expletive(text, m)]
        spans = [(m.start(), m.end()) for m in found if m not in stopped]
        spans += [(m.start("a"), m.end("a")) for m in self.lead_re.finditer(text)]
        other = bool(self.class_subject_re.match(text)) or self._other_company_drug(
            text, base, mentions, main
        )
        return spans, other or bool(stopped)

    def _expletive(self, text: str, m: re.Match[str]) -> bool:
        return m.group(0).lower() == "it" and self.expletive.match(text, m.end()) is not None

    def _other_company_drug(self, text: str, base: int, mentions: list[M], main: str | None) -> bool:
        """Whether a sentence opens with another company's drug ("Kestrel's drug is approved for ...")."""
        lead = len(text) - len(text.lstrip(" \t\n\"“‘'"))
        first = next((m for m in mentions if m.start == base + lead and m.type == "COMPANY"), None)
        return (
            first is not None and first.eid != main and bool(self.class_heads.match(text, first.end - base))
        )

    def _head_phrases(self, full: str, compounds: list[M]) -> dict[str, set[str]]:
        """compound id -> the class nouns the document names it with, as written ("vaccine candidate")."""
        out: dict[str, set[str]] = defaultdict(set)
        for m in compounds:
            pre = self.head_before.search(full, max(0, m.start - 40), m.start)
            post = self.head_after.match(full, m.end, m.end + 120)
            for hit in (pre, post):
                if hit is not None:
                    out[m.eid].add(hit.group("head").lower())
        return out

    def _target_anaphors(self, text: str, base: int, targets: list[M]) -> list[tuple[int, int]]:
        """Local spans of "This investigational" in "This investigational <TARGET> receptor agonist ...": the
        opening of a sentence whose subject is the last compound, described by its target and class."""
        out = []
        for t in targets:
            a, b = t.start - base, t.end - base
            if not 0 < a < 60 or b > len(text):
                continue
            before = self.target_anaphor_before.match(text, 0, a)
            if before and self.target_anaphor_after.match(text, b):
                out.append((len(text[:a]) - len(text[:a].lstrip()), len(text[:a].rstrip())))
        return out


def _alt(words: list[str]) -> str:
    """An alternation of ``words`` (escaped, longest first), or one that matches nothing."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"


def _head_key(head: str) -> str:
    """The last word of a class noun, lower-cased: "vaccine candidate" and "product candidate" name by
    "candidate", "monoclonal antibody" by "antibody"."""
    return head.lower().split()[-1]


# a heading "About <company>"
_ABOUT = re.compile(r"\s*About\s+")

# a sentence opening with the possessive "Its" ("Its lead candidate is X"), after quotes or a bullet
_OPENING_ITS = re.compile(r"[\s\"“‘'•*-]*(Its)\s")


def _subject_its(
    full: str, mentions: list[M], sentences: list[Span], taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, str]]:
    """ "Orbital is a clinical-stage company ... Its lead candidate is ZB-12": a sentence-initial "Its" is the
    company that opened the sentence before as its subject (whoever issued the release)."""
    out: list[tuple[int, int, str, str]] = []
    company_at = {m.start: m.eid for m in mentions if m.type == "COMPANY"}
    subject: str | None = None
    for sent in sentences:
        its = _OPENING_ITS.match(full, sent.start_char, sent.end_char)
        if its and subject is not None and not any(a < its.end(1) and its.start(1) < b for a, b in taken):
            out.append((its.start(1), its.end(1), subject, "COMPANY"))
        lead = full[sent.start_char : min(sent.end_char, sent.start_char + 20)]
        subject = company_at.get(sent.start_char + len(lead) - len(lead.lstrip()))
    return out


def _last_list(full: str, compounds: list[M], sentences: list[Span], si: int, lookback: int) -> list[str]:
    """The distinct compounds of the last coordinated list ("X and Y", "X, Y and Z") named in the sentences
    before sentence ``si`` (at most ``lookback`` back); [] if the last sentence with compounds ends on one."""
    for k in range(si - 1, max(-1, si - 1 - lookback), -1):
        sent = sentences[k]
        ms = [m for m in compounds if sent.start_char <= m.start < sent.end_char]
        if not ms:
            continue
        run = [ms[-1]]
        for prev in reversed(ms[:-1]):
            if prev.eid == run[0].eid or not LIST_GAP.match(full[prev.end : run[0].start]):
                break
            run.insert(0, prev)
        eids = list(dict.fromkeys(m.eid for m in run))
        return eids if len(eids) >= 2 else []
    return []


def _opening_phrase(phrases: list[str], not_before: list[str], then: str = "") -> re.Pattern[str]:
    """One of ``phrases`` opening a sentence (after quotes), as a whole word, not followed by a word of
    ``not_before``; ``then`` is what must come next."""
    alts = "|".join(sorted({re.escape(w.lower()) for w in phrases}, key=len, reverse=True)) or "(?!)"
    stop = "|".join(map(re.escape, not_before)) or "(?!)"
    return re.compile(rf"^[\s\"“‘']*(?:{alts})(?![\w-])(?!\s+(?:{stop})\b){then}", re.IGNORECASE)
