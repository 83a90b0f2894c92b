"""The quote comparison at a quantity, one row per quote (app.domain.negotiation.comparison).

Every cell says its value in text: the cheapest is marked ★ and "cheapest", a price far below
the median ⚠ "too good to be true?", an expired or expiring quote says so — colour is only a
second cue. A quote that cannot be priced at the quantity says why in its unit-price cell and
has no rank (never priced at the first break).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.negotiation.amounts import format_money
from app.domain.negotiation.comparison import Comparison, QuoteComparison
from app.domain.negotiation.quotes import Validity
from app.ui.i18n import field_text, label_of, message_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# Translated where shown (context ComparisonModel).
HEADERS = (
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Rank")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Supplier")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Break")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Unit price")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Goods")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Goods")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Landed/unit")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Selling")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Lead time")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Valid until")),
    str(QT_TRANSLATE_NOOP("ComparisonModel", "Notes")),
)
HEADER_TIPS = (
    str(QT_TRANSLATE_NOOP("ComparisonModel", "排名: by landed cost per unit, 1 = cheapest")),
    "供应商",
    str(
        QT_TRANSLATE_NOOP(
            "ComparisonModel",
            "阶梯: the break that applies at this quantity (from its minimum, inclusive)",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "ComparisonModel", "单价: the applicable break's unit price, in the quote's currency"
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "ComparisonModel", "货款: unit price × ordered quantity, in the quote's currency"
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "ComparisonModel",
            "货款 in your home currency (the whole total converted once, rounded to the cent)",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "ComparisonModel",
            "到岸成本/件: goods, shipping, fees, freight, insurance, duty and VAT per unit (4 decimals)",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "ComparisonModel",
            "售价: the selling price for your target margin after the selling fee, rounded up",
        )
    ),
    "交期",
    str(
        QT_TRANSLATE_NOOP(
            "ComparisonModel", "有效期至: expired and expiring-within-7-days quotes are flagged"
        )
    ),
    "备注",
)
_LAST = 10**18  # an unknown value sorts after every known one
(RANK, SUPPLIER, BREAK, UNIT, GOODS, GOODS_HOME, PER_UNIT, SELLING, LEAD, VALID, NOTES) = range(11)
_NUMERIC = {RANK, BREAK, UNIT, GOODS, GOODS_HOME, PER_UNIT, SELLING, LEAD}
WARNING = QColor("#A63D00")  # dark orange text: reads on white, and the text says it too
CHEAPEST = QColor("#D6EAF8")  # Okabe-Ito blue, light
Index = QModelIndex | QPersistentModelIndex


def per_unit_text(value: Decimal, currency: str) -> str:
    """Per-unit figures are shown to 4 decimals, half up (the money rules; as the PDF)."""
    return f"{value.quantize(Decimal('0.0001'), ROUND_HALF_UP):,} {currency}"


def notes_of(row: QuoteComparison) -> list[str]:
    notes = []
    if row.cheapest:
        notes.append(QCoreApplication.translate("ComparisonModel", "★ cheapest"))
    if row.too_good and row.below_median_pct:
        notes.append(
            QCoreApplication.translate(
                "ComparisonModel", "⚠ too good to be true? ({pct} % below the median)"
            ).format(pct=row.below_median_pct)
        )
    elif row.too_good:
        notes.append(QCoreApplication.translate("ComparisonModel", "⚠ too good to be true?"))
    if row.validity is Validity.EXPIRED:
        notes.append(QCoreApplication.translate("ComparisonModel", "⚠ expired"))
    elif row.validity is Validity.EXPIRING:
        expires = QCoreApplication.translate("ComparisonModel", "⚠ expires in {days} day(s)")
        notes.append(expires.format(days=row.days_left))
    elif row.validity is Validity.NOT_YET_VALID:
        notes.append(QCoreApplication.translate("ComparisonModel", "not valid yet"))
    if row.problems:
        notes.append(field_text(row.problem_said))
    return notes


class ComparisonModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.names: dict[int, str] = {}

    def set_comparison(self, comparison: Comparison | None, names: dict[int, str]) -> None:
        """`names`: the supplier name of each supplier id."""
        self.beginResetModel()
        self.comparison, self.names = comparison, dict(names)
        self.endResetModel()

    @property
    def rows(self) -> tuple[QuoteComparison, ...]:
        return () if self.comparison is None else self.comparison.rows

    def row_of(self, quote_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.quote.id == quote_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            home = self.comparison.home if self.comparison else ""
            header = self.tr(HEADERS[section])
            if section in (GOODS_HOME, PER_UNIT, SELLING) and home:
                return f"{header} ({home})"
            return header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(HEADER_TIPS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.quote.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        warned = row.priced is None or row.too_good or row.validity is not Validity.VALID
        if role == Qt.ItemDataRole.ForegroundRole and column in (UNIT, NOTES, VALID) and warned:
            return QBrush(WARNING)
        if role == Qt.ItemDataRole.BackgroundRole and row.cheapest:
            return QBrush(CHEAPEST)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: QuoteComparison, column: int) -> str:
        home = self.comparison.home if self.comparison else ""
        quote = row.quote
        if column == RANK:
            return "—" if row.rank is None else f"{'★ ' if row.cheapest else ''}{row.rank}"
        if column == SUPPLIER:
            unknown = self.tr("supplier #{id}").format(id=quote.supplier_id)
            return self.names.get(quote.supplier_id, unknown)
        if column == BREAK:
            price_break = row.price_break
            return "—" if price_break is None else f"≥ {price_break.min_qty:,}"
        if column == UNIT:
            if row.priced is None:
                if row.unpriceable is not None:
                    return message_text(row.unpriceable.said)
                return self.tr("cannot be priced")
            return f"{row.priced.unit_price} {quote.currency}"
        if column == GOODS:
            total = row.goods_total
            return "" if total is None else format_money(total, quote.currency)
        if column == GOODS_HOME:
            return "" if row.goods_home is None else format_money(row.goods_home, home)
        if column == PER_UNIT:
            per_unit = row.landed_per_unit
            return "" if per_unit is None else per_unit_text(per_unit, home)
        if column == SELLING:
            return "" if row.selling is None else format_money(row.selling.price, home)
        if column == LEAD:
            days = quote.lead_time_days
            return "" if days is None else self.tr("{days} days").format(days=days)
        if column == VALID:
            until = quote.valid_until
            text = self.tr("open") if until is None else until.isoformat()
            if row.validity is Validity.VALID:
                return text
            return f"{text} ({label_of(row.validity)})"
        return " · ".join(notes_of(row))

    def _sort_key(self, row: QuoteComparison, column: int) -> Any:
        """Numbers sort as numbers (Qt compares floats and text, not Python tuples); unknown
        values last."""
        values: dict[int, Any] = {
            RANK: row.rank,
            BREAK: None if row.price_break is None else row.price_break.min_qty,
            UNIT: row.unit_price,
            GOODS: row.goods_total,
            GOODS_HOME: row.goods_home,
            PER_UNIT: row.landed_per_unit,
            SELLING: None if row.selling is None else row.selling.price,
            LEAD: row.quote.lead_time_days,
        }
        if column == VALID:
            until = row.quote.valid_until
            return "9999-12-31" if until is None else until.isoformat()
        if column in values:
            value = values[column]
            return float(_LAST if value is None else value)
        return self._text(row, column)

    def _tooltip(self, row: QuoteComparison, column: int) -> str | None:
        if column == PER_UNIT and row.landed is not None:
            currency = row.landed.currency
            not_counted = self.tr("{cost}: {amount} (not counted)")
            lines = [
                (not_counted if not line.counted else "{cost}: {amount}").format(
                    cost=label_of(line.component), amount=format_money(line.amount, currency)
                )
                for line in row.landed.lines
            ]
            total = self.tr("Total: {amount}").format(
                amount=format_money(row.landed.total, currency)
            )
            return "\n".join([*lines, total])
        if column == SELLING and row.selling is not None:
            return message_text(row.selling.explanation_said)
        if column == NOTES and row.problems:
            return field_text(row.problem_said)
        return None
