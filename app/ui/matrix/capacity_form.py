"""Record a capacity fact (value, source, date) and see a supplier's fact history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.matrix.capacity import Dimension, FactSource, grade_capacity
from app.domain.matrix.records import CapacityFact
from app.ui.matrix.table_state import format_number
from app.ui.widgets.form_parts import error_label, history_table
from app.ui.widgets.parsing import ParseError, parse_date, parse_optional_decimal

FACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HISTORY_COLUMNS = ("Dimension", "Value", "Source", "Observed", "Note")


class CapacityForm(QGroupBox):
    record_requested = Signal(object, object, object, object, str)  # dim, value, source, date, note
    delete_requested = Signal(int)  # fact id

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Capacity facts", parent)
        self._today = today
        self.dimension_box = QComboBox()
        for dimension in Dimension:
            self.dimension_box.addItem(f"{dimension.label} ({dimension.unit})", dimension)
        self.value_edit = QLineEdit(placeholderText="e.g. 80,000")
        self.source_box = QComboBox()
        for source in FactSource:
            self.source_box.addItem(source.label, source)
        self.date_edit = QLineEdit(today.isoformat(), placeholderText="yyyy-mm-dd or empty")
        self.note_edit = QLineEdit(placeholderText="optional, e.g. counted 3 lines running")
        self.grade_preview = QLabel()
        self.error_label = error_label()
        self.record_button = QPushButton("&Record fact")
        self.record_button.setToolTip("Store this value; the old one stays in the history")
        form = QFormLayout()
        form.addRow("Dimension", self.dimension_box)
        form.addRow("&Value", self.value_edit)
        form.addRow("", self.grade_preview)
        form.addRow("Source", self.source_box)
        form.addRow("Observed on", self.date_edit)
        form.addRow("Note", self.note_edit)

        self.history = QStandardItemModel(0, len(_HISTORY_COLUMNS), self)
        self.history.setHorizontalHeaderLabels(list(_HISTORY_COLUMNS))
        self.history_view = history_table(self.history, 120)
        self.delete_button = QPushButton("Delete selected fact")
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("History (newest first; the first of each dimension counts)"))
        layout.addWidget(self.history_view)

        self.value_edit.textChanged.connect(self._preview)
        self.dimension_box.currentIndexChanged.connect(self._preview)
        self.value_edit.returnPressed.connect(self._record)
        self.record_button.clicked.connect(self._record)
        self.delete_button.clicked.connect(self._delete)

    # Qt hands enum data back as plain text: turn it back into the enum here, once.
    def dimension(self) -> Dimension:
        return Dimension(self.dimension_box.currentData())

    def source(self) -> FactSource:
        return FactSource(self.source_box.currentData())

    def show_facts(self, facts: list[CapacityFact]) -> None:
        self.history.removeRows(0, self.history.rowCount())
        for fact in facts:
            grade = grade_capacity(fact.dimension, fact.value).grade
            cells = [
                fact.dimension.label,
                f"{format_number(fact.value)} {fact.dimension.unit} · {grade.value}",
                fact.source.label,
                fact.observed_on.isoformat() if fact.observed_on else "unknown",
                fact.note,
            ]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(fact.id, FACT_ID_ROLE)
            self.history.appendRow(items)
        self.history_view.resizeColumnsToContents()
        self.delete_button.setEnabled(bool(facts))
        self.error_label.clear()

    def choose_dimension(self, dimension: Dimension) -> None:
        self.dimension_box.setCurrentIndex(list(Dimension).index(dimension))
        self.value_edit.setFocus()

    def clear_entry(self) -> None:
        self.value_edit.clear()
        self.note_edit.clear()
        self.error_label.clear()

    def show_error(self, text: str) -> None:
        self.error_label.setText(f"⚠ {text}")

    def _preview(self) -> None:
        dimension = self.dimension()
        try:
            value = parse_optional_decimal(self.value_edit.text(), dimension.label.lower())
            self.grade_preview.setText(
                "" if value is None else f"→ {grade_capacity(dimension, value).rule_text}"
            )
        except (ParseError, ValueError) as error:
            self.grade_preview.setText(f"⚠ {error}")

    def _record(self) -> None:
        dimension = self.dimension()
        try:
            value = parse_optional_decimal(self.value_edit.text(), f"{dimension.label} value")
            observed = parse_date(self.date_edit.text())
        except ParseError as error:
            self.show_error(str(error))
            return
        if value is None:
            self.show_error(f"Enter the {dimension.label.lower()} in {dimension.unit}.")
            return
        self.record_requested.emit(dimension, value, self.source(), observed, self.note_edit.text())

    def _delete(self) -> None:
        rows = self.history_view.selectionModel().selectedRows()
        if rows:
            fact_id = self.history.item(rows[0].row(), 0).data(FACT_ID_ROLE)
            self.delete_requested.emit(int(fact_id))
        else:
            self.show_error("Select a fact in the history first.")
