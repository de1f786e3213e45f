"""The spaCy pipeline of pharmakg and the Document -> Extraction driver.

``build_pipeline()`` makes ``spacy.blank("en")`` (or loads an installed full English model when its name is
given; never required) and adds the registered pharmakg components in the order of ``pipeline.json``.
``Extractor.extract()`` streams Documents through ``nlp.pipe`` and assembles one Extraction per Document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pharmakg.extract.components  # noqa: F401  (registers the pharmakg factories)
from pharmakg.extract.assemble import doc_to_extraction
from pharmakg.model import Document, Extraction

PIPELINE_CONFIG = Path(__file__).resolve().parent / "pipeline.json"


def pipeline_components(config_path: str | Path | None = None) -> list[dict[str, Any]]:
    """The ordered component list of the pipeline config file."""
    data = json.loads(Path(config_path or PIPELINE_CONFIG).read_text(encoding="utf-8"))
    return list(data["components"])


def build_pipeline(model: str | None = None, config_path: str | Path | None = None) -> Language:
    """A Language with the pharmakg components; ``model``: an installed spaCy English model to start from."""
    nlp = spacy.blank("en") if not model or model == "blank" else spacy.load(model, exclude=["ner"])
    for comp in pipeline_components(config_path):
        factory = comp["factory"]
        if not nlp.has_factory(factory):
            if comp.get("optional"):
                continue
            raise ValueError(f"pipeline component {factory!r} is not a registered spaCy factory")
        # A full model brings its own sentence boundaries (parser/senter); ours still decide.
        nlp.add_pipe(factory, name=comp.get("name", factory), config=comp.get("config") or {})
    return nlp


def _ensure_skip_extension() -> None:
    if not Doc.has_extension("pkg_skip"):
        Doc.set_extension("pkg_skip", default=None)
    if not Doc.has_extension("pkg_meta"):
        Doc.set_extension("pkg_meta", default=None)


class Extractor:
    """Documents in, Extractions out (one per Document, same order)."""

    def __init__(self, nlp: Language | None = None, batch_size: int = 32):
        self.nlp = nlp if nlp is not None else build_pipeline()
        self.batch_size = batch_size
        _ensure_skip_extension()

    def _docs(self, documents: Iterable[Document]) -> Iterator[tuple[Doc, Document]]:
        for document in documents:
            doc = self.nlp.make_doc(document.text)
            doc._.pkg_skip = list(document.skip_spans or [])
            doc._.pkg_meta = dict(document.meta or {})  # filing cover data: the issuer ("company")
            yield doc, document

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for doc, document in self.nlp.pipe(self._docs(documents), batch_size=self.batch_size, as_tuples=True):
            yield doc_to_extraction(doc, document)

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document]))
