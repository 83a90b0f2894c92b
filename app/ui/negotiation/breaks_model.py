"""The price breaks of the quote being edited: min quantity → unit price, typed in place.

The last row is always empty: typing in it adds a break. Cells hold the text as typed; it is read
(and refused with a message) only when the quote is saved, so nothing typed is ever lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.kit.money import parse_decimal
from app.domain.negotiation.quotes import PriceBreak
from app.ui.widgets.parsing import parse_count

HEADERS = (  # translated where shown
    str(QT_TRANSLATE_NOOP("BreaksModel", "From quantity / 起批量")),
    str(QT_TRANSLATE_NOOP("BreaksModel", "Unit price / 单价")),
)
QTY, PRICE = 0, 1
Index = QModelIndex | QPersistentModelIndex


class BreaksModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cells: list[list[str]] = [["", ""]]

    def set_breaks(self, breaks: tuple[PriceBreak, ...]) -> None:
        self.beginResetModel()
        self.cells = [[str(b.min_qty), str(b.unit_price)] for b in breaks] + [["", ""]]
        self.endResetModel()

    def breaks(self) -> tuple[list[PriceBreak], list[str]]:
        """The typed breaks (in the order typed: the domain checks the order) and the problems."""
        found: list[PriceBreak] = []
        problems: list[str] = []
        for number, (qty_text, price_text) in enumerate(self.cells, start=1):
            if not qty_text.strip() and not price_text.strip():
                continue
            try:
                quantity = parse_count(qty_text, self.tr("the quantity a break starts from"))
                price = parse_decimal(price_text)
            except (ValueError, ArithmeticError):
                quantity = None
            if quantity is None:
                problem = self.tr(
                    "Break {number}: type a whole quantity and a price (e.g. 100 and 2.80), "
                    "not '{quantity}' and '{price}'."
                )
                problems.append(problem.format(number=number, quantity=qty_text, price=price_text))
                continue
            found.append(PriceBreak(quantity, price))
        return found, problems

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.cells) - 1:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.cells[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return "+" if section == len(self.cells) - 1 else str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.cells[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index)
        if index.row() == len(self.cells) - 1 and str(value).strip():  # the empty row was used
            self.beginInsertRows(QModelIndex(), len(self.cells), len(self.cells))
            self.cells.append(["", ""])
            self.endInsertRows()
        return True
