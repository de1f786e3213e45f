"""Repairs of press-release and filing text: the cleaned body that extraction reads and offsets index.

``clean_text`` normalises characters, unescapes ``\\$`` and character references (``&reg;``), drops page
numbers, rules and "-financials follow-" markers, joins hard-wrapped lines and page-broken paragraphs, and
keeps table rows with tab-separated cells. It works line by line with compiled regexes, so the cost is
linear in the size of the file.
"""

from __future__ import annotations

import html
import re

from pharmakg.ingest.cues import line_key, load_cues
from pharmakg.ingest.layout import (
    TERMINAL,
    ends_open,
    is_bullet,
    is_numeric_cell,
    is_prose_cell,
    is_table_line,
    spaced_bullet,
    spaced_dateline,
    starts_lower,
)

# --------------------------------------------------------------------------------------------- characters

# fmt: off
_CHAR_MAP: dict[int, str | None] = {
    0xA0: " ", 0x2007: " ", 0x202F: " ", 0x2009: " ", 0x200A: " ", 0x2002: " ", 0x2003: " ", 0x2004: " ",
    0x2005: " ", 0x2006: " ", 0x2008: " ", 0x205F: " ", 0x3000: " ",
    0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0xAD: None,
    0x2028: "\n", 0x2029: "\n", 0x0C: "\n", 0x0B: "\n", 0x85: "\n",
}
# fmt: on
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
# Code and embedded objects in a text file (an HTML fragment pasted into a release, or an attack): the
# element goes with its content, and a stray opening or closing tag goes, so no name absorbs markup.
_CODE_OPEN = re.compile(r"<(script|style|noscript|template)\b[^<>]{0,300}>", re.I)
_CODE_TAG = re.compile(r"</?(?:script|style|noscript|template|iframe|object|embed|svg)\b[^<>]{0,300}>", re.I)
_SPACES = re.compile(r"[ \t]+")
_GAP = re.compile(r"\t| {3,}")  # cell separators of tab- or space-laid tables
_PAGE_NUMBER = re.compile(r"^[(\[-]?\s*(?:page\s+)?\d{1,3}\s*(?:of\s+\d{1,3})?\s*[)\]-]?$", re.I)
_RULE = re.compile(r"^[-=_*~.\s]{3,}$")


# A character reference left in a text file (a web page saved or pasted as text, a converter's output):
# "Korvix&reg;", "Johnson &amp; Johnson", "Helix&#8217;s". Only well-formed references, with their semicolon;
# "AT&T", "R&D" and an unknown "&name;" stay as they are.
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _char_ref(m: re.Match[str]) -> str:
    decoded = html.unescape(m.group(0))
    # the decoded character is normalised like any other ("&nbsp;" is a space, "&shy;" nothing)
    return decoded if decoded == m.group(0) else _ODD_CHARS.sub(_odd_char, decoded)


def decode_char_refs(text: str) -> str:
    """``Korvix&reg;`` -> ``Korvix®``: the HTML character references of a text file, decoded."""
    return _CHAR_REF.sub(_char_ref, text) if "&" in text else text


def normalise_chars(text: str) -> str:
    """Newlines to \\n, odd spaces to plain spaces, invisible and control characters removed."""
    return _ODD_CHARS.sub(_odd_char, text.replace("\r\n", "\n").replace("\r", "\n"))


def unescape(text: str) -> str:
    r"""``\$4.6 million`` -> ``$4.6 million`` (and the other markdown escapes converters leave)."""
    return _ESCAPED.sub(r"\1", text)


def clean_line(line: str) -> str:
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
            and not any(is_prose_cell(c) for c in cells)
            and (not spaced_only or any(is_numeric_cell(c) for c in cells[1:]))
        )
        if is_table:
            return "\t".join(cells)
        return " ".join(cells)
    return spaced_bullet(spaced_dateline(_SPACES.sub(" ", line).strip()))


def _is_wrapped(lines: list[str]) -> bool:
    """Is the text hard-wrapped (fixed-width lines that break mid-sentence)?"""
    long_lines = 0
    open_lines = 0
    for i, line in enumerate(lines[:-1]):
        if len(line) >= 45 and "\t" not in line:
            long_lines += 1
            if len(line) <= 100 and not line.endswith(TERMINAL) and lines[i + 1]:
                open_lines += 1
    return open_lines >= 5 and open_lines >= 0.3 * long_lines


def _join_lines(a: str, b: str, wrapped: bool) -> str | None:
    """The two lines as one when ``b`` continues the sentence of ``a``; None when they stay apart."""
    if is_table_line(a) or is_bullet(b):
        return None
    lower = starts_lower(b)
    if is_table_line(b) and not lower:
        return None
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and lower:
        return a + b  # hyphenated word broken at the line end
    if wrapped and len(a) >= 45 and a.endswith("-") and a[-2].isalnum() and b[:1].isupper():
        return a + b  # a wrap after the hyphen of a name: "HuMax-" / "TAC-ADC", "Bristol-" / "Myers"
    if lower and not a.endswith(":"):
        return a + " " + b
    if a.endswith(TERMINAL):
        return None
    # A long line that stops on a lower-case word was cut mid-sentence even when the file is not wrapped
    # throughout (headlines end on capitalised words or numbers).
    last = a.rsplit(" ", 1)[-1]
    if ends_open(a) or (wrapped and len(a) >= 45) or (len(a) >= 60 and last.isalpha() and last.islower()):
        return a + " " + b
    return None


def _drop_code_elements(text: str) -> str:
    """``<script>...</script>`` (and style, noscript, template) removed with their content; linear: once a
    closing tag is known to be missing after some point, later openings of that element are not searched."""
    out: list[str] = []
    pos = 0
    unclosed_after: dict[str, int] = {}  # element -> position after which it has no closing tag
    for m in _CODE_OPEN.finditer(text):
        if m.start() < pos:
            continue
        name = m.group(1).lower()
        if m.end() >= unclosed_after.get(name, len(text) + 1):
            continue  # the stray tag itself goes with _CODE_TAG
        close = re.compile(rf"</{name}\s*>", re.I).search(text, m.end())
        if close is None:
            unclosed_after[name] = m.end()
            continue
        out.append(text[pos : m.start()])
        pos = close.end()
    out.append(text[pos:])
    return "".join(out)


def clean_text(text: str, *, html_tags: bool = True) -> str:
    """The cleaned body: what Document.text holds and every offset refers to.

    ``html_tags``: the content is text, not an HTML page: strip stray inline tags (``<u>``, ``<b>`` ...) that
    text exports of filings carry, and decode character references (an HTML page's are decoded already).
    """
    text = unescape(normalise_chars(text))
    if html_tags and "<" in text:
        text = _BR_TAG.sub("\n", text)
        text = _INLINE_TAG.sub("", text)
        text = _CODE_TAG.sub("", _drop_code_elements(text))
    if html_tags:  # after the tags: a decoded "&lt;b&gt;" is text, not markup to strip
        text = decode_char_refs(text)
    lines = _clean_lines(text)
    paragraphs = _join_paragraph_lines(lines, wrapped=_is_wrapped(lines))
    return "\n\n".join("\n".join(p) for p in _join_page_breaks(paragraphs))


def _clean_lines(text: str) -> list[str]:
    """Each line cleaned; page numbers, rules and marker lines become blank lines."""
    drop = load_cues().lines.get("drop", frozenset())
    cleaned: list[str] = []
    for raw in text.split("\n"):
        line = clean_line(raw)
        is_marker = len(line) <= 40 and line_key(line) in drop
        if line and (is_marker or _PAGE_NUMBER.match(line) or _RULE.match(line)):
            line = ""  # a page number or marker line; the blank keeps the paragraph break it sat in
        cleaned.append(line)
    return cleaned


def _join_paragraph_lines(lines: list[str], wrapped: bool) -> list[list[str]]:
    """Paragraphs = runs of non-blank lines; inside one, lines that continue a sentence are joined."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
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
    return paragraphs


def _join_page_breaks(paragraphs: list[list[str]]) -> list[list[str]]:
    """A paragraph cut by a page break ("... study. The" / "2" / "Phase I portion ...") is one paragraph."""
    merged: list[list[str]] = []
    for para in paragraphs:
        if merged:
            a = merged[-1][-1]
            b = para[0]
            if (
                not is_table_line(a)
                and not is_table_line(b)
                and not is_bullet(b)
                and len(a) >= 60
                and len(b) >= 40
                and (ends_open(a) or (starts_lower(b) and not a.endswith(TERMINAL)))
            ):
                merged[-1][-1] = a + " " + b
                merged[-1].extend(para[1:])
                continue
        merged.append(para)
    return merged
