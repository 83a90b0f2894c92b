"""Long work off the GUI thread: results come back, errors come back, Cancel really cancels."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from app.errors import Cancelled, WorkbenchError
from app.ui.widgets.background import run_with_progress


def test_the_result_comes_back_and_the_gui_thread_is_not_used(qtbot) -> None:
    threads: list[threading.Thread] = []

    def work(report):
        threads.append(threading.current_thread())
        for done in range(5):
            assert report(done, 5)
        return "done"

    assert run_with_progress(None, "Working…", work) == "done"
    assert threads[0] is not threading.main_thread()


def test_an_error_is_raised_on_the_gui_thread(qtbot) -> None:
    def work(_report):
        raise WorkbenchError("disk full")

    with pytest.raises(WorkbenchError, match="disk full"):
        run_with_progress(None, "Working…", work)


def test_cancel_stops_the_work(qtbot) -> None:
    started, steps = threading.Event(), []

    def work(report):
        started.set()
        for step in range(10_000):
            if not report(step, 10_000):
                return "stopped early"
            steps.append(step)
            threading.Event().wait(0.001)
        return "finished"

    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                widget.canceled.emit()  # what its Cancel button does
                return
        QTimer.singleShot(20, press_cancel)

    QTimer.singleShot(20, press_cancel)
    with pytest.raises(Cancelled):
        run_with_progress(None, "Working…", work)
    assert started.is_set() and len(steps) < 10_000
