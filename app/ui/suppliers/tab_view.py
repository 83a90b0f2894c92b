"""The Suppliers tab's widgets and layout only; behaviour lives in app.ui.suppliers.tab."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.suppliers.detail_editor import SupplierEditor
from app.ui.suppliers.filter_bar import FilterBar
from app.ui.suppliers.table_model import COLUMNS
from app.ui.widgets.empty_state import EmptyState, EmptySwitch
from app.ui.widgets.tab_protocol import tab_action

BULK_EDIT_SHORTCUT = "Ctrl+Shift+M"  # "modify many"; Ctrl+E and Ctrl+Shift+E export
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")  # "(&N)" after Chinese, "&" in English
DEFAULT_WIDTHS = {
    "name_zh": 230,
    "name_en": 200,
    "province": 115,
    "tags": 160,
    "membership": 150,
    "city": 70,
    "next_expiry": 200,  # "expires in 42 days (2027-01-10)"
}


class SuppliersTabView(QWidget):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_bar = FilterBar()
        self.table = QTableView()
        self.table.setObjectName("supplierTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setStretchLastSection(False)
        self.editor = SupplierEditor(today)

        # The tab's own actions: their shortcuts fire only while this tab shows (tab_protocol).
        self.new_action = tab_action(self, self.tr("&New supplier"), QKeySequence.StandardKey.New)
        self.duplicate_action = tab_action(self, self.tr("D&uplicate supplier"), "Ctrl+D")
        self.delete_action = tab_action(
            self, self.tr("&Delete supplier…"), QKeySequence.StandardKey.Delete
        )
        self.undo_action = tab_action(self, self.tr("&Undo delete"), QKeySequence.StandardKey.Undo)
        self.find_action = tab_action(
            self, self.tr("&Find supplier"), QKeySequence.StandardKey.Find
        )
        self.audits_action = tab_action(self, self.tr("&Audits…"), "Ctrl+Shift+A")
        self.bulk_edit_action = tab_action(
            self, self.tr("&Edit selected suppliers…"), BULK_EDIT_SHORTCUT
        )
        self.undo_action.setEnabled(False)
        for action in self.actions():  # buttons read "新建供应商", not Qt's "新建供应商(N)"
            action.setIconText(_MNEMONIC.sub("", action.text()).removesuffix("…"))
        # The Delete key belongs to the table only; in the editor it deletes text.
        self.removeAction(self.delete_action)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for action in (
            self.new_action,
            self.duplicate_action,
            self.delete_action,
            self.bulk_edit_action,
            self.audits_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        # A database with no supplier yet says what the tab is for instead (issue 14).
        self.empty_switch = EmptySwitch(left, self._empty_state())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.empty_switch)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 520])  # until the user's own split is restored
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

    def _empty_state(self) -> EmptyState:
        # Import and the demo are the window's commands: the tab asks for them (tab.py).
        self.import_action = QAction(self.tr("&Import suppliers…"), self)
        self.import_action.setToolTip(
            self.tr("Read suppliers from an Excel or CSV file (File ▸ Import suppliers, Ctrl+I)")
        )
        self.demo_action = QAction(self.tr("Load &demo data…"), self)
        self.demo_action.setToolTip(
            self.tr(
                "Try the workbench on a new file filled with example suppliers, samples, quotes "
                "and orders (Help ▸ Load demo data); this file stays as it is"
            )
        )
        return EmptyState(
            self.tr("No suppliers yet"),
            self.tr(
                "This tab is your list of 1688 suppliers: factories and trading companies with "
                "their shop, membership, contacts, certifications and red flags. The other tabs "
                "(samples, negotiation, orders) all start from a supplier here.<br><br>"
                "Add your first supplier, import a list you already keep in Excel, or look "
                "around in the demo data first."
            ),
            [self.new_action, self.import_action, self.demo_action],
        )

    def apply_default_widths(self) -> None:
        header = self.table.horizontalHeader()
        for section, column in enumerate(COLUMNS):
            header.resizeSection(section, DEFAULT_WIDTHS.get(column.field, 95))
            header.setSectionHidden(section, not column.shown_by_default)
