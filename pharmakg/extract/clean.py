"""Cleaning of press-release and filing text, and the skip spans that keep boilerplate out of extraction.

``clean_text`` makes the body that extraction reads: characters normalised, ``\\$`` unescaped, page numbers
and "-financials follow-" markers dropped, hard-wrapped lines and page-broken paragraphs joined, table rows
kept with tab-separated cells. ``find_skip_spans`` then marks, on that final text, the parts that carry no
pipeline facts (filing cover, contacts, tables, safe harbor, conference-call details). Everything works
line by line with compiled regexes, so the cost is linear in the size of the file.

Cue phrases live in ``boilerplate.tsv`` next to this module, not in the code.
"""

from __future__ import annotations

import datetime as _dt
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    MarkupResemblesLocatorWarning,
    NavigableString,
    ProcessingInstruction,
    Tag,
    XMLParsedAsHTMLWarning,
)

CUES_PATH = Path(__file__).with_name("boilerplate.tsv")

# --------------------------------------------------------------------------------------------- characters

_CHAR_MAP: dict[int, str | None] = {
    0xA0: " ", 0x2007: " ", 0x202F: " ", 0x2009: " ", 0x200A: " ", 0x2002: " ", 0x2003: " ", 0x2004: " ",
    0x2005: " ", 0x2006: " ", 0x2008: " ", 0x205F: " ", 0x3000: " ",
    0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0xAD: None,
    0x2028: "\n", 0x2029: "\n", 0x0C: "\n", 0x0B: "\n", 0x85: "\n",
}
# Other C0 controls (and DEL) carry nothing in a press release; drop them.
for _c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]:
    _CHAR_MAP.setdefault(_c, None)
# A regex with a lookup beats str.translate here: the characters are rare and translate walks every one.
_ODD_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_MAP)) + "]")


def _odd_char(m: re.Match[str]) -> str:
    return _CHAR_MAP[ord(m.group(0))] or ""

_ESCAPED = re.compile(r"\\([$%#&*_\[\]])")  # markdown-style escapes from text converters: \$4.6 million
_INLINE_TAG = re.compile(r"</?(?:u|b|i|em|strong|sup|sub|font|span|small|big|a)\b[^<>\n]{0,300}>", re.I)
_BR_TAG = re.compile(r"<br\s*/?>", re.I)
_SPACES = re.compile(r"[ \t]+")
_WS = re.compile(r"\s+")
_GAP = re.compile(r"\t| {3,}")  # cell separators of tab- or space-laid tables
_PAGE_NUMBER = re.compile(r"^[(\[-]?\s*(?:page\s+)?\d{1,3}\s*(?:of\s+\d{1,3})?\s*[)\]-]?$", re.I)
_RULE = re.compile(r"^[-=_*~.\s]{3,}$")
_NUMERIC_CELL = re.compile(r"^[$€£(\s-]*[\d.,]+\)?%?$|^[$€£—–-]$")
_BULLET = re.compile(r"^(?:[-•*·▪●◦–—>]\s|o\s|\(?\d{1,2}[.)]\s|\([a-z]\)\s)")
_TERMINAL = (".", "!", "?", ":", ";", '"', "”", "’")
_FUNCTION_WORDS = frozenset(
    "the a an of to in and or for with by on at from as that which its their our is are was were be "
    "has have this these".split()
)


def normalise_chars(text: str) -> str:
    """Newlines to \\n, odd spaces to plain spaces, invisible and control characters removed."""
    return _ODD_CHARS.sub(_odd_char, text.replace("\r\n", "\n").replace("\r", "\n"))


def unescape(text: str) -> str:
    r"""``\$4.6 million`` -> ``$4.6 million`` (and the other markdown escapes converters leave)."""
    return _ESCAPED.sub(r"\1", text)


# --------------------------------------------------------------------------------------------- cues


def _phrase_regex(phrase: str) -> str:
    parts = []
    for tok in re.split(r"(\s+|-)", phrase.strip()):
        if not tok:
            continue
        if tok.isspace():
            parts.append(r"\s+")
        elif tok == "-":
            parts.append(r"[-\u2010\u2011\u2013\u2014\s]?")
        else:
            parts.append(re.escape(tok))
    rx = "".join(parts)
    if phrase[:1].isalnum():
        rx = r"\b" + rx
    if phrase[-1:].isalnum():
        rx += r"\b"
    return rx


def _line_key(line: str) -> str:
    return re.sub(r"[^a-z0-9#]+", " ", line.casefold()).strip()


_BULLET_PREFIX = r"^(?:[-•*·▪●◦–—>]\s*|o\s+)*"


@dataclass
class Cues:
    """Compiled cue patterns: ``starts[reason]`` (line begins with a phrase), ``anywhere[reason]``, ..."""

    starts: dict[str, re.Pattern[str]] = field(default_factory=dict)
    headings: dict[str, re.Pattern[str]] = field(default_factory=dict)
    cues: dict[str, re.Pattern[str]] = field(default_factory=dict)
    markers: dict[str, re.Pattern[str]] = field(default_factory=dict)
    continues: dict[str, re.Pattern[str]] = field(default_factory=dict)
    lines: dict[str, frozenset[str]] = field(default_factory=dict)

    def start(self, reason: str, line: str) -> re.Match[str] | None:
        pat = self.starts.get(reason)
        return pat.match(line) if pat else None

    def heading(self, reason: str, line: str) -> re.Match[str] | None:
        pat = self.headings.get(reason)
        return pat.match(line) if pat else None

    def has(self, kind: str, reason: str, line: str) -> bool:
        pat = getattr(self, kind).get(reason)
        return bool(pat and pat.search(line))

    def distinct(self, reason: str, line: str) -> int:
        pat = self.cues.get(reason)
        if not pat:
            return 0
        return len({m.group(0).casefold() for m in pat.finditer(line)})


def _compile_alt(phrases: list[str], anchored: bool) -> re.Pattern[str]:
    # Longest phrase first so that an alternation prefers "Conference Call and Webcast" to "Conference Call".
    alt = "|".join(_phrase_regex(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile((_BULLET_PREFIX if anchored else "") + "(?:" + alt + ")", re.I)


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    """Read the cue table (default: boilerplate.tsv beside this module) into compiled patterns."""
    table: dict[tuple[str, str], list[str]] = {}
    text = Path(path or CUES_PATH).read_text(encoding="utf-8")
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) < 3 or cols[0] == "reason":
            continue
        table.setdefault((cols[0].strip(), cols[1].strip()), []).append(cols[2].strip())
    cues = Cues()
    by_kind: dict[str, dict[str, list[str]]] = {}
    for (reason, kind), phrases in table.items():
        by_kind.setdefault(kind, {})[reason] = phrases
    # A heading phrase also opens a section when text follows it on the same line, so starts include them.
    start_phrases: dict[str, list[str]] = {}
    for kind in ("start", "heading"):
        for reason, phrases in by_kind.get(kind, {}).items():
            start_phrases.setdefault(reason, []).extend(phrases)
    for reason, phrases in start_phrases.items():
        cues.starts[reason] = _compile_alt(phrases, anchored=True)
    for reason, phrases in by_kind.get("heading", {}).items():
        cues.headings[reason] = _compile_alt(phrases, anchored=True)
    for kind, target in (("cue", cues.cues), ("marker", cues.markers), ("continue", cues.continues)):
        for reason, phrases in by_kind.get(kind, {}).items():
            target[reason] = _compile_alt(phrases, anchored=False)
    for reason, phrases in by_kind.get("line", {}).items():
        cues.lines[reason] = frozenset(_line_key(p) for p in phrases)
    return cues


# --------------------------------------------------------------------------------------------- lines


def _is_numeric_cell(cell: str) -> bool:
    return bool(_NUMERIC_CELL.match(cell))


def _is_prose_cell(cell: str) -> bool:
    return len(cell) > 100 and cell.count(" ") >= 14


def _clean_line(line: str) -> str:
    """One physical line: table rows become tab-separated cells, other lines single-spaced."""
    line = line.rstrip()
    if not line:
        return ""
    if "\t" in line or "   " in line.strip():
        cells = [_SPACES.sub(" ", c).strip() for c in _GAP.split(line)]
        cells = [c for c in cells if c]
        spaced_only = "\t" not in line
        # A space-laid row counts as a table row only when it has a number column; otherwise the wide gaps
        # are layout (centred headings, justified text).
        is_table = (
            len(cells) >= 2
            and not any(_is_prose_cell(c) for c in cells)
            and (not spaced_only or any(_is_numeric_cell(c) for c in cells[1:]))
        )
        if is_table:
            return "\t".join(cells)
        return " ".join(cells)
    return _SPACES.sub(" ", line).strip()


def is_table_line(line: str) -> bool:
    """A row of a tab- or pipe-laid table (after ``_clean_line`` a tab only survives inside table rows)."""
    if "\t" in line:
        return True
    # Pipes also separate dateline parts ("WALTHAM, MA, USA | June 15, 2011 | ImmunoGen ..."): a pipe row has
    # no prose cell.
    return line.count("|") >= 2 and not any(_is_prose_cell(c.strip()) for c in line.split("|"))


def _is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def _ends_open(line: str) -> bool:
    """The line stops mid-sentence: no terminal punctuation, last word a function word, or a comma."""
    if not line or line.endswith(_TERMINAL):
        return False
    if line.endswith((",", "&")) or (line.endswith("-") and line[-2:-1].isalpha()):
        return True  # (a dash after a space closes a subtitle: "- Company Provides Business Update -")
    last = line.rsplit(" ", 1)[-1].casefold()
    return last in _FUNCTION_WORDS


def _starts_lower(line: str) -> bool:
    c = line[:1]
    if not c.islower():
        return False
    first = line.split(" ", 1)[0]
    return "@" not in first and not first.startswith(("www.", "http"))  # an e-mail or URL line is not prose


def _is_wrapped(lines: list[str]) -> bool:
    """Is the text hard-wrapped (fixed-width lines that break mid-sentence)?"""
    long_lines = 0
    open_lines = 0
    for i, line in enumerate(lines[:-1]):
        if len(line) >= 45 and "\t" not in line:
            long_lines += 1
            if len(line) <= 100 and not line.endswith(_TERMINAL) and lines[i + 1]:
                open_lines += 1
    return open_lines >= 5 and open_lines >= 0.3 * long_lines


def _join_lines(a: str, b: str, wrapped: bool) -> str | None:
    """The two lines as one when ``b`` continues the sentence of ``a``; None when they stay apart."""
    if is_table_line(a) or _is_bullet(b):
        return None
    lower = _starts_lower(b)
    if is_table_line(b) and not lower:
        return None
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and lower:
        return a + b  # hyphenated word broken at the line end
    if lower and not a.endswith(":"):
        return a + " " + b
    if a.endswith(_TERMINAL):
        return None
    # A long line that stops on a lower-case word was cut mid-sentence even when the file is not wrapped
    # throughout (headlines end on capitalised words or numbers).
    last = a.rsplit(" ", 1)[-1]
    if _ends_open(a) or (wrapped and len(a) >= 45) or (len(a) >= 60 and last.isalpha() and last.islower()):
        return a + " " + b
    return None


def clean_text(text: str, *, html_tags: bool = True) -> str:
    """The cleaned body: what Document.text holds and every offset refers to.

    ``html_tags``: strip stray inline tags (``<u>``, ``<b>`` ...) that text exports of filings carry.
    """
    text = unescape(normalise_chars(text))
    if html_tags and "<" in text:
        text = _BR_TAG.sub("\n", text)
        text = _INLINE_TAG.sub("", text)
    drop = load_cues().lines.get("drop", frozenset())
    cleaned: list[str] = []
    for raw in text.split("\n"):
        line = _clean_line(raw)
        is_marker = len(line) <= 40 and _line_key(line) in drop
        if line and (is_marker or _PAGE_NUMBER.match(line) or _RULE.match(line)):
            line = ""  # a page number or marker line; the blank keeps the paragraph break it sat in
        cleaned.append(line)
    wrapped = _is_wrapped(cleaned)

    # Paragraphs = runs of non-blank lines; inside one, join lines that continue a sentence.
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in cleaned:
        if not line:
            if current:
                paragraphs.append(current)
                current = []
            continue
        if current:
            joined = _join_lines(current[-1], line, wrapped)
            if joined is not None:
                current[-1] = joined
                continue
        current.append(line)
    if current:
        paragraphs.append(current)

    # A paragraph cut by a page break ("... study. The" / "2" / "Phase I portion ...") is one paragraph.
    merged: list[list[str]] = []
    for para in paragraphs:
        if merged:
            a = merged[-1][-1]
            b = para[0]
            if (
                not is_table_line(a)
                and not is_table_line(b)
                and not _is_bullet(b)
                and len(a) >= 60
                and len(b) >= 40
                and (_ends_open(a) or (_starts_lower(b) and not a.endswith(_TERMINAL)))
            ):
                merged[-1][-1] = a + " " + b
                merged[-1].extend(para[1:])
                continue
        merged.append(para)
    return "\n\n".join("\n".join(p) for p in merged)


# --------------------------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset(
    "p div br tr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot caption blockquote pre section "
    "article header footer nav aside center hr address figure figcaption form fieldset main title body html "
    "page".split()
)
_DROP_TAGS = ("script", "style", "head", "noscript", "template", "svg", "object", "iframe")
_CELL_BULLETS = frozenset("• · ● ▪ ◦ - – — * o ï §".split())


def _cell_text(cell: Tag) -> str:
    return _WS.sub(" ", cell.get_text(" ")).strip()


def _row_text(row: Tag) -> str:
    cells = row.find_all(["td", "th"], recursive=False) or row.find_all(["td", "th"])
    texts = [t for t in (_cell_text(c) for c in cells) if t]
    if not texts:
        return ""
    # Layout tables (a bullet cell and a text cell, or a single cell) are prose, not a data table.
    if len(texts) == 1:
        return texts[0]
    if texts[0] in _CELL_BULLETS or re.fullmatch(r"\(?\w{1,3}[.)]", texts[0]):
        return texts[0] + " " + " ".join(texts[1:])
    if any(_is_prose_cell(t) for t in texts):
        return " ".join(texts)
    return "\t".join(texts)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(text, title) of an HTML page: block boundaries become newlines, table cells tabs.

    Uses the stdlib "html.parser" tree builder, which accepts malformed markup; the walk is iterative so a
    deeply nested page cannot exhaust the recursion limit.
    """
    with warnings.catch_warnings():
        # XHTML exhibits trip bs4's "looks like XML" warning; html.parser reads them fine.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    title = None
    if soup.title is not None:
        title = _WS.sub(" ", soup.title.get_text(" ")).strip() or None
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, NavigableString):
            if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            out.append(_WS.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name or ""
        if closing:
            if name in _BLOCK_TAGS:
                out.append("\n")
            elif name in ("td", "th"):
                out.append("\t")
            continue
        if name == "br":
            out.append("\n")
            continue
        if name == "tr":
            # One row a line: no blank line between rows, so a table stays one block.
            tail = next((c for c in reversed(out) if c.strip(" ")), "\n")
            out.append(("" if tail.endswith("\n") else "\n") + _row_text(node) + "\n")
            continue
        if name in _BLOCK_TAGS:
            out.append("\n")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    text = "".join(out)
    # All source whitespace became spaces above, so the remaining \n and \t are structure.
    lines = ["\t".join(c.strip() for c in line.split("\t")).strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    # Title tags of EDGAR exhibits are often just the file name ("dex991.htm"): not a title.
    if title and re.fullmatch(r"[\w.-]+\.(?:htm|html|txt)", title, re.I):
        title = None
    return text.strip("\n"), title


# --------------------------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH_RX = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_RX = (
    rf"(?:(?P<m1>{_MONTH_RX})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RX}),?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))(?!\d)"
)
DATE = re.compile(r"\b" + _DATE_RX, re.I)
# A date that opens its line ("Dec 7 2009", "June 1, 2014 at 11:24 AM EDT"), or a dateline: a short place
# prefix, the date, then a dash, pipe, slash or bracket ("CAMBRIDGE, MA, May 8, 2003 –",
# "TOKYO ..., March 28, 2019 /PRNewswire/ --", "WALTHAM, MA, USA | June 15, 2011 |").
_DATE_LINE = re.compile(r"^\W{0,3}" + _DATE_RX + r"(?:\s|$|[-–—|/(,])", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[^\n]{2,150}?)(?:[,;|.–—-]|\bI)\s*" + _DATE_RX + r"\s*(?:[-–—|/(]|I(?=\s)|$)", re.I
)


def _month(name: str) -> int:
    return _MONTHS[name.casefold()[:3]]


def parse_date(value: str | None) -> str | None:
    """'MAY 8, 2003', 'Dec 7 2009', '8 May 2003', '2003-05-08', '20030508' -> ISO 'YYYY-MM-DD'."""
    if not value:
        return None
    value = value.strip()
    m = re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = DATE.search(value)
        if not m:
            return None
        y, mo, d = _date_parts(m)
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _date_parts(m: re.Match[str]) -> tuple[int, int, int]:
    if m.group("y1"):
        return int(m.group("y1")), _month(m.group("m1")), int(m.group("d1"))
    if m.group("y2"):
        return int(m.group("y2")), _month(m.group("m2")), int(m.group("d2"))
    return int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))


def _iso(m: re.Match[str]) -> str | None:
    try:
        return _dt.date(*_date_parts(m)).isoformat()
    except ValueError:
        return None


def find_dateline(text: str, start: int = 0, limit: int = 6000) -> str | None:
    """The release date from its dateline, searched from ``start`` over the first ``limit`` characters."""
    end = min(len(text), start + limit)
    for line in text[start:end].split("\n"):
        line = line.strip()
        if not line or "\t" in line:
            continue
        m = _DATE_LINE.match(line) or _DATELINE.match(line)
        if m:
            iso = _iso(m)
            if iso:
                return iso
    return None


# --------------------------------------------------------------------------------------------- skip spans


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


def _is_short(line: str, max_len: int = 80) -> bool:
    return len(line) <= max_len and line.count(" ") < 12


def _is_prose(line: str) -> bool:
    if is_table_line(line):
        return False
    return len(line) > 160 or (line.endswith((".", "!", "?")) and line.count(" ") >= 7)


def _is_heading(cues: Cues, reason: str, line: str, rest_words: int = 3) -> bool:
    """A short line that is the heading phrase, perhaps with a few words more ("Webcast Information:")."""
    m = cues.heading(reason, line)
    if not m or not _is_short(line, 100) or line.endswith("."):
        return False
    return len(line[m.end():].strip(" :-–—").split()) <= rest_words


def _is_contacts_start(cues: Cues, line: str) -> bool:
    m = cues.start("contacts", line)
    if not m:
        return False
    rest = line[m.end():]
    if rest.startswith("s"):
        rest = rest[1:]
    return rest.lstrip().startswith(":") or (len(line) <= 60 and not rest.strip()[:1].islower())


def _section_stop(cues: Cues, line: str) -> bool:
    """A line that opens another section, which ends the current one."""
    return (
        _is_heading(cues, "section", line, rest_words=10)
        or _is_heading(cues, "release-start", line)
        or _is_heading(cues, "conference-call", line)
        or _is_heading(cues, "safe-harbor", line)
        or _is_contacts_start(cues, line)
    )


def _next_nonblank(lines: list[_Line], i: int, count: int) -> list[int]:
    out = []
    j = i + 1
    while j < len(lines) and len(out) < count:
        if lines[j].text:
            out.append(j)
        j += 1
    return out


def _contacts_spans(lines: list[_Line], cues: Cues) -> list[tuple[int, int, str]]:
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
            if _is_short(u) and not _is_prose(u):
                ahead = _next_nonblank(lines, k, 5)
                hit = False
                for j in ahead:
                    v = lines[j].text
                    if len(v) <= 200 and _has_contact(v):
                        hit = True
                        break
                    if not _is_short(v) or _section_stop(cues, v):
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
) -> list[tuple[int, int, str]]:
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


def _conference_spans(lines: list[_Line], cues: Cues) -> list[tuple[int, int, str]]:
    def opens(t: str) -> bool | None:
        if _is_heading(cues, "conference-call", t):
            return True
        return False if cues.distinct("conference-call", t) >= 2 else None

    return _block_spans(
        lines,
        "conference-call",
        opens,
        stops=lambda u: _section_stop(cues, u),
        # After its heading, a block goes on while lines talk of the call.
        continues=lambda u: cues.distinct("conference-call", u) >= 1,
    )


def _safe_harbor_spans(lines: list[_Line], cues: Cues) -> list[tuple[int, int, str]]:
    def opens(t: str) -> bool | None:
        if _is_heading(cues, "safe-harbor", t):
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


def _table_spans(lines: list[_Line], cues: Cues) -> list[tuple[int, int, str]]:
    spans = []
    n = len(lines)
    i = 0
    while i < n:
        t = lines[i].text
        fin_heading = bool(t) and cues.has("cues", "table", t) and not _is_prose(t)
        if not t or not (is_table_line(t) or fin_heading):
            i += 1
            continue
        first = i
        # Title lines right above a financial statement ("ImmunoGen, Inc. – Fiscal Year 2003 ...") go with it.
        if fin_heading:
            back = [j for j in range(i - 1, max(-1, i - 8), -1) if lines[j].text][:3]
            for j in back:
                v = lines[j].text
                if _is_short(v, 100) and not _is_prose(v) and not _section_stop(cues, v):
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
            if is_table_line(u) or (cues.has("cues", "table", u) and not _is_prose(u)):
                rows += is_table_line(u)
                last = k
                k += 1
                continue
            # Row labels and sub-headings between rows ("LIABILITIES AND STOCKHOLDERS' EQUITY") stay inside.
            if not _is_prose(u) and _is_short(u, 160) and not _section_stop(cues, u):
                ahead = _next_nonblank(lines, k, 4)
                if any(is_table_line(lines[j].text) for j in ahead):
                    last = k
                    k += 1
                    continue
            break
        if rows:
            spans.append((lines[first].start, lines[last].end, "table"))
        i = last + 1
    return spans


def _cover_span(lines: list[_Line], cues: Cues) -> list[tuple[int, int, str]]:
    """The SEC form text before the press release (8-K cover, items, signatures, exhibit index)."""
    head = [ln for ln in lines[:80] if ln.text]
    if not head:
        return []
    cover_hits = sum(1 for ln in head if cues.has("cues", "filing-cover", ln.text))
    form = any(re.search(r"\bFORM\s+(?:8|6)-K\b", ln.text, re.I) for ln in head[:30])
    if not (form and cover_hits >= 2):
        # An exhibit page that opens with its label ("Exhibit 99.1") and nothing else of the form.
        first = head[0]
        if _is_heading(cues, "release-start", first.text) and re.match(r"\W*ex", first.text, re.I):
            return [(first.start, first.end, "filing-cover")]
        return []
    sig = next((j for j, ln in enumerate(lines) if _is_heading(cues, "filing-cover", ln.text)), None)
    registrant = next(
        (j for j, ln in enumerate(lines) if re.search(r"exact name of registrant", ln.text, re.I)), 0
    )
    start_at = sig if sig is not None else registrant
    end_line = None
    for j in range(start_at + 1, len(lines)):
        u = lines[j].text
        if not u:
            continue
        is_label = _is_heading(cues, "release-start", u) and not is_table_line(u)
        if is_label or _is_contacts_start(cues, u) or _DATELINE.match(u) or _DATE_LINE.match(u):
            if _DATE_LINE.match(u) and re.match(r"\W*date\s*:", u, re.I):
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
    if _is_heading(cues, "release-start", lines[end_line].text) and re.match(
        r"\W*ex", lines[end_line].text, re.I
    ):
        end = lines[end_line].end
    return [(head[0].start, end, "filing-cover")]


def _resolve(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted, non-overlapping spans: a span inside another is dropped, a partial overlap is clipped."""
    out: list[tuple[int, int, str]] = []
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


def find_skip_spans(text: str, cues: Cues | None = None) -> list[tuple[int, int, str]]:
    """(start, end, reason) ranges of ``text`` that extraction should not read; offsets index ``text``."""
    cues = cues or load_cues()
    lines = _lines(text)
    spans: list[tuple[int, int, str]] = []
    spans += _cover_span(lines, cues)
    spans += _contacts_spans(lines, cues)
    spans += _conference_spans(lines, cues)
    spans += _safe_harbor_spans(lines, cues)
    spans += _table_spans(lines, cues)
    return _strip_spans(text, _resolve(spans))


def _strip_spans(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = []
    for s, e, r in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e, r))
    return out


def iter_kept(text: str, spans: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    """The (start, end) ranges of ``text`` outside the skip spans (spans sorted, as find_skip_spans gives)."""
    pos = 0
    for s, e, _ in spans:
        if s > pos:
            yield pos, s
        pos = max(pos, e)
    if pos < len(text):
        yield pos, len(text)


_ADDRESS = re.compile(
    r"\b(?:street|st\.|avenue|ave\.|road|suite|floor|p\.?o\. box)\b|\b\d{5}(?:-\d{4})?$",
    re.I
)


def guess_title(text: str, spans: list[tuple[int, int, str]], cues: Cues | None = None) -> str | None:
    """A headline for a document without a header: a short, wordy line before the dateline, outside the
    skip spans; the first after a "FOR IMMEDIATE RELEASE" / "NEWS RELEASE" label when there is one."""
    cues = cues or load_cues()
    candidates: list[str] = []
    for s, e in iter_kept(text, spans):
        for line in text[s:e].split("\n"):
            line = line.strip()
            if not line:
                continue
            if _DATE_LINE.match(line) and len(line) <= 60:
                continue  # a date on its own line ("May 20, 2002") sits above or below the headline
            if len(line) > 250 or _DATELINE.match(line) or _DATE_LINE.match(line):
                return candidates[0] if candidates else None  # the body has begun
            if _is_heading(cues, "release-start", line):
                candidates = []  # the headline follows the label
                continue
            if (
                is_table_line(line)
                or line.count(" ") < 3
                or _is_bullet(line)
                or line.startswith(("–", "—"))
                or _ADDRESS.search(line)
            ):
                continue
            candidates.append(line)
    return candidates[0] if candidates else None
