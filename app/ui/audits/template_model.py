"""A checklist template as an editable table: one row per item, its section in the first two
columns. Consecutive rows with the same section titles form one section when saved, so adding,
moving and removing items is editing rows; the service checks the result."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.audits.checklist import (
    AnswerKind,
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
)
from app.domain.matrix.capacity import Dimension

_Index = QModelIndex | QPersistentModelIndex
# Marked for translation here (context "TemplateModel"), translated where shown.
COLUMNS = (
    str(QT_TRANSLATE_NOOP("TemplateModel", "Section")),
    str(QT_TRANSLATE_NOOP("TemplateModel", "Section (中文)")),
    str(QT_TRANSLATE_NOOP("TemplateModel", "Item")),
    str(QT_TRANSLATE_NOOP("TemplateModel", "Item (中文)")),
    str(QT_TRANSLATE_NOOP("TemplateModel", "Answer")),
    str(QT_TRANSLATE_NOOP("TemplateModel", "Unit")),
    str(QT_TRANSLATE_NOOP("TemplateModel", "Critical")),
)
KIND_TEXT = {
    AnswerKind.PASS_FAIL: str(QT_TRANSLATE_NOOP("TemplateModel", "pass/fail")),
    AnswerKind.NUMBER: str(QT_TRANSLATE_NOOP("TemplateModel", "number")),
    AnswerKind.TEXT: str(QT_TRANSLATE_NOOP("TemplateModel", "text")),
}
KIND_COLUMN, UNIT_COLUMN, CRITICAL_COLUMN = 4, 5, 6


@dataclass(frozen=True, slots=True)
class ItemRow:
    section_key: str
    section_en: str
    section_zh: str
    item: ChecklistItem
    preparation: bool = False  # the section is the buyer's preparation (ChecklistSection)


class TemplateModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ItemRow] = []
        self.editable = False
        self.dirty = False

    def set_template(self, template: ChecklistTemplate) -> None:
        self.beginResetModel()
        self.rows = [
            ItemRow(section.key, section.title_en, section.title_zh, item, section.preparation)
            for section in template.sections
            for item in section.items
        ]
        self.editable = not template.read_only
        self.dirty = False
        self.endResetModel()

    def sections(self) -> tuple[ChecklistSection, ...]:
        """Consecutive rows with the same section titles, as sections (for saving)."""
        sections: list[ChecklistSection] = []
        for row in self.rows:
            last = sections[-1] if sections else None
            if last and (last.title_en, last.title_zh) == (row.section_en, row.section_zh):
                sections[-1] = replace(last, items=(*last.items, row.item))
            else:
                sections.append(
                    ChecklistSection(
                        row.section_key,
                        row.section_en,
                        row.section_zh,
                        (row.item,),
                        row.preparation,
                    )
                )
        return tuple(sections)

    # --- Qt's questions ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _translated(COLUMNS[section])
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not (index.isValid() and self.editable):
            return flags
        if index.column() == CRITICAL_COLUMN:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        item, column = row.item, index.column()
        if column == CRITICAL_COLUMN:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if item.critical else Qt.CheckState.Unchecked
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.ToolTipRole and item.capacity_dimension is not None:
                text = self.tr("Feeds the matrix: {dimension} seen at audit.")
                return text.format(dimension=item.capacity_dimension.label)
            return None
        values = (
            row.section_en,
            row.section_zh,
            item.text_en,
            item.text_zh,
            _translated(KIND_TEXT[item.kind]),
            item.unit,
        )
        return values[column]

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (index.isValid() and self.editable):
            return False
        row = self.rows[index.row()]
        item, column = row.item, index.column()
        if column == CRITICAL_COLUMN and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            updated = replace(row, item=replace(item, critical=checked))
        elif role != Qt.ItemDataRole.EditRole:
            return False
        else:
            text = str(value).strip()
            if column == 0:
                updated = replace(row, section_en=text)
            elif column == 1:
                updated = replace(row, section_zh=text)
            elif column == 2:
                updated = replace(row, item=replace(item, text_en=text))
            elif column == 3:
                updated = replace(row, item=replace(item, text_zh=text))
            elif column == KIND_COLUMN:
                kind = next((k for k, t in KIND_TEXT.items() if text in (t, _translated(t))), None)
                if kind is None:
                    return False
                updated = replace(row, item=_with_kind(item, kind))
            else:
                updated = replace(row, item=replace(item, unit=text))
        self.rows[index.row()] = updated
        self.dirty = True
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 6))
        return True

    # --- rows ----------------------------------------------------------------------------
    def add_item(self, after: int) -> int:
        """A new pass/fail item in the same section as row `after` (or a new section)."""
        if self.rows and 0 <= after < len(self.rows):
            like = self.rows[after]
            row = replace(like, item=_new_item())
            position = after + 1
        else:
            row = ItemRow("", "New section", "新部分", _new_item())
            position = len(self.rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, row)
        self.endInsertRows()
        self.dirty = True
        return position

    def remove_item(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.dirty = True

    def move_item(self, row: int, step: int) -> int:
        """Move a row up (-1) or down (+1); it joins the section it lands in."""
        target = row + step
        if not 0 <= target < len(self.rows):
            return row
        self.beginResetModel()
        moving = self.rows.pop(row)
        neighbour = self.rows[target - 1] if step > 0 else self.rows[target]
        self.rows.insert(
            target,
            replace(
                moving,
                section_key=neighbour.section_key,
                section_en=neighbour.section_en,
                section_zh=neighbour.section_zh,
            ),
        )
        self.endResetModel()
        self.dirty = True
        return target


def _translated(text: str) -> str:
    return QCoreApplication.translate("TemplateModel", text)


def _new_item() -> ChecklistItem:
    return ChecklistItem("", "New item", "新项目")


def _with_kind(item: ChecklistItem, kind: AnswerKind) -> ChecklistItem:
    dimension: Dimension | None = item.capacity_dimension if kind is AnswerKind.NUMBER else None
    critical = item.critical and kind is AnswerKind.PASS_FAIL
    return replace(item, kind=kind, capacity_dimension=dimension, critical=critical)
