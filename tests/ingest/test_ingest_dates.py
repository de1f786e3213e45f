"""Dates: dateline styles, the date of a release without a header, the forms parse_date reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import SEED_2003

from pharmakg.ingest import read_document
from pharmakg.ingest.dates import find_dateline, parse_date
from pharmakg.ingest.repairs import clean_text


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("CAMBRIDGE, MA, May 8, 2003 – ImmunoGen, Inc. (Nasdaq: IMGN) today announced.", "2003-05-08"),
        (
            "TOKYO and MUNICH and BASKING RIDGE, N.J., March 28, 2019 /PRNewswire/ -- Daiichi Sankyo said.",
            "2019-03-28",
        ),
        ("Dec 7 2009\nSeattle Genetics, Inc. (Nasdaq: SGEN) today reported data.", "2009-12-07"),
        ("SAN DIEGO, Jan. 24, 2019 /PRNewswire/ -- Arena Pharmaceuticals, Inc. announced.", "2019-01-24"),
        ("HAMPTON, N.J., April 16, 2018 (GLOBE NEWSWIRE) -- Celldex Therapeutics reported.", "2018-04-16"),
        ("WALTHAM, MA, USA | June 15, 2011 | ImmunoGen, Inc. today announced.", "2011-06-15"),
        ("Copenhagen, Denmark; March 16, 2015 – Genmab A/S announced today.", "2015-03-16"),
        ("BOULDER, CO, USA and OSAKA, Japan I May 31, 2017I Array BioPharma Inc. announced.", "2017-05-31"),
        (
            "Headline\n\nJune 1, 2014 at 11:24 AM EDT\n\nWALTHAM, Mass.--(BUSINESS WIRE)-- ImmunoGen said.",
            "2014-06-01",
        ),
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
