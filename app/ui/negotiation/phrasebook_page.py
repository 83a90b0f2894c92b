"""The phrasebook: the built-in glossary of words and phrases a buyer needs on 1688, with the
user's own; search as you type, copy the Chinese to paste into a chat, add and delete your own."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.negotiation.phrasebook import Category
from app.services.negotiation.records import Phrase
from app.ui.negotiation.phrases_model import CHINESE, ENGLISH, PhrasesModel
from app.ui.negotiation.rounds_model import bilingual, table_view
from app.ui.negotiation.worksheet_terms import field_row
from app.ui.widgets.form_parts import error_label


class PhrasebookPage(QWidget):
    add_requested = Signal(str, str, object)  # Chinese, English, Category
    delete_requested = Signal(int)  # the id of one of the user's phrases

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending: tuple[str, str] | None = None  # an added phrase not shown yet
        self.search_edit = QLineEdit(
            placeholderText=self.tr("Chinese, English or a category (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.model = PhrasesModel(self)
        self.view = table_view(self.model, 200)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (CHINESE, ENGLISH):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.copy_button = QPushButton(self.tr("&Copy Chinese"))
        self.delete_button = QPushButton(self.tr("&Delete my phrase"))
        self.delete_button.setToolTip(
            self.tr("Only your own phrases can be deleted; the built-in stay.")
        )
        self.status = QLabel()
        self.chinese_edit = QLineEdit(placeholderText=self.tr("e.g. 可以开发票吗？"))
        self.english_edit = QLineEdit(placeholderText=self.tr("e.g. Can you issue an invoice?"))
        self.category_box = QComboBox()
        for category in Category:
            self.category_box.addItem(bilingual(category), category.value)
        self.add_button = QPushButton(self.tr("&Add phrase"))
        self.field_errors = {key: error_label() for key in ("chinese", "english", "category")}
        self.message = error_label()
        search = QHBoxLayout()
        caption = QLabel(self.tr("&Search"))
        caption.setBuddy(self.search_edit)
        search.addWidget(caption)
        search.addWidget(self.search_edit, 1)
        search.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.delete_button)
        add = QGroupBox(self.tr("Add your own phrase"))
        form = QFormLayout(add)
        chinese = field_row(self.chinese_edit, self.field_errors["chinese"])
        form.addRow(self.tr("Ch&inese 中文"), chinese)
        form.addRow(self.tr("&English"), field_row(self.english_edit, self.field_errors["english"]))
        kind = field_row(self.category_box, self.add_button, self.field_errors["category"])
        form.addRow(self.tr("Ca&tegory"), kind)
        form.addRow(self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(add)
        self.search_edit.textChanged.connect(self._filter)
        self.search_edit.returnPressed.connect(self.view.setFocus)
        self.view.activated.connect(self._copy)  # Enter or double-click
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.copy_button.clicked.connect(lambda: self._copy(self.view.currentIndex()))
        self.delete_button.clicked.connect(self._delete)
        self.add_button.clicked.connect(self._add)
        for edit in (self.chinese_edit, self.english_edit):
            edit.returnPressed.connect(self._add)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self._delete)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.show_phrases(())

    # --- showing -------------------------------------------------------------------------------
    def show_phrases(self, phrases: Sequence[Phrase]) -> None:
        """The glossary (built-in first, then the user's); the search stays as typed."""
        if self._pending and any((p.chinese, p.english) == self._pending for p in phrases):
            self.chinese_edit.clear()  # the phrase just added is in: ready for the next one
            self.english_edit.clear()
            self._pending = None
        self.model.set_phrases(phrases)
        self._shown()

    def show_errors(self, errors: dict[str, str]) -> None:
        for label in self.field_errors.values():
            label.clear()
        unplaced = [m for k, m in errors.items() if k not in self.field_errors]
        for key, message in errors.items():
            if key in self.field_errors:
                self.field_errors[key].setText(f"⚠ {message}")
        self.message.setText("⚠ " + " ".join(unplaced) if unplaced else "")

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._shown()

    def _shown(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.phrases)
        some = self.tr("{shown} of {total}").format(shown=shown, total=total)
        self.count_label.setText(some if shown != total else f"{total}")
        if shown and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        phrase = self.model.phrase_at(self.view.currentIndex().row())
        self.copy_button.setEnabled(phrase is not None)
        self.delete_button.setEnabled(phrase is not None and not phrase.built_in)

    # --- actions -------------------------------------------------------------------------------
    def _copy(self, index: QModelIndex) -> None:
        phrase = self.model.phrase_at(index.row()) if index.isValid() else None
        if phrase is not None:
            QGuiApplication.clipboard().setText(phrase.chinese)
            self.status.setText(self.tr("Copied: {phrase}").format(phrase=phrase.chinese))

    def _delete(self) -> None:
        phrase = self.model.phrase_at(self.view.currentIndex().row())
        if phrase is not None and phrase.id is not None:
            self.delete_requested.emit(phrase.id)

    def _add(self) -> None:
        chinese, english = self.chinese_edit.text().strip(), self.english_edit.text().strip()
        errors = {}
        if not chinese:
            errors["chinese"] = self.tr("Enter the Chinese.")
        if not english:
            errors["english"] = self.tr("Enter the English.")
        self.show_errors(errors)
        if not errors:
            self._pending = (chinese, english)
            self.add_requested.emit(chinese, english, Category(self.category_box.currentData()))

    # --- Ctrl+F searches the phrases while the focus is on this page ---------------------------
    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+F before the tab's own Find shortcut does (it searches the products)."""
        override = event.type() == QEvent.Type.ShortcutOverride
        if (
            override
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Find)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
            return
        super().keyPressEvent(event)
