"""Reading and grading the whole matrix off the GUI thread: 100,000 suppliers take seconds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from app.domain.matrix.rows import MatrixRow
from app.errors import READ_ERRORS, WorkbenchError, unreadable_record


class MatrixLoader(QThread):
    """Reads and grades every row off the GUI thread: 100,000 suppliers take seconds."""

    loaded = Signal(list)
    failed = Signal(str)

    def __init__(
        self, read: Callable[[], list[MatrixRow]], path: object, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._path = path

    def run(self) -> None:
        try:
            self.loaded.emit(self._read())
        except WorkbenchError as error:
            self.failed.emit(str(error))
        except READ_ERRORS as error:  # a damaged value: say so, never "Loading…" forever
            self.failed.emit(str(unreadable_record(error, self._path)))
