"""Bad input files, made by the tests: each case is a file name, its bytes and what reading it must give.

``expect`` is ``"read"`` (a Document whose text holds ``must_contain``) or ``"error"`` (one IngestError
naming the file, its reason matching ``reason``). The release text is invented.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RELEASE = (
    "Acme Therapeutics, Inc. Announces Phase 2 Start for ACM-101\n\n"
    "BOSTON, March 3, 2020 -- Acme Therapeutics, Inc. (Nasdaq: ACME) today announced that ACM-101, an "
    "antibody-drug conjugate that targets CD33, entered a Phase 2 trial in acute myeloid leukemia.\n\n"
    "Acme licensed ACM-101 to Betapharm AG for $10 million.\n"
)
# the sentence that gives the TARGETS fact, as it must come out of every readable variant
FACT_TEXT = "ACM-101, an antibody-drug conjugate that targets CD33"


@dataclass(frozen=True)
class Case:
    name: str  # file name (may hold spaces, unicode)
    content: Callable[[], bytes]
    expect: str  # "read" or "error"
    reason: str = ""  # regex the error reason must match
    must_contain: str = FACT_TEXT  # for "read": text the document must hold

    def write(self, folder: Path) -> Path:
        """The file in ``folder``. Readable variants get a line of their own, so that no two are one
        document (same content, same doc_id) and each gives its own extraction."""
        path = folder / self.name
        raw = self.content()
        if self.expect == "read" and raw.startswith(RELEASE.encode()):
            raw += f"\nFile {self.name!r} ends here.\n".encode()
        path.write_bytes(raw)
        return path


def _html(body: str) -> bytes:
    return f"<html><head><title>ACM-101</title></head><body>{body}</body></html>".encode()


def _paragraphs_html() -> str:
    return "".join(f"<p>{p}</p>" for p in RELEASE.split("\n\n"))


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("release.txt", RELEASE)
    return buf.getvalue()


def _curly_cp1252() -> bytes:
    text = RELEASE.replace("Acme licensed", "\u201cAcme\u201d licensed").replace(
        "ACM-101 to", "ACM-101\u00ae (Acmecon\u2122) to"
    )
    return text.encode("cp1252")


def _latin1() -> bytes:
    return (RELEASE + "Acme's partner in Zürich, Société Générale, said «nothing».\n").encode("latin-1")


def _control_chars() -> bytes:
    return RELEASE.replace("today announced", "today\x0b announced\x07").encode()


def _deep_html(depth: int = 10_000) -> bytes:
    return ("<div>" * depth + _paragraphs_html() + "</div>" * depth).encode()


def _xxe() -> bytes:
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe;</p>'
        + _paragraphs_html()
        + "</body></html>"
    ).encode()


def _malformed_html() -> bytes:
    body = (
        "<p>" + RELEASE.split("\n\n")[0] + "<div><b>unclosed"
        "<script>var x = '<p>ACM-999 targets CD19</p>';</script>"
        "<!-- ACM-998 targets CD20 --><![CDATA[ ACM-997 targets CD22 ]]>"
        "<p>" + RELEASE.split("\n\n")[1] + "<p>" + RELEASE.split("\n\n")[2] + "<table><tr><td>open"
    )
    return body.encode()


def _edgar_broken() -> bytes:
    return (
        "<SEC-DOCUMENT>0000000000-20-000001.txt : 20200303\n<SEC-HEADER>\n"
        "COMPANY CONFORMED NAME:\t\tACME THERAPEUTICS INC\nCONFORMED SUBMISSION TYPE:\t8-K\n"
        "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 8.01 Other Events.\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n" + RELEASE + "\n</TEXT>\n"
        "<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 logo.jpg\n"
    ).encode()


def _edgar_no_documents() -> bytes:
    return (
        b"<SEC-DOCUMENT>0000000000-20-000002.txt : 20200303\n<SEC-HEADER>\n<TYPE>8-K\n"
        b"COMPANY CONFORMED NAME:\t\tACME THERAPEUTICS INC\n</SEC-HEADER>\n</SEC-DOCUMENT>\n"
    )


def _pre_exhibit() -> bytes:
    return _html("<pre>" + RELEASE + "</pre>")


CASES: tuple[Case, ...] = (
    Case("empty.txt", lambda: b"", "error", r"empty file"),
    Case("whitespace.txt", lambda: b" \n\t\r\n   \n", "error", r"empty file"),
    Case("whitespace.htm", lambda: b"<html><body> <p> </p></body></html>", "error", r"no text"),
    Case("fake.htm", lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "error", r"PDF"),
    Case("image.txt", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error", r"PNG"),
    Case("archive.txt", lambda: gzip.compress(RELEASE.encode()), "error", r"gzip"),
    Case("archive.htm", _zip, "error", r"ZIP"),
    Case("program.txt", lambda: b"\x7fELF\x02\x01\x01" + bytes(64), "error", r"executable"),
    Case("utf16le.txt", lambda: b"\xff\xfe" + RELEASE.encode("utf-16-le"), "read"),
    Case("utf16be.txt", lambda: b"\xfe\xff" + RELEASE.encode("utf-16-be"), "read"),
    Case("bom.txt", lambda: b"\xef\xbb\xbf" + RELEASE.encode(), "read"),
    Case("cp1252.txt", _curly_cp1252, "read", must_contain="\u201cAcme\u201d licensed ACM-101\u00ae"),
    Case("latin1.txt", _latin1, "read", must_contain="Zürich"),
    Case("nul.txt", lambda: RELEASE.encode().replace(b"today", b"to\x00day"), "error", r"NUL"),
    Case("control.txt", _control_chars, "read"),
    Case("malformed.html", _malformed_html, "read"),
    Case("deep.html", _deep_html, "read"),
    Case("entity.xhtml", _xxe, "read"),
    Case("edgar_broken.txt", _edgar_broken, "read"),
    Case("edgar_empty.txt", _edgar_no_documents, "error", r"."),
    Case("pre exhibit.htm", _pre_exhibit, "read"),
    Case("tagless.htm", lambda: RELEASE.encode(), "read"),
    Case("space name ünïcode™.txt", lambda: RELEASE.encode(), "read"),
    Case("new\nline.txt", lambda: RELEASE.encode(), "read"),
    Case("empty\nline.txt", lambda: b"", "error", r"empty file"),
    Case("long_line.txt", lambda: b"A" * 2_000_000, "read", must_contain="AAAA"),
    Case(
        "huge.txt",
        lambda: (RELEASE.encode() + b"\n") * (50 * 1024 * 1024 // len(RELEASE)),
        "error",
        r"too large",
    ),
)
