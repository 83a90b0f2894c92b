"""The matrix's Qt model: adapts a MatrixTable (graded, ranked, filtered, sorted rows) for views.

Capacity cells are editable in place: the model parses the text and hands the new value to the
tab (`capacity_edited`); the tab stores it and puts the re-graded row back with `upsert`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.domain.matrix.capacity import Grade
from app.domain.matrix.rows import MatrixRow
from app.domain.matrix.scoring import Level, LevelThresholds, Weights
from app.domain.suppliers.choices import PROVINCES
from app.ui.i18n import label_of
from app.ui.matrix import palette
from app.ui.matrix.credit_form import credit_explanation
from app.ui.matrix.legend import term
from app.ui.matrix.table_state import (
    MATRIX_COLUMNS,
    MatrixColumn,
    MatrixFilter,
    MatrixTable,
    credit_text,
    format_number,
)

_Index = QModelIndex | QPersistentModelIndex
_PROVINCE_EN = dict(PROVINCES)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class MatrixModel(QAbstractTableModel):
    capacity_edited = Signal(int, object, object)  # supplier id, Dimension, Decimal | None
    edit_refused = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = MatrixTable()

    # --- Qt's questions ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MATRIX_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = MATRIX_COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.criterion is not None:
                weight = getattr(self.table.weights, column.criterion.value)
                return f"{term(column.title)} {format_number(weight)} %"
            return _title(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _header_tooltip(column)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and MATRIX_COLUMNS[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.table.row_at(index.row())
        column = MATRIX_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column.dimension is not None:
                return format_number(row.capacity[column.dimension].value).replace(",", "")
            return self._text(row, column)
        if role == ID_ROLE:
            return row.supplier_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = self._colours(row, column)
            if colours is None:
                return None
            return QColor(colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in ("score", "weighted", "rank"):
                return _RIGHT
            if column.kind in ("level", "credit"):
                return _CENTER
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = MATRIX_COLUMNS[index.column()] if index.isValid() else None
        if column is None or column.dimension is None or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip().replace(",", "").replace("，", "")
        if text == format_number(
            self.table.row_at(index.row()).capacity[column.dimension].value
        ).replace(",", ""):
            return False  # unchanged: nothing to store
        dimension = term(column.dimension.label)
        if not text:
            self.edit_refused.emit(
                self.tr(
                    "{dimension}: to forget a value, delete its fact in the side panel."
                ).format(dimension=dimension)
            )
            return False
        try:
            number = Decimal(text)
        except InvalidOperation:
            self.edit_refused.emit(
                self.tr("{dimension}: '{value}' is not a number; nothing was changed.").format(
                    dimension=dimension, value=value
                )
            )
            return False
        supplier_id = self.table.row_at(index.row()).supplier_id
        self.capacity_edited.emit(supplier_id, column.dimension, number)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.table.set_sort(MATRIX_COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    # --- what the tab asks ---------------------------------------------------------------
    def supplier_id(self, row: int) -> int:
        return self.table.row_at(row).supplier_id

    def row_of(self, supplier_id: int) -> int | None:
        return self.table.visible_row_of(supplier_id)

    def matrix_row(self, supplier_id: int) -> MatrixRow | None:
        row = self.table.visible_row_of(supplier_id)
        return None if row is None else self.table.row_at(row)

    # --- changes -------------------------------------------------------------------------
    def set_rows(self, rows: list[MatrixRow]) -> None:
        self._reset(lambda: self.table.set_rows(rows))

    def upsert(self, rows: list[MatrixRow]) -> None:
        self._relayout(lambda: self.table.upsert(rows))

    def remove(self, supplier_ids: list[int]) -> None:
        self._reset(lambda: self.table.remove(supplier_ids))

    def set_filter(self, wanted: MatrixFilter) -> None:
        self._reset(lambda: self.table.set_filter(wanted))

    def set_weights(self, weights: Weights, thresholds: LevelThresholds | None = None) -> None:
        self._relayout(lambda: self.table.set_weights(weights, thresholds))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(MATRIX_COLUMNS) - 1)

    def _reset(self, change: Any) -> None:
        self.beginResetModel()
        change()
        self.endResetModel()

    def _relayout(self, change: Any) -> None:
        # Rows move (re-rank) but stay the same rows: keep the selection and the current cell.
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [
            self.table.row_at(i.row()).supplier_id if i.row() < len(self.table) else None
            for i in before
        ]
        change()
        after = []
        for index, supplier_id in zip(before, ids, strict=True):
            row = None if supplier_id is None else self.table.visible_row_of(supplier_id)
            after.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # --- cells ---------------------------------------------------------------------------
    def _text(self, row: MatrixRow, column: MatrixColumn) -> str:
        kind = column.kind
        if kind == "name":
            if row.name_zh and row.name_en:
                return f"{row.name_zh}\n{row.name_en}"
            return row.display_name
        if column.key == "province":
            return f"{row.province} {_PROVINCE_EN.get(row.province, '')}".strip()
        if column.key == "status":
            return label_of(row.status)
        if column.key == "period":
            return row.period or "—"
        if column.dimension is not None:
            cell = row.capacity[column.dimension]
            if cell.grade is Grade.NOT_APPLICABLE:
                return self.tr("n/a\n(trading company)")
            if cell.value is None:
                return term("unknown")
            flag = "⚠ " if cell.warning else ""
            return f"{flag}{term(cell.grade.value)}\n{format_number(cell.value)}"
        if kind == "credit":
            return credit_text(row)
        if column.criterion is not None:
            value = getattr(row.scores, column.criterion.value)
            return "—" if value is None else format_number(value)
        ranked = self.table.ranked(row)
        if kind == "weighted":
            return "—" if ranked.score is None else f"{ranked.score:.1f}"
        if kind == "level":
            if ranked.level is Level.INCOMPLETE:  # what is missing, by initial: Q, D, S, C
                missing = ", ".join(term(c.label)[0] for c in ranked.missing)
                return self.tr("incomplete\nmissing {criteria}").format(criteria=missing)
            return term(ranked.level.value)  # A-D as they are; "unknown" in words
        return "" if ranked.rank is None else str(ranked.rank)

    def _tooltip(self, row: MatrixRow, column: MatrixColumn) -> str | None:
        if column.dimension is not None:
            tooltip = row.capacity[column.dimension].tooltip
            return tooltip + "\n" + self.tr("Double-click or F2 to edit.")
        if column.kind == "credit":
            return credit_explanation(row.credit)
        if column.kind in ("score", "weighted", "level", "rank"):
            return self.table.score_tooltip(row)
        if column.kind == "name":
            if not row.tags:
                return row.display_name
            tags = self.tr("Categories: {tags}").format(tags=", ".join(row.tags))
            return f"{row.display_name}\n{tags}"
        return None

    def _colours(self, row: MatrixRow, column: MatrixColumn) -> tuple[str, str] | None:
        if column.dimension is not None:
            return palette.grade_colours(row.capacity[column.dimension].grade)
        if column.kind == "credit":
            return palette.rating_colours(row.credit.effective)
        if column.kind == "level":
            return palette.level_colours(self.table.ranked(row).level)
        return None


def _title(column: MatrixColumn) -> str:
    if column.criterion is not None:
        return term(column.title)
    return QCoreApplication.translate("MatrixModel", column.title)


def _header_tooltip(column: MatrixColumn) -> str:
    if column.dimension is not None:
        from app.domain.matrix.capacity import grade_legend

        lines = [f"{term(grade.value)}: {text}" for grade, text in grade_legend(column.dimension)]
        graded = QCoreApplication.translate("MatrixModel", "{dimension}, graded:")
        return graded.format(dimension=term(column.dimension.label)) + "\n" + "\n".join(lines)
    if column.criterion is not None:
        covers = QCoreApplication.translate(
            "MatrixModel", "{criterion} covers {covers}. Score 0-100."
        )
        return covers.format(
            criterion=term(column.criterion.label), covers=term(column.criterion.covers)
        )
    tooltips = {
        "credit": QCoreApplication.translate(
            "MatrixModel",
            "Credit rating AAA-C: the rule's suggestion, or your manual rating with reason.",
        ),
        "weighted": QCoreApplication.translate(
            "MatrixModel",
            "Weighted score: the scores times your weights, over the scores present.",
        ),
        "level": QCoreApplication.translate(
            "MatrixModel",
            "Level A-D from the weighted score and your thresholds; incomplete while the "
            "scored criteria carry under the share of the weight set on the Weights tab.",
        ),
        "rank": QCoreApplication.translate(
            "MatrixModel", "Rank by weighted score; equal scores share a rank."
        ),
    }
    return tooltips.get(column.key, _title(column))
