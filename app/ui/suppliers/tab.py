"""The Suppliers tab's behaviour: loading, filtering, selecting, saving, deleting, editing many
at once, and undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from app.domain.suppliers.supplier import Supplier
from app.errors import DatabaseCorrupt, ValidationError, WorkbenchError
from app.services.changes import Change, Topic
from app.services.exporting import ExportRequest
from app.services.suppliers.dependent_counts import DependentCounts
from app.services.suppliers.listing import SupplierFilter, load_supplier_list
from app.services.workbench import Workbench
from app.ui.settings import SUPPLIERS_HEADER, SUPPLIERS_SPLITTER, Settings
from app.ui.suppliers.bulk_edit_dialog import ask_bulk_edit
from app.ui.suppliers.delete_question import MAX_NAMES, confirm_delete
from app.ui.suppliers.list_loader import SupplierListLoader
from app.ui.suppliers.tab_view import SuppliersTabView
from app.ui.suppliers.table_model import COLUMNS, SupplierTableModel, column_title
from app.ui.suppliers.undo import UndoStep, undo_bulk_edit_step, undo_delete_step
from app.ui.widgets.operations import Operations

FIRST_SCREEN_ROWS = 200  # shown at once; the rest arrives from a worker thread
MAX_ROWS_BY_ID = 500  # more changed rows than this are re-read all at once


class SuppliersTab(SuppliersTabView):
    """Emits `message` for the status bar, `audits_requested(supplier id)`, and from its empty
    state `import_requested` and `demo_requested` (the window's own commands); follows every
    Change on the window's Operations bus (its own writes included)."""

    message = Signal(str)
    audits_requested = Signal(int)
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(
        self,
        workbench: Workbench,
        settings: Settings,
        operations: Operations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workbench.today, parent)
        self.workbench = workbench
        self.settings = settings
        self.operations = operations or Operations(workbench, self)
        self.operations.changed.connect(self.apply_change)
        self.model = SupplierTableModel(workbench.today, self)
        self.table.setModel(self.model)
        self._current_id: int | None = None
        self._undo: UndoStep | None = None
        self._loader: SupplierListLoader | None = None
        self._loading = False
        self._changes_while_loading: list[Change] = []
        self._restore_layout()
        self.filter_bar.use_saved_views(self, settings, self.table)
        self._connect()
        self._update_actions()

    # --- start-up ------------------------------------------------------------------------
    def load_first_screen(self) -> None:
        """Show the first rows at once (sqlite3 only), then load the rest off the GUI thread."""
        try:
            first_rows = load_supplier_list(self.workbench.path, limit=FIRST_SCREEN_ROWS)
        except DatabaseCorrupt as error:  # the window's integrity check explains it in full
            self.message.emit(str(error))
            return
        except WorkbenchError as error:
            self._show_error(str(error))
            return
        self.model.set_items(first_rows)
        self._after_rows_changed()
        if self.model.total >= FIRST_SCREEN_ROWS:
            self.message.emit(self.tr("Loading suppliers…"))
            self._loader = SupplierListLoader(self.workbench.path, self)
            self._loader.loaded.connect(self._on_all_loaded)
            self._loader.failed.connect(self._show_error)
            self._loading = True
            self._loader.start()

    def wait_until_loaded(self) -> None:
        """Block until the full list is in the model (for closing, switching files, scripts)."""
        if self._loader is not None:
            self._loader.wait()
            QCoreApplication.sendPostedEvents(self)  # deliver the queued `loaded` signal

    def _on_all_loaded(self, items: list) -> None:
        self._loading = False
        self.model.set_items(items)
        # The worker read the file before any edit made meanwhile: apply those edits again.
        pending, self._changes_while_loading = self._changes_while_loading, []
        for change in pending:
            self._refresh_rows(change)
        self._after_rows_changed()
        total = f"{self.model.total:,}"
        self.message.emit(self.tr("{count} suppliers loaded").format(count=total))

    def _connect(self) -> None:
        self.filter_bar.changed.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.editor.saveRequested.connect(self.save)
        self.editor.revertRequested.connect(self._revert)
        self.editor.dirtyChanged.connect(self._update_actions)
        self.new_action.triggered.connect(self.new_supplier)
        self.duplicate_action.triggered.connect(self.duplicate_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.undo_action.triggered.connect(self.undo_last)
        self.bulk_edit_action.triggered.connect(self.bulk_edit_selected)
        self.import_action.triggered.connect(self.import_requested)
        self.demo_action.triggered.connect(self.demo_requested)
        self.find_action.triggered.connect(self.filter_bar.focus_text)
        self.audits_action.triggered.connect(self.open_audits)

    # --- filtering and selection --------------------------------------------------------
    def _apply_filter(self, wanted: SupplierFilter) -> None:
        self.model.set_filter(wanted)
        self._after_rows_changed()

    def _after_rows_changed(self) -> None:
        """Keep the count right and the edited supplier selected after the rows were reset."""
        self.filter_bar.show_count(self.model.rowCount(), self.model.total)
        # No supplier at all (not: none passes the filter): say what the tab is for.
        self.empty_switch.set_empty(self.model.total == 0)
        if self._current_id is not None:
            self._select_id(self._current_id)
        self._update_actions()

    def _select_id(self, supplier_id: int) -> None:
        row = self.model.row_of(supplier_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.scrollTo(index)
        self.table.viewport().update()

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        supplier_id = self.model.supplier_id(current.row())
        if supplier_id == self._current_id:
            return
        if not self.confirm_leave_editor():
            QTimer.singleShot(
                0, lambda: self._select_id(self._current_id) if self._current_id else None
            )
            return
        self.show_supplier(supplier_id)

    def show_supplier(self, supplier_id: int) -> None:
        try:
            record = self.workbench.suppliers.get(supplier_id)
        except WorkbenchError as error:
            self._show_error(str(error))
            return
        self._current_id = supplier_id
        self.editor.set_supplier(record)
        self._update_actions()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.supplier_id(row) for row in rows]

    def shown_ids(self) -> list[int]:
        """The suppliers the table shows, in its order (what 'export' writes)."""
        return self.model.visible_ids()

    # --- editing --------------------------------------------------------------------------
    def confirm_leave_editor(self) -> bool:
        """Ask before unsaved edits are lost: Save, Discard or Cancel. True = go on."""
        if not self.editor.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("This supplier has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_supplier(self) -> None:
        if not self.confirm_leave_editor():
            return
        self._current_id = None
        self.table.clearSelection()
        self.editor.set_supplier(Supplier())
        self.editor.setFocus()
        self.message.emit(self.tr("New supplier: fill in a name and press Save (Ctrl+S)"))
        self._update_actions()

    def save(self) -> bool:
        """Validate and store the editor's record. True when it was saved."""
        try:
            record = self.editor.supplier()
        except ValidationError as error:
            self.editor.show_errors(error.field_errors)
            self.message.emit(self.tr("Not saved: fix the fields marked in red"))
            return False
        try:
            if record.id is None and not self._accept_look_alikes(record):
                return False
        except WorkbenchError as error:
            self._show_error(str(error))
            return False
        outcome = self.operations.run(lambda: self.workbench.suppliers.save(record))
        if outcome.refusal is not None:
            if outcome.refusal.field_errors:
                self.editor.show_errors(outcome.refusal.field_errors)
            else:
                self._show_error(outcome.refusal.text)
            return False
        change: Change = outcome.result
        self._current_id = change.touched[0]
        self._select_id(self._current_id)
        self.show_supplier(self._current_id)
        self.message.emit(self.tr("Saved {name}").format(name=record.display_name))
        return True

    def _accept_look_alikes(self, record: Supplier) -> bool:
        look_alikes = self.workbench.suppliers.look_alikes(record)
        if not look_alikes:
            return True
        lines = "\n".join(f"• {other.name} ({other.reason})" for other in look_alikes[:5])
        answer = QMessageBox.warning(
            self,
            self.tr("Possible duplicate"),
            self.tr(
                "This supplier looks like one you already have:\n\n{suppliers}\n\nSave it anyway?"
            ).format(suppliers=lines),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _revert(self) -> None:
        if self._current_id is None:
            self.editor.set_supplier(None)
        else:
            self.show_supplier(self._current_id)

    def duplicate_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or not self.confirm_leave_editor():
            return
        change = self._write(lambda: self.workbench.suppliers.duplicate(ids[0]))
        if change is None:
            return
        self._current_id = change.created[0]
        self._select_id(self._current_id)
        self.show_supplier(self._current_id)
        self.message.emit(self.tr("Duplicated: edit the copy and save"))

    def open_audits(self) -> None:
        """Ask the window for the selected supplier's factory audits."""
        ids = self.selected_ids()
        if len(ids) == 1 and self.confirm_leave_editor():
            self.audits_requested.emit(ids[0])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:  # what goes with them, so the question can say it: "and its 3 samples, 12 photos"
            counts = sum(self.workbench.suppliers.dependent_counts(ids).values(), DependentCounts())
        except WorkbenchError as error:
            self._show_error(str(error))
            return
        names = [self.model.name_of(supplier_id) for supplier_id in ids[:MAX_NAMES]]
        if not confirm_delete(self, names, len(ids), counts):
            return
        change = self._write(lambda: self.workbench.suppliers.delete(ids))
        if change is None:
            return
        self._undo = undo_delete_step(self.workbench.suppliers, change)
        self._update_actions()
        deleted = self.tr("Deleted {count} supplier(s). Undo with Ctrl+Z")
        self.message.emit(deleted.format(count=len(change.deleted)))

    def bulk_edit_selected(self) -> None:
        """Set a status, a membership level or new tags on every selected supplier, as one
        step that Ctrl+Z takes back whole."""
        ids = self.selected_ids()
        if not ids or not self.confirm_leave_editor():
            return
        names = [self.model.name_of(supplier_id) for supplier_id in ids[:MAX_NAMES]]
        edit = ask_bulk_edit(names, len(ids), self)
        if edit is None:
            return
        outcome = self.operations.run(lambda: self.workbench.suppliers.bulk_edit(ids, edit))
        if outcome.refusal is not None:
            self._show_error(outcome.refusal.text)
            return
        change, before = outcome.result
        self._after_edit_of(change)
        if not change.updated:
            self.message.emit(self.tr("Nothing changed: the suppliers already had those values"))
            return
        self._undo = undo_bulk_edit_step(self.workbench.suppliers, before)
        self._update_actions()
        edited = self.tr("Edited {count} supplier(s). Undo with Ctrl+Z")
        self.message.emit(edited.format(count=len(change.updated)))

    def undo_last(self) -> None:
        """Ctrl+Z: take back the last delete or bulk edit."""
        step = self._undo
        if step is None or (self._current_id in step.rewrites and not self.confirm_leave_editor()):
            return
        change = self._write(step.run)
        if change is None:
            return
        self._undo = None
        self._after_edit_of(change)
        self._update_actions()
        self.message.emit(step.done.format(count=len(change.touched)))

    undo_delete = undo_last  # the name from before bulk edits could be undone

    def _after_edit_of(self, change: Change) -> None:
        """The editor shows the stored record again when a write changed its supplier."""
        if self._current_id is not None and self._current_id in change.updated:
            self.show_supplier(self._current_id)

    def _write(self, operation: Callable[[], Change]) -> Change | None:
        """Run one write through the window's operations; a refusal is shown, not raised."""
        outcome = self.operations.run(operation)
        if outcome.refusal is not None:
            self._show_error(outcome.refusal.text)
            return None
        result: Change = outcome.result
        return result

    def apply_change(self, change: Change) -> None:
        """Any write (here, an import, another tab): refresh only the rows it touched."""
        if change.topic is not Topic.SUPPLIERS:
            return
        if self._loading:
            self._changes_while_loading.append(change)
        if self._current_id in change.deleted:
            self._current_id = None
            self.editor.set_supplier(None)
        self._refresh_rows(change)
        self._after_rows_changed()

    # --- the tab protocol ----------------------------------------------------------------
    def edit_actions(self) -> list[QAction | None]:
        return [
            self.new_action,
            self.duplicate_action,
            self.bulk_edit_action,
            self.delete_action,
            self.undo_action,
            None,
            self.audits_action,
            None,
            self.find_action,
        ]

    def export_request(self) -> ExportRequest:
        return ExportRequest("suppliers", ids=self.shown_ids())

    def confirm_leave(self) -> bool:
        return self.confirm_leave_editor()

    def leave(self) -> None:
        self.save_layout()
        self.wait_until_loaded()

    def _refresh_rows(self, change: Change) -> None:
        if change.deleted:
            self.model.remove(list(change.deleted))
        if len(change.touched) > MAX_ROWS_BY_ID:  # a big import: one read of everything
            self.model.set_items(load_supplier_list(self.workbench.path))
        elif change.touched:
            self.model.upsert(load_supplier_list(self.workbench.path, ids=change.touched))

    def _update_actions(self) -> None:
        selected = (
            len(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else 0
        )
        self.duplicate_action.setEnabled(selected == 1)
        self.audits_action.setEnabled(selected == 1)
        self.delete_action.setEnabled(selected > 0)
        self.bulk_edit_action.setEnabled(selected > 0)
        self.undo_action.setEnabled(self._undo is not None)
        if self._undo is not None:
            self.undo_action.setText(self._undo.text)

    # --- layout memory --------------------------------------------------------------------
    def _column_menu(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for section, column in enumerate(COLUMNS):
            action = menu.addAction(column_title(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.setEnabled(section != 0)  # the name column always stays
            action.toggled.connect(lambda shown, s=section: header.setSectionHidden(s, not shown))
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self.apply_default_widths)
        menu.exec(header.mapToGlobal(position))

    def _restore_layout(self) -> None:
        self.apply_default_widths()
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        state = self.settings.get(SUPPLIERS_HEADER)
        if state is None or not header.restoreState(state):
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        splitter = self.settings.get(SUPPLIERS_SPLITTER)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.set(SUPPLIERS_HEADER, self.table.horizontalHeader().saveState())
        self.settings.set(SUPPLIERS_SPLITTER, self.splitter.saveState())

    def _show_error(self, text: str) -> None:
        QMessageBox.warning(self, "Sourcing Workbench", text)
