"""Licence statements read from one company's mention (split from ``licensees``): the licensor after
"licensed from" ("X, in-licensed from A"), a licensee titled as one ("its licensing partner B") and a licence
of the compound talked about ("licensed it to B")."""

from __future__ import annotations

import re

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.deal import DEVELOPMENT, emit_licensee
from pharmakg.extract.relations.licence_parties import LicenceWords
from pharmakg.extract.relations.sentence import RuleContext, Sent

# "licensed it to B", "sublicensed them to B" (the object is a pronoun for the compound talked about); "the
# territories previously licensed to (A's partner) B": the rights to it in some regions, a licence too
_LICENSED_IT_TO = re.compile(
    r"\b(?:(?:out-|sub)?licen[cs]ed\s+(?:it|them)\s+to\s+(?:the\s+)?|(?:rights|territor(?:y|ies)|regions?)\s+"
    r"(?:(?:previously|already|originally|also)\s+)?(?:out-|sub)?licen[cs]ed\s+to\s+(?:the\s+)?"
    r"(?:[\w-]+(?:'s|’s)?\s+)?(?:partner|licensee)\s+)$"
)

# the company a licence comes from, said of a compound: "X, developed by B under a license from A", "B's X,
# in-licensed from A", "X, which it in-licensed from A" (group 1: a pronoun licensee); "B markets X under
# license from A", "B is developing X under an exclusive license agreement with A"
_LICENCE_FROM = re.compile(
    r"(?:\bunder\s+(?:(?:an?|the)\s+)?(?:(?!(?:its|their|our)\b)[\w-]+\s+){0,3}?licen[cs]e(?:\s+agreement)?"
    r"\s+(?P<with>with)"
    r"|\bunder\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){0,3}?licen[cs]e(?:\s+agreement)?\s+from"
    r"|(?:,\s*(?:which|that)\s+(it|we|the company)\s+(?:has\s+|had\s+)?)?\b(?:in-)?licen[cs]ed\s+from)"
    r"\s+(?:the\s+)?$"
)
# between a compound and "licensed from A" said right after it: "X (licensed from A)", "X, which was
# in-licensed from A", "X was in-licensed from A"
_RIGHT_AFTER = re.compile(
    r"(?:\s*[(,]\s*(?:(?:which|that)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+)?"
    r"|\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+)"
    r"(?:(?:exclusively|originally|previously)\s+)?"
)
# after the licensor, the passive's agent: "X, licensed from A by B", "X was in-licensed from A in 2019 by B"
_BY_AGENT = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:(?:in|during)\s+(?:early\s+|late\s+)?\d{4}\s+)?by\s+(?:the\s+)?$"
)
# the subject compound, a relative clause or apposition, then its passive verb: "X, which acts as Y does, was
# licensed by", "X, a TNF inhibitor like Y, was licensed by"
_RELATIVE_THEN_VERB = re.compile(
    r"^\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:which|that|a|an|the)\b[^;:]{0,240},\s*"
    r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)?(?:(?:originally|previously|exclusively)\s+)?$"
)


def _relative_subject(s: Sent, cue: int) -> M | None:
    """The compound a sentence opens with, when a relative clause or an apposition ("X, which ..., was
    licensed by") lies between it and the passive verb at local offset ``cue``."""
    first = s.ms[0] if s.ms else None
    if first is None or first.type != "COMPOUND" or first.start - s.start > 3:
        return None
    return first if _RELATIVE_THEN_VERB.match(s.low[first.end - s.start : cue]) else None


# "X was licensed by A to B", "X, out-licensed by A to B in 2019": the licensor after "by", the licensee after
# "to" (the gap between the two companies)
_LICENSED_BY = re.compile(r"\b(?:out-|sub)?licen[cs]ed\s+(?:exclusively\s+)?by\s+(?:the\s+)?$")
_BY_A_TO = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:(?:in|during)\s+\d{4}\s+)?to\s+(?:the\s+)?$")


def licence_from(ctx: RuleContext, s: Sent, licensor: M, compounds: list[M], words: LicenceWords) -> bool:
    """ "X, developed by B under an exclusive license from A", "B's X, in-licensed from A", "X, which it
    in-licensed from A": B (the company named before, or the one "it" stands for) is the licensee of X. A
    licence that no word limits (``limited``: marketing, distribution, ...; in its words or the 60 characters
    after A) is of all the rights, development among them: B develops X too."""
    a = licensor.start - s.start
    cue = _LICENCE_FROM.search(s.low[max(0, a - 90) : a])
    if cue is None:
        return False
    c0 = a - (len(s.low[max(0, a - 90) : a]) - cue.start())
    if ctx.cues.negation.search(s.low[max(0, c0 - 30) : c0]):
        return False
    lo, _ = ctx.clause_bounds(s, c0, c0 + 1)
    before = [
        c
        for c in s.of("COMPANY")
        if c.end - s.start <= c0 and c.eid != licensor.eid and not ctx.parenthetical_affiliate(s, c)
    ]
    target = ctx.attach(s, (c0, c0 + 1), ("COMPOUND",), cap=160, direct=False)
    licensee = before[-1].eid if before else (ctx.main if cue.group(1) else None)
    agent = next((c for c in s.of("COMPANY", virtual=False) if c.start > licensor.end), None)
    if agent is not None and _BY_AGENT.fullmatch(s.between(licensor, agent)):
        licensee = agent.eid  # "X, licensed from A by B"
    if licensee is None and target is not None and _RIGHT_AFTER.fullmatch(s.low[target.end - s.start : c0]):
        licensee = ctx.main  # "ZB-12 (licensed from A)", "ZB-12, in-licensed from A, is ...": the issuer's
    if licensee is None or licensee == licensor.eid or target is None or target.start - s.start < lo:
        return False
    if cue.group("with") and not (
        before
        and before[-1].end <= target.start
        and target.end - s.start <= c0
        and words.works_on.search(s.low[before[-1].end - s.start : target.start - s.start])
    ):
        return False  # "under its license agreement with A covering X, ...": which party is the licensee?
    if any(target.end <= m.start and m.end - s.start <= c0 for m in s.of("TECHNOLOGY", "COMPOUND")):
        return False  # "X was built with the T technology, which B licensed from A": T is what was licensed
    said = cue.group(0) + " " + s.low[licensor.end - s.start : licensor.end - s.start + 60]
    # "B sells X in Canada under license from A": the licensee's verb limits the licence too, unless it says
    # development ("B develops and markets X under license from A")
    acts = s.low[lo:c0] if before and licensee == before[-1].eid else ""
    limited = words.limited
    develops = not limited.search(said) and (
        DEVELOPMENT.search(acts) is not None or not (limited.search(acts) or words.sells.search(acts))
    )
    for x in ctx.group(s, target):
        emit_licensee(
            ctx, s, x.eid, licensee, develops, abs(x.start - licensor.start), attrs={"licensor": licensor.eid}
        )
    return True


# between the compound and the licensee's name after a title "for X": "licensing partner for X in Japan, B"
_FOR_X_THEN_NAME = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:in\s+(?:the\s+)?[^,;()]{2,40}?\s*)?,\s*$")


def titled_licensee(
    ctx: RuleContext,
    s: Sent,
    licensee: M,
    compounds: list[M],
    titled: tuple[re.Pattern[str], re.Pattern[str]],
    limited: re.Pattern[str],
) -> bool:
    """ "Helix and its licensing partner Orbital filed for ZB-12", "Helix's Japanese licensee Orbital
    launched ZB-12": the title before the name makes the company the licensee of the compound the
    sentence names after it. A licence title no word limits ("licensee", "licensing partner"; not
    "distribution partner", "marketing partner": ``limited``, the words of rights short of development),
    and none between the name and the compound, is a licence of all the rights: the licensee develops the
    compound too. ``titled``: the title right before the name, and the title before "for X (in Japan), B"."""
    a = licensee.start - s.start
    cue = titled[0].search(s.low[max(0, a - 60) : a])
    after = [x for x in compounds if 0 <= x.start - licensee.end <= 200]
    prev = [x for x in compounds if x.end <= licensee.start]
    if prev and s.low[prev[-1].end - s.start : prev[-1].end - s.start + 1] in ("'", "’"):
        # "X's US licensee, B": the compound's own licensee
        own = titled[0].match("x" + s.between(prev[-1], licensee))
        if own is not None and own.end() == len(s.between(prev[-1], licensee)) + 1:
            cue, after = own, [prev[-1]]
    if cue is None and prev and _FOR_X_THEN_NAME.match(s.between(prev[-1], licensee)):
        p = prev[-1].start - s.start
        cue = titled[1].search(s.low[max(0, p - 60) : p])
        after = [prev[-1]]
    if cue is None or ctx.cues.negation.search(s.low[max(0, a - 90) : a]):
        return False
    if not after:
        return False
    gap = s.between(licensee, after[0]) if after[0].start >= licensee.end else ""
    develops = not limited.search(cue.group(0) + " " + gap)
    for x in ctx.group(s, after[0]):
        emit_licensee(ctx, s, x.eid, licensee.eid, develops, x.start - licensee.end)
    return True


# "A granted B an exclusive license to develop it": the granting verb before B, rights and pronoun after
_GRANTED_BEFORE = re.compile(r"\bgrant(?:s|ed|ing)?\s+(?:to\s+)?$")
_RIGHTS_TO_IT = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:[\w-]+,?\s+){0,3}?(?:licen[cs]e|rights)\s+(?:to|for)\s+"
    r"(?:((?:co-)?develop)\w*(?:\s*(?:,|and|or)\s+[\w-]+){0,3}\s+|[\w-]+\s+)?(?:it|them)\b"
)


def licensed_it(ctx: RuleContext, s: Sent) -> None:
    """ "Helix discovered ZB-12. Helix licensed it to Orbital in 2020": the licence of the compound of the
    previous sentences, when this one names none."""
    sal = ctx.salient(s)
    if sal is None:
        return
    for comp in s.of("COMPANY", virtual=False):
        a = comp.start - s.start
        if _LICENSED_IT_TO.search(s.low[max(0, a - 80) : a]) and not ctx.cues.negation.search(s.low[:a]):
            ctx.emit("LICENSED_TO", sal, comp.eid, s, "licensee_cue")
        elif _GRANTED_BEFORE.search(s.low[max(0, a - 12) : a]) and not ctx.cues.negation.search(s.low[:a]):
            # "A granted B an exclusive license to develop it in China"
            it = _RIGHTS_TO_IT.match(s.low, comp.end - s.start)
            if it is not None:
                emit_licensee(ctx, s, sal, comp.eid, bool(it.group(1)) or "rights to it" in it.group(0))


def licensed_by_to(
    ctx: RuleContext, s: Sent, licensee: M, compounds: list[M], limited: re.Pattern[str]
) -> bool:
    """ "X was licensed by A to B", "X, out-licensed by A to B in 2019": B is the licensee of X, A its
    licensor (the post-pass gives A DEVELOPED_BY); a licence that no word limits (``limited``) is of all the
    rights: B develops X too."""
    licensors = [
        c for c in s.of("COMPANY", virtual=False) if c.end <= licensee.start and c.eid != licensee.eid
    ]
    if not licensors or not _BY_A_TO.match(s.between(licensors[-1], licensee)):
        return False
    licensor = licensors[-1]
    a = licensor.start - s.start
    cue = _LICENSED_BY.search(s.low[max(0, a - 40) : a])
    if cue is None:
        return False
    c0 = a - (len(s.low[max(0, a - 40) : a]) - cue.start())
    if ctx.cues.negation.search(s.low[max(0, c0 - 30) : c0]):
        return False
    target = _relative_subject(s, c0) or ctx.attach(s, (c0, c0 + 1), ("COMPOUND",), cap=120, direct=False)
    if target is None or target.start > licensee.start:
        return False
    said = cue.group(0) + " " + s.low[licensee.end - s.start : licensee.end - s.start + 60]
    develops = not limited.search(said)
    for x in ctx.group(s, target):
        emit_licensee(
            ctx,
            s,
            x.eid,
            licensee.eid,
            develops,
            abs(x.start - licensee.start),
            attrs={"licensor": licensor.eid},
        )
    return True


def licensed_on(ctx: RuleContext, s: Sent, licensor: M) -> bool:
    """Whether a company after ``licensor`` in its clause is what the licence goes to ("... to B"; not
    "... to B's X", where B is the owner)."""
    _, end = ctx.clause_bounds(s, licensor.end - s.start, licensor.end - s.start)
    return any(
        licensor.end < c.start
        and c.end - s.start <= end
        and re.search(r"\bto\s+(?:the\s+)?$", s.low[max(0, c.start - s.start - 8) : c.start - s.start])
        # "the rights to C's X": C owns what is licensed, it does not receive it
        and not re.match(r"(?:'s|’s|')\s", s.low[c.end - s.start : c.end - s.start + 3])
        for c in s.of("COMPANY", virtual=False)
    )


# between the first licensee and the next compound: "... to B and Y to C", "... to B, Y to C"
_AND_NEXT = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")


def earlier_licence_to(
    s: Sent, first: M, verb_and_gap: tuple[re.Pattern[str], re.Pattern[str]]
) -> re.Match[str] | None:
    """ "A licensed X to B and Y to C": the licence verb before X, when ``first`` (Y) follows "X to B and"
    (``verb_and_gap``: the licence verb before a compound, the gap from a compound to its licensee)."""
    licensed_x, x_to = verb_and_gap
    prior = [c for c in s.of("COMPANY", virtual=False) if c.end <= first.start]
    if not prior or not _AND_NEXT.match(s.between(prior[-1], first)):
        return None
    earlier = [x for x in s.of("COMPOUND") if x.end <= prior[-1].start]
    if not earlier or not x_to.match(s.between(earlier[-1], prior[-1])):
        return None
    e = earlier[-1].start - s.start
    return licensed_x.search(s.low[max(0, e - 90) : e])


# between a compound and a company inside a parenthesis on the compound: "X (licensed to B"
_OPEN_PARENTHESIS = re.compile(r"^\s*\([^()]*$")
_CLOSED_PARENTHESIS = re.compile(r"^[^()]*\)")


def in_parenthesis_on(s: Sent, comp: M, compound: M) -> bool:
    """Whether ``comp`` stands in a parenthesis opened right after ``compound`` ("X (licensed to B")."""
    return compound.end <= comp.start and bool(_OPEN_PARENTHESIS.match(s.between(compound, comp)))


def parenthesis_closes(s: Sent, comp: M, compounds: list[M], nxt: M) -> bool:
    """ "X (licensed to B in Asia) and Y": ``comp`` stands in a parenthesis on an earlier compound, which
    closes before ``nxt``, so the licence is not of ``nxt``."""
    return bool(_CLOSED_PARENTHESIS.match(s.between(comp, nxt))) and any(
        in_parenthesis_on(s, comp, x) for x in compounds
    )
