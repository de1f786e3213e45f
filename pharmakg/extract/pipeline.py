"""The spaCy pipeline of pharmakg and the Document -> Extraction driver.

``build_pipeline()`` loads ``config.cfg`` (a spaCy config: ``spacy.blank("en")`` plus the registered pharmakg
components in order, with their data files), or puts those components on top of an installed full English
model when its name is given (never required). ``Extractor.extract()`` streams Documents through ``nlp.pipe``
and assembles one Extraction per Document.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pharmakg.extract.factories  # noqa: F401  (registers the pharmakg factories and data loaders)
from pharmakg.extract.assemble import doc_to_extraction
from pharmakg.extract.components.base import remember_text
from pharmakg.extract.heap import long_lived_frozen
from pharmakg.extract.limits import (
    DEFAULT_MAX_CHARS,
    DEFAULT_TIME_LIMIT,
    DocumentTimeout,
    ExtractionFailed,
    document_label,
    make_doc,
    time_limit,
)
from pharmakg.extract.parallel import batches
from pharmakg.extract.pipeline_config import DEFAULT_MODE, load_pipeline_config, mode_config
from pharmakg.extract.token_cache import ChunkWarmer
from pharmakg.ingest.surface_forms import reading_text
from pharmakg.model import Document, Extraction

log = logging.getLogger(__name__)


def pipeline_components(config_path: str | Path | None = None) -> list[dict[str, Any]]:
    """The ordered components of the pipeline config: ``{"name", "factory", "config"}`` each."""
    config = load_pipeline_config(config_path)
    out = []
    for name in config["nlp"]["pipeline"]:
        settings = dict(config["components"][name])
        out.append({"name": name, "factory": settings.pop("factory"), "config": settings})
    return out


def build_pipeline(
    model: str | None = None, config_path: str | Path | None = None, *, mode: str = DEFAULT_MODE
) -> Language:
    """A Language with the pharmakg components; ``model``: an installed spaCy English model to start from.

    ``mode``: "default" (``config.cfg``) or "accuracy" (``config-accuracy.cfg``: needs the ``accuracy``
    install extra, else :class:`~pharmakg.extract.components.accuracy_reader.AccuracyModelMissing`);
    ``config_path`` overrides it."""
    if config_path is None and mode != DEFAULT_MODE:
        config_path = mode_config(mode)
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
    """Documents in, Extractions out (one per Document, same order).

    Each document runs on its own under the limits of :mod:`pharmakg.extract.limits`: ``max_chars``
    characters and ``time_limit`` seconds (None: no time bound). :meth:`results` yields an
    :class:`ExtractionFailed` for a document that breaks one (or makes a component fail) and goes on;
    :meth:`extract` raises it."""

    def __init__(
        self,
        nlp: Language | None = None,
        batch_size: int = 32,
        n_process: int = 1,
        *,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        max_chars: int = DEFAULT_MAX_CHARS,
    ):
        self.nlp = nlp if nlp is not None else build_pipeline()
        self.nlp.max_length = max(self.nlp.max_length, max_chars)
        self.batch_size = batch_size
        self.n_process = n_process  # > 1: spaCy worker processes (Docs travel by Doc.to_bytes)
        self.time_limit = time_limit
        self.max_chars = max_chars
        # the tokenizer's cache filled chunk by chunk (it caches almost nothing of a whole release on its own)
        self.warm = ChunkWarmer(self.nlp.tokenizer)
        _ensure_skip_extension()

    def _doc(self, document: Document) -> Doc:
        # the rules read typographic variants folded (same length: offsets stay those of document.text)
        text = reading_text(document.text)
        self.warm(text)
        doc = make_doc(self.nlp, text)
        remember_text(doc, text)
        doc._.pkg_skip = list(document.skip_spans or [])
        doc._.pkg_meta = dict(document.meta or {})  # filing cover data: the issuer ("company")
        return doc

    def _docs(self, documents: Iterable[Document]) -> Iterator[tuple[Doc, Document]]:
        for document in documents:
            yield self._doc(document), document

    def results(self, documents: Iterable[Document]) -> Iterator[Extraction | ExtractionFailed]:
        """One Extraction, or the ExtractionFailed that says why there is none, per Document, in order."""
        with long_lived_frozen():  # the loaded tables are not walked by every full collection
            yield from self._results(documents)

    def _results(self, documents: Iterable[Document]) -> Iterator[Extraction | ExtractionFailed]:
        readers = [proc for _, proc in self.nlp.pipeline if getattr(proc, "reads_in_batches", False)]
        if self.n_process > 1:  # spaCy's own worker processes: no per-document guard there
            docs = self.nlp.pipe(
                self._docs(documents), batch_size=self.batch_size, as_tuples=True, n_process=self.n_process
            )
            for doc, document in docs:
                yield doc_to_extraction(doc, document)
            return
        if readers:  # the accuracy mode's statistical model reads a batch at once, then the rules run
            for batch in batches(documents, self.batch_size):
                yield from self._read_batch(batch, readers)
            return
        for document in documents:
            yield self._guarded(document)

    def _read_batch(
        self, batch: list[Document], readers: list[Any]
    ) -> Iterator[Extraction | ExtractionFailed]:
        """The batch's Docs read by the batch readers first (outside the time limit: a statistical model's
        time is linear in the text), then each document through the whole pipeline on its own, guarded (the
        readers leave a Doc they read as it is)."""
        docs = [self._doc(d) if len(d.text) <= self.max_chars else None for d in batch]
        ready = [d for d in docs if d is not None]
        try:
            for reader in readers:
                ready = list(reader.pipe(ready, batch_size=self.batch_size))
        except Exception:  # a Doc that breaks a reader fails alone, read on its own in _guarded
            log.debug("batch reading failed; reading the documents one by one", exc_info=True)
            docs = [None] * len(batch)
        for document, doc in zip(batch, docs, strict=True):
            yield self._guarded(document, doc)

    def _guarded(self, document: Document, doc: Doc | None = None) -> Extraction | ExtractionFailed:
        size = len(document.text)
        if size > self.max_chars:
            return ExtractionFailed(
                document_label(document),
                f"text too long to extract ({size:,} characters; the limit is {self.max_chars:,})",
            )
        try:
            with time_limit(self.time_limit):
                return doc_to_extraction(self.nlp(doc if doc is not None else self._doc(document)), document)
        except DocumentTimeout as exc:
            return ExtractionFailed(document_label(document), f"extraction stopped: {exc}")
        except Exception as exc:  # one document's failure must not end the batch; it is reported
            log.debug("%s: extraction failed", document_label(document), exc_info=True)
            return ExtractionFailed(
                document_label(document), f"extraction failed ({type(exc).__name__}: {exc})"
            )

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for result in self.results(documents):
            if isinstance(result, ExtractionFailed):
                raise result
            yield result

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document]))
