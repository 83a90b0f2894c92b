"""One supplier picker for every form that chooses a supplier (samples, quotes, orders): type any
part of the Chinese or English name, its pinyin with or without spaces ('yiwu', 'yi wu') or its
initials ('ywhd') — the same search as the Suppliers tab's quick filter.

Built for 100,000 suppliers: the names sit in a list model (no item objects), the search is a
plain scan of precomputed haystacks, and the popup shows the first matches only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.domain.kit.search_text import matches

Choice = tuple[int, str, str]  # (supplier id, shown name, search haystack)
Index = QModelIndex | QPersistentModelIndex
MAX_SHOWN = 200  # matches listed in the popup while typing


class _Choices(QAbstractListModel):
    """(id, name) rows: the name shows, the id is the UserRole data."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []

    def set_choices(self, choices: list[Choice]) -> None:
        self.beginResetModel()
        self.choices = choices
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        supplier_id, name, _haystack = self.choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return name
        return supplier_id if role == Qt.ItemDataRole.UserRole else None


class SupplierPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self._all = _Choices(self)
        self._rows: dict[int, int] = {}
        self.setModel(self._all)
        self._found = _Choices(self)
        completer = QCompleter(self._found, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("type a name, pinyin (yiwu) or initials (ywhd)"))
            line.textEdited.connect(self._search)
        self.setToolTip(
            self.tr("Type any part of the Chinese or English name, its pinyin or initials")
        )

    def set_suppliers(self, choices: Sequence[Choice | tuple[int, str]]) -> None:
        """The suppliers to choose from, the current one kept when it is still there; a pair
        without a haystack is searched by its name as shown."""
        chosen = self.current_id()
        full: list[Choice] = [_with_haystack(choice) for choice in choices]
        self._all.set_choices(full)
        self._rows = {supplier_id: row for row, (supplier_id, _n, _h) in enumerate(full)}
        self.set_current_id(chosen)

    def current_id(self) -> int | None:
        value = self.currentData()
        return value if isinstance(value, int) else None

    def set_current_id(self, supplier_id: int | None) -> None:
        self.setCurrentIndex(self.row_of(supplier_id))

    def row_of(self, supplier_id: int | None) -> int:
        """The row of a supplier, -1 if unknown (findData would scan every row)."""
        return -1 if supplier_id is None else self._rows.get(supplier_id, -1)

    def matching(self, text: str) -> list[Choice]:
        """The suppliers the typed text finds, in list order, at most MAX_SHOWN."""
        found: list[Choice] = []
        for choice in self._all.choices:
            if matches(choice[2], text):
                found.append(choice)
                if len(found) == MAX_SHOWN:
                    break
        return found

    def _search(self, text: str) -> None:
        self._found.set_choices(self.matching(text))
        completer = self.completer()
        if completer is not None and text.strip():
            completer.complete()

    def _chosen(self, index: QModelIndex) -> None:
        self.set_current_id(index.data(Qt.ItemDataRole.UserRole))


def _with_haystack(choice: Choice | tuple[int, str]) -> Choice:
    if len(choice) == 3:
        return choice
    return (choice[0], choice[1], choice[1].lower())
