"""Skip spans: filing cover, contacts, conference call, safe harbor, tables."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import FIX, SEED_2003, SEED_2006, SEED_2014, check_spans, kept_text, spans_of

from pharmakg.ingest import read_document
from pharmakg.ingest.boilerplate import find_skip_spans
from pharmakg.ingest.repairs import clean_text


def test_seed_2003_skip_spans_and_cover() -> None:
    doc = read_document(SEED_2003)
    check_spans(doc)
    assert doc.date == "2003-05-08"
    assert doc.meta["company"] == "ImmunoGen, Inc."
    assert doc.meta["file_number"] == "0-17999"
    assert doc.meta["date_of_report"] == "2003-05-08"
    assert doc.meta["form_type"] == "8-K"
    cover = spans_of(doc, "filing-cover")
    assert len(cover) == 1 and cover[0].startswith("UNITED STATES SECURITIES AND EXCHANGE COMMISSION")
    assert "SIGNATURES" in cover[0] and "FOR IMMEDIATE RELEASE" not in cover[0]
    contacts = spans_of(doc, "contacts")
    assert contacts and "Carol Hausner" in contacts[0] and "pholmberg@rxir.com" in contacts[0]
    call = spans_of(doc, "conference-call")
    assert call and "dial 913-981-4900" in call[0]
    harbor = spans_of(doc, "safe-harbor")
    assert len(harbor) == 1
    assert harbor[0].startswith("This press release includes forward-looking statements")
    assert "Private Securities Litigation Reform Act" in harbor[0]
    tables = spans_of(doc, "table")
    assert tables and "Total operating expenses\t8,238" in tables[-1]
    assert "SELECTED FINANCIAL INFORMATION" in tables[-1]
    kept = kept_text(doc)
    # Facts stay readable: the release body and the "About" paragraph are not skipped.
    assert "ImmunoGen, Inc. develops targeted anticancer biopharmaceuticals" in kept
    assert "British Biotech acquired rights to develop the product candidate" in kept
    assert "CAMBRIDGE, MA, May 8, 2003" in kept
    assert "Private Securities Litigation" not in kept and "Carol Hausner" not in kept
    assert "$4.6 million" in doc.text and "\\$" not in doc.text


def test_seed_2006_contacts_block_is_one_span() -> None:
    doc = read_document(SEED_2006)
    check_spans(doc)
    assert doc.date == "2006-11-02"
    assert doc.meta["file_number"] == "0-17999"
    assert doc.meta["date_of_report"] == "2006-11-02"
    contacts = spans_of(doc, "contacts")
    assert len(contacts) == 1
    assert contacts[0].startswith("Contacts:") and "Kathryn@kmorrispr.com" in contacts[0]
    assert any(s.startswith("Webcast Information") for s in spans_of(doc, "conference-call"))
    assert "About ImmunoGen, Inc." in kept_text(doc)


def test_seed_2014_has_date_and_safe_harbor_only() -> None:
    doc = read_document(SEED_2014)
    check_spans(doc)
    assert doc.date == "2014-04-07"
    assert doc.meta == {}
    assert [r for _, _, r in doc.skip_spans] == ["safe-harbor"]
    assert "About IMGN853" in kept_text(doc)


def test_skip_spans_offsets_on_plain_release() -> None:
    doc = read_document(FIX / "release_with_header.txt")
    check_spans(doc)
    by_reason = {r: doc.text[s:e] for s, e, r in doc.skip_spans}
    assert by_reason["table"].startswith("| Item | 2012 | 2011 |")
    assert by_reason["contacts"].startswith("Investor Contact:") and "212-555-0199" in by_reason["contacts"]
    assert by_reason["safe-harbor"].startswith("Safe Harbor Statement")
    assert by_reason["safe-harbor"].endswith("Northwind undertakes no obligation to update these statements.")
    assert "Examplegen paid Northwind $10 million." in kept_text(doc)
    assert "licensed NW-303, a CD19-targeting ADC" in doc.text  # hard wrap joined


def test_find_skip_spans_on_a_text() -> None:
    text = clean_text(
        "Acme licensed X-1 to Beta.\n\nConference Call\n\n"
        "Acme will host a webcast today. Dial 800-555-0100.\n\n"
        "Forward-Looking Statements\n\nThis release contains forward-looking statements.\n\nAbout Acme\n\n"
        "Acme makes medicines.\n"
    )
    spans = find_skip_spans(text)
    assert [r for _, _, r in spans] == ["conference-call", "safe-harbor"]
    assert "Dial 800-555-0100" in text[spans[0][0] : spans[0][1]]
    assert "About Acme" not in text[spans[1][0] : spans[1][1]]


def test_contacts_cue_without_contact_lines_is_not_skipped() -> None:
    text = clean_text("Investors Day Highlights\n\nAcme licensed X-1 to Beta for $5 million.\n")
    assert find_skip_spans(text) == []


def test_plain_8k_cover_ends_at_the_exhibit_label(tmp_path: Path) -> None:
    f = tmp_path / "acme_8k.txt"
    f.write_text(
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K\n\nCURRENT REPORT\n\n"
        "Date of Report (Date of earliest event reported): September 14, 2012\n\n"
        "Acme Oncology Corp.\n(Exact name of registrant as specified in its charter)\n\n"
        "Delaware\t001-34567\t12-3456789\n(State)\t(Commission File Number)\t(IRS No.)\n\n"
        "SIGNATURES\n\n/s/ A. Officer\n\nExhibit 99.1\n\n"
        "BOSTON, Sept. 14, 2012 -- Acme Oncology Corp. licensed AC-1 to Beta Bio, Inc.\n",
        encoding="utf-8",
    )
    doc = read_document(f)
    assert doc.meta == {
        "form_type": "8-K",
        "date_of_report": "2012-09-14",
        "file_number": "001-34567",
        "company": "Acme Oncology Corp.",
    }
    cover = spans_of(doc, "filing-cover")
    assert len(cover) == 1 and cover[0].endswith("Exhibit 99.1")
    assert kept_text(doc).strip().startswith("BOSTON, Sept. 14, 2012")
    assert doc.date == "2012-09-14"


def test_lead_paragraph_ending_with_the_call_keeps_its_lead_sentence() -> None:
    text = clean_text(
        "On May 2, 2031 Quillon Biotherapeutics, Inc., a company developing QB-7, reported results for the "
        "first quarter. Quillon management will host a conference call and webcast today at 5 p.m. to "
        "discuss the results.\n\nQB-7 is in Phase 2.\n"
    )
    spans = find_skip_spans(text)
    assert [r for _, _, r in spans] == ["conference-call"]
    skipped = text[spans[0][0] : spans[0][1]]
    assert skipped.startswith("Quillon management will host") and "Quillon Biotherapeutics" not in skipped
