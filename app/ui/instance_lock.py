"""One window per database: a QLockFile beside the file, taken over after a crash, and a second
one in the data folder named by the file's identity (device and inode), so a hard link or
another path to the same file cannot open a second window either."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from app import config
from app.errors import DatabaseError, DatabaseLocked, DatabaseReadOnly


class InstanceLock:
    def __init__(self, database_path: Path) -> None:
        self._path = Path(database_path)
        beside = QLockFile(str(self._path) + ".lock")
        self._locks = [beside, QLockFile(str(_identity_lock(self._path)))]
        for lock in self._locks:
            lock.setStaleLockTime(0)  # a lock whose process is gone is stale at once

    def acquire(self) -> None:
        taken: list[QLockFile] = []
        for lock in self._locks:
            if lock.tryLock(100):
                taken.append(lock)
                continue
            for held in taken:
                held.unlock()
            raise self._refusal(lock)

    def _refusal(self, lock: QLockFile) -> DatabaseError:
        """Say what really stopped the lock: another window, or a folder we cannot write."""
        if lock.error() == QLockFile.LockError.LockFailedError:
            info = lock.getLockInfo()  # (pid, host, app name); pid 0 when unreadable
            if not (isinstance(info, tuple) and len(info) >= 2 and info[0]):
                return DatabaseError(
                    f"{self._path}: its lock file {lock.fileName()} cannot be read (a folder "
                    "or a damaged file has its name). If no window has this database open, "
                    "remove it and try again."
                )
            holder = f" (process {info[0]} on {info[1]})"
            return DatabaseLocked(
                f"{self._path} is already open in another Sourcing Workbench window{holder}. "
                "Switch to that window, or close it first."
            )
        if lock.error() == QLockFile.LockError.PermissionError:
            return DatabaseReadOnly(
                f"{self._path}: the lock file {lock.fileName()} cannot be created (read-only "
                "folder or a full disk)."
            )
        return DatabaseError(
            f"{self._path}: the lock file {lock.fileName()} cannot be created (an unknown "
            "problem of the disk or folder)."
        )

    def release(self) -> None:
        for lock in self._locks:
            lock.unlock()


def _identity_lock(path: Path) -> Path:
    """The data folder's lock for the file at `path`, named by what the file is, not its name."""
    folder = config.data_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        stat = path.stat()
        name = f"{stat.st_dev}-{stat.st_ino}.lock"
    except OSError:  # a file about to be created: its resolved path stands in
        name = f"new-{abs(hash(str(path.resolve())))}.lock"
    return folder / name
