"""Who speaks in a release, for the coreference component (components/coref.py): the issuing company that
"we", "our" and "the Company" mean, and the company a quotation's attribution names (inside that quotation
"our" means it, whoever issued the release)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from pharmakg.extract.components.base import doc_text
from pharmakg.names import fold

if TYPE_CHECKING:
    from pharmakg.extract.components.coref import M

_TICKER_AFTER = re.compile(
    r"^\s*,?\s*\((?:Nasdaq|NASDAQ|NYSE|LSE|OMX|TSX|TSE|AMEX|ASX|SIX|SZSE|SSE|HKEX|Euronext|OTC)\b"
)
_QUOTE = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")


def main_company(doc: Doc, mentions: list[M], sentences: list[Span]) -> str | None:
    """The issuing company.

    In order of evidence: the filing's company (Document.meta["company"]), the first company of the opening
    sentences written with a stock ticker ("X, Inc. (Nasdaq: TICK)"), then the most mentioned company with
    extra weight for mentions in the first sentences.
    """
    companies = [m for m in mentions if m.type == "COMPANY"]
    if not companies:
        return None
    text = doc_text(doc)
    meta = (doc._.pkg_meta if Doc.has_extension("pkg_meta") else None) or {}
    issuer = fold(str(meta.get("company") or ""))
    if issuer:
        for m in companies:
            name = fold(text[m.start : m.end])
            if name and (name == issuer or issuer.startswith(name) or name.startswith(issuer)):
                return m.eid
    early = sentences[3].start_char if len(sentences) > 3 else 1 << 60
    for m in companies:
        if m.start < early and _TICKER_AFTER.match(text[m.end : m.end + 20]):
            return m.eid
    scores: dict[str, float] = defaultdict(float)
    for m in companies:
        scores[m.eid] += 1.0 + (2.0 if m.start < early else 0.0)
    return max(scores, key=lambda k: (scores[k], -min(m.start for m in mentions if m.eid == k)))


def quote_speakers(doc: Doc, mentions: list[M]) -> list[tuple[int, int, str]]:
    """(start, end, company id) of quotations whose attribution names a company.

    "..." said Jane Doe, CEO of Acme: inside that quotation "our" and "we" mean Acme, whoever issued the
    release.
    The attribution is read in the 250 characters after the closing quote (or before the opening one when the
    quote follows "X, CEO of Acme, said:"), up to the end of the line.
    """
    text = doc_text(doc)
    companies = sorted((m for m in mentions if m.type == "COMPANY"), key=lambda m: m.start)
    out = []
    for q in _QUOTE.finditer(text):
        a, b = q.span()
        line_end = text.find("\n", b)
        after_end = min(b + 250, line_end if line_end >= 0 else len(text))
        after = [m for m in companies if b <= m.start < after_end]
        said = re.search(r"\b(?:said|says|added|commented|stated|noted|explained)\b", text[b:after_end])
        if after and said:
            out.append((a, b, after[0].eid))
            continue
        line_start = text.rfind("\n", 0, a) + 1
        before = [m for m in companies if max(line_start, a - 250) <= m.start < a]
        if before and re.search(r"\b(?:said|says|added|commented|stated|noted)\b", text[before[-1].end : a]):
            out.append((a, b, before[-1].eid))
    return out


def reported_speech(verbs: list[str]) -> re.Pattern[str]:
    """What stands between a company and a third-person anaphor of it in reported speech: "Orbital Bio said
    (that) the company's ...", "Orbital Bio (Nasdaq: ORB), a Boston company, said the company ..."."""
    alts = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) or "(?!)"
    return re.compile(
        r"\s*(?:\([^()]{0,40}\)\s*)?(?:,[^,;]{0,80},\s*)?(?:" + alts + r")(?:\s+on\s+\w+)?\s+(?:that\s+)?",
        re.IGNORECASE,
    )


def reported_subject(
    text: str, companies: list[M], span: tuple[int, int], pattern: re.Pattern[str]
) -> str | None:
    """The company (of ``companies``, in text order) named in the sentence starting at ``span[0]`` whose
    reported speech the anaphor at ``span[1]`` stands in, or None."""
    base, start = span
    named = [c for c in companies if base <= c.start and c.end <= start]
    if named and pattern.fullmatch(text, named[-1].end, start):
        return named[-1].eid
    return None
