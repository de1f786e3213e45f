"""EDGAR full submissions: the exhibit as the document, the cover as meta."""

from __future__ import annotations

from ingest_helpers import FIX, check_spans, spans_of

from pharmakg.ingest import read_document


def test_edgar_full_submission() -> None:
    doc = read_document(FIX / "edgar_full_submission.txt")
    check_spans(doc)
    assert doc.meta["company"] == "Northwind Oncology, Inc."
    assert doc.meta["cik"] == "0001234567"
    assert doc.meta["file_number"] == "0-12345"
    assert doc.meta["date_of_report"] == "2005-06-01"
    assert doc.meta["form_type"] == "8-K"
    assert doc.meta["exhibit"] == "EX-99.1"
    assert doc.date == "2005-06-01"
    assert doc.title == "NORTHWIND ONCOLOGY REPORTS THIRD QUARTER FISCAL 2005 RESULTS"
    # The text is the press release, not the 8-K form nor the graphic.
    assert "Exact name of registrant" not in doc.text and "begin 644" not in doc.text
    assert "<PAGE>" not in doc.text
    assert "Northwind received a $3 million milestone payment from Examplegen, Inc. when NW-101" in doc.text
    assert [r for _, _, r in doc.skip_spans] == ["filing-cover", "contacts", "safe-harbor", "table"]
    assert "Revenues\t$\t1,456\t$\t1,210" in spans_of(doc, "table")[0]  # space-laid table became tabbed
