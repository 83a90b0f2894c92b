"""One sample's details: who sent it, what it cost, when it moved, what was measured and how
it scored. `read()` gives the fields as a Sample (Decimal and Money, never float) with every
problem at once, typed or broken rule, keyed by field; each message shows under its field.
Numbers may be typed as a 1688 buyer writes them (¥3.20, 3,200, 1.2万) and a grey "= 3,200"
says how they were read. The status follows the dates as they are typed, unless chosen by
hand (app.domain.samples.status decides; the service applies the same rule on save)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.domain.kit.money import DEFAULT_CURRENCY, Money
from app.domain.samples.sample import Criterion, CriterionKind, PassFail, Sample, SampleStatus
from app.domain.samples.status import IN_TRANSIT, status_from_dates, status_on_save
from app.domain.samples.validation import sample_problems
from app.ui.samples.form_fields import criterion_label, money_reading, safe_reading, term
from app.ui.samples.sample_form_view import MEASURES, MONEY_HINT, SampleFormView
from app.ui.widgets.parsing import ParseError, format_decimal, parse_amount

FOLLOWS_DATES = str(QT_TRANSLATE_NOOP("SampleForm", "follows the dates"))
SET_BY_HAND = str(QT_TRANSLATE_NOOP("SampleForm", "set by hand"))


class SampleForm(SampleFormView):
    save_requested = Signal(object)  # Sample, read without a problem
    revert_requested = Signal()
    golden_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent, today)
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(self.revert_requested)
        self.golden_button.clicked.connect(self.golden_requested)
        self.status_box.activated.connect(self._status_chosen)
        for edit in self.date_edits.values():
            edit.dateChanged.connect(self._follow_dates)
        for name, line_edit in (
            ("price", self.price_edit),
            ("shipping", self.shipping_edit),
            *self.measure_edits.items(),
        ):
            line_edit.textChanged.connect(lambda _text, n=name: self._show_reading(n))
        for box in (self.price_currency, self.shipping_currency):
            box.currentTextChanged.connect(self._show_money_readings)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self._save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- showing -------------------------------------------------------------------------
    def set_suppliers(self, suppliers: list[tuple[int, str, str]]) -> None:
        """The suppliers to choose from: (id, name, search haystack), 100,000 of them fine."""
        chosen = self.supplier_box.current_id()
        self.supplier_box.set_suppliers(suppliers)
        self.supplier_box.setCurrentIndex(max(self.supplier_box.row_of(chosen), 0))

    def show_sample(self, sample: Sample, criteria: tuple[Criterion, ...]) -> None:
        self._shown = None  # no status following while the fields fill
        self._build_scores(criteria)
        self.supplier_box.set_current_id(sample.supplier_id)
        self.variant_edit.setText(sample.variant)
        self._set_status(sample.status)
        self.free_box.setChecked(sample.free)
        for money, amount, currency in (
            (sample.price, self.price_edit, self.price_currency),
            (sample.shipping, self.shipping_edit, self.shipping_currency),
        ):
            amount.setText("" if money is None else f"{money.amount:f}")
            currency.setCurrentText(money.currency if money else DEFAULT_CURRENCY)
        for name, date_edit in self.date_edits.items():
            date_edit.set_value(getattr(sample, name))
        self.tracking_edit.setText(sample.tracking_number)
        for name, line_edit in self.measure_edits.items():
            line_edit.setText(format_decimal(getattr(sample, name)))
        for name, box in self.score_boxes.items():
            value = sample.scores.get(name)
            box.setCurrentIndex(box.findData(None if value is None else str(value)))
        self.defects_edit.setText(sample.defects)
        self.verdict_edit.setText(sample.verdict)
        self.golden_button.setEnabled(sample.id is not None and not sample.golden)
        self.show_errors({})
        self._shown = sample
        self._status_by_hand = False
        self._show_status_hint()
        self._shown_state = self._state()

    def _build_scores(self, criteria: tuple[Criterion, ...]) -> None:
        if criteria == self._criteria:
            return
        while self.scores_grid.count():
            item = self.scores_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.score_boxes = {}
        for row, criterion in enumerate(criteria):
            box = QComboBox()
            box.addItem("—", None)
            if criterion.kind is CriterionKind.PASS_FAIL:
                for verdict in PassFail:
                    box.addItem(term(verdict.value), verdict.value)
            else:
                for score in range(1, 6):
                    box.addItem(f"{score} / 5", str(score))
            label = QLabel(criterion_label(criterion))
            self.scores_grid.addWidget(label, row // 2, (row % 2) * 2)
            self.scores_grid.addWidget(box, row // 2, (row % 2) * 2 + 1)
            self.score_boxes[criterion.name] = box
        self._criteria = criteria
        if self.score_boxes:
            self.field_widgets["scores"] = next(iter(self.score_boxes.values()))

    def show_errors(self, field_errors: dict[str, str]) -> None:
        """Every message at its field (several for one field on one line each); what belongs
        to no field here under the form. The first field with a problem gets the focus."""
        by_label: dict[int, list[str]] = {}
        unplaced: list[str] = []
        for key, message in field_errors.items():
            label = self.error_labels.get(key.split(".")[0])
            if label is None:
                unplaced.append(message)
            else:
                by_label.setdefault(id(label), []).append(message)
        for label in {id(label): label for label in self.error_labels.values()}.values():
            label.show_message("\n".join(by_label.get(id(label), [])))
        self.message.show_message("\n".join(unplaced))
        first = next((key for key in self._form_order() if key in field_errors), None)
        widget = self.field_widgets.get(first or "")
        if widget is not None and self.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _form_order(self) -> list[str]:
        keys = [key.split(".")[0] for key in self.error_labels]
        return list(dict.fromkeys(keys))

    def errors_shown(self) -> dict[str, str]:
        """The messages on show, by field (a message under no field is keyed "")."""
        shown = {key: label.message() for key, label in self.error_labels.items()}
        shown[""] = self.message.message()
        return {key: text for key, text in shown.items() if text}

    # --- status --------------------------------------------------------------------------
    def _set_status(self, status: SampleStatus) -> None:
        self.status_box.setCurrentIndex(self.status_box.findData(status.value))

    @property
    def status_by_hand(self) -> bool:
        """True once the user chose a status in the box: the save keeps it (the service is
        told, so a status chosen equal to the stored one is kept too)."""
        return self._status_by_hand

    def _status_chosen(self) -> None:
        self._status_by_hand = True
        self._show_status_hint()

    def _follow_dates(self) -> None:
        """A date changed: show the status the save will store (the service's own rule)."""
        if self._shown is None or self._status_by_hand:
            self._show_status_hint()
            return
        stored = self._shown if self._shown.id is not None else None
        edited = replace(self._shown, **self._dates())  # the status as stored: not chosen here
        self._set_status(status_on_save(stored, edited, by_hand=False))
        self._show_status_hint()

    def _show_status_hint(self) -> None:
        status = SampleStatus(self.status_box.currentData())
        dated = status_from_dates(
            self.date_edits["shipped_on"].value(), self.date_edits["received_on"].value()
        )
        if status not in IN_TRANSIT:
            self.status_hint.setText("")
        elif status == dated and not self._status_by_hand:
            self.status_hint.setText(QCoreApplication.translate("SampleForm", FOLLOWS_DATES))
        else:
            self.status_hint.setText(QCoreApplication.translate("SampleForm", SET_BY_HAND))

    # --- numbers as typed ----------------------------------------------------------------
    def _show_reading(self, name: str) -> None:
        if name in MONEY_HINT:
            self._show_money_readings()
            return
        what = next(what for key, _unit, what in MEASURES if key == name)
        reading = safe_reading(self.measure_edits[name].text(), what)
        self.hints[name].setText(reading)
        self.hints[name].setVisible(bool(reading))  # under the field: no empty line

    def _show_money_readings(self, *_args: object) -> None:
        for name, amount, currency in (
            ("price", self.price_edit, self.price_currency),
            ("shipping", self.shipping_edit, self.shipping_currency),
        ):
            reading = ""
            try:
                value, _ = parse_amount(amount.text(), MONEY_HINT[name])
            except ParseError:
                value = None
            code = currency.currentText().strip().upper()
            if value is not None and len(code) == 3 and code.isalpha():
                reading = money_reading(value, code, amount.text())
            self.hints[name].setText(reading)

    # --- reading back --------------------------------------------------------------------
    def read(self) -> tuple[Sample | None, dict[str, str]]:
        """The fields as a Sample, and every problem at once by field (typing first, then the
        rules a sample must meet); the Sample is None when nothing is shown."""
        if self._shown is None:
            return None, {}
        errors: dict[str, str] = {}
        measured: dict[str, Any] = {}  # by field name: Decimal or None
        for name, _unit, what in MEASURES:
            try:
                measured[name] = parse_amount(self.measure_edits[name].text(), what)[0]
            except ParseError as error:
                errors[name], measured[name] = str(error), None
        money: dict[str, Money | None] = {}
        for name, amount, currency in (
            ("price", self.price_edit, self.price_currency),
            ("shipping", self.shipping_edit, self.shipping_currency),
        ):
            try:
                money[name] = _money(amount, currency, name)
            except ParseError as error:
                errors[name], money[name] = str(error), None
        scores: dict[str, int | PassFail] = {}
        for name, box in self.score_boxes.items():
            value = box.currentData()
            if value is not None:
                scores[name] = PassFail(value) if value in ("pass", "fail") else int(value)
        sample = replace(
            self._shown,
            supplier_id=self.supplier_box.currentData(),
            variant=self.variant_edit.text().strip(),
            status=SampleStatus(self.status_box.currentData()),
            free=self.free_box.isChecked(),
            price=money["price"],
            shipping=money["shipping"],
            tracking_number=self.tracking_edit.text().strip(),
            defects=self.defects_edit.text().strip(),
            verdict=self.verdict_edit.text().strip(),
            scores=scores,
            **self._typed_dates(errors),
            **measured,
        )
        for key, message in sample_problems(sample, self._criteria, self.today()).items():
            errors.setdefault(key, message)
        return sample, errors

    def _dates(self) -> dict[str, Any]:
        """The date fields by field name: a date or None."""
        return {name: edit.value() for name, edit in self.date_edits.items()}

    def _typed_dates(self, errors: dict[str, str]) -> dict[str, Any]:
        """The date fields as typed; a mistyped one is an error of its field (its date held
        meanwhile: the one it had)."""
        dates: dict[str, Any] = {}
        for name, edit in self.date_edits.items():
            try:
                dates[name] = edit.checked_value()
            except ParseError as error:
                errors[name], dates[name] = str(error), edit.value()
        return dates

    def checked_sample(self) -> Sample | None:
        """The fields as a Sample when they have no problem; else None, every problem shown."""
        sample, errors = self.read()
        self.show_errors(errors)
        return None if errors else sample

    def _state(self) -> tuple[str, ...]:
        edits = [
            self.variant_edit,
            self.price_edit,
            self.shipping_edit,
            self.tracking_edit,
            self.defects_edit,
            self.verdict_edit,
            *self.measure_edits.values(),
        ]
        boxes = [
            self.supplier_box,
            self.status_box,
            self.price_currency,
            self.shipping_currency,
            *self.score_boxes.values(),
        ]
        return (
            *(edit.text() for edit in edits),
            *(edit.text() for edit in self.date_edits.values()),
            *(box.currentText() for box in boxes),
            str(self.free_box.isChecked()),
        )

    def is_dirty(self) -> bool:
        return self._shown is not None and self._state() != self._shown_state

    def _save(self) -> None:
        sample = self.checked_sample()
        if sample is not None:
            self.save_requested.emit(sample)


def _money(amount: QLineEdit, currency: QComboBox, name: str) -> Money | None:
    value, _reading = parse_amount(amount.text(), MONEY_HINT[name])
    if value is None:
        return None
    code = currency.currentText().strip().upper() or DEFAULT_CURRENCY
    if not (len(code) == 3 and code.isalpha()):
        raise ParseError(
            QCoreApplication.translate(
                "SampleForm", "'{code}' is not a currency code: choose one such as CNY or USD."
            ).format(code=code)
        )
    return Money(Decimal(value), code)
