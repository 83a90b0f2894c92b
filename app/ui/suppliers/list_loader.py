"""Loads the supplier list on a worker thread so a big database never freezes the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from app.errors import READ_ERRORS, WorkbenchError, unreadable_record
from app.services.suppliers.listing import load_supplier_list


class SupplierListLoader(QThread):
    """Reads every supplier row with its own sqlite3 connection, then emits `loaded(list)`."""

    loaded = Signal(list)
    failed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path

    def run(self) -> None:
        try:
            self.loaded.emit(load_supplier_list(self._path))
        except WorkbenchError as error:
            self.failed.emit(str(error))
        except READ_ERRORS as error:  # a damaged value: say so, never a silent dead thread
            self.failed.emit(str(unreadable_record(error, self._path)))
