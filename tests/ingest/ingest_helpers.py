"""Paths and span checks shared by the ingest tests (tests/ingest is on sys.path when pytest imports them)."""

from __future__ import annotations

from pathlib import Path

from pharmakg.model import Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "pharmakg" / "data" / "corpus"
FIX = ROOT / "tests" / "fixtures" / "ingest"
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
