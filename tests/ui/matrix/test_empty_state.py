"""The Capacity & Credit tab on an empty database (issue 14): instead of a bare table it says
what the matrix is for and sends the user to the Suppliers tab; the first supplier, with no
facts or scores yet, ends it, and deleting the last one brings it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.services.workbench import Workbench
from app.ui.main_window import MainWindow
from app.ui.matrix.tab import MatrixTab
from app.ui.session import open_session
from app.ui.settings import Settings
from tests.conftest import TODAY
from tests.factories import minimal


@pytest.fixture
def workbench(db_path: Path) -> Iterator[Workbench]:
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def tab(qtbot, workbench: Workbench, tmp_path: Path) -> Iterator[MatrixTab]:
    """Kept until the test's end: a shown tab collected with events pending brings Qt down."""
    widget = MatrixTab(workbench, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitUntil(lambda: widget.is_loaded, timeout=5000)
    yield widget
    widget.wait_until_loaded()


def test_no_supplier_shows_what_the_matrix_is_for_and_the_way_to_the_suppliers_tab(
    qtbot, tab: MatrixTab
) -> None:
    assert tab.empty_switch.is_empty()
    empty = tab.empty_switch.empty
    assert empty.isVisible() and not tab.splitter.isVisible()
    assert "Suppliers tab first" in empty.text_label.text()
    assert [button.text() for button in empty.buttons] == ["Go to the &Suppliers tab"]
    with qtbot.waitSignal(tab.go_to_tab) as asked:
        empty.buttons[0].click()
    assert asked.args == ["suppliers"]


def test_the_first_supplier_shows_the_matrix_and_the_last_deleted_brings_it_back(
    qtbot, tab: MatrixTab, workbench: Workbench
) -> None:
    added = tab.operations.run(lambda: workbench.suppliers.save(minimal("宁波家居用品厂")))
    assert added.refusal is None
    # No fact or score yet: the row is there, graded unknown, and no empty state.
    assert not tab.empty_switch.is_empty() and tab.splitter.isVisible()
    assert tab.model.rowCount() == 1
    assert tab.filter_bar.count_label.text() == "1 supplier"

    tab.filter_bar.text_box.setText("no such supplier")  # none shown is not none at all
    assert tab.model.rowCount() == 0 and not tab.empty_switch.is_empty()
    tab.filter_bar.text_box.clear()

    supplier_id = added.result.created[0]
    tab.operations.run(lambda: workbench.suppliers.delete([supplier_id]))
    qtbot.waitUntil(lambda: tab.empty_switch.is_empty(), timeout=5000)


def test_the_button_switches_the_window_to_the_suppliers_tab(
    qtbot, db_path: Path, settings: Settings
) -> None:
    session = open_session(db_path, create=False)
    session.workbench.today = lambda: TODAY
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.host("matrix"))
    QApplication.processEvents()
    matrix = window.tab("matrix")
    assert isinstance(matrix, MatrixTab)
    qtbot.waitUntil(lambda: matrix.is_loaded, timeout=5000)
    assert matrix.empty_switch.is_empty()
    matrix.empty_switch.empty.buttons[0].click()
    assert window.current_key() == "suppliers"
    window.close()
