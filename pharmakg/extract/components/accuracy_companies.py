"""pharmakg_accuracy_companies: the statistical model's ORG spans as company candidates that rules confirm.

Accuracy mode only (``config-accuracy.cfg``), after the company cues and before the candidates are chosen.
It reads ``doc._.pkg_reading`` (pharmakg_accuracy_reader): an ORG span that the parse makes the grammatical
subject of a press-release verb (``accuracy_cues.json`` "subject_verbs": "Zymora announced", "Novarex has
initiated", "Immunexa will pay", "Zymora and Novarex signed"), or its agent in the passive ("discovered by
Zymora"), is a company, at every mention in the document as with the cues.

An ORG span alone is never a company (the model's ORG spans are right about a third of the time on press
releases): the parse must put it where English puts a company, and the company cues' stop words, institution
words and territories, the other entity types' names, all-capital words and words the document also writes
in lower case still rule it out. Other uses were measured and left out (accuracy_cues.json says which).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc

from pharmakg.extract.components.accuracy_reader import register_extensions as register_reading
from pharmakg.extract.components.base import Candidate, candidates, doc_text, read_json, register_extensions
from pharmakg.extract.components.company_mentions import every_mention
from pharmakg.extract.components.regions import territories

register_extensions()
register_reading()

SUBJECT = "model:org_subject"
# leading and trailing words and marks an ORG span may carry that are no part of a company name
_TRIM = re.compile(r"^(?:the|The|THE)\s+|(?:['’]s|['’])$")


class AccuracyCompanies:
    def __init__(self, cues: str, company_cues: str, confidence: float) -> None:
        self.subject_verbs = frozenset(read_json(cues)["subject_verbs"])
        companies = read_json(company_cues)
        deal = companies.get("deal_context") or {}
        self.stop = (
            set(companies["bad_words"])
            | set(companies["left_stop"])
            | set(deal.get("stop", []))
            | set(companies["name_words"])
            | territories().words()
        )
        self.confidence = confidence

    def __call__(self, doc: Doc) -> Doc:
        reading = doc._.pkg_reading
        if reading and "heads" in reading:
            self._confirm_subjects(doc, reading, candidates(doc))
        return doc

    def _confirm_subjects(self, doc: Doc, reading: dict[str, Any], cands: list[Candidate]) -> None:
        text = doc_text(doc)
        heads, deps = reading["heads"], reading["deps"]
        starts = [s for s, _ in reading["tokens"]]
        lower = [text[s:e].lower() for s, e in reading["tokens"]]
        known = {text[c.start : c.end] for c in cands if c.label == "COMPANY"}
        others = [(c.start, c.end) for c in cands if c.label != "COMPANY"]
        found: set[str] = set()
        for s, e, label in reading["ents"]:
            if label != "ORG":
                continue
            first, end = bisect_left(starts, s), bisect_left(starts, e)
            if first >= end:
                continue
            root = _first_conjunct(_root(first, end, heads), heads, deps)
            if not self._subject(root, heads, deps, lower):
                continue
            name = _TRIM.sub("", text[s:e]).strip(" ,.")
            if name and name not in known and self._name_ok(text, name, s, e, others):
                found.add(name)
        for name in sorted(found):
            cands += every_mention(text, name, SUBJECT, self.confidence)

    def _subject(self, i: int, heads: list[int], deps: list[str], lower: list[str]) -> bool:
        """Token ``i`` is the subject of a press-release verb: "Zymora announced", or the agent of the
        verb in the passive ("ZB-12 was discovered by Zymora")."""
        head = heads[i]
        if deps[i] in ("nsubj", "nsubjpass"):
            return lower[head] in self.subject_verbs
        return (
            deps[i] == "pobj"
            and lower[head] == "by"
            and deps[head] == "agent"
            and lower[heads[head]] in self.subject_verbs
        )

    def _name_ok(self, text: str, name: str, s: int, e: int, others: list[tuple[int, int]]) -> bool:
        words = name.split()
        if len(name) < 3 or not (name[0].isupper() or name[0].isdigit()):
            return False
        if any(w.strip(",.") in self.stop for w in words):
            return False
        # all capitals: a dateline's city, a gene or an acronym (tickers are the ticker cue's); "A and B": two
        # names the parse coordinates, each confirmed on its own
        if not re.search(r"[a-z]", name) or " and " in name:
            return False
        if any(a < e and s < b for a, b in others):
            return False  # a name of another type (a drug, a target, a trial) the rules found
        # a word the document also writes in lower case is an ordinary word
        return not re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text)


def _root(start: int, end: int, heads: list[int]) -> int:
    """The token of [start, end) whose head lies outside it (the last such one: English names end in
    their head word)."""
    roots = [i for i in range(start, end) if not start <= heads[i] < end or heads[i] == i]
    return roots[-1] if roots else end - 1


def _first_conjunct(i: int, heads: list[int], deps: list[str]) -> int:
    """ "Zymora and Novarex signed": Novarex (conj) stands where Zymora does."""
    seen = 0
    while deps[i] == "conj" and heads[i] != i and seen < 10:
        i = heads[i]
        seen += 1
    return i
