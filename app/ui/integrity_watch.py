"""Checks the open database's pages on a worker thread, so a big file opens without waiting."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from app.errors import DatabaseError
from app.services.workbench import Workbench


class IntegrityWatch(QThread):
    """Runs Workbench.verify(); emits `damaged(message)` if SQLite finds damage."""

    damaged = Signal(str)

    def __init__(self, workbench: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workbench = workbench

    def run(self) -> None:
        try:
            self._workbench.verify()
        except DatabaseError as error:
            self.damaged.emit(str(error))
