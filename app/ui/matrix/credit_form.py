"""The buyer's credit inputs and manual rating, with the rule's explanation beside them.

The repeat-purchase rate is shown, not typed, here: it is the supplier's 回头率, typed once on
the Suppliers tab (one value for the record and the credit rating)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditDecision, CreditOverride
from app.domain.matrix.records import CreditRecord
from app.ui.i18n import message_text
from app.ui.matrix.legend import term
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError, format_decimal, parse_optional_decimal


class CreditForm(QGroupBox):
    save_requested = Signal(object, object)  # CreditInputs, CreditOverride | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Credit rating"), parent)
        self.rating_label = QLabel()
        self.rating_label.setWordWrap(True)
        self.trend_box = QComboBox()
        self.trend_box.addItem(term("unknown"), None)
        for trend in Trend:
            self.trend_box.addItem(term(trend.value), trend)
        self.review_edit = QLineEdit(placeholderText=self.tr("0-5, e.g. 4.7; empty = unknown"))
        self.disputes_edit = QLineEdit(placeholderText=self.tr("whole number; empty = unknown"))
        self.repeat_label = QLabel()
        self.repeat_label.setWordWrap(True)
        self.repeat_label.setToolTip(
            self.tr(
                "The supplier's repeat-purchase rate (回头率), from its record: one value for the "
                "record and the credit rating. Change it on the Suppliers tab (Performance)."
            )
        )
        self.manual_box = QComboBox()
        self.manual_box.addItem(self.tr("none (use the rule's suggestion)"), None)
        for rating in CreditRating:
            if rating is not CreditRating.UNKNOWN:
                self.manual_box.addItem(f"{rating.value}: {term(rating.meaning)}", rating)
        self.reason_edit = QLineEdit(placeholderText=self.tr("required with a manual rating"))
        self.error_label = error_label()
        self.save_button = QPushButton(self.tr("Save &credit"))
        self.explanation = QPlainTextEdit()
        self.explanation.setReadOnly(True)
        self.explanation.setMinimumHeight(110)
        form = QFormLayout()
        form.addRow(self.tr("Trading-volume trend"), self.trend_box)
        form.addRow(self.tr("Buyer reviews (of 5)"), self.review_edit)
        form.addRow(self.tr("Disputes, last 12 months"), self.disputes_edit)
        form.addRow(self.tr("Repeat-purchase rate"), self.repeat_label)
        form.addRow(self.tr("Manual rating"), self.manual_box)
        form.addRow(self.tr("Reason"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rating_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.save_button)
        layout.addWidget(QLabel(self.tr("How the rating was reached")))
        layout.addWidget(self.explanation)
        self.save_button.clicked.connect(self._save)
        self.reason_edit.returnPressed.connect(self._save)

    def show_credit(self, record: CreditRecord | None, decision: CreditDecision) -> None:
        inputs = record.inputs if record else CreditInputs()
        self.trend_box.setCurrentIndex(self.trend_box.findData(inputs.volume_trend))
        self.review_edit.setText(format_decimal(inputs.review_score))
        disputes = inputs.disputes_last_12_months
        self.disputes_edit.setText("" if disputes is None else str(disputes))
        self.repeat_label.setText(repeat_text(decision))
        override = record.override if record else None
        self.manual_box.setCurrentIndex(
            self.manual_box.findData(override.rating if override else None)
        )
        self.reason_edit.setText(override.reason if override else "")
        shown = (
            self.tr("Rating: <b>{rating}</b> ({source}) — {meaning}")
            if decision.override is None
            else self.tr(
                "Rating: <b>{rating}</b> ({source}); the rule suggests <b>{suggested}</b> — "
                "{meaning}"
            )
        )
        self.rating_label.setText(
            shown.format(
                rating=term(decision.effective.value),
                source=term(decision.source.value),
                suggested=term(decision.suggested.value),
                meaning=term(decision.effective.meaning),
            )
        )
        self.explanation.setPlainText(credit_explanation(decision))
        self.error_label.clear()

    def show_error(self, text: str) -> None:
        self.error_label.setText(f"⚠ {text}")

    def _save(self) -> None:
        try:
            review = parse_optional_decimal(self.review_edit.text(), "the review score (0-5)")
            disputes_text = self.disputes_edit.text().strip()
            if disputes_text and not disputes_text.isdigit():
                raise ParseError(
                    self.tr("'{text}' is not a whole number of disputes.").format(
                        text=disputes_text
                    )
                )
            trend = self.trend_box.currentData()  # Qt returns enum data as plain text
            inputs = CreditInputs(
                volume_trend=None if trend is None else Trend(trend),
                review_score=review,
                disputes_last_12_months=int(disputes_text) if disputes_text else None,
            )
            rating = self.manual_box.currentData()
            override = (
                None
                if rating is None
                else CreditOverride(CreditRating(rating), self.reason_edit.text())
            )
        except (ParseError, ValueError) as error:
            self.show_error(str(error))
            return
        self.save_requested.emit(inputs, override)


REPEAT_FACTOR = "Repeat-purchase rate"


def credit_explanation(decision: CreditDecision) -> str:
    """The rule's explanation of a rating, line by line, in the interface language."""
    return "\n".join(message_text(line) for line in decision.explanation_said)


def repeat_text(decision: CreditDecision) -> str:
    """ "45.5 % (the supplier's 回头率)", or how to give it when the record has none."""
    for factor in decision.assessment.factors:
        if factor.name == REPEAT_FACTOR:
            return QCoreApplication.translate(
                "CreditForm", "{rate} (the supplier's 回头率; change it on the Suppliers tab)"
            ).format(rate=factor.value)
    return QCoreApplication.translate(
        "CreditForm", "unknown: type the supplier's 回头率 on the Suppliers tab"
    )
