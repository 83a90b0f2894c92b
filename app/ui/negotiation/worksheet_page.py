"""The negotiation worksheet with one supplier for one product: price targets, the supplier's
likely cost structure, the rounds of offers with their convergence chart, and the agreed terms
(worksheet_terms). It shows plain values and emits domain values; the tab saves them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.negotiation.worksheet import (
    DEFAULT_SHARES,
    CostPart,
    NegotiationRound,
    Targets,
    estimate_cost_structure,
    round_problems,
    target_problems,
)
from app.services.negotiation.records import Worksheet
from app.ui.i18n import label_of, message_text
from app.ui.negotiation.rounds_model import (
    TARGET_WORDS,
    CostModel,
    RoundsModel,
    bilingual,
    position_text,
    price_text,
    read_decimal,
    review_of,
    show_convergence,
    table_view,
    trend_text,
    warning_row,
)
from app.ui.negotiation.worksheet_terms import (
    AgreedTermsForm,
    FormErrors,
    date_edit,
    field_row,
    picked,
    qdate,
)
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError
from app.ui.widgets.xy_chart import XYChart

# Translated where shown (context WorksheetPage).
EMPTY_TEXT = str(
    QT_TRANSLATE_NOOP("WorksheetPage", "Choose a quote to negotiate with its supplier")
)
TARGETS = {
    "target": str(QT_TRANSLATE_NOOP("WorksheetPage", "&Target price 目标价")),
    "acceptable": str(QT_TRANSLATE_NOOP("WorksheetPage", "Acc&eptable price")),
    "walk_away": str(QT_TRANSLATE_NOOP("WorksheetPage", "Wal&k-away price 底价")),
}
SHARE_LABELS = {
    CostPart.RAW_MATERIAL: str(QT_TRANSLATE_NOOP("WorksheetPage", "Material %")),
    CostPart.LABOUR: str(QT_TRANSLATE_NOOP("WorksheetPage", "La&bour %")),
    CostPart.OVERHEAD: str(QT_TRANSLATE_NOOP("WorksheetPage", "Overhead %")),
    CostPart.PROFIT: str(QT_TRANSLATE_NOOP("WorksheetPage", "Pro&fit %")),
}
ROUND_FIELDS = (
    str(QT_TRANSLATE_NOOP("WorksheetPage", "&Date")),
    str(QT_TRANSLATE_NOOP("WorksheetPage", "&Our offer")),
    str(QT_TRANSLATE_NOOP("WorksheetPage", "Their &counter")),
    str(QT_TRANSLATE_NOOP("WorksheetPage", "Conce&ssion")),
    str(QT_TRANSLATE_NOOP("WorksheetPage", "Note")),
)


class WorksheetPage(QWidget):
    save_requested = Signal(object)  # Worksheet
    agree_requested = Signal(object)  # AgreedTerms
    clear_agreed_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sheet: Worksheet | None = None
        self._rounds: list[NegotiationRound] = []
        self._quoted: Decimal | None = None
        self._currency = self._quote_currency = "CNY"
        self._today = date.today()
        self._shown_state: tuple[object, ...] = ()
        self.field_errors: dict[str, QLabel] = {}
        self.currency_labels: list[QLabel] = []
        self.heading = QLabel(self.tr(EMPTY_TEXT))
        self.heading.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save worksheet (Ctrl+S)"))
        self.message = error_label()
        self.terms = AgreedTermsForm()
        self.chart = XYChart()
        self.chart.setMinimumSize(360, 280)
        self.body = QWidget()
        grid = QGridLayout(self.body)
        for column, boxes in enumerate(
            ((self._targets_box(), self._rounds_box()), (self._cost_box(), self.chart))
        ):
            stack = QVBoxLayout()
            for box in boxes:
                stack.addWidget(box, 1 if box is self.chart else 0)
            grid.addLayout(stack, 0, column)
            grid.setColumnStretch(column, 1)
        grid.addWidget(self.terms, 1, 0, 1, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.save_button.clicked.connect(self._save)
        self.terms.agree_button.clicked.connect(self._agree)
        self.terms.clear_button.clicked.connect(self.clear_agreed_requested)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self._save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.show_worksheet(
            None, supplier_name="", quoted_price=None, currency="", today=date.today()
        )

    # --- building ------------------------------------------------------------------------------
    def _error(self, key: str) -> QLabel:
        self.field_errors[key] = label = error_label()
        return label

    def _targets_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Targets"))
        form = QFormLayout(box)
        self.target_edits: dict[str, QLineEdit] = {}
        for key, label in TARGETS.items():
            edit = QLineEdit(placeholderText=self.tr("e.g. 2.50"))
            edit.textChanged.connect(self._refresh)
            currency = QLabel()
            self.currency_labels.append(currency)
            self.target_edits[key] = edit
            form.addRow(self.tr(label), field_row(edit, currency, self._error(key)))
        form.addRow(self._error("targets"))
        self.position_label = QLabel()
        self.position_label.setWordWrap(True)
        form.addRow(self.tr("Quoted price 报价"), self.position_label)
        known = self.tr("what you know of this supplier's position")
        self.note_edit = QLineEdit(placeholderText=known)
        form.addRow(self.tr("Note"), field_row(self.note_edit, self._error("note")))
        return box

    def _cost_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Cost structure of the quoted price (an estimate)"))
        shares = QHBoxLayout()
        self.share_edits: dict[CostPart, QLineEdit] = {}
        for part, label in SHARE_LABELS.items():
            edit = QLineEdit(f"{DEFAULT_SHARES[part]}")
            edit.setMaximumWidth(60)
            low, high = part.typical
            typical = self.tr("{part}: typically {low}-{high} %")
            edit.setToolTip(typical.format(part=bilingual(part), low=low, high=high))
            edit.textChanged.connect(self._refresh_costs)
            caption = QLabel(self.tr(label))
            caption.setBuddy(edit)
            shares.addWidget(caption)
            shares.addWidget(edit)
            self.share_edits[part] = edit
        shares.addStretch(1)
        self.cost_model = CostModel(self)
        self.cost_view = table_view(self.cost_model, 140)
        self.cost_summary = QLabel()
        self.cost_summary.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addLayout(shares)
        layout.addWidget(self._error("shares"))
        layout.addWidget(self.cost_view)
        layout.addWidget(self.cost_summary)
        return box

    def _rounds_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rounds of offers"))
        self.rounds_model = RoundsModel(self)
        self.rounds_view = table_view(self.rounds_model, 150)
        self.round_date = date_edit(self._today)
        self.offer_edit = QLineEdit(placeholderText=self.tr("our offer"))
        self.counter_edit = QLineEdit(placeholderText=self.tr("empty: none yet"))
        self.concession_edit = QLineEdit(placeholderText=self.tr("volume, payment…"))
        self.round_note_edit = QLineEdit()
        entry = QGridLayout()
        edits = (self.offer_edit, self.counter_edit, self.concession_edit, self.round_note_edit)
        self.round_edits, fields = edits, (self.round_date, *edits)
        for column, (caption, field) in enumerate(zip(ROUND_FIELDS, fields, strict=True)):
            label = QLabel(self.tr(caption))
            label.setBuddy(field)
            entry.addWidget(label, 0, column)
            entry.addWidget(field, 1, column)
        for edit in edits:
            edit.returnPressed.connect(self._add_round)
        self.add_round_button = QPushButton(self.tr("Add &round"))
        self.delete_round_button = QPushButton(self.tr("Delete selected round"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_round_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_round_button)
        self.warnings, self.warning_text = warning_row()
        self.trend_label = QLabel()
        self.trend_label.setWordWrap(True)
        layout = QVBoxLayout(box)
        for widget in (self.rounds_view, self.warnings, self.trend_label):
            layout.addWidget(widget)
        layout.addLayout(entry)
        layout.addWidget(self._error("rounds"))
        layout.addLayout(buttons)
        self.add_round_button.clicked.connect(self._add_round)
        self.delete_round_button.clicked.connect(self._delete_round)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.rounds_view, self._delete_round)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        return box

    # --- showing -------------------------------------------------------------------------------
    def show_worksheet(
        self,
        worksheet: Worksheet | None,
        *,
        supplier_name: str,
        quoted_price: Decimal | None,
        currency: str,
        today: date,
    ) -> None:
        """The worksheet with a supplier (None: a disabled page asking to choose a quote);
        `quoted_price` in `currency` is what the cost structure splits."""
        self._sheet, self._quoted, self._quote_currency = worksheet, quoted_price, currency
        self._today = today
        sheet = worksheet or Worksheet(0, 0, currency)
        self._currency, self._rounds = sheet.currency, list(sheet.rounds)
        self.body.setEnabled(worksheet is not None)
        self.save_button.setEnabled(worksheet is not None)
        quoted = self.tr("no price") if quoted_price is None else price_text(quoted_price, currency)
        heading = self.tr("<b>{supplier}</b> · quoted {price}")
        heading = heading.format(supplier=supplier_name, price=quoted)
        self.heading.setText(self.tr(EMPTY_TEXT) if worksheet is None else heading)
        for label in self.currency_labels:
            label.setText(sheet.currency)
        for key, edit in self.target_edits.items():
            edit.setText("" if sheet.targets is None else f"{getattr(sheet.targets, key)}")
        shares = sheet.shares or DEFAULT_SHARES
        for part, edit in self.share_edits.items():
            edit.setText(f"{shares[part]}")
        self.note_edit.setText(sheet.note)
        self.round_date.setDate(qdate(today))
        for edit in self.round_edits:
            edit.clear()
        counters = [r.their_counter for r in sheet.rounds if r.their_counter is not None]
        same = currency == sheet.currency
        price = counters[-1] if counters else quoted_price if same else None
        self.terms.show_terms(sheet.agreed, currency=sheet.currency, price=price, today=today)
        self.show_errors({})
        self._refresh()
        self._refresh_costs()
        self._shown_state = self._state()

    def show_errors(self, errors: dict[str, str]) -> None:
        """The service's (or the form's) messages beside their fields; the rest on top."""
        for label in self.field_errors.values():
            label.clear()
        unplaced = self.terms.show_errors({k: v for k, v in errors.items() if "." in k})
        for key, message in errors.items():
            shown = self.field_errors.get(key)
            if shown is not None:
                shown.setText(f"⚠ {message}")
            elif "." not in key:
                unplaced.append(message)
        self.message.setText("⚠ " + " ".join(unplaced) if unplaced else "")

    def _typed_targets(self) -> Targets | None:
        """The targets as typed; None while one is missing, unreadable or breaks a rule."""
        try:
            what = self.tr("a price")
            values = [read_decimal(edit.text(), what) for edit in self.target_edits.values()]
        except ParseError:
            return None
        target, acceptable, walk_away = values
        if target is None or acceptable is None or walk_away is None:
            return None
        targets = Targets(target, acceptable, walk_away, self._currency)
        return None if target_problems(targets) else targets

    def _refresh(self) -> None:
        """Where the quoted price stands, the rounds reviewed, the warnings, trend and chart."""
        targets, currency = self._typed_targets(), self._currency
        quoted = position_text(self._quoted, self._quote_currency, targets, currency)
        self.position_label.setText(quoted)
        try:
            review = review_of(self._rounds, targets, currency)
        except ValueError as error:  # stored rounds that break a rule (a hand-edited file)
            self.field_errors["rounds"].setText(f"⚠ {error}")
            review = review_of([], None, currency)
        self.rounds_model.set_rounds(review.rounds, currency, targets is not None)
        self.warning_text.setText("\n".join(review.warnings))
        self.warnings.setVisible(bool(review.warnings))
        self.trend_label.setText(trend_text(review, currency))
        show_convergence(self.chart, review, targets, currency)

    def _typed_shares(self) -> dict[CostPart, Decimal]:
        shares = {}
        for part, edit in self.share_edits.items():
            name = label_of(part).lower()
            value = read_decimal(edit.text(), self.tr("the {part} share (%)").format(part=name))
            if value is None:
                raise ParseError(self.tr("Enter the {part} share (%).").format(part=name))
            shares[part] = value
        return shares

    def _refresh_costs(self) -> None:
        shown = self.field_errors["shares"]
        shown.clear()
        estimate = None
        try:
            shares = self._typed_shares()
            if self._quoted is not None:
                estimate = estimate_cost_structure(self._quoted, self._quote_currency, shares)
        except (ParseError, ValueError) as error:
            shown.setText(f"⚠ {error}")
        self.cost_model.set_estimate(estimate)
        if estimate is None:
            nothing = self.tr("No quoted price to split.")
            self.cost_summary.setText("" if self._quoted is not None else nothing)
        else:
            said = (estimate.summary_said, *estimate.notes_said)
            self.cost_summary.setText(" ".join(message_text(m) for m in said))

    # --- rounds ----------------------------------------------------------------------------------
    def _add_round(self) -> None:
        """The entry row as a round, placed by its date (after rounds of the same day)."""
        shown = self.field_errors["rounds"]
        try:
            offer = read_decimal(self.offer_edit.text(), self.tr("our offer"))
            counter = read_decimal(self.counter_edit.text(), self.tr("their counter"))
            if offer is None:
                raise ParseError(self.tr("Enter our offer."))
        except ParseError as error:
            shown.setText(f"⚠ {error}")
            return
        item = NegotiationRound(
            picked(self.round_date),
            offer,
            counter,
            self.concession_edit.text().strip(),
            self.round_note_edit.text().strip(),
        )
        problems = [p.removeprefix("Round 1: ") for p in round_problems([item])]
        if problems:
            shown.setText("⚠ " + " ".join(p[0].upper() + p[1:] for p in problems))
            return
        shown.clear()
        position = sum(1 for r in self._rounds if r.on <= item.on)
        self._rounds.insert(position, item)
        for edit in self.round_edits:
            edit.clear()
        self._refresh()
        self.rounds_view.selectRow(position)
        self.offer_edit.setFocus()

    def _delete_round(self) -> None:
        rows = self.rounds_view.selectionModel().selectedRows()
        if rows:
            del self._rounds[rows[0].row()]
            self._refresh()

    # --- reading back ----------------------------------------------------------------------------
    def current_worksheet(self) -> Worksheet | None:
        """The worksheet as typed, with its rounds (and its agreed terms when it is agreed);
        None, with the messages beside the fields, when a number is wrong."""
        if self._sheet is None:
            return None
        errors: dict[str, str] = {}
        prices: dict[str, Decimal | None] = {}
        for key, edit in self.target_edits.items():
            try:
                word = QCoreApplication.translate("Targets", TARGET_WORDS[key]).lower()
                what = self.tr("the {target} price").format(target=word)
                prices[key] = read_decimal(edit.text(), what)
            except ParseError as error:
                errors[key] = str(error)
        missing = [key for key, value in prices.items() if value is None]
        if not errors and 0 < len(missing) < len(TARGETS):
            errors |= dict.fromkeys(missing, self.tr("Enter this price too, or clear all three."))
        shares: dict[CostPart, Decimal] | None = None
        try:
            shares = self._typed_shares()
        except ParseError as error:
            errors["shares"] = str(error)
        agreed = None
        try:
            if self._sheet.agreed is not None:
                agreed = self.terms.terms(self._sheet.supplier_id)
        except FormErrors as error:
            errors |= error.errors
        if errors:
            self.show_errors(errors)
            return None
        target, acceptable, walk_away = prices.values()
        targets = None
        if target is not None and acceptable is not None and walk_away is not None:
            targets = Targets(target, acceptable, walk_away, self._currency)
        if shares == DEFAULT_SHARES and self._sheet.shares is None:
            shares = None  # the defaults, as stored
        rounds, note = tuple(self._rounds), self.note_edit.text().strip()
        sheet = replace(self._sheet, targets=targets, shares=shares, rounds=rounds, note=note)
        return replace(sheet, agreed=agreed)

    def is_dirty(self) -> bool:
        """True when the form differs from the worksheet last shown."""
        return self._sheet is not None and self._state() != self._shown_state

    def _state(self) -> tuple[object, ...]:
        edits = (*self.target_edits.values(), *self.share_edits.values(), self.note_edit)
        return (*(edit.text() for edit in edits), tuple(self._rounds), self.terms.state())

    def _save(self) -> None:
        worksheet = self.current_worksheet()
        if worksheet is not None:
            self.show_errors({})
            self.save_requested.emit(worksheet)

    def _agree(self) -> None:
        if self._sheet is None:
            return
        try:
            terms = self.terms.terms(self._sheet.supplier_id)
        except FormErrors as error:
            self.show_errors(error.errors)
            return
        self.show_errors({})
        self.agree_requested.emit(terms)
