"""Help ▸ Keyboard shortcuts (a searchable list made from the actions themselves, so it is never
out of date) and Help ▸ User guide (the offline guide shipped in resources/guide/)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import config

HEADERS = ("Action", "Keys", "Where")
Index = QModelIndex | QPersistentModelIndex
GUIDE = "guide/user-guide.md"


def menu_groups(menu: QMenu, where: str) -> list[tuple[str, list[QAction]]]:
    """(where, actions) of a menu and of each of its sub-menus ("File ▸ Export")."""
    own: list[QAction] = []
    groups: list[tuple[str, list[QAction]]] = [(where, own)]
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            groups += menu_groups(sub, f"{where} ▸ {sub.title().replace('&', '')}")
        else:
            own.append(action)
    return groups


def shortcut_groups(
    menu_bar: QMenuBar, tabs: Iterable[tuple[str, QWidget]]
) -> list[tuple[str, list[QAction]]]:
    """(where, actions) for each menu of the bar and each tab's own actions."""
    groups: list[tuple[str, list[QAction]]] = []
    for action in menu_bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            groups += menu_groups(menu, menu.title().replace("&", ""))
    groups += [(f"{title.replace('&&', '&')} tab", list(tab.actions())) for title, tab in tabs]
    return groups


def shortcut_rows(groups: Iterable[tuple[str, Iterable[QAction]]]) -> list[tuple[str, str, str]]:
    """(action, keys, where) for every action with a shortcut, in menu order, without repeats."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for where, actions in groups:
        for action in actions:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if not keys or not name or (name, where) in seen:
                continue
            seen.add((name, where))
            rows.append((name.rstrip("…").rstrip("."), keys, where))
    return rows


class ShortcutsModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple[str, str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.search = QLineEdit(
            placeholderText="Type to find an action or a key (e.g. export, Ctrl+E)"
        )
        self.search.setClearButtonEnabled(True)
        self.model = ShortcutsModel(rows, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 130)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 520)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("User guide")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        path = config.resources_dir() / GUIDE
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(f"The user guide is missing ({path}).")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)
