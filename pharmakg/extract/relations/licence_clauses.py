"""Licence statements read clause by clause, for ``licensees``: "B will be responsible for the development and
commercialization of X", "In exchange for a license to X, B will pay A", and rights granted without naming the
compound again ("Orbital obtains exclusive rights to develop it in Japan": the compound talked about)."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.deal import emit_licensee
from pharmakg.extract.relations.sentence import RuleContext, Sent

# "B will be responsible for the development and commercialization of X", "... for commercializing X"
_RESPONSIBLE_COMMERCIAL = re.compile(
    r"\b(?:responsible\s+for|(?:will|shall|to)\s+lead)\s+(?:all\s+|the\s+)?(?:(?:global|worldwide|further|clinical|future)\s+)?"
    # a list of activities, with or without the serial comma ("development, manufacturing, and commercial...")
    r"(?:(?:development|developing|manufacturing|manufacture|regulatory\s+\w+)\s*,?\s*(?:(?:and|as\s+well\s+as)\s+)?)*"
    r"(?:commerciali[sz]ation|commerciali[sz]ing|commercial\s+activities)(?:\s+(?:of|for))?\s*(?:the\s+)?"
)
_DEAL_WORD = re.compile(r"\blicen[cs]|\bagreement\b|\bcollaboration\b|\bunder which\b|\bwhereby\b")
# how many sentences before may state the deal ("... announced a collaboration with B. X is ... B will be
# responsible for the development and commercialization of X in China.")
_DEAL_LOOKBACK = 3
# "under which B will commercialize X in Europe", "B will exclusively market X"
_WILL_COMMERCIALIZE = re.compile(
    r"\b(?:will|shall|would)\s+(?:exclusively\s+|also\s+)?(?:(?:develop|manufacture)\s*,?\s*(?:and\s+)?)*"
    r"(?:commerciali[sz]e|market|distribute|sell)\s+(?:the\s+)?"
)
# "an agreement under which B will develop and commercialize X": the clause states the rights the agreement
# gives B, whoever issued the release
_GRANTED_CLAUSE = re.compile(
    r"(?:\b(?:under\s+which|whereby|pursuant\s+to\s+which)\s+(?:the\s+)?"
    r"|^\s*(?:under|pursuant\s+to)\s+(?:the\s+)?(?:terms\s+of\s+the\s+)?(?:[\w-]+\s+)?"
    r"(?:agreement|licen[cs]e)\s*,\s*)$"
)


# between the compound an agreement is for and the party of its clause: "a license agreement for X, under
# which B ...", "an agreement covering X (ALIAS), whereby B ..."
_FOR_X_UNDER_WHICH = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:under\s+which|whereby|pursuant\s+to\s+which)\s+(?:the\s+)?$"
)
_AGREEMENT_FOR = re.compile(
    r"\b(?:agreement|licen[cs]e|collaboration|deal)\s+(?:for|covering|on|regarding)\s+$"
)


def _agreement_object(ctx: RuleContext, s: Sent, holder: M, cue_end: int) -> list[str]:
    """ "A and B entered into a license agreement for X, under which B will be responsible for development and
    commercialization in Asia": the compound the agreement is for, named before the clause of its rights
    (none named after the cue, ``cue_end`` local)."""
    if any(x.start - s.start >= cue_end for x in s.of("COMPOUND", virtual=False)):
        return []
    before = [x for x in s.of("COMPOUND", virtual=False) if x.end <= holder.start]
    if not before or not _FOR_X_UNDER_WHICH.match(s.between(before[-1], holder)):
        return []
    first = ctx.group(s, before[-1])[0]
    if not _AGREEMENT_FOR.search(s.low[max(0, first.start - s.start - 40) : first.start - s.start]):
        return []
    return [x.eid for x in ctx.group(s, before[-1])]


def responsible_licensee(ctx: RuleContext, s: Sent) -> None:
    """Under a licence or agreement (named in this sentence or the one before), "B will be responsible for the
    development and commercialization of X": B is X's licensee (and develops X). Under an agreement, "B will
    commercialize X in Europe" (B not the issuing company): B holds commercial rights, a licence too."""
    m = _RESPONSIBLE_COMMERCIAL.search(s.low)
    # "Helix will lead development and commercialization of X" may be the owner's own plan, like "will
    # commercialize"; "B will be responsible for ..." is said of a party the agreement gives the rights
    plain = m is None or "lead" in m.group(0)
    m = m or _WILL_COMMERCIALIZE.search(s.low)
    if m is None:
        return
    before = ctx.sents[max(0, s.index - _DEAL_LOOKBACK) : s.index]
    if not (_DEAL_WORD.search(s.low) or any(_DEAL_WORD.search(x.low) for x in before)):
        return
    holder = ctx.subject_company(s, m.start())
    if holder is None or holder.virtual:
        return
    if plain and holder.eid == ctx.main and not _GRANTED_CLAUSE.search(s.low[: holder.start - s.start]):
        return  # "Helix will commercialize ZB-12 in the U.S." may be the owner's own plan
    if ctx.cues.negation.search(s.low[max(0, m.start() - 30) : m.start()]):
        return
    # the licensor: the partner of the licence named with it ("A and B entered into a license agreement")
    partners = [
        k[2] if k[1] == holder.eid else k[1]
        for k in ctx.out.items
        if k[0] == "PARTNER_OF" and holder.eid in (k[1], k[2])
    ]
    attrs = {"licensor": partners[-1]} if partners else {}
    targets = [x.eid for x in ctx.compounds_after(s, m.end(), 20)]
    if not targets:
        targets = _agreement_object(ctx, s, holder, m.end())
    if not targets and not s.of("COMPOUND", virtual=False) and re.match(r"^\s*(?:[.;,]|$)", s.low[m.end() :]):
        sal = ctx.salient(
            s
        )  # "... rights to ZB-12. B will be responsible for development and commercialization."
        targets = [sal] if sal else []
    develops = "develop" in m.group(0)  # "B will develop and commercialize X": development rights too
    for eid in targets:
        emit_licensee(ctx, s, eid, holder.eid, develops, attrs=attrs)


# "In exchange for a license to X, B will pay A ...": the payer of the consideration is the licensee
_IN_EXCHANGE_FOR = re.compile(
    r"^\s*(?:in\s+exchange|in\s+return|as\s+consideration)\s+for\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:rights?|licen[cs]e)\s+(?:to|for)\s+(?:the\s+)?$"
)
_PAYS_AFTER = re.compile(
    r"^\s*(?:will\s+|has\s+agreed\s+to\s+|agreed\s+to\s+|also\s+)?(?:pay|pays|paid|make|makes)\b"
)


def exchange_licensee(ctx: RuleContext, s: Sent, compounds: list[M]) -> None:
    """ "In exchange for an exclusive license to X in China, B will pay A $20 million": B is X's licensee."""
    first = compounds[0]
    if not _IN_EXCHANGE_FOR.match(s.low[: first.start - s.start]):
        return
    payer = next((c for c in s.of("COMPANY", virtual=False) if c.start > first.end), None)
    if payer is None or payer.start - first.end > 80 or not _PAYS_AFTER.match(s.low[payer.end - s.start :]):
        return
    for x in ctx.group(s, first):
        ctx.emit("LICENSED_TO", x.eid, payer.eid, s, "licensee_cue", payer.start - x.end)


# what follows "B obtains exclusive rights" when the compound is not named again: "to develop and
# commercialize it", "to the product", "in Greater China" or nothing
_OBJECT_LEAD = (
    r"^[^.;:,]{0,12}?\s*(?:(?:to|for)\s+(?:the\s+)?(?:(?:further\s+|clinical\s+|global\s+)?"
    r"(?:develop\w*|commerciali[sz]\w*|manufactur\w*|market\w*)\s*(?:,|and|of)?\s*)*)?"
)
_ANAPHORIC_OBJECT = re.compile(
    _OBJECT_LEAD
    + r"(?:(?:it|them|the\s+(?:product(?:\s+candidate)?|compound|candidate|antibody|drug|program|programme|"
    r"asset|molecule|therapy|vaccine))\b|(?:in|for|outside)\s+(?!(?:the\s+)?(?:field|use|treatment)\b)|[.;]|$)"
)


class PluralObject:
    """ "the three assets", "both programs", "these candidates" as the object of a licence: the compounds of
    the last list (cues: ``licensees.plural_object_*``; a count must equal the list's length)."""

    def __init__(self, cues: dict[str, Any]) -> None:
        def alts(words: list[str]) -> str:
            return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

        self.counts: dict[str, int] = cues["plural_object_counts"]
        self.pattern = re.compile(
            _OBJECT_LEAD
            + rf"(?:{alts(cues['plural_object_determiners'])})\s+(?:(?P<count>{alts(list(self.counts))})\s+)?"
            + rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:{alts(cues['plural_object_heads'])})(?![\w-])"
        )

    def __call__(self, ctx: RuleContext, s: Sent, rest: str) -> list[str]:
        """The compound ids ``rest`` (the words after a licence cue) names by a plural phrase, else []."""
        m = self.pattern.match(rest)
        if m is None:
            return []
        listed = last_list(ctx, s)
        count = m.group("count")
        if len(listed) < 2 or (count is not None and self.counts[count] != len(listed)):
            return []
        return listed


def last_list(ctx: RuleContext, s: Sent, lookback: int = 3) -> list[str]:
    """The compounds (two or more, in text order) of the nearest earlier sentence naming any, within
    ``lookback`` sentences; comparators and combination partners are not of the list."""
    for prev in reversed(ctx.sents[max(0, s.index - lookback) : s.index]):
        named = [
            m.eid
            for m in prev.of("COMPOUND", virtual=False)
            if not ctx.comparator(prev, m) and not ctx.combination(prev, m)
        ]
        if named:
            eids = list(dict.fromkeys(named))
            return eids if len(eids) >= 2 else []
    return []


def salient_licensee(
    ctx: RuleContext, s: Sent, after: re.Pattern[str], limited: re.Pattern[str], plural: PluralObject
) -> None:
    """ "Orbital Bio obtains exclusive rights to develop and commercialize it in Greater China" in a sentence
    that names no compound: the licence is for the compound of the sentences before (``after``: the
    licensee's cue after its name, "obtains ... rights"), or for those of the last list when ``plural`` reads
    the object ("... the three assets"). Rights that develop, or that no word limits (``limited``: "marketing
    rights"), make the licensee a developer too (conventions: roles)."""
    sal = ctx.salient(s)
    for comp in s.of("COMPANY", virtual=False):
        b = comp.end - s.start
        cue = after.match(s.low[b : b + 110])
        if cue is None or re.search(r"option|regain|\bhas\b", cue.group(0)):
            continue  # an option is no licence; "has rights" may be the owner's
        if ctx.cues.negation.search(s.low[max(0, b - 40) : b + cue.end()]):
            continue
        rest_all = s.low[b + cue.end() :]
        targets = plural(ctx, s, rest_all)
        if not targets and sal is not None and _ANAPHORIC_OBJECT.match(rest_all):
            targets = [sal]
        if not targets:
            continue
        rest = s.low[b + cue.end() : b + cue.end() + 80]
        develops = bool(
            re.search(r"\b(?:co-)?develop", rest) or not limited.search(cue.group(0) + " " + rest)
        )
        for eid in targets:
            emit_licensee(ctx, s, eid, comp.eid, develops)
        return


# "... entered into an exclusive license agreement with C" (the compound named in the next sentence)
_LICENCE_AGREEMENT_WITH = re.compile(
    r"\b(?:licen[cs]e|licensing|sublicen[cs]e)(?:\s+and\s+(?:collaboration|supply|commerciali[sz]ation))?"
    r"\s+agreements?\s+with\s+(?:the\s+)?$"
)
# what may follow C's name in that sentence: its suffix and brackets, then nothing but the territory
_TERRITORY_TAIL = re.compile(
    r"^(?:\s*,?\s*(?:inc\.?|corp\.?|ltd\.?|co\.,?\s+ltd\.?|ag|plc|sa|s\.a\.|gmbh|llc|a/s|n\.v\.)(?!\w))?"
    r"(?:\s*\([^()]{0,60}\))*\s*(?P<scope>(?:for|in|covering|outside)\s+[^.;,]{2,60}?)?\s*[.;]?\s*$"
)


def licence_named_next(ctx: RuleContext, s: Sent, terminated: re.Pattern[str]) -> None:
    """ "Orbital today announced an exclusive license agreement with Helix for Greater China. ZB-12 is a KRAS
    inhibitor ...": a licence agreement whose sentence names no compound (nor anything else it may cover, only
    a territory) is for the one compound the next sentence names. Read like "an agreement with C for X"
    (rule ``licensee_agreement``): C is taken as the licensee until the document says otherwise (a named
    licensee, or the party that pays C: ``licence_payers``)."""
    if s.of("TECHNOLOGY", "COMPOUND") or terminated.search(s.low) or s.index + 1 >= len(ctx.sents):
        return
    for comp in s.of("COMPANY", virtual=False):
        a, b = s.local(comp)
        if not _LICENCE_AGREEMENT_WITH.search(s.low[max(0, a - 80) : a]):
            continue
        tail = _TERRITORY_TAIL.match(s.low[b:])
        if tail is None or (tail.group("scope") and not ctx.places.scope(s.text[b:])):
            continue
        if ctx.cues.negation.search(s.low[max(0, a - 80) : a]):
            continue
        nxt = ctx.sents[s.index + 1]
        named = list(
            dict.fromkeys(
                m.eid
                for m in nxt.of("COMPOUND", virtual=False)
                if not ctx.comparator(nxt, m) and not ctx.combination(nxt, m)
            )
        )
        if len(named) == 1:
            ctx.emit("LICENSED_TO", named[0], comp.eid, s, "licensee_agreement", prior="licensee_cue")
        return


# "the Company's in-licensed product X", "our in-licensed candidate X", "Orbital's in-licensed drug X"
_POSSESSIVE_IN_LICENSED = re.compile(
    r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?in-licen[cs]ed\s+(?:[\w-]+\s+){0,3}?(?:\(\s*)?$"
)


def possessive_in_licensed(ctx: RuleContext, s: Sent, compounds: list[M]) -> None:
    """ "The Company's in-licensed product ZB-12", "our in-licensed candidate ZB-12": the possessor (a company
    or the issuing company's "our", "the Company's") is the compound's licensee."""
    for owner in s.of("COMPANY"):
        a, b = s.local(owner)
        if owner.virtual and s.low[a:b] not in ("our", "the company's", "the company’s", "the company"):
            continue
        after = [x for x in compounds if 0 < x.start - owner.end <= 70 and not x.virtual]
        if not after or not _POSSESSIVE_IN_LICENSED.match(s.between(owner, after[0])):
            continue
        if ctx.cues.negation.search(s.low[max(0, a - 30) : a]):
            continue
        for x in ctx.group(s, after[0]):
            ctx.emit("LICENSED_TO", x.eid, owner.eid, s, "licensee_cue", x.start - owner.end)
