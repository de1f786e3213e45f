"""A question that can list thousands of rows answers a page by default, says how many rows the whole answer
has, and answers every row when asked for all: the same through the API, the text for a SPARQL client, the
command line and the query page of ``pharmakg serve`` (issue 10)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.graph.queries import DEFAULT_PAGE, bound_query, list_queries, page_size_slots, query_info
from pharmakg.serve.endpoint import SparqlService
from pharmakg.serve.page import render_page

PAGED = [name for name, _title, _params in list_queries() if page_size_slots(query_info(name).text)]


def test_the_paged_questions() -> None:
    assert {"pipeline", "documents"} <= set(PAGED)


@pytest.mark.parametrize("name", ["pipeline", "documents"])
def test_a_question_answers_a_page_with_the_total(corpus_graph, name) -> None:
    every = corpus_graph.run(name, {"limit": "all"})
    assert len(every) > DEFAULT_PAGE  # seeds + dev + dev2 list more than a page
    assert every.total == len(every) and not every.is_page
    first = corpus_graph.run(name)
    assert first.rows == every.rows[:DEFAULT_PAGE] and first.total == len(every) and first.is_page
    last = corpus_graph.run(name, {"offset": DEFAULT_PAGE})
    assert last.rows == every.rows[DEFAULT_PAGE:] and last.offset == DEFAULT_PAGE and last.is_page
    assert corpus_graph.run(name, {"limit": 3, "offset": 1}).total == len(every)


def test_the_total_follows_the_parameters(corpus_graph) -> None:
    company = corpus_graph.run("pipeline", {"company": "ImmunoGen"})  # (seeds + dev + dev2: 82 compounds)
    assert 0 < len(company) == company.total < DEFAULT_PAGE and not company.is_page
    assert corpus_graph.run("pipeline", {"company": "ImmunoGen", "limit": "all"}).rows == company.rows


def test_the_text_for_a_sparql_client_asks_for_the_same_page() -> None:
    assert f"LIMIT {DEFAULT_PAGE}" in bound_query("pipeline")
    assert "LIMIT 7 OFFSET 3" in bound_query("pipeline", {"limit": 7, "offset": 3})
    every = bound_query("pipeline", {"limit": "all"})
    assert "# page: LIMIT ?limit" in every and f"LIMIT {DEFAULT_PAGE}" not in every


def test_the_command_line_says_it_shows_a_page(corpus_graph, tmp_path) -> None:
    corpus_nq = tmp_path / "kg.nq"
    corpus_graph.save(corpus_nq)
    runner = CliRunner()
    paged = runner.invoke(main, ["query", "documents", "-g", str(corpus_nq), "--format", "csv"])
    assert paged.exit_code == 0, paged.output
    assert len(paged.stdout.strip().splitlines()) == 1 + DEFAULT_PAGE
    assert f"rows 1 to {DEFAULT_PAGE} of" in paged.stderr and "-p limit=all" in paged.stderr
    every = runner.invoke(
        main, ["query", "documents", "-g", str(corpus_nq), "-p", "limit=all", "--format", "csv"]
    )
    assert every.exit_code == 0 and "note:" not in every.stderr
    assert len(every.stdout.strip().splitlines()) > 1 + DEFAULT_PAGE


def test_the_query_page_shows_a_page_with_the_total(corpus_graph) -> None:
    service = SparqlService(corpus_graph.store, timeout=20, limit=10_000)
    try:
        status, html = render_page(service, {"example": "documents"})
        total = len(corpus_graph.run("documents", {"limit": "all"}))
        assert status == 200 and f"{DEFAULT_PAGE} rows</p>" in html
        assert f"A page of {DEFAULT_PAGE} rows from row 0 of {total}" in html
        status, html = render_page(service, {"example": "documents", "limit": "all"})
        assert status == 200 and f"{total} rows</p>" in html and "A page of" not in html
    finally:
        service.close()
