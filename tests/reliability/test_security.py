"""No document text runs as code and no query reaches out: SPARQL SERVICE is refused on every query path,
and a dollar sign in a name is drawn as a dollar sign on the PNG timeline."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from pharmakg.cli import main
from pharmakg.graph.sparql_guard import ServiceRefused, uses_service
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.model import Document, Entity, Extraction, Mention, Relation
from pharmakg.serve import SparqlServer


@pytest.fixture
def listener(tcp_listener: tuple[int, list[bytes]]) -> tuple[str, list[bytes]]:
    """A SPARQL endpoint address on the listener: a SERVICE call would reach it."""
    port, seen = tcp_listener
    return f"http://127.0.0.1:{port}/sparql", seen


def _service_query(url: str) -> str:
    return f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
        ("select * { service silent <http://x/> { ?s ?p ?o } }", True),
        ("SELECT * { ?s ?p ?o . SERVICE ?endpoint { ?s ?q ?v } }", True),
        ('SELECT ?service WHERE { ?s ex:service "SERVICE" . <http://a/SERVICE> ?p ?o } # SERVICE', False),
        ("PREFIX service: <http://x/> SELECT * { ?s service:name 'a SERVICE b' }", False),
    ],
)
def test_service_keyword_is_found_as_a_keyword_only(query: str, refused: bool) -> None:
    assert uses_service(query) is refused


def test_service_refused_in_the_api_and_the_command_line(
    gold_kg: KnowledgeGraph, tmp_path: Path, listener: tuple[str, list[bytes]]
) -> None:
    url, seen = listener
    with pytest.raises(ServiceRefused, match="SERVICE"):
        gold_kg.query(_service_query(url))
    graph = gold_kg.save(tmp_path / "kg.nq")
    result = CliRunner().invoke(main, ["query", _service_query(url), "--graph", str(graph)])
    assert result.exit_code != 0 and "SERVICE" in result.output and "Traceback" not in result.output
    assert seen == []


def test_service_refused_by_the_server(gold_kg: KnowledgeGraph, listener: tuple[str, list[bytes]]) -> None:
    url, seen = listener
    server = SparqlServer(gold_kg.store, port=0)
    server.start()
    try:
        query = urllib.parse.urlencode({"query": _service_query(url)})
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(f"{server.url}/query?{query}", timeout=10)
        assert info.value.code == 400 and b"SERVICE" in info.value.read()
    finally:
        server.stop()
    assert seen == []


def test_dollar_signs_in_names_do_not_break_the_png_timeline(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="the PNG timeline needs the timeline-png extra")
    from pharmakg.graph.timeline import write_png

    name = "$ACM-101 (a $5 $$ product)"
    text = f"{name} entered Phase 1 under Dollar $Corp."
    doc = Document(doc_id="dollar-1", name="dollar", text=text, date="2020-02-03")
    ex = Extraction(
        document=doc,
        entities=[
            Entity(id="e1", type="COMPOUND", name=name, mentions=[Mention(0, len(name), name)]),
            Entity(
                id="e2",
                type="COMPANY",
                name="Dollar $Corp",
                mentions=[Mention(text.index("Dollar"), len(text) - 1, "Dollar $Corp")],
            ),
        ],
        relations=[
            Relation(type="IN_PHASE", subject="e1", value="Phase 1"),
            Relation(type="DEVELOPED_BY", subject="e1", object="e2"),
        ],
    )
    kg = KnowledgeGraph.open()
    kg.add_extractions([ex])
    out = write_png(kg, tmp_path / "t.png", title="Costs in $ and $$")
    assert out.stat().st_size > 2_000
