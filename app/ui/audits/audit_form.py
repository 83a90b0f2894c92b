"""One audit on screen: who and when, the answers table (keyboard first), score and result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.audits.checklist import (
    AnswerKind,
    Audit,
    Auditor,
    AuditResult,
    AuditScore,
    ChecklistTemplate,
)
from app.ui.audits.answers_model import ANSWER, ITEM, REMARK, VERDICT_KEYS, AnswersModel
from app.ui.widgets.parsing import ParseError, parse_date

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


class AnswersView(QTableView):
    """P / F / N answer a pass-fail item and move to the next one; Delete clears it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        model = self.model()
        if index.isValid() and isinstance(model, AnswersModel) and index.column() == ANSWER:
            item = model.item(index.row())
            key = event.text().lower()
            if item.kind is AnswerKind.PASS_FAIL and key in VERDICT_KEYS:
                model.setData(index, VERDICT_KEYS[key])
                self._next_row(index)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                model.setData(index, "")
                return
        super().keyPressEvent(event)

    def _next_row(self, index: QModelIndex) -> None:
        if index.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(self.model().index(index.row() + 1, index.column()))


class AuditForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QLineEdit(placeholderText="yyyy-mm-dd")
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
        header = QFormLayout()
        header.addRow(self.tr("&Date"), self.date_edit)
        header.addRow(self.tr("Auditor"), self.auditor_box)
        header.addRow(self.tr("Name"), self.name_edit)
        header.addRow(self.tr("Notes"), self.notes_edit)
        header.addRow(self.tr("Result"), self.result_box)
        header.addRow(self.tr("Reason"), self.reason_edit)
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        self.answers = AnswersModel(self)
        self.answers_view = AnswersView()
        self.answers_view.setModel(self.answers)
        self.answers_view.setWordWrap(True)
        self.answers_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        # Rows fit their text (English and Chinese lines); a checklist has tens of rows, not
        # thousands, so measuring each one is cheap.
        self.answers_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        columns = self.answers_view.horizontalHeader()
        columns.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        columns.resizeSection(0, 140)
        columns.resizeSection(ANSWER, 110)
        columns.resizeSection(REMARK, 200)
        hint = QLabel(
            self.tr(
                "Keys: P pass · F fail · N not applicable (then the next item) · type numbers and "
                "text · Tab to the remark · Ctrl+S saves. ★ marks a critical item."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.score_label)
        layout.addWidget(hint)
        layout.addWidget(self.answers_view, 1)
        self._shown: AuditHeader | None = None
        self.answers.changed.connect(self.changed)
        self.answers.refused.connect(lambda text: self.score_label.setText(f"⚠ {text}"))

    def show_audit(self, audit: Audit) -> None:
        self.answers.set_audit(audit.template, audit.answers)
        self.date_edit.setText(audit.audited_on.isoformat())
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
        for edit in (self.date_edit, self.name_edit, self.notes_edit, self.reason_edit):
            edit.clear()
        self.score_label.clear()
        self._shown = None

    def header(self) -> AuditHeader:
        """What the header fields say; ValueError with a sentence when the date is wrong."""
        try:
            audited_on = parse_date(self.date_edit.text())
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
