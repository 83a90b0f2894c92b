"""The Orders page (订单): the table of 1688 orders with a status filter and a text filter, its
saved views (Views ▾, Ctrl+Shift+F while the page shows), and the order form beside it. Layout
and the columns; tab.py adds the behaviour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.consolidation.orders import OrderStatus
from app.services.consolidation.records import OrderRow
from app.ui.consolidation.entry import (
    UNKNOWN,
    both,
    date_text,
    money_text,
    sort_date,
    sort_number,
)
from app.ui.consolidation.order_form import OrderForm
from app.ui.consolidation.records_model import (
    ID_ROLE,
    Column,
    RecordsFilter,
    RecordsModel,
    select_row,
)
from app.ui.settings import CONSOLIDATION_ORDERS_VIEWS, Settings
from app.ui.widgets.saved_views import (
    FilterWidget,
    SavedViewsButton,
    TableViewState,
)

ParcelNames = dict[int, str]
ORDERED = 7  # the column of the order date
COLUMN_KEYS = (  # each column's name in a saved view, in the order of order_columns
    "order_number",
    "supplier",
    "status",
    "items",
    "goods",
    "shipping",
    "tracking",
    "ordered",
    "paid",
    "shipped",
    "signed",
    "parcels",
)


def items_summary(row: OrderRow) -> str:
    """ "帆布托特包 · Canvas tote bag ×100; 手机支架 ×50"."""
    parts = [
        f"{name or UNKNOWN} ×{item.quantity:,}"
        for name, item in zip(row.product_names, row.order.items, strict=False)
    ]
    return "; ".join(parts) or QCoreApplication.translate("OrdersPage", "(no items)")


def status_text(status: OrderStatus) -> str:
    return both(status.label, status.label_zh)


def order_columns(parcel_names: ParcelNames) -> list[Column[OrderRow]]:
    """The orders table; `parcel_names` (id → code or #id) is read when a cell is shown."""

    def parcels(row: OrderRow) -> str:
        return ", ".join(parcel_names.get(i, f"#{i}") for i in row.parcel_ids)

    def shipping(row: OrderRow) -> str:
        return money_text(row.order.domestic_shipping)

    return [
        Column(
            QCoreApplication.translate("OrdersPage", "Order № / 订单号"),
            lambda r: r.order.order_number or f"#{r.order.id}",
            QCoreApplication.translate(
                "OrdersPage", "1688 订单号 (kept as text: 19 digits survive)"
            ),
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Supplier / 供应商"), lambda r: r.supplier_name
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Status / 状态"),
            lambda r: status_text(r.order.status),
            QCoreApplication.translate(
                "OrdersPage",
                "订单状态: Ctrl+Right or ] moves the selected orders one step on; right-click to "
                "set any status",
            ),
            sort=lambda r: _status_rank(r.order.status),
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Items / 商品"),
            items_summary,
            "商品 × 数量",
            cell_tip=items_summary,
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Goods / 货款"),
            lambda r: (
                money_text(r.goods_total)
                if r.goods_total
                else (
                    QCoreApplication.translate("OrdersPage", "several currencies")
                    if r.order.items
                    else UNKNOWN
                )
            ),
            QCoreApplication.translate("OrdersPage", "货款: quantity × unit price, rounded once"),
            sort=lambda r: sort_number(r.goods_total.amount if r.goods_total else None),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Shipping / 运费"),
            shipping,
            QCoreApplication.translate("OrdersPage", "国内运费 per order"),
            sort=lambda r: sort_number(
                r.order.domestic_shipping.amount if r.order.domestic_shipping else None
            ),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Tracking / 运单号"),
            lambda r: r.order.tracking_number,
            "国内运单号",
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Ordered / 下单"),
            lambda r: date_text(r.order.ordered_on),
            sort=lambda r: sort_date(r.order.ordered_on),
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Paid / 付款"),
            lambda r: date_text(r.order.paid_on),
            sort=lambda r: sort_date(r.order.paid_on),
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Shipped / 发货"),
            lambda r: date_text(r.order.shipped_on),
            sort=lambda r: sort_date(r.order.shipped_on),
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Signed / 签收"),
            lambda r: date_text(r.order.delivered_on),
            QCoreApplication.translate("OrdersPage", "已签收 at the agent's warehouse"),
            sort=lambda r: sort_date(r.order.delivered_on),
        ),
        Column(
            QCoreApplication.translate("OrdersPage", "Parcels / 包裹"),
            parcels,
            QCoreApplication.translate("OrdersPage", "The parcels at the agent that carry it"),
        ),
    ]


def _status_rank(status: OrderStatus) -> float:
    return float(list(OrderStatus).index(status))


class OrdersPage(QWidget):
    def __init__(self, parcel_names: ParcelNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordsModel[OrderRow] = RecordsModel(
            order_columns(parcel_names), key=lambda r: r.order.id, parent=self
        )
        self.proxy = RecordsFilter(self.model, self)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses / 全部"), None)
        for status in OrderStatus:
            self.status_filter.addItem(status_text(status), status.value)
        self.filter_edit = QLineEdit(
            placeholderText=self.tr("Find: order №, supplier, item… (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for column, width in enumerate((160, 150, 195, 220, 90, 75, 130, 85, 85, 85, 85, 110)):
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(ORDERED, Qt.SortOrder.DescendingOrder)  # newest first
        self.new_button = QPushButton(self.tr("&New order"))
        self.advance_button = QPushButton(self.tr("Ad&vance status ▶"))
        self.advance_button.setToolTip(self.tr("下一个状态: Ctrl+Right or ] in the table"))
        self.form = OrderForm()
        self.views_button: SavedViewsButton | None = None  # see use_saved_views
        self._bar = QHBoxLayout()
        self._layout()
        self.status_filter.currentIndexChanged.connect(self._filter_status)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)

    def _layout(self) -> None:
        bar = self._bar
        bar.addWidget(QLabel(self.tr("Status:")))
        bar.addWidget(self.status_filter)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.advance_button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setSizes([760, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    def use_saved_views(self, settings: Settings) -> None:
        """Add Views ▾ after the filters (Ctrl+Shift+F while this page shows): the status and
        text filters with the table's sort and columns, saved under a name in `settings`."""
        filters: dict[str, FilterWidget] = {
            "text": self.filter_edit,
            "status": self.status_filter,
        }
        state = TableViewState(
            self.table.horizontalHeader(),
            COLUMN_KEYS,
            filters,
            self._filters_restored,
            always_shown=COLUMN_KEYS[:1],  # the order number: which order a row is
        )
        self.views_button = SavedViewsButton.for_table(
            self, settings, CONSOLIDATION_ORDERS_VIEWS, state
        )
        self._bar.addWidget(self.views_button)

    def _filters_restored(self) -> None:
        self._filter_status()
        self.proxy.set_text(self.filter_edit.text())

    def _filter_status(self) -> None:
        wanted = self.status_filter.currentData()
        self.proxy.set_predicate(
            None if wanted is None else lambda row: row.order.status.value == wanted
        )

    def _count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # --- selection ---------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        ids = [index.data(ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]
        if not ids and self.table.currentIndex().isValid():
            ids = [self.table.currentIndex().data(ID_ROLE)]
        return ids

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, order_id: int | None) -> None:
        row = None if order_id is None else self.model.row_of(order_id)
        if row is None:
            return
        proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        if proxy_row >= 0:
            select_row(self.table, proxy_row)
