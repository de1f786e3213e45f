"""HTML pages to text."""

from __future__ import annotations

from ingest_helpers import FIX, check_spans, kept_text, spans_of

from pharmakg.ingest import read_document
from pharmakg.ingest.html import html_to_text


def test_html_exhibit() -> None:
    doc = read_document(FIX / "exhibit99_1.htm")
    check_spans(doc)
    assert doc.date == "2008-03-03"
    assert doc.title == "NORTHWIND ONCOLOGY AND EXAMPLEGEN ENTER COLLABORATION"
    assert "do not keep this text" not in doc.text and "margin" not in doc.text  # script/style dropped
    assert "EDGAR exhibit page" not in doc.text  # comment dropped
    assert "Examplegen will pay Northwind an upfront fee of $20 million." in doc.text
    assert "• NW-202 is in Phase I testing for breast cancer." in doc.text  # bullet layout table = prose
    assert "Revenue\t$ 1,200\t$ 900" in doc.text  # data table: cells tab-separated, one row a line
    reasons = [r for _, _, r in doc.skip_spans]
    assert reasons == ["filing-cover", "contacts", "safe-harbor", "conference-call", "table"]
    assert spans_of(doc, "filing-cover") == ["Exhibit 99.1"]
    assert "About Northwind Oncology" in kept_text(doc)


def test_html_to_text_boundaries_and_malformed_markup() -> None:
    text, title = html_to_text(
        "<html><head><title>Acme News</title></head><body><p>One<br>Two</p><div>Three</div>"
        "<table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table><p>unclosed <b>bold"
        "</i></span></body>"
    )
    assert title == "Acme News"
    assert "One\nTwo" in text and "\n\nThree" in text
    assert "a\t1\nb\t2" in text
    assert "unclosed bold" in text
    html_to_text("<<<>>><p <div></tr></td><table><td>x")  # must not raise
