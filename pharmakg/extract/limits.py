"""Per-document limits of extraction: length, time, and a tokenizer that stays linear on odd text.

One document must never end a batch or hold it for hours. Three guards, applied to every document:

- **Length.** spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) with error E088, because its
  parser and NER need about 1 GB per 100,000 characters. pharmakg's pipeline has neither (tokenizer and rules
  only, about 100 bytes of memory per character), so the limit is raised to :data:`DEFAULT_MAX_CHARS`;
  longer texts get one clear error instead of a traceback. Cutting a document into chunks at paragraphs was
  the other choice; it was not taken because aliases, coreference and the company a release is about reach
  across paragraphs, so chunked output would differ from the whole document's.
- **Time.** Each document runs under a timer (:data:`DEFAULT_TIME_LIMIT` seconds, configurable); over it,
  the document fails with a clear error and the batch goes on. The timer is ``SIGALRM``, which interrupts
  Python code and regex matching alike; it works in the main thread of a process (the command line, every
  worker process of ``--jobs``), not in other threads (a Dask worker's task threads run unbounded).
- **Tokens.** spaCy's tokenizer is quadratic on one long run without spaces ("((((...))))": it strips one
  prefix at a time and searches the rest again). Runs longer than :data:`LONG_RUN` characters are cut into
  tokens of that length without further splitting; no real word or URL is that long, so text as releases
  write it is tokenized exactly as before.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pharmakg.ingest.readers import IngestError
from pharmakg.model import Document

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_TIME_LIMIT",
    "LONG_RUN",
    "DocumentTimeout",
    "ExtractionFailed",
    "make_doc",
    "time_limit",
]

DEFAULT_MAX_CHARS = 5_000_000  # ~500 MB of memory at most for one document
DEFAULT_TIME_LIMIT = 120.0  # seconds per document; a 100 KB release takes well under one
LONG_RUN = 500  # characters without whitespace; the longest in the shared corpus is about 250

_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


class ExtractionFailed(IngestError):
    """A document that was read but could not be extracted (too long, too slow, or a bug): reported like an
    unreadable file, one line naming the file, and the batch goes on."""


class DocumentTimeout(Exception):
    """Raised inside extraction when the document's time is up."""


def document_label(document: Document) -> str | Path:
    return document.path or document.name


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds``; no bound when ``seconds`` is None or 0,
    or where no timer signal can be used (other threads than the main one, platforms without SIGALRM)."""
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"over the time limit of {seconds:g} s per document")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, linear in the text: whitespace-free runs over LONG_RUN characters become tokens
    of LONG_RUN characters each (every other part goes through the tokenizer as usual)."""
    if not _RUN.search(text):
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _RUN.finditer(text):
        _add_tokens(nlp, text[pos : m.start()], words, spaces)
        run = m.group(0)
        for i in range(0, len(run), LONG_RUN):
            words.append(run[i : i + LONG_RUN])
            spaces.append(False)
        pos = m.end()
        if text.startswith(" ", pos):  # the one space after a token belongs to it, as the tokenizer does
            spaces[-1] = True
            pos += 1
    _add_tokens(nlp, text[pos:], words, spaces)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc.text == text, "the long-run tokenizer must keep the text as it is"
    return doc


def _add_tokens(nlp: Language, part: str, words: list[str], spaces: list[bool]) -> None:
    if not part:
        return
    for token in nlp.tokenizer(part):
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
