"""The landed cost of the chosen quote, line by line in the home currency, with the selling
prices it leads to; and the settings it is computed with: home currency, exchange rates, fees,
freight, insurance, the destination's customs, selling targets. Plain values in, signals out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.negotiation.amounts import ZERO, format_percent
from app.domain.negotiation.cost_settings import FeeBasis, LandedCostSettings
from app.domain.negotiation.destinations import DESTINATIONS, Destination, DutyBasis
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import LandedCost
from app.domain.negotiation.selling import SellingPrice
from app.services.negotiation.records import SellingTargets
from app.ui.negotiation.rates_model import (
    CostLinesModel,
    RatesModel,
    breakdown_texts,
    cost_lines_view,
    parse_rate,
    rate_text,
    relief_history,
)
from app.ui.negotiation.rounds_model import domain_label, read_decimal, read_whole, table_view
from app.ui.negotiation.worksheet_terms import (
    FormErrors,
    date_edit,
    field_row,
    narrow,
    picked,
    qdate,
)
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError

HOME_CHOICES = ("EUR", "USD", "GBP", "CNY", "AUD", "CAD")
RATE_CHOICES = ("CNY", "USD", "EUR", "GBP", "HKD", "AUD", "CAD", "JPY")
COVER_CHOICES = ("100", "110")  # domain.md: 100 %, or 110 % (the Incoterms CIF minimum)
EMPTY_BREAKDOWN = str(QT_TRANSLATE_NOOP("LandedCostPage", "Choose a quote to see its landed cost."))
PERCENT_FIELDS = ("agent_fee_pct", "payment_fee_pct", "insurance_pct", "duty_pct", "vat_pct")
AMOUNT_FIELDS = ("agent_fee_min", "freight", "post_border_transport")
SELLING_FIELDS = ("margin_pct", "fee_pct", "too_good_pct")


class LandedCostPage(QWidget):
    home_currency_changed = Signal(str)
    rate_saved = Signal(object)  # ExchangeRate
    rate_deleted = Signal(str, object)  # currency, date
    settings_saved = Signal(object)  # LandedCostSettings
    selling_saved = Signal(object, object)  # margin %, fee % (Decimal)
    too_good_saved = Signal(object)  # Decimal %

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home, self._today = "CNY", date.today()
        self._settings = LandedCostSettings()
        self._selling = SellingTargets(ZERO, ZERO)
        self._too_good = ZERO
        self.field_errors: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.home_labels: list[QLabel] = []
        self.message = error_label()
        layout = QHBoxLayout(self)
        layout.addWidget(self._breakdown_box(), 1)
        settings = QWidget()
        column = QVBoxLayout(settings)
        for box in (self._rates_box(), self._fees_box(), self._customs_box(), self._selling_box()):
            column.addWidget(box)
        self.save_button = QPushButton(self.tr("Save settings (Ctrl+S)"))
        column.addWidget(self.message)
        column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(settings)
        layout.addWidget(scroll, 1)
        for combo in settings.findChildren(QComboBox):  # the settings column is narrow
            narrow(combo, 90)
        for form in settings.findChildren(QFormLayout):  # labels above fields when narrow
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.save_button.clicked.connect(self._save)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self._save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.show_breakdown(None, supplier_name="", problem="", selling=())

    # --- building ------------------------------------------------------------------------------
    def _error(self, *keys: str) -> QLabel:
        label = error_label()
        for key in keys:
            self.field_errors[key] = label
        return label

    def _number(
        self, form: QFormLayout, key: str, label: str, suffix: str = "", hint: str = ""
    ) -> None:
        self.edits[key] = edit = QLineEdit(placeholderText=hint or "0")  # translated by callers
        unit = QLabel(suffix)
        if suffix == "home":
            self.home_labels.append(unit)
        form.addRow(label, field_row(edit, unit, self._error(key)))

    def _breakdown_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Landed cost 到岸成本"))
        self.breakdown_heading = QLabel()
        self.breakdown_heading.setWordWrap(True)
        self.problem_label = error_label()
        self.lines_model = CostLinesModel(self)
        self.lines_view = cost_lines_view(self.lines_model)
        self.totals_label, self.relief_label, self.selling_label = QLabel(), QLabel(), QLabel()
        for label in (self.totals_label, self.relief_label, self.selling_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        selling = QGroupBox(self.tr("Selling price 售价"))
        QVBoxLayout(selling).addWidget(self.selling_label)
        layout = QVBoxLayout(box)
        layout.addWidget(self.breakdown_heading)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.lines_view, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.relief_label)
        layout.addWidget(selling)
        return box

    def _rates_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Home currency and exchange rates 汇率"))
        form = QFormLayout(box)
        self.home_box = QComboBox()
        self.home_box.setEditable(True)
        self.home_box.addItems(HOME_CHOICES)
        self.home_button = QPushButton(self.tr("Set"))
        home = field_row(self.home_box, self.home_button, self._error("home"))
        form.addRow(self.tr("Home &currency"), home)
        self.rates_model = RatesModel(self)
        self.rates_view = table_view(self.rates_model, 110)
        form.addRow(self.rates_view)
        self.rate_prefix = QLabel()
        self.rate_edit = QLineEdit(placeholderText=self.tr("7.80 or 7,80"))
        self.rate_currency = QComboBox()
        self.rate_currency.setEditable(True)
        self.rate_currency.addItems(RATE_CHOICES)
        self.rate_date = date_edit(self._today)
        self.add_rate_button = QPushButton(self.tr("&Add rate"))
        self.delete_rate_button = QPushButton(self.tr("Delete rate"))
        entry = QHBoxLayout()
        self.rate_edit.setMaximumWidth(120)
        for widget in (self.rate_prefix, self.rate_edit, self.rate_currency):
            entry.addWidget(widget)
        entry.addStretch(1)
        caption = QLabel(self.tr("&Rate"))
        caption.setBuddy(self.rate_edit)
        form.addRow(caption, entry)
        form.addRow(self.tr("As of"), self.rate_date)
        self.rate_reading = QLabel()
        form.addRow("", field_row(self.rate_reading, self._error("currency", "per_home", "as_of")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_rate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_rate_button)
        form.addRow(buttons)
        self.home_button.clicked.connect(self._set_home)
        self.rate_edit.textChanged.connect(self._read_rate_aloud)
        self.rate_currency.currentTextChanged.connect(self._read_rate_aloud)
        self.rate_edit.returnPressed.connect(self._add_rate)
        self.add_rate_button.clicked.connect(self._add_rate)
        self.delete_rate_button.clicked.connect(self._delete_rate)
        return box

    def _fees_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Fees, freight and insurance"))
        form = QFormLayout(box)
        self._number(form, "agent_fee_pct", self.tr("A&gent fee %"), "%", self.tr("e.g. 5"))
        self._number(form, "agent_fee_min", self.tr("Agent minimum"), "CNY")
        self.basis_box = QComboBox()
        for basis in FeeBasis:
            self.basis_box.addItem(domain_label(basis.label), basis.value)
        basis_row = field_row(self.basis_box, self._error("agent_fee_basis"))
        form.addRow(self.tr("Agent fee on"), basis_row)
        paid = self.tr("of what is paid to the agent")
        self._number(form, "payment_fee_pct", self.tr("Pa&yment fee %"), "%", paid)
        self._number(form, "freight", self.tr("&Freight"), "home")
        note = QLabel(
            self.tr("Whole order, to the border. Later it can come from the Consolidation tab.")
        )
        note.setWordWrap(True)
        form.addRow("", note)
        self._number(form, "insurance_pct", self.tr("&Insurance %"), "%")
        self.cover_box = QComboBox()
        self.cover_box.setEditable(True)
        self.cover_box.addItems(COVER_CHOICES)
        self.cover_box.setToolTip(self.tr("100 %, or 110 %: the Incoterms CIF minimum cover"))
        cover = field_row(self.cover_box, self._error("insurance_cover_pct"))
        form.addRow(self.tr("Insured %"), cover)
        after = self.tr("Transport after the &border")
        self._number(form, "post_border_transport", after, "home")
        return box

    def _customs_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Customs 海关"))
        form = QFormLayout(box)
        self.destination_box = QComboBox()
        for destination in DESTINATIONS.values():
            self.destination_box.addItem(domain_label(destination.label), destination.code.value)
        where = field_row(self.destination_box, self._error("destination"))
        form.addRow(self.tr("&Destination"), where)
        self.relief_history = QLabel()
        self.relief_history.setWordWrap(True)
        form.addRow(self.tr("Low-value relief"), self.relief_history)
        self._number(form, "duty_pct", self.tr("D&uty %"), "%")
        self.duty_basis_box = QComboBox()
        for basis in DutyBasis:  # the meaning in the item's tooltip: the column is narrow
            self.duty_basis_box.addItem(basis.value, basis.value)
            tip, row = domain_label(basis.label), self.duty_basis_box.count() - 1
            self.duty_basis_box.setItemData(row, tip, Qt.ItemDataRole.ToolTipRole)
        duty_on = field_row(self.duty_basis_box, self._error("duty_basis"))
        form.addRow(self.tr("Duty on"), duty_on)
        self._number(form, "vat_pct", self.tr("&VAT %"), "%")
        self.reclaim_check = QCheckBox(self.tr("VAT r&eclaimable (registered)"))
        form.addRow("", field_row(self.reclaim_check, self._error("vat_reclaimable")))
        self._number(form, "item_categories", self.tr("Item categories"), "", "1")
        self.consignment_unit = QLabel()
        value = QLineEdit(placeholderText=self.tr("empty: this order's goods"))
        self.edits["consignment_value"] = value
        consignment = field_row(value, self.consignment_unit, self._error("consignment_value"))
        form.addRow(self.tr("Consignment goods value"), consignment)
        self.destination_box.currentIndexChanged.connect(self._destination_chosen)
        return box

    def _selling_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selling targets and checks"))
        form = QFormLayout(box)
        of_price = self.tr("% of the selling price")
        self._number(form, "margin_pct", self.tr("&Target margin %"), of_price)
        self._number(form, "fee_pct", self.tr("&Selling fee %"), of_price)
        too_good = self.tr("'T&oo good to be true' %")
        self._number(form, "too_good_pct", too_good, self.tr("below the median"))
        return box

    # --- showing -------------------------------------------------------------------------------
    def show_breakdown(
        self,
        landed: LandedCost | None,
        *,
        supplier_name: str,
        problem: str,
        selling: Sequence[SellingPrice],
    ) -> None:
        """The landed cost line by line (None: `problem` says why there is none)."""
        self.lines_model.set_landed(landed)
        if landed is None:
            empty = QCoreApplication.translate("LandedCostPage", EMPTY_BREAKDOWN)
            self.breakdown_heading.setText(f"<b>{supplier_name}</b>" if supplier_name else empty)
            self.problem_label.setText(f"⚠ {problem}" if problem else "")
            for label in (self.totals_label, self.relief_label, self.selling_label):
                label.clear()
            return
        self.problem_label.setText(f"⚠ {problem}" if problem else "")
        texts = breakdown_texts(landed, supplier_name, selling)
        labels = (self.breakdown_heading, self.totals_label, self.relief_label, self.selling_label)
        for label, text in zip(labels, texts, strict=True):
            label.setText(text)

    def show_settings(
        self,
        home: str,
        rates: Sequence[ExchangeRate],
        settings: LandedCostSettings,
        selling: SellingTargets,
        too_good_pct: Decimal,
        today: date,
    ) -> None:
        self._home, self._settings, self._selling, self._too_good = (
            home,
            settings,
            selling,
            too_good_pct,
        )
        self._today = today
        self.home_box.setCurrentText(home)
        self.rates_model.set_rates(rates, home)
        self.rate_prefix.setText(f"1 {home} =")
        self.rate_edit.clear()
        self.rate_date.setDate(qdate(today))
        for label in self.home_labels:
            label.setText(home)
        for key in PERCENT_FIELDS + AMOUNT_FIELDS:
            self.edits[key].setText(f"{getattr(settings, key)}")
        self.edits["item_categories"].setText(str(settings.item_categories))
        value = settings.consignment_value
        self.edits["consignment_value"].setText("" if value is None else f"{value}")
        self.basis_box.setCurrentIndex(self.basis_box.findData(settings.agent_fee_basis.value))
        self.cover_box.setCurrentText(
            format_percent(settings.insurance_cover_pct).removesuffix(" %")
        )
        self.destination_box.blockSignals(True)  # keep the stored duty basis
        self.destination_box.setCurrentIndex(
            self.destination_box.findData(settings.destination.code.value)
        )
        self.destination_box.blockSignals(False)
        self._show_relief()
        self.duty_basis_box.setCurrentIndex(self.duty_basis_box.findData(settings.duty_basis.value))
        self.reclaim_check.setChecked(settings.vat_reclaimable)
        for key, value in zip(
            SELLING_FIELDS, (selling.margin_pct, selling.fee_pct, too_good_pct), strict=True
        ):
            self.edits[key].setText(f"{value}")
        self.show_errors({})

    def _destination_chosen(self) -> None:
        """A new destination brings its customs' duty basis (EU, UK: CIF; US: FOB)."""
        basis = self._destination().duty_basis.value
        self.duty_basis_box.setCurrentIndex(self.duty_basis_box.findData(basis))
        self._show_relief()

    def _destination(self) -> Destination:
        return next(
            d for d in DESTINATIONS.values() if d.code.value == self.destination_box.currentData()
        )

    def _show_relief(self) -> None:
        destination = self._destination()
        self.relief_history.setText(relief_history(destination, self._today))
        self.consignment_unit.setText(destination.currency)

    def show_errors(self, errors: dict[str, str]) -> None:
        for label in self.field_errors.values():
            label.clear()
        unplaced: list[str] = []
        for key, message in errors.items():
            shown = self.field_errors.get(key)
            if shown is None:
                unplaced.append(message)
            else:  # a rate's three fields share one label
                shown.setText(f"{shown.text()} {message}" if shown.text() else f"⚠ {message}")
        self.message.setText("⚠ " + " ".join(unplaced) if unplaced else "")

    # --- rates ---------------------------------------------------------------------------------
    def _typed_rate(self) -> ExchangeRate:
        code, text = self.rate_currency.currentText(), self.rate_edit.text()
        return parse_rate(code, text, picked(self.rate_date), self._home)

    def _read_rate_aloud(self) -> None:
        try:
            rate = self._typed_rate()
        except FormErrors:
            self.rate_reading.setText("")
            return
        self.rate_reading.setText(
            self.tr("Read as {rate}").format(rate=rate_text(rate, self._home))
        )

    def _add_rate(self) -> None:
        try:
            rate = self._typed_rate()
        except FormErrors as error:
            self.show_errors(error.errors)
            return
        self.show_errors({})
        self.rate_saved.emit(rate)

    def _delete_rate(self) -> None:
        rows = self.rates_view.selectionModel().selectedRows()
        rate = self.rates_model.rate_at(rows[0].row()) if rows else None
        if rate is not None:
            self.rate_deleted.emit(rate.currency, rate.as_of)

    def _set_home(self) -> None:
        code = self.home_box.currentText().strip().upper()
        if len(code) != 3 or not code.isalpha():
            wrong = self.tr("'{code}' is not a currency code: choose yours, like EUR.")
            self.show_errors({"home": wrong.format(code=code)})
            return
        self.show_errors({})
        self.home_currency_changed.emit(code)

    # --- settings ------------------------------------------------------------------------------
    def typed_settings(self) -> tuple[LandedCostSettings, SellingTargets, Decimal]:
        """The settings, selling targets and threshold as typed; FormErrors by field."""
        errors: dict[str, str] = {}
        numbers: dict[str, Decimal | None] = {}
        for key in (*PERCENT_FIELDS, *AMOUNT_FIELDS, *SELLING_FIELDS, "consignment_value"):
            try:
                numbers[key] = read_decimal(self.edits[key].text(), self.tr("type a number"))
            except ParseError as error:
                errors[key] = str(error)
        try:
            text = self.edits["item_categories"].text()
            categories = read_whole(text, self.tr("a whole number"))
        except ParseError as error:
            errors["item_categories"] = str(error)
        try:
            what = self.tr("the insured % (100 or 110)")
            cover = read_decimal(self.cover_box.currentText(), what)
        except ParseError as error:
            errors["insurance_cover_pct"] = str(error)
        if errors:
            raise FormErrors(errors)
        given = {key: ZERO if value is None else value for key, value in numbers.items()}
        values: dict[str, Any] = {key: given[key] for key in PERCENT_FIELDS + AMOUNT_FIELDS}
        values |= {
            "agent_fee_basis": FeeBasis(self.basis_box.currentData()),
            "insurance_cover_pct": cover if cover is not None else Decimal(100),
            "destination": self._destination(),
            "duty_basis": DutyBasis(self.duty_basis_box.currentData()),
            "vat_reclaimable": self.reclaim_check.isChecked(),
            "item_categories": 1 if categories is None else categories,
            "consignment_value": numbers["consignment_value"],
        }
        settings = replace(self._settings, **values)
        selling = SellingTargets(given["margin_pct"], given["fee_pct"])
        return settings, selling, given["too_good_pct"]

    def _save(self) -> None:
        """Emits each group that changed: settings, selling targets, threshold."""
        try:
            settings, selling, too_good = self.typed_settings()
        except FormErrors as error:
            self.show_errors(error.errors)
            return
        self.show_errors({})
        if settings != self._settings:
            self.settings_saved.emit(settings)
        if selling != self._selling:
            self.selling_saved.emit(selling.margin_pct, selling.fee_pct)
        if too_good != self._too_good:
            self.too_good_saved.emit(too_good)
