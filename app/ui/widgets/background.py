"""Run long work off the GUI thread behind a cancellable progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import Cancelled

T = TypeVar("T")
Progress = Callable[[int, int], bool]


class _Relay(QObject):
    """Carries progress and the end of the work from the worker thread to the GUI thread."""

    progressed = Signal(int, int)
    done = Signal()


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[Progress], T]) -> T:
    """Run `work(report)` in a thread; `report(done, total)` returns False once cancelled.

    Returns the work's result, or re-raises its exception here on the GUI thread (a
    Cancelled when the user pressed Cancel), so callers handle errors in one place.
    """
    cancel = QCoreApplication.translate("background", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work finishes without a flashing dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    relay = _Relay()
    cancelled = threading.Event()
    outcome: dict[str, Any] = {}

    def report(done: int, total: int) -> bool:
        relay.progressed.emit(done, total)
        return not cancelled.is_set()

    def run() -> None:
        try:
            outcome["result"] = work(report)
        except BaseException as error:  # handed to the GUI thread, raised there
            outcome["error"] = error
        relay.done.emit()

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    loop = QEventLoop()
    relay.progressed.connect(show_progress)
    relay.done.connect(loop.quit)
    dialog.canceled.connect(cancelled.set)
    worker = threading.Thread(target=run, name="workbench-task", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    dialog.canceled.disconnect(cancelled.set)  # closing the dialog emits `canceled` too
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    if cancelled.is_set():
        raise Cancelled(QCoreApplication.translate("background", "Cancelled; nothing was written."))
    return outcome["result"]
