"""One audit on screen: who and when (a calendar date), the answers (keyboard first), score and
result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.audits.checklist import (
    Audit,
    Auditor,
    AuditResult,
    AuditScore,
    ChecklistTemplate,
)
from app.ui.audits.answers_model import AnswersModel
from app.ui.audits.answers_view import AnswersView, CurrentItem
from app.ui.widgets.date_field import DateField
from app.ui.widgets.parsing import ParseError

# The domain's English words for these, marked for translation (context "AuditForm").
_AUDITOR_TEXT = {
    Auditor.SELF: str(QT_TRANSLATE_NOOP("AuditForm", "Self (own visit)")),
    Auditor.BV: str(QT_TRANSLATE_NOOP("AuditForm", "Bureau Veritas (BV)")),
    Auditor.OTHER: str(QT_TRANSLATE_NOOP("AuditForm", "Other agency")),
}
_RESULT_TEXT = {
    AuditResult.PASSED: str(QT_TRANSLATE_NOOP("AuditForm", "passed")),
    AuditResult.CONDITIONAL: str(QT_TRANSLATE_NOOP("AuditForm", "conditional")),
    AuditResult.FAILED: str(QT_TRANSLATE_NOOP("AuditForm", "failed")),
    AuditResult.NOT_DECIDED: str(QT_TRANSLATE_NOOP("AuditForm", "not decided")),
}


def auditor_text(auditor: Auditor) -> str:
    """Who audited, in the interface language (SGS and TÜV are names)."""
    text = _AUDITOR_TEXT.get(auditor)
    return auditor.label if text is None else QCoreApplication.translate("AuditForm", text)


def result_text(result: AuditResult) -> str:
    """ "passed", "conditional"… in the interface language."""
    return QCoreApplication.translate("AuditForm", _RESULT_TEXT[result])


@dataclass(frozen=True)
class AuditHeader:
    audited_on: date
    auditor: Auditor
    auditor_name: str
    notes: str
    result: AuditResult | None  # None: the score decides
    reason: str


class AuditForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = DateField()  # blank only to say "enter the date" (see header())
        self.auditor_box = QComboBox()
        for auditor in Auditor:
            self.auditor_box.addItem(auditor_text(auditor), auditor.value)
        self.name_edit = QLineEdit(placeholderText=self.tr("person or inspector's name"))
        self.notes_edit = QLineEdit(placeholderText=self.tr("overall notes"))
        self.result_box = QComboBox()
        self.result_box.addItem(self.tr("From the score"), None)
        for result in (AuditResult.PASSED, AuditResult.CONDITIONAL, AuditResult.FAILED):
            by_hand = self.tr("Set by hand: {result}").format(result=result_text(result))
            self.result_box.addItem(by_hand, result.value)
        self.reason_edit = QLineEdit(placeholderText=self.tr("why the result is set by hand"))
        # Two lines of three fields, not six lines: the checklist gets the height (issue 14).
        header = QGridLayout()
        fields = (
            (self.tr("&Date"), self.date_edit),
            (self.tr("Auditor"), self.auditor_box),
            (self.tr("Name"), self.name_edit),
            (self.tr("Result"), self.result_box),
            (self.tr("Reason"), self.reason_edit),
            (self.tr("Notes"), self.notes_edit),
        )
        for position, (text, field) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(field)
            row, column = divmod(position, 3)
            header.addWidget(label, row, 2 * column)
            header.addWidget(field, row, 2 * column + 1)
        for column in (1, 3, 5):
            header.setColumnStretch(column, 1)
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        self.answers = AnswersModel(self)
        self.answers_view = AnswersView(self.answers)
        self.current_item = CurrentItem(self.answers_view)
        hint = QLabel(
            self.tr(
                "Keys: P pass · F fail · N not applicable (then the next item) · type numbers and "
                "text · Alt+R the remark · Ctrl+S saves. ★ marks a critical item."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.score_label)
        layout.addWidget(hint)
        layout.addWidget(self.answers_view, 1)
        layout.addWidget(self.current_item)
        self._shown: AuditHeader | None = None
        self.answers.changed.connect(self.changed)
        self.answers.refused.connect(lambda text: self.score_label.setText(f"⚠ {text}"))

    def show_audit(self, audit: Audit) -> None:
        self.answers.set_audit(audit.template, audit.answers)
        self.date_edit.set_value(audit.audited_on)
        self.auditor_box.setCurrentIndex(self.auditor_box.findData(audit.auditor.value))
        self.name_edit.setText(audit.auditor_name)
        self.notes_edit.setText(audit.notes)
        override = audit.result_override
        self.result_box.setCurrentIndex(
            self.result_box.findData(None if override is None else override.value)
        )
        self.reason_edit.setText(audit.override_reason)
        self._shown = self.header()

    def clear(self) -> None:
        self.answers.set_audit(_EMPTY_TEMPLATE, {})
        self.date_edit.set_value(None)
        for edit in (self.name_edit, self.notes_edit, self.reason_edit):
            edit.clear()
        self.score_label.clear()
        self._shown = None

    def header(self) -> AuditHeader:
        """What the header fields say; ValueError with a sentence when the date is wrong."""
        try:
            audited_on = self.date_edit.checked_value()
        except ParseError as error:
            raise ValueError(str(error)) from None
        if audited_on is None:
            raise ValueError(self.tr("Enter the audit date, e.g. 2026-11-29."))
        result = self.result_box.currentData()  # Qt hands enum data back as text
        return AuditHeader(
            audited_on=audited_on,
            auditor=Auditor(self.auditor_box.currentData()),
            auditor_name=self.name_edit.text().strip(),
            notes=self.notes_edit.text().strip(),
            result=None if result is None else AuditResult(result),
            reason=self.reason_edit.text().strip(),
        )

    def is_dirty(self) -> bool:
        if self.answers.dirty:
            return True
        try:
            return self._shown is not None and self.header() != self._shown
        except ValueError:
            return True

    def show_score(self, score: AuditScore) -> None:
        if score.percent is None:
            percent = self.tr("unknown (no pass/fail answer yet)")
        else:
            percent = f"{score.percent} %"
        critical = ""
        if score.critical_failures:
            failures = self.tr("★ critical failures: {count}")
            critical = " · " + failures.format(count=len(score.critical_failures))
        text = self.tr(
            "<b>Score {percent}</b> · {passed} pass · {failed} fail · {not_applicable} n/a · "
            "{unanswered} unanswered{critical} · by the score: <b>{result}</b>"
        )
        self.score_label.setText(
            text.format(
                percent=percent,
                passed=score.passed,
                failed=score.failed,
                not_applicable=score.not_applicable,
                unanswered=score.unanswered,
                critical=critical,
                result=result_text(score.result),
            )
        )


_EMPTY_TEMPLATE = ChecklistTemplate("none")  # shown while no audit is selected
