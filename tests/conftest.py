"""Shared pytest fixtures, and the CI guard: under CI a skipped test fails the run.

Nothing here depends on a machine path: the seed gold ships in ``tests/fixtures/gold_seeds``; the shared
corpus is looked for beside the clone (``../shared/corpus``), where CI lays it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from repo_paths import FIXTURES, SHARED

# The seed gold files (the annotation contract's JSON), shipped with the tests.
SEEDS = FIXTURES / "gold_seeds"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # an expected failure (strict xfail: a known gap, named with its reason) runs; only a skip did not
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI every test must run: a skip there means a missing corpus, browser or tool that CI is meant to
    have, and a green run that skipped would hide it (a user's clone without ../shared may skip)."""
    if in_ci() and _skipped and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if in_ci() and _skipped:
        terminalreporter.write_line(
            f"CI: {len(_skipped)} test(s) skipped, and in CI every test must run: {', '.join(_skipped[:10])}",
            red=True,
        )


# ---- graph fixtures: gold_extractions, gold_kg -----------------------------------------------------------


@pytest.fixture(scope="session")
def gold_extractions():
    """Extractions read from the seed gold files (no evidence, no attrs), sorted by document name."""
    from pharmakg.model import Extraction

    paths = sorted(SEEDS.glob("*.gold.json"))
    if not paths:
        pytest.skip(f"no gold files in {SEEDS}")
    return [Extraction.from_contract(json.loads(p.read_text(encoding="utf-8"))) for p in paths]


@pytest.fixture
def gold_kg(gold_extractions):
    """An in-memory KnowledgeGraph of the seed gold (a fresh one per test: tests may modify it)."""
    from pharmakg.graph.store import KnowledgeGraph

    kg = KnowledgeGraph.open()
    kg.add_extractions(gold_extractions)
    return kg


# ---- end of graph fixtures ------------------------------------------------------------------------------


# ---- corpus fixtures: corpus_dir, corpus_kg -----------------------------------------------------------
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus folder (seeds/ and dev/), or a skip when it is not beside the clone."""
    if not (CORPUS / "seeds").is_dir() or not (CORPUS / "dev").is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (expected seeds/ and dev/ beside the clone)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_kg(corpus_dir):
    """A KnowledgeGraph built by the real pipeline (ingest, extraction, graph) from the shared corpus
    seeds and dev documents; one per session, so tests must not modify it."""
    from pharmakg import api

    stats = api.BatchStats()
    kg = api.build([corpus_dir / "seeds", corpus_dir / "dev"], on_error="skip", stats=stats)
    if not stats.documents:
        pytest.skip(f"no readable documents in {corpus_dir}")
    return kg


# ---- end of corpus fixtures -----------------------------------------------------------------------------
