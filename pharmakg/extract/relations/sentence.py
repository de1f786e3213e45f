"""The sentence and mention machinery every relation rule shares, the Sink that collects relations, and the
one ``emit`` through which every rule reports.

A rule sees one live sentence (:class:`Sent`: its text and the real and virtual mentions inside it) and a
:class:`RuleContext`: the document state (all sentences, the issuing company, the compounds of the previous
sentences, ...) plus the helpers that decide which mention an anchor is about (``attach``), which mentions
are coordinated with it (``group``), where its clause ends (``clause_bounds``), whether it is negated, and
how confident a rule is (``conf``: the rule's prior lowered by hedging and distance)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.components.regions import Territories, territories
from pharmakg.extract.relations.breaks import CLAUSE_BREAK, DEAL_BREAK, deal_breaks
from pharmakg.extract.relations.comparators import (
    PartnerCues,
    combination_at,
    comparator_at,
    named_counts,
    own_drug_added,
    plus_neighbour,
    second_before_combination_noun,
)
from pharmakg.extract.relations.coordination import GROUP_COMBINATION, GROUP_OK, coordinated
from pharmakg.model import Entity, Evidence, Relation, StatementKey, matches_key

DIRECT_INTRO = re.compile(
    r"^\s*(?:\w+[\s-]+){0,3}?(?:application|filing|trial|trials|study|studies|testing|program|evaluation|"
    r"candidate|compound|product|adc|drug)?\s*(?:for|of|with|evaluating|on|in)?\s*(?:the|a|an|its|our)?\s*$"
)
# "a Phase 1 study that evaluated the safety, tolerability, pharmacokinetics and pharmacodynamics of X",
# "The Phase 1 study is randomized and placebo-controlled with the goal of evaluating the safety of X": a
# trial noun whose relative clause or stated purpose measures endpoints "of" the compound introduces it
DIRECT_EVALUATION = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:trial|trials|study|studies)\s*,?\s+"
    r"(?:(?:is|was|will\s+be)\s+(?:[a-z][\w-]*,?\s+){1,6}?)?"
    r"(?:that|which|to|designed\s+to|with\s+the\s+(?:goal|aim|objective|purpose)\s+of)\s+"
    r"(?:(?:will|is|was|has|have|had)\s+)?(?:evaluat|assess|investigat|examin|measur|test)\w*\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*,?\s+){1,12}?(?:of|with)\s+(?:the|a|an|its|our)?\s*$"
)
# "HX-12 in gastric cancer and (for) ZB-4 in melanoma": a name after a bare coordinator opens a new conjunct
NEXT_CONJUNCT = re.compile(
    r"^\s*,?\s*(?:and|or|but|while|whereas|as well as)\s+(?:(?:for|in|with|of|on)\s+)?(?:the|its)?\s*$"
)
EXTRACTOR = "pharmakg_relations"


@dataclass
class Sent:
    """One live sentence: its text, offsets and the mentions (real and virtual) inside it."""

    index: int
    start: int  # char offsets in doc.text, whitespace-trimmed
    end: int
    text: str
    low: str
    ms: list[M] = field(default_factory=list)
    open_anaphor: bool = False  # "The drug" after two drugs, "PD-1 inhibitors ...": no salient compound
    # whether the sentence hedges ("may", "expects"): searched once per sentence, not once per relation
    hedged: bool | None = field(default=None, compare=False, repr=False)
    # type -> (mentions of that type, the other mentions, position of each mention of the type): built once
    # per sentence and type, so that grouping every mention of a long sentence stays linear
    by_type: dict[str, tuple[list[M], list[M], dict[int, int]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # (test, id of a mention) -> (the mention, the answer) of the mention tests of RuleContext (comparator,
    # combination), asked of one mention by many rules and anchors: answered once per sentence and mention
    # (the mention is kept with its answer, so the id names that mention while the sentence lives)
    tested: dict[tuple[str, int], tuple[M, bool]] = field(default_factory=dict, compare=False, repr=False)

    def local(self, m: M) -> tuple[int, int]:
        return m.start - self.start, m.end - self.start

    def between(self, a: M, b: M) -> str:
        x, y = (a, b) if a.start <= b.start else (b, a)
        return self.low[x.end - self.start : y.start - self.start]

    def of(self, *types: str, virtual: bool = True) -> list[M]:
        return [m for m in self.ms if m.type in types and (virtual or not m.virtual)]


LIST_ATTRS = ("territory", "region")


def merge_attrs(cur: dict[str, Any], new: dict[str, Any]) -> None:
    """Keep the first value of each key; territories and regions of several statements are united."""
    for k, v in new.items():
        if k in LIST_ATTRS and k in cur and cur[k] != v:
            old = cur[k] if isinstance(cur[k], list) else [cur[k]]
            add = v if isinstance(v, list) else [v]
            cur[k] = list(dict.fromkeys([*old, *add]))
        else:
            cur.setdefault(k, v)


@dataclass
class RelationDraft:
    """A relation while the rules still merge statements into it (evidence, attrs and the best confidence
    grow); :meth:`freeze` makes the :class:`pharmakg.model.Relation` that leaves the component."""

    type: str
    subject: str
    object: str | None
    value: Any
    extractor: str  # "pharmakg_relations:<rule>" of the most confident statement
    confidence: float  # rounded to 3 places
    evidence: list[Evidence]
    attrs: dict[str, Any]

    def freeze(self) -> Relation:
        """The final Relation; evidence without document provenance (assemble adds it)."""
        attrs = dict(self.attrs)
        if "amount" in attrs:
            attrs["amount"] = json_number(attrs["amount"])
        return Relation(
            type=self.type,
            subject=self.subject,
            object=self.object,
            value=json_number(self.value),
            evidence=list(self.evidence),
            extractor=self.extractor,
            confidence=self.confidence,
            attrs=attrs,
        )


def json_number(v: Any) -> Any:
    """USD amounts as int when whole (2000000 rather than 2000000.0)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def is_trial_guess(draft: RelationDraft) -> bool:
    """An EVALUATES made only because the trial's sentence named no compound (trials.py: trial_salient)."""
    return draft.extractor.endswith(":trial_salient")


class Sink:
    """Collects relations, merging statements with the same :func:`pharmakg.model.matches_key` and keeping all
    their evidence."""

    def __init__(self, side: bool = False) -> None:
        self.items: dict[StatementKey, RelationDraft] = {}
        # Facts that are not the current state (planned phases, discontinued development, declined or open
        # options): recorded for the graph, kept apart from the current facts that post() reasons over.
        self.side: Sink | None = None if side else Sink(side=True)

    def add(
        self,
        rtype: str,
        subj: str,
        obj: str | None,
        sent: Sent,
        rule: str,
        conf: float,
        value: Any = None,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        if subj == obj:
            return
        key = matches_key(rtype, subj, obj, value)
        ev = Evidence(sent.text, sent.start, sent.end)
        cur = self.items.get(key)
        if cur is None:
            _, subj, obj, _ = key  # a symmetric relation's ends in sorted order
            self.items[key] = RelationDraft(
                type=rtype,
                subject=subj,
                object=obj,
                value=value,
                extractor=rule,
                confidence=round(min(conf, 1.0), 3),
                evidence=[ev],
                attrs=dict(attrs or {}),
            )
            return
        if ev not in cur.evidence:
            cur.evidence.append(ev)
        if conf > cur.confidence:
            cur.confidence, cur.extractor = round(min(conf, 1.0), 3), rule
        merge_attrs(cur.attrs, attrs or {})

    def annotate(
        self, rtype: str, subj: str, obj: str | None, attrs: dict[str, Any], value: Any = None
    ) -> bool:
        """Add attrs to an existing relation; False when there is none."""
        cur = self.items.get(matches_key(rtype, subj, obj, value))
        if cur is None:
            return False
        merge_attrs(cur.attrs, attrs)
        return True

    def has(self, rtype: str, subj: str) -> bool:
        return any(k[0] == rtype and k[1] == subj for k in self.items)

    def has_pair(self, rtype: str, subj: str, obj: str) -> bool:
        return any(k[0] == rtype and k[1] == subj and k[2] == obj for k in self.items)

    def partners(self, company: str | None) -> set[str]:
        """The companies a PARTNER_OF names with ``company``."""
        return {
            o if subj == company else subj
            for (t, subj, o, _v) in self.items
            if t == "PARTNER_OF" and o is not None and company in (subj, o)
        }

    def evaluated_by(self, trial: str, stated_only: bool = False) -> list[str]:
        """The compounds an EVALUATES gives ``trial``. With ``stated_only``, not those tied to it only because
        its sentence named no compound (trials.py's ``trial_salient``: a guess, on which no second guess is
        made)."""
        return [
            obj
            for (t, subj, obj, _v), draft in self.items.items()
            if t == "EVALUATES"
            and subj == trial
            and obj is not None
            and not (stated_only and is_trial_guess(draft))
        ]

    def remove(self, key: StatementKey) -> None:
        self.items.pop(key, None)

    def relations(self) -> list[Relation]:
        """The current facts, then the side facts (planned, discontinued, declined, optional), frozen."""
        side = self.side.items.values() if self.side is not None else []
        return [draft.freeze() for draft in [*self.items.values(), *side]]


class SharedCues:
    """The cues every rule family reads (negation, hedging, comparators, rule priors, territories), compiled
    once per component from the ``mentions``, ``priors`` and ``hedge_factor`` sections of the cue data."""

    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues["mentions"]
        self.prior: dict[str, float] = cues["priors"]
        self.hedge_factor = float(cues.get("hedge_factor", 0.7))
        self.negation = words_regex(c["negation"])
        self.hedge = words_regex(c["hedge"])
        self.partners = PartnerCues(c)
        self.places: Territories = territories(str(cues.get("territories", "territories.tsv")))


@dataclass
class RuleContext:
    """What a rule knows besides its sentence: the document state, the sink, and the shared helpers."""

    cues: SharedCues
    sents: list[Sent]
    out: Sink
    main: str | None = None  # the issuing company (pharmakg_coref)
    # (sentence index, compound id) of the sentences read so far: a sentence naming no compound is about
    # the last of them (the salient compound)
    recent: list[tuple[int, str]] = field(default_factory=list)
    named: dict[str, int] = field(default_factory=dict)  # compound id -> times named (comparators.py)
    partner_rank: list[str] = field(default_factory=list)  # other companies, most mentioned first
    target_names: dict[str, str] = field(default_factory=dict)  # folded target name -> entity id
    types: dict[str, str] = field(default_factory=dict)  # entity id -> type
    ents: list[Entity] = field(default_factory=list)  # doc._.pkg_entities
    # {parent id, subsidiary id} pairs the text states ("B, a subsidiary of A"): never partners
    affiliates: set[frozenset[str]] = field(default_factory=set)
    # (trial id, stage, sentence, attrs) of stages said of a named trial that no compound was in reach of
    # ("AURORA, its Phase 2b study"): the post-pass gives them to the one compound the trial evaluates
    trial_stages: list[tuple[str, str, Sent, dict[str, Any]]] = field(default_factory=list)
    # (trial id, relation type, object id, sentence, rule) of targets and diseases said of a named trial in a
    # sentence naming no compound in reach ("ORBIT, a trial of an anti-CD38 antibody"): the trial_facts rule
    # gives them to the one compound the trial evaluates, wherever the document says which (trial_facts.py)
    trial_facts: list[tuple[str, str, str, Sent, str]] = field(default_factory=list)

    @property
    def places(self) -> Territories:
        return self.cues.places

    # ------------------------------------------------------------ reporting
    def emit(
        self,
        rtype: str,
        subj: str,
        obj: str | None,
        sent: Sent,
        rule: str,
        dist: int = 0,
        *,
        prior: str | None = None,
        hedged: bool = True,
        side: bool = False,
        value: Any = None,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        """Report a relation found by ``rule``: extractor ``pharmakg_relations:<rule>``, confidence the prior
        of ``rule`` (or of ``prior`` when the rule borrows another's) lowered by hedging (unless ``hedged`` is
        False: document-level inferences) and distance. ``side``: a fact that is not the current state."""
        name = prior or rule
        conf = self.conf(name, sent, dist) if hedged else self.cues.prior[name]
        sink = (self.out.side or self.out) if side else self.out
        sink.add(rtype, subj, obj, sent, f"{EXTRACTOR}:{rule}", conf, value=value, attrs=attrs)

    def conf(self, rule: str, sent: Sent, dist: int = 0) -> float:
        """Rule prior, lowered by hedging in the sentence and by the distance between the two mentions."""
        c = self.cues.prior.get(rule, 0.6)
        if sent.hedged is None:
            sent.hedged = bool(self.cues.hedge.search(sent.low))
        if sent.hedged:
            c *= self.cues.hedge_factor
        return c * (1.0 - min(0.3, dist / 1000.0))

    # ------------------------------------------------------------ mention tests
    def comparator(self, s: Sent, m: M) -> bool:
        """A comparator or prior therapy (relations/comparators.py), or coordinated after one ("after
        abiraterone or enzalutamide")."""
        return _tested(s, "comparator", m, self._comparator)

    def _comparator(self, s: Sent, m: M) -> bool:
        if comparator_at(self.cues.partners, s, m):
            return True
        first = self.group(s, m)[0]
        return first is not m and comparator_at(self.cues.partners, s, first)

    def combination(self, s: Sent, m: M) -> bool:
        """A combination partner: "in combination with (Helix's) X", "ZB-12 and X combination", or a name
        coordinated after one ("combined with X and Y"). Of "X plus Y", the partner is Y unless the document
        names Y more often than X (then Y is the release's drug and X the partner)."""
        return _tested(s, "combination", m, self._combination)

    def _combination(self, s: Sent, m: M) -> bool:
        if not self.named:
            self.named = named_counts(self.cues.partners, self.sents)
        head = plus_neighbour(s, m, before=True)
        if head is not None and self.named.get(m.eid, 0) > self.named.get(head.eid, 0):
            return False
        tail = plus_neighbour(s, m, before=False)
        if tail is not None and self.named.get(tail.eid, 0) > self.named.get(m.eid, 0):
            return True
        if combination_at(self.cues.partners, s, m):
            return not own_drug_added(self.named, s, m)
        same = self.group(s, m)
        if same[0] is not m and combination_at(self.cues.partners, s, same[0]):
            return True
        return second_before_combination_noun(self.cues.partners, s, m, same)

    def negated(self, s: Sent, a: M, b: M) -> bool:
        x = min(a.start, b.start) - s.start
        y = max(a.end, b.end) - s.start
        return bool(self.cues.negation.search(s.low[max(0, x - 25) : y]))

    def parenthetical_affiliate(self, s: Sent, m: M) -> bool:
        """A company in parentheses right after another company: "Centocor (Johnson & Johnson)"."""
        a, _ = s.local(m)
        if not s.low[max(0, a - 3) : a].rstrip().endswith("("):
            return False
        prev = [x for x in s.ms if x.type == "COMPANY" and x.end <= m.start]
        return bool(prev) and m.start - prev[-1].end <= 4

    # ------------------------------------------------------------ which mention an anchor is about
    def attach(
        self,
        s: Sent,
        anchor: M | tuple[int, int],
        types: tuple[str, ...],
        cap: int = 250,
        virtual: bool = True,
        comparators: bool = False,
        direct: bool = True,
        combinations: bool = True,
    ) -> M | None:
        """The mention of ``types`` that an anchor (mention or local char span) is about: the closest
        preceding one in the same clause, else one the anchor directly introduces ("a Phase 1 trial of X").
        ``combinations=False``: combination partners are passed over ("X in combination with Y in gout" is
        about X)."""
        if isinstance(anchor, M):
            a0, a1 = s.local(anchor)
        else:
            a0, a1 = anchor
        cands = [
            m
            for m in s.of(*types, virtual=virtual)
            if (comparators or not self.comparator(s, m))
            and (combinations or not self.combination(s, m))
            and not (s.local(m)[0] < a1 and a0 < s.local(m)[1])
        ]
        before = [m for m in cands if s.local(m)[1] <= a0]
        after = [m for m in cands if s.local(m)[0] >= a1]
        p = before[-1] if before else None
        f = after[0] if after else None
        p_gap = s.low[s.local(p)[1] : a0] if p is not None else ""
        p_ok = p is not None and len(p_gap) <= cap and not CLAUSE_BREAK.search(p_gap)
        # a combination partner is not what "a Phase 2 study in combination with X" is about
        if f is not None and direct and not self.combination(s, f):
            gap = s.low[a1 : s.local(f)[0]]
            direct_gap = (len(gap) <= 40 and DIRECT_INTRO.match(gap)) or (
                len(gap) <= 200 and DIRECT_EVALUATION.match(gap)
            )
            if direct_gap and not (p_ok and NEXT_CONJUNCT.match(gap)):
                return f
        if p_ok:
            return p
        if (
            f is not None
            and s.local(f)[0] - a1 <= 80
            and not CLAUSE_BREAK.search(s.low[a1 : s.local(f)[0]].replace(": ", " "))
        ):
            return f  # a colon may introduce the list that names the compounds
        if p is not None and a0 - s.local(p)[1] <= cap // 2:
            return p
        return None

    def group(self, s: Sent, m: M, combination: bool = False) -> list[M]:
        """``m`` plus the same-type mentions coordinated with it ("X and Y", "A (X), B (Y)")."""
        if m.type not in s.by_type:
            same_type = [x for x in s.ms if x.type == m.type]
            s.by_type[m.type] = (
                same_type,
                [x for x in s.ms if x.type != m.type],
                {id(x): k for k, x in enumerate(same_type)},
            )
        same, others, position = s.by_type[m.type]
        ok = GROUP_OK | (GROUP_COMBINATION if combination else set())
        i = position[id(m)] if id(m) in position else next(k for k, x in enumerate(same) if x is m)
        out = [m]
        j = i
        while j > 0 and coordinated(s, others, ok, same[j - 1], same[j]):
            out.insert(0, same[j - 1])
            j -= 1
        j = i
        while j + 1 < len(same) and coordinated(s, others, ok, same[j], same[j + 1]):
            out.append(same[j + 1])
            j += 1
        return out

    def via_trial(self, s: Sent, anchor: M | tuple[int, int]) -> list[str]:
        """The compounds of the named trial an anchor is about ("the Phase 2 ALPHA trial in gout" when ALPHA
        evaluates ZB-12): used when no compound is in reach of the anchor itself."""
        trial = self.attach(s, anchor, ("TRIAL",), cap=60, virtual=False)
        return [] if trial is None else self.out.evaluated_by(trial.eid)

    def defer_to_trial(self, s: Sent, anchor: M, rtype: str, rule: str) -> None:
        """Keep ``anchor`` (a target or disease no compound is in reach of) for the compound the sentence's
        named trial evaluates: the trial it is said of, else the one trial the sentence names."""
        trial = self.attach(s, anchor, ("TRIAL",), cap=60, virtual=False)
        named = {m.eid for m in s.of("TRIAL", virtual=False)}
        eid = trial.eid if trial is not None else (next(iter(named)) if len(named) == 1 else None)
        if eid is not None:
            self.trial_facts.append((eid, rtype, anchor.eid, s, rule))

    def salient(self, s: Sent, window: int = 2) -> str | None:
        """The compound of the previous sentences, when this sentence names none."""
        if s.of("COMPOUND") or s.open_anaphor:
            return None
        return next((eid for idx, eid in reversed(self.recent) if s.index - idx <= window), None)

    def compounds_after(self, s: Sent, pos: int, span: int = 100) -> list[M]:
        """The compound (and those coordinated with it) named within ``span`` chars after local ``pos``."""
        comps = [
            x
            for x in s.of("COMPOUND")
            if 0 <= x.start - s.start - pos <= span
            and not CLAUSE_BREAK.search(s.low[pos : x.start - s.start])
        ]
        return self.group(s, comps[0]) if comps else []

    # ------------------------------------------------------------ clauses of deal statements
    def clause_bounds(self, s: Sent, lo: int, hi: int) -> tuple[int, int]:
        """Local (start, end) of the clause around s.low[lo:hi] (clause breaks: ; : . newline)."""
        ends, starts = deal_breaks(s.low)  # found once per sentence: linear, however many clauses
        i, j = bisect_right(ends, lo), bisect_left(starts, hi)
        return (ends[i - 1] if i else 0), (starts[j] if j < len(starts) else len(s.low))

    def subject_company(self, s: Sent, cue: int, max_gap: int = 120) -> M | None:
        """The company a cue at local offset ``cue`` is said of: the last company before it in its clause."""
        subj = [
            c for c in s.of("COMPANY") if c.end - s.start <= cue and not self.parenthetical_affiliate(s, c)
        ]
        if not subj:
            return None
        last = subj[-1]
        gap = s.low[last.end - s.start : cue]
        if (
            len(gap) > max_gap
            or DEAL_BREAK.search(gap)
            or re.search(r"\b(?:by|with|to|from|of|for)\s*$", gap)
        ):
            return None
        return last


def _tested(s: Sent, test: str, m: M, answer: Callable[[Sent, M], bool]) -> bool:
    """``answer(s, m)`` once per sentence and mention (kept with the mention: a reused id is not it)."""
    known = s.tested.get((test, id(m)))
    if known is not None and known[0] is m:
        return known[1]
    result = answer(s, m)
    s.tested[(test, id(m))] = (m, result)
    return result
