"""Repairs: the cleaned text of releases and filings."""

from __future__ import annotations

from pharmakg.ingest.repairs import clean_text


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
