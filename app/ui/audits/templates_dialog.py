"""Checklist templates: copy the built-in one (or any other) for a product category, then add,
edit, reorder and remove items. The built-in template is shown read-only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.audits.checklist import ChecklistTemplate
from app.services.workbench import Workbench
from app.ui.audits.template_model import TemplateModel
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.operations import attempt

TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplatesDialog(QDialog):
    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Checklist templates"))
        self.workbench = workbench
        self.template: ChecklistTemplate | None = None
        self.list_model = QStandardItemModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.list_model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.copy_button = QPushButton(self.tr("&Copy…"))
        self.copy_button.setToolTip(self.tr("A new template from the selected one, to edit"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_view, 1)
        left_layout.addWidget(self.copy_button)
        left_layout.addWidget(self.delete_button)

        self.name_edit = QLineEdit()
        self.category_edit = QLineEdit(placeholderText=self.tr("e.g. 灯饰 lighting; empty = any"))
        self.read_only_note = QLabel(
            self.tr("The built-in template cannot be changed: copy it first.")
        )
        self.items = TemplateModel(self)
        self.items_view = QTableView()
        self.items_view.setModel(self.items)
        self.items_view.setWordWrap(True)
        self.items_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        for column, width in enumerate((130, 100, 260, 200, 80, 60, 60)):
            self.items_view.setColumnWidth(column, width)
        self.add_button = QPushButton(self.tr("&Add item"))
        self.remove_button = QPushButton(self.tr("&Remove item"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.save_button = QPushButton(self.tr("&Save template"))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Category"), self.category_edit)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.read_only_note)
        right_layout.addWidget(self.items_view, 1)
        right_layout.addWidget(self.message)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([220, 900])
        QVBoxLayout(self).addWidget(splitter)
        self.resize(1150, 700)

        self.list_view.selectionModel().currentChanged.connect(self._on_current)
        self.copy_button.clicked.connect(self.copy_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._load()

    def _load(self, select_id: int | None = None) -> None:
        self.list_model.clear()
        for template in self.workbench.audits.templates():
            label = template.name + (f" ({template.category})" if template.category else "")
            if template.read_only:
                label = self.tr("{template} — built in").format(template=label)
            item = QStandardItem(label)
            item.setData(template.id, TEMPLATE_ROLE)
            self.list_model.appendRow(item)
        row = next(
            (
                r
                for r in range(self.list_model.rowCount())
                if self.list_model.item(r).data(TEMPLATE_ROLE) == select_id
            ),
            0,
        )
        self.template = None
        self.list_view.setCurrentIndex(self.list_model.index(row, 0))

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if not self._confirm_leave():
            self.list_view.selectionModel().blockSignals(True)
            self.list_view.setCurrentIndex(previous)
            self.list_view.selectionModel().blockSignals(False)
            return
        self._show(self.workbench.audits.template(current.data(TEMPLATE_ROLE)))

    def _show(self, template: ChecklistTemplate) -> None:
        self.template = template
        self.items.set_template(template)
        self.name_edit.setText(template.name)
        self.category_edit.setText(template.category)
        editable = not template.read_only
        self.read_only_note.setVisible(not editable)
        for widget in (
            self.name_edit,
            self.category_edit,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.save_button,
            self.delete_button,
        ):
            widget.setEnabled(editable)
        self.message.clear()

    # --- templates -------------------------------------------------------------------------
    def copy_selected(self) -> None:
        if self.template is None or not self._confirm_leave():
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Copy template"),
            self.tr("Name of the new template:"),
            text=self.tr("{template} (copy)").format(template=self.template.name),
        )
        if not ok:
            return
        source_id, category = self.template.id, self.template.category
        copied = self._run(lambda: self.workbench.audits.copy_template(source_id, name, category))
        if copied is not None:
            self._load(select_id=copied.id)

    def delete_selected(self) -> None:
        if self.template is None or self.template.read_only:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete template"),
            self.tr(
                "Delete the template {template}? Audits started from it keep their copy."
            ).format(template=self.template.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            template_id = self.template.id
            if self._run(lambda: self.workbench.audits.delete_template(template_id)) is not None:
                self.items.dirty = False
                self._load()

    def save(self) -> bool:
        if self.template is None or self.template.read_only:
            return True
        edited = replace(
            self.template,
            name=self.name_edit.text(),
            category=self.category_edit.text(),
            sections=self.items.sections(),
        )
        saved = self._run(lambda: self.workbench.audits.save_template(edited))
        if saved is None:
            return False
        self.items.dirty = False
        self._load(select_id=saved.id)
        self.message.setText(
            self.tr("Saved. New audits from this template use it; old audits keep theirs.")
        )
        return True

    # --- items -------------------------------------------------------------------------
    def _current_row(self) -> int:
        return self.items_view.currentIndex().row()

    def _add(self) -> None:
        row = self.items.add_item(self._current_row())
        self.items_view.setCurrentIndex(self.items.index(row, 2))
        self.items_view.edit(self.items.index(row, 2))

    def _remove(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.items.remove_item(row)

    def _move(self, step: int) -> None:
        row = self._current_row()
        if row >= 0:
            moved = self.items.move_item(row, step)
            self.items_view.setCurrentIndex(self.items.index(moved, 2))

    # --- helpers -------------------------------------------------------------------------
    def _run(self, operation: Callable[[], Any]) -> Any:
        """Run one write; a refusal is shown under the table; the result, or None."""
        outcome = attempt(self.workbench, operation)
        if outcome.refusal is not None:
            self.message.setText(f"⚠ {outcome.refusal.text}")
            return None
        return True if outcome.result is None else outcome.result

    def _is_dirty(self) -> bool:
        if self.template is None or self.template.read_only:
            return False
        return self.items.dirty or (
            (self.name_edit.text(), self.category_edit.text())
            != (self.template.name, self.template.category)
        )

    def _confirm_leave(self) -> bool:
        if not self._is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved template"),
            self.tr("Save the changes to this template first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._confirm_leave():
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:
        if self._confirm_leave():
            super().reject()
