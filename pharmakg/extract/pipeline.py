"""The spaCy pipeline of pharmakg and the Document -> Extraction driver.

``build_pipeline()`` loads ``config.cfg`` (a spaCy config: ``spacy.blank("en")`` plus the registered pharmakg
components in order, with their data files), or puts those components on top of an installed full English
model when its name is given (never required). ``Extractor.extract()`` streams Documents through ``nlp.pipe``
and assembles one Extraction per Document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pharmakg.extract.factories  # noqa: F401  (registers the pharmakg factories and data loaders)
from pharmakg.extract.assemble import doc_to_extraction
from pharmakg.extract.pipeline_config import load_pipeline_config
from pharmakg.model import Document, Extraction


def pipeline_components(config_path: str | Path | None = None) -> list[dict[str, Any]]:
    """The ordered components of the pipeline config: ``{"name", "factory", "config"}`` each."""
    config = load_pipeline_config(config_path)
    out = []
    for name in config["nlp"]["pipeline"]:
        settings = dict(config["components"][name])
        out.append({"name": name, "factory": settings.pop("factory"), "config": settings})
    return out


def build_pipeline(model: str | None = None, config_path: str | Path | None = None) -> Language:
    """A Language with the pharmakg components; ``model``: an installed spaCy English model to start from."""
    if not model or model == "blank":
        return spacy.util.load_model_from_config(load_pipeline_config(config_path), auto_fill=True)
    # A full model brings its own sentence boundaries (parser/senter) and entities; ours still decide.
    nlp = spacy.load(model, exclude=["ner"])
    for comp in pipeline_components(config_path):
        nlp.add_pipe(comp["factory"], name=comp["name"], config=comp["config"])
    return nlp


def _ensure_skip_extension() -> None:
    if not Doc.has_extension("pkg_skip"):
        Doc.set_extension("pkg_skip", default=None)
    if not Doc.has_extension("pkg_meta"):
        Doc.set_extension("pkg_meta", default=None)


class Extractor:
    """Documents in, Extractions out (one per Document, same order)."""

    def __init__(self, nlp: Language | None = None, batch_size: int = 32, n_process: int = 1):
        self.nlp = nlp if nlp is not None else build_pipeline()
        self.batch_size = batch_size
        self.n_process = n_process  # > 1: spaCy worker processes (Docs travel by Doc.to_bytes)
        _ensure_skip_extension()

    def _docs(self, documents: Iterable[Document]) -> Iterator[tuple[Doc, Document]]:
        for document in documents:
            doc = self.nlp.make_doc(document.text)
            doc._.pkg_skip = list(document.skip_spans or [])
            doc._.pkg_meta = dict(document.meta or {})  # filing cover data: the issuer ("company")
            yield doc, document

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        docs = self.nlp.pipe(
            self._docs(documents), batch_size=self.batch_size, as_tuples=True, n_process=self.n_process
        )
        for doc, document in docs:
            yield doc_to_extraction(doc, document)

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document]))
