"""Help ▸ Keyboard shortcuts (a searchable list made from the actions themselves, so it is never
out of date) and Help ▸ User guide (the offline guide shipped in resources/guide/)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
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
from app.ui import i18n

HEADERS = (
    str(QT_TRANSLATE_NOOP("ShortcutsModel", "Action")),
    str(QT_TRANSLATE_NOOP("ShortcutsModel", "Keys")),
    str(QT_TRANSLATE_NOOP("ShortcutsModel", "Where")),
)
Index = QModelIndex | QPersistentModelIndex
GUIDE = "guide/user-guide.md"
GUIDES = {i18n.CHINESE: "guide/user-guide.zh_CN.md"}  # by interface language; else GUIDE


_MNEMONIC = re.compile(r"\(&[^&)]\)")  # "新建(&N)": how Chinese texts mark their key


def plain(text: str) -> str:
    """A menu or action text as read: "&File" -> "File", "文件(&F)" -> "文件", "&&" -> "&"."""
    text = _MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def guide_path() -> str:
    """The user guide in the interface language (resources/guide/), English by default."""
    return GUIDES.get(i18n.active(), GUIDE)


def menu_groups(menu: QMenu, where: str) -> list[tuple[str, list[QAction]]]:
    """(where, actions) of a menu and of each of its sub-menus ("File ▸ Export")."""
    own: list[QAction] = []
    groups: list[tuple[str, list[QAction]]] = [(where, own)]
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            groups += menu_groups(sub, f"{where} ▸ {plain(sub.title())}")
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
            groups += menu_groups(menu, plain(menu.title()))
    groups += [
        (
            QCoreApplication.translate("ShortcutsDialog", "{tab} tab").format(tab=plain(title)),
            list(tab.actions()),
        )
        for title, tab in tabs
    ]
    return groups


def shortcut_rows(groups: Iterable[tuple[str, Iterable[QAction]]]) -> list[tuple[str, str, str]]:
    """(action, keys, where) for every action with a shortcut, in menu order, without repeats."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for where, actions in groups:
        for action in actions:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            name = plain(action.text())
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
            return QCoreApplication.translate("ShortcutsModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.search = QLineEdit(
            placeholderText=self.tr("Type to find an action or a key (e.g. export, Ctrl+E)")
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
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        path = config.resources_dir() / guide_path()
        if not path.exists():
            path = config.resources_dir() / GUIDE  # a language without its guide: English
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(
                self.tr("The user guide is missing ({path}).").format(path=path)
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)
