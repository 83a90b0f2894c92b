from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from app.errors import DatabaseLocked
from app.ui.main_window import MainWindow
from app.ui.session import open_session
from app.ui.settings import Settings


def test_five_tabs_with_honest_empty_states(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i).replace("&&", "&") for i in range(window.tabs.count())]
    assert titles == ["Suppliers", "Capacity & Credit", "Samples", "Negotiation", "Consolidation"]
    # Built when first opened: only the Suppliers tab's code loads at start-up.
    assert window.host("matrix").content is None and window.host("samples").content is None
    window.tabs.setCurrentIndex(1)
    assert window.host("matrix").content is window.tab("matrix")
    assert window.tabs.widget(2).build() is window.tab("samples")


def test_menus_hold_the_file_and_edit_actions(window: MainWindow) -> None:
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "Help"]
    file_items = [a.text().replace("&", "") for a in menus["File"].actions() if a.text()]
    assert file_items == [
        "New database…",
        "Open database…",
        "Open recent",
        "Import suppliers…",
        "Back up database…",
        "Restore from backup…",
        "Export",
        "Print preview…",
        "Print…",
        "Settings…",
        "Quit",
    ]
    edit_items = [a.shortcut().toString() for a in menus["Edit"].actions() if a.text()]
    assert edit_items == [
        "Ctrl+N",
        "Ctrl+D",
        "Ctrl+Shift+M",
        "Del",
        "Ctrl+Z",
        "Ctrl+Shift+A",
        "Ctrl+F",
    ]


def test_second_window_on_the_same_database_is_refused(window: MainWindow, filled_db: Path) -> None:
    with pytest.raises(DatabaseLocked, match="already open"):
        open_session(filled_db, create=False)


def test_window_state_is_remembered(qtbot, filled_db: Path, settings: Settings) -> None:
    first = MainWindow(open_session(filled_db, create=False), settings)
    qtbot.addWidget(first)
    first.show()
    first.start()
    first.resize(640, 480)
    first.tabs.setCurrentIndex(2)
    header = first.suppliers_tab.table.horizontalHeader()
    header.resizeSection(1, 321)
    header.setSectionHidden(2, True)
    first.suppliers_tab.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    first.close()

    second = MainWindow(open_session(filled_db, create=False), settings)
    qtbot.addWidget(second)
    second.show()
    header = second.suppliers_tab.table.horizontalHeader()
    # (the offscreen screen is 800 px wide, narrower than the window minimum: check the height)
    assert second.size().height() == 480 and second.tabs.currentIndex() == 2
    assert header.sectionSize(1) == 321 and header.isSectionHidden(2)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )
    assert settings.recent_databases() == [filled_db.resolve()]
    second.close()


def test_many_clicks_do_not_crash_pyside(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 aborted after a few thousand clicks (README: Pitfalls)."""
    button = QPushButton("Click")
    qtbot.addWidget(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    for _ in range(3000):
        button.click()
    assert len(clicks) == 3000


def test_new_and_open_database_switch_the_window(
    window: MainWindow, filled_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = tmp_path / "second"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    window.new_database()
    assert window.session.workbench.path == fresh.with_suffix(".sqlite3").resolve()
    assert window.suppliers_tab.model.total == 0
    assert window.windowTitle().startswith("second.sqlite3")
    open_session(filled_db, create=False).close()  # the first file's lock was released

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(filled_db), ""))
    window.open_database()
    assert window.session.workbench.path == filled_db.resolve()
    assert window.suppliers_tab.model.total == 3


def test_opening_a_file_that_is_not_a_database_keeps_the_current_one(
    window: MainWindow, filled_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs
) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notes), ""))
    window.open_database()
    assert "not a Sourcing Workbench database" in dialogs.asked[-1]
    assert window.session.workbench.path == filled_db.resolve()
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_the_matrix_follows_changes_made_in_the_suppliers_tab(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.host("matrix"))
    window.tab("matrix").wait_until_loaded()
    service = window.session.workbench.suppliers
    supplier = service.get(service.find_id("义乌市恒达工艺品厂"))
    supplier.name_zh = "义乌市恒达新工艺品厂"
    change = service.save(supplier)
    window.operations.announce([change])  # as every write from the window does
    window.tab("matrix").wait_until_loaded()
    model = window.tab("matrix").model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any("义乌市恒达新工艺品厂" in name for name in names)
