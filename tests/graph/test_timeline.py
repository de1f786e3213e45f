"""The phase timeline: rows from the graph, a PNG that shows something, an offline and escaped HTML page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import hex_rgb, non_white_share, screenshot
from click.testing import CliRunner

from pharmakg.graph.store import KnowledgeGraph
from pharmakg.graph.timeline import (
    UNKNOWN_COLOR,
    owner_colors,
    render_html,
    timeline_rows,
    write_html,
    write_png,
)
from pharmakg.model import Document, Entity, Extraction, Mention, Relation

HOSTILE = "<img src=x onerror=alert(1)>"


def _row(rows: list[dict], name: str) -> dict:
    found = [r for r in rows if r["compound"] == name]
    assert found, f"{name} not in {[r['compound'] for r in rows]}"
    return found[0]


@pytest.fixture
def hostile_kg() -> KnowledgeGraph:
    """A one-document graph whose compound name is an HTML injection attempt."""
    text = f"{HOSTILE} entered Phase 1 under Evil Corp <script>alert(2)</script>."
    doc = Document(doc_id="hostile-1", name="hostile<b>.txt", text=text, date="2020-02-03")
    start = 0
    company_at = text.index("Evil Corp")
    ex = Extraction(
        document=doc,
        entities=[
            Entity(id="e1", type="COMPOUND", name=HOSTILE, mentions=[Mention(start, len(HOSTILE), HOSTILE)]),
            Entity(
                id="e2",
                type="COMPANY",
                name="Evil Corp <script>alert(2)</script>",
                mentions=[Mention(company_at, len(text) - 1, text[company_at:-1])],
            ),
        ],
        relations=[
            Relation(type="IN_PHASE", subject="e1", value="Phase 1"),
            Relation(type="DEVELOPED_BY", subject="e1", object="e2"),
        ],
    )
    kg = KnowledgeGraph.open()
    kg.add_extractions([ex])
    return kg


def test_rows_from_gold(gold_kg: KnowledgeGraph) -> None:
    rows = timeline_rows(gold_kg)
    row = _row(rows, "huN901-DM1")
    dates = {r["date"] for r in row["records"]}
    assert {"2003-05-08", "2006-11-02"} <= dates
    assert row["first"] == "2003-05-08" and row["last"] == "2006-11-02"
    assert row["owner"] == "ImmunoGen"
    assert {r["phase"] for r in row["records"]} >= {"Phase 1"}
    assert all(r["document"] for r in row["records"])
    # owned by Genentech and Roche: the first alphabetically colours the row
    kadcyla = _row(rows, "Trastuzumab-DM1")  # Kadcyla: a code name is shown over a brand (issue 7)
    assert kadcyla["owners"] == ["Genentech", "Roche"] and kadcyla["owner"] == "Genentech"
    # rows come in order of their first date
    firsts = [r["first"] for r in rows if r["first"]]
    assert firsts == sorted(firsts)


def test_company_filter_takes_any_name(gold_kg: KnowledgeGraph) -> None:
    names = {r["compound"] for r in timeline_rows(gold_kg, "immunogen")}
    assert "huN901-DM1" in names and "Trastuzumab-DM1" not in names
    assert {r["compound"] for r in timeline_rows(gold_kg, "ROCHE")} == {"Trastuzumab-DM1"}
    assert timeline_rows(gold_kg, "no such company") == []


def test_unknown_owner_is_grey() -> None:
    rows = [{"owner": "unknown"}, {"owner": "A"}]
    assert owner_colors(rows)["unknown"] == UNKNOWN_COLOR
    assert owner_colors(rows)["A"] != UNKNOWN_COLOR


def test_png_is_written_and_not_blank(gold_kg: KnowledgeGraph, tmp_path: Path) -> None:
    Image = pytest.importorskip("PIL.Image")
    out = write_png(gold_kg, tmp_path / "sub" / "timeline.png", title="Gold")
    assert out.exists() and out.stat().st_size > 5_000
    img = Image.open(out).convert("RGB")
    assert len(img.getcolors(maxcolors=1 << 24)) > 2
    assert non_white_share(img) > 0.01


def test_png_without_matplotlib_names_the_extra(
    gold_kg: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails as if not installed
    with pytest.raises(ImportError, match=r"pharmakg\[timeline-png\]"):
        write_png(gold_kg, tmp_path / "timeline.png")
    assert write_html(gold_kg, tmp_path / "timeline.html").exists()  # the HTML timeline needs nothing


def test_html_is_self_contained(gold_kg: KnowledgeGraph, tmp_path: Path) -> None:
    out = write_html(gold_kg, tmp_path / "timeline.html")
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "huN901-DM1" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<script" not in page.lower()
    # a tooltip names the compound, the phase, the date and the document
    assert re.search(r"<title>huN901-DM1: [^<]*Phase 1[^<]*\ndate: 2006-11-02\ndocument: ", page)
    # year axis
    assert ">2004</text>" in page and ">2006</text>" in page


def test_hostile_names_are_escaped(hostile_kg: KnowledgeGraph) -> None:
    page = render_html(hostile_kg, title="<b>title</b>")
    assert "&lt;img" in page
    assert "<img src=x" not in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<b>title</b>" not in page and "hostile<b>" not in page


def test_screenshot_shows_content(gold_kg: KnowledgeGraph, tmp_path: Path) -> None:
    rows = timeline_rows(gold_kg)
    colors = owner_colors(rows)
    out = write_html(gold_kg, tmp_path / "timeline.html")
    img = screenshot(out, tmp_path / "shot.png", tmp_path, size=(1150, 700))
    assert non_white_share(img) > 0.02
    pixels = {colour for _n, colour in img.getcolors(maxcolors=1 << 24)}
    # the owners' dots are drawn in their colours
    assert hex_rgb(colors["ImmunoGen"]) in pixels
    assert hex_rgb(colors["Genentech"]) in pixels


def test_cli_timeline(gold_kg: KnowledgeGraph, tmp_path: Path) -> None:
    from pharmakg.cli import main

    graph = gold_kg.save(tmp_path / "kg.nq")
    runner = CliRunner()
    res = runner.invoke(main, ["timeline", "--graph", str(graph), "-o", str(tmp_path / "t.png")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "t.png").stat().st_size > 5_000
    res = runner.invoke(
        main, ["timeline", "-g", str(graph), "-o", str(tmp_path / "t.html"), "--company", "roche"]
    )
    assert res.exit_code == 0, res.output
    assert "1 compounds with a dated stage; 0 other" in res.output
    page = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert "Trastuzumab-DM1" in page and "huN901-DM1" not in page
    res = runner.invoke(main, ["timeline", "-g", str(graph), "-o", str(tmp_path / "t.svg")])
    assert res.exit_code != 0 and ".png or .html" in res.output


def test_both_outputs_on_the_corpus_graph(corpus_kg: KnowledgeGraph, tmp_path: Path) -> None:
    """The graph the real pipeline builds from ../shared/corpus (seeds and dev): PNG and HTML show it."""
    Image = pytest.importorskip("PIL.Image")
    rows = timeline_rows(corpus_kg)
    assert len(rows) >= 10
    assert {"ImmunoGen", "Seattle Genetics"} & {r["owner"] for r in rows}
    png = write_png(corpus_kg, tmp_path / "corpus.png")
    img = Image.open(png).convert("RGB")
    assert img.height > 400 and non_white_share(img) > 0.02
    page = write_html(corpus_kg, tmp_path / "corpus.html")
    text = page.read_text(encoding="utf-8")
    assert all(r["compound"] in text or "&" in r["compound"] for r in rows)
    shot = screenshot(page, tmp_path / "corpus_shot.png", tmp_path, size=(1150, 900))
    assert non_white_share(shot) > 0.02
    pixels = {colour for _n, colour in shot.getcolors(maxcolors=1 << 24)}
    colors = owner_colors(rows)
    assert hex_rgb(colors["ImmunoGen"]) in pixels


# Compounds a statement puts in a phase, by a document that has a date: what the timeline must draw,
# found through the statements rather than the phase records the timeline reads.
STAGED = """
SELECT DISTINCT ?c WHERE {
  ?a pkg:relationType "IN_PHASE" ; pkg:assertedSubject ?c ; prov:wasDerivedFrom ?doc .
  ?c a pkg:Compound . ?doc dcterms:date ?date .
}"""


def test_every_compound_with_a_dated_stage_is_drawn(corpus_kg: KnowledgeGraph, tmp_path: Path) -> None:
    """Issue 7 saw 18 of 34 compounds on seeds + dev: the other 16 had no phase statement in the graph
    (ralinepag's stage sat on an unmerged APD811 node then). Every staged compound has a row, and the
    page names the compounds without a stage instead of leaving them out silently."""
    from pharmakg.graph.timeline import compounds_without_stage

    rows = timeline_rows(corpus_kg)
    staged = {str(r[0]) for r in corpus_kg.query(STAGED).rows}
    assert {r["iri"] for r in rows if r["first"]} == staged
    names = {r["compound"] for r in rows}
    assert {"ralinepag", "Varlilumab", "lorvotuzumab mertansine", "brentuximab vedotin"} <= names
    others = compounds_without_stage(corpus_kg, rows)
    everything = corpus_kg.query("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a pkg:Compound }").rows[0][0]
    assert len(rows) + len(others) == int(everything)
    page = write_html(corpus_kg, tmp_path / "t.html").read_text(encoding="utf-8")
    drawn_rows = re.findall(r'text-anchor="end" fill="#222"><title>([^<]*) \(owner', page)
    assert len(drawn_rows) == len(staged)
    assert f"{len(others)} other compound(s) have no dated stage" in page and "Opdivo" in page


def test_compounds_without_a_dated_stage_are_named(hostile_kg: KnowledgeGraph) -> None:
    from pharmakg.graph.timeline import compounds_without_stage

    doc = Document(doc_id="undated-1", name="undated.txt", text="Drug-X entered Phase 2.", date=None)
    ex = Extraction(
        document=doc,
        entities=[Entity(id="e1", type="COMPOUND", name="Drug-X", mentions=[Mention(0, 6, "Drug-X")])],
        relations=[Relation(type="IN_PHASE", subject="e1", value="Phase 2")],
    )
    hostile_kg.add_extractions([ex])
    rows = timeline_rows(hostile_kg)
    assert compounds_without_stage(hostile_kg, rows) == ["Drug-X"]  # its stage has no date
    assert [r["compound"] for r in rows if r["first"]] == [HOSTILE]
    page = render_html(hostile_kg)
    assert "1 other compound(s) have no dated stage" in page and "Drug-X" in page
