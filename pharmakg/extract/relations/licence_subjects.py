"""Which company a licence statement is said of when the licensee's name stands apart from its verb: the
announcing company behind its brackets and apposition ("Orbital Bio (Nasdaq: ORBB), a clinical-stage company
focused on cancer, today announced that it has in-licensed X"), and the source named between the verb and
the rights ("A has obtained from B exclusive rights to X"), and the subject of a licensing verb that gives
nothing on ("B will license the U.S. rights to A's X"). Read by ``licensees``."""

from __future__ import annotations

import re
from collections.abc import Callable

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.sentence import RuleContext, Sent

_SUFFIX = r"(?:inc\.?|corp\.?|ltd\.?|co\.,?\s+ltd\.?|ag|plc|sa|s\.a\.|gmbh|llc|a/s|n\.v\.)(?!\w)"
# right after a company name: its legal suffix and a parenthesis ("Orbital Bio Co., Ltd. ("Orbital")")
AFTER_NAME = r"^\s*(?:,?\s*" + _SUFFIX + r")?\s*(?:\([^()]{0,40}\)\s*)?"
# "A today announced that it has ...": the subject of the announcement is the subject of the verb after it
ANNOUNCED_IT = (
    r"(?:(?:today\s+)?(?:announced|announces|reported|said)\s+(?:today\s+)?(?:that\s+)?"
    r"(?:it|the company)\s+)?"
)
# "B (Nasdaq: BBB), a clinical-stage company focused on ..., today announced that it": the company's
# brackets and descriptive apposition, then the announcement whose subject it is
_ANNOUNCER_LEAD = re.compile(
    r"(?:\s*,?\s*" + _SUFFIX + r")?(?:\s*\([^()]{0,80}\))*(?:\s*,\s*(?:a|an|the|one\s+of)\s[^;:]{0,250}?)?"
    r"\s*,?\s*(?:today\s+)?(?:announced|announces|reported|said)\s+(?:today\s+)?(?:that\s+)?"
    r"(?:it|the\s+company)\s+"
)
# "A obtained from B exclusive rights to X": the company the rights are taken from, right after the verb
_TAKEN_FROM = re.compile(
    AFTER_NAME + ANNOUNCED_IT + r"(?:(?:has|have|had|will|also|recently)\s+)*"
    r"(?:obtain(?:s|ed)?|acquir(?:e|es|ed)|secur(?:e|es|ed)|in-licen[cs](?:e|es|ed)|licen[cs]ed)"
    r"\s+from\s+(?:the\s+)?$"
)
# "... from B exclusive rights in Greater China to X": B's name (suffix, brackets), then the rights to X
_RIGHTS_AFTER_SOURCE = re.compile(
    AFTER_NAME + r",?\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:rights?|licen[cs]e)\b[^.;]{0,60}?"
    r"\b(?:to|for)\s+(?:the\s+)?$"
)


def announcer(s: Sent, comp: M) -> M:
    """The company mention stretched over its brackets, apposition and "today announced that it", so that
    what the announcement says is read as said of the company; ``comp`` itself when none follows."""
    m = _ANNOUNCER_LEAD.match(s.low, comp.end - s.start)
    if m is None or m.end() == comp.end - s.start:
        return comp
    return M(comp.eid, comp.type, comp.start, s.start + m.end(), comp.virtual)


def taken_from(
    ctx: RuleContext,
    s: Sent,
    licensee: M,
    compounds: list[M],
    emit: Callable[[RuleContext, Sent, M, M, bool], None],
) -> bool:
    """ "A has obtained from B exclusive rights in Greater China to X": the source company between the verb
    and the rights, A the licensee of X (B the licensor, read by ``emit``: ``Licensees.emit_licence``)."""
    b = licensee.end - s.start
    for src in s.of("COMPANY", virtual=False):
        if src.start <= licensee.end or not _TAKEN_FROM.match(s.low[b : src.start - s.start]):
            continue
        after = [x for x in compounds if x.start >= src.end]
        if not after or not _RIGHTS_AFTER_SOURCE.match(s.between(src, after[0])):
            return False
        if ctx.negated(s, licensee, after[0]):
            return False
        emit(ctx, s, licensee, after[0], False)
        return True
    return False


# "B will license ...": the verb (data: licensees.licensee_verbs) right after B's name, its auxiliaries before
_AUX = r"(?:(?:will|would|shall|also|then|has|have|had|agreed\s+to|plans\s+to|intends\s+to)\s+)*"
# "... to C" (not "to C's X", where C is the owner): the licence goes on to C, the subject gives it
_TO_COMPANY = re.compile(r"\bto\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"(?:'s|’s|')\s")
# "an agreement with B to license X": B named after "with"
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")


def _phrases(words: list[str]) -> str:
    """The words as a regex alternation, any run of white space where a phrase has a space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


class LicensingSubject:
    """ "B will license the U.S. commercial rights to A's X", "B licenses X from A": B, the subject of the
    licensing verb, takes the licence of the first compound after it, unless the clause sends it on "to C"
    ("A will license its rights to X to C": C's licence, read by ``licensees.licensed_x_to``)."""

    def __init__(self, verbs: list[str], unnamed_recipients: list[str]) -> None:
        self.verb = re.compile(
            AFTER_NAME + ANNOUNCED_IT + _AUX + r"(?:" + _phrases(verbs) + r")\b(?![\s-]+agreements?\b)"
        )
        # "A will license X to third parties": sent on to parties the text does not name, A is the owner
        self.to_unnamed = re.compile(r"\bto\s+(?:" + _phrases(unnamed_recipients) + r")\b")

    def __call__(
        self,
        ctx: RuleContext,
        s: Sent,
        licensee: M,
        compounds: list[M],
        emit: Callable[[RuleContext, Sent, M, M, bool], None],
    ) -> bool:
        b = licensee.end - s.start
        m = self.verb.match(s.low[b : b + 90])
        if m is None or _WITH_BEFORE.search(s.low[max(0, b - 60) : licensee.start - s.start]):
            return False  # "an agreement with B to license X" does not say which party takes it
        verb_end = b + m.end()
        _, end = ctx.clause_bounds(s, verb_end, verb_end)
        if self.to_unnamed.search(s.low, verb_end, end):
            return False
        for c in s.of("COMPANY", virtual=False):
            at, to = s.local(c)
            if verb_end <= at and to <= end and _TO_COMPANY.search(s.low[max(0, at - 8) : at]):
                if not _POSSESSIVE.match(s.low[to : to + 3]):
                    return False
        after = [x for x in compounds if verb_end <= x.start - s.start < min(end, verb_end + 120)]
        if not after or ctx.negated(s, licensee, after[0]):
            return False
        # the mention stretched over its verb: the licensing verb states a licence, not which rights it grants
        # (development rights only where the words after the verb say so)
        emit(
            ctx,
            s,
            M(licensee.eid, licensee.type, licensee.start, s.start + verb_end, licensee.virtual),
            after[0],
            False,
        )
        return True
