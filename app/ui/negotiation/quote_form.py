"""One supplier's quote for the chosen product: price breaks (typed, or pasted straight from a
1688 page), MOQ, the shop's minimum, order multiple, validity, lead time, domestic shipping,
payment and trade terms. Shows plain values and emits a domain `Quote`; the tab saves it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.negotiation.paste import EXAMPLE, parse_price_table
from app.domain.negotiation.quotes import Quote, TradeTerm
from app.services.negotiation.records import QuoteRow
from app.ui.negotiation.breaks_model import BreaksModel
from app.ui.negotiation.rounds_model import term_label
from app.ui.widgets.date_field import DateField
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError, format_decimal, parse_count, parse_optional_decimal
from app.ui.widgets.supplier_picker import SupplierPicker

CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD")
_COUNTS = {  # translated where shown
    "moq": str(QT_TRANSLATE_NOOP("QuoteForm", "MOQ / 起订量")),
    "order_multiple": str(QT_TRANSLATE_NOOP("QuoteForm", "Order multiple / 倍数")),
    "seller_min_qty": str(QT_TRANSLATE_NOOP("QuoteForm", "Shop minimum, pieces")),
    "lead_time_days": str(QT_TRANSLATE_NOOP("QuoteForm", "Lead time, days / 交期")),
}


class QuoteForm(QWidget):
    save_requested = Signal(object)  # Quote
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quote: Quote | None = None
        self.title = QLabel(self.tr("<b>Quote</b>"))
        self.supplier_box = SupplierPicker()  # Chinese, English, pinyin or initials
        self.currency_box = QComboBox()
        self.currency_box.setEditable(True)
        self.currency_box.addItems(CURRENCIES)
        self.breaks = BreaksModel(self)
        self.breaks_view = QTableView()
        self.breaks_view.setModel(self.breaks)
        self.breaks_view.setMinimumHeight(130)
        self.breaks_view.horizontalHeader().setStretchLastSection(True)
        self.breaks_view.setColumnWidth(0, 160)
        self.breaks_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.paste_button = QPushButton(self.tr("&Paste 1688 price table"))
        paste_tip = self.tr("Copy the price table on the 1688 page, e.g. '{example}'")
        self.paste_button.setToolTip(paste_tip.format(example=EXAMPLE))
        self.remove_break_button = QPushButton(self.tr("Remove break"))
        self.counts = {key: QLineEdit() for key in _COUNTS}
        self.seller_min_amount = QLineEdit(placeholderText=self.tr("e.g. 300"))
        self.valid_from = DateField()
        self.valid_until = DateField()
        self.shipping = QLineEdit(placeholderText=self.tr("per order, in the quote's currency"))
        self.shipping_included = QCheckBox(self.tr("Shipping included / 包邮"))
        deposit = self.tr("e.g. 30 % deposit, 70 % before shipment")
        self.payment_terms = QLineEdit(placeholderText=deposit)
        self.trade_term = QComboBox()
        for term in TradeTerm:
            self.trade_term.addItem(term_label(term, " · "), term.value)
        self.note = QLineEdit()
        self.save_button = QPushButton(self.tr("&Save quote"))
        self.errors = {
            key: error_label()
            for key in (
                *_COUNTS,
                "supplier_id",
                "currency",
                "breaks",
                "seller_min_amount",
                "valid_from",
                "valid_until",
                "domestic_shipping",
                "shipping_included",
                "payment_terms",
                "note",
            )
        }
        self.message_label = error_label()
        self._layout()
        self.paste_button.clicked.connect(self.paste_price_table)
        self.remove_break_button.clicked.connect(
            lambda: self.breaks.remove_row(self.breaks_view.currentIndex().row())
        )
        self.save_button.clicked.connect(self._save)
        self.shipping_included.toggled.connect(lambda on: self.shipping.setEnabled(not on))
        save = QShortcut(QKeySequence.StandardKey.Save, self, self._save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setEnabled(False)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.title)
        self._row(form, self.tr("Supplier / 供应商"), self.supplier_box, "supplier_id")
        self._row(form, self.tr("Currency / 币种"), self.currency_box, "currency")
        buttons = QHBoxLayout()
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.remove_break_button)
        buttons.addStretch(1)
        breaks = QVBoxLayout()
        breaks.addWidget(self.breaks_view)
        breaks.addLayout(buttons)
        breaks.addWidget(self.errors["breaks"])
        form.addRow(self.tr("Price breaks / 阶梯价"), breaks)
        for key, label in _COUNTS.items():
            self._row(form, self.tr(label), self.counts[key], key)
        shop_minimum = self.tr("Shop minimum, amount")
        self._row(form, shop_minimum, self.seller_min_amount, "seller_min_amount")
        self._row(form, self.tr("Valid from"), self.valid_from, "valid_from")
        self._row(form, self.tr("Valid until / 有效期至"), self.valid_until, "valid_until")
        shipping = QHBoxLayout()
        shipping.addWidget(self.shipping, 1)
        shipping.addWidget(self.shipping_included)
        form.addRow(self.tr("Domestic shipping / 运费"), shipping)
        form.addRow("", self.errors["domestic_shipping"])
        self._row(form, self.tr("Payment terms / 付款方式"), self.payment_terms, "payment_terms")
        form.addRow(self.tr("Trade term / 贸易术语"), self.trade_term)
        self._row(form, self.tr("Note / 备注"), self.note, "note")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _row(self, form: QFormLayout, label: str, field: QWidget, key: str) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(field)
        box.addWidget(self.errors[key])
        form.addRow(label, box)

    # --- showing -----------------------------------------------------------------------------
    def set_suppliers(self, suppliers: list[tuple[int, str, str]]) -> None:
        """The suppliers to choose from: (id, name, search haystack)."""
        self.supplier_box.set_suppliers(suppliers)

    def show_quote(
        self, row: QuoteRow | None, product_name: str, *, new: Quote | None = None
    ) -> None:
        """Edit `row`'s quote, or a `new` one (its product and supplier set), or nothing."""
        quote = row.quote if row is not None else new
        self._quote = quote
        self.show_errors({})
        self.setEnabled(quote is not None)
        if quote is None:
            self.title.setText(
                self.tr("<b>Quote</b> — choose a product, then a quote or New quote")
            )
            return
        state = self.tr("new quote") if quote.id is None else self.tr("quote")
        self.title.setText(f"<b>{product_name}</b> — {state}")
        self.supplier_box.set_current_id(quote.supplier_id)
        self.supplier_box.setEnabled(quote.id is None)  # a quote belongs to its supplier
        self.currency_box.setCurrentText(quote.currency)
        self.breaks.set_breaks(quote.breaks)
        values = {
            "moq": quote.moq,
            "order_multiple": quote.order_multiple,
            "seller_min_qty": quote.seller_min_qty,
            "lead_time_days": quote.lead_time_days,
        }
        for key, value in values.items():
            self.counts[key].setText("" if value is None else str(value))
        self.seller_min_amount.setText(format_decimal(quote.seller_min_amount))
        self.valid_from.set_value(quote.valid_from)
        self.valid_until.set_value(quote.valid_until)
        self.shipping.setText(format_decimal(quote.domestic_shipping))
        self.shipping_included.setChecked(quote.shipping_included)
        self.payment_terms.setText(quote.payment_terms)
        self.trade_term.setCurrentIndex(self.trade_term.findData(quote.trade_term.value))
        self.note.setText(quote.note)

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            text = errors.get(key, "")
            label.setText(f"⚠ {text}" if text else "")
            label.setVisible(bool(text))
        others = [text for key, text in errors.items() if key not in self.errors]
        self.message_label.setText("⚠ " + " ".join(others) if others else "")

    # --- editing -----------------------------------------------------------------------------
    def paste_price_table(self) -> None:
        """Read a price table copied from a 1688 page ("2-99件 ¥3.20 …") into the breaks."""
        text = QGuiApplication.clipboard().text()
        try:
            table = parse_price_table(text)
        except ValueError as error:
            self.show_errors({"breaks": str(error)})
            return
        self.breaks.set_breaks(table.breaks)
        self.counts["moq"].setText(str(table.moq))
        self.currency_box.setCurrentText("CNY")
        warnings = " ".join(table.warnings)
        self.show_errors({"breaks": warnings} if warnings else {})
        pasted = self.tr("Pasted {count} price breaks; MOQ {moq}.")
        self.message.emit(pasted.format(count=len(table.breaks), moq=table.moq))

    def quote(self) -> Quote | None:
        """The quote as typed, or None after showing what could not be read."""
        if self._quote is None:
            return None
        errors: dict[str, str] = {}
        breaks, problems = self.breaks.breaks()
        if problems:
            errors["breaks"] = " ".join(problems)
        counts: dict[str, int | None] = {}
        for key, label in _COUNTS.items():
            try:
                what = self.tr(label).split(" / ")[0]
                counts[key] = parse_count(self.counts[key].text(), what)
            except ParseError as error:
                errors[key] = str(error)
        amounts: dict[str, Decimal | None] = {}
        for key, field, what in (
            ("seller_min_amount", self.seller_min_amount, self.tr("the shop's minimum amount")),
            ("domestic_shipping", self.shipping, self.tr("the domestic shipping")),
        ):
            try:
                amounts[key] = parse_optional_decimal(field.text(), what)
            except ParseError as error:
                errors[key] = str(error)
        dates: dict[str, date | None] = {}
        for key, date_field in (("valid_from", self.valid_from), ("valid_until", self.valid_until)):
            try:
                dates[key] = date_field.checked_value()
            except ParseError as error:
                errors[key] = str(error)
        if errors:
            self.show_errors(errors)
            return None
        return replace(
            self._quote,
            supplier_id=self._quote.supplier_id
            if self._quote.id is not None  # a saved quote stays its supplier's
            else self.supplier_box.currentData() or self._quote.supplier_id,
            currency=self.currency_box.currentText().strip().upper(),
            breaks=tuple(sorted(breaks, key=lambda b: b.min_qty)),
            moq=counts["moq"],
            order_multiple=counts["order_multiple"] or 1,
            seller_min_qty=counts["seller_min_qty"],
            seller_min_amount=amounts["seller_min_amount"],
            valid_from=dates["valid_from"],
            valid_until=dates["valid_until"],
            lead_time_days=counts["lead_time_days"],
            domestic_shipping=None
            if self.shipping_included.isChecked()
            else amounts["domestic_shipping"],
            shipping_included=self.shipping_included.isChecked(),
            payment_terms=self.payment_terms.text().strip(),
            trade_term=TradeTerm(self.trade_term.currentData()),
            note=self.note.text().strip(),
        )

    def _save(self) -> None:
        quote = self.quote()
        if quote is not None:
            self.save_requested.emit(quote)
