"""The pharmakg_relations spaCy component: builds the live sentences and their mentions, then runs the
relation rules named in its config, in that order, and writes ``doc._.pkg_relations``. The factory is
declared in pharmakg.extract.factories."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from pharmakg.extract.components.base import doc_text
from pharmakg.extract.components.coref import M, doc_entities, live_sentences, real_mentions
from pharmakg.extract.relations.registry import DEFAULT_RULES, Rule, resolve
from pharmakg.extract.relations.sentence import RuleContext, Sent, SharedCues, Sink
from pharmakg.model import Entity
from pharmakg.names import fold

if not Doc.has_extension("pkg_relations"):
    Doc.set_extension("pkg_relations", default=None)


class Relations:
    """Cue-based relation extraction over the entity mentions of each sentence (see the package doc)."""

    def __init__(self, cues: dict[str, Any], rules: list[str] | None = None) -> None:
        specs = resolve(list(DEFAULT_RULES if rules is None else rules))  # a config error before any work
        self.cues = cues
        self.shared = SharedCues(cues)
        self.rule_names = [spec.name for spec in specs]
        # (rule, fewest mentions a sentence needs for it) per sentence rule; document rules run after
        self.sentence_rules: list[tuple[Rule, int]] = [
            (spec.build(cues), spec.min_mentions) for spec in specs if spec.scope == "sentence"
        ]
        self.document_rules: list[Rule] = [spec.build(cues) for spec in specs if spec.scope == "document"]

    def __call__(self, doc: Doc) -> Doc:
        ctx = self.context(doc)
        for s in ctx.sents:
            for rule, min_mentions in self.sentence_rules:
                if len(s.ms) >= min_mentions:
                    rule(ctx, s)
            ctx.recent.extend((s.index, m.eid) for m in s.ms if m.type == "COMPOUND")
        for doc_rule in self.document_rules:
            doc_rule(ctx)
        doc._.pkg_relations = ctx.out.relations()
        return doc

    def context(self, doc: Doc) -> RuleContext:
        """The document state the rules share: sentences with their mentions, main company, entity tables."""
        mentions = real_mentions(doc)
        ents = doc_entities(doc)
        main = doc._.pkg_main_company if Doc.has_extension("pkg_main_company") else None
        return RuleContext(
            cues=self.shared,
            sents=_sentences(doc, mentions),
            out=Sink(),
            main=main,
            partner_rank=_partner_rank(mentions, main),
            target_names=_target_names(ents),
            types={e.id: e.type for e in ents},
            ents=ents,
        )


def _sentences(doc: Doc, mentions: list[M]) -> list[Sent]:
    """The live sentences, whitespace-trimmed, each with the real and virtual mentions that start in it."""
    virtual = [M(eid, typ, s, e, True) for s, e, eid, typ in (doc._.pkg_coref or [])]
    allm = sorted(mentions + virtual, key=lambda m: (m.start, m.end))
    opened = [(int(a), int(b)) for a, b in (getattr(doc._, "pkg_coref_open", None) or [])]
    text_of_doc = doc_text(doc)  # Doc.text joins all tokens on every access: read it once (cached)
    sents: list[Sent] = []
    mi = 0
    for span in live_sentences(doc):
        raw = text_of_doc[span.start_char : span.end_char]  # = span.text, without joining its tokens
        start = span.start_char + len(raw) - len(raw.lstrip())
        end = span.start_char + len(raw.rstrip())
        while mi < len(allm) and allm[mi].start < start:
            mi += 1
        ms = []
        k = mi
        while k < len(allm) and allm[k].start < end:
            ms.append(allm[k])
            k += 1
        text = text_of_doc[start:end]
        sent = Sent(len(sents), start, end, text, unwrapped(text).lower(), ms)
        sent.open_anaphor = any(start <= a < end for a, _b in opened)
        sents.append(sent)
    return sents


# A line end inside a sentence where the text runs on across it: the next line starts in lower case, with a
# digit, "(" or "$", or the line ends with a comma or a function word. A list of heading lines ("... Presented
# at AACR\nConference Call ...") and list items keep their line ends.
_LINE_END = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*")
_RUNS_ON_BEFORE = re.compile(
    r"(?:,|\b(?:of|to|in|by|an|or|as|at|on|a|the|and|for|its|with|from|that))$", re.I
)
_RUNS_ON_AFTER = re.compile(r"[a-z0-9($]")
_LIST_ITEM = re.compile(r"[-•*·▪●◦–]\s|\(?\d{1,2}[.)]\s")


def unwrapped(text: str) -> str:
    """``text`` with its hard-wrap line ends as spaces (same length: offsets hold), for the clause tests."""
    if "\n" not in text:
        return text
    out = list(text)
    for m in _LINE_END.finditer(text):
        if m.group(0).count("\n") > 1 or _LIST_ITEM.match(text, m.end()):
            continue
        if _RUNS_ON_AFTER.match(text, m.end()) or _RUNS_ON_BEFORE.search(
            text, max(0, m.start() - 6), m.start()
        ):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


def _partner_rank(mentions: list[M], main: str | None) -> list[str]:
    """Companies other than the main one, most mentioned first (payment counterpart of last resort)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type == "COMPANY" and m.eid != main:
            counts[m.eid] = counts.get(m.eid, 0) + 1
    return sorted(counts, key=lambda k: -counts[k])


def _target_names(ents: list[Entity]) -> dict[str, str]:
    """Folded name or alias -> id of every TARGET entity (first entity wins)."""
    names: dict[str, str] = {}
    for e in ents:
        if e.type == "TARGET":
            for n in [e.name, *e.aliases]:
                names.setdefault(fold(n), e.id)
    return names
