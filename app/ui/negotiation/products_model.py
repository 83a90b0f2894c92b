"""The Negotiation tab's product list: each product with its quote count and chosen supplier."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.negotiation.records import ProductQuotes

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = (  # translated where shown
    str(QT_TRANSLATE_NOOP("ProductsModel", "Product / 产品")),
    str(QT_TRANSLATE_NOOP("ProductsModel", "Quotes")),
    str(QT_TRANSLATE_NOOP("ProductsModel", "Chosen supplier")),
)
NAME, QUOTES, CHOSEN = range(3)
Index = QModelIndex | QPersistentModelIndex


class ProductsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ProductQuotes] = []

    def set_rows(self, rows: list[ProductQuotes]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, product_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == product_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return row.display_name
            if column == QUOTES:
                return str(row.quote_count)
            return f"★ {row.chosen_supplier_name}" if row.chosen_supplier_name else "—"
        if role == Qt.ItemDataRole.ToolTipRole and column == CHOSEN and row.chosen_supplier_name:
            return self.tr("The supplier of the agreed quote: the product's chosen supplier")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == QUOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
