"""Small widgets of the supplier editor: error label, choice and province combos, list editor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.suppliers.choices import PROVINCES, Choice
from app.ui.suppliers.list_models import ListModel, choice_text
from app.ui.widgets.parsing import DATE_FORMAT_HINT

_Index = QModelIndex | QPersistentModelIndex
ERROR_COLOUR = "#b3261e"
INVALID_BASE = QColor("#fde2e1")
UNKNOWN = "—"  # the entry of an optional choice that is not known yet
MIN_COLUMN_WIDTH = 48
HELP_PROPERTY = "workbenchHelp"


def set_help(field: QWidget, text: str) -> None:
    """A field's tooltip that an error message replaces only while the error shows."""
    field.setProperty(HELP_PROPERTY, text)
    field.setToolTip(text)


class ErrorLabel(QLabel):
    """A red message under a field, hidden while there is none; it also tints the fields."""

    def __init__(self, *fields: QWidget) -> None:
        super().__init__()
        self.fields = fields
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setAccessibleName(self.tr("Error"))
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(f"⚠ {message}" if message else "")
        self.setVisible(bool(message))
        for field in self.fields:
            # The error while there is one, else the field's own help (set_help).
            field.setToolTip(message or str(field.property(HELP_PROPERTY) or ""))
            field.setAccessibleDescription(message)
            if isinstance(field, (QLineEdit, QComboBox)):
                palette = QPalette()  # resolves nothing: the field inherits its usual colours
                if message:
                    palette.setColor(QPalette.ColorRole.Base, INVALID_BASE)
                field.setPalette(palette)

    def message(self) -> str:
        return self.text().removeprefix("⚠ ")


class ChoiceCombo(QComboBox):
    """A fixed list of choices shown as 'English · 中文'; optional ones start with '—' (unknown)."""

    def __init__(self, choices: type[Choice], optional: bool) -> None:
        super().__init__()
        self._choices = choices
        if optional:
            self.addItem(UNKNOWN, None)
        for member in choices:
            self.addItem(choice_text(member), member.value)  # Qt keeps a StrEnum as plain str

    def value(self) -> Any:
        code = self.currentData()
        return None if code is None else self._choices(code)

    def set_value(self, member: Choice | None) -> None:
        found = self.findData(None if member is None else str(member.value))
        self.setCurrentIndex(max(found, 0))


class TriStateCombo(QComboBox):
    """Yes, no, or not known: a fact the buyer may not have checked is never "no" by default."""

    CODES = (("unknown", None), ("yes", True), ("no", False))

    def __init__(self, texts: dict[bool | None, str]) -> None:
        super().__init__()
        for code, value in self.CODES:  # Qt keeps plain strings as item data
            self.addItem(texts[value], code)

    def value(self) -> bool | None:
        return dict(self.CODES)[self.currentData()]

    def set_value(self, value: bool | None) -> None:
        code = next(code for code, known in self.CODES if known is value)
        self.setCurrentIndex(self.findData(code))


class ProvinceCombo(QComboBox):
    """Known provinces shown as '广东 Guangdong' and stored by their Chinese name; others typed."""

    def __init__(self) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for chinese, english in PROVINCES:
            self.addItem(f"{chinese} {english}", chinese)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line_edit = self.lineEdit()  # made by setEditable(True)
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("e.g. 浙江 Zhejiang"))

    def value(self) -> str:
        text = " ".join(self.currentText().split())
        if not text:
            return ""
        wanted = text.lower()
        for chinese, english in PROVINCES:
            names = {
                chinese,
                f"{chinese}省",
                f"{chinese}市",
                english.lower(),
                f"{chinese} {english}".lower(),
            }
            if wanted in names:
                return chinese
        return text

    def set_value(self, province: str) -> None:
        self.setCurrentIndex(self.findData(province) if province else -1)
        if self.currentIndex() < 0:
            self.setEditText(province)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a choice cell with a combo box of 'English · 中文' labels."""

    def __init__(self, choices: type[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        for member in self._choices:
            combo.addItem(choice_text(member), member.value)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """Edits a date cell as yyyy-mm-dd text; empty means no date."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(DATE_FORMAT_HINT)
        return edit

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class FittedTableView(QTableView):
    """A table whose columns share its width, so no column hides off-screen.

    Columns in `fixed_columns` (dates, status) keep the width of their content; the others
    share what is left in proportion to theirs, and elide (the tooltip has the whole text).
    """

    def __init__(self, fixed_columns: set[int] | None = None) -> None:
        super().__init__()
        self.fixed_columns = fixed_columns or set()
        self.horizontalHeader().setStretchLastSection(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        count = header.count()
        available = self.viewport().width()
        if count == 0 or available <= 0:
            return
        widths = [
            max(self.sizeHintForColumn(column), header.sectionSizeHint(column)) + 6
            for column in range(count)
        ]
        flexible = [column for column in range(count) if column not in self.fixed_columns]
        room = available - sum(w for c, w in enumerate(widths) if c in self.fixed_columns)
        wanted = sum(widths[column] for column in flexible)
        if flexible and wanted > room:
            for column in flexible:
                widths[column] = max(MIN_COLUMN_WIDTH, widths[column] * room // wanted)
        spare = available - sum(widths)
        if spare > 0:
            widths[flexible[-1] if flexible else count - 1] += spare
        for column, width in enumerate(widths):
            header.resizeSection(column, width)


@dataclass(frozen=True)
class ListTexts:
    """What a list editor says, each whole (translated where the editor is built)."""

    name: str  # the table's accessible name, e.g. "Contacts"
    add: str  # e.g. "Add contact"
    remove: str  # e.g. "Remove contact"


class ListEditor(QWidget):
    """One list of a supplier: a table over its model, Add and Remove buttons, its errors."""

    def __init__(self, model: ListModel, texts: ListTexts, visible_rows: int = 3) -> None:
        super().__init__()
        self.model = model
        fixed = {n for n, column in enumerate(model.columns) if column.kind in ("date", "status")}
        self.table = FittedTableView(fixed)
        self.table.setObjectName(f"{model.key}Table")
        self.table.setModel(model)
        self.table.setAccessibleName(texts.name)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the form
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rows_height = visible_rows * 24 + header.sizeHint().height() + 4
        self.table.setMinimumHeight(rows_height)
        self.table.setMaximumHeight(rows_height + 2 * 24)
        for number, column in enumerate(model.columns):
            if column.kind == "choice" and column.choice is not None:
                self.table.setItemDelegateForColumn(
                    number, ChoiceDelegate(column.choice, self.table)
                )
            elif column.kind == "date":
                self.table.setItemDelegateForColumn(number, DateDelegate(self.table))

        self.add_button = QPushButton(texts.add)
        self.remove_button = QPushButton(texts.remove)
        self.remove_button.setEnabled(False)
        self.error_label = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        model.modelReset.connect(self._after_reset)
        model.rowsRemoved.connect(self._update_buttons)
        model.rowsInserted.connect(lambda *_: self.table.fit_columns())

    def add_row(self) -> int:
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        return row

    def remove_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.model.removeRows(current.row(), 1)
        self._update_buttons()

    def focus_cell(self, row: int, attr: str) -> None:
        index = self.model.index(row, self.model.column_of(attr))
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _after_reset(self) -> None:
        self.table.fit_columns()
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.table.currentIndex().isValid())
