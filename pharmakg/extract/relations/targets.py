"""TARGETS: a compound (or antibody) and the target a cue word ties it to ("an anti-HER2 ADC",
"HER3-directed"), and targets written into a disease mention ("CD56-expressing tumors")."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M, words_regex
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent
from pharmakg.extract.relations.unnamed_items import UnnamedItems
from pharmakg.names import fold

# what may stand between "(" and a target, or between targets, inside a parenthesis of targets
_TARGET_LIST_WORDS = re.compile(r"\banti-?|\band\b|\bx\b|[\s/,×&+]")
# how far before a target that precedes its compound the cue may stand ("an antagonist of the human X")
_CUE_BEFORE_TARGET = 45
# between a compound and the target of its description: "ZB-12 is an oral", "ZB-12, a fully human"
_DESCRIBES = re.compile(
    r"[\s®™*]*(?:\([^()]{1,40}\))?\s*,?\s*(?:(?:is|was|are)\s+)?(?:an?|its|the)\s+(?:[\w-]+\s+){0,3}"
)
# between a drug noun and the compound it names: "the CD38 antibody ZB-12", "a CD38 antibody, ZB-12,"
_NAMED_AFTER = re.compile(r"[\s,(]*(?:(?:called|named|known as)\s+)?")
# how far before a target a combination cue introduces the partner it belongs to ("in combination with a
# humanized anti-PD-1 antibody"); a cue further back is about another part of the sentence
_PARTNER_REACH = 45
# how far after a target its plural drug class may name its members ("HER2-directed monoclonal antibody
# therapies such as ZB-3")
_CLASS_REACH = 70
# the rule of a target said of the drugs a class names ("EGFR inhibitors such as ZB-1"): examples of a
# class are seldom the release's own drugs, so this fact alone does not make them described (post.py)
CLASS_MEMBER_RULE = "targets_class_member"
_TARGET_OF = re.compile(r"\btargets?\s+of\s+(?:the\s+)?$")


@relation_rule("targets", min_mentions=1)
class Targets:
    def __init__(self, cues: dict[str, Any]) -> None:
        c = cues["targets"]
        self.cue = words_regex(c["targets"])
        # "a PD-1/VEGF bispecific", "a CD3 x BCMA bispecific T-cell engager": each target of the list that a
        # multispecific word follows is a target of the compound; the "x" may be glued ("a CD20xCD3 bispecific
        # antibody")
        multi = "|".join(map(re.escape, c["multispecific"]))
        self.multispecific_after = re.compile(
            r"(?:\s*(?:/|×|\bx\b|(?<!\s)x(?=[a-z])|,|\band\b)\s*[\w.-]+){0,3}(?:\s+receptors?)?\s*[-\s]?(?:"
            + multi
            + r")\b",
            re.IGNORECASE,
        )
        # "a GIP and GLP-1 receptor agonist", "an ALK, ROS1 and NTRK inhibitor": the drug noun after the
        # list's last member is said of every member
        heads = "|".join(map(re.escape, c["list_heads"]))
        self.list_head_after = re.compile(
            r"(?:\s*(?:/|,|\band\b|\bor\b)\s*[\w.-]+){1,3}(?:\s+receptors?)?\s+(?:[\w-]+\s+)?(?:"
            + heads
            + r")s?\b",
            re.IGNORECASE,
        )
        # "ZB-12 is an ADC. The antibody binds to CDH6.": a sentence about the previous sentence's compound
        subjects = "|".join(map(re.escape, sorted(c["salient_subject"], key=len, reverse=True)))
        # "The investigational radioligand binds to X": a drug noun after up to two modifiers
        salient_heads = "|".join(map(re.escape, sorted(c["salient_heads"], key=len, reverse=True)))
        self.salient_subject = re.compile(
            r"^(?:" + subjects + r")\b|^(?:the|this)\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + salient_heads + r")\b"
        )
        self.partner_before_target = words_regex(c["partner_before_target"])
        self.unnamed = UnnamedItems(cues)
        openings = "|".join(map(re.escape, c["back_reference_openings"]))
        back_heads = "|".join(map(re.escape, sorted(c["back_reference_heads"], key=len, reverse=True)))
        self.back_reference = re.compile(
            r"^(?:" + openings + r")\b|\bthis\s+(?:[a-z][\w-]*,?\s+){0,3}?(?:" + back_heads + r")\b"
        )
        class_nouns = "|".join(map(re.escape, c["class_nouns"]))
        intros = "|".join(map(re.escape, sorted(c["class_member_intros"], key=len, reverse=True)))
        self.class_members_after = re.compile(
            r"(?:[-\s](?:targeted|targeting|directed|specific|selective|based))?(?:[\s-]+[\w-]+){0,2}?[\s-]+(?:"
            + class_nouns
            + r")\s*,?\s*(?:"
            + intros
            + r")\s*(?:the\s+)?$",
        )
        nouns = "|".join(map(re.escape, sorted(c["drug_noun_after"], key=len, reverse=True)))
        classes = "|".join(map(re.escape, c["drug_noun_classes"]))
        self.drug_noun_after = re.compile(r"(?:-|\s+)(?:(?:" + classes + r")\s+){0,2}(?:" + nouns + r")\b")
        self.target_in_disease = re.compile(
            r"^(\S+?)\s?[-‐–]?\s?(?:" + "|".join(map(re.escape, c["target_expressing"])) + r")(?![\w])",
            re.IGNORECASE,
        )

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        # "CD56-expressing tumors" recognised as one DISEASE mention still states the compound's target
        for d in s.of("DISEASE", virtual=False):
            a, b = s.local(d)
            m = self.target_in_disease.match(s.text[a:b])
            tid = ctx.target_names.get(fold(m.group(1))) if m else None
            if tid is None:
                continue
            c = ctx.attach(s, d, ("COMPOUND",), cap=200, direct=False)
            if c is not None and not ctx.negated(s, c, d):
                ctx.emit("TARGETS", c.eid, tid, s, "targets_from_disease", abs(c.start - d.start))
        for t in s.of("TARGET", virtual=False):
            named = self.parenthesised_target_of(s, t)
            if named is not None:
                ctx.emit("TARGETS", named.eid, t.eid, s, "targets_cue", t.start - named.end)
                continue
            if not s.of("COMPOUND", "ANTIBODY"):
                self.salient_target(ctx, s, t)
                continue
            members = self.class_members(ctx, s, t)
            if members:
                for x in members:
                    ctx.emit(
                        "TARGETS", x.eid, t.eid, s, CLASS_MEMBER_RULE, x.start - t.end, prior="targets_cue"
                    )
                continue
            named = self.named_by_drug_noun(s, t)
            if named is not None and not ctx.negated(s, named, t):
                # "ZB-5, and its LAG-3 antibody ZB-6": the noun names ZB-6 (and those listed with it),
                # whichever compound is closer
                for x in self.coordinated(ctx, s, named, t):
                    ctx.emit("TARGETS", x.eid, t.eid, s, "targets_cue", x.start - t.end)
                continue
            if self.unnamed.member(s, t):
                continue  # "ZB-1 for gout, an anti-CD20 CAR-T for lymphoma": another, unnamed product's
            for typ, cap in (("COMPOUND", 200), ("ANTIBODY", 120)):
                # a comparator keeps its own target ("Y, an EGFR inhibitor, was the comparator")
                c = ctx.attach(s, t, (typ,), cap=cap, direct=False, comparators=True)
                if c is None or self.partner_between(s, c, t):
                    continue
                x0 = min(c.start, t.start) - s.start
                x1 = max(c.end, t.end) - s.start
                # "An inhibitor of the EGFR, ZB-12 is ...": a target before its compound has its cue before it
                lead = _CUE_BEFORE_TARGET if t.start < c.start else 5
                window = s.low[max(0, x0 - lead) : min(len(s.low), x1 + 25)]
                # "HER3-directed", "anti-TROP2": the cue word is glued to the target by a hyphen
                window = re.sub(r"[-‐–]", " ", window)
                said = (
                    self.cue.search(window)
                    or self.multispecific_after.match(s.low, t.end - s.start)
                    or self.list_head_after.match(s.low, t.end - s.start)
                    or self.drug_noun_said(s, c, t)
                    # "The target of ZB-12, CDH6, ...": the cue noun right before the compound
                    or (c.start < t.start and _TARGET_OF.search(s.low, 0, c.start - s.start))
                )
                if said and not ctx.negated(s, c, t):
                    for x in self.coordinated(ctx, s, c, t):
                        ctx.emit("TARGETS", x.eid, t.eid, s, "targets_cue", abs(x.start - t.start))

    def class_members(self, ctx: RuleContext, s: Sent, t: M) -> list[M]:
        """ "EGFR inhibitors such as ZB-1 and ZB-2": the compounds a plural drug class of the target names
        right after it (the first and those listed with it)."""
        after = [m for m in s.of("COMPOUND", virtual=False) if m.start >= t.end]
        first = min(after, key=lambda m: m.start, default=None)
        if first is None or first.start - t.end > _CLASS_REACH:
            return []
        if not self.class_members_after.fullmatch(s.low, t.end - s.start, first.start - s.start):
            return []
        return [x for x in ctx.group(s, first) if x.start >= first.start]

    def partner_between(self, s: Sent, c: M, t: M) -> bool:
        """ "ZB-12 in combination with anti-PD-1 antibodies": a combination cue between the compound and a
        target after it introduces the partner the target belongs to."""
        a = max(c.end, t.start - _PARTNER_REACH) - s.start
        return c.end <= t.start and bool(self.partner_before_target.search(s.low, a, t.start - s.start))

    def drug_noun_said(self, s: Sent, c: M, t: M) -> bool:
        """ "the CD38 antibody ZB-12", "ZB-12, a CD38 antibody": the target's drug noun names the compound
        itself (its apposition or predicate), not a drug the sentence names beside it ("ZB-12 and CD38
        antibody programs")."""
        noun = self.drug_noun_after.match(s.low, t.end - s.start)
        if noun is None:
            return False
        if c.start < t.start:
            return bool(_DESCRIBES.fullmatch(s.low[c.end - s.start : t.start - s.start]))
        return bool(_NAMED_AFTER.fullmatch(s.low[noun.end() : c.start - s.start]))

    def named_by_drug_noun(self, s: Sent, t: M) -> M | None:
        """The compound that the target's drug noun names right after it: "the LAG-3 antibody ZB-6",
        "a CD38 antibody, ZB-12," (_NAMED_AFTER)."""
        noun = self.drug_noun_after.match(s.low, t.end - s.start)
        if noun is None:
            return None
        after = [m for m in s.of("COMPOUND", "ANTIBODY", virtual=False) if m.start - s.start >= noun.end()]
        first = min(after, key=lambda m: m.start, default=None)
        if first is None or not _NAMED_AFTER.fullmatch(s.low[noun.end() : first.start - s.start]):
            return None
        return first

    @staticmethod
    def coordinated(ctx: RuleContext, s: Sent, c: M, t: M) -> list[M]:
        """The compound and those listed with it on the same side of the target: "ZB-12 and ZB-14, two
        antibodies against CD38", "CD3 bispecific antibodies, ZB-40 and ZB-41"."""
        side = [x for x in ctx.group(s, c) if (x.end <= t.start if c.start < t.start else x.start >= t.end)]
        # a member with a target of its own between it and the compound ("ZB-12, an anti-CD38 antibody, and
        # ZB-14, an anti-CD47 antibody") is not listed for this target
        targets = [m.start for m in s.of("TARGET", virtual=False) if m is not t]
        return [
            x
            for x in side
            if x is c or not any(min(x.end, c.end) <= p < max(x.start, c.start) for p in targets)
        ]

    def salient_target(self, ctx: RuleContext, s: Sent, t: M) -> None:
        """ "ZB-12 is an ADC. The antibody binds to CDH6.": a sentence naming no compound, whose subject is
        the antibody or drug, gives its cued target to the compound of the sentence before; one of an
        "About ZB-12" section ("A first-in-class ADC directed against CDH6, the drug ...") to ZB-12."""
        if self.salient_subject.match(s.low):
            recent = [eid for idx, eid in ctx.recent if s.index - idx == 1]
            owner = recent[-1] if recent else None
        elif self.back_reference.search(s.low):
            # "This marks the first CAR-T candidate targeting X": only when one compound can be meant
            named = {eid for idx, eid in ctx.recent if s.index - idx == 1}
            owner = next(iter(named)) if len(named) == 1 else about_section_compound(ctx, s)
        else:
            owner = about_section_compound(ctx, s)
        window = re.sub(r"[-‐–]", " ", s.low[max(0, t.start - s.start - 40) : t.end - s.start + 25])
        if not self.cue.search(window) or ctx.negated(s, t, t):
            return
        if owner is not None:
            ctx.emit("TARGETS", owner, t.eid, s, "targets_cue", prior="targets_cue")
        else:  # "ORBIT, a trial of an anti-CD38 antibody": the compound ORBIT evaluates (trial_facts.py)
            ctx.defer_to_trial(s, t, "TARGETS", "targets_trial")

    @staticmethod
    def parenthesised_target_of(s: Sent, t: M) -> M | None:
        """The compound whose name a parenthesis of targets follows: "ZB-12 (PD-1/VEGF)", "ZB-12 (anti-HER2
        ADC)", "ZB-12 (HER2 x CD3, formerly HX-7)"."""
        a = t.start - s.start
        head = s.low.rfind("(", max(0, a - 60), a)
        if head < 0:
            return None
        inside = s.low[head + 1 : a]
        for o in s.ms:  # other targets listed before this one inside the parenthesis
            if o.type == "TARGET" and head < o.start - s.start and o.end - s.start <= a:
                inside = inside.replace(s.low[o.start - s.start : o.end - s.start], " ")
        if _TARGET_LIST_WORDS.sub("", inside):
            return None
        before = [m for m in s.ms if m.type in ("COMPOUND", "ANTIBODY") and m.end - s.start <= head]
        if before and re.match(r"^[\s®™*]{0,3}$", s.low[before[-1].end - s.start : head]):
            return before[-1]
        return None


# "About ZB-12": the heading of a section about one compound (headings are sentences of their own)
_ABOUT_HEADING = re.compile(r"^about\s+\S")
_HEADING_MAX_CHARS = 80
# how many sentences back the heading of a sentence's section is looked for
_SECTION_REACH = 8


def about_section_compound(ctx: RuleContext, s: Sent) -> str | None:
    """The compound that the "About X" heading of the sentence's section names, when the sentences between
    the heading and this one name no other compound."""
    pos = next((i for i in range(min(s.index, len(ctx.sents) - 1), -1, -1) if ctx.sents[i] is s), None)
    if pos is None:
        return None
    named: set[str] = set()
    for prev in reversed(ctx.sents[max(0, pos - _SECTION_REACH) : pos]):
        compounds = {m.eid for m in prev.of("COMPOUND", virtual=False)}
        if len(prev.low) <= _HEADING_MAX_CHARS and _ABOUT_HEADING.match(prev.low):
            return next(iter(compounds)) if len(compounds) == 1 and named <= compounds else None
        named |= compounds
    return None
