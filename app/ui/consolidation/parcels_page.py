"""The Parcels page (包裹): every parcel at the agent's warehouse, its orders and suppliers,
weight and sorted sides, free storage left (a warning in words and an icon before the storage
fee starts), restricted goods, photos, waiting or in which shipment; the parcel form beside it.
Select several (Ctrl/Shift-click) and Plan them; saved views (Views ▾, Ctrl+Shift+F while the
page shows) keep its filters, sort and columns. Layout and columns; tab.py adds behaviour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.consolidation.parcels import RestrictedTag
from app.services.consolidation.records import ParcelRow
from app.ui.consolidation.entry import (
    UNKNOWN,
    date_text,
    kg_text,
    sort_date,
    sort_number,
)
from app.ui.consolidation.parcel_form import ParcelForm, tag_text
from app.ui.consolidation.records_model import (
    ID_ROLE,
    Column,
    RecordsFilter,
    RecordsModel,
    select_row,
)
from app.ui.i18n import message_text
from app.ui.settings import CONSOLIDATION_PARCELS_VIEWS, Settings
from app.ui.widgets.saved_views import (
    FilterWidget,
    SavedViewsButton,
    TableViewState,
)

ALL, WAITING, IN_SHIPMENT = range(3)
ARRIVED = 10  # the column of the arrival date
SHOWN_KEYS = ("all", "waiting", "in_shipment")  # the Show box's choices in a saved view
COLUMN_KEYS = (  # each column's name in a saved view, in the order of parcel_columns
    "code",
    "contents",
    "actual_kg",
    "dimensions",
    "free_storage",
    "restricted",
    "status",
    "orders",
    "supplier",
    "agent",
    "arrived",
    "photos",
)


def storage_text(row: ParcelRow) -> str:
    """Free storage left in a few words, ⚠ when it ends soon or has ended (the whole sentence
    is the cell's tooltip)."""
    storage = row.storage
    if storage is None:
        if row.parcel.arrived_on is None:
            return QCoreApplication.translate("ParcelsPage", "no arrival date")
        return (
            QCoreApplication.translate("ParcelsPage", "left the warehouse")
            if not row.waiting
            else UNKNOWN
        )
    if storage.overdue:
        return QCoreApplication.translate(
            "ParcelsPage", "⚠ ended {days} days ago: fees running"
        ).format(days=-storage.days_left)
    if storage.warning:
        return QCoreApplication.translate("ParcelsPage", "⚠ {days} days left: ship soon").format(
            days=storage.days_left
        )
    return QCoreApplication.translate("ParcelsPage", "{days} days left").format(
        days=storage.days_left
    )


def needs_care(row: ParcelRow) -> bool:
    return row.storage is not None and (row.storage.warning or row.storage.overdue)


def shipment_text(row: ParcelRow) -> str:
    if row.waiting:
        return QCoreApplication.translate("ParcelsPage", "Waiting · 待发")
    status = row.shipment_status
    if status is None:
        return row.shipment_name
    return QCoreApplication.translate("ParcelsPage", "{shipment} · {status} {status_zh}").format(
        shipment=row.shipment_name, status=status.label, status_zh=status.label_zh
    )


def tags_text(row: ParcelRow) -> str:
    return ", ".join(tag_text(tag) for tag in RestrictedTag if tag in row.parcel.tags)


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def parcel_columns() -> list[Column[ParcelRow]]:
    icon = warning_icon()
    return [
        Column(
            QCoreApplication.translate("ParcelsPage", "Code / 运单号"),
            lambda r: r.code or f"#{r.id}",
            QCoreApplication.translate(
                "ParcelsPage", "The tracking number or the agent's parcel code"
            ),
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Contents / 货物"), lambda r: r.parcel.label
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Actual / 实重"),
            lambda r: kg_text(r.parcel.actual_kg),
            QCoreApplication.translate("ParcelsPage", "实重: the agent's scale"),
            sort=lambda r: sort_number(r.parcel.actual_kg),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "L × W × H / 尺寸"),
            lambda r: str(r.parcel.dimensions),
            QCoreApplication.translate(
                "ParcelsPage", "尺寸: sorted longest first whatever order they were typed in"
            ),
            sort=lambda r: sort_number(r.parcel.dimensions.length),
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Free storage / 免费仓储"),
            storage_text,
            QCoreApplication.translate(
                "ParcelsPage",
                "免费仓储: days left before the agent's storage fee starts (⚠ within 14 days)",
            ),
            sort=lambda r: sort_number(None if r.storage is None else r.storage.days_left),
            cell_tip=lambda r: "" if r.storage is None else message_text(r.storage.said),
            icon=lambda r: icon if needs_care(r) else None,
            warning=needs_care,
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Restricted / 敏感货"),
            tags_text,
            "带电 / 液体 / 带磁 / 粉末 / 品牌",
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Status / 状态"),
            shipment_text,
            QCoreApplication.translate("ParcelsPage", "Waiting at the warehouse, or its shipment"),
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Orders / 订单"),
            lambda r: ", ".join(o.order_number or f"#{o.id}" for o in r.orders),
            QCoreApplication.translate("ParcelsPage", "The 1688 orders it carries"),
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Supplier / 供应商"),
            lambda r: ", ".join(r.supplier_names),
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Agent / 代理"),
            lambda r: r.agent_name or UNKNOWN,
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Arrived / 到仓"),
            lambda r: date_text(r.parcel.arrived_on),
            sort=lambda r: sort_date(r.parcel.arrived_on),
        ),
        Column(
            QCoreApplication.translate("ParcelsPage", "Photos"),
            lambda r: str(r.photo_count),
            "照片",
            sort=lambda r: float(r.photo_count),
            numeric=True,
        ),
    ]


class ParcelsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordsModel[ParcelRow] = RecordsModel(parcel_columns(), parent=self)
        self.proxy = RecordsFilter(self.model, self)
        self.show_box = QComboBox()
        shown_texts = (
            self.tr("All parcels"),
            self.tr("Waiting / 待发"),
            self.tr("In a shipment / 已安排"),
        )
        for text, key in zip(shown_texts, SHOWN_KEYS, strict=True):
            self.show_box.addItem(text, key)
        self.show_box.setCurrentIndex(WAITING)
        self.filter_edit = QLineEdit(
            placeholderText=self.tr("Find: code, contents, order, supplier… (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        widths = (125, 140, 60, 120, 200, 150, 150, 150, 150, 80, 80, 50)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(ARRIVED, Qt.SortOrder.AscendingOrder)  # the service's order
        self.new_button = QPushButton(self.tr("&New parcel"))
        self.plan_button = QPushButton(self.tr("&Plan selected ▶"))
        self.plan_button.setToolTip(
            self.tr("方案: price the selected parcels on every line (Ctrl+L)")
        )
        self.form = ParcelForm()
        self.views_button: SavedViewsButton | None = None  # see use_saved_views
        self._bar = QHBoxLayout()
        self._layout()
        self.show_box.currentIndexChanged.connect(self._filter_shown)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._count)
        self._filter_shown()

    def _layout(self) -> None:
        bar = self._bar
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.show_box)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.warning_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setSizes([800, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    def use_saved_views(self, settings: Settings) -> None:
        """Add Views ▾ after the filters (Ctrl+Shift+F while this page shows): the Show and
        text filters with the table's sort and columns, saved under a name in `settings`."""
        filters: dict[str, FilterWidget] = {"text": self.filter_edit, "shown": self.show_box}
        state = TableViewState(
            self.table.horizontalHeader(),
            COLUMN_KEYS,
            filters,
            self._filters_restored,
            always_shown=COLUMN_KEYS[:1],  # the code: which parcel a row is
        )
        self.views_button = SavedViewsButton.for_table(
            self, settings, CONSOLIDATION_PARCELS_VIEWS, state
        )
        self._bar.addWidget(self.views_button)

    def _filters_restored(self) -> None:
        self._filter_shown()
        self.proxy.set_text(self.filter_edit.text())

    def _filter_shown(self) -> None:
        shown = self.show_box.currentIndex()
        if shown == WAITING:
            self.proxy.set_predicate(lambda row: row.waiting)
        elif shown == IN_SHIPMENT:
            self.proxy.set_predicate(lambda row: not row.waiting)
        else:
            self.proxy.set_predicate(None)

    def _count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def set_rows(self, rows: list[ParcelRow]) -> None:
        self.model.set_rows(rows)
        urgent = [row for row in rows if needs_care(row)]
        if urgent:
            names = ", ".join(row.code or row.parcel.label or f"#{row.id}" for row in urgent[:4])
            if len(urgent) > 4:
                names = self.tr("{names} and {count} more").format(
                    names=names, count=len(urgent) - 4
                )
            self.warning_label.setText(
                self.tr(
                    "⚠ Free storage ends soon or has ended for {count} parcel(s): "
                    "{names}. Ship them before storage fees run."
                ).format(count=len(urgent), names=names)
            )
        else:
            self.warning_label.setText("")
        self.warning_label.setVisible(bool(urgent))

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def selected_ids(self) -> list[int]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(ID_ROLE) for index in rows]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, parcel_id: int | None) -> None:
        row = None if parcel_id is None else self.model.row_of(parcel_id)
        if row is None:
            return
        proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        if proxy_row >= 0:
            select_row(self.table, proxy_row)
