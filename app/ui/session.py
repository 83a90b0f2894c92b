"""Opening a database for the window: one instance per file, validated, migrated if due."""

from __future__ import annotations

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
