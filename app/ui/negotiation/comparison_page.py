"""The comparison of a product's quotes at a planned quantity: the table, the market statistics,
the price of each supplier against quantity, and the quantity advisor of the chosen quote
(landed cost per unit against order quantity, marking where the next break pays)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.negotiation.advisor import QuantityAdvice
from app.domain.negotiation.amounts import MAX_QUANTITY, format_money
from app.domain.negotiation.comparison import Comparison
from app.domain.negotiation.quotes import Quote
from app.ui import i18n
from app.ui.negotiation.comparison_model import ID_ROLE, SORT_ROLE, ComparisonModel
from app.ui.widgets.xy_chart import XYChart, XYMark, XYSeries

CHART_TOP_QTY = 10_000  # the charts run from 1 to here, or past the largest break


def price_series(quotes: Sequence[Quote], names: dict[int, str], top: int) -> list[XYSeries]:
    """Each supplier's unit price against quantity: a step at every break, to `top` pieces."""
    series = []
    for quote in quotes:
        if not quote.breaks:
            continue
        points = [(float(b.min_qty), float(b.unit_price)) for b in quote.breaks]
        points.append((float(max(top, quote.breaks[-1].min_qty)), points[-1][1]))
        name = names.get(quote.supplier_id, f"#{quote.supplier_id}")
        series.append(XYSeries(f"{name} ({quote.currency})", tuple(points), step=True))
    return series


def advice_series(advice: QuantityAdvice) -> tuple[XYSeries, list[XYMark]]:
    """Cost per unit at every orderable quantity, thinned for drawing, and a mark per saving."""
    points = [p for p in advice.points if p.per_unit is not None]
    stride = max(1, len(points) // 600)
    kept = points[::stride] + ([points[-1]] if points and (len(points) - 1) % stride else [])
    name = (
        QCoreApplication.translate("ComparisonPage", "landed cost / unit")
        if advice.landed
        else QCoreApplication.translate("ComparisonPage", "goods cost / unit")
    )
    line = XYSeries(
        name,
        tuple((float(p.quantity), float(p.per_unit)) for p in kept if p.per_unit is not None),
        markers=False,
    )
    saves = QCoreApplication.translate("ComparisonPage", "{quantity}: saves {saving}")
    marks = [
        XYMark(
            float(s.to_qty),
            saves.format(quantity=f"{s.to_qty:,}", saving=format_money(s.saving, s.currency)),
        )
        for s in advice.savings
    ]
    return line, marks


class ComparisonPage(QWidget):
    quantity_changed = Signal(int)
    quote_chosen = Signal(object)  # the quote id of the current row, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setGroupSeparatorShown(True)
        self.quantity.setSuffix(self.tr(" pcs"))
        self.quantity.setKeyboardTracking(False)  # compare when typing stops, not per digit
        self.quantity.setToolTip(
            self.tr("The quantity you plan to order: every quote is priced at it")
        )
        self.model = ComparisonModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # best first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for column, width in enumerate((52, 210, 60, 90, 95, 95, 135, 100, 75, 95, 260)):
            self.table.setColumnWidth(column, width)
        self.market = QLabel()
        self.market.setWordWrap(True)
        self.market.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prices_chart = XYChart()
        self.advice_chart = XYChart()
        self.savings = QLabel()
        self.savings.setWordWrap(True)
        self._layout()
        self.quantity.valueChanged.connect(self.quantity_changed)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.quote_chosen.emit(
                current.data(ID_ROLE) if current.isValid() else None
            )
        )

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Compare at / 计划数量:")))
        top.addWidget(self.quantity)
        top.addStretch(1)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.prices_chart)
        advice = QWidget()
        advice_layout = QVBoxLayout(advice)
        advice_layout.setContentsMargins(0, 0, 0, 0)
        advice_layout.addWidget(self.advice_chart, 1)
        advice_layout.addWidget(self.savings)
        charts.addWidget(advice)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.market)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(charts)
        split.setSizes([330, 250])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def show_comparison(
        self, comparison: Comparison | None, names: dict[int, str], quantity: int
    ) -> None:
        keep = self.current_quote_id()
        self.quantity.blockSignals(True)
        self.quantity.setValue(quantity)
        self.quantity.blockSignals(False)
        self.model.set_comparison(comparison, names)
        self.market.setText(_market_text(comparison))
        quotes = [row.quote for row in self.model.rows]
        top = max([CHART_TOP_QTY, *(q.breaks[-1].min_qty * 2 for q in quotes if q.breaks)])
        self.prices_chart.set_chart(
            self.tr("Unit price against quantity"),
            self.tr("pieces"),
            self.tr("unit price"),
            price_series(quotes, names, top),
            [
                XYMark(
                    float(quantity), self.tr("planned {quantity}").format(quantity=f"{quantity:,}")
                )
            ],
            log_x=True,
            empty_text=self.tr("No quotes yet: add one on the Quote page, paste it or import it."),
            x_format=_pieces,
            y_format=lambda y: f"{y:,.2f}",
            whole_x=True,
        )
        if keep is not None and (row := self.model.row_of(keep)) is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def show_advice(self, advice: QuantityAdvice | None, supplier: str) -> None:
        if advice is None:
            self.advice_chart.set_chart(
                self.tr("Quantity advisor"),
                self.tr("pieces"),
                self.tr("per unit"),
                [],
                empty_text=self.tr("Choose a quote to see where a bigger order pays"),
            )
            self.savings.setText("")
            return
        line, marks = advice_series(advice)
        per_unit = (
            self.tr("landed per unit, {currency}")
            if advice.landed
            else self.tr("goods (no exchange rate or shipping yet) per unit, {currency}")
        )
        self.advice_chart.set_chart(
            self.tr("Quantity advisor: {supplier}").format(supplier=supplier),
            self.tr("pieces"),
            per_unit.format(currency=advice.currency),
            [line],
            marks,
            log_x=True,
            x_format=_pieces,
            y_format=lambda y: f"{y:,.4f} {advice.currency}",
            whole_x=True,
        )
        sentences = [i18n.message_text(saving.sentence_message) for saving in advice.savings]
        none = self.tr("No break pays for itself.")
        self.savings.setText("\n".join(sentences) if sentences else none)

    def current_quote_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None


def _pieces(x: float) -> str:
    return QCoreApplication.translate("ComparisonPage", "{count} pcs").format(count=f"{x:,.0f}")


def _market_text(comparison: Comparison | None) -> str:
    market = comparison.market if comparison is not None else None
    if market is None or market.count == 0 or market.currency is None:
        return QCoreApplication.translate(
            "ComparisonPage", "Market: no quote can be priced at this quantity."
        )
    money = market.currency

    def shown(value: object) -> str:
        return "—" if value is None else format_money(value, money)  # type: ignore[arg-type]

    text = QCoreApplication.translate(
        "ComparisonPage",
        "Market at {quantity} pcs ({count} quotes, {currency}): min {min} · max {max} · "
        "mean {mean} · median {median} · quantity-weighted mean {weighted}. Quotes more than "
        "{pct} % below the median are flagged 'too good to be true'.",
    ).format(
        quantity=f"{comparison.quantity:,}",  # type: ignore[union-attr]
        count=market.count,
        currency=money,
        min=shown(market.minimum),
        max=shown(market.maximum),
        mean=shown(market.mean),
        median=shown(market.median),
        weighted=shown(market.weighted_mean),
        pct=market.threshold_pct,
    )
    note = i18n.field_text(comparison.market_note_said) if comparison is not None else ""
    freight = _freight_text(comparison) if comparison is not None else ""
    return f"{text} {note} {freight}".strip()


def _freight_text(comparison: Comparison) -> str:
    """Where the landed cost's freight came from, when a shipment measured it."""
    measured = comparison.measured_freight
    if measured is None:
        return ""
    amount = f"{measured.amount:,.4f} {measured.currency}"  # per unit: 4 places, as in the table
    if comparison.freight_per_unit is None:
        return QCoreApplication.translate(
            "ComparisonPage",
            "The latest shipment's freight ({amount} per unit) has no exchange rate to {home}: "
            "the landed cost uses the freight of Landed cost.",
        ).format(amount=amount, home=comparison.home)
    return QCoreApplication.translate(
        "ComparisonPage",
        "Freight: {amount} per unit, allocated from the latest shipment carrying this product "
        "(Consolidation), in place of the freight of Landed cost.",
    ).format(amount=amount)
