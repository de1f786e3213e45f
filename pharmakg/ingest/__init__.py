"""Ingest: files in, Documents out -- the stage before extraction.

Reads plain-text releases (with or without the corpus header block), HTML pages (EDGAR exhibits,
press-release pages) and EDGAR full-submission files. Each becomes a :class:`~pharmakg.model.Document`
whose ``text`` is the cleaned body, whose ``skip_spans`` mark what extraction should not read (filing
cover, contacts, tables, safe harbor, conference-call details) and whose ``meta`` holds SEC cover data
when the file is a filing.

Modules: ``readers`` (suffix -> reader registry, files, batches, errors, ids); one module per reader
(``text_reader``, ``html_reader``: every ``*_reader`` module is imported, so a new format is one file);
``decode`` (bytes to str), ``document`` (text to Document), ``header`` (corpus header, headline),
``dates``, ``html`` (HTML to text), ``repairs`` (the cleaned text), ``layout`` (line shapes),
``boilerplate`` (skip spans) with its cue table ``cues`` / ``boilerplate.tsv``, and ``edgar`` (full
submissions, 8-K covers).
"""

from __future__ import annotations

import importlib
import pkgutil

from pharmakg.ingest.decode import decode_bytes, decode_text
from pharmakg.ingest.document import document_from_text
from pharmakg.ingest.readers import (
    DEFAULT_MAX_BYTES,
    IngestError,
    Reader,
    content_id,
    expand_inputs,
    iter_documents,
    read_document,
    reader,
    supported_suffixes,
)

# Every ``*_reader`` module of this package registers its suffixes when imported, so a new input format is
# one new module (``pdf_reader.py`` with an ``@reader(".pdf")`` function) and nothing else.
for _module in pkgutil.iter_modules(__path__):
    if _module.name.endswith("_reader"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestError",
    "Reader",
    "content_id",
    "decode_bytes",
    "decode_text",
    "document_from_text",
    "expand_inputs",
    "iter_documents",
    "read_document",
    "reader",
    "supported_suffixes",
]
