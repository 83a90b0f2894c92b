"""The Samples tab's two lists as Qt models: products, and the samples of the chosen product.

Small lists (tens of products, a handful of samples each), so a proxy model does the sorting;
the ★ marks the golden sample in words as well as in a column, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.kit.money import Money
from app.domain.samples.sample import SampleStatus, sample_price, total_cost
from app.services.changes import Change
from app.services.negotiation.records import NegotiationChange
from app.services.samples.records import SampleChange
from app.ui.i18n import label_of

if TYPE_CHECKING:  # the records module loads SQLAlchemy, which waits until after the first paint
    from app.services.samples.records import ProductSummary, SampleSummary

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CONTEXT = "SampleLists"  # the column titles' translation context


def _money(value: Money | None) -> str:
    return "—" if value is None else f"{value.amount:,f} {value.currency}"


class _RowsModel(QAbstractTableModel):
    """Read-only rows of one record type, with a text, a sort key and an id per column."""

    columns: tuple[tuple[str, Callable[[Any], Any], Callable[[Any], Any]], ...] = ()
    numeric: frozenset[int] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_id(self, row: Any) -> int:
        raise NotImplementedError

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if self.row_id(row) == record_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CONTEXT, self.columns[section][0])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        _title, text, key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(row)
        if role == SORT_ROLE:
            return key(row)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return _RIGHT
        return None


class ProductsModel(_RowsModel):
    columns = (
        (
            str(QT_TRANSLATE_NOOP("SampleLists", "Product")),
            lambda p: "\n".join(x for x in (p.name_zh, p.name) if x),
            lambda p: p.name,
        ),
        (
            str(QT_TRANSLATE_NOOP("SampleLists", "Category")),
            lambda p: p.category,
            lambda p: p.category,
        ),
        (
            str(QT_TRANSLATE_NOOP("SampleLists", "Samples")),
            lambda p: str(p.sample_count),
            lambda p: p.sample_count,
        ),
        (
            str(QT_TRANSLATE_NOOP("SampleLists", "Golden")),
            lambda p: (
                QCoreApplication.translate("SampleLists", "★ chosen") if p.golden_sample_id else ""
            ),
            lambda p: bool(p.golden_sample_id),
        ),
    )
    numeric = frozenset({2})

    def row_id(self, row: ProductSummary) -> int:
        return row.id


def _supplier(summary: SampleSummary) -> str:
    return "\n".join(x for x in (summary.supplier_name_zh, summary.supplier_name_en) if x)


def _total(summary: SampleSummary) -> str:
    total = total_cost(summary.sample)
    if total is not None:
        return _money(total)
    price, shipping = sample_price(summary.sample), summary.sample.shipping
    if price is not None and shipping is not None and price.currency != shipping.currency:
        return f"{_money(price)} + {_money(shipping)}"  # two currencies: never added up
    return "—"


def _total_sort_key(summary: SampleSummary) -> Decimal | int:
    total = total_cost(summary.sample)
    return total.amount if total else -1


class SamplesModel(_RowsModel):
    columns = (
        ("★", lambda s: "★" if s.sample.golden else "", lambda s: not s.sample.golden),
        (
            str(QT_TRANSLATE_NOOP("SampleLists", "Supplier")),
            _supplier,
            lambda s: s.supplier_name_en or s.supplier_name_zh,
        ),
        (
            str(QT_TRANSLATE_NOOP("SampleLists", "Variant")),
            lambda s: s.sample.variant,
            lambda s: s.sample.variant,
        ),
        (
            str(QT_TRANSLATE_NOOP("SampleLists", "Status")),
            lambda s: label_of(s.sample.status),
            lambda s: list(SampleStatus).index(s.sample.status),
        ),
        (str(QT_TRANSLATE_NOOP("SampleLists", "Total cost")), _total, _total_sort_key),
        (
            str(QT_TRANSLATE_NOOP("SampleLists", "Photos")),
            lambda s: str(s.photo_count),
            lambda s: s.photo_count,
        ),
    )
    numeric = frozenset({4, 5})

    def row_id(self, row: SampleSummary) -> int:
        return row.sample.id or 0


def alters_products(change: Change) -> bool:
    """Whether a change may alter the product list: products made, edited or deleted, or
    their samples (counts, the golden sample); a quote import's new products."""
    if isinstance(change, SampleChange):
        return bool(change.products)
    return isinstance(change, NegotiationChange) and bool(change.new_products)
