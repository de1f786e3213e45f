"""Files to Documents: the suffix -> reader registry, file reading, batches, errors and document ids.

A reader turns the bytes of one file into a :class:`~pharmakg.model.Document`. It registers for the file
suffixes it reads with ``@reader(".txt")``; a new input format is one module holding such a reader, imported
by ``pharmakg/ingest/__init__.py``. :func:`read_document` picks the reader by the file's suffix,
:func:`iter_documents` walks files and folders and keeps going past a bad file.

A file that cannot be read raises :class:`IngestError` naming the file and the reason;
:func:`iter_documents` yields that error instead, so one bad file does not stop a batch.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pharmakg.model import Document

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # bigger files are refused before they are read
# A file named directly whose suffix has no reader is read as plain text, as ingest always did;
# folders only yield the suffixes that have a reader.
FALLBACK_SUFFIX = ".txt"

Reader = Callable[[bytes, Path], Document]
READERS: dict[str, Reader] = {}  # lower-case suffix with its dot -> reader, in registration order

_NORM = re.compile(r"[\W_]+")


class IngestError(Exception):
    """A file that cannot be read as a document; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        # one line: a parser's message may hold several ("...may help.\n\nOriginal exception(s) ...")
        self.reason = " ".join(reason.split()) if "\n" in reason or "\r" in reason else reason
        super().__init__(f"{self.path}: {self.reason}")


def content_id(text: str) -> str:
    """The document identity: a hash of its normalised content (same release twice = one document).

    Case, punctuation and whitespace are ignored, so the same release saved twice with different line
    wrapping or quote characters is still one document.
    """
    norm = _NORM.sub(" ", text.casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------------------------- registry


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register the decorated function as the reader of files with these suffixes (``".htm"``, ...).

    The reader gets the file's bytes and its path and returns a Document, or raises IngestError.
    A suffix registered again gets the new reader.
    """

    def register(read: Reader) -> Reader:
        for suffix in suffixes:
            if not suffix.startswith("."):
                raise ValueError(f"a suffix starts with a dot: {suffix!r}")
            READERS[suffix.lower()] = read
        return read

    return register


def supported_suffixes() -> tuple[str, ...]:
    """The suffixes that have a reader: plain text first, then the others in registration order."""
    return tuple(sorted(READERS, key=lambda suffix: suffix != FALLBACK_SUFFIX))


def _unsupported(path: Path) -> IngestError:
    suffixes = supported_suffixes()
    listed = ", ".join(suffixes[:-1]) + " or " + suffixes[-1] if len(suffixes) > 1 else "".join(suffixes)
    return IngestError(path, f"unsupported file type {path.suffix or '(none)'!r}; use {listed}")


# --------------------------------------------------------------------------------------------- files


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if not path.exists():
            # exists() follows links: a link to nothing, or a loop of links, does not exist either
            raise IngestError(
                path, "broken symbolic link or link loop" if path.is_symlink() else "no such file"
            )
        if not path.is_file():
            raise IngestError(path, "a folder, not a file" if path.is_dir() else "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(path, f"file too large ({size:,} bytes; the limit is {max_bytes:,} bytes)")
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if len(raw) > max_bytes:  # grew while we looked
        raise IngestError(path, f"file too large (over the limit of {max_bytes:,} bytes)")
    if not raw.strip():
        raise IngestError(path, "empty file" if not raw else "empty file (whitespace only)")
    return raw


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document with the reader of its suffix; raises IngestError (naming the file)
    when it cannot be read."""
    path = Path(path)
    raw = _read_bytes(path, max_bytes)
    read = READERS.get(path.suffix.lower()) or READERS[FALLBACK_SUFFIX]
    return read(raw, path)


# --------------------------------------------------------------------------------------------- batches


def expand_inputs(inputs: Iterable[str | Path] | str | Path) -> Iterator[Path]:
    """Files named directly, and the supported files under named folders (recursively, sorted)."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            # A folder named like a file (``old.txt/``) is walked, not read; a link loop or a broken link
            # with a reader's suffix is yielded so that reading it reports it.
            files = (
                f
                for f in p.rglob("*")
                if f.suffix.lower() in READERS
                and (f.is_file() or (f.is_symlink() and not f.exists()))
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            yield from sorted(files)
        else:
            yield p


def iter_documents(
    inputs: Iterable[str | Path] | str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestError]:
    """Documents of the given files and folders, in order; an unreadable file yields its IngestError.

    Folders are expanded recursively (sorted; the suffixes that have a reader). A document whose content
    was already yielded (same doc_id) is skipped, and the duplicate is logged.
    """
    seen: dict[str, str] = {}
    for path in expand_inputs(inputs):
        if path.suffix.lower() not in READERS and path.exists():
            yield _unsupported(path)
            continue
        try:
            doc = read_document(path, max_bytes=max_bytes)
        except IngestError as exc:
            log.warning("%s", exc)
            yield exc
            continue
        if doc.doc_id in seen:
            log.info("%s: same content as %s (doc_id %s); skipped", path, seen[doc.doc_id], doc.doc_id)
            continue
        seen[doc.doc_id] = str(path)
        yield doc
