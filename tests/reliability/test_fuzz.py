"""Fuzzing: random and mutated releases through ingest, extraction and the graph (hypothesis).

``make test`` runs a few dozen examples per property (profile "default"); ``make fuzz`` runs many more
(``HYPOTHESIS_PROFILE=fuzz``). Invariants: no exception but a clear IngestError, every document within the
time bound, every mention and evidence offset inside the text and equal to the reported string, the JSON in
the contract's shape, and the RDF parses back to the same number of quads.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="install the test extra: pip install -e '.[test]'")
from bad_inputs import RELEASE  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pharmakg.cli.formatting import json_default  # noqa: E402
from pharmakg.extract.limits import ExtractionFailed  # noqa: E402
from pharmakg.extract.pipeline import Extractor  # noqa: E402
from pharmakg.graph.store import KnowledgeGraph  # noqa: E402
from pharmakg.ingest import IngestError, decode_bytes, document_from_text  # noqa: E402
from pharmakg.model import Document, Extraction  # noqa: E402

settings.register_profile(
    "default", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fuzz", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

TIME_LIMIT = 20.0  # seconds per document: far above what a release of this size takes
SEED_TEXTS = [RELEASE] + [
    p.read_text(encoding="utf-8")
    for p in sorted(Path(__file__).parents[2].glob("pharmakg/data/corpus/*.txt"))
]
# pieces that break parsers and rules: markup, shapes, brackets, money, odd characters
PIECES = [
    "<script>",
    "</script>",
    "<p>",
    "</div>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#0;",
    "<pre>",
    "ABC-123-",
    "(",
    ")",
    "((((",
    "$",
    "$1.5 million",
    " and ",
    ", ",
    ";",
    "\n\n",
    "\t",
    "\x00",
    "\ufeff",
    "\u202e",
    "®",
    "™",
    "“",
    "”",
    "Phase 2",
    " targets ",
    "Inc.",
    "NCT01234567",
    "anti-",
    "-DM1",
    "date: x\n",
    "<SEC-DOCUMENT>",
    "<DOCUMENT>",
    "<TYPE>EX-99.1",
    "<TEXT>",
    "\\$",
]

_extractor: Extractor | None = None


def extractor() -> Extractor:
    global _extractor
    if _extractor is None:
        _extractor = Extractor(time_limit=TIME_LIMIT)
    return _extractor


@st.composite
def mutated_release(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(0, 12))):
        pos = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "random"]))
        if action == "insert":
            text = text[:pos] + draw(st.sampled_from(PIECES)) * draw(st.integers(1, 50)) + text[pos:]
        elif action == "delete":
            text = text[:pos] + text[pos + draw(st.integers(0, 400)) :]
        elif action == "duplicate":
            text = text[:pos] + text[pos : pos + 300] * draw(st.integers(1, 5)) + text[pos:]
        else:
            text = text[:pos] + draw(st.text(max_size=40)) + text[pos:]
    return text


def _check(raw: bytes, suffix: str) -> None:
    """The invariants for one input file's bytes."""
    try:
        doc = document_from_text(
            decode_bytes(raw, "fuzz" + suffix), "fuzz" + suffix, html=suffix != ".txt" or None
        )
    except IngestError as exc:
        assert "fuzz" in str(exc) and "\n" not in exc.reason
        return
    assert isinstance(doc, Document) and doc.text.strip()
    for s, e, _reason in doc.skip_spans:
        assert 0 <= s < e <= len(doc.text)
    (result,) = extractor().results([doc])
    if isinstance(result, ExtractionFailed):
        assert "time limit" in result.reason, result.reason  # anything else is a bug in a component
        return
    _check_extraction(result)


def _check_extraction(x: Extraction) -> None:
    text = x.document.text
    for entity in x.entities:
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
    for relation in x.relations:
        for ev in relation.evidence:
            assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start : ev.end] == ev.sentence
    contract = json.loads(json.dumps(x.to_contract(), ensure_ascii=False, default=json_default))
    assert {"document", "doc_id", "entities", "relations"} <= set(contract)
    assert all({"id", "type", "name", "mentions"} <= set(e) for e in contract["entities"])
    kg = KnowledgeGraph.open()
    kg.add_extractions([x])
    with tempfile.TemporaryDirectory() as tmp:
        saved = kg.save(Path(tmp) / "kg.nq")
        assert len(KnowledgeGraph.open(saved)) == len(kg)


@given(mutated_release(), st.sampled_from([".txt", ".htm"]))
def test_mutated_releases(text: str, suffix: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"), suffix)


@given(st.text(max_size=3000), st.sampled_from([".txt", ".htm"]))
def test_random_text(text: str, suffix: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"), suffix)


@given(st.binary(max_size=3000))
def test_random_bytes(raw: bytes) -> None:
    _check(raw, ".txt")
