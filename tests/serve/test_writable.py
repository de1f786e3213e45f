"""``pharmakg serve --writable``: SPARQL updates over HTTP into a store folder, one writer at a time."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from pharmakg import api
from pharmakg.graph.bookkeeping import StoreLocked
from pharmakg.serve import make_server

RELEASE = (
    "title: Helix news\ndate: 2024-03-01\n\nHelix Pharmaceuticals is developing ZB-12 in a Phase 2 trial.\n"
)
ASK = "ASK { <urn:pkg:test> <urn:pkg:says> 'added over HTTP' }"


def _post(url: str, body: bytes, media: str) -> int:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": media, "Accept": "text/csv"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _ask(url: str) -> bool:
    query = urllib.parse.urlencode({"query": ASK})
    request = urllib.request.Request(
        f"{url}/query?{query}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return b"true" in response.read()


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    (tmp_path / "helix.txt").write_text(RELEASE, encoding="utf-8")
    api.build([tmp_path / "helix.txt"], tmp_path / "store")
    return tmp_path / "store"


def test_updates_are_applied_published_and_seen_by_other_readers(store: Path, tmp_path: Path) -> None:
    server = make_server(store, port=0, writable=True)
    server.start()
    try:
        update = b"INSERT DATA { <urn:pkg:test> <urn:pkg:says> 'added over HTTP' }"
        assert _post(f"{server.url}/update", update, "application/sparql-update") == 204
        assert _ask(server.url)
        # another process's view (a snapshot) sees it while the server still runs
        assert api.open_graph(store, read_only=True).query(ASK)
        # one writer: a build waits for the server, with the usual message
        with pytest.raises(StoreLocked, match="another pharmakg build"):
            api.build([tmp_path / "helix.txt"], store)
        form = urllib.parse.urlencode(
            {"update": "DELETE DATA { <urn:pkg:test> <urn:pkg:says> 'added over HTTP' }"}
        )
        assert _post(f"{server.url}/update", form.encode(), "application/x-www-form-urlencoded") == 204
        assert not _ask(server.url)
        assert _post(f"{server.url}/update", b"INSERT DATA { oops", "application/sparql-update") == 400
        service = b"INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
        assert _post(f"{server.url}/update", service, "application/sparql-update") == 400
    finally:
        server.stop()
    api.build([tmp_path / "helix.txt"], store)  # the lock went with the server


def test_read_only_servers_refuse_updates_at_every_path(store: Path) -> None:
    server = make_server(store, port=0)
    server.start()
    try:
        for path in ("/update", "/query"):
            status = _post(server.url + path, b"DROP ALL", "application/sparql-update")
            assert status == 403
        assert api.open_graph(store, read_only=True).documents()
    finally:
        server.stop()


def test_only_a_store_folder_is_served_writable(store: Path, tmp_path: Path) -> None:
    graph_file = api.open_graph(store, read_only=True).save(tmp_path / "kg.nq")
    with pytest.raises(ValueError, match="store folder"):
        make_server(graph_file, port=0, writable=True)
