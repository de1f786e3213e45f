"""Read-only views of an on-disk store that another process may be writing: published snapshots.

Oxigraph calls a read-only opening of a RocksDB folder that another process writes *undefined behaviour*,
and it is: a reader that opened a store in the middle of a build was seen to grow past 10 GB of memory (in
about one opening in five of a test that reads between batches). So readers never open the live folder
while a writer may be at work. The writer publishes a **snapshot** instead: ``Store.backup`` (a RocksDB
checkpoint: its table files hard-linked, cheap and consistent) into ``snapshots/<time>-<pid>`` inside the
store folder (RocksDB ignores subfolders), written under a temporary name and renamed, so a snapshot is
complete or absent. Nothing writes a snapshot after that, so opening it read-only is defined.

* A build publishes one when it opens the store, after a batch when ``interval`` seconds have passed since
  the last one, and when it ends. Readers see the store as of the last snapshot.
* A reader holds a shared ``flock`` on the snapshot's ``READERS.lock`` for as long as its view lives
  (:class:`SnapshotView`); the writer removes an older snapshot only when it gets that lock exclusively,
  so no view loses its files.
* A store folder opened for writing is marked ``SNAPSHOT_STALE`` until its writer's last snapshot; a
  reader that finds the mark (or no snapshot at all: a store written before snapshots existed, or a
  writer killed before it published) and no writer at work publishes one itself, under the writer lock.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

SNAPSHOTS = "snapshots"
STALE_MARK = "SNAPSHOT_STALE"
READERS_LOCK = "READERS.lock"
WRITER_LOCK = ".pharmakg.lock"  # the store's writer lock, taken by pharmakg.graph.bookkeeping.store_lock
DEFAULT_INTERVAL = 10.0  # seconds between two snapshots of a running build


class StoreBusy(RuntimeError):
    """A writer is at work on a store that has no snapshot to read yet."""


def _snapshots(folder: Path) -> list[Path]:
    """Published snapshots, newest first (names start with a zero-padded time)."""
    root = folder / SNAPSHOTS
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if not p.name.startswith(".")), reverse=True)


def newest(folder: Path) -> Path | None:
    found = _snapshots(folder)
    return found[0] if found else None


def mark_stale(folder: Path) -> None:
    """Called when a store folder is opened for writing: its snapshot no longer says what it holds."""
    (folder / STALE_MARK).touch()


def is_stale(folder: Path) -> bool:
    return (folder / STALE_MARK).exists() or newest(folder) is None


def publish(store: ox.Store, folder: Path, final: bool = False) -> Path:
    """Write a snapshot of ``store`` (open for writing on ``folder``) and remove the older ones no reader
    holds. Returns the new snapshot's folder. ``final``: the store is closed next, without another write,
    so the stale mark goes; otherwise it stays (the writer may write more than any snapshot shows)."""
    root = folder / SNAPSHOTS
    root.mkdir(exist_ok=True)
    name = f"{time.time_ns():020d}-{os.getpid()}"
    tmp = root / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    store.backup(str(tmp))  # flushes, then hard-links the table files: consistent and cheap
    (tmp / READERS_LOCK).touch()
    target = root / name
    os.rename(tmp, target)  # a snapshot is complete or absent
    _fsync_dir(root)
    if final:
        (folder / STALE_MARK).unlink(missing_ok=True)
    remove_unused(folder, keep=target)
    return target


def remove_unused(folder: Path, keep: Path | None = None) -> list[Path]:
    """Remove every snapshot but ``keep`` (default: the newest) that no reader holds, and temporaries left
    by a writer that was killed while it published."""
    keep = keep or newest(folder)
    removed: list[Path] = []
    root = folder / SNAPSHOTS
    if not root.is_dir():
        return removed
    for path in root.iterdir():
        if path == keep:
            continue
        if path.name.startswith("."):
            if path.name.endswith(".tmp") and not _pid_alive(path.name):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
            continue
        fd = _open_lock(path)
        if fd is None:
            continue
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a reader holds it: removed by a later snapshot
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
        finally:
            os.close(fd)
    return removed


def _pid_alive(tmp_name: str) -> bool:
    try:
        pid = int(tmp_name.rsplit("-", 1)[1].split(".")[0])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _open_lock(snapshot: Path) -> int | None:
    try:
        return os.open(snapshot / READERS_LOCK, os.O_RDONLY)
    except FileNotFoundError:
        return None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def writer_active(folder: Path) -> bool:
    """Whether a pharmakg writer holds the store's writer lock now."""
    try:
        fd = os.open(folder / WRITER_LOCK, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also releases the shared lock taken to ask
    return False


class SnapshotView:
    """A held snapshot: its shared reader lock lives as long as this object (or until :meth:`close`)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._finalizer = weakref.finalize(self, os.close, fd)

    def close(self) -> None:
        self._finalizer()


def _hold(snapshot: Path) -> SnapshotView | None:
    fd = _open_lock(snapshot)
    if fd is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)  # being removed
        return None
    if not (snapshot / "CURRENT").exists():  # removed between our open and our lock
        os.close(fd)
        return None
    return SnapshotView(snapshot, fd)


def open_view(
    folder: Path, refresh: Callable[[Path], bool], wait: float = 30.0
) -> tuple[ox.Store, SnapshotView | None]:
    """The newest snapshot of ``folder`` opened read-only, with its reader lock held.

    ``refresh(folder)`` publishes a snapshot when no writer is at work and the snapshot is stale or missing;
    it returns False when the folder is not writable (so no process writes it: a store with no snapshot is
    then opened directly) and raises StoreBusy when another process has the store open for writing.
    """
    deadline = time.monotonic() + wait
    while True:
        if is_stale(folder) and not writer_active(folder):
            try:
                if not refresh(folder) and newest(folder) is None:
                    return ox.Store.read_only(str(folder)), None  # not writable, so nobody writes it
            except StoreBusy:
                pass  # another process has it open for writing: read its last snapshot, or wait for one
        for snapshot in _snapshots(folder):
            view = _hold(snapshot)
            if view is not None:
                return ox.Store.read_only(str(snapshot)), view
        if time.monotonic() > deadline:
            raise StoreBusy(f"{folder}: another process writes this store and has published no snapshot yet")
        time.sleep(0.05)  # a writer that just started publishes its first snapshot at once
