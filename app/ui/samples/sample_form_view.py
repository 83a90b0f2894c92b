"""The sample form's widgets and layout: each field with its message under it (FieldError) and,
for numbers, the grey line that says how they were read; behaviour lives in
app.ui.samples.sample_form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.samples.sample import Criterion, Sample, SampleStatus
from app.ui.samples.form_fields import FieldError, hint_label, term
from app.ui.widgets.date_field import DateField
from app.ui.widgets.supplier_picker import SupplierPicker

CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD", "JPY")
# (field, unit, what a wrong entry is called in its message: the message is English for now)
MEASURES = (
    ("length_cm", "cm", "the measured length in cm"),
    ("width_cm", "cm", "the measured width in cm"),
    ("height_cm", "cm", "the measured height in cm"),
    ("weight_kg", "kg", "the measured weight in kg"),
)
MEASURE_LABELS = ("Length", "Width", "Height", "Weight")  # SampleTerms (form_fields)
DATES = (
    ("requested_on", str(QT_TRANSLATE_NOOP("SampleFormView", "Requested"))),
    ("shipped_on", str(QT_TRANSLATE_NOOP("SampleFormView", "Shipped"))),
    ("received_on", str(QT_TRANSLATE_NOOP("SampleFormView", "Received"))),
)
MONEY_HINT = {
    "price": "enter the sample price, e.g. 35.50, ¥3.20 or 3,200",
    "shipping": "enter the shipping cost, e.g. 12, ¥12.00 or 1,200",
}


def currency_box() -> QComboBox:
    box = QComboBox()
    box.setEditable(True)  # any ISO code the user meets
    box.addItems(CURRENCIES)
    box.setMaximumWidth(80)
    return box


class SampleFormView(QGroupBox):
    """Builds the form; SampleForm fills it, reads it back and shows what is wrong."""

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(self.tr("Sample"), parent)
        self.today = today
        self._shown: Sample | None = None
        self._status_by_hand = False  # chosen in the status box since the sample was shown
        self._criteria: tuple[Criterion, ...] = ()
        # Type any part of the name, its pinyin or initials (the Suppliers tab's search).
        self.supplier_box = SupplierPicker()
        self.supplier_box.setMinimumContentsLength(30)
        self.variant_edit = QLineEdit(placeholderText=self.tr("colour, size or model sent"))
        self.status_box = QComboBox()
        for status in SampleStatus:
            self.status_box.addItem(f"{status.label} {status.label_zh}", status.value)
        self.status_box.setToolTip(
            self.tr(
                "Requested, shipped and received follow the dates as you type them; choose a "
                "status here to set it by hand. Evaluated, approved and rejected are never "
                "changed by dates."
            )
        )
        self.status_hint = hint_label()
        self.free_box = QCheckBox(self.tr("Free sample"))
        self.price_edit = QLineEdit(placeholderText=self.tr("e.g. 35.50 or ¥3.20"))
        self.price_currency = currency_box()
        self.shipping_edit = QLineEdit(placeholderText=self.tr("e.g. 12.00"))
        self.shipping_currency = currency_box()
        self.date_edits = {name: DateField() for name, _ in DATES}
        self.tracking_edit = QLineEdit()
        self.measure_edits = {name: QLineEdit(placeholderText=unit) for name, unit, _ in MEASURES}
        self.defects_edit = QLineEdit(placeholderText=self.tr("what is wrong, if anything"))
        self.verdict_edit = QLineEdit(placeholderText=self.tr("your conclusion"))
        self.score_boxes: dict[str, QComboBox] = {}
        self.scores_grid = QGridLayout()
        self.hints: dict[str, QLabel] = {}  # "= 3,200" beside a number field
        self.error_labels: dict[str, FieldError] = {}
        self.field_widgets: dict[str, QWidget] = {}  # what gets the focus for an error

        form = QFormLayout(self)
        form.addRow(self.tr("Supplier"), self._field("supplier_id", self.supplier_box))
        form.addRow(self.tr("Variant"), self._field("variant", self.variant_edit))
        status_line = QHBoxLayout()
        status_line.addWidget(self.status_box, 1)
        status_line.addWidget(self.status_hint)
        status_line.addWidget(self.free_box)
        status_field = self._field("status", status_line, self.status_box, also=("free",))
        form.addRow(self.tr("Status"), status_field)
        for name, label, amount, currency in (
            ("price", self.tr("Price"), self.price_edit, self.price_currency),
            ("shipping", self.tr("Shipping"), self.shipping_edit, self.shipping_currency),
        ):
            line = QHBoxLayout()
            line.addWidget(amount, 1)
            line.addWidget(currency)
            self.hints[name] = hint_label()
            line.addWidget(self.hints[name])
            form.addRow(label, self._field(name, line, amount))
        form.addRow(self.tr("Dates"), self._dates_grid())
        form.addRow(self.tr("Tracking no."), self._field("tracking_number", self.tracking_edit))
        form.addRow(self.tr("Measured"), self._measures_grid())
        scores = QVBoxLayout()
        scores.addLayout(self.scores_grid)
        form.addRow(self.tr("Scores"), self._field("scores", scores, None))
        form.addRow(self.tr("Defects"), self._field("defects", self.defects_edit))
        form.addRow(self.tr("Verdict"), self._field("verdict", self.verdict_edit))
        self.message = FieldError()  # what belongs to no field here
        form.addRow(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save sample"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.golden_button = QPushButton(self.tr("Make it the ★ &golden sample"))
        self.golden_button.setToolTip(
            self.tr("The approved reference of this product (one per product)")
        )
        for button in (self.save_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.golden_button)
        form.addRow(self._field("golden", buttons, self.golden_button))

    # --- layout helpers ------------------------------------------------------------------
    def _field(
        self,
        key: str,
        content: QWidget | QLayout,
        focus: QWidget | None = None,
        *,
        also: tuple[str, ...] = (),
    ) -> QWidget:
        """`content` with its message under it; `focus` (or `content`) takes the focus and the
        tint for an error of `key` (and of the keys in `also`)."""
        target = focus if focus is not None else content if isinstance(content, QWidget) else None
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(content, QWidget):
            column.addWidget(content)
        else:
            column.addLayout(content)
        error = FieldError(*(() if target is None else (target,)))
        column.addWidget(error)
        for name in (key, *also):
            self.error_labels[name] = error
            if target is not None:
                self.field_widgets[name] = target
        return box

    def _dates_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for column, (name, label) in enumerate(DATES):
            edit = self.date_edits[name]
            caption = QLabel(QCoreApplication.translate("SampleFormView", label))
            caption.setBuddy(edit)
            edit.setAccessibleName(self.tr("{label} on").format(label=caption.text()))
            grid.addWidget(caption, 0, column)
            grid.addWidget(edit, 1, column)
            error = FieldError(edit)
            grid.addWidget(error, 2, column)
            self.error_labels[name], self.field_widgets[name] = error, edit
        return grid

    def _measures_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for column, ((name, unit, _what), label) in enumerate(
            zip(MEASURES, MEASURE_LABELS, strict=True)
        ):
            edit, shown = self.measure_edits[name], term(label)
            edit.setAccessibleName(
                self.tr("Measured {measure} ({unit})").format(measure=shown.lower(), unit=unit)
            )
            edit.setToolTip(
                self.tr("{measure} in {unit}, as measured").format(measure=shown, unit=unit)
            )
            line = QHBoxLayout()
            line.addWidget(edit, 1)
            line.addWidget(QLabel(unit))  # the unit stays in view when filled
            grid.addLayout(line, 0, column)
            self.hints[name] = hint_label()
            self.hints[name].hide()
            grid.addWidget(self.hints[name], 1, column)
            error = FieldError(edit)
            grid.addWidget(error, 2, column)
            self.error_labels[name], self.field_widgets[name] = error, edit
        return grid
