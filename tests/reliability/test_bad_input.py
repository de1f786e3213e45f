"""Bad input: every file is read correctly or gets one clear error line naming it, and the batch goes on.

The files are made here (tests/reliability/bad_inputs.py); the command line runs over all of them at once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bad_inputs import CASES, FACT_TEXT, RELEASE, Case

from pharmakg import api
from pharmakg.extract.limits import ExtractionFailed
from pharmakg.extract.pipeline import Extractor, build_pipeline
from pharmakg.ingest import IngestError, iter_documents, read_document
from pharmakg.model import Document

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("case", CASES, ids=[c.name.replace("\n", "\\n") for c in CASES])
def test_each_bad_file_is_read_or_one_clear_error(case: Case, tmp_path: Path) -> None:
    path = case.write(tmp_path)
    items = list(iter_documents([path]))
    assert len(items) == 1
    item = items[0]
    if case.expect == "error":
        assert isinstance(item, IngestError), f"{case.name} should be refused"
        assert str(path) in str(item) and "\n" not in item.reason
        assert re.search(case.reason, item.reason, re.I), item.reason
    else:
        assert isinstance(item, Document), f"{case.name}: {item}"
        assert case.must_contain in item.text


def _targets(extraction) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in extraction.entities}
    return {(names[r.subject], names[r.object]) for r in extraction.relations if r.type == "TARGETS"}


def test_readable_variants_give_their_facts(tmp_path: Path) -> None:
    """Encodings, BOMs, malformed, deep, <pre>-wrapped and tagless HTML all give the release's fact."""
    fact_cases = [c for c in CASES if c.expect == "read" and c.must_contain == FACT_TEXT]
    nlp = build_pipeline()
    errors: list[IngestError] = []
    for case in fact_cases:  # one at a time: several have the same text, which a batch reads once
        (x,) = api.extract(case.write(tmp_path), on_error=errors.append, nlp=nlp)
        assert ("ACM-101", "CD33") in _targets(x), case.name
    assert not errors


def test_script_and_comment_content_is_not_text(tmp_path: Path) -> None:
    doc = read_document(next(c for c in CASES if c.name == "malformed.html").write(tmp_path))
    assert "ACM-999" not in doc.text and "ACM-998" not in doc.text and "ACM-997" not in doc.text


def test_external_entity_is_never_resolved(tmp_path: Path) -> None:
    doc = read_document(next(c for c in CASES if c.name == "entity.xhtml").write(tmp_path))
    assert "root:" not in doc.text and "/etc/passwd" not in doc.text and "ENTITY" not in doc.text


def test_entity_names_never_absorb_markup(tmp_path: Path) -> None:
    f = tmp_path / "markup.txt"
    f.write_text(
        "Acme Therapeutics, Inc. today announced that SCR-202</script><script>alert(1)</script> targets "
        "CD33 in a Phase 1 trial.\n\nAcme licensed SCR-202 to Betapharm AG.\n",
        encoding="utf-8",
    )
    (x,) = api.extract([f])
    names = [n for e in x.entities for n in [e.name, *e.aliases]]
    assert "SCR-202" in names
    assert not any(c in n for n in names for c in "<>"), names


def test_bad_header_date_is_a_warning_not_a_crash(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    f = tmp_path / "dated.txt"
    f.write_text("source: test\ndate: 2020-13-45<b>\ntitle: T\n\n" + RELEASE, encoding="utf-8")
    doc = read_document(f)
    assert doc.date == "2020-03-03"  # from the dateline
    assert any("header date" in r.getMessage() and "dated.txt" in r.getMessage() for r in caplog.records)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "locked.txt"
    f.write_text(RELEASE, encoding="utf-8")
    f.chmod(0)
    try:
        items = list(iter_documents([f]))
    finally:
        f.chmod(0o644)
    if os.geteuid() == 0:  # root reads any file: the behaviour that holds is a correct read
        assert isinstance(items[0], Document)
    else:
        assert isinstance(items[0], IngestError) and "Permission denied" in items[0].reason

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    (item,) = iter_documents([f])
    assert isinstance(item, IngestError) and str(f) in str(item) and "Permission denied" in item.reason


def test_links_and_folders_named_like_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text(RELEASE, encoding="utf-8")
    items = list(iter_documents([tmp_path, tmp_path / "a.txt", tmp_path / "folder.txt"]))
    errors = sorted(Path(i.path).name for i in items if isinstance(i, IngestError))
    assert errors == ["a.txt", "a.txt", "b.txt", "gone.txt"]
    assert all("link" in i.reason for i in items if isinstance(i, IngestError))
    assert [i.name for i in items if isinstance(i, Document)] == ["inner"]  # once: the copy is skipped


def test_document_over_the_limits_fails_alone() -> None:
    def doc(name: str, text: str) -> Document:
        return Document(doc_id=name, name=name, text=text, path=f"/in/{name}.txt")

    docs = [doc("long", RELEASE * 20), doc("ok", RELEASE)]
    results = list(Extractor(max_chars=2000).results(docs))
    assert isinstance(results[0], ExtractionFailed) and "too long" in results[0].reason
    assert "/in/long.txt" in str(results[0])
    assert _targets(results[1]) == {("ACM-101", "CD33")}
    slow = list(Extractor(time_limit=0.01).results([doc("slow", RELEASE * 100), doc("ok", RELEASE)]))
    assert isinstance(slow[0], ExtractionFailed) and "time limit" in slow[0].reason
    errors: list[IngestError] = []
    stats = api.BatchStats()
    out = list(api.extract(docs, on_error=errors.append, stats=stats, time_limit=None))
    assert [x.document.name for x in out] == ["long", "ok"]  # the default character limit is far higher
    assert not errors and stats.failed == 0


def _run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pharmakg", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )


def test_command_line_batch_of_bad_files_goes_on(tmp_path: Path) -> None:
    """One run over every case: an error line per bad file (naming it), an extraction per good one, the
    summary and exit status 1; a path that does not exist or loops is one more error, not a usage error."""
    folder = tmp_path / "in"
    folder.mkdir()
    for case in CASES:
        case.write(folder)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    missing = tmp_path / "missing.txt"
    result = _run_cli("extract", folder, missing, folder / "loop.txt", "--jobs", "1", "--quiet")
    assert result.returncode == 1, result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    bad = [c.name.replace("\n", "\\n") for c in CASES if c.expect == "error"]  # one line each
    expected = sorted([*bad, "loop.txt", "loop.txt", "missing.txt"])
    assert sorted(Path(line.split(": ")[1]).name for line in error_lines) == expected
    assert "Traceback" not in result.stderr
    summary = result.stderr.splitlines()[-1]
    # variants with the same text are one document (read once): count what ingest makes of the folder
    documents = sum(isinstance(item, Document) for item in iter_documents([folder]))
    assert documents >= 8
    assert summary.startswith(f"extract: {documents} documents extracted, {len(expected)} failed: ")
    assert len(result.stdout.splitlines()) == documents


def test_time_limit_holds_in_worker_processes() -> None:
    """With --jobs, a document over the limit fails in its worker and the others come back in order."""
    docs = [
        Document(
            doc_id=f"d{i}", name=f"d{i}", text=RELEASE.replace("ACM-101", f"ACM-{200 + i}"), path=f"d{i}"
        )
        for i in range(40)
    ]
    # about 10 s of work against a 3 s limit; the releases take milliseconds, even on a loaded machine
    docs[20] = Document(doc_id="long", name="long", text="A" * 4_000_000, path="/in/long.txt")
    errors: list[IngestError] = []
    out = list(api.extract(docs, on_error=errors.append, jobs=2, time_limit=3.0))
    assert [x.document.name for x in out] == [d.name for d in docs if d.name != "long"]
    assert len(errors) == 1 and isinstance(errors[0], ExtractionFailed) and "/in/long.txt" in str(errors[0])
