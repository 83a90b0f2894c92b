from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app.errors import DatabaseLocked
from app.ui.main_window import MainWindow
from app.ui.session import open_session
from app.ui.settings import Settings


def test_five_tabs_with_honest_empty_states(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i).replace("&&", "&") for i in range(window.tabs.count())]
    assert titles == ["Suppliers", "Capacity & Credit", "Samples", "Negotiation", "Consolidation"]
    for index in range(1, 5):
        texts = " ".join(label.text() for label in window.tabs.widget(index).findChildren(QLabel))
        assert "not built yet" in texts


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
        "Export",
        "Quit",
    ]
    edit_items = [a.shortcut().toString() for a in menus["Edit"].actions() if a.text()]
    assert edit_items == ["Ctrl+N", "Ctrl+D", "Del", "Ctrl+Z", "Ctrl+F"]


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
    """PySide6 6.12.0 on Python 3.11 aborted after a few thousand clicks (DESIGN.md pitfalls)."""
    button = QPushButton("Click")
    qtbot.addWidget(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    for _ in range(3000):
        button.click()
    assert len(clicks) == 3000
