"""The command line on the real package: seed releases in, contract JSON, graphs, answers and HTML out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pharmakg.cli import corpus_dir, format_result, format_table, main
from pharmakg.model import ENTITY_TYPES, RELATION_TYPES

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "pharmakg" / "data" / "corpus"
SEED_2006 = CORPUS / "immunogen_2006_11_02_q1_fy2007_results.txt"
SEED_2014 = CORPUS / "immunogen_2014_04_imgn853_dosing.txt"


def run(*args: str | Path):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def built_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus built once into N-Quads for the query and viz tests."""
    path = tmp_path_factory.mktemp("kg") / "kg.nq"
    result = run("build", CORPUS, "-o", path)
    assert result.exit_code == 0, result.output + result.stderr
    return path


# ------------------------------------------------------------------------------------------------ extract


def test_extract_seed_prints_contract_json() -> None:
    result = run("extract", SEED_2006)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["document"] == SEED_2006.stem
    assert obj["date"] == "2006-11-02"
    ids = {e["id"] for e in obj["entities"]}
    assert obj["entities"] and all(e["type"] in ENTITY_TYPES for e in obj["entities"])
    assert all(r["type"] in RELATION_TYPES and r["subject"] in ids for r in obj["relations"])
    assert any(e["name"].lower() == "hun901-dm1" or "huN901-DM1" in e["aliases"] for e in obj["entities"])


def test_extract_json_format_is_an_array(tmp_path: Path) -> None:
    out = tmp_path / "pred.json"
    result = run("extract", SEED_2006, SEED_2014, "--format", "json", "-o", out)
    assert result.exit_code == 0, result.stderr
    items = json.loads(out.read_text(encoding="utf-8"))
    assert [i["document"] for i in items] == [SEED_2006.stem, SEED_2014.stem]


def test_bad_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_2006, folder / "a_good.txt")
    (folder / "b_bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01")
    shutil.copy(SEED_2014, folder / "c_good.txt")
    result = run("extract", folder)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "b_bad.txt" in errors[0]
    docs = [json.loads(line)["document"] for line in result.stdout.strip().splitlines()]
    assert docs == ["a_good", "c_good"]


# ------------------------------------------------------------------------------------------------ build


@pytest.mark.parametrize("name", ["kg.ttl", "kg.nq", "kg.jsonld", "kg.trig", "store"])
def test_build_writes_each_format(tmp_path: Path, name: str) -> None:
    from pharmakg.graph.store import KnowledgeGraph

    out = tmp_path / name
    result = run("build", SEED_2014, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "1 documents" in result.stdout and "triples" in result.stdout
    assert out.is_dir() if name == "store" else out.is_file()
    kg = KnowledgeGraph.open(out)
    assert len(kg) > 0


def test_build_append_adds_to_the_graph(tmp_path: Path) -> None:
    from pharmakg.graph.store import KnowledgeGraph

    out = tmp_path / "kg.nq"
    assert run("build", SEED_2014, "-o", out).exit_code == 0
    first = len(KnowledgeGraph.open(out))
    assert run("build", SEED_2006, "-o", out, "--append").exit_code == 0
    assert len(KnowledgeGraph.open(out)) > first


def test_build_with_only_bad_files_leaves_the_output_alone(tmp_path: Path) -> None:
    out = tmp_path / "kg.nq"
    assert run("build", SEED_2014, "-o", out).exit_code == 0
    before = out.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("build", bad, "-o", out)
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr
    assert out.read_bytes() == before


def test_build_into_a_store_is_incremental_with_a_summary(tmp_path: Path) -> None:
    folder, store = tmp_path / "in", tmp_path / "store"
    folder.mkdir()
    shutil.copy(SEED_2006, folder)
    shutil.copy(SEED_2014, folder)
    first = run("build", folder, "-o", store)
    assert first.exit_code == 0, first.stderr
    assert "2 documents read (2 new, 0 changed), 0 unchanged, 0 failed, 0 pruned" in first.stdout
    (folder / SEED_2014.name).unlink()
    again = run("build", folder, "-o", store, "--prune")
    assert "0 documents read (0 new, 0 changed), 1 unchanged, 0 failed, 1 pruned" in again.stdout
    assert "quads +0 -" in again.stdout and "quads +0 -0" not in again.stdout
    appended = run("build", folder, "-o", store, "--append")
    assert appended.exit_code == 0 and "not needed for a store folder" in appended.stderr


def test_build_prune_needs_a_store(tmp_path: Path) -> None:
    result = run("build", SEED_2014, "-o", tmp_path / "kg.nq", "--prune")
    assert result.exit_code == 2 and "--prune" in result.stderr


def test_a_second_writer_of_a_store_gets_one_line(tmp_path: Path) -> None:
    from pharmakg.graph.bookkeeping import store_lock

    store = tmp_path / "store"
    with store_lock(store):
        result = run("build", SEED_2014, "-o", store)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {store}: another pharmakg build (pid {os.getpid()}) is writing this store; "
        "run again when it has finished"
    ]


@pytest.mark.parametrize("name", ["kg.json", "kg.xyz", "kg.rdf"])
def test_build_refuses_a_suffix_it_cannot_write(tmp_path: Path, name: str) -> None:
    result = run("build", SEED_2014, "-o", tmp_path / name)
    assert result.exit_code == 2
    assert Path(name).suffix in result.stderr and ".ttl, .nq, .trig, .jsonld, .nt" in result.stderr
    assert not (tmp_path / name).exists()


# ------------------------------------------------------------------------------------------------ query


def test_query_list_shows_the_bundled_queries() -> None:
    from pharmakg.graph.queries import list_queries

    names = [name for name, *_ in list_queries()]
    assert "compounds-by-target" in names
    result = run("query", "--list")
    assert result.exit_code == 0
    for name in names:
        assert name in result.stdout


def test_query_by_name_with_param_as_csv_and_json(built_graph: Path) -> None:
    result = run(
        "query", "compounds-by-target", "--param", "target=CD56", "--graph", built_graph, "--format", "csv"
    )
    assert result.exit_code == 0, result.stderr
    assert "huN901-DM1".lower() in result.stdout.lower()

    result = run("query", "compounds-by-target", "-p", "target=CD56", "-g", built_graph, "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert records and isinstance(records[0], dict)
    assert any("hun901-dm1" in json.dumps(r).lower() for r in records)


def test_query_pages_with_limit_and_offset(built_graph: Path) -> None:
    every = run("query", "pipeline", "--graph", built_graph, "--format", "json")
    page = run("query", "pipeline", "-p", "limit=2", "-p", "offset=1", "-g", built_graph, "--format", "json")
    assert every.exit_code == 0 and page.exit_code == 0, page.stderr
    assert json.loads(page.stdout) == json.loads(every.stdout)[1:3]
    result = run("query", "pipeline", "-p", "limit=two", "-g", built_graph)
    assert result.exit_code == 1 and "whole number" in result.stderr


def test_query_evidence_answers_a_page_of_the_full_answer(built_graph: Path) -> None:
    def ask(*params: str) -> list[dict]:
        args = [a for p in ("subject=huN901-DM1", *params) for a in ("-p", p)]
        result = run("query", "evidence", *args, "-g", built_graph, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    every = ask("limit=all")
    assert len(every) > 3
    assert ask() == every[:50] and ask("limit=2", "offset=1") == every[1:3]
    assert ask("relation=TARGETS", "object=CD56", "limit=all") == [
        r for r in every if r["relationType"] == "TARGETS" and r["objectName"] == "CD56"
    ]
    dates = [r["date"] or "" for r in every]  # grouped by document, the documents by date
    assert dates == sorted(dates)


def test_query_param_is_bound_not_pasted(built_graph: Path) -> None:
    # A value that would break out of a string literal if it were formatted into the query text.
    evil = 'CD56" } UNION { ?s ?p ?o } #'
    result = run(
        "query",
        "compounds-by-target",
        "--param",
        f"target={evil}",
        "--graph",
        built_graph,
        "--format",
        "json",
    )
    # the value is a name the graph does not hold: issue 7 makes that an error naming it, not an empty
    # answer; either way the text never became query structure (no rows of ?s ?p ?o)
    assert result.exit_code == 1, result.stderr
    assert "no entity named" in result.stderr and evil in result.stderr
    assert result.stdout == ""


def test_query_sparql_string_and_rq_file(built_graph: Path, tmp_path: Path) -> None:
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    result = run("query", sparql, "--graph", built_graph, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert int(json.loads(result.stdout)[0]["n"]) > 0

    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    result = run("query", rq, "--graph", built_graph)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].strip() == "n"


def test_query_rq_file_with_a_values_block_binds_the_param(built_graph: Path, tmp_path: Path) -> None:
    """An ad-hoc .rq file takes --param through the same VALUES block as the bundled questions."""
    rq = tmp_path / "names.rq"
    rq.write_text(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT DISTINCT ?e WHERE { VALUES ?name { UNDEF } ?e skos:altLabel ?l . "
        "FILTER(LCASE(STR(?l)) = LCASE(?name)) }",
        encoding="utf-8",
    )
    result = run("query", rq, "--param", "name=cd56", "--graph", built_graph, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [r["e"] for r in json.loads(result.stdout)] == ["https://w3id.org/pharmakg/resource/target/cd56"]


def test_query_names_a_missing_parameter(built_graph: Path) -> None:
    result = run("query", "compounds-by-target", "--graph", built_graph)
    assert result.exit_code == 1
    assert "target" in result.stderr


def test_query_unknown_name_says_what_exists(built_graph: Path) -> None:
    result = run("query", "no_such_query", "--graph", built_graph)
    assert result.exit_code == 2
    assert "no_such_query" in result.stderr and "known:" in result.stderr


# ------------------------------------------------------------------------------------------------ viz, demo


def test_viz_writes_html(built_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = run("viz", "--graph", built_graph, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert str(out) in result.stdout
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "CD56" in html


def test_demo_runs_into_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run("demo", "-o", out)
    assert result.exit_code == 0, result.stdout + result.stderr
    for name in ("kg.nq", "kg.ttl", "map.html"):
        assert (out / name).stat().st_size > 0
    assert "could not answer" not in result.stdout
    assert "CD56" in result.stdout and "DM4" in result.stdout
    assert str((out / "map.html").resolve()) in result.stdout


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pharmakg", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert "Usage: pharmakg" in proc.stdout
    for command in ("extract", "build", "query", "viz", "demo"):
        assert command in proc.stdout


def test_every_command_and_option_has_help() -> None:
    for name, command in main.commands.items():
        assert command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.name}"


# ------------------------------------------------------------------------------------------------ helpers


def test_bundled_corpus_is_package_data() -> None:
    # One copy, inside the package, so `pharmakg demo` works from a checkout and from a wheel alike.
    names = sorted(p.name for p in corpus_dir().glob("*.txt"))
    assert names == sorted(p.name for p in CORPUS.glob("*.txt")) and len(names) == 3


def test_format_table_aligns_numbers_right() -> None:
    text = format_table(["compound", "usd"], [("huN901-DM1", 2000000), ("AVE9633", None)])
    lines = text.splitlines()
    assert lines[0].split() == ["compound", "usd"]
    assert lines[2].index("2000000") + len("2000000") == len(lines[1])
    assert format_table(["a"], []).endswith("(no results)")
    assert format_result(["a", "b"], [("x,y", 1)], "csv") == 'a,b\n"x,y",1'
    assert json.loads(format_result(["a"], [("<b>",)], "json")) == [{"a": "<b>"}]
