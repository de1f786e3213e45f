"""The entity page of ``pharmakg serve``: names, facts and evidence sentences of a resource, linked from the
query page's results (issue 10)."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from html import unescape

import pytest
from browser import open_url  # tests/ is on sys.path (pytest rootdir conftest)

from pharmakg.graph.store import KnowledgeGraph
from pharmakg.serve import SparqlServer


@pytest.fixture
def server(gold_kg, tmp_path) -> Iterator[SparqlServer]:
    kg = KnowledgeGraph.open(gold_kg.save(tmp_path / "kg.nq"))
    served = SparqlServer(kg.store, port=0, timeout=20, limit=10_000)
    served.start()
    yield served
    served.stop()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _entity_links(page: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="(/entity\?[^"]+)"', page)]


def test_result_iris_link_to_an_entity_page_with_names_facts_and_evidence(server) -> None:
    query = "/?" + urllib.parse.urlencode({"example": "compounds-by-target", "target": "CD56"})
    status, page = _get(server.url + query)
    links = _entity_links(page)
    assert status == 200 and links  # the compoundIri column
    iri = urllib.parse.parse_qs(urllib.parse.urlsplit(links[0]).query)["iri"][0]
    status, entity = _get(server.url + links[0])
    assert status == 200
    assert "<h1>huN901-DM1</h1>" in entity and f"<code>{iri}</code>" in entity
    names, facts, evidence = re.split(r"<h2>(?:Facts|Evidence)</h2>", entity.split("<h2>Names</h2>")[1])
    assert "<td>COMPOUND</td>" in names
    assert "targets" in facts and ">CD56<" in facts  # the target, linked to its own page
    assert "<td>TARGETS</td>" in evidence and "CD56" in evidence  # a statement with its sentence
    assert all(link.startswith("/entity?iri=") for link in _entity_links(facts))


def test_unknown_and_malformed_iris(server) -> None:
    status, page = _get(server.url + "/entity?" + urllib.parse.urlencode({"iri": "https://example.org/none"}))
    assert status == 404 and "says nothing" in page
    status, page = _get(server.url + "/entity?" + urllib.parse.urlencode({"iri": "not an iri <x>"}))
    assert status == 400 and "<x>" not in page


def test_the_entity_page_in_chromium(server, tmp_path) -> None:
    query = "/?" + urllib.parse.urlencode({"example": "compounds-by-target", "target": "CD56"})
    link = _entity_links(_get(server.url + query)[1])[0]
    dom = open_url(server.url + link, tmp_path, "--dump-dom").stdout
    assert "<h1>huN901-DM1</h1>" in dom and "<h2>Evidence</h2>" in dom and "<script" not in dom
