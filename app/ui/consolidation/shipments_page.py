"""The Shipments page (发货): every shipment with its line, status, boxes, chargeable weight, the
estimate (the agent's deposit), the actual charge and the difference; set the status, record the
actual charge; the estimates against the actual charges over time; and the allocation (分摊) of
the selected shipment's charge back to the order items. Layout, columns and showing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.consolidation.allocation import AllocationBasis
from app.domain.consolidation.estimate import EstimateCheck
from app.domain.consolidation.units import fmt
from app.domain.kit.money import Money
from app.services.consolidation.records import (
    AllocatedItem,
    AllocationResult,
    EstimateRecord,
    ShipmentEntry,
    ShipmentStatus,
)
from app.ui.consolidation.entry import (
    UNKNOWN,
    both,
    date_text,
    kg_text,
    money_text,
    per_unit_text,
    sort_date,
    sort_number,
)
from app.ui.consolidation.records_model import (
    ID_ROLE,
    Column,
    RecordsFilter,
    RecordsModel,
    select_row,
)
from app.ui.widgets.xy_chart import XYChart, XYSeries

PLANNED = 10  # the column of the planned date
LANDED_NOTE = str(
    QT_TRANSLATE_NOOP(
        "ShipmentsPage",
        "The freight per unit flows into the Negotiation tab's landed cost: there a product takes "
        "its share from the latest shipment carrying it (by chargeable weight).",
    )
)
_BASIS_UNITS = {
    AllocationBasis.CHARGEABLE_WEIGHT: "kg",
    AllocationBasis.VOLUME: "cm³",
    AllocationBasis.VALUE: "",
    AllocationBasis.QUANTITY: str(QT_TRANSLATE_NOOP("ShipmentsPage", "pcs")),
    AllocationBasis.EQUAL: "",
}


def difference_text(check: EstimateCheck | None) -> str:
    """ "+¥35.00 (+4.2 %) 补款 extra charge"; "—" until the actual charge is known."""
    if check is None:
        return UNKNOWN
    sign = "+" if check.difference.amount > 0 else ""
    percent = "" if check.percent is None else f" ({sign}{fmt(check.percent)} %)"
    settled = check.settlement
    return QCoreApplication.translate(
        "ShipmentsPage", "{difference}{percent} {settlement_zh} {settlement}"
    ).format(
        difference=f"{sign}{money_text(check.difference)}",
        percent=percent,
        settlement_zh=settled.label_zh,
        settlement=settled.label.lower(),
    )


def _view(model: RecordsModel[Any] | RecordsFilter, widths: tuple[int, ...]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


class ShipmentsPage(QWidget):
    def __init__(self, parcel_names: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parcel_names = parcel_names  # parcel id → code, kept up to date by the tab
        self.model: RecordsModel[ShipmentEntry] = RecordsModel(
            self._shipment_columns(parcel_names), parent=self
        )
        self.proxy = RecordsFilter(self.model, self)
        self.filter_edit = QLineEdit(
            placeholderText=self.tr("Find: name, line, agent, status… (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.table = _view(self.proxy, (170, 140, 80, 130, 80, 50, 90, 100, 100, 220, 85, 85, 85))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PLANNED, Qt.SortOrder.DescendingOrder)  # the latest first
        self.status_box = QComboBox()
        for status in ShipmentStatus:
            self.status_box.addItem(both(status.label, status.label_zh), status.value)
        self.status_button = QPushButton(self.tr("Set &status"))
        self.actual_edit = QLineEdit(placeholderText=self.tr("after weighing, e.g. 1,286.50"))
        self.actual_button = QPushButton(self.tr("&Record actual"))
        self.shipment_label = QLabel()
        self.chart = XYChart()
        self._basis_shown = [AllocationBasis.CHARGEABLE_WEIGHT]
        self.basis_box = QComboBox()
        for basis in AllocationBasis:
            self.basis_box.addItem(both(basis.label, basis.label_zh), basis.value)
        self.allocation: RecordsModel[AllocatedItem] = RecordsModel(
            self._allocation_columns(self._basis_shown), key=lambda item: item.item_id, parent=self
        )
        self.allocation_view = _view(self.allocation, (150, 170, 50, 90, 90))
        self.allocation_view.horizontalHeader().setStretchLastSection(True)
        self.allocation_label = QLabel()
        self.allocation_label.setWordWrap(True)
        self._layout()
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.actual_edit.returnPressed.connect(self.actual_button.click)

    def _layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.status_box)
        controls.addWidget(self.status_button)
        controls.addSpacing(16)
        controls.addWidget(QLabel(self.tr("Actual charge / 实际运费:")))
        controls.addWidget(self.actual_edit, 1)
        controls.addWidget(self.actual_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.filter_edit)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.shipment_label)
        upper_layout.addLayout(controls)
        allocation = QWidget()
        allocation_layout = QVBoxLayout(allocation)
        allocation_layout.setContentsMargins(0, 0, 0, 0)
        basis = QHBoxLayout()
        basis.addWidget(QLabel(self.tr("<b>Allocation / 运费分摊</b> by:")))
        basis.addWidget(self.basis_box, 1)
        allocation_layout.addLayout(basis)
        allocation_layout.addWidget(self.allocation_view, 1)
        allocation_layout.addWidget(self.allocation_label)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.chart)
        lower.addWidget(allocation)
        lower.setSizes([480, 760])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([300, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    # --- the tables' columns ------------------------------------------------------------------
    def _shipment_columns(self, parcel_names: dict[int, str]) -> list[Column[ShipmentEntry]]:
        def diff_sort(entry: ShipmentEntry) -> float:
            check = entry.check
            return sort_number(None if check is None else check.difference.amount)

        return [
            Column(self.tr("Name / 名称"), lambda s: s.name),
            Column(
                self.tr("Line / 线路"),
                lambda s: s.line_name + ("" if s.line_id else self.tr(" (deleted)")),
            ),
            Column(self.tr("Agent / 代理"), lambda s: s.agent_name),
            Column(
                self.tr("Status / 状态"),
                lambda s: both(s.status.label, s.status.label_zh),
                sort=lambda s: float(list(ShipmentStatus).index(s.status)),
            ),
            Column(
                self.tr("Way / 方式"),
                lambda s: s.way.label_zh if hasattr(s.way, "label_zh") else str(s.way),
            ),
            Column(
                self.tr("Boxes / 箱数"),
                lambda s: str(s.boxes),
                sort=lambda s: float(s.boxes),
                numeric=True,
            ),
            Column(
                self.tr("Chargeable / 计费重量"),
                lambda s: kg_text(s.chargeable_kg),
                sort=lambda s: sort_number(s.chargeable_kg),
                numeric=True,
            ),
            Column(
                self.tr("Estimate / 预付运费"),
                lambda s: money_text(s.estimate),
                self.tr("The agent's freight deposit"),
                sort=lambda s: sort_number(s.estimate.amount),
                numeric=True,
            ),
            Column(
                self.tr("Actual / 实际运费"),
                lambda s: money_text(s.actual),
                self.tr("After the agent weighed the boxes"),
                sort=lambda s: sort_number(None if s.actual is None else s.actual.amount),
                numeric=True,
            ),
            Column(
                self.tr("Difference / 差额"),
                lambda s: difference_text(s.check),
                self.tr("actual − estimate: + the agent asks for more (补款), − it refunds (退款)"),
                sort=diff_sort,
                numeric=True,
            ),
            Column(
                self.tr("Planned"),
                lambda s: date_text(s.planned_on),
                sort=lambda s: sort_date(s.planned_on),
            ),
            Column(
                self.tr("Paid"), lambda s: date_text(s.paid_on), sort=lambda s: sort_date(s.paid_on)
            ),
            Column(
                self.tr("Shipped"),
                lambda s: date_text(s.shipped_on),
                sort=lambda s: sort_date(s.shipped_on),
            ),
            Column(
                self.tr("Delivered"),
                lambda s: date_text(s.delivered_on),
                sort=lambda s: sort_date(s.delivered_on),
            ),
            Column(
                self.tr("Parcels / 包裹"),
                lambda s: ", ".join(parcel_names.get(p, f"#{p}") for p in s.parcel_ids),
            ),
        ]

    def _allocation_columns(self, basis: list[AllocationBasis]) -> list[Column[AllocatedItem]]:
        """`basis` holds the basis shown (a one-element list, read when a cell is shown)."""

        def basis_text(item: AllocatedItem) -> str:
            unit = QCoreApplication.translate("ShipmentsPage", _BASIS_UNITS[basis[0]])
            return f"{fmt(item.basis_value)} {unit}".strip()

        return [
            Column(self.tr("Order / 订单"), lambda i: i.order_number or f"#{i.order_id}"),
            Column(self.tr("Item / 商品"), lambda i: i.product_name),
            Column(
                self.tr("Qty"),
                lambda i: f"{i.quantity:,}",
                sort=lambda i: float(i.quantity),
                numeric=True,
            ),
            Column(
                self.tr("Basis / 分摊依据"),
                basis_text,
                sort=lambda i: sort_number(i.basis_value),
                numeric=True,
            ),
            Column(
                self.tr("Share / 分摊运费"),
                lambda i: money_text(i.share),
                self.tr("Largest remainder to the cent: the shares sum to the charge exactly"),
                sort=lambda i: sort_number(i.share.amount),
                numeric=True,
            ),
            Column(
                self.tr("Per unit / 单件运费"),
                lambda i: per_unit_text(i.per_unit),
                self.tr("share ÷ quantity, 4 places shown (6 kept)"),
                sort=lambda i: sort_number(i.per_unit.amount),
                numeric=True,
            ),
        ]

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current(self) -> ShipmentEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def select(self, shipment_id: int | None) -> None:
        row = None if shipment_id is None else self.model.row_of(shipment_id)
        if row is not None:
            select_row(self.table, self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def basis(self) -> AllocationBasis:
        return AllocationBasis(self.basis_box.currentData())

    def show_shipment(self, entry: ShipmentEntry | None) -> None:
        enabled = entry is not None
        for widget in (self.status_box, self.status_button, self.actual_edit, self.actual_button):
            widget.setEnabled(enabled)
        if entry is None:
            self.shipment_label.setText(self.tr("Choose a shipment (made on the Planner page)."))
            self.actual_edit.setText("")
            return
        self.status_box.setCurrentIndex(self.status_box.findData(entry.status.value))
        self.actual_edit.setText("" if entry.actual is None else f"{entry.actual.amount:f}")
        boxes = "; ".join(
            self.tr("box {number}: {parcels}").format(
                number=n, parcels=", ".join(self.parcel_names.get(p, f"#{p}") for p in box)
            )
            for n, box in enumerate(entry.box_parcels, 1)
        )
        self.shipment_label.setText(f"<b>{entry.name}</b> — {entry.summary}. {boxes}")

    def show_history(self, records: list[EstimateRecord]) -> None:
        """Estimate and actual of every shipment with an actual charge, oldest first."""
        currencies = {r.check.estimate.currency for r in records}
        currency = next(iter(currencies)) if len(currencies) == 1 else ""
        shown = records if currency else []
        names = {float(n): r.shipment_name for n, r in enumerate(shown, 1)}
        title = (
            self.tr("Estimate vs actual per shipment, {currency}").format(currency=currency)
            if currency
            else self.tr("Estimate vs actual per shipment")
        )
        self.chart.set_chart(
            title,
            self.tr("shipment (oldest first)"),
            self.tr("charge"),
            [
                XYSeries(
                    self.tr("estimate / 预付"),
                    tuple(
                        (float(n), float(r.check.estimate.amount)) for n, r in enumerate(shown, 1)
                    ),
                ),
                XYSeries(
                    self.tr("actual / 实际"),
                    tuple((float(n), float(r.check.actual.amount)) for n, r in enumerate(shown, 1)),
                ),
            ],
            empty_text=self.tr(
                "Record the actual charge of a shipment to compare it with its estimate."
            )
            if not records
            else self.tr("Shipments in several currencies: not drawn on one axis."),
            x_format=lambda x: names.get(float(round(x)), ""),
            y_format=lambda y: f"{y:,.2f} {currency}",
            whole_x=True,
        )

    def show_allocation(
        self, result: AllocationResult | None, problem: str = "", *, from_actual: bool = True
    ) -> None:
        self._basis_shown[0] = self.basis() if result is None else result.basis
        self.allocation.set_rows([] if result is None else list(result.items))
        if result is None:
            self.allocation_label.setText(
                problem or QCoreApplication.translate("ShipmentsPage", LANDED_NOTE)
            )
            return
        total = sum((item.share.amount for item in result.items), Decimal(0))
        charge = (
            self.tr("the actual charge")
            if from_actual
            else self.tr("the estimate (no actual charge yet)")
        )
        shared = (
            self.tr("Shared: <b>{charge}</b>, {what}; the shares sum to {sum} exactly.")
            if total == result.total.amount
            else self.tr("Shared: <b>{charge}</b>, {what}; the shares sum to {sum}.")
        )
        parts = [
            shared.format(
                charge=money_text(result.total),
                what=charge,
                sum=money_text(Money(total, result.total.currency)),
            )
        ]
        if result.note:
            parts.append(result.note)
        if result.unassigned_parcels:
            ids = ", ".join(f"#{p}" for p in result.unassigned_parcels)
            parts.append(
                self.tr("Parcels {ids} carry no order: their weight counts for nothing.").format(
                    ids=ids
                )
            )
        parts.append(QCoreApplication.translate("ShipmentsPage", LANDED_NOTE))
        self.allocation_label.setText(" ".join(parts))
