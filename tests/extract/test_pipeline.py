"""build_pipeline / Extractor end to end (real entity and relation components) and on the seed releases."""

from __future__ import annotations

import pytest
from repo_paths import BUNDLED_CORPUS

from pharmakg.extract.pipeline import Extractor, build_pipeline, pipeline_components
from pharmakg.ingest import read_document
from pharmakg.model import NON_CURRENT_KEYS, Document
from pharmakg.names import fold

SEEDS = BUNDLED_CORPUS


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(build_pipeline(), batch_size=2)


def test_components_are_registered_factories_in_order():
    nlp = build_pipeline()
    names = nlp.pipe_names
    assert names[0] == "pharmakg_sentences"
    assert names[-1] == "pharmakg_relations"
    assert "pharmakg_aliases" in names and names.index("pharmakg_aliases") < names.index("pharmakg_relations")
    configured = [c["factory"] for c in pipeline_components()]
    assert [n for n in configured if n in names] == names


def _doc(name: str, text: str) -> Document:
    return Document(doc_id=name, name=name, text=text, date="2020-01-01")


def test_pipe_over_several_documents_keeps_order_and_offsets(extractor):
    docs = [
        _doc(
            "a",
            "ImmunoGen, Inc. announced that Genentech licensed its TAP technology. "
            "Genentech paid ImmunoGen a $5 million upfront fee.",
        ),
        _doc("b", "Seattle Genetics, Inc. reported data for brentuximab vedotin in Hodgkin lymphoma."),
        _doc("c", "Nothing to see here."),
    ]
    out = list(extractor.extract(docs))
    assert [x.document.name for x in out] == ["a", "b", "c"]
    for x in out:
        for e in x.entities:
            for m in e.mentions:
                assert x.document.text[m.start : m.end] == m.text
        for r in x.relations:
            assert r.extractor.startswith("pharmakg_relations:")
            for ev in r.evidence:
                assert x.document.text[ev.start : ev.end] == ev.sentence
                assert ev.document == x.document.name
    names = {fold(n): e for e in out[0].entities for n in e.all_names()}
    pay = [r for r in out[0].relations if r.type == "PAYMENT"]
    assert pay and pay[0].value == 5000000
    assert pay[0].subject == names["genentech"].id and pay[0].object == names["immunogen"].id


def test_skip_spans_are_not_extracted(extractor):
    text = "Safe harbor: Genentech may pay ImmunoGen $9 million.\n\nImmunoGen reported results."
    doc = _doc("s", text)
    doc.skip_spans = [(0, text.index("\n\n"), "safe-harbor")]
    x = extractor.extract_one(doc)
    assert not [r for r in x.relations if r.type == "PAYMENT"]


def _facts(x):
    names = {e.id: {fold(n) for n in e.all_names()} for e in x.entities}

    def has(rtype: str, subj: str, obj: str | None = None, value=None) -> bool:
        for r in x.relations:
            if r.type != "PAYMENT" and r.attrs.get("status") in NON_CURRENT_KEYS:
                continue  # planned, discontinued, declined, optional: recorded, not current facts
            if r.type != rtype or fold(subj) not in names.get(r.subject, ()):
                continue
            if obj is not None and fold(obj) not in names.get(r.object, ()):
                continue
            if value is not None and r.value != value:
                continue
            return True
        return False

    return has


@pytest.mark.skipif(not SEEDS.is_dir(), reason="examples/corpus not present")
def test_seed_releases_give_the_immunogen_facts(extractor):
    docs = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))]
    out = {x.document.name: x for x in extractor.extract(docs)}
    fy07 = _facts(out["immunogen_2006_11_02_q1_fy2007_results"])
    assert fy07("TARGETS", "huN901-DM1", "CD56")
    assert fy07("HAS_PAYLOAD", "huN901-DM1", "DM1")
    assert fy07("PAYMENT", "sanofi-aventis", "ImmunoGen", 2000000)
    assert fy07("PAYMENT", "sanofi-aventis", "ImmunoGen", 1000000)
    assert fy07("DEVELOPED_BY", "AVE9633", "sanofi-aventis")
    assert fy07("EVALUATES", "Study 002", "huN901-DM1")
    q3 = _facts(out["immunogen_2003_05_08_q3_results"])
    assert q3("LICENSED_TO", "huN901-DM1", "British Biotech")
    assert q3("DEVELOPED_BY", "MLN2704", "Millennium")
    assert q3("IN_PHASE", "huMy9-6-DM1", value="Preclinical")
    assert not q3("IN_PHASE", "cantuzumab mertansine", value="Phase 2")
    dosing = _facts(out["immunogen_2014_04_imgn853_dosing"])
    assert dosing("IN_PHASE", "IMGN853", value="Phase 1")
    assert dosing("HAS_PAYLOAD", "IMGN853", "DM4")
    assert dosing("IN_PHASE", "Kadcyla", value="Approved")
    contract = out["immunogen_2014_04_imgn853_dosing"].to_contract()
    assert contract["document"] == "immunogen_2014_04_imgn853_dosing" and contract["relations"]
