"""Saved views (issue 14): a table's filters, sort and columns kept under a name, per tab and
between runs, and put back in one click from a "Views ▾" button.

A tab hands the button a `ViewTarget`: `capture()` gives a JSON-able dict, `restore(dict)` puts
it back. `TableViewState` is the usual target: a header's sort and columns plus the line edits
and combo boxes of a filter bar, each under a stable key. A view names columns and filters by
key, never by position, so a view saved before a column went away restores the rest.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping, Sequence
from enum import Enum
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from app.ui.settings import Setting, Settings
from app.ui.widgets.tab_protocol import tab_action

VIEWS_SHORTCUT = "Ctrl+Shift+F"  # Ctrl+F finds; with Shift, the saved filters (tab-scoped)
FORMAT_VERSION = 1  # of the stored list; a later format upgrades it when it reads version 1
MAX_WIDTH = 2000  # px: a stored width beyond this is a damaged value, not a wish

View = dict[str, Any]
FilterWidget = QLineEdit | QComboBox


class ViewTarget(Protocol):
    """What a table offers to be saved and restored."""

    def capture(self) -> View:
        """The current filters, sort and columns, as JSON-able values."""
        ...

    def restore(self, view: Mapping[str, Any]) -> None:
        """Show a captured view again; keys it no longer knows are ignored."""
        ...


class SavedViews:
    """The named views of one tab, in the order they were saved, kept in one setting as JSON."""

    def __init__(self, settings: Settings, setting: Setting[str]) -> None:
        self._settings = settings
        self._setting = setting

    def items(self) -> list[tuple[str, View]]:
        return self._read()

    def names(self) -> list[str]:
        return [name for name, _view in self._read()]

    def view(self, name: str) -> View | None:
        return dict(self._read()).get(name)

    def save(self, name: str, view: Mapping[str, Any]) -> None:
        """Store `view` under `name`, replacing a view of that name in its place."""
        stored = json.loads(json.dumps(view))  # JSON-able now, not when next read
        views = self._read()
        names = [known for known, _view in views]
        if name in names:
            views[names.index(name)] = (name, stored)
        else:
            views.append((name, stored))
        self._write(views)

    def delete(self, name: str) -> bool:
        views = self._read()
        kept = [(known, view) for known, view in views if known != name]
        self._write(kept)
        return len(kept) != len(views)

    def _read(self) -> list[tuple[str, View]]:
        """What is stored; anything unreadable (edited by hand, damaged) counts as nothing."""
        try:
            stored = json.loads(self._settings.get(self._setting) or "{}")
        except ValueError:
            return []
        entries = stored.get("views") if isinstance(stored, dict) else None
        return [
            (entry["name"], entry["view"])
            for entry in entries or []
            if isinstance(entry, dict)
            and isinstance(entry.get("name"), str)
            and isinstance(entry.get("view"), dict)
        ]

    def _write(self, views: list[tuple[str, View]]) -> None:
        entries = [{"name": name, "view": view} for name, view in views]
        text = json.dumps({"version": FORMAT_VERSION, "views": entries}, ensure_ascii=False)
        self._settings.set(self._setting, text)
        self._settings.sync()  # a saved view survives a crash too


class TableViewState:
    """A ViewTarget over a table header (sort, column order, widths, hidden columns) and the
    filter widgets above it. `column_keys[i]` names logical column i; `filters_restored` runs
    once after the filter widgets were set (their own signals are blocked meanwhile)."""

    def __init__(
        self,
        header: QHeaderView,
        column_keys: Sequence[str],
        filters: Mapping[str, FilterWidget],
        filters_restored: Callable[[], None],
        always_shown: Collection[str] = (),
    ) -> None:
        self._header = header
        self._keys = tuple(column_keys)
        self._logical = {key: index for index, key in enumerate(self._keys)}
        self._filters = dict(filters)
        self._filters_restored = filters_restored
        self._always_shown = frozenset(always_shown)

    def capture(self) -> View:
        header = self._header
        section = header.sortIndicatorSection()
        sort = None
        if header.isSortIndicatorShown() and 0 <= section < len(self._keys):
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            sort = {"column": self._keys[section], "descending": descending}
        columns = []
        for visual in range(min(header.count(), len(self._keys))):
            logical = header.logicalIndex(visual)
            columns.append(
                {
                    "key": self._keys[logical],
                    "hidden": header.isSectionHidden(logical),
                    "width": header.sectionSize(logical),  # 0 while hidden: Qt keeps it
                }
            )
        filters = {key: _filter_value(widget) for key, widget in self._filters.items()}
        return {"filters": filters, "sort": sort, "columns": columns}

    def restore(self, view: Mapping[str, Any]) -> None:
        filters = view.get("filters")
        self._restore_filters(filters if isinstance(filters, Mapping) else {})
        columns = view.get("columns")
        if isinstance(columns, list):
            self._restore_columns(columns)
        sort = view.get("sort")
        if isinstance(sort, Mapping) and sort.get("column") in self._logical:
            descending = sort.get("descending") is True
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            self._header.setSortIndicator(self._logical[sort["column"]], order)

    def _restore_filters(self, values: Mapping[str, Any]) -> None:
        """Every filter of the bar: the view's value, or none for one the view lacks."""
        for key, widget in self._filters.items():
            blocked = widget.blockSignals(True)
            try:
                _show_filter_value(widget, values.get(key))
            finally:
                widget.blockSignals(blocked)
        self._filters_restored()

    def _restore_columns(self, columns: list[Any]) -> None:
        header = self._header
        position = 0
        for entry in columns:
            if not isinstance(entry, Mapping) or entry.get("key") not in self._logical:
                continue  # a column this table no longer has
            key = entry["key"]
            logical = self._logical[key]
            if header.visualIndex(logical) != position:
                header.moveSection(header.visualIndex(logical), position)
            position += 1
            width = entry.get("width")
            if isinstance(width, int) and not isinstance(width, bool) and width > 0:
                header.resizeSection(logical, min(width, MAX_WIDTH))
            hidden = entry.get("hidden") is True and key not in self._always_shown
            header.setSectionHidden(logical, hidden)


def _json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _filter_value(widget: FilterWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    return _json_value(widget.currentData())


def _show_filter_value(widget: FilterWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value if isinstance(value, str) else "")
        return
    datas = [_json_value(widget.itemData(index)) for index in range(widget.count())]
    if value in datas:
        widget.setCurrentIndex(datas.index(value))
    elif None in datas:  # a choice the box no longer offers: its "any" entry
        widget.setCurrentIndex(datas.index(None))


class SavedViewsButton(QToolButton):
    """Views ▾: the saved views (one click restores one), Save current view…, Delete view….

    `action` is the tab's own action for it (see tab_protocol.tab_action): its icon text is the
    button's text, and its shortcut opens the menu while the tab shows. The button is disabled
    until `attach` gives it somewhere to keep views and a table to capture.
    """

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedViews")
        action.setIconText(f"{action.iconText()} ▾")  # the arrow as text: clear in any style
        self.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.setDefaultAction(action)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self.fill_menu)
        action.triggered.connect(self.showMenu)
        action.setEnabled(False)
        self._action = action
        self._views: SavedViews | None = None
        self._target: ViewTarget | None = None

    @classmethod
    def for_table(
        cls, owner: QWidget, settings: Settings, setting: Setting[str], target: ViewTarget
    ) -> SavedViewsButton:
        """The button every table uses: its action belongs to `owner` (the tab or page whose
        Ctrl+Shift+F it is), its views are kept in `setting`."""
        translate = QCoreApplication.translate
        action = tab_action(owner, translate("SavedViewsButton", "Saved views"), VIEWS_SHORTCUT)
        action.setIconText(translate("SavedViewsButton", "Views"))
        button = cls(action)
        button.attach(SavedViews(settings, setting), target)
        return button

    def attach(self, views: SavedViews, target: ViewTarget) -> None:
        self._views, self._target = views, target
        self._action.setEnabled(True)

    def names(self) -> list[str]:
        return [] if self._views is None else self._views.names()

    # --- what the menu items do (also called directly by tests and scripts) --------------
    def apply(self, name: str) -> bool:
        view = None if self._views is None else self._views.view(name)
        if view is None or self._target is None:
            return False
        self._target.restore(view)
        return True

    def save_current(self, name: str) -> None:
        if self._views is not None and self._target is not None:
            self._views.save(name, self._target.capture())

    def delete(self, name: str) -> bool:
        return self._views is not None and self._views.delete(name)

    def current_name(self) -> str | None:
        """The saved view the table shows exactly now, if any."""
        if self._views is None or self._target is None:
            return None
        current = json.loads(json.dumps(self._target.capture()))
        return next((name for name, view in self._views.items() if view == current), None)

    # --- the menu and its dialogs ------------------------------------------------------
    def fill_menu(self) -> None:
        menu = self.menu()
        menu.clear()
        names, current = self.names(), self.current_name()
        for name in names:
            item = menu.addAction(name.replace("&", "&&"))
            item.setCheckable(True)
            item.setChecked(name == current)
            item.triggered.connect(lambda _checked=False, chosen=name: self.apply(chosen))
        if not names:
            menu.addAction(self.tr("No saved views yet")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("&Save current view…"), self.ask_and_save)
        menu.addAction(self.tr("&Delete view…"), self.ask_and_delete).setEnabled(bool(names))

    def ask_and_save(self) -> None:
        title = self.tr("Save view")
        name, ok = QInputDialog.getText(
            self,
            title,
            self.tr("Name for the current filters, sort and columns:"),
            text=self.current_name() or "",
        )
        name = name.strip()
        if not ok or not name:
            return
        if name in self.names():
            question = self.tr("A view named “{name}” exists. Replace it?").format(name=name)
            answer = QMessageBox.question(self, title, question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_current(name)

    def ask_and_delete(self) -> None:
        names = self.names()
        if not names:
            return
        current = self.current_name()
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Delete view"),
            self.tr("Saved view to delete:"),
            names,
            names.index(current) if current in names else 0,
            False,
        )
        if ok and name:
            self.delete(name)
