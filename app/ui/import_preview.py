"""File ▸ Import suppliers…: read and check the file, show what it would change, write it only
when the user says Import.

The preview shows the counts first (new, updated, unchanged, look-alikes), then a read-only
list by section: each updated supplier with what changes (field: old → new), the look-alikes,
the rows alike, the new and the unchanged rows. Columns the importer does not know are named
("ignored columns: 采购员"), with a box to keep their values in the suppliers' notes instead
(the preview is worked out again with them). Enter imports; Esc cancels and nothing is
written. The main window imports this module on use (it loads openpyxl and the services).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.errors import Cancelled, ImportRejected, WorkbenchError
from app.services.changes import Change
from app.services.suppliers.import_plan import look_alike_text
from app.services.suppliers.importing import apply_import, preview_import
from app.ui.widgets.background import run_with_progress

if TYPE_CHECKING:
    from app.services.suppliers.import_plan import ImportPlan
    from app.services.workbench import Workbench

EXPANDED_NEW_ROWS = 50  # a longer list of new rows starts folded


Replan = Callable[[bool], "ImportPlan"]  # keep unknown columns? -> the plan worked out again


class ImportPreviewDialog(QDialog):
    """What importing a file would do; accepted means "import it" (`plan` is then the plan to
    apply: with the box ticked, the one keeping unknown columns in the notes)."""

    def __init__(
        self, plan: ImportPlan, parent: QWidget | None = None, replan: Replan | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self._replan = replan
        self.setWindowTitle(self.tr("Import {file}").format(file=plan.file_name))
        self.resize(720, 480)
        self.summary = QLabel(_counts_text(plan))
        self.summary.setWordWrap(True)
        self.keep_unknown = QCheckBox(
            self.tr(
                "&Keep the values of these columns in the suppliers' notes (as 'column: value')"
            )
        )
        self.keep_unknown.setChecked(plan.kept_unknown)
        self.keep_unknown.setVisible(bool(plan.unknown_columns) and replan is not None)
        self.keep_unknown.toggled.connect(self._on_keep_unknown)
        self.details = QTreeWidget()
        self.details.setHeaderHidden(True)
        self.details.setRootIsDecorated(True)
        self.details.setUniformRowHeights(True)
        self.details.setAccessibleName(self.tr("What the import changes"))
        _fill(self.details, plan)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setDefault(True)  # Enter imports; Esc is the dialog's reject
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.keep_unknown)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.import_button.setFocus()

    def _on_keep_unknown(self, keep: bool) -> None:
        """Work the preview out again with (or without) the unknown columns in the notes."""
        if self._replan is None:
            return
        try:
            plan = self._replan(keep)
        except WorkbenchError as error:  # e.g. notes grown too long: say so, keep the old plan
            QMessageBox.warning(self, APP_NAME, str(error))
            self.keep_unknown.blockSignals(True)
            self.keep_unknown.setChecked(not keep)
            self.keep_unknown.blockSignals(False)
            return
        self.plan = plan
        self.summary.setText(_counts_text(plan))
        self.details.clear()
        _fill(self.details, plan)

    def section_texts(self) -> list[str]:
        """The top-level lines of the detail list (for tests and screen readers)."""
        items = (self.details.topLevelItem(i) for i in range(self.details.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]


@dataclass(frozen=True)
class ImportOutcome:
    """What an import from the window did: its Change (None: nothing was written) and a
    line for the status bar ("" when a message box has said it already)."""

    change: Change | None = None
    message: str = ""


def import_with_preview(parent: QWidget, workbench: Workbench, path: Path) -> ImportOutcome:
    """Read and check `path` behind a progress dialog, show the preview, and on Import write
    it in one transaction. Problems are shown in message boxes, never raised."""
    try:
        workbench.require_intact()
        plan = run_with_progress(
            parent,
            QCoreApplication.translate("ImportPreviewDialog", "Reading {file}…").format(
                file=path.name
            ),
            lambda _report: preview_import(workbench.suppliers, path),
        )
    except Cancelled:
        return ImportOutcome(message=_cancelled(path))
    except ImportRejected as error:
        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, str(error).split("\n")[0], parent=parent
        )
        problems = QCoreApplication.translate(
            "ImportPreviewDialog", "{count} problem(s); see Details."
        )
        box.setInformativeText(problems.format(count=len(error.problems)))
        box.setDetailedText("\n".join(error.problems))
        box.exec()
        return ImportOutcome()
    except WorkbenchError as error:
        QMessageBox.warning(parent, APP_NAME, str(error))
        return ImportOutcome()

    def replan(keep: bool) -> ImportPlan:
        return preview_import(workbench.suppliers, path, keep_unknown_columns=keep)

    chosen = confirm_import(plan, parent, replan)
    if chosen is None:
        return ImportOutcome(message=_cancelled(path))
    plan = chosen
    if not plan.writes_anything:
        nothing = QCoreApplication.translate(
            "ImportPreviewDialog", "{file}: {summary}; nothing to import"
        )
        return ImportOutcome(message=nothing.format(file=path.name, summary=plan.summary()))
    written: list[Change] = []  # a Cancel pressed during the one commit comes after it
    try:
        run_with_progress(
            parent,
            QCoreApplication.translate("ImportPreviewDialog", "Importing {file}…").format(
                file=path.name
            ),
            lambda _report: written.append(apply_import(workbench.suppliers, plan)),
        )
    except Cancelled:
        pass
    except WorkbenchError as error:
        QMessageBox.warning(parent, APP_NAME, str(error))
        return ImportOutcome()
    change = written[0] if written else None
    imported = QCoreApplication.translate("ImportPreviewDialog", "Imported {file}: {summary}")
    return ImportOutcome(change, imported.format(file=path.name, summary=plan.summary()))


def _cancelled(path: Path) -> str:
    text = QCoreApplication.translate(
        "ImportPreviewDialog", "Cancelled: nothing of {file} was imported"
    )
    return text.format(file=path.name)


def confirm_import(
    plan: ImportPlan, parent: QWidget | None, replan: Replan | None = None
) -> ImportPlan | None:
    """Show the preview; the plan to apply when the user chose Import, else None."""
    dialog = ImportPreviewDialog(plan, parent, replan)
    try:
        return dialog.plan if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def _counts_text(plan: ImportPlan) -> str:
    counts = QCoreApplication.translate(
        "ImportPreviewDialog", "{new} new, {updated} updated, {unchanged} unchanged."
    )
    counts = counts.format(
        new=len(plan.new), updated=len(plan.updated), unchanged=len(plan.unchanged)
    )
    alike = len(plan.look_alikes)
    if alike == 1:
        counts += " " + QCoreApplication.translate(
            "ImportPreviewDialog",
            "{count} of the new looks like an existing supplier (imported as new all the same).",
        ).format(count=alike)
    elif alike:
        counts += " " + QCoreApplication.translate(
            "ImportPreviewDialog",
            "{count} of the new look like an existing supplier (imported as new all the same).",
        ).format(count=alike)
    if not plan.writes_anything:
        counts += " " + QCoreApplication.translate(
            "ImportPreviewDialog", "Importing would change nothing."
        )
    if plan.unknown_columns:
        unknown = plan.unknown_text()  # the service's words (English)
        counts += f"\n{unknown[:1].upper()}{unknown[1:]}."
    question = QCoreApplication.translate("ImportPreviewDialog", "Import {file}?\n{counts}")
    return question.format(file=plan.file_name, counts=counts)


def _fill(tree: QTreeWidget, plan: ImportPlan) -> None:
    """One section per kind of row; the sections that matter open, the unchanged closed."""
    if plan.updated:
        title = QCoreApplication.translate("ImportPreviewDialog", "Updated ({count})")
        section = _section(tree, title.format(count=len(plan.updated)))
        for row in plan.updated:
            item = QTreeWidgetItem(section, [_row_text(row.row, row.name, row.reason)])
            for change in row.changes:
                QTreeWidgetItem(item, [change.text])
            item.setExpanded(True)
        section.setExpanded(True)
    if plan.look_alikes:
        title = QCoreApplication.translate(
            "ImportPreviewDialog", "Looks like an existing supplier ({count})"
        )
        section = _section(tree, title.format(count=len(plan.look_alikes)))
        for new_row in plan.look_alikes:
            QTreeWidgetItem(section, [look_alike_text(new_row)])
        section.setExpanded(True)
    if plan.rows_alike:
        title = QCoreApplication.translate(
            "ImportPreviewDialog", "Rows that match each other ({count})"
        )
        section = _section(tree, title.format(count=len(plan.rows_alike)))
        for text in plan.rows_alike:
            QTreeWidgetItem(section, [text])
        section.setExpanded(True)
    if plan.new:
        title = QCoreApplication.translate("ImportPreviewDialog", "New ({count})")
        section = _section(tree, title.format(count=len(plan.new)))
        for new_row in plan.new:
            QTreeWidgetItem(section, [_row_text(new_row.row, new_row.name)])
        section.setExpanded(len(plan.new) <= EXPANDED_NEW_ROWS)
    if plan.unchanged:
        title = QCoreApplication.translate("ImportPreviewDialog", "Unchanged ({count})")
        section = _section(tree, title.format(count=len(plan.unchanged)))
        for row in plan.unchanged:
            QTreeWidgetItem(section, [_row_text(row.row, row.name, row.reason)])


def _row_text(number: int, name: str, reason: str = "") -> str:
    """'row 3 甲厂 (matched by shop URL)': the reason is the service's words."""
    if reason:
        text = QCoreApplication.translate("ImportPreviewDialog", "row {row} {name} ({reason})")
    else:
        text = QCoreApplication.translate("ImportPreviewDialog", "row {row} {name}")
    return text.format(row=number, name=name, reason=reason)


def _section(tree: QTreeWidget, title: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem(tree, [title])
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    return item
