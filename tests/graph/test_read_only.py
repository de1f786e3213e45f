"""A store folder opened read-only answers while another process builds it or serves it (issue 10)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from incremental_helpers import write_releases
from repo_paths import REPO

from pharmakg import api

# A build that writes one document per batch and prints a line after each, so the reader below knows the
# writer is in the middle of its work; it publishes a snapshot after every batch (interval 0).
_BUILD_SCRIPT = """
import sys
from pharmakg import api
from pharmakg.graph import incremental

def write_sources(kg, records, _write=incremental.write_sources):
    _write(kg, records)
    print("recorded", flush=True)

incremental.write_sources = write_sources
api.build([sys.argv[1]], sys.argv[2], batch_size=1, snapshot_interval=0)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}


def _documents(store: Path) -> int:
    kg = api.open_graph(store, read_only=True)
    return len(kg.run("documents").rows)


def test_reads_go_on_while_another_process_builds_the_store(tmp_path: Path) -> None:
    write_releases(tmp_path / "in", range(3))
    store = tmp_path / "store"
    api.build([tmp_path / "in"], store)
    reader = api.open_graph(store, read_only=True)  # held open by this process the whole time
    assert len(reader.run("documents").rows) == 3
    write_releases(tmp_path / "in", range(3, 12))
    writer = subprocess.Popen(
        [sys.executable, "-c", _BUILD_SCRIPT, str(tmp_path / "in"), str(store)],
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    seen = [3]
    for _ in writer.stdout:  # after each batch the writer records, open the store again and ask
        seen.append(_documents(store))
        assert len(reader.run("documents").rows) == 3  # an opened view keeps the files of its moment
    assert writer.wait(timeout=120) == 0
    assert seen == sorted(seen) and len(seen) == 10  # every batch seen, never a document lost
    assert _documents(store) == 12


def test_a_served_store_can_be_opened_and_queried_by_another_process(tmp_path: Path) -> None:
    write_releases(tmp_path / "in", range(4))
    store = tmp_path / "store"
    api.build([tmp_path / "in"], store)
    server = subprocess.Popen(
        [sys.executable, "-m", "pharmakg", "serve", str(store), "--port", "0"],
        env=_env(),
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stderr is not None
        match = re.search(r"(http://127\.0\.0\.1:\d+)/query", server.stderr.readline())
        assert match, "the server did not start"
        assert _documents(store) == 4  # opened beside the serving process
        request = urllib.request.Request(
            f"{match.group(1)}/query",
            data=b"SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/pharmakg/ontology#Document> }",
            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.read().decode().split() == ["n", "4"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        api.open_graph(tmp_path / "nothing-here", read_only=True)
    assert not (tmp_path / "nothing-here").exists()
