"""``pharmakg push`` into a real Oxigraph server (the ``oxigraph`` CLI, test extra) that the test starts."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.graph.queries import bound_query


def _oxigraph() -> str:
    """The oxigraph server binary: next to this Python (a venv's bin/) or on PATH; else a skip."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        pytest.skip("the Oxigraph server is missing: pip install oxigraph (in the test extra)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path) -> Iterator[str]:
    """A read-write Oxigraph server on 127.0.0.1 whose default graph is the union (as pharmakg queries it)."""
    port = _free_port()
    cmd = [_oxigraph(), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(
        [*cmd, "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _count(url: str, query: str) -> int:
    request = urllib.request.Request(
        url + "/query?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "text/csv"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return len(response.read().decode().splitlines()) - 1


@pytest.mark.parametrize("dataset", [False, True])
def test_push_loads_every_graph_into_oxigraph(gold_kg, tmp_path, oxigraph_server, dataset):
    nq = gold_kg.save(tmp_path / "kg.nq")
    args = ["push", str(nq), "--endpoint", oxigraph_server + "/store", *(["--dataset"] if dataset else [])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"pushed {len(gold_kg)} quads" in result.output
    every_quad = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    named = sum(1 for q in gold_kg.store if not isinstance(q.graph_name, ox.DefaultGraph))
    assert _count(oxigraph_server, every_quad) == named
    # the bundled questions, bound by the shared binder, answer on the other server as on ours
    for name, params in [("compounds-by-target", {"target": "CD56"}), ("pipeline", {"company": "ImmunoGen"})]:
        assert _count(oxigraph_server, bound_query(name, params)) == len(gold_kg.run(name, params))
    # pushing again replaces the graphs: nothing doubles
    assert CliRunner().invoke(main, args).exit_code == 0
    assert _count(oxigraph_server, every_quad) == named


def test_push_says_what_the_server_answered(gold_kg, tmp_path, oxigraph_server):
    nq = gold_kg.save(tmp_path / "kg.nq")
    result = CliRunner().invoke(main, ["push", str(nq), "--endpoint", oxigraph_server + "/no-such-path"])
    assert result.exit_code == 1 and "answered 404" in result.output
    result = CliRunner().invoke(main, ["push", str(nq), "--endpoint", "file:///etc/passwd"])
    assert result.exit_code == 1 and "http://" in result.output
