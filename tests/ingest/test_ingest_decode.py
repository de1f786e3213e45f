"""Bytes to text: encodings, and files that are not text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmakg.ingest import IngestError, read_document


def test_unreadable_files_raise_ingest_error_naming_the_file(tmp_path: Path) -> None:
    cases = {
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "nul.txt": b"Acme licensed\x00\x00 X-1",
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n  ",
        "controls.txt": bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 50 + b"abc",
        "undecodable.txt": bytes(range(128, 256)) * 20,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(IngestError) as info:
            read_document(tmp_path / name)
        assert name in str(info.value)
        assert info.value.path == str(tmp_path / name)
    with pytest.raises(IngestError, match="empty"):
        read_document(tmp_path / "blank.txt")
    with pytest.raises(IngestError, match="binary"):
        read_document(tmp_path / "image.txt")
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "missing.txt")


def test_encodings(tmp_path: Path) -> None:
    text = "CAMBRIDGE, MA, May 8, 2003 – Acme’s drug X-1 entered Phase I.\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    for name in ("bom.txt", "cp1252.txt"):
        doc = read_document(tmp_path / name)
        assert doc.text.startswith("CAMBRIDGE") and "Acme’s" in doc.text
        assert doc.date == "2003-05-08"
