"""Opening a database for the window: one instance per file, validated, migrated if due."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.services.workbench import Workbench
from app.store.opening import OpenedFile, open_database_file
from app.ui.instance_lock import InstanceLock


@dataclass
class Session:
    workbench: Workbench
    lock: InstanceLock | None
    opened: OpenedFile

    def close(self) -> None:
        self.workbench.close()
        if self.lock is not None:
            self.lock.release()


def open_session(
    path: Path, *, create: bool, quick_check: bool = True, exclusive: bool = True
) -> Session:
    """Lock, then validate (or create) the file. Raises a WorkbenchError saying what is wrong.

    `exclusive=False` takes no lock: for a read-only look (a screenshot) while the app is open.
    `quick_check=False` leaves the page scan to Workbench.verify() (the window runs it on a
    worker thread after the first paint; writes wait for it).
    """
    path = Path(path).expanduser().resolve()
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not _writable(path):
        return _read_only_session(path, quick_check)
    lock = InstanceLock(path) if exclusive else None
    if lock is not None:
        lock.acquire()
    try:
        opened = open_database_file(path, create=create, quick_check=quick_check)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    verified = quick_check or opened.created or opened.migrated_from is not None
    return Session(Workbench(path, verified=verified), lock, opened)


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only_session(path: Path, quick_check: bool) -> Session:
    """Read-only media or permissions: browse and export; every write says it cannot be saved.

    No lock file can be made there, and none is needed: nobody can write the file anyway."""
    opened = open_database_file(path, create=False, quick_check=quick_check, read_only=True)
    return Session(Workbench(path, verified=quick_check, read_only=True), None, opened)
