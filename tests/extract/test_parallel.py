"""``jobs``: extraction on worker processes gives the single-process output, in the same order, and
unreadable files are still reported one by one. Releases are invented (tests/extract/parallel_docs.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from parallel_docs import as_json, documents, write_releases

from pharmakg import api
from pharmakg.cli import main
from pharmakg.extract import parallel
from pharmakg.extract.parallel import MIN_DOCUMENTS_PER_JOB

# Enough documents that two jobs really start two worker processes, and a last batch that is not full.
N_DOCS = 2 * MIN_DOCUMENTS_PER_JOB + 3


@pytest.mark.parametrize("threads, start", [(1, "fork"), (2, "forkserver")])
def test_two_jobs_extract_what_one_does_in_the_same_order(
    threads: int, start: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers are forked from a process without other threads, else they start from a fork server.
    monkeypatch.setattr(parallel.threading, "active_count", lambda: threads)
    assert parallel._context().get_start_method() == start
    docs = documents(N_DOCS)
    one = as_json(api.extract(docs, jobs=1))
    two = as_json(api.extract(docs, jobs=2))
    assert two == one
    assert [json.loads(x)["document"] for x in two] == [d.name for d in docs]
    assert sum(bool(json.loads(x)["relations"]) for x in one) > N_DOCS // 2  # the releases state relations


def test_a_few_documents_with_two_jobs_run_in_process_with_the_same_output() -> None:
    docs = documents(3)
    assert as_json(api.extract(docs, jobs=2)) == as_json(api.extract(docs, jobs=1))


def test_unreadable_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = write_releases(tmp_path / "in", N_DOCS)
    (folder / "release010.txt").write_bytes(b"%PDF-1.4\x00\x01\x02 binary")
    (folder / "zz-broken.txt").write_bytes(b"%PDF-1.4\x00\x01\x02 binary")
    errors: list[str] = []
    stats = api.BatchStats()
    out = list(api.extract([folder], jobs=2, on_error=lambda e: errors.append(str(e)), stats=stats))
    assert len(out) == N_DOCS - 1 and "release010" not in [x.document.name for x in out]
    assert len(errors) == 2 and "release010.txt" in errors[0] and "zz-broken.txt" in errors[1]
    assert (stats.documents, stats.failed) == (N_DOCS - 1, 2)


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(api.extract(documents(1), jobs=0))


def test_cli_extract_and_build_with_jobs(tmp_path: Path) -> None:
    folder = write_releases(tmp_path / "in", N_DOCS)
    runner = CliRunner()
    one = runner.invoke(main, ["extract", str(folder), "--jobs", "1", "-q"])
    two = runner.invoke(main, ["extract", str(folder), "-j", "2", "-q"])
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.output == one.output and len(one.output.splitlines()) == N_DOCS
    built = runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / "kg.nq"), "--jobs", "2", "-q"])
    assert built.exit_code == 0, built.output
    assert f"{N_DOCS} documents" in built.output
    assert runner.invoke(main, ["extract", str(folder), "--jobs", "0"]).exit_code == 2
