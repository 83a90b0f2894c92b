"""Record a capacity fact (value, source, date on a calendar) and see a supplier's history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
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
from app.ui.matrix.legend import term
from app.ui.matrix.table_state import format_number
from app.ui.widgets.date_field import DateField
from app.ui.widgets.form_parts import error_label, history_table
from app.ui.widgets.parsing import ParseError, parse_optional_decimal

FACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HISTORY_COLUMNS = (
    str(QT_TRANSLATE_NOOP("CapacityForm", "Dimension")),
    str(QT_TRANSLATE_NOOP("CapacityForm", "Value")),
    str(QT_TRANSLATE_NOOP("CapacityForm", "Source")),
    str(QT_TRANSLATE_NOOP("CapacityForm", "Observed")),
    str(QT_TRANSLATE_NOOP("CapacityForm", "Note")),
)


class CapacityForm(QGroupBox):
    record_requested = Signal(object, object, object, object, str)  # dim, value, source, date, note
    delete_requested = Signal(int)  # fact id

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Capacity facts"), parent)
        self._today = today
        self.dimension_box = QComboBox()
        for dimension in Dimension:
            shown = self.tr("{dimension} ({unit})")
            unit = term(dimension.unit)
            self.dimension_box.addItem(
                shown.format(dimension=term(dimension.label), unit=unit), dimension
            )
        self.value_edit = QLineEdit(placeholderText=self.tr("e.g. 80,000"))
        self.source_box = QComboBox()
        for source in FactSource:
            self.source_box.addItem(term(source.label), source)
        self.date_edit = DateField()  # typed or picked; blank (Delete) when not known
        self.date_edit.set_value(today)
        self.note_edit = QLineEdit(
            placeholderText=self.tr("optional, e.g. counted 3 lines running")
        )
        self.grade_preview = QLabel()
        self.error_label = error_label()
        self.record_button = QPushButton(self.tr("&Record fact"))
        self.record_button.setToolTip(self.tr("Store this value; the old one stays in the history"))
        form = QFormLayout()
        form.addRow(self.tr("Dimension"), self.dimension_box)
        form.addRow(self.tr("&Value"), self.value_edit)
        form.addRow("", self.grade_preview)
        form.addRow(self.tr("Source"), self.source_box)
        form.addRow(self.tr("Observed on"), self.date_edit)
        form.addRow(self.tr("Note"), self.note_edit)

        self.history = QStandardItemModel(0, len(_HISTORY_COLUMNS), self)
        self.history.setHorizontalHeaderLabels(
            [QCoreApplication.translate("CapacityForm", title) for title in _HISTORY_COLUMNS]
        )
        self.history_view = history_table(self.history, 120)
        self.delete_button = QPushButton(self.tr("Delete selected fact"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addWidget(
            QLabel(self.tr("History (newest first; the first of each dimension counts)"))
        )
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
            unit = term(fact.dimension.unit)
            cells = [
                term(fact.dimension.label),
                f"{format_number(fact.value)} {unit} · {term(grade.value)}",
                term(fact.source.label),
                fact.observed_on.isoformat() if fact.observed_on else term("unknown"),
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
        except ParseError as error:
            self.show_error(str(error))
            return
        if value is None:
            enter = self.tr("Enter the {dimension} in {unit}.")
            unit = term(dimension.unit)
            self.show_error(enter.format(dimension=term(dimension.label).lower(), unit=unit))
            return
        try:
            observed = self.date_edit.checked_value()  # None: left blank, not known
        except ParseError as error:
            self.show_error(str(error))
            return
        self.record_requested.emit(dimension, value, self.source(), observed, self.note_edit.text())

    def _delete(self) -> None:
        rows = self.history_view.selectionModel().selectedRows()
        if rows:
            fact_id = self.history.item(rows[0].row(), 0).data(FACT_ID_ROLE)
            self.delete_requested.emit(int(fact_id))
        else:
            self.show_error(self.tr("Select a fact in the history first."))
