"""HTML pages (EDGAR exhibits, press-release pages) to text: block boundaries become newlines, cells tabs.

The result goes through the same repairs as a plain-text release, so it only has to keep the structure a
release needs: paragraphs, list items as prose, data tables one row a line.
"""

from __future__ import annotations

import re
import warnings

from bs4 import (
    BeautifulSoup,
    CData,
    Comment,
    Declaration,
    Doctype,
    MarkupResemblesLocatorWarning,
    NavigableString,
    ProcessingInstruction,
    Tag,
    XMLParsedAsHTMLWarning,
)

from pharmakg.ingest.layout import is_prose_cell

_WS = re.compile(r"\s+")
_BLOCK_TAGS = frozenset(
    "p div br tr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot caption blockquote pre section "
    "article header footer nav aside center hr address figure figcaption form fieldset main title body html "
    "page".split()
)
_DROP_TAGS = ("script", "style", "head", "noscript", "template", "svg", "object", "iframe")
_CELL_BULLETS = frozenset("• · ● ▪ ◦ - – — * o ï §".split())
# Markup that is not text: comments, declarations and CDATA (a bogus comment in HTML: browsers show nothing).
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction, CData)
# Tags that lay text out; a page without any (a plain-text exhibit saved as .htm, maybe wrapped in
# <html><body>) keeps its own line breaks, as if it were one <pre>.
_LAYOUT_TAGS = sorted(_BLOCK_TAGS - {"html", "body", "title", "page"})


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
    if any(is_prose_cell(t) for t in texts):
        return " ".join(texts)
    return "\t".join(texts)


# An internal DTD subset (``<!DOCTYPE html [<!ENTITY x SYSTEM "file:///...">]>``): entities are never
# resolved (html.parser does not read DTDs), and the subset goes, or its tail would leak into the text.
_DTD_SUBSET = re.compile(r"<!DOCTYPE[^\[>]{0,500}\[[^\]]{0,100000}\]\s*>", re.I)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(text, title) of an HTML page: block boundaries become newlines, table cells tabs.

    Uses the stdlib "html.parser" tree builder, which accepts malformed markup; the walk is iterative so a
    deeply nested page cannot exhaust the recursion limit.
    """
    markup = _DTD_SUBSET.sub("", markup, count=1)
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
    text = _walk(soup, preformatted=soup.find(_LAYOUT_TAGS) is None)
    # All source whitespace became spaces in the walk, so the remaining \n and \t are structure.
    lines = ["\t".join(c.strip() for c in line.split("\t")).strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    # Title tags of EDGAR exhibits are often just the file name ("dex991.htm"): not a title.
    if title and re.fullmatch(r"[\w.-]+\.(?:htm|html|txt)", title, re.I):
        title = None
    return text.strip("\n"), title


def _preformatted_text(text: str) -> str:
    """Text of a <pre> (or a tagless page): its line breaks, and so its blank-line paragraphs, stay."""
    return re.sub(r"[^\S\n]", " ", text.replace("\r\n", "\n").replace("\r", "\n"))


def _walk(soup: BeautifulSoup, preformatted: bool = False) -> str:
    """The text of the tree in document order: newlines at block boundaries, tabs after cells, one line
    per table row; inside <pre> (or everywhere, ``preformatted``) the source line breaks stay."""
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(soup, False)]
    in_pre = 1 if preformatted else 0  # depth of <pre> elements around the node
    while stack:
        node, closing = stack.pop()
        if isinstance(node, NavigableString):
            if isinstance(node, _NOT_TEXT):
                continue
            out.append(_preformatted_text(str(node)) if in_pre else _WS.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name or ""
        if name == "pre":
            in_pre += -1 if closing else 1
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
    return "".join(out)


_PAGE_START = re.compile(r"\s*<(?:!doctype\s+html|html|\?xml)", re.I)


def is_html_page(text: str) -> bool:
    """Does the text open like an HTML or XHTML page (doctype, <html> or an XML declaration)?"""
    return bool(_PAGE_START.match(text[:500]))
