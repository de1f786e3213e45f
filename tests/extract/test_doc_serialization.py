"""The typed objects the components keep on a Doc survive Doc.to_bytes, so ``nlp.pipe(..., n_process=2)``
(which ships Docs between processes that way) gives the same extractions as one process.

Sentences are written for these tests."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Doc

from pharmakg.extract.codec import MentionTable
from pharmakg.extract.pipeline import Extractor, build_pipeline
from pharmakg.model import Document, Entity, Relation

TEXTS = [
    "Acme Bio said that QX-101, an antibody-drug conjugate, targets HER2 in breast cancer.",
    "Zenith Pharma paid an upfront fee of $5 million to Acme Bio for rights to QX-101.",
    "Borealis Therapeutics granted Zenith Pharma an exclusive license to QX-202 in Europe.",
    "QX-101 is being tested in a Phase 2 trial in gastric cancer, Acme Bio said.",
]


def _documents() -> list[Document]:
    return [Document(doc_id=f"d{i}", name=f"doc{i}", text=t, date="2021-03-04") for i, t in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_typed_extensions_survive_doc_to_bytes(nlp):
    doc = nlp(TEXTS[0])
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.pkg_entities == doc._.pkg_entities
    assert all(isinstance(e, Entity) for e in back._.pkg_entities)
    assert back._.pkg_relations == doc._.pkg_relations
    assert back._.pkg_relations and all(isinstance(r, Relation) for r in back._.pkg_relations)
    assert isinstance(back._.pkg_mention_entity, MentionTable)
    assert dict(back._.pkg_mention_entity) == dict(doc._.pkg_mention_entity)
    assert [e._.pkg_entity_id for e in back.ents] == [e._.pkg_entity_id for e in doc.ents]


def test_two_processes_extract_what_one_does(nlp):
    one = [json.dumps(x.to_contract()) for x in Extractor(nlp, batch_size=1).extract(_documents())]
    two = [
        json.dumps(x.to_contract()) for x in Extractor(nlp, batch_size=1, n_process=2).extract(_documents())
    ]
    assert two == one
    assert any(json.loads(x)["relations"] for x in one)  # the documents do state relations
