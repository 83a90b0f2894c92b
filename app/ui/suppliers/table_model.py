"""The supplier table's Qt model: adapts a SupplierTable (filtered, sorted rows) for the view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.kit.money import Money
from app.domain.suppliers.choices import PROVINCES, BusinessType, Membership, Status
from app.domain.suppliers.membership import member_since_text
from app.services.suppliers.listing import SupplierFilter, SupplierListItem
from app.ui.suppliers.table_state import SupplierTable

_Index = QModelIndex | QPersistentModelIndex
_PROVINCE_EN = dict(PROVINCES)
_TYPE_LABELS = {member.value: member.label for member in BusinessType}
_MEMBERSHIP_LABELS = {member.value: f"{member.label} {member.label_zh}" for member in Membership}
_STATUS_LABELS = {member.value: member.label for member in Status}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_WARNING_TEXT = QColor("#9a3412")  # dark orange: readable, and the text says it too


def _rate(text: str | None) -> str:
    return "" if text is None else f"{Decimal(text).normalize():f} %"


def _deposit(item: SupplierListItem) -> str:
    if item.deposit_minor is None:
        return ""
    return str(Money.from_minor(item.deposit_minor, item.deposit_currency))


@dataclass(frozen=True)
class Column:
    field: str  # the SupplierListItem field it shows and sorts by
    title: str
    text: Callable[[SupplierListItem], str]
    numeric: bool = False
    shown_by_default: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("name_zh", "Chinese name", lambda i: i.name_zh),
    Column("name_en", "English name", lambda i: i.name_en),
    Column("business_type", "Type", lambda i: _TYPE_LABELS.get(i.business_type or "", "")),
    Column(
        "province",
        "Province",
        lambda i: f"{i.province} {_PROVINCE_EN.get(i.province, '')}".strip(),
    ),
    Column("city", "City", lambda i: i.city),
    Column(
        "membership", "1688 membership", lambda i: _MEMBERSHIP_LABELS.get(i.membership or "", "")
    ),
    Column(
        "member_since",
        "Member since",
        lambda i: member_since_text(i.member_since, i.member_since_month),
        numeric=True,
    ),
    Column("status", "Status", lambda i: _STATUS_LABELS.get(i.status, i.status)),
    Column("reorder_rate", "Reorder", lambda i: _rate(i.reorder_rate), numeric=True),
    Column("on_time_rate", "On time", lambda i: _rate(i.on_time_rate), numeric=True),
    Column(
        "response_rate",
        "Response",
        lambda i: _rate(i.response_rate),
        numeric=True,
        shown_by_default=False,
    ),
    Column("deposit_minor", "Deposit", _deposit, numeric=True, shown_by_default=False),
    Column("tags", "Tags", lambda i: i.tags or ""),
    Column("contact", "Contact", lambda i: i.contact or ""),
    Column(
        "red_flags", "Red flags", lambda i: f"⚑ {i.red_flags}" if i.red_flags else "", numeric=True
    ),
    Column(
        "next_expiry", "Next cert. expiry", lambda i: i.next_expiry or "", shown_by_default=False
    ),
    Column("updated_at", "Updated", lambda i: i.updated_at[:10], shown_by_default=False),
)
COLUMN_FIELDS = tuple(column.field for column in COLUMNS)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SupplierTableModel(QAbstractTableModel):
    """Read-only rows of suppliers; sorting and filtering happen in Python, not in a proxy."""

    def __init__(self, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self._table = SupplierTable()
        self._today = today

    # --- data for the view ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._table.item_at(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.field == "next_expiry" and item.expiry_alert(self._today()):
                return f"⚠ {item.next_expiry}"  # not colour alone: the mark says it too
            return column.text(item)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(item, column.field)
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT
        if column.field == "next_expiry" or column.field == "name_zh":
            return self._expiry_data(item, role)
        if (
            column.field == "red_flags"
            and item.red_flags
            and role == Qt.ItemDataRole.ForegroundRole
        ):
            return _WARNING_TEXT
        return None

    def _expiry_data(self, item: SupplierListItem, role: int) -> Any:
        if not item.expiry_alert(self._today()):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"A certification expires on {item.next_expiry} (or has expired): check it."
        if role == Qt.ItemDataRole.ForegroundRole:
            return _WARNING_TEXT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._table.set_sort(COLUMNS[column].field, order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    # --- what the tab asks -------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._table.total

    def supplier_id(self, row: int) -> int:
        return self._table.item_at(row).id

    def row_of(self, supplier_id: int) -> int | None:
        return self._table.row_of(supplier_id)

    def visible_ids(self) -> list[int]:
        return self._table.visible_ids()

    @property
    def current_filter(self) -> SupplierFilter:
        return self._table.current_filter

    # --- changes (each resets the rows the view shows) --------------------------------
    def set_items(self, items: list[SupplierListItem]) -> None:
        self._reset(lambda: self._table.set_items(items))

    def upsert(self, items: list[SupplierListItem]) -> None:
        self._reset(lambda: self._table.upsert(items))

    def remove(self, supplier_ids: list[int]) -> None:
        self._reset(lambda: self._table.remove(supplier_ids))

    def set_filter(self, wanted: SupplierFilter) -> None:
        self._reset(lambda: self._table.set_filter(wanted))

    def _reset(self, change: Callable[[], None]) -> None:
        self.beginResetModel()
        change()
        self.endResetModel()
