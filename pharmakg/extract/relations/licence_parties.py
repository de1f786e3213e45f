"""Who is party to a licence when the statement names several companies: the company an apposition describes
("B, an affiliate of A, holds the rights": B), and the parties of "an agreement for the development and
commercialization of X" other than X's owner, and "B, the exclusive licensee of X" (read by ``licensees``)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.cue_words import alternation, phrase_alternation
from pharmakg.extract.relations.deal import emit_licensee
from pharmakg.extract.relations.licence_subjects import AFTER_NAME
from pharmakg.extract.relations.sentence import CLAUSE_BREAK, RuleContext, Sent
from pharmakg.extract.relations.subjects import possessive_owner

# "B, an affiliate of A, holds rights to X": the company the apposition describes (B) is the subject
_PARENT_APPOSITION = re.compile(
    r"\s*,\s*(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?(?:subsidiary|affiliate|unit|division)\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+-based\s+)?$"
)


# "through an agreement with C, B is ...": after C's name (and suffix), a comma opens the main clause
NEW_SUBJECT = re.compile(r"^\s*(?:,?\s*(?:inc|ltd|corp|co|plc|ag|sa|llc|gmbh)\.?)?\s*,\s*$")


def apposition_head(s: Sent, comp: M) -> M:
    """The company an apposition naming ``comp`` as its parent describes ("B, an affiliate of A, holds the
    rights": B), else ``comp``."""
    before = [c for c in s.of("COMPANY", virtual=False) if c.end <= comp.start and c.eid != comp.eid]
    if not before:
        return comp
    gap = s.text[before[-1].end - s.start : comp.start - s.start]
    # a capitalised word the name's reading left out may end it ("Helix Pharmakon, an affiliate of")
    rest = gap[re.match(r"(?:[ \t]+[A-Z][\w.-]*)?", gap).end() :].lower()  # type: ignore[union-attr]
    return before[-1] if _PARENT_APPOSITION.fullmatch(rest) else comp


# "A and B amended their agreement for the development and commercialization of X (in Japan)"
# "... entered into an agreement (outside of Asia) to develop and commercialize X"
_AGREEMENT_FOR_DEVELOPMENT = re.compile(
    r"\bagreements?\s+(?:(?:for|covering)\s+(?:the\s+)?(?:global\s+|worldwide\s+|joint\s+)?(?:co-)?development"
    r"\s+and\s+(?:co-)?commerciali[sz]ation\s+of"
    r"|(?:(?:in|outside|outside\s+of|for)\s+(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+)?to\s+(?:jointly\s+)?(?:co-)?develop"
    r"\s+and\s+(?:co-)?commerciali[sz]e)\s+"
)
# "X, B's lead product candidate": the owner named in an apposition after the compound
_OWNER_APPOSITION = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:the\s+)?$")
_OWNED_AFTER = re.compile(
    r"^(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,4}?(?:candidate|product|compound|drug|asset|program|programme)s?\b"
)


def agreement_for_development(ctx: RuleContext, s: Sent) -> None:
    """ "A and B entered into an agreement for the development and commercialization of X": the parties other
    than X's owner (named in the possessive, or found owning X before, or else the issuing company) take a
    licence with development rights (conventions: roles)."""
    for m in _AGREEMENT_FOR_DEVELOPMENT.finditer(s.low):
        lo, _ = ctx.clause_bounds(s, m.start(), m.end())
        if re.search(r"\boption", s.low[lo : m.end()]) or ctx.cues.negation.search(s.low[lo : m.start()]):
            continue
        comps = ctx.compounds_after(s, m.end(), 80)
        parties = list(
            dict.fromkeys(
                c.eid
                for c in s.of("COMPANY", virtual=False)
                if lo <= c.start - s.start
                and c.end - s.start <= m.start()
                and not ctx.parenthetical_affiliate(s, c)
            )
        )
        if not comps or len(parties) < 2:
            continue
        x = comps[0]
        owners = [
            o for (t, subj, o, _v) in ctx.out.items if t == "DEVELOPED_BY" and subj == x.eid and o in parties
        ]
        owner = possessive_owner(s, x) or _apposition_owner(s, x) or (owners[0] if len(owners) == 1 else None)
        owner = owner or (ctx.main if ctx.main in parties else None)
        if owner is None or owner not in parties:
            continue
        for party in parties:
            if party == owner:
                continue
            for y in comps:
                emit_licensee(ctx, s, y.eid, party, True, attrs={"licensor": owner})


def _apposition_owner(s: Sent, x: M) -> str | None:
    """The company of an apposition right after ``x`` ("X, B's lead product candidate"), if any."""
    nxt = next((c for c in s.of("COMPANY", virtual=False) if c.start >= x.end), None)
    if nxt is None or not _OWNER_APPOSITION.match(s.between(x, nxt)):
        return None
    return nxt.eid if _OWNED_AFTER.match(s.text[nxt.end - s.start : nxt.end - s.start + 60].lower()) else None


# the issuing company named as a subject ("the Company", "we"), not as a possessive ("our", "the Company's")
SUBJECT_ANAPHOR = re.compile(r"the company|we")


# "A entered into an agreement with B to in-license X", "... with B for the rights to X": A takes the licence
_SUBJECT_PURPOSE = re.compile(
    AFTER_NAME + r",?\s*(?:to\s+(?:in-licen[cs]e|acquire|obtain)\b|for\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:rights?|licen[cs]e)\s+to\b)"
)


def purpose_licensee(ctx: RuleContext, s: Sent, cue: int, party: M, target: M) -> M:
    """ "A entered into an agreement with B to in-license X": the licensee is A, the subject of the agreement
    cue at local offset ``cue``, not B, its counterparty (who stays the licensee otherwise: "an agreement
    with B for X")."""
    if not (
        "agreement" in s.low[cue : party.start - s.start] and _SUBJECT_PURPOSE.match(s.between(party, target))
    ):
        return party
    subject = ctx.subject_company(s, cue)
    if subject is None or subject.eid == party.eid:
        return party
    # "the company has signed an agreement with B to obtain rights to X": the issuing company named as a
    # subject (not "its", nor a pronoun that may stand for another company)
    if subject.virtual and not SUBJECT_ANAPHOR.fullmatch(
        s.low[subject.start - s.start : subject.end - s.start]
    ):
        return party
    return subject


def subject_between(s: Sent, comp: M, target: M) -> bool:
    """ "Through an agreement with C, B is the exclusive distributor for X": another company opens the main
    clause between the counterparty C and the compound, so the licence is B's, not C's."""
    return any(
        comp.end < o.start
        and o.end <= target.start
        and o.eid != comp.eid
        and NEW_SUBJECT.match(s.between(comp, o))
        for o in s.of("COMPANY", virtual=False)
    )


_OWNER_TITLE = r"(?:the|an?|its|their|our|(?:[\w.&-]+\s+){0,3}[\w.&-]+(?:'s|’s|'|’))\s+"


class LicenceWords(NamedTuple):
    """The words the licence rules weigh (cue data ``licensees``): ``limited`` rights words (marketing,
    distribution, ...), ``sells`` the licensee's selling verbs ("B sells X under license from A": commercial
    rights only), ``works_on`` the verbs that make B the party working on X ("B is developing X under a
    license agreement with A"), and the licensee titles (``licensee_titles``) in an apposition: ``title_of``
    "B, the exclusive licensee of X", "B, Helix's licensing partner for X", "B has been appointed exclusive
    distributor of X"; ``title_in`` the territorial one, the compound said later: "B, Helix's licensee in
    Japan, received approval for X"."""

    limited: re.Pattern[str]
    sells: re.Pattern[str]
    works_on: re.Pattern[str]
    title_of: re.Pattern[str]
    title_in: re.Pattern[str]

    @classmethod
    def from_cues(cls, c: dict[str, Any], limited: re.Pattern[str]) -> LicenceWords:
        nouns = phrase_alternation(c["licensee_titles"])
        return cls(
            limited,
            re.compile(r"\b(?:" + alternation(c["licence_selling_verbs"]) + r")\b"),
            re.compile(r"\b(?:" + alternation(c["licence_working_stems"]) + r")\w*"),
            re.compile(
                r"^\s*(?:(?:,|\s(?:is|was|remains|has\s+been|will\s+be|became|becomes|become))\s*"
                + _OWNER_TITLE
                + r"|\s(?:(?:is|was|has\s+been|will\s+be|were|are)\s+)?"
                r"(?:appointed|named|designated|selected)(?:\s+as)?\s+(?:"
                + _OWNER_TITLE
                + r")?)(?:[\w-]+\s+){0,2}?(?:"
                + nouns
                + r")\s+(?:of|for)\s+"
                r"(?:the\s+)?$"
            ),
            re.compile(
                r"\s*,\s*"
                + _OWNER_TITLE
                + r"(?:[\w-]+\s+){0,2}?(?:"
                + nouns
                + r")\s+(?:in|for)\s+[^,;()]{2,40},"
            ),
        )


def licensee_apposition(
    ctx: RuleContext,
    s: Sent,
    licensee: M,
    compounds: list[M],
    words: LicenceWords,
) -> bool:
    """ "Orbital Bio, the exclusive licensee of ZB-12 in Europe, ...", "Orbital Bio, Helix's licensee in
    Japan, received approval for ZB-12": B is the licensee of X. A licensee no word limits (not "distributor",
    "distribution partner": ``words.limited``) holds all the rights: it develops X too."""
    b = licensee.end - s.start
    after = [x for x in compounds if 0 < x.start - s.start - b <= 80]
    title = words.title_of.match(s.low[b : after[0].start - s.start]) if after else None
    if title is None:
        territorial = words.title_in.match(s.low, b)
        after = [x for x in compounds if territorial and 0 < x.start - s.start - territorial.end() <= 120]
        if not after or CLAUSE_BREAK.search(
            s.low, territorial.end() if territorial else b, after[0].start - s.start
        ):
            return False
    said = title.group(0) if title else territorial.group(0) if territorial else ""
    develops = not words.limited.search(said)
    for x in ctx.group(s, after[0]):
        emit_licensee(ctx, s, x.eid, licensee.eid, develops, x.start - licensee.end)
    return True
