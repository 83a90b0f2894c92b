"""The worksheet page's tables (the rounds of offers, the cost-structure estimate) and what it
derives from the rounds (their review, the convergence chart, where a price stands), and how the
negotiation pages read a typed number and show a price with its currency."""

from __future__ import annotations

import re
from collections.abc import Sequence
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
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QWidget,
)

from app.domain.kit.money import exponent
from app.domain.negotiation.amounts import decimal_places, format_money, format_percent
from app.domain.negotiation.quotes import TradeTerm
from app.domain.negotiation.worksheet import (
    CostEstimate,
    CostShare,
    NegotiationRound,
    RoundReview,
    RoundsReview,
    Targets,
    position_of,
    review_rounds,
)
from app.ui.i18n import CHINESE, Bilingual, active, label_of, message_text
from app.ui.widgets.form_parts import WARNING_COLOUR
from app.ui.widgets.parsing import ParseError, parse_optional_decimal
from app.ui.widgets.xy_chart import XYChart, XYMark, XYSeries

Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value of a cell (date, Decimal, text)
UNKNOWN = "—"
_DISPLAY, _TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# "1,234" or "12,345.5" group thousands; any other comma is a decimal comma ("7,80" = 7.80).
_GROUPED = re.compile(r"[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?")


# --- labels in the interface language (shared by the negotiation pages) ----------------------
def bilingual(value: Bilingual, separator: str = " ") -> str:
    """A domain label with its Chinese, 'Goods 货款'; in the Chinese interface the Chinese
    alone (the English half is noise there)."""
    return value.label_zh if active() == CHINESE else f"{value.label}{separator}{value.label_zh}"


def term_label(term: TradeTerm, separator: str = " ") -> str:
    """A trade term as `bilingual` says it, but 'EXW 工厂交货' in Chinese: the code is how a
    supplier says it too."""
    return f"{term.value} {term.label_zh}" if active() == CHINESE else bilingual(term, separator)


def domain_label(text: str) -> str:
    """A label the domain says in English only (marked in DOMAIN_LABELS), translated."""
    return QCoreApplication.translate("Negotiation", text)


# The English-only labels of the domain's choices, as the negotiation pages show them: fee and
# duty bases, destinations, where a price stands, the trend of the rounds.
DOMAIN_LABELS = (
    str(QT_TRANSLATE_NOOP("Negotiation", "Goods")),
    str(QT_TRANSLATE_NOOP("Negotiation", "Goods + domestic shipping")),
    str(QT_TRANSLATE_NOOP("Negotiation", "CIF: goods + transport and insurance to the border")),
    str(QT_TRANSLATE_NOOP("Negotiation", "FOB: goods delivered to the port of export")),
    str(QT_TRANSLATE_NOOP("Negotiation", "European Union")),
    str(QT_TRANSLATE_NOOP("Negotiation", "United Kingdom")),
    str(QT_TRANSLATE_NOOP("Negotiation", "United States")),
    str(QT_TRANSLATE_NOOP("Negotiation", "None (no relief)")),
    str(QT_TRANSLATE_NOOP("Negotiation", "At or below the target price")),
    str(QT_TRANSLATE_NOOP("Negotiation", "Acceptable")),
    str(QT_TRANSLATE_NOOP("Negotiation", "Above acceptable, within the walk-away price")),
    str(QT_TRANSLATE_NOOP("Negotiation", "Beyond the walk-away price")),
    str(QT_TRANSLATE_NOOP("Negotiation", "The offers are converging")),
    str(QT_TRANSLATE_NOOP("Negotiation", "The gap did not move")),
    str(QT_TRANSLATE_NOOP("Negotiation", "The gap is growing")),
    str(QT_TRANSLATE_NOOP("Negotiation", "Their counter meets our offer")),
    str(QT_TRANSLATE_NOOP("Negotiation", "Too early to tell")),
)


# --- numbers typed and prices shown (shared by the negotiation pages) ------------------------
def read_decimal(text: str, what: str, *, decimal_comma: bool = False) -> Decimal | None:
    """'' -> None; '2.80', '¥2.80', '3,000', '7,80' (a decimal comma), '12 %' -> Decimal.

    A comma followed by groups of three digits groups thousands; any other comma is a decimal
    comma. With `decimal_comma` (exchange rates, where grouping never occurs) every lone comma
    is one: '1,085' is 1.085. Raises ParseError naming `what`."""
    stripped = text.strip().replace("，", ",")
    lone_comma = stripped.count(",") == 1 and "." not in stripped
    if lone_comma and (decimal_comma or not _GROUPED.fullmatch(stripped)):
        stripped = stripped.replace(",", ".")
    return parse_optional_decimal(stripped, what)


def read_whole(text: str, what: str) -> int | None:
    """'' -> None; '1,000' or '1000' -> 1000; a fraction or anything else -> ParseError."""
    value = read_decimal(text, what)
    if value is None:
        return None
    if value != value.to_integral_value():
        message = QCoreApplication.translate("parsing", "'{text}' is not a whole number: {what}.")
        raise ParseError(message.format(text=text.strip(), what=what))
    return int(value)


def price_text(amount: Decimal, currency: str) -> str:
    """A price as typed, never rounded for show: '¥2.80', '¥2.855', '€1,250.00', '3.50 AUD'."""
    shown, places = format_money(amount, currency), exponent(currency)
    if decimal_places(amount) <= places:
        return shown
    exact = f"{abs(amount):,.{decimal_places(amount)}f}"
    return shown.replace(f"{abs(amount):,.{places}f}", exact, 1)


def signed_price(amount: Decimal, currency: str) -> str:
    """'+¥0.30', '-¥0.05', '¥0.00'."""
    shown = price_text(abs(amount), currency)
    return f"+{shown}" if amount > 0 else f"-{shown}" if amount < 0 else shown


def warning_icon() -> Any:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def table_view(model: QAbstractTableModel, height: int) -> QTableView:
    """A read-only, whole-row, single-selection table."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    view.setMinimumHeight(height)
    return view


class PlainTableModel(QAbstractTableModel):
    """A read-only table of plain rows: subclasses say what each cell shows (`cell`)."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:  # marked in `headers`
            return QCoreApplication.translate(type(self).__name__, self.headers[section])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def _set(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()


# --- rounds ---------------------------------------------------------------------------------
NUMBER, DATE, OFFER, COUNTER, GAP, CONCESSION, NOTE = range(7)


class RoundsModel(PlainTableModel):
    """One row per round of offers, as review_rounds judged it: the gap, and a warning (in the
    warning colour, with an icon and its text in the tooltip) on a round past the walk-away."""

    headers = (
        "#",
        str(QT_TRANSLATE_NOOP("RoundsModel", "Date")),
        str(QT_TRANSLATE_NOOP("RoundsModel", "Our offer")),
        str(QT_TRANSLATE_NOOP("RoundsModel", "Their counter")),
        str(QT_TRANSLATE_NOOP("RoundsModel", "Gap")),
        str(QT_TRANSLATE_NOOP("RoundsModel", "Concession")),
        str(QT_TRANSLATE_NOOP("RoundsModel", "Note")),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.currency = "CNY"
        self.positions_known = False

    def set_rounds(
        self, reviews: Sequence[RoundReview], currency: str, positions_known: bool = True
    ) -> None:
        """`positions_known`: False when there are no usable targets to place counters by."""
        self.currency, self.positions_known = currency, positions_known
        self._set(reviews)

    def cell(self, row: RoundReview, column: int, role: int) -> Any:
        item = row.round
        values = (row.number, item.on, item.our_offer, item.their_counter, row.gap)
        if role == VALUE_ROLE:
            return (*values, item.concession, item.note)[column]
        if role == _DISPLAY:
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == NUMBER and row.warning:
            return warning_icon()
        if role == Qt.ItemDataRole.ForegroundRole and row.warning and column in (NUMBER, OFFER):
            return QBrush(QColor(WARNING_COLOUR))
        if role == _TIP:
            return self._tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (OFFER, COUNTER, GAP):
            return _RIGHT
        return None

    def _text(self, row: RoundReview, column: int) -> str:
        item, currency = row.round, self.currency
        if column == NUMBER:
            return str(row.number)
        if column == DATE:
            return item.on.isoformat()
        if column == OFFER:
            return price_text(item.our_offer, currency)
        if column == COUNTER:
            return (
                UNKNOWN if item.their_counter is None else price_text(item.their_counter, currency)
            )
        if column == GAP:
            if row.gap is None:
                return UNKNOWN
            return f"{signed_price(row.gap, currency)} ({row.gap_pct:+} %)"
        return item.concession if column == CONCESSION else item.note

    def _tip(self, row: RoundReview, column: int) -> str | None:
        if row.warning and column in (NUMBER, OFFER):
            return f"⚠ {row.warning}"
        if column == COUNTER and row.counter_position is not None and self.positions_known:
            position = domain_label(row.counter_position.label)
            return self.tr("Their counter: {position}").format(position=position)
        if column == GAP:
            return self.tr("Their counter minus our offer (and as a % of our offer)")
        return None


# --- cost structure -------------------------------------------------------------------------
PART, PERCENT, AMOUNT, TYPICAL, ROOM = range(5)


class CostModel(PlainTableModel):
    """The quoted price split into the supplier's likely costs (estimate_cost_structure)."""

    headers = (
        str(QT_TRANSLATE_NOOP("CostModel", "Part")),
        "%",
        str(QT_TRANSLATE_NOOP("CostModel", "Amount")),
        str(QT_TRANSLATE_NOOP("CostModel", "Typical")),
        str(QT_TRANSLATE_NOOP("CostModel", "Room 空间")),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.currency = "CNY"

    def set_estimate(self, estimate: CostEstimate | None) -> None:
        if estimate is not None:
            self.currency = estimate.currency
        self._set(estimate.shares if estimate else ())

    def cell(self, row: CostShare, column: int, role: int) -> Any:
        part = row.part
        low, high = part.typical
        if role == VALUE_ROLE:
            return (part.value, row.percent, row.amount, part.typical, part.room.value)[column]
        if role == _DISPLAY:
            outside = "" if row.in_typical_range else "⚠ "
            return (
                bilingual(part),
                f"{outside}{format_percent(row.percent)}",
                price_text(row.amount, self.currency),
                f"{low}-{high} %",
                bilingual(part.room),
            )[column]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == PERCENT
            and not row.in_typical_range
        ):
            return QBrush(QColor(WARNING_COLOUR))
        if role == _TIP and column == PERCENT and not row.in_typical_range:
            tip = self.tr("Outside the typical {low}-{high} % for {part}")
            return tip.format(low=low, high=high, part=label_of(part).lower())
        if role == _TIP and column == ROOM:
            tip = self.tr("{room} room: {lever}")
            return tip.format(room=label_of(part.room), lever=message_text(part.lever_said))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PERCENT, AMOUNT):
            return _RIGHT
        return None


# --- what the worksheet page derives from the rounds and targets ---------------------------
TARGET_WORDS = {  # translated where shown (context Targets)
    "target": str(QT_TRANSLATE_NOOP("Targets", "Target")),
    "acceptable": str(QT_TRANSLATE_NOOP("Targets", "Acceptable")),
    "walk_away": str(QT_TRANSLATE_NOOP("Targets", "Walk-away")),
}


def review_of(
    rounds: Sequence[NegotiationRound], targets: Targets | None, currency: str
) -> RoundsReview:
    """The rounds reviewed against the targets; without usable targets, against a walk-away
    no offer passes, so the gaps and the trend show and no warning is invented."""
    if targets is None:
        prices = [r.our_offer for r in rounds] + [r.their_counter or r.our_offer for r in rounds]
        ceiling = max(prices, default=Decimal(1))
        targets = Targets(ceiling, ceiling, ceiling, currency)
    return review_rounds(rounds, targets)


def position_text(
    quoted: Decimal | None, quote_currency: str, targets: Targets | None, currency: str
) -> str:
    """'¥2.80: Acceptable' — where the quoted price stands against the targets."""
    if quoted is None:
        return QCoreApplication.translate("Negotiation", "No price at this quantity.")
    shown = price_text(quoted, quote_currency)
    if quote_currency != currency:
        text = QCoreApplication.translate("Negotiation", "{price} (the worksheet is in {currency})")
        return text.format(price=shown, currency=currency)
    if targets is None:
        text = QCoreApplication.translate(
            "Negotiation", "{price}: enter the three targets to see where it stands."
        )
        return text.format(price=shown)
    return f"{shown}: {domain_label(position_of(quoted, targets).label)}"


def trend_text(review: RoundsReview, currency: str) -> str:
    """'Trend: The offers are converging. Last gap: -¥0.15.' ('' before the first round)."""
    if not review.rounds:
        return ""
    gaps = [r.gap for r in review.rounds if r.gap is not None]
    trend = domain_label(review.trend.label)
    if not gaps:
        return QCoreApplication.translate("Negotiation", "Trend: {trend}.").format(trend=trend)
    text = QCoreApplication.translate("Negotiation", "Trend: {trend}. Last gap: {gap}.")
    return text.format(trend=trend, gap=signed_price(gaps[-1], currency))


def show_convergence(
    chart: XYChart, review: RoundsReview, targets: Targets | None, currency: str
) -> None:
    """Our offers and their counters by round, with the targets as horizontal lines."""
    offers = tuple((float(r.number), float(r.round.our_offer)) for r in review.rounds)
    counters = tuple(
        (float(r.number), float(r.round.their_counter))
        for r in review.rounds
        if r.round.their_counter is not None
    )

    ours = QCoreApplication.translate("Negotiation", "Our offers 我方出价")
    theirs = QCoreApplication.translate("Negotiation", "Their counters 对方还价")
    series = [XYSeries(ours, offers)] if offers else []
    series += [XYSeries(theirs, counters)] if counters else []
    marks = []
    for key, word in TARGET_WORDS.items() if targets is not None and series else ():
        value: Decimal = getattr(targets, key)
        shown = QCoreApplication.translate("Targets", word)
        marks.append(XYMark(float(value), f"{shown} {price_text(value, currency)}", False))
    chart.set_chart(
        QCoreApplication.translate("Negotiation", "Convergence of offers"),
        QCoreApplication.translate("Negotiation", "Round"),
        QCoreApplication.translate("Negotiation", "Unit price ({currency})").format(
            currency=currency
        ),
        series,
        marks,
        empty_text=QCoreApplication.translate(
            "Negotiation", "No rounds yet: add the first offer under the rounds table."
        ),
        x_format=lambda x: QCoreApplication.translate("Negotiation", "round {number}").format(
            number=f"{x:.0f}"
        ),
        y_format=lambda y: price_text(Decimal(repr(y)), currency),
        whole_x=True,
    )


def warning_row() -> tuple[QWidget, QLabel]:
    """A warning icon beside a text in the warning colour: (the row, its text)."""
    row, icon, text = QWidget(), QLabel(), QLabel()
    icon.setPixmap(warning_icon().pixmap(16, 16))
    text.setStyleSheet(f"color: {WARNING_COLOUR}")
    text.setWordWrap(True)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(text, 1)
    return row, text
