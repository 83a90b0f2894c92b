"""The worksheet's agreed-terms form: unit price, quantity and the total they make, validity,
the payment plan (A, B, C or the user's own instalments) with each instalment's amount and the
plan's risk, trade term, lead time, quality, packaging and after-sales terms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.negotiation.amounts import ZERO, format_money, format_percent, round_money
from app.domain.negotiation.payment import (
    BUILT_IN_PLANS,
    ESCROW_ADVICE,
    AgreedTerms,
    Instalment,
    PaymentEvent,
    PaymentPlan,
    custom_plan,
    plan_amounts,
)
from app.domain.negotiation.quotes import TradeTerm
from app.ui.i18n import label_of
from app.ui.negotiation.rounds_model import (
    bilingual,
    price_text,
    read_decimal,
    read_whole,
    term_label,
)
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError

T = TypeVar("T")
CUSTOM = "custom"
PLANS = {plan.code: plan for plan in BUILT_IN_PLANS}
PLAN_ZH = {"A": "首付/定金 30 % + 尾款 70 %", "B": "定金 50 % + 尾款 50 %", "C": "货到付款"}
TEXTS = (  # translated where shown
    ("quality_standard", str(QT_TRANSLATE_NOOP("AgreedTermsForm", "Quality standard 质量标准"))),
    ("packaging", str(QT_TRANSLATE_NOOP("AgreedTermsForm", "Packaging and labels 包装"))),
    ("after_sales", str(QT_TRANSLATE_NOOP("AgreedTermsForm", "After-sales 售后"))),
    ("note", str(QT_TRANSLATE_NOOP("AgreedTermsForm", "Note"))),
)


class FormErrors(ValueError):
    """What is wrong with the typed values, by field key (the service's keys)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def picked(edit: QDateEdit) -> date:
    """The date a QDateEdit shows, as a date."""
    shown = edit.date()
    return date(shown.year(), shown.month(), shown.day())


def date_edit(day: date) -> QDateEdit:
    """A date field with a calendar pop-up, shown as 2026-11-29."""
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def field_row(*widgets: QWidget) -> QWidget:
    """Widgets side by side (a field, its unit, its error); the first takes the room and the
    focus (as a label's buddy)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for number, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if number == 0 else 0)
    if isinstance(widgets[0], QLineEdit):  # an error beside it never squeezes it unreadable
        widgets[0].setMinimumWidth(max(widgets[0].minimumWidth(), 90))
    policy = box.sizePolicy()
    policy.setHeightForWidth(True)  # a two-line error makes the row taller, never clipped
    box.setSizePolicy(policy)
    box.setFocusProxy(widgets[0])
    return box


def narrow(combo: QComboBox, least: int = 120) -> QComboBox:
    """A combo box that takes the width it is given, not its longest item's (the item shows
    elided; its full text is in the list): long Chinese-and-English labels fit 1280 px."""
    combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    combo.setMinimumWidth(least)
    return combo


class CustomPlanEditor(QWidget):
    """A schedule of instalments: each a percentage and when it is due (an event or a date)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[QLineEdit, QComboBox, QDateEdit, QToolButton]] = []
        self.today = date.today()
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add instalment"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_button.clicked.connect(lambda: self.add("", PaymentEvent.ON_DELIVERY))

    def set_instalments(self, instalments: tuple[Instalment, ...], today: date) -> None:
        self.today = today
        while self.rows:
            self.remove(0)
        for item in instalments:
            self.add(format_percent(item.percent).removesuffix(" %"), item.due)

    def add(self, percent: str, due: PaymentEvent | date) -> None:
        edit = QLineEdit(percent, placeholderText="%")
        edit.setMaximumWidth(70)
        edit.setAccessibleName(self.tr("Instalment percentage"))
        box = narrow(QComboBox())
        for event in PaymentEvent:
            box.addItem(bilingual(event), event.value)
        box.addItem(self.tr("On a date"), "date")
        box.setCurrentIndex(box.findData(due.value if isinstance(due, PaymentEvent) else "date"))
        on = date_edit(due if isinstance(due, date) else self.today)
        on.setEnabled(not isinstance(due, PaymentEvent))
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this instalment"))
        remove.setAccessibleName(self.tr("Remove instalment"))
        row = (edit, box, on, remove)
        box.currentIndexChanged.connect(lambda: on.setEnabled(box.currentData() == "date"))
        edit.textChanged.connect(self.changed)
        box.currentIndexChanged.connect(self.changed)
        on.dateChanged.connect(self.changed)
        remove.clicked.connect(lambda: self.remove(self.rows.index(row)))
        self.rows.append(row)
        self._place()

    def remove(self, number: int) -> None:
        for widget in self.rows.pop(number):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._place()

    def _place(self) -> None:
        for number, row in enumerate(self.rows):
            for column, widget in enumerate(row):
                self.grid.addWidget(widget, number, column)
        self.changed.emit()

    def instalments(self) -> tuple[Instalment, ...]:
        """The typed schedule; ParseError for a percentage that is not a number."""
        schedule = []
        for number, (edit, box, on, _) in enumerate(self.rows, start=1):
            what = self.tr("instalment {number}'s percentage").format(number=number)
            percent = read_decimal(edit.text(), what)
            if percent is None:
                enter = self.tr("Enter instalment {number}'s percentage.")
                raise ParseError(enter.format(number=number))
            due = box.currentData()
            when = picked(on) if due == "date" else PaymentEvent(due)
            schedule.append(Instalment(percent, when))
        return tuple(schedule)


class AgreedTermsForm(QGroupBox):
    """The agreed terms; `terms()` reads them back as AgreedTerms or raises FormErrors."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Agreed terms 成交条件"))
        self.currency, self.today = "CNY", date.today()
        self._shown: AgreedTerms | None = None
        self.field_errors: dict[str, QLabel] = {}
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.unit_price_edit = QLineEdit(placeholderText=self.tr("agreed unit price"))
        self.currency_label = QLabel()
        self.quantity_edit = QLineEdit(placeholderText=self.tr("pieces"))
        self.total_label = QLabel()
        self.valid_check = QCheckBox(self.tr("&Valid until 有效期至"))
        self.valid_date = date_edit(self.today)
        self.plan_box = narrow(QComboBox())
        plan_text = self.tr("{code}: {name} ({name_zh})")
        for plan in BUILT_IN_PLANS:
            shown = plan_text.format(code=plan.code, name=plan.name, name_zh=PLAN_ZH[plan.code])
            self.plan_box.addItem(shown, plan.code)
        self.plan_box.addItem(self.tr("Custom instalments"), CUSTOM)
        self.custom_plan = CustomPlanEditor()
        self.amounts_label, self.risk_label = QLabel(), QLabel()
        self.risk_label.setWordWrap(True)
        self.term_box = narrow(QComboBox())
        for term in TradeTerm:
            self.term_box.addItem(term_label(term), term.value)
        self.lead_edit = QLineEdit(placeholderText=self.tr("days; empty = not agreed"))
        self.text_edits = {key: QLineEdit() for key, _ in TEXTS}
        self.agree_button = QPushButton(self.tr("Mark as a&greed"))
        self.clear_button = QPushButton(self.tr("Clear agreement"))
        form, more = QFormLayout(), QFormLayout()  # money and payment | delivery and quality
        price = field_row(self.unit_price_edit, self.currency_label, self._error("unit_price"))
        form.addRow(self.tr("&Unit price 单价"), price)
        quantity = field_row(self.quantity_edit, self._error("quantity"))
        form.addRow(self.tr("Quantit&y 数量"), quantity)
        form.addRow(self.tr("Total 总价"), self.total_label)
        plan_row = field_row(self.plan_box, self._error("payment_plan"))
        form.addRow(self.tr("P&ayment plan"), plan_row)
        form.addRow("", self.custom_plan)
        form.addRow(self.tr("Instalments"), self.amounts_label)
        form.addRow(self.tr("Risk 风险"), self.risk_label)
        more.addRow(self.valid_check, field_row(self.valid_date, self._error("valid_until")))
        term_row = field_row(self.term_box, self._error("trade_term"))
        more.addRow(self.tr("Trade term (&Incoterm)"), term_row)
        lead = field_row(self.lead_edit, self._error("lead_time_days"))
        more.addRow(self.tr("Lead time, days 交期"), lead)
        for key, label in TEXTS:
            more.addRow(self.tr(label), field_row(self.text_edits[key], self._error(key)))
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(more, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.agree_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self._error("terms"), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        self.valid_check.toggled.connect(self.valid_date.setEnabled)
        for edit in (self.unit_price_edit, self.quantity_edit):
            edit.textChanged.connect(self.refresh)
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)
        self.custom_plan.changed.connect(self.refresh)

    def _error(self, key: str) -> QLabel:
        self.field_errors[f"agreed.{key}"] = label = error_label()
        return label

    # --- showing ---------------------------------------------------------------------------------
    def show_terms(
        self, agreed: AgreedTerms | None, *, currency: str, price: Decimal | None, today: date
    ) -> None:
        """The agreed terms, or (None) a draft at `price` with plan A, ready to agree."""
        self._shown, self.currency, self.today = agreed, currency, today
        self.currency_label.setText(currency)
        if agreed is None:
            self.status.setText(
                self.tr("Not agreed yet: fill in the terms, then mark them as agreed.")
            )
            agreed = AgreedTerms(0, "", price or ZERO, 0, currency, BUILT_IN_PLANS[0])
        else:
            day = agreed.agreed_on or self.tr("an unknown date")
            self.status.setText(self.tr("<b>✓ Agreed</b> on {date}.").format(date=day))
        self.unit_price_edit.setText(f"{agreed.unit_price}" if agreed.unit_price else "")
        self.quantity_edit.setText(f"{agreed.quantity}" if agreed.quantity else "")
        self.valid_check.setChecked(agreed.valid_until is not None)
        self.valid_date.setEnabled(agreed.valid_until is not None)
        self.valid_date.setDate(qdate(agreed.valid_until or today))
        plan = agreed.payment_plan or BUILT_IN_PLANS[0]
        built_in = PLANS.get(plan.code) == plan
        self.custom_plan.set_instalments(() if built_in else plan.instalments, today)
        self.plan_box.setCurrentIndex(self.plan_box.findData(plan.code if built_in else CUSTOM))
        self.term_box.setCurrentIndex(self.term_box.findData(agreed.trade_term.value))
        lead = agreed.lead_time_days
        self.lead_edit.setText("" if lead is None else str(lead))
        for key, edit in self.text_edits.items():
            edit.setText(getattr(agreed, key))
        self.clear_button.setEnabled(self._shown is not None)
        self._plan_chosen()

    def _plan_chosen(self) -> None:
        custom = self.plan_box.currentData() == CUSTOM
        if custom and not self.custom_plan.rows:  # start from the plan shown before
            self.custom_plan.set_instalments(PLANS["A"].instalments, self.today)
        self.custom_plan.setVisible(custom)
        self.refresh()

    def refresh(self) -> None:
        """The total (price x quantity, rounded once), each instalment's amount and the risk."""
        currency, total = self.currency, None
        try:
            price = read_decimal(self.unit_price_edit.text(), self.tr("the unit price"))
            quantity = read_whole(self.quantity_edit.text(), self.tr("the quantity"))
            if price is not None and quantity is not None:
                total = round_money(price * quantity, currency)
                shown = f"{price_text(price, currency)} × {quantity:,}"
                self.total_label.setText(f"<b>{format_money(total, currency)}</b> = {shown}")
            else:
                self.total_label.setText(self.tr("Enter the unit price and the quantity."))
        except ParseError as error:
            self.total_label.setText(f"⚠ {error}")
        try:
            plan = self.plan()
        except (ParseError, ValueError) as error:
            self.amounts_label.setText(f"⚠ {error}")
            self.risk_label.setText("")
            self.changed.emit()
            return
        lines = [f"{format_percent(i.percent)} · {_due(i)}" for i in plan.instalments]
        if total is not None and total > 0:
            amounts = plan_amounts(plan, total, currency)
            lines = [
                f"{line}: {format_money(a.amount, currency)}"
                for line, a in zip(lines, amounts, strict=True)
            ]
        self.amounts_label.setText("\n".join(lines))
        note = f" {plan.note}" if plan.note else ""
        self.risk_label.setText(f"{bilingual(plan.risk)}.{note} {ESCROW_ADVICE}")
        self.changed.emit()

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Shows the agreed.* messages beside their fields; returns those it has no field for."""
        for label in self.field_errors.values():
            label.clear()
        unplaced: list[str] = []
        for key, message in errors.items():
            shown = self.field_errors.get(key)
            if shown is None:
                unplaced.append(message)
            else:
                shown.setText(f"⚠ {message}")
        return unplaced

    # --- reading back ----------------------------------------------------------------------------
    def plan(self) -> PaymentPlan:
        """The chosen plan; ParseError or ValueError (instalments not adding up to 100 %)."""
        code = self.plan_box.currentData()
        return PLANS[code] if code != CUSTOM else custom_plan(self.custom_plan.instalments())

    def terms(self, supplier_id: int) -> AgreedTerms:
        """The typed terms (the product is the service's to fill in); FormErrors when a number,
        a required value or the instalments are wrong."""
        errors: dict[str, str] = {}
        what = self.tr("the unit price")
        price = _read(errors, "unit_price", read_decimal, self.unit_price_edit, what)
        what = self.tr("the quantity")
        quantity = _read(errors, "quantity", read_whole, self.quantity_edit, what)
        what = self.tr("the lead time (days)")
        lead = _read(errors, "lead_time_days", read_whole, self.lead_edit, what)
        try:
            plan = self.plan()
        except (ParseError, ValueError) as error:
            errors["agreed.payment_plan"] = str(error)
        if price is None and "agreed.unit_price" not in errors:
            errors["agreed.unit_price"] = self.tr("Enter the agreed unit price.")
        if quantity is None and "agreed.quantity" not in errors:
            errors["agreed.quantity"] = self.tr("Enter the agreed quantity.")
        if errors or price is None or quantity is None:
            raise FormErrors(errors)
        shown = self._shown
        base = shown if shown is not None else AgreedTerms(supplier_id, "", ZERO, 0, self.currency)
        return replace(
            base,
            supplier_id=supplier_id,
            unit_price=price,
            quantity=quantity,
            currency=self.currency,
            payment_plan=plan,
            trade_term=TradeTerm(self.term_box.currentData()),
            valid_until=picked(self.valid_date) if self.valid_check.isChecked() else None,
            lead_time_days=lead,
            quality_standard=self.text_edits["quality_standard"].text().strip(),
            packaging=self.text_edits["packaging"].text().strip(),
            after_sales=self.text_edits["after_sales"].text().strip(),
            note=self.text_edits["note"].text().strip(),
        )

    def state(self) -> tuple[object, ...]:
        """What the user typed and chose, to tell an edited form."""
        edits = (
            self.unit_price_edit,
            self.quantity_edit,
            self.lead_edit,
            *self.text_edits.values(),
        )
        rows = [(e.text(), b.currentIndex(), d.date()) for e, b, d, _ in self.custom_plan.rows]
        return (
            *(edit.text() for edit in edits),
            self.valid_check.isChecked(),
            self.valid_date.date(),
            self.plan_box.currentIndex(),
            self.term_box.currentIndex(),
            *rows,
        )


def _read(
    errors: dict[str, str],
    key: str,
    parse: Callable[[str, str], T],
    edit: QLineEdit,
    what: str,
) -> T | None:
    """The edit's value, or None with its message put in errors['agreed.<key>']."""
    try:
        return parse(edit.text(), what)
    except ParseError as error:
        errors[f"agreed.{key}"] = str(error)
        return None


def _due(instalment: Instalment) -> str:
    """When an instalment is due: its event in the interface language, or its date."""
    due = instalment.due
    return label_of(due) if isinstance(due, PaymentEvent) else instalment.due_label
