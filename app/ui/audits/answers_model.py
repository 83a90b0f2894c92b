"""An audit's items and the answers being typed, as a table: one line per checklist item.

Answers live here until saved (the dialog saves them in one write), so typing stays instant and
a half-filled audit can be reverted. Pass/fail answers take P, F and N keys (see the view);
numbers and text are typed; every answer may carry a remark and photo references.
Each row is one line (issue 14: many items on a screen): the item's code as on the printed
checklist ("3.2") in the row header, its English and Chinese text on one line, elided by the
view, and the whole text, the section and the remark in the tooltip.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.domain.audits.checklist import (
    Answer,
    AnswerKind,
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    Verdict,
    photo_ref_label,
)
from app.domain.kit.money import parse_decimal
from app.domain.matrix.capacity import unit_text

_Index = QModelIndex | QPersistentModelIndex
# Marked for translation here (context "AnswersModel"), translated where shown.
COLUMNS = (
    str(QT_TRANSLATE_NOOP("AnswersModel", "Section")),
    str(QT_TRANSLATE_NOOP("AnswersModel", "Item")),
    str(QT_TRANSLATE_NOOP("AnswersModel", "Answer")),
    str(QT_TRANSLATE_NOOP("AnswersModel", "Remark")),
    str(QT_TRANSLATE_NOOP("AnswersModel", "Photos")),
)
ITEM, ANSWER, REMARK, PHOTOS = 1, 2, 3, 4
VERDICT_TEXT = {
    Verdict.PASS: str(QT_TRANSLATE_NOOP("AnswersModel", "✔ pass")),
    Verdict.FAIL: str(QT_TRANSLATE_NOOP("AnswersModel", "✘ fail")),
    Verdict.NOT_APPLICABLE: str(QT_TRANSLATE_NOOP("AnswersModel", "n/a")),
}
VERDICT_KEYS = {"p": Verdict.PASS, "f": Verdict.FAIL, "n": Verdict.NOT_APPLICABLE}
_FAIL_TEXT = QColor("#9a3412")  # with the ✘ mark, so colour is not the only signal


class AnswersModel(QAbstractTableModel):
    changed = Signal()  # an answer was edited (the dialog re-scores and marks unsaved)
    refused = Signal(str)  # a typed value could not be used; nothing changed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[ChecklistSection, ChecklistItem, str]] = []  # (…, code)
        self._answers: dict[str, Answer] = {}
        self.dirty = False

    # --- loading and reading -----------------------------------------------------------
    def set_audit(self, template: ChecklistTemplate, answers: dict[str, Answer]) -> None:
        self.beginResetModel()
        self._rows = [
            (section, item, f"{number}.{position}")  # numbered as the printed checklist
            for number, section in enumerate(template.sections, start=1)
            for position, item in enumerate(section.items, start=1)
        ]
        self._answers = dict(answers)
        self.dirty = False
        self.endResetModel()

    def answers(self) -> dict[str, Answer]:
        return dict(self._answers)

    def item(self, row: int) -> ChecklistItem:
        return self._rows[row][1]

    def code(self, row: int) -> str:
        """ "3.2": the item's number on the printed checklist."""
        return self._rows[row][2]

    def remark(self, row: int) -> str:
        answer = self._answers.get(self._rows[row][1].key)
        return "" if answer is None else answer.remark

    def attach(self, row: int, refs: list[str]) -> None:
        """Add photo references (attached photos) to the answer of `row`, once each."""
        item = self._rows[row][1]
        current = self._answers.get(item.key, Answer(item.key))
        added = tuple(ref for ref in refs if ref not in current.photo_refs)
        self._answers[item.key] = replace(current, photo_refs=current.photo_refs + added)
        self.dirty = True
        self.dataChanged.emit(self.index(row, PHOTOS), self.index(row, PHOTOS))
        self.changed.emit()

    # --- Qt's questions ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AnswersModel", COLUMNS[section])
        return self._rows[section][2] if 0 <= section < len(self._rows) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (ANSWER, REMARK, PHOTOS):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section, item, code = self._rows[index.row()]
        answer = self._answers.get(item.key, Answer(item.key))
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:  # the section's name on its first item only, like a printed form
                first = index.row() == 0 or self._rows[index.row() - 1][0] is not section
                return _section_title(section).replace("\n", " · ") if first else ""
            if column == ITEM:
                mark = "★ " if item.critical else ""
                return f"{mark}{item.text_en} · {item.text_zh}"
            if column == ANSWER:
                return _answer_text(item, answer, editing=role == Qt.ItemDataRole.EditRole)
            if column == REMARK:
                editing = role == Qt.ItemDataRole.EditRole
                return answer.remark if editing else _one_line(answer.remark)
            return ", ".join(photo_ref_label(ref) for ref in answer.photo_refs)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(column, section, item, code, answer)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == ANSWER
            and answer.verdict is Verdict.FAIL
        ):
            return _FAIL_TEXT
        return None

    def _tooltip(
        self,
        column: int,
        section: ChecklistSection,
        item: ChecklistItem,
        code: str,
        answer: Answer,
    ) -> str | None:
        """The whole text a one-line cell elides."""
        if column == ANSWER and item.kind is AnswerKind.PASS_FAIL:
            return self.tr("Press P pass, F fail, N not applicable; Delete clears.")
        if column == PHOTOS:
            return self.tr("Photo references, separated by commas (e.g. IMG_2041, 车间-2.jpg).")
        if column == REMARK:
            return answer.remark or None
        if column == 0:
            return _section_title(section)
        if column != ITEM:
            return None
        lines = [f"{code}  {item.text_en}", item.text_zh]
        if item.critical:
            lines.append(self.tr("★ Critical: a fail here fails the whole audit."))
        return "\n".join(lines)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item = self._rows[index.row()][1]
        current = self._answers.get(item.key, Answer(item.key))
        text = "" if value is None else str(value).strip()
        column = index.column()
        if column == ANSWER:
            updated = self._parsed_answer(item, current, value, text)
            if updated is None:
                return False
        elif column == REMARK:
            updated = replace(current, remark=text)
        elif column == PHOTOS:
            # Typed names keep the attached photo they name (the hash is not shown).
            attached = {photo_ref_label(ref): ref for ref in current.photo_refs}
            labels = [ref.strip() for ref in text.replace("，", ",").split(",") if ref.strip()]
            updated = replace(current, photo_refs=tuple(attached.get(x, x) for x in labels))
        else:
            return False
        self._answers[item.key] = updated
        self.dirty = True
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    def _parsed_answer(
        self, item: ChecklistItem, current: Answer, value: Any, text: str
    ) -> Answer | None:
        if item.kind is AnswerKind.PASS_FAIL:
            verdict = value if isinstance(value, Verdict) else _verdict_from_text(text)
            if verdict is None and text:
                refusal = self.tr("'{text}': answer P (pass), F (fail) or N (not applicable).")
                self.refused.emit(refusal.format(text=text))
                return None
            return replace(current, verdict=verdict)
        if item.kind is AnswerKind.NUMBER:
            if not text:
                return replace(current, number=None)
            try:
                number = parse_decimal(text.removesuffix(item.unit).strip())
            except ValueError:
                if item.unit:
                    refusal = self.tr("'{text}' is not a number of {unit}.")
                else:
                    refusal = self.tr("'{text}' is not a number of units.")
                self.refused.emit(refusal.format(text=text, unit=item.unit))
                return None
            if number < 0:
                refusal = self.tr("{item}: a number, zero or more (not {number}).")
                self.refused.emit(refusal.format(item=item.text_en, number=number))
                return None
            return replace(current, number=number)
        return replace(current, text=text)


def _verdict_from_text(text: str) -> Verdict | None:
    lowered = text.lower()
    if not lowered:
        return None
    for verdict in Verdict:
        shown = verdict_text(verdict).lower()
        if lowered in (verdict.value, VERDICT_TEXT[verdict].lower(), shown):
            return verdict
    return VERDICT_KEYS.get(lowered[:1]) if lowered in ("p", "f", "n", "na", "n.a.") else None


def verdict_text(verdict: Verdict) -> str:
    """ "✔ pass", "✘ fail", "n/a" in the interface language."""
    return QCoreApplication.translate("AnswersModel", VERDICT_TEXT[verdict])


def _answer_text(item: ChecklistItem, answer: Answer, *, editing: bool) -> str:
    if item.kind is AnswerKind.PASS_FAIL:
        if answer.verdict is None:
            return ""
        return answer.verdict.value if editing else verdict_text(answer.verdict)
    if item.kind is AnswerKind.NUMBER:
        if answer.number is None:
            return ""
        number = f"{answer.number.normalize():f}" if answer.number != Decimal(0) else "0"
        if editing or not item.unit:
            return number
        return unit_text(answer.number, item.unit)  # "1 line", "4 lines", "1.5 h"
    return answer.text


def _one_line(text: str) -> str:
    """Text with its line breaks as spaces: a row shows one line (the tooltip shows all)."""
    return " ".join(text.split())


def _section_title(section: ChecklistSection) -> str:
    """ "Quality system / 质量管理体系"; the buyer's preparation says it is not scored."""
    if section.preparation:
        return f"{section.title_en} (yours, not scored)\n{section.title_zh}（买方准备，不计分）"
    return f"{section.title_en}\n{section.title_zh}"
