"""dependency_paths: relations between two entities of one sentence that the parse links by a known path.

Accuracy mode only: the rule reads the statistical model's parse (``doc._.pkg_reading``, put in the rule
context by the component) and does nothing where there is none, so the default mode's output stays as it is.
It runs after the sentence rules and before the post-pass, and adds only statements no cue rule made.

The cue rules find a relation where the words between two names are words they know; a parse generalizes
over the wording: "ZB-12, which is being evaluated for the treatment of gout", "gout patients will receive
ZB-12" and "ZB-12 demonstrated responses in gout" link the two names by a path of grammatical steps whatever
the words between them. The paths are data, patterns/dependency_paths.json: each pattern names a relation,
the entity types at its two ends, and a regular expression over the path string of
:mod:`pharmakg.extract.relations.parse_paths`, with word classes (``{verb_of_study}``) that a domain expert
edits in the same file. A compound that is a comparator or a combination partner (the cue rules' tests)
gets no relation from a path, nor does a negated statement.

Provenance as for every relation: the sentence (text and offsets), extractor
``pharmakg_relations:dependency_paths:<pattern name>``, confidence the pattern's, lowered by hedging.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pharmakg.extract.components.base import read_json
from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.parse_paths import Parse
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import EXTRACTOR, RuleContext, Sent
from pharmakg.model import matches_key

PATTERNS = "dependency_paths.json"
_WORD_CLASS = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class PathPattern:
    """One pattern of dependency_paths.json: ``relation`` from a ``subject``-type mention to an
    ``object``-type mention whose path fully matches ``path``."""

    name: str
    relation: str
    subject: str
    object: str
    path: re.Pattern[str]
    confidence: float
    unless: re.Pattern[str] | None = None  # words of the sentence that rule the pattern out there


def compile_patterns(data: dict[str, Any]) -> list[PathPattern]:
    """The patterns of the data, their parts (``{name}``: path fragments) and word classes (``{name}``:
    alternations of the words) expanded."""
    classes = {
        name: "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"
        for name, words in data["words"].items()
        if not name.startswith("_")
    }
    parts = {name: part for name, part in data.get("parts", {}).items() if not name.startswith("_")}

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in parts:
            return _WORD_CLASS.sub(expand, parts[name])
        if name not in classes:
            raise ValueError(f"{PATTERNS}: unknown word class or part {{{name}}}")
        return classes[name]

    return [
        PathPattern(
            p["name"],
            p["relation"],
            p["subject"],
            p["object"],
            re.compile(_WORD_CLASS.sub(expand, p["path"])),
            float(p.get("confidence", data.get("confidence", 0.6))),
            _words_regex(p.get("unless", [])),
        )
        for p in data["paths"]
    ]


def _words_regex(words: list[str]) -> re.Pattern[str] | None:
    """Any of the lower-case ``words`` as a whole word; None for no words."""
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")


@relation_rule("dependency_paths", scope="document")
class DependencyPaths:
    def __init__(self, cues: dict[str, Any]) -> None:
        data = read_json(PATTERNS)
        self.patterns = compile_patterns(data)
        self.max_steps = int(data.get("max_steps", 10))

    def __call__(self, ctx: RuleContext) -> None:
        reading = ctx.reading
        if not reading or "lemmas" not in reading:
            return  # no parse: the default mode (or a model without a lemmatizer)
        parse = Parse(reading)
        for s in ctx.sents:
            real = [m for m in s.ms if not m.virtual]
            if len(real) >= 2:
                self._sentence(ctx, s, real, parse)

    def _sentence(self, ctx: RuleContext, s: Sent, mentions: list[M], parse: Parse) -> None:
        heads = {id(m): parse.head_word(m.start, m.end) for m in mentions}
        paths: dict[tuple[int, int], str | None] = {}
        for pattern in self.patterns:
            if pattern.unless is not None and pattern.unless.search(s.low):
                continue
            for a in mentions:
                if a.type != pattern.subject or self._excluded(ctx, s, a):
                    continue
                for b in mentions:
                    if b.type != pattern.object or b.eid == a.eid or self._excluded(ctx, s, b):
                        continue
                    if self._stated(ctx, pattern.relation, a.eid, b.eid):
                        continue
                    ha, hb = heads[id(a)], heads[id(b)]
                    if ha is None or hb is None:
                        continue
                    if (ha, hb) not in paths:
                        paths[(ha, hb)] = parse.path(ha, hb, self.max_steps)
                    path = paths[(ha, hb)]
                    if path is not None and pattern.path.fullmatch(path) and not ctx.negated(s, a, b):
                        self._emit(ctx, s, pattern, a, b)

    @staticmethod
    def _excluded(ctx: RuleContext, s: Sent, m: M) -> bool:
        """A comparator or combination partner is not what the sentence says the relation of."""
        return m.type == "COMPOUND" and (ctx.comparator(s, m) or ctx.combination(s, m))

    @staticmethod
    def _stated(ctx: RuleContext, relation: str, subj: str, obj: str) -> bool:
        """A cue rule already made the statement (as a current or a side fact): it stays theirs."""
        key = matches_key(relation, subj, obj, None)
        side = ctx.out.side.items if ctx.out.side is not None else {}
        return key in ctx.out.items or key in side

    @staticmethod
    def _emit(ctx: RuleContext, s: Sent, pattern: PathPattern, a: M, b: M) -> None:
        if s.hedged is None:
            s.hedged = bool(ctx.cues.hedge.search(s.low))
        confidence = pattern.confidence * (ctx.cues.hedge_factor if s.hedged else 1.0)
        rule = f"{EXTRACTOR}:dependency_paths:{pattern.name}"
        ctx.out.add(pattern.relation, a.eid, b.eid, s, rule, confidence)
