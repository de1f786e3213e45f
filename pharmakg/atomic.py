"""Atomic file writes: a temporary file beside the target, renamed over it once complete.

A reader (or a build killed with ``kill -9`` halfway) sees the old file or the new one, never half of one.
Temporary names carry the writing process's id (``.kg.nq.1234.x8f2.tmp``), so :func:`remove_stale` can
delete the leftovers of a process that died without touching those of one still writing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["atomic_path", "remove_stale", "replace_store_folder", "temp_prefix", "write_bytes", "write_text"]


def temp_prefix(path: Path) -> str:
    """The name start of this process's temporary files and folders for ``path``."""
    return f".{path.name}.{os.getpid()}."


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def remove_stale(path: str | Path) -> list[Path]:
    """Delete the temporary files and folders beside ``path`` left by processes that no longer run (a write
    or a store swap killed halfway); returns what was removed."""
    path = Path(path)
    removed: list[Path] = []
    if not path.parent.is_dir():
        return removed
    head = f".{path.name}."
    for entry in path.parent.iterdir():
        if not entry.name.startswith(head):
            continue
        pid_text = entry.name[len(head) :].split(".", 1)[0].split("-")[-1]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _alive(int(pid_text)):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path to write ``path``'s new content to; renamed over ``path`` when the block ends
    without an error (with the mode a new file would get), deleted when it fails."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    fd, name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: str | Path, data: bytes) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(path, text.encode(encoding))


def replace_store_folder(source: pyoxigraph.Store, path: Path) -> None:
    """Copy every quad of ``source`` into a new Oxigraph store folder that then replaces ``path``: a copy
    that fails or is killed leaves ``path`` as it was (its temporary folder is removed by the next call)."""
    import pyoxigraph

    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(path)  # the temporary or old folder of a swap that was killed
    tmp = Path(tempfile.mkdtemp(prefix=temp_prefix(path), dir=path.parent))
    try:
        target = pyoxigraph.Store(str(tmp))
        target.bulk_extend(source)
        target.flush()
        del target  # releases the RocksDB lock before the folder moves
        old = None
        if path.exists():
            old = path.with_name(f".{path.name}.old-{os.getpid()}")
            os.replace(path, old)
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
