"""One window per database: a QLockFile beside the file, taken over after a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from app.errors import DatabaseLocked


class InstanceLock:
    def __init__(self, database_path: Path) -> None:
        self._lock = QLockFile(str(Path(database_path)) + ".lock")
        self._lock.setStaleLockTime(0)  # a lock whose process is gone is stale at once
        self._path = Path(database_path)

    def acquire(self) -> None:
        if self._lock.tryLock(100):
            return
        ok, pid, host, _app = self._lock.getLockInfo()
        holder = f" (process {pid} on {host})" if ok else ""
        raise DatabaseLocked(
            f"{self._path} is already open in another Sourcing Workbench window{holder}. "
            "Switch to that window, or close it first."
        )

    def release(self) -> None:
        self._lock.unlock()
