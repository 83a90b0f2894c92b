"""The landed-cost page's tables (the exchange rates the user typed, "1 EUR = 7.80 CNY" with
their date; the landed cost's lines, one per named cost, with the total) and its texts: the cost
per unit, the selling prices, a destination's dated low-value relief."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from app.domain.negotiation.amounts import format_money, format_percent
from app.domain.negotiation.destinations import Destination, ReliefRule
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import CostLine, LandedCost
from app.domain.negotiation.selling import PricingMethod, SellingPrice, describe_markup
from app.ui.negotiation.rounds_model import (
    PlainTableModel,
    bilingual,
    price_text,
    read_decimal,
    table_view,
)
from app.ui.negotiation.worksheet_terms import FormErrors
from app.ui.widgets.parsing import ParseError

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value of a cell (date, Decimal, text)
NOT_COUNTED = str(QT_TRANSLATE_NOOP("CostLinesModel", "not counted (VAT reclaimable)"))
PER_UNIT_SHOWN = Decimal("0.0001")  # the brief: per unit to 4 decimals
_DISPLAY, _TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def parse_rate(code: str, text: str, as_of: date, home: str) -> ExchangeRate:
    """A typed rate "1 HOME = <text> <code>": a comma is a decimal comma here ("7,80" is 7.80);
    FormErrors keyed like the service's (currency, per_home)."""
    code = code.strip().upper()
    if len(code) != 3 or not code.isalpha():
        message = QCoreApplication.translate(
            "RatesModel", "'{code}' is not a currency code like CNY or USD."
        )
        raise FormErrors({"currency": message.format(code=code)})
    what = QCoreApplication.translate("RatesModel", "the rate: 1 {home} = x {code}")
    what = what.format(home=home, code=code)
    try:
        rate = read_decimal(text, what, decimal_comma=True)
    except ParseError as error:
        raise FormErrors({"per_home": str(error)}) from None
    if rate is None:
        message = QCoreApplication.translate("RatesModel", "Enter {what}.")
        raise FormErrors({"per_home": message.format(what=what)})
    return ExchangeRate(code, rate, as_of)


def rate_text(rate: ExchangeRate, home: str) -> str:
    """'1 EUR = 7.80 CNY' (the ECB way: one unit of the home currency)."""
    return f"1 {home} = {rate.per_home:f} {rate.currency}"


# --- exchange rates -------------------------------------------------------------------------
CURRENCY, RATE, AS_OF = range(3)


class RatesModel(PlainTableModel):
    """Each typed rate by currency, newest first; the newest of a currency is the one in use
    (an older one still prices imports dated before the newer one)."""

    headers = (
        str(QT_TRANSLATE_NOOP("RatesModel", "Currency")),
        str(QT_TRANSLATE_NOOP("RatesModel", "Rate")),
        str(QT_TRANSLATE_NOOP("RatesModel", "As of")),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.home = "CNY"
        self._newest: set[tuple[str, object]] = set()

    def set_rates(self, rates: Sequence[ExchangeRate], home: str) -> None:
        self.home = home
        ordered = sorted(rates, key=lambda r: (r.currency, -r.as_of.toordinal()))
        newest: dict[str, ExchangeRate] = {}
        for rate in ordered:
            newest.setdefault(rate.currency, rate)
        self._newest = {(r.currency, r.as_of) for r in newest.values()}
        self._set(ordered)

    def rate_at(self, row: int) -> ExchangeRate | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def cell(self, row: ExchangeRate, column: int, role: int) -> Any:
        newest = (row.currency, row.as_of) in self._newest
        if role == VALUE_ROLE:
            return (row.currency, row.per_home, row.as_of)[column]
        if role == _DISPLAY:
            day = row.as_of.isoformat()
            if not newest:
                day = self.tr("{date} (older)").format(date=day)
            return (row.currency, rate_text(row, self.home), day)[column]
        if role == _TIP:
            if newest:
                tip = self.tr("In use for imports from {date} on")
                return tip.format(date=row.as_of.isoformat())
            return self.tr("An older rate: used only for imports dated before the newer one")
        if role == Qt.ItemDataRole.ForegroundRole and not newest:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        return None


# --- landed cost lines ----------------------------------------------------------------------
COST, BASIS, PERCENT, AMOUNT, NOTE = range(5)
TOTAL = "total"  # the last row


def cost_lines_view(model: CostLinesModel) -> QTableView:
    """The lines' table: long notes wrap and rows grow to show them."""
    view = table_view(model, 250)
    view.setWordWrap(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in (COST, NOTE):
        view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return view


class CostLinesModel(PlainTableModel):
    """Every line of a landed cost in the home currency, then the total of the counted ones;
    a line not counted (reclaimable VAT) is shown in brackets, greyed, and says so."""

    headers = (
        str(QT_TRANSLATE_NOOP("CostLinesModel", "Cost")),
        str(QT_TRANSLATE_NOOP("CostLinesModel", "Basis")),
        "%",
        str(QT_TRANSLATE_NOOP("CostLinesModel", "Amount")),
        str(QT_TRANSLATE_NOOP("CostLinesModel", "Note")),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.landed: LandedCost | None = None

    def set_landed(self, landed: LandedCost | None) -> None:
        self.landed = landed
        self._set([*landed.lines, TOTAL] if landed is not None else [])

    def cell(self, row: CostLine | str, column: int, role: int) -> Any:
        assert self.landed is not None  # rows exist only with a landed cost
        currency = self.landed.currency
        if isinstance(row, str):  # the total
            if role == _DISPLAY:
                total = format_money(self.landed.total, currency)
                name, counted = self.tr("Total landed cost 到岸成本"), self.tr("counted lines")
                return (name, "", "", total, counted)[column]
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
            if role == VALUE_ROLE:
                return self.landed.total if column == AMOUNT else None
            return (
                _RIGHT if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT else None
            )
        if role == VALUE_ROLE:
            component = row.component.value
            return (component, row.basis, row.percent, row.amount, row.note)[column]
        if role == _DISPLAY:
            return self._text(row, column, currency)
        if role == Qt.ItemDataRole.ForegroundRole and not row.counted:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == _TIP and column == BASIS and row.basis is not None:
            tip = self.tr("The {percent} % is taken of {basis}")
            return tip.format(percent=row.percent, basis=format_money(row.basis, currency))
        if role == _TIP and column == NOTE and row.note:
            return row.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (BASIS, PERCENT, AMOUNT):
            return _RIGHT
        return None

    @staticmethod
    def _text(row: CostLine, column: int, currency: str) -> str:
        if column == COST:
            return bilingual(row.component)
        if column == BASIS:
            return "" if row.basis is None else format_money(row.basis, currency)
        if column == PERCENT:
            return "" if row.percent is None else format_percent(row.percent)
        if column == AMOUNT:
            amount = format_money(row.amount, currency)
            return amount if row.counted else f"({amount})"
        if row.counted:
            return row.note
        return QCoreApplication.translate("CostLinesModel", NOT_COUNTED)  # as its note says


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def per_unit_text(landed: LandedCost) -> str:
    """'€1.2346 per unit (1,000 units)': the exact per-unit cost shown to 4 decimals."""
    shown = landed.per_unit.quantize(PER_UNIT_SHOWN, ROUND_HALF_UP)
    text = QCoreApplication.translate("CostLinesModel", "{price} per unit ({units} units)")
    return text.format(price=price_text(shown, landed.currency), units=f"{landed.units:,}")


def breakdown_texts(
    landed: LandedCost, supplier: str, selling: Sequence[SellingPrice]
) -> tuple[str, str, str, str]:
    """The landed-cost page's heading, totals, relief and selling-price texts."""

    currency = landed.currency
    heading = QCoreApplication.translate("LandedCostPage", "<b>{supplier}</b> · in {currency}")
    totals = QCoreApplication.translate(
        "LandedCostPage",
        "<b>Total {total}</b> · <b>{per_unit}</b><br>Customs value {customs} · VAT base {vat}",
    ).format(
        total=format_money(landed.total, currency),
        per_unit=per_unit_text(landed),
        customs=format_money(landed.customs_value, currency),
        vat=format_money(landed.vat_base, currency),
    )
    relief = QCoreApplication.translate("LandedCostPage", "Relief: {relief}")
    none = QCoreApplication.translate("LandedCostPage", "No selling price: see the settings.")
    return (
        heading.format(supplier=supplier, currency=currency),
        totals,
        relief.format(relief=landed.relief) if landed.relief else "",
        selling_text(selling) or none,
    )


def relief_history(destination: Destination, today: date) -> str:
    """Each dated relief rule of a destination, the one in force today in bold."""
    if not destination.rules:
        return QCoreApplication.translate(
            "CostLinesModel", "No low-value relief: duty and VAT from the first unit of value."
        )
    lines = []
    in_force = QCoreApplication.translate("CostLinesModel", "<b>In force on {date}</b> — {rule}")
    for rule in destination.rules:
        text = f"{_span(rule)}: {rule.note}"
        shown = in_force.format(date=today.isoformat(), rule=text)
        lines.append(shown if rule.in_force(today) else text)
    return "<br>".join(lines)


def _span(rule: ReliefRule) -> str:
    last = None if rule.ends is None else rule.ends - timedelta(days=1)  # `ends` is exclusive
    starts = None if rule.starts is None else rule.starts.isoformat()
    ends = None if last is None else last.isoformat()
    if starts is None:
        if ends is None:
            return QCoreApplication.translate("CostLinesModel", "until further notice")
        return QCoreApplication.translate("CostLinesModel", "until {end}").format(end=ends)
    if ends is None:
        return QCoreApplication.translate("CostLinesModel", "from {start}").format(start=starts)
    span = QCoreApplication.translate("CostLinesModel", "{start} to {end}")
    return span.format(start=starts, end=ends)


def selling_text(prices: Sequence[SellingPrice]) -> str:
    """Each selling price with what it really earns, a markup told apart from a margin:
    'Markup on cost 加价率 30 %, after a 15 % fee: €0.96 — a 20.11 % margin on price, a 31 %
    markup on cost. A 30 % markup on cost is a 23.08 % margin on the selling price.'"""
    lines = []
    for price in prices:
        asked = f" {format_percent(price.target_pct)}" if price.target_pct else ""
        method = f"<b>{bilingual(price.method)}{asked}</b>"
        money = f"<b>{format_money(price.price, price.currency)}</b>"
        if price.fee_pct:
            line = QCoreApplication.translate(
                "CostLinesModel", "{method}, after a {fee} fee: {price}"
            ).format(method=method, fee=format_percent(price.fee_pct), price=money)
        else:
            line = f"{method}: {money}"
        if price.method is not PricingMethod.BREAK_EVEN:
            line = QCoreApplication.translate(
                "CostLinesModel", "{line} — a {margin} margin on price, a {markup} markup on cost."
            ).format(
                line=line,
                margin=format_percent(price.margin_pct),
                markup=format_percent(price.markup_pct),
            )
        if price.method is PricingMethod.MARKUP:
            line += f" {describe_markup(price.target_pct)}"
        lines.append(line)
    return "<br>".join(lines)
