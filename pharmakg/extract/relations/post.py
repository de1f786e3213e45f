"""The post-pass, run once per document after the sentence rules: reasoning over the current facts (the side
facts -- planned, discontinued, declined, optional -- are not touched)."""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

from pharmakg.extract.relations.co_announcers import announce_pattern, co_announcers
from pharmakg.extract.relations.collaborators import Collaborators
from pharmakg.extract.relations.comparators import combination_at, named_counts, own_drug_added
from pharmakg.extract.relations.licence_payers import licensees_by_payment
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RelationDraft, RuleContext, Sent, is_trial_guess
from pharmakg.extract.relations.targets import CLASS_MEMBER_RULE
from pharmakg.model import StatementKey

_FORMER_DEVELOPER = re.compile(
    r"\b(?:initially|originally|formerly|previously)\s+(?:discovered|developed|owned)\b"
)


@relation_rule("post", scope="document")
class PostPass:
    def __init__(self, cues: dict[str, Any]) -> None:
        # reasoning over relations; the one cue list: words before another company's drug (no default owner)
        words = cues["developers"].get("other_drug_before", [])
        alts = "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"
        self.other_drug = re.compile(r"(?<![\w-])(?:" + alts + r")\W{0,3}(?:[\w-]+\W{1,3}){0,2}$")
        self.announce = announce_pattern(cues["developers"]["joint_release_verbs"])
        running = cues["phases"].get("running_beside_ind", []) or ["\x00"]
        self.running = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, running)) + r")(?![\w-])")
        later = cues["phases"].get("later_filing_words", []) or ["\x00"]
        self.later_filing = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, later)) + r")(?![\w-])")
        self.dated_back = re.compile(cues["phases"].get("filing_dated_back", "(?!)"))
        self.collaborators = Collaborators(cues)

    def __call__(self, ctx: RuleContext) -> None:
        _stages_of_trials(ctx)
        _drop_discontinued_stages(ctx)
        _phases_of_permitted_trials(ctx, self.running)
        _settle_phases(ctx, list(ctx.out.items.items()))
        _drop_superseded_filings(ctx, self.later_filing, self.dated_back)
        _drop_countered_licences(ctx)
        licensees_by_payment(ctx)
        _default_licensors(ctx)
        _partners_from_licences(ctx, list(ctx.out.items.items()))
        _default_developers(ctx, self.other_drug, self.announce)
        self.collaborators(ctx)
        _drop_payment_totals(ctx)
        _drop_affiliate_partnerships(ctx)


def _drop_discontinued_stages(ctx: RuleContext) -> None:
    """A compound whose development a company stopped ("Helix discontinued development of ZB-12, which had
    been in Phase 2", "will no longer develop ZB-14, its Phase 2 asset") has no current stage (conventions:
    a discontinued compound gets no IN_PHASE)."""
    side = ctx.out.side
    if side is None:
        return
    stopped = {
        subj
        for (t, subj, _o, _v), d in side.items.items()
        if t == "DEVELOPED_BY" and d.attrs.get("development_stopped")
    }
    for key in [k for k in ctx.out.items if k[0] == "IN_PHASE" and k[1] in stopped]:
        ctx.out.remove(key)


def _stages_of_trials(ctx: RuleContext) -> None:
    """A stage said of a named trial only ("AURORA, its Phase 2b study. Patients receiving CV-88 ..."): the
    stage of the one compound the trial evaluates, when the text states no stage of that compound itself."""
    _drop_salient_trial_drugs(ctx)
    for trial, val, sent, attrs in ctx.trial_stages:
        evaluated = ctx.out.evaluated_by(trial)
        if len(evaluated) == 1 and not ctx.out.has("IN_PHASE", evaluated[0]):
            ctx.emit("IN_PHASE", evaluated[0], None, sent, "phase_salient", value=val, attrs=attrs)


def _drop_salient_trial_drugs(ctx: RuleContext) -> None:
    """A trial tied to the previous sentences' compound only because it named none ("ZB-12 is our lead
    product. Enrollment in the ORBIT trial is complete.") evaluates what a cue says it does, where one does
    later ("ORBIT compares ZB-14 with placebo"): the guess gives way."""
    cued = {subj for (t, subj, _o, _v), d in ctx.out.items.items() if t == "EVALUATES" and _cued(d)}
    guessed = [
        key for key, d in ctx.out.items.items() if key[0] == "EVALUATES" and key[1] in cued and not _cued(d)
    ]
    for key in guessed:
        ctx.out.remove(key)
    # the stage the guess gave ("Enrollment in the Phase 3 ORBIT trial is complete" read as ZB-12's) goes too
    spans = {(x.start, x.end): x for x in ctx.sents}
    for _t, trial, drug, _v in guessed:
        for key, draft in list(ctx.out.items.items()):
            if key[0] == "IN_PHASE" and key[1] == drug and draft.extractor.endswith(":phase_salient"):
                sents = [spans.get((ev.start, ev.end)) for ev in draft.evidence]
                if all(x is not None and any(m.eid == trial for m in x.ms) for x in sents):
                    ctx.out.remove(key)


def _cued(draft: RelationDraft) -> bool:
    return not is_trial_guess(draft)


def _phases_of_permitted_trials(ctx: RuleContext, running: re.Pattern[str]) -> None:
    """Of a compound whose IND the text states ("FDA cleared the IND", "safe to proceed with the Phase 1/2
    study"), a phase said only in sentences that describe the trial to come ("The first part of the trial is a
    Phase 1 dose escalation study") is that trial's design, not a stage: the IND stays the stage. A sentence
    saying a trial runs or ran ("the ongoing Phase 1 study") keeps its phase."""
    ind = {subj for (t, subj, _o, v) in ctx.out.items if t == "IN_PHASE" and v == "IND"}
    for key, draft in list(ctx.out.items.items()):
        t, subj, _o, v = key
        if t == "IN_PHASE" and subj in ind and str(v).startswith("Phase"):
            if not any(running.search(ev.sentence.lower()) for ev in draft.evidence):
                ctx.out.remove(key)


def _settle_phases(ctx: RuleContext, items: list[tuple[StatementKey, RelationDraft]]) -> None:
    """A compound in the clinic is no longer preclinical; the later half of a combined Phase X/Y is that same
    study. An IND the text states stays beside a phase it states too ("cleared the IND ... the ongoing Phase 1
    study abroad": conventions, one IN_PHASE per stage the text states, IND cleared = IND), and so do the
    phases an approved drug has for its other indications or regions, not the phase of its confirmatory
    trial."""
    phases: dict[str, set[str]] = {}
    for (t, subj, _o, v), _r in items:
        if t == "IN_PHASE":
            phases.setdefault(subj, set()).add(v)
    for subj, vals in phases.items():
        if "Approved" in vals and vals & {"IND", "Preclinical"} and _said_once(ctx, subj, "Approved"):
            # "the IND for ZB-12 ... the path to approval of ZB-12": a compound the text places before the
            # clinic is not approved on the word of one sentence (that approval is one it seeks)
            ctx.out.remove(("IN_PHASE", subj, None, "Approved"))
            vals = vals - {"Approved"}
        clinical = {v for v in vals if v.startswith("Phase") or v in ("Filed", "Approved")}
        drop = set()
        if clinical:
            drop.add("Preclinical")
        if "Approved" in vals:
            # an approved drug's confirmatory trial does not change its stage; other indications' trials do
            drop |= {v for v in vals if v.startswith("Phase") and _confirmatory(ctx, subj, v)}
        if "IND" in vals:
            drop.add("Preclinical")
        for v in vals:
            if "/" in v:
                drop.add("Phase " + v.split("/")[1])
        for v in drop & vals:
            ctx.out.remove(("IN_PHASE", subj, None, v))


def _drop_superseded_filings(
    ctx: RuleContext, later_filing: re.Pattern[str], dated_back: re.Pattern[str]
) -> None:
    """A compound approved where its filing was made, whose filing the text dates in the past ("the NMPA has
    approved X ... In May 2021, the NMPA accepted the NDA for X"), is past that filing: it is the approval's
    history, not a second stage. A filing in another region ("approved in the US; the MAA is under review"),
    one whose region the text does not tell, one said as news (not dated back), and one for more patients
    ("a supplemental NDA": later_filing_words) stay: one IN_PHASE per stage per indication or region."""
    for key, filed in list(ctx.out.items.items()):
        t, subj, _o, v = key
        if t != "IN_PHASE" or v != "Filed" or not filed.attrs.get("region"):
            continue
        approved = ctx.out.items.get(("IN_PHASE", subj, None, "Approved"))
        if approved is None or approved.attrs.get("region") != filed.attrs["region"]:
            continue
        said = [ev.sentence.lower() for ev in filed.evidence]
        if all(dated_back.match(x) for x in said) and not any(later_filing.search(x) for x in said):
            ctx.out.remove(key)


def _said_once(ctx: RuleContext, subj: str, phase: str) -> bool:
    rel = ctx.out.items.get(("IN_PHASE", subj, None, phase))
    return rel is not None and len(rel.evidence) == 1


def _confirmatory(ctx: RuleContext, subj: str, phase: str) -> bool:
    rel = ctx.out.items.get(("IN_PHASE", subj, None, phase))
    return rel is not None and bool(rel.attrs.get("confirmatory"))


def _drop_countered_licences(ctx: RuleContext) -> None:
    """ "A entered into a license agreement with C for X" reads C as X's licensee, but does not say who takes
    the licence; when the document names in so many words another licensee of X that is C's partner ("Under
    the agreement, A gains exclusive rights to X"), C is the licensor: its reading gives way."""
    licences = [(k, r) for k, r in ctx.out.items.items() if k[0] == "LICENSED_TO"]
    for key, rel in licences:
        if not rel.extractor.endswith(":licensee_agreement"):
            continue
        _t, compound, party, _v = key
        named = {
            o
            for (_t2, x, o, _v2), r in licences
            if x == compound and o not in (None, party) and not r.extractor.endswith(":licensee_agreement")
        }
        if party is not None and any(
            ctx.out.has_pair("PARTNER_OF", party, o) or ctx.out.has_pair("PARTNER_OF", o, party)
            for o in named
        ):
            ctx.out.remove(key)


def _partners_from_licences(ctx: RuleContext, items: list[tuple[StatementKey, RelationDraft]]) -> None:
    """A licence implies a partnership between developer and licensee."""
    for (t, subj, obj, _v), rel in items:
        if t != "LICENSED_TO":
            continue
        for (t2, s2, o2, _v2), _r2 in items:
            # a fellow licensee of the compound (it develops it too) is not this licence's licensor
            if (
                t2 == "DEVELOPED_BY"
                and s2 == subj
                and o2 is not None
                and o2 != obj
                and ("LICENSED_TO", subj, o2, None) not in ctx.out.items
            ):
                ev = rel.evidence[0]
                sent = next((x for x in ctx.sents if (x.start, x.end) == (ev.start, ev.end)), None)
                if sent is not None:
                    ctx.emit("PARTNER_OF", o2, obj, sent, "partner_from_license", hedged=False)


def _default_licensors(ctx: RuleContext) -> None:
    """A licence without a named licensor: granted by the compound's developer, else the issuing company.
    The licensor owns the compound and keeps DEVELOPED_BY (conventions: roles)."""
    out, main = ctx.out, ctx.main
    for (t, subj, obj, _v), rel in list(out.items.items()):
        if t != "LICENSED_TO":
            continue
        if "licensor" not in rel.attrs:
            # a fellow licensee of the compound (it develops it too) is not this licence's licensor
            devs = [
                o
                for (t2, s2, o, _v2) in out.items
                if t2 == "DEVELOPED_BY"
                and s2 == subj
                and o != obj
                and ("LICENSED_TO", subj, o, None) not in out.items
            ]
            licensor = devs[0] if devs else (main if main and main != obj else only_partner(ctx, obj))
            if licensor:
                rel.attrs["licensor"] = licensor
        licensor = rel.attrs.get("licensor")
        if licensor and licensor != obj and ctx.types.get(licensor) == "COMPANY":
            sent = _sentence_of(ctx, rel)
            # "initially developed by A and licensed to B": A's development is past
            if sent is None or _FORMER_DEVELOPER.search(sent.low):
                continue
            if not out.has_pair("DEVELOPED_BY", subj, licensor):
                ctx.emit("DEVELOPED_BY", subj, licensor, sent, "developer_licensor", hedged=False)


def only_partner(ctx: RuleContext, company: str | None) -> str | None:
    """The one partner of a company (the licensor of a licence that names none, when the licensee is the
    issuing company: "The agreement grants Orbital an exclusive license to ZB-12"; the payee of a sum whose
    sentence names no party, see ``payments``)."""
    partners = ctx.out.partners(company)
    return partners.pop() if len(partners) == 1 else None


def _sentence_of(ctx: RuleContext, rel: RelationDraft) -> Sent | None:
    """The live sentence of a relation's first evidence."""
    ev = rel.evidence[0]
    return next((x for x in ctx.sents if (x.start, x.end) == (ev.start, ev.end)), None)


def _option_grantor(ctx: RuleContext) -> str | None:
    """When the issuing company holds an (unexercised) option from one partner, that partner: the owner of
    the compounds the release describes without naming their owner."""
    main = ctx.main
    grantors = {
        rel.subject if rel.object == main else rel.object
        for rel in ctx.out.items.values()
        if rel.type == "PARTNER_OF"
        and rel.attrs.get("option_holder") == main
        and main in (rel.subject, rel.object)
    }
    return grantors.pop() if len(grantors) == 1 else None


def _default_developers(ctx: RuleContext, other_drug: re.Pattern[str], announce: re.Pattern[str]) -> None:
    """Compounds the document describes (target, payload, phase, indication, technology, the trial that
    evaluates it, a planned stage) or names more than
    once, but whose owner is not named: the issuing company's, at a low prior (the grantor's when the issuing
    company only holds an option). A compound ever named as a comparator or combination partner, or as a
    prior, standard or background therapy ("patients who progressed on X", "the standard of care, X"), is
    another company's."""
    out = ctx.out
    grantor = _option_grantor(ctx)
    main = grantor or ctx.main
    if not main:
        return
    # a joint release ("A and B today announced") speaks for both issuers (not when A holds only an option)
    joint = [] if grantor else co_announcers(ctx, announce)
    side = list(out.side.items) if out.side is not None else []
    # in order of the relations found (a set would make the output order depend on the hash seed)
    described: dict[str, None] = dict.fromkeys(
        subj
        for (t, subj, _o, _v), fact in out.items.items()
        if t in ("TARGETS", "HAS_PAYLOAD", "IN_PHASE", "INDICATION", "USES_TECHNOLOGY")
        and not fact.extractor.endswith(":" + CLASS_MEMBER_RULE)
        and not fact.attrs.get("sold_by_other")
    )
    described.update(dict.fromkeys(obj for (t, _s, obj, _v) in out.items if t == "EVALUATES" and obj))
    described.update(dict.fromkeys(subj for (t, subj, _o, _v) in side if t == "IN_PHASE"))
    twice, others = _named_compounds(ctx, other_drug)
    described.update(dict.fromkeys(twice))
    for comp in described:
        if comp in others:
            continue  # a comparator or combination partner is another company's
        if (
            ctx.types.get(comp) == "COMPOUND"
            and not _stated_developer(ctx, comp)
            and not out.has("LICENSED_TO", comp)
        ):
            first = next((x for x in ctx.sents for m in x.ms if m.eid == comp and not m.virtual), None)
            if first is not None:
                # a compound made with a technology may be the co-issuer's only as the technology's owner
                made_with = out.has("USES_TECHNOLOGY", comp)
                for issuer in [main] if made_with else [main, *joint]:
                    ctx.emit("DEVELOPED_BY", comp, issuer, first, "developer_default", hedged=False)


# a partner's act ("B has started a Phase 1 trial of X", developer_acts) leaves the issuing company, the owner
# or licensor the release speaks for, its default: the act names who runs the development, not who owns X
_ACT_RULES = (":developer_act", ":developer_duty")


def _stated_developer(ctx: RuleContext, comp: str) -> bool:
    """Whether a cue other than a partner's act names a developer of ``comp``."""
    return any(
        k[0] == "DEVELOPED_BY" and k[1] == comp and not d.extractor.endswith(_ACT_RULES)
        for k, d in ctx.out.items.items()
    )


def _named_compounds(ctx: RuleContext, other_drug: re.Pattern[str]) -> tuple[list[str], set[str]]:
    """(the compounds named at least twice, in text order; those ever named as a comparator, combination
    partner or another company's therapy). A name followed by another name of the same compound with only
    marks and brackets between them ("BRAND® (inn)", "inn (BRAND)") names it once."""
    counts: dict[str, int] = {}
    others: set[str] = set()
    ctx.named = ctx.named or named_counts(ctx.cues.partners, ctx.sents)
    for x in ctx.sents:
        previous = None
        for m in x.ms:
            if m.type == "COMPOUND" and not m.virtual:
                restated = (
                    previous is not None
                    and previous.eid == m.eid
                    and _ALIAS_GAP.fullmatch(x.text[previous.end - x.start : m.start - x.start])
                )
                previous = m
                if not restated:
                    counts[m.eid] = counts.get(m.eid, 0) + 1
                a = m.start - x.start
                if (
                    ctx.comparator(x, m)
                    or ctx.combination(x, m)
                    # "chemotherapy with or without ZB-12": the release's own drug is added, no other drug
                    # (a combination cue only: "caused by heparin" stays another drug however often named)
                    or (
                        other_drug.search(x.low[max(0, a - 40) : a])
                        and not (combination_at(ctx.cues.partners, x, m) and own_drug_added(ctx.named, x, m))
                    )
                ):
                    others.add(m.eid)
    return [eid for eid, n in counts.items() if n >= 2], others


_ALIAS_GAP = re.compile(r"[\s®™©()\[\],]*")


def _drop_payment_totals(ctx: RuleContext) -> None:
    """A stated total beside its stated parts ("$16 million: $12 million at closing and $4 million in March")
    counts once: the parts stay, the total that equals the sum of two or more of them goes."""
    by_pair: dict[tuple[str, str | None], list[tuple[StatementKey, float]]] = {}
    for key, rel in ctx.out.items.items():
        if (
            key[0] == "PAYMENT"
            and isinstance(rel.value, (int, float))
            and rel.attrs.get("status") != "contingent"
        ):
            by_pair.setdefault((rel.subject, rel.object), []).append((key, float(rel.value)))
    for amounts in by_pair.values():
        if len(amounts) < 3:
            continue
        for key, total in amounts:
            parts = [v for k, v in amounts if k != key and v < total][:8]
            if any(
                abs(sum(combo) - total) <= 0.01 * total
                for n in range(2, len(parts) + 1)
                for combo in combinations(parts, n)
            ):
                ctx.out.remove(key)


def _drop_affiliate_partnerships(ctx: RuleContext) -> None:
    """No partnership between a parent and its subsidiary (conventions: companies)."""
    for key in [
        k for k in ctx.out.items if k[0] == "PARTNER_OF" and frozenset((k[1], k[2])) in ctx.affiliates
    ]:
        ctx.out.remove(key)
