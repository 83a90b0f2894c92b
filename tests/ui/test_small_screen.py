"""Every tab works on a 1280 × 720 laptop (issue 14: the matrix side panel was cut off and the
Q/D/S/C and status columns were off-screen): the window's smallest size fits, and a grab at
that size is the whole window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.main_window import MainWindow
from app.ui.tabs import TABS

SCREEN = (1280, 720)
FRAME = 40  # title bar and borders of a desktop window around the client area


@pytest.mark.parametrize("key", [entry.key for entry in TABS])
def test_each_tab_fits_a_1280_by_720_screen(window: MainWindow, key: str, tmp_path: Path) -> None:
    window.resize(SCREEN[0], SCREEN[1] - FRAME)
    window.tabs.setCurrentWidget(window.host(key))
    QApplication.processEvents()
    window.wait_until_loaded()
    QApplication.processEvents()
    needed = window.minimumSizeHint()
    assert needed.width() <= SCREEN[0], (key, needed)
    assert needed.height() <= SCREEN[1] - FRAME, (key, needed)
    assert window.size().width() <= SCREEN[0] and window.size().height() <= SCREEN[1] - FRAME
    image = window.grab()
    assert image.save(str(tmp_path / f"{key}.png"))


def test_the_matrix_shows_its_scores_and_side_panel_at_1280(window: MainWindow) -> None:
    window.resize(SCREEN[0], SCREEN[1] - FRAME)
    window.tabs.setCurrentWidget(window.host("matrix"))
    matrix = window.tab("matrix")
    matrix.wait_until_loaded()
    QApplication.processEvents()
    panel = matrix.side_tabs
    assert panel.isVisible() and panel.width() >= panel.minimumSizeHint().width()
    assert panel.geometry().right() <= matrix.width()
