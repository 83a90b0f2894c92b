"""The supplier table's Qt model: adapts a SupplierTable (filtered, sorted rows) for the view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain.kit.money import Money
from app.domain.suppliers.choices import PROVINCES, BusinessType, Membership, Status
from app.domain.suppliers.membership import member_since_text
from app.services.suppliers.listing import SupplierFilter, SupplierListItem
from app.ui.i18n import label_of
from app.ui.suppliers.expiry_marks import expiry_icon, expiry_words
from app.ui.suppliers.list_models import choice_text
from app.ui.suppliers.table_state import SupplierTable

_Index = QModelIndex | QPersistentModelIndex
_PROVINCE_EN = dict(PROVINCES)
_TYPES = {member.value: member for member in BusinessType}
_MEMBERSHIPS = {member.value: member for member in Membership}
_STATUSES = {member.value: member for member in Status}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_WARNING_TEXT = QColor("#9a3412")  # dark orange: readable, and the text says it too


def _rate(text: str | None) -> str:
    return "" if text is None else f"{Decimal(text).normalize():f} %"


def _type(item: SupplierListItem) -> str:
    member = _TYPES.get(item.business_type or "")
    return "" if member is None else label_of(member)


def _membership(item: SupplierListItem) -> str:
    member = _MEMBERSHIPS.get(item.membership or "")
    return "" if member is None else choice_text(member, " ")


def _status(item: SupplierListItem) -> str:
    member = _STATUSES.get(item.status)
    return item.status if member is None else label_of(member)


def _deposit(item: SupplierListItem) -> str:
    if item.deposit_minor is None:
        return ""
    return str(Money.from_minor(item.deposit_minor, item.deposit_currency))


def _name_zh(item: SupplierListItem) -> str:
    return item.name_zh


def _name_en(item: SupplierListItem) -> str:
    return item.name_en


def _province(item: SupplierListItem) -> str:
    return f"{item.province} {_PROVINCE_EN.get(item.province, '')}".strip()


@dataclass(frozen=True)
class Column:
    field: str  # the SupplierListItem field it shows and sorts by
    title: str
    text: Callable[[SupplierListItem], str]
    numeric: bool = False
    shown_by_default: bool = True


# Titles are marked for translation here and translated where shown (column_title).
COLUMNS: tuple[Column, ...] = (
    Column("name_zh", str(QT_TRANSLATE_NOOP("SupplierTableModel", "Chinese name")), _name_zh),
    Column("name_en", str(QT_TRANSLATE_NOOP("SupplierTableModel", "English name")), _name_en),
    Column("business_type", str(QT_TRANSLATE_NOOP("SupplierTableModel", "Type")), _type),
    Column("province", str(QT_TRANSLATE_NOOP("SupplierTableModel", "Province")), _province),
    Column("city", str(QT_TRANSLATE_NOOP("SupplierTableModel", "City")), lambda i: i.city),
    Column(
        "membership", str(QT_TRANSLATE_NOOP("SupplierTableModel", "1688 membership")), _membership
    ),
    Column(
        "member_since",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "Member since")),
        lambda i: member_since_text(i.member_since, i.member_since_month),
        numeric=True,
    ),
    Column("status", str(QT_TRANSLATE_NOOP("SupplierTableModel", "Status")), _status),
    Column(
        "reorder_rate",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "Reorder")),
        lambda i: _rate(i.reorder_rate),
        numeric=True,
    ),
    Column(
        "on_time_rate",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "On time")),
        lambda i: _rate(i.on_time_rate),
        numeric=True,
    ),
    Column(
        "response_rate",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "Response")),
        lambda i: _rate(i.response_rate),
        numeric=True,
        shown_by_default=False,
    ),
    Column(
        "deposit_minor",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "Deposit")),
        _deposit,
        numeric=True,
        shown_by_default=False,
    ),
    Column("tags", str(QT_TRANSLATE_NOOP("SupplierTableModel", "Tags")), lambda i: i.tags or ""),
    Column(
        "contact",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "Contact")),
        lambda i: i.contact or "",
    ),
    Column(
        "red_flags",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "Red flags")),
        lambda i: f"⚑ {i.red_flags}" if i.red_flags else "",
        numeric=True,
    ),
    Column(
        "next_expiry",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "Next cert. expiry")),
        lambda i: i.next_expiry or "",
        shown_by_default=False,
    ),
    Column(
        "updated_at",
        str(QT_TRANSLATE_NOOP("SupplierTableModel", "Updated")),
        lambda i: i.updated_at[:10],
        shown_by_default=False,
    ),
)
COLUMN_FIELDS = tuple(column.field for column in COLUMNS)


def column_title(column: Column) -> str:
    """A column's title in the interface language."""
    return QCoreApplication.translate("SupplierTableModel", column.title)


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
            return column_title(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._table.item_at(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.field == "next_expiry" and item.expiry_alert(self._today()):
                return self._expiry_words(item)  # not colour alone: the words say it too
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
        """The name and the expiry cells of a supplier with a certificate to renew: coloured,
        and for readers who cannot tell the colours apart, an icon and words too."""
        if not item.expiry_alert(self._today()):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tr("A certification needs renewing: {state}. Ask the supplier for it.")
            return text.format(state=self._expiry_words(item))
        if role == Qt.ItemDataRole.DecorationRole:
            return expiry_icon(self._expired(item))
        if role == Qt.ItemDataRole.ForegroundRole:
            return _WARNING_TEXT
        return None

    def _expired(self, item: SupplierListItem) -> bool:
        expires = item.next_expiry
        return expires is not None and date.fromisoformat(expires) < self._today()

    def _expiry_words(self, item: SupplierListItem) -> str:
        if not item.next_expiry:
            return ""
        return expiry_words(date.fromisoformat(item.next_expiry), self._today())

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

    def name_of(self, supplier_id: int) -> str:
        """The supplier's name as the list shows it (Chinese, else English); '' if not listed."""
        row = self._table.row_of(supplier_id)
        if row is None:
            return ""
        item = self._table.item_at(row)
        return item.name_zh or item.name_en

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
