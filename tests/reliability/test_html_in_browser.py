"""Every HTML output opened in headless Chromium with document text that would run if it were markup.

The map, the timeline, the query page with results and the entity page are drawn from a graph whose names
and evidence sentences hold script and image payloads. A payload that ran would change ``document.title``
or fetch from the listener on 127.0.0.1; a page that loaded a remote resource would reach it too (every
host name resolves to the listener). The test reads the DOM after the page's scripts have run.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

from browser import open_url, run_browser

from pharmakg.graph.network import to_networkx
from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.timeline import write_html as write_timeline
from pharmakg.graph.viz.page import write_html as write_map
from pharmakg.model import Document, Entity, Extraction, Mention, Relation
from pharmakg.serve.server import SparqlServer

TITLE = "pharmakg-page"


def _hostile_graph(port: int) -> KnowledgeGraph:
    """A dated compound, its developer and a licensee whose names and sentence are injection attempts."""
    beacon = f"http://evil.example:{port}/beacon"
    compound = f"ZB-12<img src={beacon} onerror=\"document.title='pwned'\">"
    company = "Helix <script>document.title='pwned'</script> Pharma"
    partner = f"Orbit<svg onload=\"document.title='pwned'\"><image href='{beacon}'/></svg> Bio"
    text = (
        f"{compound} entered Phase 2 under {company}. {partner} licensed {compound} from {company} "
        f"</script><script>document.title='pwned'</script>."
    )
    doc = Document(doc_id="hostile-2", name="hostile<i>.txt", text=text, date="2024-05-06")

    def mention(name: str, start: int = 0) -> Mention:
        at = text.index(name, start)
        return Mention(at, at + len(name), name)

    ex = Extraction(
        document=doc,
        entities=[
            Entity(id="c", type="COMPOUND", name=compound, mentions=[mention(compound)]),
            Entity(id="h", type="COMPANY", name=company, mentions=[mention(company)]),
            Entity(id="o", type="COMPANY", name=partner, mentions=[mention(partner)]),
        ],
        relations=[
            Relation(type="IN_PHASE", subject="c", value="Phase 2"),
            Relation(type="DEVELOPED_BY", subject="c", object="h"),
            Relation(type="LICENSED_TO", subject="c", object="o"),
            Relation(type="PARTNER_OF", subject="h", object="o"),
        ],
    )
    kg = KnowledgeGraph.open()
    kg.add_extractions([ex])
    return kg


def _browse(url: str, tmp_path: Path, port: int) -> str:
    """The DOM of ``url`` after its scripts ran; every host name but 127.0.0.1 leads to the listener."""
    rules = f"--host-resolver-rules=MAP * 127.0.0.1:{port}, EXCLUDE 127.0.0.1"
    proc = open_url(url, tmp_path, "--dump-dom", rules, budget_ms=5000)
    assert proc.returncode == 0 and "</html>" in proc.stdout.lower(), proc.stderr[-2000:]
    return proc.stdout


# Chromium's own background calls (clock, components; plain HTTP or a TLS hello naming the host) reach the
# listener too: they are not the page's.
BROWSER_HOSTS = re.compile(rb"[a-z0-9.-]*\.(?:google|gstatic|googleapis|gvt1)\.com", re.I)


def _page_requests(seen: list[bytes]) -> list[bytes]:
    return [r for r in seen if not BROWSER_HOSTS.search(r)]


def _title(dom: str) -> str:
    found = re.search(r"<title>(.*?)</title>", dom, re.S | re.I)
    return found.group(1) if found else ""


def _assert_inert(dom: str, seen: list[bytes], shown: str) -> None:
    assert _title(dom).strip() != "pwned"  # a payload that ran sets exactly this title
    assert _page_requests(seen) == [], "the page made a request"
    assert shown in dom  # the hostile text is on the page, as text


def test_map_and_timeline_files_run_no_document_text(tmp_path: Path, tcp_listener) -> None:
    port, seen = tcp_listener
    kg = _hostile_graph(port)
    pages = {
        "map": write_map(to_networkx(kg), tmp_path / "map.html", title=TITLE),
        "timeline": write_timeline(kg, tmp_path / "timeline.html", title=TITLE),
    }
    for name, page in pages.items():
        proc = run_browser(page, tmp_path / name, "--dump-dom", budget_ms=5000)
        assert proc.returncode == 0, proc.stderr[-2000:]
        dom = proc.stdout
        assert _title(dom) == TITLE, name
        assert "<script>document.title" not in dom, name
    # file pages get the listener through a host name too: reload both with the resolver rules
    for name, page in pages.items():
        dom = _browse(page.resolve().as_uri(), tmp_path / f"{name}-net", port)
        assert _title(dom) == TITLE and _page_requests(seen) == [], name


def test_query_page_and_entity_page_run_no_document_text(tmp_path: Path, tcp_listener) -> None:
    port, seen = tcp_listener
    kg = _hostile_graph(port)
    server = SparqlServer(kg.store, port=0)
    server.start()
    try:
        query = "SELECT ?s ?name WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }"
        dom = _browse(f"{server.url}/?{urllib.parse.urlencode({'query': query})}", tmp_path / "q", port)
        _assert_inert(dom, seen, "document.title=")  # shown as escaped text in the results table
        assert "Helix" in dom and "ZB-12" in dom
        iris = sorted(set(re.findall(r"/entity\?iri=([^\"'&<> ]+)", dom)))
        assert iris, "the results link to entity pages"
        for n, iri in enumerate(iris):
            page = _browse(f"{server.url}/entity?iri={iri}", tmp_path / f"e{n}", port)
            _assert_inert(page, seen, "document.title=")
    finally:
        server.stop()
