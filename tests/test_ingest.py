"""Ingest: files in, Documents out (cleaned text, skip spans, dates, filing cover data, errors)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pharmakg.ingest.boilerplate import find_skip_spans
from pharmakg.ingest.dates import find_dateline, parse_date
from pharmakg.ingest.header import split_header
from pharmakg.ingest.html import html_to_text
from pharmakg.ingest.readers import IngestError, content_id, iter_documents, read_document
from pharmakg.ingest.repairs import clean_text
from pharmakg.model import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "pharmakg" / "data" / "corpus"
FIX = Path(__file__).parent / "fixtures" / "ingest"
SEED_2003 = SEEDS / "immunogen_2003_05_08_q3_results.txt"
SEED_2006 = SEEDS / "immunogen_2006_11_02_q1_fy2007_results.txt"
SEED_2014 = SEEDS / "immunogen_2014_04_imgn853_dosing.txt"


def spans_of(doc: Document, reason: str) -> list[str]:
    return [doc.text[s:e] for s, e, r in doc.skip_spans if r == reason]


def kept_text(doc: Document) -> str:
    out, pos = [], 0
    for s, e, _ in doc.skip_spans:
        out.append(doc.text[pos:s])
        pos = e
    out.append(doc.text[pos:])
    return "".join(out)


def check_spans(doc: Document) -> None:
    """Spans are sorted, disjoint, inside the text and trimmed of whitespace."""
    prev = 0
    for s, e, r in doc.skip_spans:
        assert 0 <= prev <= s < e <= len(doc.text), (s, e, r)
        assert not doc.text[s].isspace() and not doc.text[e - 1].isspace()
        prev = e


# ------------------------------------------------------------------------------------------ header, dates


def test_header_block_is_parsed_and_removed() -> None:
    header, body = split_header("source: x\ndate: 2003-05-08\ndate_note: approx\ntitle: T\n\nBody line.\n")
    assert header == {"source": "x", "date": "2003-05-08", "date_note": "approx", "title": "T"}
    assert body.strip() == "Body line."
    header, body = split_header("Contacts: Jane\n\nBody")
    assert header == {} and body.startswith("Contacts:")


def test_header_fields_reach_the_document() -> None:
    doc = read_document(FIX / "release_with_header.txt")
    assert doc.date == "2012-09-14"
    assert doc.title == "Northwind Oncology Licenses NW-303 to Examplegen"
    assert doc.source == "fixture written for tests/test_ingest.py"
    assert not doc.text.startswith("source:")
    assert doc.name == "release_with_header"
    assert doc.path == str(FIX / "release_with_header.txt")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("CAMBRIDGE, MA, May 8, 2003 – ImmunoGen, Inc. (Nasdaq: IMGN) today announced.", "2003-05-08"),
        ("TOKYO and MUNICH and BASKING RIDGE, N.J., March 28, 2019 /PRNewswire/ -- Daiichi Sankyo said.",
         "2019-03-28"),
        ("Dec 7 2009\nSeattle Genetics, Inc. (Nasdaq: SGEN) today reported data.", "2009-12-07"),
        ("SAN DIEGO, Jan. 24, 2019 /PRNewswire/ -- Arena Pharmaceuticals, Inc. announced.", "2019-01-24"),
        ("HAMPTON, N.J., April 16, 2018 (GLOBE NEWSWIRE) -- Celldex Therapeutics reported.", "2018-04-16"),
        ("WALTHAM, MA, USA | June 15, 2011 | ImmunoGen, Inc. today announced.", "2011-06-15"),
        ("Copenhagen, Denmark; March 16, 2015 – Genmab A/S announced today.", "2015-03-16"),
        ("BOULDER, CO, USA and OSAKA, Japan I May 31, 2017I Array BioPharma Inc. announced.", "2017-05-31"),
        ("Headline\n\nJune 1, 2014 at 11:24 AM EDT\n\nWALTHAM, Mass.--(BUSINESS WIRE)-- ImmunoGen said.",
         "2014-06-01"),
    ],
)
def test_dateline_styles(text: str, iso: str) -> None:
    assert find_dateline(clean_text(text)) == iso


def test_date_found_in_text_when_header_absent(tmp_path: Path) -> None:
    body = SEED_2003.read_text(encoding="utf-8").split("\n\n", 1)[1]
    f = tmp_path / "no_header.txt"
    f.write_text(body, encoding="utf-8")
    doc = read_document(f)
    assert doc.date == "2003-05-08"
    assert doc.title == "ImmunoGen, Inc. Reports Third Quarter 2003 Results"
    # Only the 8-K cover carries a date ("Date of Report ...: MAY 8, 2003"): it is used when no dateline is.
    f.write_text(
        "FORM 8-K\n\nDate of Report (Date of earliest event reported): MAY 8, 2003\n\nImmunoGen, Inc.\n\n"
        "(Exact name of registrant as specified in its charter)\n\n0-17999 (Commission File Number)\n\n"
        "The company reported results for the quarter ended March 31, 2003.\n",
        encoding="utf-8",
    )
    assert read_document(f).date == "2003-05-08"


def test_parse_date_forms() -> None:
    assert parse_date("MAY 8, 2003") == "2003-05-08"
    assert parse_date("Dec 7 2009") == "2009-12-07"
    assert parse_date("8 May 2003") == "2003-05-08"
    assert parse_date("20030508") == "2003-05-08"
    assert parse_date("Sept. 14, 2012") == "2012-09-14"
    assert parse_date("February 30, 2003") is None
    assert parse_date("no date here") is None


# ------------------------------------------------------------------------------------------ cleaning


def test_escaped_dollars_page_numbers_and_markers_are_cleaned() -> None:
    raw = (
        "The Company reported a net loss of \\$4.6 million.\n\n2\n\n  4  \n\n"
        "Other income was \\$2.2 million.\n\n"
        "-financials follow-\n\nTotal\u00a0assets\t\\$ 126,352\t\\$ 152,156\n"
    )
    text = clean_text(raw)
    assert "$4.6 million" in text and "\\$" not in text
    assert "\n2\n" not in text and "4" not in text.split("\n")
    assert "financials follow" not in text
    assert "\u00a0" not in text
    assert "Total assets\t$ 126,352\t$ 152,156" in text
    assert "\n\n\n" not in text


def test_page_break_inside_a_sentence_is_joined() -> None:
    raw = (
        "This Phase IIa study is designed to provide information on huN901-DM1 in patients with cancer. The"
        "\n\n2\n\nPhase I portion of the study, which was presented at a symposium, included more patients.\n"
    )
    assert "cancer. The Phase I portion of the study" in clean_text(raw)


def test_hard_wrapped_lines_are_unwrapped_and_paragraphs_kept() -> None:
    raw = (
        "Seattle Genetics, Inc. (Nasdaq: SGEN) today reported data from a phase I\n"
        "weekly-dosing clinical trial of brentuximab vedotin (SGN-35), an\n"
        "antibody-drug conjugate (ADC), including multiple complete and partial\n"
        "remissions in patients with relapsed or refractory Hodgkin lymphoma.\n\n"
        "About Seattle Genetics\n\nSeattle Genetics develops antibody-based therapies.\n"
    )
    text = clean_text(raw)
    assert "phase I weekly-dosing clinical trial of brentuximab vedotin (SGN-35), an antibody-drug" in text
    assert "\n\nAbout Seattle Genetics\n\nSeattle Genetics develops" in text


# ------------------------------------------------------------------------------------------ skip spans


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
    assert "Dial 800-555-0100" in text[spans[0][0]:spans[0][1]]
    assert "About Acme" not in text[spans[1][0]:spans[1][1]]


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


def test_unsupported_suffix_named_directly_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "release.pdf"
    f.write_bytes(b"%PDF-1.4")
    items = list(iter_documents([f]))
    assert len(items) == 1 and isinstance(items[0], IngestError) and "release.pdf" in str(items[0])


# ------------------------------------------------------------------------------------------ HTML, EDGAR


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


# ------------------------------------------------------------------------------------------ errors, batches


def test_unreadable_files_raise_ingest_error_naming_the_file(tmp_path: Path) -> None:
    cases = {
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "nul.txt": b"Acme licensed\x00\x00 X-1",
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n  ",
        "controls.txt": bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 50 + b"abc",
        "undecodable.txt": bytes(range(128, 256)) * 20,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(IngestError) as info:
            read_document(tmp_path / name)
        assert name in str(info.value)
        assert info.value.path == str(tmp_path / name)
    with pytest.raises(IngestError, match="empty"):
        read_document(tmp_path / "blank.txt")
    with pytest.raises(IngestError, match="binary"):
        read_document(tmp_path / "image.txt")
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "missing.txt")


def test_encodings(tmp_path: Path) -> None:
    text = "CAMBRIDGE, MA, May 8, 2003 – Acme’s drug X-1 entered Phase I.\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    for name in ("bom.txt", "cp1252.txt"):
        doc = read_document(tmp_path / name)
        assert doc.text.startswith("CAMBRIDGE") and "Acme’s" in doc.text
        assert doc.date == "2003-05-08"


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_text("Acme licensed X-1 to Beta.\n" * 200, encoding="utf-8")
    with pytest.raises(IngestError, match="too large") as info:
        read_document(f, max_bytes=1000)
    assert "huge.txt" in str(info.value)
    assert read_document(f).text  # under the default 20 MB limit
    items = list(iter_documents([f], max_bytes=1000))
    assert len(items) == 1 and isinstance(items[0], IngestError)


def test_iter_documents_goes_on_after_errors_and_yields_duplicates_once(tmp_path: Path) -> None:
    shutil.copy(SEED_2014, tmp_path / "a_release.txt")
    shutil.copy(SEED_2014, tmp_path / "b_same_release.txt")
    (tmp_path / "c_broken.htm").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "d_empty.txt").write_bytes(b"")
    sub = tmp_path / "sub"
    sub.mkdir()
    shutil.copy(FIX / "exhibit99_1.htm", sub / "e_exhibit.htm")
    (sub / "notes.json").write_text("{}", encoding="utf-8")  # unsupported suffix: not picked up
    items = list(iter_documents([tmp_path]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.name for d in docs] == ["a_release", "e_exhibit"]
    assert sorted(Path(e.path).name for e in errors) == ["c_broken.htm", "d_empty.txt"]
    assert all(Path(e.path).name in str(e) for e in errors)
    # A single path is accepted as well as a list.
    assert [d.name for d in iter_documents(SEED_2014)] == ["immunogen_2014_04_imgn853_dosing"]


def test_content_id_ignores_layout() -> None:
    assert content_id("Acme  licensed\nX-1.") == content_id("acme licensed x-1")
    assert content_id("Acme licensed X-1.") != content_id("Acme licensed X-2.")


def test_seed_corpus_reads() -> None:
    docs = list(iter_documents([SEEDS]))
    assert all(isinstance(d, Document) for d in docs)
    assert {d.name: d.date for d in docs} == {
        "immunogen_2003_05_08_q3_results": "2003-05-08",
        "immunogen_2006_11_02_q1_fy2007_results": "2006-11-02",
        "immunogen_2014_04_imgn853_dosing": "2014-04-07",
    }
    assert len({d.doc_id for d in docs}) == 3
