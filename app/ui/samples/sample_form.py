"""One sample's details: who sent it, what it cost, when it moved, what was measured and how
it scored. `sample()` reads the fields back as a Sample (Decimal and Money, never float);
the service checks the rules and its messages come back beside the fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.kit.money import DEFAULT_CURRENCY, Money
from app.domain.samples.sample import Criterion, CriterionKind, PassFail, Sample, SampleStatus
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import (
    ParseError,
    format_date,
    format_decimal,
    parse_date,
    parse_optional_decimal,
)

T = TypeVar("T")

CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD", "JPY")
_MEASURES = (
    ("length_cm", "L cm"),
    ("width_cm", "W cm"),
    ("height_cm", "H cm"),
    ("weight_kg", "kg"),
)
_DATES = (("requested_on", "Requested"), ("shipped_on", "Shipped"), ("received_on", "Received"))


def _currency_box() -> QComboBox:
    box = QComboBox()
    box.setEditable(True)  # any ISO code the user meets
    box.addItems(CURRENCIES)
    box.setMaximumWidth(80)
    return box


class SampleForm(QGroupBox):
    save_requested = Signal(object)  # Sample
    revert_requested = Signal()
    golden_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sample", parent)
        self._shown: Sample | None = None
        self._criteria: tuple[Criterion, ...] = ()
        self.supplier_box = QComboBox()
        self.supplier_box.setEditable(True)  # type to find: Chinese, English
        self.supplier_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Sized by a typical name, not by measuring every supplier's (100,000 of them).
        self.supplier_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.supplier_box.setMinimumContentsLength(30)
        self._supplier_names = _SupplierNames([], self.supplier_box)
        _complete_anywhere(self.supplier_box)
        self.variant_edit = QLineEdit(placeholderText="colour, size or model sent")
        self.status_box = QComboBox()
        for status in SampleStatus:
            self.status_box.addItem(f"{status.label} {status.label_zh}", status.value)
        self.free_box = QCheckBox("Free sample")
        self.price_edit, self.price_currency = (
            QLineEdit(placeholderText="e.g. 35.00"),
            _currency_box(),
        )
        self.shipping_edit = QLineEdit(placeholderText="e.g. 12.00")
        self.shipping_currency = _currency_box()
        self.date_edits = {name: QLineEdit(placeholderText="yyyy-mm-dd") for name, _ in _DATES}
        self.tracking_edit = QLineEdit()
        self.measure_edits = {name: QLineEdit(placeholderText=unit) for name, unit in _MEASURES}
        self.defects_edit = QLineEdit(placeholderText="what is wrong, if anything")
        self.verdict_edit = QLineEdit(placeholderText="your conclusion")
        self.score_boxes: dict[str, QComboBox] = {}
        self.scores_grid = QGridLayout()
        self.field_errors: dict[str, QLabel] = {}

        form = QFormLayout(self)
        form.addRow("Supplier", self._with_error("supplier_id", self.supplier_box))
        form.addRow("Variant", self.variant_edit)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_box, 1)
        status_row.addWidget(self.free_box)
        form.addRow("Status", status_row)
        form.addRow("Price", self._money_row("price", self.price_edit, self.price_currency))
        form.addRow(
            "Shipping", self._money_row("shipping", self.shipping_edit, self.shipping_currency)
        )
        dates = QHBoxLayout()
        for name, label in _DATES:
            dates.addWidget(QLabel(label))
            dates.addWidget(self.date_edits[name])
        form.addRow("Dates", dates)
        form.addRow("", self._errors_for(*(name for name, _ in _DATES)))
        form.addRow("Tracking no.", self.tracking_edit)
        measures = QHBoxLayout()
        for name, unit in _MEASURES:
            measures.addWidget(self.measure_edits[name])
            measures.addWidget(QLabel(unit.split()[-1]))  # the unit stays in view when filled
        form.addRow("Measured", measures)
        form.addRow("", self._errors_for(*(name for name, _ in _MEASURES)))
        form.addRow("Scores", self.scores_grid)
        form.addRow("", self._errors_for("scores"))
        form.addRow("Defects", self.defects_edit)
        form.addRow("Verdict", self.verdict_edit)
        self.message = error_label()
        form.addRow(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Save sample")
        self.revert_button = QPushButton("Revert")
        self.golden_button = QPushButton("Make it the ★ &golden sample")
        self.golden_button.setToolTip("The approved reference of this product (one per product)")
        for button in (self.save_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.golden_button)
        form.addRow(buttons)
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(self.revert_requested)
        self.golden_button.clicked.connect(self.golden_requested)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self._save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- layout helpers ------------------------------------------------------------------
    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 1)
        layout.addWidget(self._errors_for(field))
        return box

    def _money_row(self, field: str, amount: QLineEdit, currency: QComboBox) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(amount, 1)
        layout.addWidget(currency)
        layout.addWidget(self._errors_for(field))
        return box

    def _errors_for(self, *fields: str) -> QLabel:
        label = error_label()
        for field in fields:
            self.field_errors[field] = label
        return label

    # --- showing -------------------------------------------------------------------------
    def set_suppliers(self, suppliers: list[tuple[int, str]]) -> None:
        """The suppliers to choose from, as a list model over the names (100,000 suppliers:
        no item objects, a fraction of what one addItem call each costs)."""
        chosen = self.supplier_box.currentData()
        self._supplier_names = _SupplierNames(suppliers, self.supplier_box)
        self.supplier_box.setModel(self._supplier_names)
        _complete_anywhere(self.supplier_box)
        self.supplier_box.setCurrentIndex(max(self._supplier_names.row_of(chosen), 0))

    def show_sample(self, sample: Sample, criteria: tuple[Criterion, ...]) -> None:
        self._build_scores(criteria)
        self.supplier_box.setCurrentIndex(self._supplier_names.row_of(sample.supplier_id))
        self.variant_edit.setText(sample.variant)
        self.status_box.setCurrentIndex(self.status_box.findData(sample.status.value))
        self.free_box.setChecked(sample.free)
        for money, amount, currency in (
            (sample.price, self.price_edit, self.price_currency),
            (sample.shipping, self.shipping_edit, self.shipping_currency),
        ):
            amount.setText("" if money is None else f"{money.amount:f}")
            currency.setCurrentText(money.currency if money else DEFAULT_CURRENCY)
        for name, edit in self.date_edits.items():
            edit.setText(format_date(getattr(sample, name)))
        self.tracking_edit.setText(sample.tracking_number)
        for name, edit in self.measure_edits.items():
            edit.setText(format_decimal(getattr(sample, name)))
        for name, box in self.score_boxes.items():
            value = sample.scores.get(name)
            box.setCurrentIndex(box.findData(None if value is None else str(value)))
        self.defects_edit.setText(sample.defects)
        self.verdict_edit.setText(sample.verdict)
        self.golden_button.setEnabled(sample.id is not None and not sample.golden)
        self.show_errors({})
        self._shown = sample
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
                    box.addItem(verdict.value, verdict.value)
            else:
                for score in range(1, 6):
                    box.addItem(f"{score} / 5", str(score))
            self.scores_grid.addWidget(QLabel(criterion.label), row // 2, (row % 2) * 2)
            self.scores_grid.addWidget(box, row // 2, (row % 2) * 2 + 1)
            self.score_boxes[criterion.name] = box
        self._criteria = criteria

    def show_errors(self, field_errors: dict[str, str]) -> None:
        for shown in self.field_errors.values():
            shown.clear()
        unplaced: list[str] = []
        for field, message in field_errors.items():
            label = self.field_errors.get(field.split(".")[0])
            if label is None:
                unplaced.append(message)
            else:
                label.setText(f"⚠ {message}" if not label.text() else f"{label.text()} {message}")
        self.message.setText("⚠ " + " ".join(unplaced) if unplaced else "")

    # --- reading back --------------------------------------------------------------------
    def sample(self) -> Sample:
        """The fields as a Sample; ValueError names the field when a number or date is wrong."""
        if self._shown is None:
            raise ValueError("No sample is shown.")
        values: dict[str, object] = {}
        for name, edit in self.date_edits.items():
            values[name] = _read(partial(parse_date, edit.text()))
        for name, edit in self.measure_edits.items():
            values[name] = _read(partial(parse_optional_decimal, edit.text(), name))
        scores: dict[str, int | PassFail] = {}
        for name, box in self.score_boxes.items():
            value = box.currentData()
            if value is not None:
                scores[name] = PassFail(value) if value in ("pass", "fail") else int(value)
        return replace(
            self._shown,
            supplier_id=self.supplier_box.currentData(),
            variant=self.variant_edit.text().strip(),
            status=SampleStatus(self.status_box.currentData()),
            free=self.free_box.isChecked(),
            price=_money(self.price_edit, self.price_currency, "price"),
            shipping=_money(self.shipping_edit, self.shipping_currency, "shipping"),
            tracking_number=self.tracking_edit.text().strip(),
            defects=self.defects_edit.text().strip(),
            verdict=self.verdict_edit.text().strip(),
            scores=scores,
            **values,  # type: ignore[arg-type]
        )

    def _state(self) -> tuple[str, ...]:
        edits = [
            self.variant_edit,
            self.price_edit,
            self.shipping_edit,
            self.tracking_edit,
            self.defects_edit,
            self.verdict_edit,
            *self.date_edits.values(),
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
            *(box.currentText() for box in boxes),
            str(self.free_box.isChecked()),
        )

    def is_dirty(self) -> bool:
        return self._shown is not None and self._state() != self._shown_state

    def _save(self) -> None:
        try:
            sample = self.sample()
        except ValueError as error:
            self.message.setText(f"⚠ {error}")
            return
        self.save_requested.emit(sample)


class _SupplierNames(QAbstractListModel):
    """(id, name) pairs for the supplier picker: the name shows, the id is the item data."""

    def __init__(self, suppliers: list[tuple[int, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._suppliers = suppliers
        self._rows = {supplier_id: row for row, (supplier_id, _) in enumerate(suppliers)}

    def row_of(self, supplier_id: int | None) -> int:
        """The row of a supplier, -1 if unknown (QComboBox.findData would scan every row)."""
        return self._rows.get(supplier_id, -1) if supplier_id is not None else -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._suppliers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        supplier_id, name = self._suppliers[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return name
        return supplier_id if role == Qt.ItemDataRole.UserRole else None


def _complete_anywhere(box: QComboBox) -> None:
    """Complete a typed name on any part of it, in a popup list."""
    completer = box.completer()
    if completer is None:  # only a non-editable box has none
        return
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


def _read(parse: Callable[[], T]) -> T:
    try:
        return parse()
    except ParseError as error:
        raise ValueError(str(error)) from None


def _money(amount: QLineEdit, currency: QComboBox, what: str) -> Money | None:
    value = _read(lambda: parse_optional_decimal(amount.text(), f"the {what} amount"))
    if value is None:
        return None
    code = currency.currentText().strip().upper() or DEFAULT_CURRENCY
    if not (len(code) == 3 and code.isalpha()):
        raise ValueError(f"'{code}' is not a currency code for the {what} (e.g. CNY, USD).")
    return Money(Decimal(value), code)
