"""The Consolidation tab's table models: a read-only model over a list of service records whose
columns are declared once (header, its Chinese tip, the text, the raw sort value, an icon), the
filter over it, and an editable grid of typed text (bands, tiers, order items).

Every cell says its value in text (a warning or a mark is a word and a symbol, the icon only a
second cue); SORT_ROLE gives the raw value so sorting never compares formatted text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import QAbstractItemView, QTableView

R = TypeVar("R")
ICON_PX = 16
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
WARNING_TEXT = QColor("#A63D00")  # dark orange: reads on white; the text says it too


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    tip: str = ""  # the header's tooltip: the Chinese term and what the figure is
    sort: Callable[[R], Any] | None = None  # float or str, one type per column
    numeric: bool = False
    cell_tip: Callable[[R], str] | None = None
    icon: Callable[[R], QIcon | None] | None = None
    warning: Callable[[R], bool] | None = None  # shown in the warning colour (text says it too)


class RecordsModel(QAbstractTableModel, Generic[R]):
    """Rows of records, one column per Column; `key` gives a record's id (ID_ROLE)."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        key: Callable[[R], Any] = lambda record: record.id,  # type: ignore[attr-defined]
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.key = key
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, key: Any) -> int | None:
        return next((i for i, row in enumerate(self.rows) if self.key(row) == key), None)

    def record(self, row: int) -> R:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header.replace(" / ", "\n")  # English above Chinese: narrow columns
        if role == Qt.ItemDataRole.ToolTipRole and column.tip:
            return column.tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == ID_ROLE:
            return self.key(record)
        if role == SORT_ROLE:
            return column.sort(record) if column.sort is not None else column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.cell_tip is not None:
            return column.cell_tip(record) or None
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(record)
        if role == Qt.ItemDataRole.ForegroundRole and column.warning is not None:
            return QBrush(WARNING_TEXT) if column.warning(record) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        return None

    def search_text(self, row: int) -> str:
        record = self.rows[row]
        return " ".join(column.text(record) for column in self.columns).casefold()


class RecordsFilter(QSortFilterProxyModel):
    """Rows whose shown text contains every typed word, and that a predicate accepts."""

    def __init__(self, source: RecordsModel[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._accepts: Callable[[Any], bool] | None = None

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, accepts: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._accepts = accepts
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RecordsModel) or source_parent.isValid():
            return True
        if self._accepts is not None and not self._accepts(model.record(source_row)):
            return False
        if not self._words:
            return True
        text = model.search_text(source_row)
        return all(word in text for word in self._words)


def select_row(view: QAbstractItemView, row: int) -> None:
    """Make `row` of the view's model the current and only selected row, whatever keys are
    held (QTableView.selectRow adds to the selection while Ctrl is down)."""
    model = view.model()
    if 0 <= row < model.rowCount():
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        view.selectionModel().setCurrentIndex(model.index(row, 0), flags)


def grid_view(model: QAbstractTableModel, height: int = 110) -> QTableView:
    """A table to type into (every cell edits on a keystroke)."""
    view = QTableView()
    view.setModel(model)
    view.setMaximumHeight(height)
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    return view


class TextGridModel(QAbstractTableModel):
    """Cells of typed text; the last row is always empty and typing in it adds a row. Cells
    keep the text as typed: it is read (and refused with a message) when the form is saved."""

    def __init__(self, headers: Sequence[str], tips: Sequence[str] = (), parent: Any = None):
        super().__init__(parent)
        self.headers = tuple(headers)
        self.tips = tuple(tips)
        self.cells: list[list[str]] = [self._blank()]

    def _blank(self) -> list[str]:
        return [""] * len(self.headers)

    def set_cells(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self.cells = [list(row) for row in rows] + [self._blank()]
        self.endResetModel()

    def filled(self) -> list[tuple[int, list[str]]]:
        """(row number from 1, cells) of every row with something typed."""
        return [
            (number, row)
            for number, row in enumerate(self.cells, start=1)
            if any(cell.strip() for cell in row)
        ]

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.cells) - 1:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.cells[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.headers):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section].replace(" / ", "\n")
            if role == Qt.ItemDataRole.ToolTipRole and section < len(self.tips):
                return self.tips[section]
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.cells):
            return "+" if section == len(self.cells) - 1 else str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def display(self, row: int, column: int) -> str:
        return self.cells[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(index.row(), index.column())
        if role == Qt.ItemDataRole.EditRole:
            return self.cells[index.row()][index.column()]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.cells[index.row()][index.column()] = "" if value is None else str(value)
        self.dataChanged.emit(index, index)
        if index.row() == len(self.cells) - 1 and str(value or "").strip():
            self.beginInsertRows(QModelIndex(), len(self.cells), len(self.cells))
            self.cells.append(self._blank())
            self.endInsertRows()
        return True


def shape_icon(draw: str, colour: str) -> QIcon:
    """A small star or lightning bolt: the icon beside the words ★ cheapest / ⚡ fastest."""
    pixmap = QPixmap(ICON_PX, ICON_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor("#333333"))
    if draw == "star":
        points = [
            QPointF(
                8 + (7 if i % 2 == 0 else 3) * math.sin(i * math.pi / 5),
                8 - (7 if i % 2 == 0 else 3) * math.cos(i * math.pi / 5),
            )
            for i in range(10)
        ]
    else:
        points = [QPointF(x, y) for x, y in ((10, 1), (3, 9), (7, 9), (5, 15), (13, 6), (9, 6))]
    painter.drawPolygon(QPolygonF(points))
    painter.end()
    return QIcon(pixmap)
