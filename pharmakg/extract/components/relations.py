"""pharmakg_relations: cue-based relation extraction over the entity mentions of each sentence.

Input (from the entity components and pharmakg_coref): doc.sents, doc.ents mapped to entity clusters
(doc._.pkg_entities, Span._.pkg_entity_id / doc._.pkg_mention_entity), doc._.pkg_skip, and the virtual
mentions of doc._.pkg_coref ("the Company", "the compound", ...).

Output: ``doc._.pkg_relations``, a list of dicts ``{type, subject, object, value, rule, confidence,
evidence: [(start_char, end_char)], attrs}`` deduplicated per (type, subject, object/value).

How: for every live sentence we look only at the few mentions in it. An *anchor* mention (a target,
disease, trial, technology, phase phrase, money amount) is attached to the compound it belongs to: the
closest preceding compound in the same clause, else a compound that the anchor directly introduces
("a Phase 1 trial of X"), and the attachment is widened to coordinated compounds ("X and Y", "X, a MEK
inhibitor, and Y"). Cue words (data: relation_cues.json) decide the relation type and direction;
negation, hedging and plans suppress or lower the confidence. Every rule is a cue or a structure, never a
sentence of a particular release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from pharmakg.extract.components.coref import M, live_sentences, real_mentions, words_regex
from pharmakg.extract.components.regions import territories
from pharmakg.names import fold

if not Doc.has_extension("pkg_relations"):
    Doc.set_extension("pkg_relations", default=None)

# ". " ends a clause except after an initial or abbreviation ("U.S. FDA", "Dr. Smith" is lower-cased "dr.")
CLAUSE_BREAK = re.compile(r";|(?<!\.[a-z])(?<![^a-z][a-z])\.\s|:\s|\n")
GROUP_OK = {
    "",
    ",",
    "and",
    ", and",
    "or",
    ", or",
    "/",
    "&",
    "as well as",
    ", as well as",
    ", and also",
    "and also",
}
# a clause break for deal statements: "Alphagen, Inc. and Betapharm AG" is one clause
DEAL_BREAK = re.compile(r";|(?<!\.[a-z])(?<![^a-z][a-z])(?<!inc)(?<!ltd)(?<!corp)(?<!\bco)\.\s|:\s|\n")
# a clause break inside a payment sentence; "Inc. " / "Co., Ltd. " are not one
_GAP_BREAK = re.compile(r";|(?<!inc)(?<!ltd)(?<!corp)(?<!co)(?<!\b[a-z])\.\s")
# "agreement with C for X" / "... with C to develop X": the licence is for the named compound
_LICENCE_SCOPE = re.compile(r"\bfor\b|\bto (?:develop|commercialize|commercialise|market)")
_REPORTED = re.compile(
    r"^.{0,80}?\b(?:announced|announces|reported|reports|said|says|stated|disclosed)\s+"
    r"(?:today\s+|that\s+|today\s+that\s+)?(?=\w)"
)
_USD_FOLLOWS = re.compile(r"^\s*\(\s*(?:approximately|approx\.|about|around|~|or|equal to)?\s*(?:US\s?)?\$")
GROUP_COMBINATION = {"plus", "with", "in combination with", "combined with", "+"}
PAREN = re.compile(r"\([^()]*\)")
APPOSITION = re.compile(r",\s*(?:a|an|the)\s[^,;()]{0,40}?,")
MARKS = re.compile(r"[®™*\[\]]")
DIRECT_INTRO = re.compile(
    r"^\s*(?:\w+[\s-]+){0,3}?(?:application|filing|trial|trials|study|studies|testing|program|evaluation|"
    r"candidate|compound|product|adc|drug)?\s*(?:for|of|with|evaluating|on|in)?\s*(?:the|a|an|its|our)?\s*$"
)


@dataclass
class Sent:
    """One live sentence: its text, offsets and the mentions (real and virtual) inside it."""

    index: int
    start: int  # char offsets in doc.text, whitespace-trimmed
    end: int
    text: str
    low: str
    ms: list[M] = field(default_factory=list)

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


class Sink:
    """Collects relations, merging duplicates per (type, subject, object/value) and keeping all evidence."""

    def __init__(self, side: bool = False) -> None:
        self.items: dict[tuple, dict[str, Any]] = {}
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
        if rtype == "PARTNER_OF" and obj is not None:
            subj, obj = sorted((subj, obj))
        key = (rtype, subj, obj, value)
        ev = (sent.start, sent.end)
        cur = self.items.get(key)
        if cur is None:
            self.items[key] = {
                "type": rtype,
                "subject": subj,
                "object": obj,
                "value": value,
                "rule": rule,
                "confidence": round(min(conf, 1.0), 3),
                "evidence": [ev],
                "attrs": dict(attrs or {}),
            }
            return
        if ev not in cur["evidence"]:
            cur["evidence"].append(ev)
        if conf > cur["confidence"]:
            cur["confidence"], cur["rule"] = round(min(conf, 1.0), 3), rule
        merge_attrs(cur["attrs"], attrs or {})

    def annotate(
        self, rtype: str, subj: str, obj: str | None, attrs: dict[str, Any], value: Any = None
    ) -> bool:
        """Add attrs to an existing relation; False when there is none."""
        if rtype == "PARTNER_OF" and obj is not None:
            subj, obj = sorted((subj, obj))
        cur = self.items.get((rtype, subj, obj, value))
        if cur is None:
            return False
        merge_attrs(cur["attrs"], attrs)
        return True

    def has(self, rtype: str, subj: str) -> bool:
        return any(k[0] == rtype and k[1] == subj for k in self.items)

    def remove(self, key: tuple) -> None:
        self.items.pop(key, None)


class Relations:
    def __init__(self, cues: dict[str, Any]):
        self.cues = cues
        c = cues["cues"]
        self.prior: dict[str, float] = cues["priors"]
        self.hedge_factor = float(cues.get("hedge_factor", 0.7))
        self.re = {k: words_regex(v) for k, v in c.items() if isinstance(v, list)}
        self.comparator_end = re.compile(r"(?:" + "|".join(map(re.escape, c["comparator"])) + r")\W{0,3}$")
        self.combination_end = re.compile(r"(?:" + "|".join(map(re.escape, c["combination"])) + r")\W{0,3}$")
        self.dev_passive = re.compile(
            r"(?<![\w-])(?:initially |originally |formerly |previously )?(?:"
            + "|".join(sorted(map(re.escape, c["developer_passive"]), key=len, reverse=True))
            + r")\s*$"
        )
        self.dev_agreement = re.compile(
            r"(?:develop\w*|in development)\s+(?:under|through|as part of|pursuant to)\s+"
            r"(?:a|an|the|its|their)?"
            r"\s*(?:[\w-]+\s+){0,3}?(?:agreement|collaboration|partnership|alliance)s?\s+(?:between|with)\s"
        )
        self.dev_modifier = re.compile(r"^\s*[-‐–]\s*(?:" + "|".join(c["developer_modifier"]) + r")\b")
        self.licensee_after = re.compile(
            r"^[\s,]*(?:\([^)]*\)\s*,?\s*)?(?:(?:will|has|have|had|also|to|recently|then|would|shall)\s+)*(?:"
            + "|".join(map(re.escape, c["licensee_after_company"]))
            + r")\b[^.;]{0,50}?\b(?:"
            + "|".join(map(re.escape, c["licensee_rights_words"]))
            + r")\b"
        )
        self.licensee_before = re.compile(
            r"\b("
            + "|".join(sorted(map(re.escape, c["licensee_before_company"]), key=len, reverse=True))
            + r")\s+(?:the\s+)?$"
        )
        p = cues["phase"]
        self.phase_res = [
            (re.compile(r"(?<![\w-])(?:" + rx + r")(?![\w-])", re.IGNORECASE), val)
            for rx, val in p["patterns"]
        ]
        self.phase_planned_before = words_regex(p["planned_before"])
        self.phase_planned_after = re.compile(
            r"^\W{0,3}(?:(?:clinical\s+)?(?:trial|trials|study|studies|testing|program|evaluation|application|"
            r"filing|submission)\s+)?(?:" + "|".join(map(re.escape, p["planned_after"])) + r")\b",
            re.IGNORECASE,
        )
        self.phase_prefilter = re.compile(
            r"phase|clinic|ind\b|investigational|approv|review|filed|submitted", re.IGNORECASE
        )
        self.phase_subpart = re.compile(r"^\s*(?:" + "|".join(map(re.escape, p["sub_part_after"])) + r")\b")
        self.phase_current = words_regex(p["current_override"])
        self.approved_not = re.compile(r"^\s*(?:" + "|".join(p["approved_not_before_nouns"]) + r")\b")
        self.ind_planned_value = p["ind_planned_value"]
        pay = cues["payment"]
        self.scale = pay["scale"]
        self.money = re.compile(
            r"(?:US\s?)?\$\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(thousand|million|billion|mm|mn|bn|[mkb])?\b",
            re.IGNORECASE,
        )
        self.currency_codes = {k.lower(): v for k, v in pay["currencies"].items()}
        cur_alt = "|".join(sorted((re.escape(k) for k in pay["currencies"]), key=len, reverse=True))
        self.money_foreign = re.compile(
            rf"(?:(?<![\w])(?P<c1>{cur_alt})\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
            rf"|(?<![\w.,])(?P<num2>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?))"
            rf"\s*(?P<unit>thousand|million|billion|mn|bn)?\b(?(num2)\s*(?P<c2>{cur_alt})|)(?![\w])",
            re.IGNORECASE,
        )
        self.contingent_before = words_regex(pay["contingent_before"])
        self.contingent_after = re.compile(
            r"^\s*(?:\([^)]*\)\s*)?(?:" + "|".join(map(re.escape, pay["contingent_after"])) + r")\b",
            re.IGNORECASE,
        )
        self.pay_kinds = [(words_regex([w, w + "s"]), k) for w, k in pay["kinds"]]
        self.payee_before = re.compile(
            r"\b(?:" + "|".join(map(re.escape, pay["payee_before_amount"])) + r")\b"
        )
        self.payer_before = re.compile(
            r"\b(?:" + "|".join(map(re.escape, pay["payer_before_amount"])) + r")\b"
        )
        self.pay_verb_end = re.compile(
            r"\b(?:" + "|".join(map(re.escape, pay["payee_after_pay_verb"])) + r")\s*$"
        )
        self.payee_marker = re.compile(r"\b(?:" + "|".join(pay["payee_marker"]) + r")\s+(?:the\s+)?$")
        self.payer_marker = re.compile(r"\b(?:" + "|".join(pay["payer_marker"]) + r")\s+(?:the\s+)?$")
        self.pay_status = [(words_regex([w]), s) for w, s in pay["status"]]
        self.target_in_disease = re.compile(
            r"^(\S+?)\s?[-‐–]?\s?(?:" + "|".join(map(re.escape, c["target_expressing"])) + r")(?![\w])",
            re.IGNORECASE,
        )
        self.phase_current_salient = words_regex(p["current_for_salient"])
        self.trial_anaphor_start = re.compile(
            r"^\W*(?:" + "|".join(map(re.escape, c["trial_anaphors"])) + r")\b", re.IGNORECASE
        )
        self.places = territories(str(cues.get("territories", "territories.tsv")))
        self.pivotal = words_regex(p["pivotal"])
        self.planned_year = re.compile(p["planned_year"], re.IGNORECASE)
        d = cues["deal"]
        self.deal = {k: words_regex(v) for k, v in d.items() if isinstance(v, list)}
        self.retain = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, d["retain_verbs"])) + r")\s+(?P<rest>[^.;]{0,120})",
            re.IGNORECASE,
        )
        self.planned_strict = words_regex(p["planned_strict"])
        self.discontinued_objects = words_regex(d["discontinued_objects"])
        self.share_pct = re.compile(
            r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)\s+(?:of\s+(?:the\s+|all\s+|its\s+)?)?"
            r"(?:[\w-]+\s+){0,3}?(?:" + "|".join(map(re.escape, d["share_objects"])) + r")\b",
            re.IGNORECASE,
        )
        self.share_ratio = re.compile(
            r"\b(\d{1,2})\s?[/-]\s?(\d{1,2})\s+(?:[\w-]+\s+)?(?:profit|cost|split|share)"
        )
        # cheap substring gates: most sentences contain none of a rule's cue words (str "in" is C-fast)
        self.gates = {
            name: tuple(sorted({w.lower()[:8] for k in keys for w in d[k]}))
            for name, keys in (
                ("discontinued", ("discontinued", "no_longer")),
                ("option", ("option", "declined_option")),
                ("retained", ("retain_verbs",)),
                ("codevelopment", ("codevelopment",)),
            )
        }
        t = d["trigger"]
        self.trig_strong = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, t["strong"])) + r")\s+", re.IGNORECASE
        )
        self.trig_weak = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, t["weak"])) + r")\s+", re.IGNORECASE
        )
        self.trig_heads = words_regex(t["heads"])
        self.trig_anaphora = words_regex(t["anaphora"])
        self.trig_result = words_regex(t["result"])

    # ---------------------------------------------------------------- helpers
    def emit(
        self, out: Sink, rtype: str, subj: str, obj: str | None, sent: Sent, rule: str, dist: int = 0,
        **kw: Any,
    ) -> None:
        """Add a relation found by ``rule``: its extractor name and its confidence both come from the rule."""
        out.add(rtype, subj, obj, sent, f"pharmakg_relations:{rule}", self.conf(rule, sent, dist), **kw)

    def conf(self, rule: str, sent: Sent, dist: int = 0) -> float:
        """Rule prior, lowered by hedging in the sentence and by the distance between the two mentions."""
        c = self.prior.get(rule, 0.6)
        if self.re["hedge"].search(sent.low):
            c *= self.hedge_factor
        return c * (1.0 - min(0.3, dist / 1000.0))

    def comparator(self, s: Sent, m: M) -> bool:
        a, _ = s.local(m)
        return bool(self.comparator_end.search(s.low[max(0, a - 30) : a]))

    def combination(self, s: Sent, m: M) -> bool:
        a, _ = s.local(m)
        return bool(self.combination_end.search(s.low[max(0, a - 30) : a]))

    def negated(self, s: Sent, a: M, b: M) -> bool:
        x = min(a.start, b.start) - s.start
        y = max(a.end, b.end) - s.start
        return bool(self.re["negation"].search(s.low[max(0, x - 25) : y]))

    def attach(
        self,
        s: Sent,
        anchor: M | tuple[int, int],
        types: tuple[str, ...],
        cap: int = 250,
        virtual: bool = True,
        comparators: bool = False,
        direct: bool = True,
    ) -> M | None:
        """The mention of ``types`` that an anchor (mention or local char span) is about; see module doc."""
        if isinstance(anchor, M):
            a0, a1 = s.local(anchor)
        else:
            a0, a1 = anchor
        cands = [
            m
            for m in s.of(*types, virtual=virtual)
            if (comparators or not self.comparator(s, m)) and not (s.local(m)[0] < a1 and a0 < s.local(m)[1])
        ]
        before = [m for m in cands if s.local(m)[1] <= a0]
        after = [m for m in cands if s.local(m)[0] >= a1]
        p = before[-1] if before else None
        f = after[0] if after else None
        if f is not None and direct:
            gap = s.low[a1 : s.local(f)[0]]
            if len(gap) <= 40 and DIRECT_INTRO.match(gap):
                return f
        if p is not None:
            gap = s.low[s.local(p)[1] : a0]
            if len(gap) <= cap and not CLAUSE_BREAK.search(gap):
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
        same = [x for x in s.ms if x.type == m.type]
        ok = GROUP_OK | (GROUP_COMBINATION if combination else set())
        others = [x for x in s.ms if x.type != m.type]

        def joined(a: M, b: M) -> bool:
            gap = s.text[a.end - s.start : b.start - s.start]
            for o in others:  # drop other mentions lying in the gap ("A (X), B (Y)")
                if a.end <= o.start and o.end <= b.start:
                    gap = gap.replace(s.text[o.start - s.start : o.end - s.start], " ")
            gap = MARKS.sub("", gap.lower())
            gap = PAREN.sub(" ", gap)
            gap = APPOSITION.sub(",", gap)
            gap = re.sub(r"[()]", " ", gap)
            gap = re.sub(r"\s+", " ", gap).strip()
            gap = re.sub(r"\s*,\s*", ", ", gap).strip()
            gap = re.sub(r"^(?:, )+|(?:, )+$", ",", gap) if gap.replace(",", "").strip() == "" else gap
            gap = gap.replace(" ,", ",")
            return gap in ok or gap.rstrip(",").strip() in ok or gap.lstrip(", ").strip() in ok

        i = next(k for k, x in enumerate(same) if x is m)
        out = [m]
        j = i
        while j > 0 and joined(same[j - 1], same[j]):
            out.insert(0, same[j - 1])
            j -= 1
        j = i
        while j + 1 < len(same) and joined(same[j], same[j + 1]):
            out.append(same[j + 1])
            j += 1
        return out

    def parenthetical_affiliate(self, s: Sent, m: M) -> bool:
        """A company in parentheses right after another company: "Centocor (Johnson & Johnson)"."""
        a, _ = s.local(m)
        if not s.low[max(0, a - 3) : a].rstrip().endswith("("):
            return False
        prev = [x for x in s.ms if x.type == "COMPANY" and x.end <= m.start]
        return bool(prev) and m.start - prev[-1].end <= 4

    # ---------------------------------------------------------------- the rules
    def rule_targets(self, s: Sent, out: Sink, target_names: dict[str, str]) -> None:
        # "CD56-expressing tumors" recognised as one DISEASE mention still states the compound's target
        for d in s.of("DISEASE", virtual=False):
            a, b = s.local(d)
            m = self.target_in_disease.match(s.text[a:b])
            tid = target_names.get(fold(m.group(1))) if m else None
            if tid is None:
                continue
            c = self.attach(s, d, ("COMPOUND",), cap=200, direct=False)
            if c is not None and not self.negated(s, c, d):
                self.emit(out, "TARGETS", c.eid, tid, s, "targets_from_disease", abs(c.start - d.start))
        for t in s.of("TARGET", virtual=False):
            for typ, cap in (("COMPOUND", 200), ("ANTIBODY", 120)):
                c = self.attach(s, t, (typ,), cap=cap, direct=False)
                if c is None:
                    continue
                x0 = min(c.start, t.start) - s.start
                x1 = max(c.end, t.end) - s.start
                window = s.low[max(0, x0 - 5) : min(len(s.low), x1 + 25)]
                # "HER3-directed", "anti-TROP2": the cue word is glued to the target by a hyphen
                window = re.sub(r"[-‐–]", " ", window)
                if self.re["targets"].search(window) and not self.negated(s, c, t):
                    self.emit(out, "TARGETS", c.eid, t.eid, s, "targets_cue", abs(c.start - t.start))

    def rule_conjugate(self, s: Sent, out: Sink) -> None:
        for part, rtype, rule in (
            ("PAYLOAD", "HAS_PAYLOAD", "payload_cue"),
            ("ANTIBODY", "HAS_ANTIBODY", "antibody_cue"),
        ):
            for p in s.of(part, virtual=False):
                c = self.attach(s, p, ("COMPOUND",), cap=200, direct=False)
                if c is None:
                    continue
                if self.re["conjugate"].search(s.between(c, p)) and not self.negated(s, c, p):
                    self.emit(out, rtype, c.eid, p.eid, s, rule, abs(c.start - p.start))

    def salient(self, s: Sent, recent: list[tuple[int, str]], window: int = 2) -> str | None:
        """The compound of the previous sentences, when this sentence names none."""
        if s.of("COMPOUND"):
            return None
        prior = [eid for idx, eid in recent if s.index - idx <= window]
        return prior[-1] if prior else None

    def rule_indication(self, s: Sent, out: Sink, recent: list[tuple[int, str]]) -> None:
        for d in s.of("DISEASE", virtual=False):
            c = self.attach(s, d, ("COMPOUND",), cap=250)
            if c is None:
                sal = self.salient(s, recent)
                if sal is not None and not self.re["negation"].search(s.low):
                    self.emit(out, "INDICATION", sal, d.eid, s, "indication_salient")
                continue
            if self.negated(s, c, d):
                continue
            for g in self.group(s, c):
                if not self.comparator(s, g) and not self.combination(s, g):
                    self.emit(out, "INDICATION", g.eid, d.eid, s, "indication_cue", abs(c.start - d.start))

    def rule_developer(self, s: Sent, out: Sink) -> None:
        companies = s.of("COMPANY")
        compounds = s.of("COMPOUND")
        if not companies or not compounds:
            return

        def add(cs: list[M], comp: M, rule: str, dist: int) -> None:
            for c in cs:
                self.emit(out, "DEVELOPED_BY", c.eid, comp.eid, s, rule, dist)

        for comp in companies:
            a, b = s.local(comp)
            after = s.text[b : b + 4]
            poss = comp.virtual and (
                s.low[a:b].endswith("'s") or s.low[a:b].endswith("’s") or s.low[a:b] == "our"
            )
            poss = poss or bool(re.match(r"^(?:'s|’s|'|’)(?!\w)", after))
            if poss:
                nxt = [m for m in s.ms if m.start >= comp.end]
                gap = s.between(comp, nxt[0]) if nxt else ""
                if (
                    nxt
                    and nxt[0].type == "COMPOUND"
                    and nxt[0].start - comp.end <= 60
                    and len(gap.split()) <= 7
                    and not self.re["possessive_stop"].search(gap)
                    and not CLAUSE_BREAK.search(gap)
                ):
                    add(self.group(s, nxt[0]), comp, "developer_possessive", nxt[0].start - comp.end)
            if not comp.virtual and self.dev_modifier.match(s.low[b : b + 16]):
                f = [m for m in compounds if m.start > comp.end and m.start - comp.end <= 120]
                if f and not CLAUSE_BREAK.search(s.between(comp, f[0]).replace(": ", " ")):
                    add(self.group(s, f[0]), comp, "developer_compound_modifier", f[0].start - comp.end)
            # "Boehringer Ingelheim (bivatuzumab mertansine)"
            if not comp.virtual and re.match(r"^\s*\(", s.text[b : b + 3]):
                inner = [m for m in compounds if 0 < m.start - comp.end <= 4]
                if inner and re.match(r"^[^()]{0,40}\)", s.text[inner[0].end - s.start :]):
                    add([inner[0]], comp, "developer_list", 0)
            # passive: "X, in development by COMPANY"
            if not comp.virtual:
                m = self.dev_passive.search(s.low[max(0, a - 40) : a])
                if m and not re.match(r"(?:initially|originally|formerly|previously)", m.group(0)):
                    cue_start = a - (len(s.low[max(0, a - 40) : a]) - m.start())
                    p = self.attach(s, (cue_start, cue_start + 1), ("COMPOUND",), cap=80, direct=False)
                    if p is not None and p.start < comp.start:
                        for co in self.group(s, comp):  # "co-developed by A and B"
                            add(self.group(s, p), co, "developer_passive", co.start - p.end)
        # "X is in development under an agreement between A and B"
        for m in self.dev_agreement.finditer(s.low):
            p = self.attach(s, (m.start(), m.start() + 1), ("COMPOUND",), cap=200, direct=False)
            if p is None:
                continue
            tail = [c for c in companies if c.start - s.start >= m.end() and not c.virtual]
            for c in tail:
                add(self.group(s, p), c, "developer_passive", c.start - p.end)
        # active: "A and B are co-developing X", "A discovered and developed this drug candidate"
        for m in self.re["developer_active"].finditer(s.low):
            subj = [c for c in companies if c.end - s.start <= m.start()]
            if not subj:
                continue
            last = subj[-1]
            gap = s.low[last.end - s.start : m.start()]
            if (
                len(gap) > 120
                or CLAUSE_BREAK.search(gap)
                or re.search(r"\b(?:by|with|to|and its|of)\s*$", gap)
            ):
                continue
            objs = [
                x for x in compounds if x.start - s.start >= m.end() and x.start - s.start - m.end() <= 60
            ]
            if not objs or CLAUSE_BREAK.search(s.low[m.end() : objs[0].start - s.start]):
                continue
            for comp in self.group(s, last):
                add(self.group(s, objs[0]), comp, "developer_active", objs[0].start - last.end)

    def rule_licensee(self, s: Sent, out: Sink) -> None:
        compounds = s.of("COMPOUND")
        if not compounds:
            return
        for comp in s.of("COMPANY", virtual=False):
            a, b = s.local(comp)
            after_cue = self.licensee_after.match(s.low[b : b + 110])
            before = self.licensee_before.search(s.low[max(0, a - 45) : a])
            if not after_cue and not before:
                continue
            if after_cue and not before and after_cue.group(0).endswith("option"):
                # "B has an option to co-develop X": an option not (yet) exercised is no licence (rule_option)
                if not re.search(r"exercis", after_cue.group(0)):
                    continue
            objs_after = [x for x in compounds if x.start >= comp.end and x.start - comp.end <= 160]
            target = None
            if objs_after and not CLAUSE_BREAK.search(s.between(comp, objs_after[0])):
                target = objs_after[0]
                if (
                    before
                    and before.group(1).startswith("agreement")
                    or (before and "agreement with" in before.group(1))
                ):
                    # "agreement with C for X": the licence is for the named compound only
                    if not _LICENCE_SCOPE.search(s.between(comp, target)):
                        target = None
            elif before and before.group(1).endswith(" to"):
                target = self.attach(s, comp, ("COMPOUND",), cap=200, direct=False)
            if target is None or self.negated(s, comp, target):
                continue
            members = self.group(s, target) if not CLAUSE_BREAK.search(s.between(comp, target)) else [target]
            attrs = self.licence_attrs(s, comp, target)
            for g in members:
                self.emit(
                    out,
                    "LICENSED_TO",
                    g.eid,
                    comp.eid,
                    s,
                    "licensee_cue",
                    abs(comp.start - g.start),
                    attrs=attrs,
                )

    def rule_partner(self, s: Sent, out: Sink, main: str | None) -> None:
        if not self.re["partner"].search(s.low):
            return
        companies = [c for c in s.of("COMPANY") if not self.parenthetical_affiliate(s, c)]
        ids = list(dict.fromkeys(c.eid for c in companies))
        if len(ids) < 2:
            return
        if main in ids:
            subj = main
            others = [o for o in ids if o != main]
        else:
            # No issuing company in the sentence: only companies coordinated with the first one ("A and B
            # announced a collaboration") or named after a partnership cue that follows it ("A ... agreement
            # with B") are its partners; a list of unrelated developers is not a partnership.
            first = companies[0]
            grouped = {g.eid for g in self.group(s, first)}
            cue_after = [
                m.start() for m in self.re["partner"].finditer(s.low) if m.start() >= first.end - s.start
            ]
            others = [
                c.eid
                for c in companies
                if c.eid != first.eid and (c.eid in grouped or any(x <= c.start - s.start for x in cue_after))
            ]
            subj = first.eid
        for other in dict.fromkeys(others):
            self.emit(out, "PARTNER_OF", subj, other, s, "partner_cue")

    def rule_technology(self, s: Sent, out: Sink) -> None:
        for t in s.of("TECHNOLOGY", virtual=False):
            uses = [m.start() + s.start for m in self.re["technology_use"].finditer(s.low)]
            for c in s.of("COMPANY"):
                if self.parenthetical_affiliate(s, c):
                    continue
                possessive = c.virtual or (
                    c.end <= t.start
                    and t.start - c.end <= 50
                    and not any(o.type == "COMPANY" and c.end <= o.start and o.end <= t.start for o in s.ms)
                    and re.match(r"^(?:'s|’s|'|’)\s", s.text[c.end - s.start : c.end - s.start + 3])
                )
                used = any(c.end <= u <= t.start for u in uses)
                if possessive or used:
                    self.emit(
                        out,
                        "USES_TECHNOLOGY",
                        c.eid,
                        t.eid,
                        s,
                        "technology_cooccurrence",
                        abs(c.start - t.start),
                    )
            comp = self.attach(s, t, ("COMPOUND",), cap=150)
            if comp is None:
                continue
            gap = s.between(comp, t)
            members = (
                [comp]
                if comp.end <= t.start and re.match(r"^\s*,\s*(?:a|an)\b", gap)
                else self.group(s, comp)
            )
            for g in members:
                self.emit(
                    out,
                    "USES_TECHNOLOGY",
                    g.eid,
                    t.eid,
                    s,
                    "technology_cooccurrence",
                    abs(g.start - t.start),
                )

    def rule_trials(self, s: Sent, out: Sink, sents: list[Sent], recent: list[tuple[int, str]]) -> None:
        for tr in s.of("TRIAL", virtual=False):
            c = self.attach(s, tr, ("COMPOUND",), cap=250)
            if c is not None:
                for g in self.group(s, c, combination=True):
                    self.emit(out, "EVALUATES", tr.eid, g.eid, s, "trial_cue", abs(tr.start - g.start))
                continue
            nxt = sents[s.index + 1] if s.index + 1 < len(sents) else None
            if nxt is not None and self.trial_anaphor_start.match(nxt.text):
                cs = nxt.of("COMPOUND")
                if cs:
                    self.emit(out, "EVALUATES", tr.eid, cs[0].eid, nxt, "trial_cue")
                    continue
            prior = [eid for idx, eid in recent if s.index - idx <= 3]
            if prior:
                self.emit(out, "EVALUATES", tr.eid, prior[-1], s, "trial_salient")

    def rule_phase(self, s: Sent, out: Sink, recent: list[tuple[int, str]]) -> None:
        found: list[tuple[int, int, str]] = []
        if not self.phase_prefilter.search(s.text):
            return
        for rx, val in self.phase_res:
            for m in rx.finditer(s.text):
                if not any(a < m.end() and m.start() < b for a, b, _ in found):
                    found.append((m.start(), m.end(), val))
        for a, b, val in sorted(found):
            if self.phase_subpart.match(s.low[b : b + 20]):
                continue
            clause_start = max([0, a - 70] + [m.end() for m in CLAUSE_BREAK.finditer(s.low[:a])])
            before = s.low[clause_start:a]
            planned = bool(self.phase_planned_before.search(before)) or bool(
                self.phase_planned_after.match(s.low[b:])
            )
            if planned and val != "IND":
                cur = self.phase_current.search(before)
                plan = list(self.phase_planned_before.finditer(before))
                if not (cur and plan and cur.start() > plan[-1].start()):
                    if val != "Preclinical" and (
                        self.planned_strict.search(before) or self.phase_planned_after.match(s.low[b:])
                    ):
                        self.add_planned(s, out, recent, a, b, val, clause_start)
                    continue
            if val.startswith("Phase") and re.search(
                r"\b(?:ind|investigational new drug)\b", s.low[max(0, a - 120) : a]
            ):
                continue  # "an IND for a Phase 1 trial": the trial is still to come
            if val == "IND" and planned:
                val = self.ind_planned_value
            elif val == "Preclinical" and planned:
                continue
            if val == "Approved":
                if self.approved_not.match(s.low[b : b + 20]) or re.search(
                    r"\bnot\s+(?:yet\s+)?(?:been\s+)?$", s.low[max(0, a - 20) : a]
                ):
                    continue
                c = self.attach(s, (a, b), ("COMPOUND",), cap=80, virtual=False)
            else:
                c = self.attach(s, (a, b), ("COMPOUND",), cap=150)
            attrs: dict[str, Any] = {"status": "current", "text": s.text[a:b]}
            if self.pivotal.search(s.low[max(clause_start, a - 40) : b + 30]):
                attrs["pivotal"] = True
            if val == "Approved":
                region = self.places.approval_region(s.text, a, b)
                if region:
                    attrs["region"] = region
            if c is None:
                # "enrollment is underway in the Phase I/II study" after a sentence naming the compound
                sal = self.salient(s, recent, window=3)
                if sal is not None and val.startswith("Phase") and self.phase_current_salient.search(s.low):
                    self.emit(out, "IN_PHASE", sal, None, s, "phase_salient", value=val, attrs=attrs)
                continue
            for g in self.group(s, c):
                if not self.comparator(s, g) and not self.combination(s, g):
                    self.emit(
                        out,
                        "IN_PHASE",
                        g.eid,
                        None,
                        s,
                        "phase_cue",
                        abs(g.start - s.start - a),
                        value=val,
                        attrs=attrs,
                    )

    # ---------------------------------------------------------------- deal structure
    def gated(self, name: str, low: str) -> bool:
        return any(g in low for g in self.gates[name])

    def clause_bounds(self, s: Sent, lo: int, hi: int) -> tuple[int, int]:
        """Local (start, end) of the clause around s.low[lo:hi] (clause breaks: ; : . newline)."""
        breaks = [m.end() for m in DEAL_BREAK.finditer(s.low[:lo])]
        m = DEAL_BREAK.search(s.low, hi)
        return (breaks[-1] if breaks else 0), (m.start() if m else len(s.low))

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

    def option_holder(self, s: Sent, c0: int, c1: int) -> M | None:
        """Who holds an option: "opt-in by B", "granting B rights to opt into", else the subject ("B has")."""
        if re.match(r"\s*(?:rights?\s+)?by\s", s.low[c1 : c1 + 12]):
            after = [c for c in s.of("COMPANY") if 0 <= c.start - s.start - c1 <= 14]
            if after:
                return after[0]
        before = [c for c in s.of("COMPANY") if c.end - s.start <= c0]
        if before and re.search(
            r"\b(?:grant\w*|giv\w*|provid\w*|offer\w*)\s+(?:the\s+)?$",
            s.low[max(0, before[-1].start - s.start - 25) : before[-1].start - s.start],
        ):
            if (
                not DEAL_BREAK.search(s.low[before[-1].end - s.start : c0])
                and c0 - (before[-1].end - s.start) <= 80
            ):
                return before[-1]
        return self.subject_company(s, c0)

    def share(self, text: str) -> float | None:
        """A cost/profit/ownership share: "50% of development costs" -> 0.5, "50/50 profit split"."""
        m = self.share_pct.search(text)
        if m and 0 < float(m.group(1)) <= 100:
            return round(float(m.group(1)) / 100, 4)
        m = self.share_ratio.search(text)
        if m and int(m.group(1)) + int(m.group(2)) == 100:
            return round(int(m.group(1)) / 100, 4)
        if self.deal["share_equal"].search(text):
            return 0.5
        return None

    def compounds_after(self, s: Sent, pos: int, span: int = 100) -> list[M]:
        """The compound (and those coordinated with it) named within ``span`` chars after local ``pos``."""
        comps = [
            x
            for x in s.of("COMPOUND")
            if 0 <= x.start - s.start - pos <= span
            and not CLAUSE_BREAK.search(s.low[pos : x.start - s.start])
        ]
        return self.group(s, comps[0]) if comps else []

    def licence_attrs(self, s: Sent, licensee: M, target: M) -> dict[str, Any]:
        """exclusive, territory and licensor of a licence statement, from its clause."""
        lo = min(licensee.start, target.start) - s.start
        hi = max(licensee.end, target.end) - s.start
        start, end = self.clause_bounds(s, lo, hi)
        stop = self.deal["licence_scope_end"].search(s.low, hi, end)
        if stop:
            end = stop.start()
        clause = s.low[start:end]
        attrs: dict[str, Any] = {}
        if self.deal["non_exclusive"].search(clause):
            attrs["exclusive"] = False
        elif self.deal["exclusive"].search(clause):
            attrs["exclusive"] = True
        terr = self.places.scope(s.text[start:end])
        if terr:
            attrs["territory"] = terr
        others = [
            c for c in s.of("COMPANY") if c.eid != licensee.eid and not self.parenthetical_affiliate(s, c)
        ]
        frm = [
            c
            for c in others
            if re.search(r"\bfrom\s+(?:the\s+)?$", s.low[max(0, c.start - s.start - 12) : c.start - s.start])
        ]
        before = [c for c in others if c.end <= licensee.start and c.start - s.start >= start]
        if frm:
            attrs["licensor"] = frm[0].eid
        elif before:
            attrs["licensor"] = before[-1].eid
        return attrs

    def rule_retained(self, s: Sent, out: Sink, recent: list[tuple[int, str]]) -> None:
        """ "A retains all rights in the U.S.", "A will retain 25% of the rights to X": mode retained."""
        for m in self.retain.finditer(s.low):
            rest = m.group("rest")
            obj = self.deal["retain_objects"].search(rest)
            if obj is None or obj.start() > 60:
                continue
            cue = m.start()
            if self.re["negation"].search(s.low[max(0, cue - 25) : cue]):
                continue
            holder = self.subject_company(s, cue)
            if holder is None:
                continue
            r0, r1 = m.span("rest")
            eids = [x.eid for x in self.compounds_after(s, r0, r1 - r0)]
            if not eids:
                before = [x for x in s.of("COMPOUND") if x.end <= holder.start]
                sal = self.salient(s, recent)
                eids = [before[-1].eid] if before else ([sal] if sal else [])
            attrs: dict[str, Any] = {"mode": "retained"}
            terr = self.places.scope(s.text[r0:r1])
            if not terr:  # "except in Japan, where B will maintain exclusive rights"
                where = re.search(
                    r"\bin\s+(?:the\s+)?([^,;]{2,40}?)\s*,?\s+where\s+$", s.text[: holder.start - s.start]
                )
                if where:
                    terr = [p.name for _, _, p in self.places.find(where.group(1)) if p.kind != "regulator"]
            if terr:
                attrs["territory"] = terr
            share = self.share(rest)
            if share is not None:
                attrs["share"] = share
            for eid in eids:
                self.emit(out, "DEVELOPED_BY", eid, holder.eid, s, "developer_retained", attrs=attrs)

    def rule_codevelop(self, s: Sent, out: Sink) -> None:
        """ "A and B will co-develop X", "a co-development and co-commercialization agreement"."""
        for cue in self.deal["codevelopment"].finditer(s.low):
            c0, c1 = cue.span()
            pre = s.low[max(0, c0 - 60) : c0]
            if self.re["negation"].search(s.low[max(0, c0 - 30) : c0]) or self.deal["declined_option"].search(
                s.low[max(0, c0 - 40) : c1]
            ):
                continue
            # an option or right to co-develop is not co-development yet, unless it was exercised
            if re.search(r"\b(?:option|right|opt)s?\b[^.;]{0,25}$", pre) and not self.deal[
                "option_exercised"
            ].search(pre):
                continue
            start, end = self.clause_bounds(s, c0, c1)
            companies = [
                c
                for c in s.of("COMPANY")
                if start <= c.start - s.start < end and not self.parenthetical_affiliate(s, c)
            ]
            ids = list(dict.fromkeys(c.eid for c in companies))[:3]
            if not ids:
                continue
            # the compound co-developed: named right after the cue ("co-develop X", "co-development agreement
            # for X"), with no other company or list in between, or the one the cue attaches to
            comps = [
                x
                for x in self.compounds_after(s, c1, 60)
                if "," not in s.low[c1 : x.start - s.start]
                and not any(c1 <= o.start - s.start < x.start - s.start for o in s.of("COMPANY"))
            ][:1]
            comps = self.group(s, comps[0]) if comps else []
            if not comps:
                c = self.attach(s, (c0, c1), ("COMPOUND",), cap=150, direct=False)
                comps = self.group(s, c) if c is not None else []
            attrs: dict[str, Any] = {"mode": "co-development"}
            share = self.share(s.low[start:end])
            if share is not None:
                attrs["share"] = share
            terr = self.places.scope(s.text[c1:end])
            if terr:
                attrs["territory"] = terr
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    out.annotate("PARTNER_OF", a, b, attrs)
            if len(ids) < 2 and not re.search(r"\bwith\b", s.low[c1:end]):
                continue  # "A will co-develop X with ..." needs its partner named or implied
            for comp in comps:
                for co in ids:
                    self.emit(out, "DEVELOPED_BY", comp.eid, co, s, "developer_codevelopment", attrs=attrs)

    def rule_option(self, s: Sent, out: Sink, recent: list[tuple[int, str]]) -> None:
        """Options and their fate: "B has an option to opt in" (an open option), "A will not exercise its
        option to license X from B" (declined: no LICENSED_TO). Exercised options are read by the licensee and
        co-development rules."""
        sink = out.side or out
        for cue in self.deal["declined_option"].finditer(s.low):
            c0, c1 = cue.span()
            holder = self.subject_company(s, c0)
            if holder is None:
                continue
            scope = s.low[c1 : c1 + 120]
            comps = [x.eid for x in self.compounds_after(s, c1, 120)]
            if not comps:
                sal = self.salient(s, recent)
                comps = [sal] if sal else []
            licence = re.search(r"\b(?:licen[cs]e|acquire|obtain|in-license)", scope[:60])
            rtype = "LICENSED_TO" if licence else "DEVELOPED_BY"
            attrs: dict[str, Any] = {"mode": "option" if licence else "co-development", "status": "declined"}
            frm = [c for c in s.of("COMPANY") if c.eid != holder.eid and c.start - s.start >= c1]
            if licence and frm:
                attrs["licensor"] = frm[0].eid
            for eid in comps:
                sink.add(
                    rtype,
                    eid,
                    holder.eid,
                    s,
                    "pharmakg_relations:option_declined",
                    self.conf("licensee_declined", s),
                    attrs=attrs,
                )
        for cue in self.deal["option"].finditer(s.low):
            c0, c1 = cue.span()
            around = s.low[max(0, c0 - 60) : c1 + 40]
            if self.deal["declined_option"].search(around) or self.re["negation"].search(
                s.low[max(0, c0 - 25) : c0]
            ):
                continue
            if self.deal["option_exercised"].search(s.low[max(0, c0 - 40) : c0]):
                continue  # an exercised option is a licence or co-development, read by those rules
            scope = s.low[c1 : c1 + 80]
            if not (
                cue.group(0).startswith("opt")
                and cue.group(0) != "option"
                and cue.group(0) != "options"
                or re.match(
                    r"^\s*(?:right\s+)?to\s+(?:opt|co-|jointly|licen|acquire|obtain|develop|commerciali|participate)",
                    scope,
                )
            ):
                continue
            holder = self.option_holder(s, c0, c1)
            if holder is None:
                continue
            attrs: dict[str, Any] = {"mode": "opt-in"}
            share = self.share(s.low[c0:])
            if share is not None:
                attrs["share"] = share
            others = list(dict.fromkeys(c.eid for c in s.of("COMPANY") if c.eid != holder.eid))
            if not others:  # the partner was named before: the holder's partnerships so far
                others = [
                    k[2] if k[1] == holder.eid else k[1]
                    for k in out.items
                    if k[0] == "PARTNER_OF" and holder.eid in (k[1], k[2])
                ]
            for other in others:
                out.annotate("PARTNER_OF", holder.eid, other, {**attrs, "option_holder": holder.eid})
            comps = [x.eid for x in self.compounds_after(s, c1, 120)]
            if not comps:
                sal = self.salient(s, recent)
                comps = [sal] if sal else []
            licence = re.search(r"^\s*to\s+(?:licen[cs]e|acquire|obtain|in-license)", scope)
            for eid in comps:
                self.emit(
                    sink,
                    "LICENSED_TO" if licence else "DEVELOPED_BY",
                    eid,
                    holder.eid,
                    s,
                    "developer_option",
                    attrs={**attrs, "status": "option"},
                )

    def rule_discontinued(self, s: Sent, out: Sink, recent: list[tuple[int, str]], main: str | None) -> None:
        """ "A has discontinued development of X", "X is no longer in development": DEVELOPED_BY, status
        discontinued, recorded apart from the current facts."""
        sink = out.side or out
        hits = [(m, False) for m in self.deal["discontinued"].finditer(s.low)]
        hits += [(m, True) for m in self.deal["no_longer"].finditer(s.low)]
        for m, no_longer in hits:
            c0, c1 = m.span()
            if not no_longer and re.search(
                r"\b(?:not|no plans? to|never)\s+(?:\w+\s+)?$", s.low[max(0, c0 - 20) : c0]
            ):
                continue
            det = re.match(
                r"\s*(?:(?:the|its|their|all|any|of|further|our|this|that|clinical)\s+)*", s.low[c1:]
            )
            r0 = c1 + (det.end() if det else 0)
            comps = self.compounds_after(s, r0, 80)
            direct = bool(comps) and comps[0].start - s.start == r0
            if not (no_longer or direct or self.discontinued_objects.match(s.low, r0)):
                continue  # "patients discontinued treatment", "terminated the agreement"
            if not comps:
                c = self.attach(s, (c0, c1), ("COMPOUND",), cap=100, direct=False)
                comps = self.group(s, c) if c is not None else []
            eids = [x.eid for x in comps]
            if not eids:
                sal = self.salient(s, recent)
                eids = [sal] if sal else []
            holder = self.subject_company(s, c0)
            who = holder.eid if holder is not None else main
            if who is None:
                continue
            for eid in eids:
                self.emit(
                    sink,
                    "DEVELOPED_BY",
                    eid,
                    who,
                    s,
                    "developer_discontinued",
                    attrs={"status": "discontinued"},
                )

    def trigger(self, s: Sent, a: int, b: int, spans: list[tuple[int, int]], sents: list[Sent]) -> str | None:
        """The event a payment at s.text[a:b] is tied to, as written; None when the text gives none."""
        low, text = s.low, s.text
        cs, ce = self.clause_bounds(s, a, b)
        nxt = min([x for x, _ in spans if x > a] + [ce])
        prev_end = max([y for x, y in spans if y <= a] + [cs])

        def phrase(i: int, end: int) -> str | None:
            stop = re.search(
                r"[,;(\[$]|\.\s|\.$|\s(?:and|or)\s+(?=[A-Z$]|(?:is|are|will|the company)\b)"
                r"|\s(?:which|whereby)\b",
                text[i:end],
            )
            j = i + (stop.start() if stop else len(text[i:end]))
            ph = re.sub(r"\s+", " ", text[i:j]).strip(" ,.")
            ph = re.sub(r"\s+(?:and|or)$", "", ph)
            return ph if 3 <= len(ph) <= 150 else None

        def event(p: str) -> str | None:
            # "X announced today that the first patient was dosed": the event is what was announced
            p = _REPORTED.sub("", re.sub(r"^(?:and|but|so)\s+", "", p.strip(" ,;.")))
            return p if 10 <= len(p) <= 200 and "$" not in p else None

        def previous_clause(cut: int) -> str | None:
            here = event(text[prev_end if prev_end < cut else cs : cut])
            if here:
                return here
            if s.index > 0:
                return event(re.split(r";\s", sents[s.index - 1].text.strip())[-1])
            return None

        ana = self.trig_anaphora.search(low, prev_end, b + 60)
        if ana and ana.start() < nxt:
            return previous_clause(ana.start())
        res = self.trig_result.search(low, max(prev_end, a - 60), a)
        if res:
            return previous_clause(res.start())
        for rx, strong in ((self.trig_strong, True), (self.trig_weak, False)):
            for m in rx.finditer(low, b, nxt):
                ph = phrase(m.end(), nxt)
                if ph and (strong or self.trig_heads.search(ph.lower()[:45])):
                    return ph
        found = None
        for rx, strong in ((self.trig_strong, True), (self.trig_weak, False)):
            for m in rx.finditer(low, prev_end, a):
                ph = phrase(m.end(), a)
                if ph and m.end() + len(ph) < a and (strong or self.trig_heads.search(ph.lower()[:45])):
                    found = found or ph
        return found

    def add_planned(
        self, s: Sent, out: Sink, recent: list[tuple[int, str]], a: int, b: int, val: str, clause_start: int
    ) -> None:
        """ "plans to start a Phase 3 study in 2022": IN_PHASE status planned (with its year), kept apart."""
        if self.re["negation"].search(s.low[clause_start:a]):
            return  # "will no longer enroll patients in the Phase 3 trial" is no plan
        c = self.attach(s, (a, b), ("COMPOUND",), cap=150)
        comps = (
            [g for g in self.group(s, c) if not self.comparator(s, g) and not self.combination(s, g)]
            if c is not None
            else []
        )
        eids = [g.eid for g in comps]
        if not eids:
            sal = self.salient(s, recent)
            eids = [sal] if sal else []
        _, end = self.clause_bounds(s, a, b)
        attrs: dict[str, Any] = {"status": "planned", "text": s.text[a:b]}
        y = self.planned_year.search(s.text, b, end) or self.planned_year.search(s.text, clause_start, a)
        if y:
            attrs["year"] = y.group(1)
        if self.pivotal.search(s.low[max(clause_start, a - 40) : b + 30]):
            attrs["pivotal"] = True
        sink = out.side or out
        for eid in eids:
            self.emit(sink, "IN_PHASE", eid, None, s, "phase_planned", value=val, attrs=attrs)

    def amounts(self, text: str) -> list[tuple[int, int, str, float, float | None]]:
        """Money amounts of a sentence: (start, end, currency, amount, USD value or None).

        A non-USD amount takes its USD value only from the text ("EUR 10 million (approximately $11 million)":
        the dollar figure is read as its own amount and the foreign one is dropped); otherwise value is None.
        """
        out: list[tuple[int, int, str, float, float | None]] = []
        if "$" in text:
            for m in self.money.finditer(text):
                num = float(m.group(1).replace(",", ""))
                value = num * self.scale.get((m.group(2) or "").lower(), 1)
                out.append((m.start(), m.end(), "USD", value, value))
        for m in self.money_foreign.finditer(text):
            cur = self.currency_codes.get((m.group("c1") or m.group("c2") or "").lower())
            if cur is None:
                continue
            if _USD_FOLLOWS.match(text[m.end() :]):
                continue  # the USD equivalent follows
            num = float((m.group("num") or m.group("num2")).replace(",", ""))
            amount = num * self.scale.get((m.group("unit") or "").lower(), 1)
            out.append((m.start(), m.end(), cur, amount, None))
        return sorted(out)

    def rule_payment(
        self, s: Sent, out: Sink, sents: list[Sent], main: str | None, partner_rank: list[str]
    ) -> None:
        amounts = self.amounts(s.text)
        if not amounts:
            return
        companies = [c for c in s.of("COMPANY")]
        for a, b, currency, amount, value in amounts:
            clause_start = max([0, a - 60] + [x.end() for x in re.finditer(r"[;,:]\s|\.\s", s.low[:a])])
            contingent = bool(
                self.contingent_before.search(s.low[max(clause_start, a - 45) : a])
                or self.contingent_after.match(s.low[b : b + 40])
            )
            window = s.low[max(0, a - 50) : b + 50]
            kind = next((k for rx, k in self.pay_kinds if rx.search(window)), None)
            trig = self.trigger(s, a, b, [(x, y) for x, y, *_ in amounts], sents)
            if kind is None and trig:
                # "$X upon the achievement of certain development milestones"
                kind = next((k for rx, k in self.pay_kinds if rx.search(trig.lower())), None)
            if kind is None:
                continue
            payer = payee = None
            for c in companies:
                ca, cb = s.local(c)
                if cb <= a:
                    gap = s.low[cb:a]
                    if len(gap) > 80 or _GAP_BREAK.search(gap):
                        continue
                    if self.payee_before.search(gap) and not self.payer_before.search(gap):
                        payee = payee or c
                    elif self.payer_before.search(gap):
                        payer = c
                        if payee is None:
                            rest = [x for x in companies if x.start > c.end and x.end - s.start <= a]
                            if rest and self.pay_verb_end.search(s.low[cb : rest[0].start - s.start]):
                                payee = rest[0]
                elif ca >= b:
                    gap = s.low[b:ca]
                    if len(gap) > 80 or _GAP_BREAK.search(gap):
                        continue
                    if self.payee_marker.search(gap):
                        payee = payee or c
                    elif self.payer_marker.search(gap):
                        payer = payer or c
            if payer is None and payee is None:
                continue
            known = payer or payee
            assert known is not None
            other: str | None = None
            cands = [c.eid for c in companies if c.eid != known.eid]
            if cands:
                other = cands[0]
            else:
                for k in (s.index - 1, s.index + 1, s.index - 2):
                    if 0 <= k < len(sents):
                        o = [c.eid for c in sents[k].of("COMPANY") if c.eid != known.eid]
                        if o:
                            other = o[0]
                            break
                if other is None:
                    if payee is None and main and main != known.eid:
                        other = main
                    else:
                        other = next((p for p in partner_rank if p != known.eid), None)
            if other is None:
                continue
            payer_id = payer.eid if payer else other
            payee_id = payee.eid if payee else other
            if payer_id == payee_id:
                continue
            status = next(
                (st for rx, st in self.pay_status if rx.search(s.low[max(0, a - 80) : b + 40])), None
            )
            attrs: dict[str, Any] = {"currency": currency, "amount": amount, "kind": kind}
            if trig:
                attrs["trigger"] = trig
            if status:
                attrs["status"] = status
            if contingent:
                # "eligible to receive up to $X": recorded (graph), not a payment made; to_contract lists it
                # under "contingent_payments", outside the scored relations
                attrs["status"] = "contingent"
                self.emit(
                    out,
                    "PAYMENT",
                    payer_id,
                    payee_id,
                    s,
                    "payment_contingent",
                    value=value,
                    attrs=attrs,
                )
                continue
            if value is None:
                attrs["status"] = attrs.get("status") or "unconverted"
            conf = self.conf("payment_cue", s)
            out.add(
                "PAYMENT",
                payer_id,
                payee_id,
                s,
                "pharmakg_relations:payment_cue",
                conf,
                value=value,
                attrs=attrs,
            )
            out.add(
                "PARTNER_OF",
                payer_id,
                payee_id,
                s,
                "pharmakg_relations:partner_from_payment",
                self.prior.get("partner_from_payment", 0.7),
            )

    # ---------------------------------------------------------------- document level
    def code_names(self, doc: Doc, out: Sink, sents: list[Sent], ents: list[Any]) -> None:
        """huN901-DM1 -> HAS_PAYLOAD DM1 and HAS_ANTIBODY huN901 when those are entities of the document."""

        def names(e: Any) -> list[str]:
            n = e.get("name") if isinstance(e, dict) else e.name
            al = e.get("aliases") if isinstance(e, dict) else e.aliases
            return [str(n), *[str(x) for x in (al or [])]]

        def typ(e: Any) -> str:
            return str(e.get("type") if isinstance(e, dict) else e.type)

        def eid(e: Any) -> str:
            return str(e.get("id") if isinstance(e, dict) else e.id)

        by_type: dict[str, list[Any]] = {}
        for e in ents:
            by_type.setdefault(typ(e), []).append(e)
        mention_sent: dict[str, Sent] = {}
        for s in sents:
            for m in s.ms:
                if not m.virtual:
                    mention_sent.setdefault(m.eid, s)
        for comp in by_type.get("COMPOUND", []):
            s = mention_sent.get(eid(comp))
            if s is None:
                continue
            cnames = [n.lower() for n in names(comp)]
            for part, rtype, rule in (
                ("PAYLOAD", "HAS_PAYLOAD", "payload_code_name"),
                ("ANTIBODY", "HAS_ANTIBODY", "antibody_code_name"),
            ):
                for p in by_type.get(part, []):
                    for pn in (n.lower() for n in names(p)):
                        if len(pn) < 2:
                            continue
                        if rtype == "HAS_PAYLOAD":
                            hit = any(re.search(r"[-\s]" + re.escape(pn) + r"$", cn) for cn in cnames)
                        else:
                            hit = any(cn.startswith(pn + "-") and len(cn) > len(pn) + 1 for cn in cnames)
                        if hit:
                            out.add(
                                rtype, eid(comp), eid(p), s, f"pharmakg_relations:{rule}", self.prior[rule]
                            )
                            break

    def post(self, out: Sink, main: str | None, sents: list[Sent], types: dict[str, str]) -> None:
        items = list(out.items.items())
        # Phases: a compound in the clinic is no longer preclinical; an IND is past once a phase runs; the
        # later half of a combined Phase X/Y is that same study.
        phases: dict[str, set[str]] = {}
        for (t, subj, _o, v), _r in items:
            if t == "IN_PHASE":
                phases.setdefault(subj, set()).add(v)
        for subj, vals in phases.items():
            clinical = {v for v in vals if v.startswith("Phase") or v in ("Filed", "Approved")}
            drop = set()
            if clinical:
                drop |= {"Preclinical", "IND"}
            if "Approved" in vals:
                # an approved drug's confirmatory or label-expansion trials do not change its stage
                drop |= {v for v in vals if v.startswith("Phase")}
            if "IND" in vals:
                drop.add("Preclinical")
            for v in vals:
                if "/" in v:
                    drop.add("Phase " + v.split("/")[1])
            for v in drop & vals:
                out.remove(("IN_PHASE", subj, None, v))
        # A licence implies a partnership between developer and licensee.
        for (t, subj, obj, _v), rel in items:
            if t != "LICENSED_TO":
                continue
            for (t2, s2, o2, _v2), _r2 in items:
                if t2 == "DEVELOPED_BY" and s2 == subj and o2 != obj:
                    ev = rel["evidence"][0]
                    sent = next((x for x in sents if (x.start, x.end) == ev), None)
                    if sent is not None:
                        out.add(
                            "PARTNER_OF",
                            o2,
                            obj,
                            sent,
                            "pharmakg_relations:partner_from_license",
                            self.prior.get("partner_from_license", 0.7),
                        )
        # A licence without a named licensor: granted by the compound's developer, else the issuing company.
        for (t, subj, obj, _v), rel in out.items.items():
            if t == "LICENSED_TO" and "licensor" not in rel["attrs"]:
                devs = [
                    o for (t2, s2, o, _v2) in out.items if t2 == "DEVELOPED_BY" and s2 == subj and o != obj
                ]
                licensor = devs[0] if devs else (main if main and main != obj else None)
                if licensor:
                    rel["attrs"]["licensor"] = licensor
        # Compounds the document describes (target, payload, phase, trial) but whose owner is not named:
        # the issuing company's, at a low prior.
        if main:
            # in order of the relations found (a set would make the output order depend on the hash seed)
            described = dict.fromkeys(
                subj for (t, subj, _o, _v) in out.items if t in ("TARGETS", "HAS_PAYLOAD", "IN_PHASE")
            )
            for comp in described:
                if (
                    types.get(comp) == "COMPOUND"
                    and not out.has("DEVELOPED_BY", comp)
                    and not out.has("LICENSED_TO", comp)
                ):
                    first = next((x for x in sents for m in x.ms if m.eid == comp and not m.virtual), None)
                    if first is not None:
                        out.add(
                            "DEVELOPED_BY",
                            comp,
                            main,
                            first,
                            "pharmakg_relations:developer_default",
                            self.prior.get("developer_default", 0.5),
                        )

    def __call__(self, doc: Doc) -> Doc:
        mentions = real_mentions(doc)
        virtual = [M(eid, typ, s, e, True) for s, e, eid, typ in (doc._.pkg_coref or [])]
        allm = sorted(mentions + virtual, key=lambda m: (m.start, m.end))
        ents = (doc._.pkg_entities if Doc.has_extension("pkg_entities") else None) or []
        types = {
            str(e.get("id") if isinstance(e, dict) else e.id): str(
                e.get("type") if isinstance(e, dict) else e.type
            )
            for e in ents
        }
        main = doc._.pkg_main_company if Doc.has_extension("pkg_main_company") else None
        doc_text = doc.text  # Doc.text joins all tokens on every access: read it once
        sents: list[Sent] = []
        mi = 0
        for span in live_sentences(doc):
            raw = span.text
            lead = len(raw) - len(raw.lstrip())
            start = span.start_char + lead
            end = span.start_char + len(raw.rstrip())
            while mi < len(allm) and allm[mi].start < start:
                mi += 1
            ms = []
            k = mi
            while k < len(allm) and allm[k].start < end:
                ms.append(allm[k])
                k += 1
            text = doc_text[start:end]
            sents.append(Sent(len(sents), start, end, text, text.lower(), ms))
        # Companies other than the main one, most mentioned first (payment counterpart of last resort).
        counts: dict[str, int] = {}
        for m in mentions:
            if m.type == "COMPANY" and m.eid != main:
                counts[m.eid] = counts.get(m.eid, 0) + 1
        partner_rank = sorted(counts, key=lambda k: -counts[k])
        target_names: dict[str, str] = {}
        for e in ents:
            if (e.get("type") if isinstance(e, dict) else e.type) == "TARGET":
                eid = str(e.get("id") if isinstance(e, dict) else e.id)
                for n in [
                    e.get("name") if isinstance(e, dict) else e.name,
                    *((e.get("aliases") if isinstance(e, dict) else e.aliases) or []),
                ]:
                    target_names.setdefault(fold(str(n)), eid)
        out = Sink()
        recent: list[tuple[int, str]] = []
        for s in sents:
            if s.ms:
                self.rule_trials(s, out, sents, recent)
                self.rule_indication(s, out, recent)
                if len(s.ms) > 1:
                    self.rule_targets(s, out, target_names)
                    self.rule_conjugate(s, out)
                    self.rule_developer(s, out)
                    self.rule_licensee(s, out)
                    self.rule_partner(s, out, main)
                    self.rule_technology(s, out)
                    if self.gated("codevelopment", s.low):
                        self.rule_codevelop(s, out)
                if self.gated("retained", s.low):
                    self.rule_retained(s, out, recent)
                if self.gated("option", s.low):
                    self.rule_option(s, out, recent)
                if self.gated("discontinued", s.low):
                    self.rule_discontinued(s, out, recent, main)
            self.rule_phase(s, out, recent)
            if s.ms:
                self.rule_payment(s, out, sents, main, partner_rank)
                recent.extend((s.index, m.eid) for m in s.ms if m.type == "COMPOUND")
        self.code_names(doc, out, sents, ents)
        self.post(out, main, sents, types)
        side = out.side.items.values() if out.side is not None else []
        doc._.pkg_relations = [*out.items.values(), *side]
        return doc
