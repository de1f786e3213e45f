"""pharmakg.api: the library facade over ingest, extraction and the graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmakg import api
from pharmakg.model import Document

RELEASE = (
    "Alphagen Inc. Announces Dosing in Phase 1 Trial of ALG-101\n\n"
    "BOSTON, March 3, 2021 -- Alphagen Inc. today announced that the first patient was dosed in a Phase 1 "
    "trial of ALG-101, an antibody-drug conjugate that targets HER2, in patients with gastric cancer.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "release.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"%PDF-1.4\x00\x01\x02 binary")
    return tmp_path


def test_extract_streams_one_extraction_per_readable_file_and_counts(folder: Path) -> None:
    stats = api.BatchStats()
    errors: list[str] = []
    out = list(api.extract([folder], on_error=lambda e: errors.append(str(e)), stats=stats))
    assert [x.document.name for x in out] == ["release"]
    assert len(errors) == 1 and "broken.txt" in errors[0]
    assert (stats.documents, stats.failed) == (1, 1)
    names = {(e.type, e.name) for e in out[0].entities}
    assert {("COMPOUND", "ALG-101"), ("TARGET", "HER2")} <= names
    assert any(t == "COMPANY" and n.startswith("Alphagen") for t, n in names)
    assert stats.relations == len(out[0].relations) > 0


def test_on_error_raise_stops_at_the_unreadable_file(folder: Path) -> None:
    from pharmakg.ingest import IngestError

    with pytest.raises(IngestError, match="broken.txt"):
        list(api.extract(folder / "broken.txt", on_error="raise"))


def test_on_error_rejects_unknown_policies(folder: Path) -> None:
    with pytest.raises(ValueError, match="on_error"):
        list(api.extract(folder, on_error="ignore"))  # type: ignore[arg-type]


def test_extract_accepts_documents_already_read() -> None:
    doc = Document(doc_id="d1", name="invented", text=RELEASE)
    (x,) = api.extract(iter([doc]))
    assert x.document is doc and any(r.type == "TARGETS" for r in x.relations)


def test_build_saves_a_queryable_graph_and_reopens_it(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "kg.nq"
    kg = api.build([folder], out, on_error="skip")
    assert out.is_file() and len(kg) > 0
    again = api.open_graph(out)
    rows = again.run("compounds-by-target", {"target": "HER2"}).records()
    assert [r["compound"] for r in rows] == ["ALG-101"]


def test_build_into_a_store_folder_and_append(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    api.build([folder / "release.txt"], store)
    other = tmp_path / "other.txt"
    other.write_text(RELEASE.replace("ALG-101", "ALG-202").replace("HER2", "TROP2"), encoding="utf-8")
    kg = api.build([other], store, append=True)
    assert len(kg.documents()) == 2
    assert api.open_graph(store).run("compounds-by-target", {"target": "TROP2"}).records()


def test_build_writes_nothing_when_no_document_is_readable(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "kg.nq"
    api.build([folder / "broken.txt"], out, on_error="skip")
    assert not out.exists()
