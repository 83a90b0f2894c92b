"""The answers table at one line per item, and the strip under it for the current item.

Issue 14: rows that wrapped the item text and kept room for a remark showed about three items
a screen. Each row is now one line of fixed height (the view elides, the tooltip shows all),
and the strip under the table shows the current item in full and edits its remark, so a
remark takes room only where it is read and typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.audits.checklist import AnswerKind
from app.ui.audits.answers_model import ANSWER, ITEM, PHOTOS, REMARK, VERDICT_KEYS, AnswersModel

ROW_PADDING = 4  # pixels above and below the one line of a row
_WIDTHS = {0: 150, ANSWER: 90, REMARK: 180, PHOTOS: 90}  # the item's text takes the rest


class AnswersView(QTableView):
    """P / F / N answer a pass-fail item and move to the next one; Delete clears it."""

    def __init__(self, model: AnswersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answers = model
        self.setModel(model)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()
        columns = self.horizontalHeader()
        columns.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        for column, width in _WIDTHS.items():
            columns.resizeSection(column, width)

    def _fit_rows(self) -> None:
        """Every row one line of the current font high (no row grows to fit its text)."""
        height = self.fontMetrics().height() + 2 * ROW_PADDING
        rows = self.verticalHeader()
        rows.setMinimumSectionSize(height)
        rows.setDefaultSectionSize(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid() and index.column() == ANSWER:
            item = self.answers.item(index.row())
            key = event.text().lower()
            if item.kind is AnswerKind.PASS_FAIL and key in VERDICT_KEYS:
                self.answers.setData(index, VERDICT_KEYS[key])
                self._next_row(index)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.answers.setData(index, "")
                return
        super().keyPressEvent(event)

    def _next_row(self, index: QModelIndex) -> None:
        if index.row() + 1 < self.answers.rowCount():
            self.setCurrentIndex(self.answers.index(index.row() + 1, index.column()))


class ElidedLines(QLabel):
    """Lines of plain text, each cut to the label's width with "…"; the tooltip has them all."""

    def __init__(self, line_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[str] = []
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Never wider than the window because of a long item; always `line_count` lines high.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(line_count * self.fontMetrics().lineSpacing() + 4)

    def set_lines(self, lines: list[str]) -> None:
        self._lines = lines
        self.setToolTip("\n".join(lines))
        self._elide()

    def full_text(self) -> str:
        return "\n".join(self._lines)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), 1)
        metrics = self.fontMetrics()
        elide = Qt.TextElideMode.ElideRight
        self.setText("\n".join(metrics.elidedText(line, elide, width) for line in self._lines))


class CurrentItem(QWidget):
    """Under the table: the current item's code and whole text, and its remark to edit."""

    def __init__(self, view: AnswersView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._answers = view.answers
        self.item_text = ElidedLines(2)
        self.remark_edit = QLineEdit(
            placeholderText=self.tr("a remark on this item, e.g. only 2 of 3 lines running")
        )
        self.remark_edit.setToolTip(
            self.tr("Stored with the answer when the audit is saved; Enter goes back to the list")
        )
        remark_label = QLabel(self.tr("&Remark"))
        remark_label.setBuddy(self.remark_edit)
        remark_row = QHBoxLayout()
        remark_row.addWidget(remark_label)
        remark_row.addWidget(self.remark_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.item_text)
        layout.addLayout(remark_row)

        view.selectionModel().currentRowChanged.connect(lambda *_: self.show_current())
        self._answers.modelReset.connect(self.show_current)
        self._answers.dataChanged.connect(self._on_data_changed)
        self.remark_edit.textEdited.connect(self._store_remark)
        self.remark_edit.installEventFilter(self)
        self.show_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the remark goes back to the list, and only there: a QLineEdit passes the
        key on, and the dialog would press one of its buttons."""
        if watched is self.remark_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._view.setFocus()
                return True
        return super().eventFilter(watched, event)

    def current_row(self) -> int:
        row = self._view.currentIndex().row()
        return row if 0 <= row < self._answers.rowCount() else -1

    def show_current(self) -> None:
        row = self.current_row()
        self.remark_edit.setEnabled(row >= 0)
        if row < 0:
            self.item_text.set_lines([])
            self.remark_edit.clear()
            return
        item = self._answers.item(row)
        mark = "★ " if item.critical else ""
        self.item_text.set_lines([f"{self._answers.code(row)}  {mark}{item.text_en}", item.text_zh])
        self.remark_edit.setText(self._answers.remark(row))

    def _on_data_changed(
        self, top: QModelIndex | QPersistentModelIndex, bottom: QModelIndex | QPersistentModelIndex
    ) -> None:
        """A remark typed in the table shows here too (not while typed here: the cursor stays)."""
        row = self.current_row()
        if row < 0 or not top.row() <= row <= bottom.row():
            return
        if self.remark_edit.text().strip() != self._answers.remark(row):
            self.remark_edit.setText(self._answers.remark(row))

    def _store_remark(self, text: str) -> None:
        row = self.current_row()
        if row >= 0:
            self._answers.setData(self._answers.index(row, REMARK), text)
