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
        info = self._lock.getLockInfo()  # (pid, host, app name), or empty when unreadable
        holder = f" (process {info[0]} on {info[1]})" if info and len(info) >= 2 else ""
        raise DatabaseLocked(
            f"{self._path} is already open in another Sourcing Workbench window{holder}. "
            "Switch to that window, or close it first."
        )

    def release(self) -> None:
        self._lock.unlock()
