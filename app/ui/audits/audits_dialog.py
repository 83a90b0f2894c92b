"""A supplier's factory audits: list them, start one from a template, answer it quickly with
the keyboard, see the score, and print or export the checklist. Reads and writes go through
the Workbench's AuditService; this module only arranges widgets and forwards the user's intent.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.audits.checklist import (
    Answer,
    Audit,
    ChecklistTemplate,
    attached_photo_ref,
    audit_result,
    is_planned,
    no_results_reason,
    photo_ref_hash,
    score_audit,
)
from app.errors import WorkbenchError
from app.services.changes import Change
from app.services.workbench import Workbench
from app.ui.audits.audit_form import AuditForm, auditor_text, result_text
from app.ui.audits.checklist_output import export_and_offer_to_open, print_checklist
from app.ui.widgets.form_parts import WARNING_COLOUR, error_label
from app.ui.widgets.operations import Operations
from app.ui.widgets.photo_import import photo_filter, run_import

AUDIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AuditsDialog(QDialog):
    def __init__(
        self,
        workbench: Workbench,
        supplier_id: int,
        parent: QWidget | None = None,
        operations: Operations | None = None,
    ):
        super().__init__(parent)
        self.workbench = workbench
        # The window's bus: a saved audit's capacity reaches the matrix at once.
        self.operations = operations or Operations(workbench, self)
        self.supplier_id = supplier_id
        supplier = workbench.suppliers.get(supplier_id)
        self.supplier_name = supplier.display_name
        self.setWindowTitle(self.tr("Audits — {supplier}").format(supplier=self.supplier_name))
        self._audit: Audit | None = None

        self.template_box = QComboBox()
        self.templates_button = QPushButton(self.tr("&Templates…"))
        self.templates_button.setToolTip(
            self.tr("Copy and edit checklist templates per product category")
        )
        self.new_button = QPushButton(self.tr("&New audit"))
        self.new_button.setToolTip(
            self.tr("Start an audit on a copy of the chosen template (Ctrl+N)")
        )
        self.audit_list = QStandardItemModel(self)
        self.audit_view = QListView()
        self.audit_view.setModel(self.audit_list)
        self.audit_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.delete_button = QPushButton(self.tr("Delete audit…"))
        self.blank_button = QPushButton(self.tr("&Blank checklist…"))
        self.blank_button.setToolTip(
            self.tr("A PDF to hand to an agent: empty fields for any supplier")
        )
        self.supplier_button = QPushButton(self.tr("Checklist for this &supplier…"))
        self.supplier_button.setToolTip(
            self.tr("A PDF with this supplier's details and capacity filled in")
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(f"<b>{self.supplier_name}</b>"))
        left_layout.addWidget(QLabel(self.tr("Template")))
        left_layout.addWidget(self.template_box)
        left_layout.addWidget(self.templates_button)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.audit_view, 1)
        left_layout.addWidget(self.delete_button)
        left_layout.addWidget(self.supplier_button)
        left_layout.addWidget(self.blank_button)

        self.form = AuditForm()
        self.message = error_label()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Store the answers, date, auditor and result (Ctrl+S)"))
        self.preview_button = QPushButton(self.tr("Print pre&view…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.attach_button = QPushButton(self.tr("Attach p&hotos…"))
        self.attach_button.setToolTip(
            self.tr("Photos for the selected item, kept in the photo store")
        )
        buttons = QHBoxLayout()
        for button in (self.save_button, self.preview_button, self.print_button):
            buttons.addWidget(button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.attach_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form, 1)
        right_layout.addWidget(self.message)
        right_layout.addLayout(buttons)

        for button in (*left.findChildren(QPushButton), *right.findChildren(QPushButton)):
            button.setAutoDefault(False)  # Enter ends a field: it pressed Templates… before

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1200, 760)

        self.new_button.clicked.connect(self.new_audit)
        self.templates_button.clicked.connect(self.edit_templates)
        self.delete_button.clicked.connect(self.delete_audit)
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(lambda: self._print(preview=True))
        self.print_button.clicked.connect(lambda: self._print(preview=False))
        self.export_button.clicked.connect(self._export)
        self.attach_button.clicked.connect(self.attach_photos)
        self.blank_button.clicked.connect(lambda: self._export_unfilled(blank=True))
        self.supplier_button.clicked.connect(lambda: self._export_unfilled(blank=False))
        self.audit_view.selectionModel().currentChanged.connect(self._on_current)
        self.form.changed.connect(self._show_score)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_audit)
        self._load_templates()
        self._load_audits()

    # --- loading -----------------------------------------------------------------------
    def _load_templates(self) -> None:
        self.template_box.clear()
        for template in self.workbench.audits.templates():
            suffix = f" ({template.category})" if template.category else ""
            self.template_box.addItem(template.name + suffix, template.id)

    def _load_audits(self, select_id: int | None = None) -> None:
        self.audit_list.clear()
        for audit in self.workbench.audits.audits(self.supplier_id):
            item = QStandardItem(_audit_line(audit, self.workbench.today()))
            item.setData(audit.id, AUDIT_ID_ROLE)
            self.audit_list.appendRow(item)
        has_audits = self.audit_list.rowCount() > 0
        for widget in (
            self.form,
            self.save_button,
            self.delete_button,
            self.export_button,
            self.attach_button,
        ):
            widget.setEnabled(has_audits)
        self.preview_button.setEnabled(has_audits)
        self.print_button.setEnabled(has_audits)
        if not has_audits:
            self._audit = None
            self.form.clear()
            self._say(self.tr("No audits yet: choose a template and press New audit."))
            return
        row = 0
        for index in range(self.audit_list.rowCount()):
            if self.audit_list.item(index).data(AUDIT_ID_ROLE) == select_id:
                row = index
        self.audit_view.setCurrentIndex(self.audit_list.index(row, 0))

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        audit_id = current.data(AUDIT_ID_ROLE)
        if self._audit is not None and self._audit.id == audit_id:
            return
        if not self._confirm_leave():
            self.audit_view.selectionModel().blockSignals(True)
            self.audit_view.setCurrentIndex(previous)
            self.audit_view.selectionModel().blockSignals(False)
            return
        self._show(self.workbench.audits.audit(audit_id))

    def _show(self, audit: Audit) -> None:
        self._audit = audit
        self.form.show_audit(audit)
        self.message.clear()
        self._show_score()

    def _show_score(self) -> None:
        if self._audit is None:
            return
        answers = self.form.answers.answers()
        score = score_audit(self._audit.template, answers)
        self.form.show_score(score)

    def edit_templates(self) -> None:
        from app.ui.audits.templates_dialog import TemplatesDialog

        chosen = self.template_box.currentData()
        TemplatesDialog(self.workbench, self).exec()
        self._load_templates()
        self.template_box.setCurrentIndex(max(self.template_box.findData(chosen), 0))

    # --- writing -----------------------------------------------------------------------
    def new_audit(self) -> None:
        if not self._confirm_leave():
            return
        template_id = self.template_box.currentData()
        audit = self._write(
            lambda: self.workbench.audits.start_audit(self.supplier_id, template_id)
        )
        if audit is not None:
            self._audit = None
            self._load_audits(select_id=audit.id)
            self.form.answers_view.setFocus()
            self.form.answers_view.setCurrentIndex(self.form.answers.index(0, 2))

    def save(self) -> bool:
        if self._audit is None:
            return True
        try:
            header = self.form.header()
        except ValueError as error:
            self._say(str(error), error=True)
            return False
        audits, audit_id = self.workbench.audits, self._audit.id
        assert audit_id is not None

        def write() -> list[Change]:
            return [
                audits.save_answers(audit_id, self.form.answers.answers().values()),
                audits.update_audit(
                    audit_id,
                    audited_on=header.audited_on,
                    auditor=header.auditor,
                    auditor_name=header.auditor_name,
                    notes=header.notes,
                ),
                audits.set_result(audit_id, header.result, header.reason),
            ]

        before = _attached(self._audit.answers.values())
        if self._write(write) is False:
            return False
        self._forget_photos(before - _attached(self.form.answers.answers().values()))
        self._audit = None
        self._load_audits(select_id=audit_id)
        self._say(self.tr("Saved. Capacity seen now shows in the Capacity & Credit matrix."))
        return True

    def attach_photos(self) -> None:
        """Copy photos into the photo store and list them on the selected item's answer."""
        row = self.form.answers_view.currentIndex().row()
        if self._audit is None or row < 0:
            self._say(self.tr("Select the item the photos show first."), error=True)
            return
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos"), str(self.workbench.path.parent), photo_filter()
        )
        if not names:
            return
        report = run_import(self, self.workbench.photos, [Path(n) for n in names])
        if report is None:
            return
        refs = [attached_photo_ref(photo.original_name, photo.hash) for photo in report.photos]
        if refs:
            self.form.answers.attach(row, refs)
        problems = [f"{path.name}: {reason}" for path, reason in report.refused]
        self._say(
            report.summary() + (" — " + "; ".join(problems) if problems else ""),
            error=bool(problems or report.failure),
        )

    def delete_audit(self) -> None:
        if self._audit is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete audit"),
            self.tr(
                "Delete the audit of {date} with its answers and the capacity facts it recorded?"
            ).format(date=self._audit.audited_on),
        )
        if answer == QMessageBox.StandardButton.Yes:
            audit_id = self._audit.id
            assert audit_id is not None  # a listed audit is a stored one
            attached = _attached(self._audit.answers.values())
            if self._write(lambda: self.workbench.audits.delete_audit(audit_id)) is not False:
                self._forget_photos(attached)
                self._audit = None
                self._load_audits()

    def _write(self, operation: Any) -> Any:
        """Run one write; a refusal is shown in the message line, never raised."""
        outcome = self.operations.run(operation)
        if outcome.refusal is not None:
            self._say(outcome.refusal.text, error=True)
            return False
        return True if outcome.result is None else outcome.result

    def _forget_photos(self, hashes: set[str]) -> None:
        """Photo files no audit and no sample shows any more go too: no orphans are left."""
        try:
            self.workbench.photos.forget_unreferenced(hashes)
        except WorkbenchError as error:
            text = self.tr("A photo file could not be removed: {error}").format(error=error)
            self._say(text, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        """One line under the form: a refusal in warning colour with ⚠, news in plain text."""
        self.message.setStyleSheet(f"color: {WARNING_COLOUR}" if error else "")
        self.message.setText(f"⚠ {text}" if error else text)

    def _confirm_leave(self) -> bool:
        if self._audit is None or not self.form.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved answers"),
            self.tr("Save the answers of this audit first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- paper ---------------------------------------------------------------------------
    def _current_for_paper(self) -> Audit | None:
        """The audit as it will print: saved first, so paper and database agree."""
        if self._audit is None or (self.form.is_dirty() and not self.save()):
            return None
        return self._audit

    def _for_paper(self) -> tuple[Audit, Audit | None] | None:
        """(the audit, what prints as results): the audit itself when it has results; for a
        planned one (nothing answered) say so and offer its checklist instead (None as the
        results); None when nothing is to be printed."""
        audit = self._current_for_paper()
        if audit is None:
            return None
        reason = no_results_reason(audit, self.workbench.today())
        if reason is None:
            return audit, audit
        answer = QMessageBox.question(
            self,
            self.tr("No results yet"),
            self.tr("{reason}\n\nPrint the checklist to take to the visit instead?").format(
                reason=reason
            ),
        )
        return (audit, None) if answer == QMessageBox.StandardButton.Yes else None

    def _print(self, *, preview: bool) -> None:
        chosen = self._for_paper()
        if chosen is not None:
            audit, results = chosen
            print_checklist(
                self, self.workbench, audit.template, self.supplier_id, results, preview=preview
            )

    def _export(self) -> None:
        chosen = self._for_paper()
        if chosen is not None:
            audit, results = chosen
            kind = "audit" if results is not None else "checklist"
            name = f"{kind}-{self.supplier_name}-{audit.audited_on}.pdf"
            export_and_offer_to_open(
                self, self.workbench, name, audit.template, self.supplier_id, results
            )

    def _export_unfilled(self, *, blank: bool) -> None:
        template = self._chosen_template()
        supplier_id = None if blank else self.supplier_id
        name = "checklist-blank.pdf" if blank else f"checklist-{self.supplier_name}.pdf"
        export_and_offer_to_open(self, self.workbench, name, template, supplier_id)

    def _chosen_template(self) -> ChecklistTemplate:
        return self.workbench.audits.template(self.template_box.currentData())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._confirm_leave():
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:  # Esc: same question as closing
        if self._confirm_leave():
            super().reject()


def _attached(answers: Iterable[Answer]) -> set[str]:
    return {h for answer in answers for ref in answer.photo_refs if (h := photo_ref_hash(ref))}


def _audit_line(audit: Audit, today: date) -> str:
    """Two lines in the list of audits: when and who, then template, score and result."""
    values = {
        "date": audit.audited_on,
        "auditor": auditor_text(audit.auditor),
        "template": audit.template.name,
    }
    if is_planned(audit, today):
        line = QCoreApplication.translate(
            "AuditsDialog", "{date} · {auditor}\n{template} · planned, nothing answered yet"
        )
        return line.format(**values)
    score = score_audit(audit.template, audit.answers)
    percent = "—" if score.percent is None else f"{score.percent} %"
    if audit.result_override is not None:
        line = QCoreApplication.translate(
            "AuditsDialog", "{date} · {auditor}\n{template} · {percent} · {result} (set by hand)"
        )
    else:
        line = QCoreApplication.translate(
            "AuditsDialog", "{date} · {auditor}\n{template} · {percent} · {result}"
        )
    return line.format(**values, percent=percent, result=result_text(audit_result(audit)))
