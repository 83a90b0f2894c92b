"""The Capacity & Credit tab's widgets and layout; behaviour lives in app.ui.matrix.tab."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.matrix.capacity import Dimension, FactSource, Grade
from app.domain.suppliers.choices import PROVINCES, Status
from app.ui.matrix.capacity_form import CapacityForm
from app.ui.matrix.credit_form import CreditForm
from app.ui.matrix.evaluation_form import EvaluationForm
from app.ui.matrix.frozen_table import FrozenColumnTableView
from app.ui.matrix.legend import LegendLabel, term
from app.ui.matrix.radar_chart import RadarChart
from app.ui.matrix.table_state import COLUMN_KEYS, MATRIX_COLUMNS, MatrixFilter
from app.ui.matrix.trend_chart import TrendChart
from app.ui.matrix.weights_panel import WeightsPanel
from app.ui.settings import MATRIX_VIEWS, Settings
from app.ui.widgets import saved_views
from app.ui.widgets.empty_state import EmptyState, EmptySwitch
from app.ui.widgets.tab_protocol import tab_action

DEFAULT_WIDTHS = {
    "supplier": 230,
    "rank": 52,
    "level": 52,
    "weighted": 74,
    "credit": 96,
    "province": 90,
    "status": 80,
    "period": 70,
}
_CAPACITY_WIDTH, _SCORE_WIDTH = 96, 74


class MatrixFilterBar(QWidget):
    changed = Signal(object)  # MatrixFilter
    export_requested = Signal(str)  # ".xlsx" or ".pdf"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_box = QLineEdit(
            placeholderText=self.tr("Filter: name, pinyin, city, category…  Ctrl+F")
        )
        self.text_box.setClearButtonEnabled(True)
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("Status: Any"), None)
        for status in Status:
            self.status_box.addItem(f"{status.label} {status.label_zh}", status)
        self.category_box = QComboBox()
        self.province_box = QComboBox()
        self.province_box.addItem(self.tr("Province: Any"), None)
        for chinese, english in PROVINCES:
            self.province_box.addItem(f"{chinese} {english}", chinese)
        self.set_categories([])
        self.count_label = QLabel()
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(
            self.tr("Export the rows shown, in this order (Ctrl+E, Ctrl+Shift+E)")
        )
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(
            self.tr("Excel (.xlsx)…"), lambda: self.export_requested.emit(".xlsx")
        )
        export_menu.addAction(self.tr("PDF…"), lambda: self.export_requested.emit(".pdf"))
        self.export_button.setMenu(export_menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_box, 1)
        for box in (self.status_box, self.category_box, self.province_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(10)
            layout.addWidget(box)
            box.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.count_label)
        layout.addWidget(self.export_button)
        self.text_box.textChanged.connect(self._emit)

    def set_categories(self, categories: list[str]) -> None:
        chosen = self.category_box.currentData()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(self.tr("Category: Any"), None)
        for category in categories:
            self.category_box.addItem(category, category)
        index = self.category_box.findData(chosen)
        self.category_box.setCurrentIndex(max(index, 0))
        self.category_box.blockSignals(False)
        self.category_box.view().setMinimumWidth(self.category_box.view().sizeHintForColumn(0) + 24)

    def current(self) -> MatrixFilter:
        status = self.status_box.currentData()  # Qt returns enum data as plain text
        return MatrixFilter(
            text=self.text_box.text(),
            status=None if status is None else Status(status),
            category=self.category_box.currentData(),
            province=self.province_box.currentData(),
        )

    def show_count(self, shown: int, total: int) -> None:
        if shown == total:
            text = self.tr("{total} supplier") if total == 1 else self.tr("{total} suppliers")
        elif total == 1:
            text = self.tr("{shown} of {total} supplier")
        else:
            text = self.tr("{shown} of {total} suppliers")
        self.count_label.setText(text.format(shown=f"{shown:,}", total=f"{total:,}"))

    def _emit(self) -> None:
        self.changed.emit(self.current())

    def use_saved_views(
        self, tab: QWidget, settings: Settings, table: FrozenColumnTableView
    ) -> None:
        """Add Views ▾ before Export (Ctrl+Shift+F while `tab` shows): this bar's filters with
        the table's sort and columns, saved under a name in `settings`."""
        filters: dict[str, saved_views.FilterWidget] = {
            "text": self.text_box,
            "status": self.status_box,
            "category": self.category_box,
            "province": self.province_box,
        }
        header = table.horizontalHeader()
        state = saved_views.TableViewState(header, COLUMN_KEYS, filters, self._emit, ["supplier"])
        self.views_button = saved_views.SavedViewsButton.for_table(
            tab, settings, MATRIX_VIEWS, state
        )
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(layout.indexOf(self.export_button), self.views_button)


class MatrixTabView(QWidget):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_bar = MatrixFilterBar()
        self.table = FrozenColumnTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(40)  # two lines: 中文名 / English
        self.table.verticalHeader().hide()
        self.table.configure_frozen()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.status_label)
        self.retry_button = QPushButton(self.tr("&Retry"))  # shown when loading failed
        self.retry_button.hide()
        left_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.supplier_title = QLabel(self.tr("Select a supplier in the matrix."))
        self.supplier_title.setWordWrap(True)
        self.supplier_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.capacity_form = CapacityForm(today)
        self.credit_form = CreditForm()
        self.evaluation_form = EvaluationForm()
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.supplier_title)
        for form in (self.capacity_form, self.credit_form, self.evaluation_form):
            details_layout.addWidget(form)
        details_layout.addStretch(1)
        details_scroll = _scrolling(details)

        self.radar = RadarChart()
        self.trend = TrendChart()
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        compare = self.tr("<b>Compare</b> (select 2-5 rows with Ctrl or Shift)")
        charts_layout.addWidget(QLabel(compare))
        charts_layout.addWidget(self.radar, 1)
        scale_note = QLabel(
            self.tr(
                "Scores as entered (0-100). Capacity: the mean of its known grades, excellent "
                "100, good 75, average 50, weak 25. Credit: AAA 100, AA 80, A 60, B 40, C 20."
            )
        )
        scale_note.setWordWrap(True)
        charts_layout.addWidget(scale_note)
        charts_layout.addWidget(QLabel(self.tr("<b>Scores over periods</b> (the current row)")))
        charts_layout.addWidget(self.trend, 1)

        self.weights_panel = WeightsPanel()
        weights_page = QWidget()
        weights_layout = QVBoxLayout(weights_page)
        weights_layout.addWidget(self.weights_panel)
        weights_layout.addStretch(1)

        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(details_scroll, self.tr("&Supplier"))
        self.side_tabs.addTab(_scrolling(charts), self.tr("C&harts"))
        self.side_tabs.addTab(_scrolling(weights_page), self.tr("&Weights"))
        self.legend = LegendLabel()
        self.side_tabs.addTab(_scrolling(self.legend), self.tr("&Legend"))
        self.side_tabs.setMinimumWidth(340)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 420])

        # The tab's own actions: their shortcuts fire only while this tab shows (tab_protocol).
        find = self.tr("&Find in matrix")
        self.find_action = tab_action(self, find, QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_filter)
        audits = self.tr("&Audits of this supplier…")
        self.audits_action = tab_action(self, audits, "Ctrl+Shift+A")
        # A tab cannot switch tabs: the tab emits go_to_tab and the window switches (issue 14).
        self.suppliers_action = tab_action(self, self.tr("Go to the &Suppliers tab"), None)

        # No supplier at all: what the matrix is for instead of a bare table (issue 14).
        self.empty_switch = EmptySwitch(
            self.splitter,
            EmptyState(
                self.tr("No suppliers to grade yet"),
                self.tr(
                    "The matrix grades each supplier's capacity (monthly capacity, production "
                    "lines, employees, factory area) and credit, scores them by your weights and "
                    "compares them side by side.<br><br>Add suppliers in the Suppliers tab "
                    "first: each one appears here at once, graded <i>unknown</i> until you "
                    "record its facts."
                ),
                [self.suppliers_action],
            ),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_switch)

    # --- what the status line says --------------------------------------------------------
    def show_loading(self) -> None:
        self.status_label.setText(self.tr("Loading the matrix…"))

    def show_ready(self) -> None:
        self.status_label.setText(
            self.tr(
                "Double-click a capacity cell (or press F2) to correct it; hover any cell for "
                "how its grade was reached."
            )
        )

    def show_load_failed(self, error: str) -> None:
        self.status_label.setText(
            self.tr("⚠ Could not load the matrix: {error}").format(error=error)
        )
        self.retry_button.show()

    def show_recorded(
        self,
        dimension: Dimension,
        value: Decimal,
        source: FactSource,
        when: date,
        grade: Grade | None,
    ) -> None:
        """A value typed in a cell was stored: what, from where, and the grade it got."""
        text = (
            self.tr("Recorded {dimension} {value} ({source}, {date}).")
            if grade is None
            else self.tr("Recorded {dimension} {value} ({source}, {date}): {grade}.")
        )
        self.status_label.setText(
            text.format(
                dimension=term(dimension.label).lower(),
                value=value,
                source=term(source.label),
                date=when,
                grade="" if grade is None else term(grade.value),
            )
        )

    def apply_default_widths(self) -> None:
        for section, column in enumerate(MATRIX_COLUMNS):
            width = DEFAULT_WIDTHS.get(column.key)
            if width is None:
                width = _CAPACITY_WIDTH if column.kind == "capacity" else _SCORE_WIDTH
            self.table.setColumnWidth(section, width)

    def _focus_filter(self) -> None:
        self.filter_bar.text_box.setFocus()
        self.filter_bar.text_box.selectAll()


def _scrolling(page: QWidget) -> QScrollArea:
    """A side page that scrolls, so the window stays usable on a small screen."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    return scroll
