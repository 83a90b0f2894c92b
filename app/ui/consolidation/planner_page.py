"""The Planner page (方案): waiting parcels priced on every line (the domain planner through the
service), one row per line: accepted or the reason (which limit, which parcel), boxes, actual /
volumetric / chargeable kg, freight + fees = cost, each parcel alone, repacked, transit days,
★ cheapest and ⚡ fastest in words and icons; below, the boxes of the chosen line and way, and
"Create shipment…". Layout and showing (the columns are planner_columns.py's); tab.py runs the
plan and the write."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.consolidation.planner import LinePlan, Way, WayCost, WayResult
from app.services.consolidation.records import PlanView
from app.ui import i18n
from app.ui.consolidation.entry import both, cost_text, money_text
from app.ui.consolidation.planner_columns import (
    COST,
    BoxRow,
    PlanRow,
    box_columns,
    plan_columns,
    refusal_text,
)
from app.ui.consolidation.records_model import RecordsFilter, RecordsModel, select_row
from app.ui.widgets.date_field import DateField


class PlannerPage(QWidget):
    plan_requested = Signal()
    create_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_data: PlanView | None = None
        self.parcel_ids: list[int] = []
        self.selected_radio = QRadioButton(self.tr("Parcels selected on the Parcels page"))
        self.waiting_radio = QRadioButton(self.tr("All waiting parcels / 全部待发"))
        self.waiting_radio.setChecked(True)
        self.repack_box = QCheckBox(self.tr("Compare repacked / 去包装"))
        self.repack_box.setChecked(True)
        self.insure_box = QCheckBox(self.tr("Insure / 保险"))
        self.ship_on = DateField()
        self.ship_on.setToolTip(
            self.tr("Ship on this date: storage fees accrued by then are added")
        )
        self.plan_button = QPushButton(self.tr("Pla&n / 计算"))
        self.scope_label = QLabel()
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.lines: RecordsModel[PlanRow] = RecordsModel(plan_columns(), parent=self)
        self.lines_proxy = RecordsFilter(self.lines, self)
        self.table = QTableView()
        self.table.setModel(self.lines_proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COST, Qt.SortOrder.AscendingOrder)  # cheapest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        widths = (170, 140, 80, 230, 70, 50, 70, 90, 90, 90, 80, 90, 60, 90, 90, 70)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.way_box = QComboBox()
        self.boxes: RecordsModel[BoxRow] = RecordsModel(box_columns(), parent=self)
        self.boxes_view = QTableView()
        self.boxes_view.setModel(self.boxes)
        self.boxes_view.verticalHeader().hide()
        self.boxes_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.boxes_view.setWordWrap(False)
        for column, width in enumerate((40, 360, 150, 80, 160, 90)):
            self.boxes_view.setColumnWidth(column, width)
        self.cost_label = QLabel()
        self.cost_label.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create shipment…"))
        self._layout()
        self.plan_button.clicked.connect(self.plan_requested)
        self.create_button.clicked.connect(self.create_requested)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_ways())
        self.way_box.currentIndexChanged.connect(lambda *_: self._show_boxes())
        self.show_plan(None, [])

    def _layout(self) -> None:
        options = QHBoxLayout()
        for widget in (
            self.selected_radio,
            self.waiting_radio,
            self.repack_box,
            self.insure_box,
            QLabel(self.tr("Ship on:")),
            self.ship_on,
            self.plan_button,
        ):
            options.addWidget(widget)
        options.addStretch(1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(options)
        upper_layout.addWidget(self.scope_label)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.note_label)
        ways = QHBoxLayout()
        ways.addWidget(QLabel(self.tr("<b>Boxes of the chosen line</b> — way:")))
        ways.addWidget(self.way_box, 1)
        ways.addWidget(self.create_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(ways)
        lower_layout.addWidget(self.boxes_view, 1)
        lower_layout.addWidget(self.cost_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([360, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    # --- showing -----------------------------------------------------------------------------
    def show_plan(self, view: PlanView | None, parcel_ids: list[int], scope: str = "") -> None:
        keep = self.current_line_id()
        self.view_data = view
        self.parcel_ids = list(parcel_ids)
        if view is None:
            self.lines.set_rows([])
            self.scope_label.setText(
                scope or self.tr("Choose parcels and press Plan (Ctrl+L on Parcels).")
            )
            self.note_label.setText("")
            self._show_ways()
            return
        self.lines.set_rows(
            [
                PlanRow(i, plan, entry)
                for i, (plan, entry) in enumerate(zip(view.plan.lines, view.lines, strict=True))
            ]
        )
        self.scope_label.setText(scope)
        note = view.plan.note_message
        notes = [] if note is None else [i18n.message_text(note)]
        if not view.plan.lines:
            notes.append(self.tr("No shipping line yet: add one on Agents & lines."))
        elif not view.plan.cheapest and note is None:
            notes.append(self.tr("No line can take these parcels as they are."))
        refused = [
            f"{r.entry.name}: {refusal_text(r.plan)}"
            for r in self.lines.rows
            if not r.plan.accepted
        ]
        if refused:
            notes.append(self.tr("Refused — {lines}.").format(lines="; ".join(refused)))
        self.note_label.setText(" ".join(notes))
        wanted = (
            keep
            if keep is not None
            else next(
                (
                    entry.id
                    for plan, entry in zip(view.plan.lines, view.lines, strict=True)
                    if plan.cheapest
                ),
                None,
            )
        )
        row = next((r for r in self.lines.rows if r.entry.id == wanted), None)
        if row is None and self.lines.rows:
            row = self.lines.rows[0]
        if row is not None:
            index = self.lines_proxy.mapFromSource(self.lines.index(row.id, 0))
            select_row(self.table, index.row())
        self._show_ways()

    def current_row(self) -> PlanRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.lines.record(self.lines_proxy.mapToSource(index).row())

    def current_line_id(self) -> int | None:
        row = self.current_row()
        return None if row is None else row.entry.id

    def current_way(self) -> tuple[PlanRow, WayCost] | None:
        row = self.current_row()
        result = self.way_box.currentData()
        if row is None or result is None:
            return None
        chosen = _way_result(row.plan, Way(result))
        return (row, chosen) if isinstance(chosen, WayCost) else None

    def _show_ways(self) -> None:
        row = self.current_row()
        self.way_box.blockSignals(True)
        self.way_box.clear()
        if row is not None:
            best = row.plan.best
            for way in Way:
                result = _way_result(row.plan, way)
                if result is None:
                    continue
                text = (
                    money_text(result.total)
                    if isinstance(result, WayCost)
                    else self.tr("refused: {reason}").format(
                        reason=i18n.message_text(result.reason_message)
                    )
                )
                self.way_box.addItem(f"{both(way.label, way.label_zh)} — {text}", way.value)
            chosen = best.way.value if best is not None else Way.CONSOLIDATED.value
            self.way_box.setCurrentIndex(max(self.way_box.findData(chosen), 0))
        self.way_box.blockSignals(False)
        self._show_boxes()

    def _show_boxes(self) -> None:
        chosen = self.current_way()
        self.create_button.setEnabled(chosen is not None)
        if chosen is None:
            self.boxes.set_rows([])
            row = self.current_row()
            refusal = (
                "" if row is None else refusal_text(row.plan) or self.tr("this way is refused.")
            )
            self.cost_label.setText("" if row is None else f"{row.entry.name}: {refusal}")
            return
        row, cost = chosen
        self.boxes.set_rows([BoxRow(n, priced) for n, priced in enumerate(cost.split.boxes, 1)])
        self.cost_label.setText(cost_text(row.plan, cost))


def _way_result(plan: LinePlan, way: Way) -> WayResult | None:
    return {
        Way.CONSOLIDATED: plan.consolidated,
        Way.REPACKED: plan.repacked,
        Way.SEPARATE: plan.separate,
        Way.ONE_BOX: plan.one_box,
    }[way]
