"""Which company a licence statement is said of when the licensee's name stands apart from its verb: the
announcing company behind its brackets and apposition ("Orbital Bio (Nasdaq: ORBB), a clinical-stage company
focused on cancer, today announced that it has in-licensed X"), and the source named between the verb and
the rights ("A has obtained from B exclusive rights to X"). Read by ``licensees``."""

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
