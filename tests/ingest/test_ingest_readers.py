"""Readers: the suffix registry, files and folders in, Documents or IngestErrors out, document ids."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ingest_helpers import FIX, SEED_2014, SEEDS

from pharmakg.ingest import (
    IngestError,
    content_id,
    decode_text,
    document_from_text,
    iter_documents,
    read_document,
    reader,
    readers,
    supported_suffixes,
)
from pharmakg.model import Document


def test_unsupported_suffix_named_directly_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "release.pdf"
    f.write_bytes(b"%PDF-1.4")
    items = list(iter_documents([f]))
    assert len(items) == 1 and isinstance(items[0], IngestError) and "release.pdf" in str(items[0])


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_text("Acme licensed X-1 to Beta.\n" * 200, encoding="utf-8")
    with pytest.raises(IngestError, match="too large") as info:
        read_document(f, max_bytes=1000)
    assert "huge.txt" in str(info.value)
    assert read_document(f).text  # under the default 20 MB limit
    items = list(iter_documents([f], max_bytes=1000))
    assert len(items) == 1 and isinstance(items[0], IngestError)


def test_iter_documents_goes_on_after_errors_and_yields_duplicates_once(tmp_path: Path) -> None:
    shutil.copy(SEED_2014, tmp_path / "a_release.txt")
    shutil.copy(SEED_2014, tmp_path / "b_same_release.txt")
    (tmp_path / "c_broken.htm").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "d_empty.txt").write_bytes(b"")
    sub = tmp_path / "sub"
    sub.mkdir()
    shutil.copy(FIX / "exhibit99_1.htm", sub / "e_exhibit.htm")
    (sub / "notes.json").write_text("{}", encoding="utf-8")  # unsupported suffix: not picked up
    items = list(iter_documents([tmp_path]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.name for d in docs] == ["a_release", "e_exhibit"]
    assert sorted(Path(e.path).name for e in errors) == ["c_broken.htm", "d_empty.txt"]
    assert all(Path(e.path).name in str(e) for e in errors)
    # A single path is accepted as well as a list.
    assert [d.name for d in iter_documents(SEED_2014)] == ["immunogen_2014_04_imgn853_dosing"]


def test_content_id_ignores_layout() -> None:
    assert content_id("Acme  licensed\nX-1.") == content_id("acme licensed x-1")
    assert content_id("Acme licensed X-1.") != content_id("Acme licensed X-2.")


def test_seed_corpus_reads() -> None:
    docs = list(iter_documents([SEEDS]))
    assert all(isinstance(d, Document) for d in docs)
    assert {d.name: d.date for d in docs} == {
        "immunogen_2003_05_08_q3_results": "2003-05-08",
        "immunogen_2006_11_02_q1_fy2007_results": "2006-11-02",
        "immunogen_2014_04_imgn853_dosing": "2014-04-07",
    }
    assert len({d.doc_id for d in docs}) == 3


def test_builtin_readers_are_registered_by_suffix() -> None:
    assert supported_suffixes() == (".txt", ".htm", ".html", ".xhtml")
    assert readers.READERS[".htm"] is readers.READERS[".html"]


def test_a_new_input_format_is_one_registered_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "release.md").write_text(
        "# Acme Licenses AC-1 to Beta Bio\n\n"
        "BOSTON, May 8, 2003 -- Acme Corp. licensed **AC-1** to Beta Bio, Inc. for $5 million.\n",
        encoding="utf-8",
    )
    assert list(iter_documents([tmp_path])) == []  # no reader for .md: a folder does not yield it
    unsupported = list(iter_documents([tmp_path / "release.md"]))
    assert isinstance(unsupported[0], IngestError) and "'.md'" in str(unsupported[0])

    # The registration lasts as long as this test: a copy of the registry is restored afterwards.
    monkeypatch.setattr(readers, "READERS", dict(readers.READERS))

    @reader(".md")
    def read_markdown(raw: bytes, path: Path) -> Document:
        text = decode_text(raw, path)
        text = re.sub(r"^#+\s*", "", text, flags=re.M).replace("**", "")  # headings and bold as plain text
        return document_from_text(text, path)

    assert ".md" in supported_suffixes()
    docs = list(iter_documents([tmp_path]))
    assert len(docs) == 1 and isinstance(docs[0], Document)
    doc = docs[0]
    assert doc.name == "release" and doc.title == "Acme Licenses AC-1 to Beta Bio"
    assert doc.date == "2003-05-08"
    assert "licensed AC-1 to Beta Bio" in doc.text and "#" not in doc.text
