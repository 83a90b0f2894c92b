"""Parts of the sample form: the message under a field (all of a save's errors at once, each at
its field, as the supplier editor shows them), the grey "= 3,200" reading of a number typed the
way a 1688 buyer writes it, and the supplier picker's list model. Also the tab's words for the
samples domain's own labels (built-in criteria, measurements, cost rows), which the domain
holds in English only: `term()` shows them in the interface language (issue 15)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.domain.kit.money import Money
from app.domain.samples.sample import Criterion
from app.ui.widgets.form_parts import WARNING_COLOUR
from app.ui.widgets.parsing import ParseError, parse_amount

TERMS = "SampleTerms"  # the translation context of the domain's labels
# Every English label of app.domain.samples that the tab shows (a test checks none is missing).
TERM_SOURCES = (
    str(QT_TRANSLATE_NOOP("SampleTerms", "Appearance (colour, size, workmanship)")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Function")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Material")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Packaging")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Length")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Width")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Height")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Weight")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Sample price")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Shipping")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "Total cost")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "pass")),
    str(QT_TRANSLATE_NOOP("SampleTerms", "fail")),
)
INVALID_BASE = "#fdecea"  # a pale red behind a field with an error; the message says it too
HINT_STYLE = "color: palette(placeholder-text)"


class FieldError(QLabel):
    """A message under a field, hidden while there is none; it tints the field and becomes
    the field's tooltip while it shows."""

    def __init__(self, *fields: QWidget) -> None:
        super().__init__()
        self.fields = fields
        self._help = {id(field): field.toolTip() for field in fields}
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {WARNING_COLOUR}")
        self.setAccessibleName(self.tr("Error"))
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(f"⚠ {message}" if message else "")
        self.setVisible(bool(message))
        for field in self.fields:
            field.setToolTip(message or self._help.get(id(field), ""))
            field.setAccessibleDescription(message)
            if isinstance(field, QLineEdit | QComboBox):
                palette = QPalette()  # resolves nothing: the field keeps its usual colours
                if message:
                    palette.setColor(QPalette.ColorRole.Base, INVALID_BASE)
                field.setPalette(palette)

    def message(self) -> str:
        return self.text().removeprefix("⚠ ")


def term(label: str) -> str:
    """A label of the samples domain in the interface language (unlisted text as it is)."""
    return QCoreApplication.translate(TERMS, label)


def criterion_label(criterion: Criterion) -> str:
    """A built-in criterion's label in the interface language; the user's own as typed."""
    return term(criterion.label) if criterion.built_in else criterion.label


def hint_label() -> QLabel:
    """The grey line that says how a typed number was read ("= 3,200")."""
    label = QLabel()
    label.setStyleSheet(HINT_STYLE)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def money_reading(amount: Decimal, currency: str, typed: str) -> str:
    """'= 3,200.00 CNY' when the amount was typed another way ('3,200', '¥3200', '3.2千');
    '' when it was typed as it reads."""
    _value, reading = parse_amount(typed, "the amount")
    return f"= {Money(amount, currency)}" if reading else ""


def safe_reading(text: str, what: str) -> str:
    """How a number typed as a 1688 buyer writes it was read (parse_amount: 80k, 10万, 1.2万,
    ¥3.20, 3,200 -> '= 3,200'); '' when it reads plainly or is not a number (yet)."""
    try:
        return parse_amount(text, what)[1]
    except ParseError:
        return ""
