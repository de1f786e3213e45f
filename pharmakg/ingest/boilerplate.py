"""Skip spans: the parts of a cleaned text that carry no pipeline facts, which extraction does not read.

``find_skip_spans`` marks, on the final text, the filing cover (8-K form text before the release), contact
blocks, conference-call notes, safe-harbor boilerplate and tables. The spans stay in the text, so offsets
stay true. Cue phrases come from ``boilerplate.tsv`` (``cues.py``); everything works line by line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pharmakg.ingest.cues import Cues, load_cues
from pharmakg.ingest.dates import DATE_LINE, DATELINE
from pharmakg.ingest.layout import is_numeric_row, is_prose, is_short, is_table_line

Span = tuple[int, int, str]  # (start, end, reason)


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append(_Line(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)\s?|\b\d{2,4}[\s.-])\d{2,4}[\s.-]\d{3,4}\b")
_CONTACT_TOKEN = re.compile(r"@|\b(?:tel|phone|fax|mobile|cell)\b\.?|\bwww\.|https?://", re.I)


def _has_contact(line: str) -> bool:
    return bool(_CONTACT_TOKEN.search(line) or _PHONE.search(line))


def is_heading(cues: Cues, reason: str, line: str, rest_words: int = 3) -> bool:
    """A short line that is the heading phrase, perhaps with a few words more ("Webcast Information:")."""
    m = cues.heading(reason, line)
    if not m or not is_short(line, 100) or line.endswith("."):
        return False
    return len(line[m.end() :].strip(" :-–—").split()) <= rest_words


def _is_contacts_start(cues: Cues, line: str) -> bool:
    m = cues.start("contacts", line)
    if not m:
        return False
    rest = line[m.end() :]
    if rest.startswith("s"):
        rest = rest[1:]
    return rest.lstrip().startswith(":") or (len(line) <= 60 and not rest.strip()[:1].islower())


def _section_stop(cues: Cues, line: str) -> bool:
    """A line that opens another section, which ends the current one."""
    return (
        is_heading(cues, "section", line, rest_words=10)
        or is_heading(cues, "release-start", line)
        or is_heading(cues, "conference-call", line)
        or is_heading(cues, "safe-harbor", line)
        or _is_contacts_start(cues, line)
    )


def _next_nonblank(lines: list[_Line], i: int, count: int) -> list[int]:
    out: list[int] = []
    j = i + 1
    while j < len(lines) and len(out) < count:
        if lines[j].text:
            out.append(j)
        j += 1
    return out


def _contacts_spans(lines: list[_Line], cues: Cues) -> list[Span]:
    spans = []
    i = 0
    n = len(lines)
    while i < n:
        t = lines[i].text
        if not t or not _is_contacts_start(cues, t):
            i += 1
            continue
        last = i
        k = i + 1
        while k < n:
            u = lines[k].text
            if not u:
                k += 1
                continue
            # Sub-blocks ("Investors", "Media:") continue the block; other sections end it.
            stop = _section_stop(cues, u) and not _is_contacts_start(cues, u)
            if stop or cues.distinct("conference-call", u) >= 2:
                break
            if len(u) <= 200 and _has_contact(u):
                last = k
                k += 1
                continue
            # A name or title line belongs to the block when a phone or e-mail line follows closely.
            if is_short(u) and not is_prose(u):
                ahead = _next_nonblank(lines, k, 5)
                hit = False
                for j in ahead:
                    v = lines[j].text
                    if len(v) <= 200 and _has_contact(v):
                        hit = True
                        break
                    if not is_short(v) or _section_stop(cues, v):
                        break
                if hit:
                    last = k
                    k += 1
                    continue
            break
        # A block with no phone, e-mail or address line was a false start ("Investors Day 2019 Highlights").
        if any(_has_contact(lines[j].text) for j in range(i, last + 1)):
            spans.append((lines[i].start, lines[last].end, "contacts"))
        i = last + 1
    return spans


def _block_spans(
    lines: list[_Line],
    reason: str,
    opens: Callable[[str], bool | None],
    stops: Callable[[str], bool],
    continues: Callable[[str], bool],
) -> list[Span]:
    """Blocks that start at a line ``opens`` accepts and go on over the next non-blank lines.

    ``opens`` returns None for a line that opens nothing, True for a heading, False for a body line that
    opens a block. A heading always takes the paragraph after it; then lines go on while ``continues``
    holds, and a table line or a line that ``stops`` accepts ends the block.
    """
    spans = []
    i = 0
    n = len(lines)
    while i < n:
        t = lines[i].text
        heading = opens(t) if t and not is_table_line(t) else None
        if heading is None:
            i += 1
            continue
        last = i
        k = i + 1
        first = True
        while k < n:
            u = lines[k].text
            if not u:
                k += 1
                continue
            if is_table_line(u) or stops(u):
                break
            if (heading and first) or continues(u):
                last = k
                first = False
                k += 1
                continue
            break
        spans.append((lines[i].start, lines[last].end, reason))
        i = last + 1
    return spans


# a sentence end inside a paragraph: the next sentence opens with a capital, a digit or a quote
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z0-9\"“‘])")


def _conference_spans(lines: list[_Line], cues: Cues) -> list[Span]:
    def opens(t: str) -> bool | None:
        if is_heading(cues, "conference-call", t):
            return True
        return False if cues.distinct("conference-call", t) >= 2 else None

    spans = _block_spans(
        lines,
        "conference-call",
        opens,
        stops=lambda u: _section_stop(cues, u),
        # After its heading, a block goes on while lines talk of the call.
        continues=lambda u: cues.distinct("conference-call", u) >= 1,
    )
    return [_from_call_sentence(lines, cues, span) for span in spans]


def _from_call_sentence(lines: list[_Line], cues: Cues, span: Span) -> Span:
    """A block that a body paragraph opens starts at that paragraph's first sentence about the call: a lead
    paragraph that ends with the call ("Helix reported results for the quarter. Management will host a
    conference call and webcast ...") keeps its first sentences readable."""
    start, end, reason = span
    line = next((x for x in lines if x.start == start), None)
    if line is None or is_heading(cues, "conference-call", line.text):
        return span
    pos = 0
    for m in _SENTENCE_END.finditer(line.text):
        if cues.distinct("conference-call", line.text[pos : m.start()]) >= 1:
            break
        pos = m.end()
    else:
        if cues.distinct("conference-call", line.text[pos:]) < 1:
            return span
    return (start + pos, end, reason)


def _safe_harbor_spans(lines: list[_Line], cues: Cues) -> list[Span]:
    def opens(t: str) -> bool | None:
        if is_heading(cues, "safe-harbor", t):
            return True
        return False if cues.start("safe-harbor", t) or cues.has("markers", "safe-harbor", t) else None

    return _block_spans(
        lines,
        "safe-harbor",
        opens,
        # A new section ends the boilerplate unless it is another safe-harbor paragraph.
        stops=lambda u: _section_stop(cues, u) and not cues.start("safe-harbor", u),
        continues=lambda u: cues.has("continues", "safe-harbor", u) or cues.has("markers", "safe-harbor", u),
    )


def _is_figures_table(block: list[str], cues: Cues) -> bool:
    """A table of figures (financial statements), which holds no pipeline facts; a table whose rows are
    names (compound, target, indication, stage) is read instead, each row a unit of its own."""
    if any(cues.has("cues", "table", t) and not is_prose(t) for t in block):
        return True
    rows = [t for t in block if is_table_line(t)]
    return sum(is_numeric_row(t) for t in rows) * 2 >= len(rows)


def _table_spans(lines: list[_Line], cues: Cues) -> list[Span]:
    spans = []
    n = len(lines)
    i = 0
    while i < n:
        t = lines[i].text
        fin_heading = bool(t) and cues.has("cues", "table", t) and not is_prose(t)
        if not t or not (is_table_line(t) or fin_heading):
            i += 1
            continue
        first = i
        # Title lines right above a financial statement ("ImmunoGen, Inc. – Fiscal Year 2003 ...") go with it.
        if fin_heading:
            back = [j for j in range(i - 1, max(-1, i - 8), -1) if lines[j].text][:3]
            for j in back:
                v = lines[j].text
                if is_short(v, 100) and not is_prose(v) and not _section_stop(cues, v):
                    first = j
                else:
                    break
        last = i
        rows = 1 if is_table_line(t) else 0
        k = i + 1
        while k < n:
            u = lines[k].text
            if not u:
                k += 1
                continue
            if is_table_line(u) or (cues.has("cues", "table", u) and not is_prose(u)):
                rows += is_table_line(u)
                last = k
                k += 1
                continue
            # Row labels and sub-headings between rows ("LIABILITIES AND STOCKHOLDERS' EQUITY") stay inside.
            if not is_prose(u) and is_short(u, 160) and not _section_stop(cues, u):
                ahead = _next_nonblank(lines, k, 4)
                if any(is_table_line(lines[j].text) for j in ahead):
                    last = k
                    k += 1
                    continue
            break
        block = [lines[j].text for j in range(first, last + 1)]
        if rows and (fin_heading or _is_figures_table(block, cues)):
            spans.append((lines[first].start, lines[last].end, "table"))
        i = last + 1
    return spans


def _cover_span(lines: list[_Line], cues: Cues) -> list[Span]:
    """The SEC form text before the press release (8-K cover, items, signatures, exhibit index)."""
    head = [ln for ln in lines[:80] if ln.text]
    if not head:
        return []
    cover_hits = sum(1 for ln in head if cues.has("cues", "filing-cover", ln.text))
    form = any(re.search(r"\bFORM\s+(?:8|6)-K\b", ln.text, re.I) for ln in head[:30])
    if not (form and cover_hits >= 2):
        # An exhibit page that opens with its label ("Exhibit 99.1") and nothing else of the form.
        first = head[0]
        if is_heading(cues, "release-start", first.text) and re.match(r"\W*ex", first.text, re.I):
            return [(first.start, first.end, "filing-cover")]
        return []
    sig = next((j for j, ln in enumerate(lines) if is_heading(cues, "filing-cover", ln.text)), None)
    registrant = next(
        (j for j, ln in enumerate(lines) if re.search(r"exact name of registrant", ln.text, re.I)), 0
    )
    start_at = sig if sig is not None else registrant
    end_line = None
    for j in range(start_at + 1, len(lines)):
        u = lines[j].text
        if not u:
            continue
        is_label = is_heading(cues, "release-start", u) and not is_table_line(u)
        if is_label or _is_contacts_start(cues, u) or DATELINE.match(u) or DATE_LINE.match(u):
            if DATE_LINE.match(u) and re.match(r"\W*date\s*:", u, re.I):
                continue
            end_line = j
            break
    if end_line is None:
        return []
    # The cover runs to the last non-blank line before the release starts.
    k = end_line - 1
    while k > 0 and not lines[k].text:
        k -= 1
    if k < 0 or lines[k].end <= head[0].start:
        return []
    # An "Exhibit 99.1" label line opening the release is part of the filing furniture too.
    end = lines[k].end
    if is_heading(cues, "release-start", lines[end_line].text) and re.match(
        r"\W*ex", lines[end_line].text, re.I
    ):
        end = lines[end_line].end
    return [(head[0].start, end, "filing-cover")]


def _resolve(spans: list[Span]) -> list[Span]:
    """Sorted, non-overlapping spans: a span inside another is dropped, a partial overlap is clipped."""
    out: list[Span] = []
    for s, e, r in sorted(spans, key=lambda x: (x[0], -x[1])):
        if e <= s:
            continue
        if out:
            ps, pe, pr = out[-1]
            if e <= pe:
                continue
            if s < pe:
                if pr == r:
                    out[-1] = (ps, e, r)
                    continue
                s = pe
                # Do not start a span on whitespace left by the clip.
        out.append((s, e, r))
    return out


def find_skip_spans(text: str, cues: Cues | None = None) -> list[Span]:
    """(start, end, reason) ranges of ``text`` that extraction should not read; offsets index ``text``."""
    cues = cues or load_cues()
    lines = _lines(text)
    spans: list[Span] = []
    spans += _cover_span(lines, cues)
    spans += _contacts_spans(lines, cues)
    spans += _conference_spans(lines, cues)
    spans += _safe_harbor_spans(lines, cues)
    spans += _table_spans(lines, cues)
    return _strip_spans(text, _resolve(spans))


def _strip_spans(text: str, spans: list[Span]) -> list[Span]:
    out = []
    for s, e, r in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e, r))
    return out


def iter_kept(text: str, spans: list[Span]) -> Iterator[tuple[int, int]]:
    """The (start, end) ranges of ``text`` outside the skip spans (spans sorted, as find_skip_spans gives)."""
    pos = 0
    for s, e, _ in spans:
        if s > pos:
            yield pos, s
        pos = max(pos, e)
    if pos < len(text):
        yield pos, len(text)
