"""Enter a period's Q/D/S/C scores and see every period a supplier was evaluated in."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.matrix.indicators import Indicator, explain_criterion, raw_value_problem
from app.domain.matrix.records import Evaluation
from app.domain.matrix.scoring import Criterion, Scores, Weights, weighted_score
from app.ui.matrix.legend import term
from app.ui.widgets.form_parts import error_label, history_table
from app.ui.widgets.parsing import ParseError, format_decimal, parse_optional_decimal

_COLUMN_COUNT = len(Criterion) + 3  # period, a score per criterion, weighted, note


class EvaluationForm(QGroupBox):
    save_requested = Signal(str, object, str, object)  # period, Scores, note, indicators
    delete_requested = Signal(str)  # period

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Performance evaluations"), parent)
        self.period_edit = QLineEdit(placeholderText=self.tr("2026-Q4, 2026-H2, 2026-11 or 2026"))
        self.score_edits: dict[Criterion, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("&Period"), self.period_edit)
        for criterion in Criterion:
            edit = QLineEdit(placeholderText=self.tr("0-100; empty = not scored"))
            label, covers = term(criterion.label), term(criterion.covers)
            edit.setToolTip(f"{label}: {covers}")
            form.addRow(
                self.tr("{criterion} ({covers})").format(criterion=label, covers=covers), edit
            )
            self.score_edits[criterion] = edit
        self.note_edit = QLineEdit()
        form.addRow(self.tr("Note"), self.note_edit)
        # Or the raw sub-indicators: a criterion with any of them filled is scored from them.
        self.indicator_box = QGroupBox(self.tr("Score from sub-indicators"))
        self.indicator_box.setCheckable(True)
        self.indicator_box.setChecked(False)
        self.indicator_edits: dict[Indicator, QLineEdit] = {}
        indicator_form = QFormLayout(self.indicator_box)
        for indicator in Indicator:
            edit = QLineEdit(placeholderText=term(indicator.unit))
            sub_score = self.tr("{meaning}\nSub-score: {rule}")
            edit.setToolTip(sub_score.format(meaning=indicator.meaning, rule=indicator.rule))
            edit.textChanged.connect(self._preview)
            label = f"{term(indicator.criterion.label)}: {term(indicator.label)}"
            indicator_form.addRow(label, edit)
            self.indicator_edits[indicator] = edit
        self.indicator_preview = QLabel()
        self.indicator_preview.setWordWrap(True)
        indicator_form.addRow(self.indicator_preview)
        self.error_label = error_label()
        self.save_button = QPushButton(self.tr("Save &evaluation"))
        self.delete_button = QPushButton(self.tr("Delete selected period"))
        self.history = QStandardItemModel(0, _COLUMN_COUNT, self)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Period"),
                *(term(c.label) for c in Criterion),
                self.tr("Weighted"),
                self.tr("Note"),
            ]
        )
        self.history_view = history_table(self.history, 110)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.indicator_box)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addWidget(self.history_view)
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.history_view.clicked.connect(lambda index: self._load_period(index.row()))
        self._evaluations: list[Evaluation] = []

    def show_evaluations(self, evaluations: list[Evaluation], weights: Weights) -> None:
        self._evaluations = list(evaluations)
        self.history.removeRows(0, self.history.rowCount())
        for evaluation in reversed(self._evaluations):  # newest first
            scores = evaluation.scores
            score = weighted_score(scores, weights)
            cells = [
                evaluation.period,
                *(format_decimal(getattr(scores, c.value)) or "—" for c in Criterion),
                "—" if score is None else f"{score:.1f}",
                evaluation.note,
            ]
            self.history.appendRow([QStandardItem(text) for text in cells])
        self.history_view.resizeColumnsToContents()
        self.delete_button.setEnabled(bool(self._evaluations))
        self.error_label.clear()

    def show_error(self, text: str) -> None:
        self.error_label.setText(f"⚠ {text}")

    def clear_entry(self) -> None:
        edits = (self.period_edit, self.note_edit, *self.score_edits.values())
        for edit in (*edits, *self.indicator_edits.values()):
            edit.clear()
        self.error_label.clear()

    def _load_period(self, row: int) -> None:
        """Clicking a period puts its scores in the form, ready to correct and save again."""
        evaluation = list(reversed(self._evaluations))[row]
        self.period_edit.setText(evaluation.period)
        for criterion, edit in self.score_edits.items():
            edit.setText(format_decimal(getattr(evaluation.scores, criterion.value)))
        self.note_edit.setText(evaluation.note)
        for indicator, edit in self.indicator_edits.items():
            edit.setText(format_decimal(evaluation.indicators.get(indicator)))
        self.indicator_box.setChecked(bool(evaluation.indicators))
        for criterion in {i.criterion for i in evaluation.indicators}:
            self.score_edits[criterion].clear()  # scored from its sub-indicators

    def _indicators(self) -> dict[Indicator, Decimal]:
        """The filled sub-indicators; ParseError or ValueError names the bad one."""
        if not self.indicator_box.isChecked():
            return {}
        raw: dict[Indicator, Decimal] = {}
        for indicator, edit in self.indicator_edits.items():
            value = parse_optional_decimal(edit.text(), indicator.label)
            if value is not None:
                problem = raw_value_problem(indicator, value)
                if problem:
                    raise ValueError(problem)
                raw[indicator] = value
        return raw

    def _preview(self) -> None:
        try:
            raw = self._indicators()
        except (ParseError, ValueError) as error:
            self.indicator_preview.setText(f"⚠ {error}")
            return
        criteria = [c for c in Criterion if any(i.criterion is c for i in raw)]
        self.indicator_preview.setText("\n".join(explain_criterion(c, raw) for c in criteria))

    def _save(self) -> None:
        period = self.period_edit.text().strip()
        if not period:
            self.show_error(self.tr("Enter the period, e.g. 2026-Q4."))
            return
        try:
            values = {
                c.value: parse_optional_decimal(edit.text(), f"the {c.label} score (0-100)")
                for c, edit in self.score_edits.items()
            }
            indicators = self._indicators()
            for criterion in {i.criterion for i in indicators}:
                if values[criterion.value] is not None:
                    raise ValueError(
                        self.tr(
                            "{criterion} has a score and sub-indicators: clear one of them."
                        ).format(criterion=term(criterion.label))
                    )
            scores = Scores(**values)
        except (ParseError, ValueError, TypeError) as error:
            self.show_error(str(error))
            return
        self.save_requested.emit(period, scores, self.note_edit.text(), indicators)

    def _delete(self) -> None:
        rows = self.history_view.selectionModel().selectedRows()
        if not rows:
            self.show_error(self.tr("Select a period in the list first."))
            return
        self.delete_requested.emit(self.history.item(rows[0].row(), 0).text())
