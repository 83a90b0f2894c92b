"""The Samples tab's behaviour: products and their samples, a sample's details and gallery,
and the side-by-side comparison with its own export. Reads and writes go through the
Workbench's SampleService and the PhotoStore beside the database; widgets hold no SQL. The
gallery's behaviour, photos on a new sample before its first save included, is in
app.ui.samples.tab_photos."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.domain.samples.sample import Product, Sample, SamplePhoto
from app.errors import WorkbenchError
from app.services.changes import Change
from app.services.exporting import ExportRequest
from app.services.workbench import Workbench
from app.ui.samples.lists import ID_ROLE, alters_products
from app.ui.samples.tab_photos import GalleryActions
from app.ui.samples.tab_view import SamplesTabView
from app.ui.widgets.operations import Operations

MAX_COMPARED = 5
# The save dialog's filters (the patterns stay as they are in any language).
_XLSX = str(QT_TRANSLATE_NOOP("SamplesTab", "Excel workbook (*.xlsx)"))
_PDF = str(QT_TRANSLATE_NOOP("SamplesTab", "PDF (*.pdf)"))
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|]+')


def _file_name(text: str) -> str:
    """A product's name as a file name: characters Windows refuses become spaces."""
    return " ".join(_NOT_IN_FILE_NAMES.sub(" ", text).split()) or "samples"


class SamplesTab(GalleryActions, SamplesTabView):
    """Emits `message` for the status bar; follows every Change on the window's Operations bus
    (suppliers added, renamed or deleted elsewhere reach its picker and lists at once)."""

    message = Signal(str)

    def __init__(
        self,
        workbench: Workbench,
        operations: Operations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.operations = operations or Operations(workbench, self)
        self.operations.changed.connect(self.apply_change)
        self._product_id: int | None = None
        self._sample: Sample | None = None
        self._loaded = False
        self._writing = False  # a write of this tab's own is running (it refreshes itself)
        self._gallery_model: Any = None
        self._waiting: list[SamplePhoto] = []  # given to a new sample before its first save
        self.sample_form.today = workbench.today
        self._connect()

    # --- loading -------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Products, suppliers for the form, and the chosen product's samples (small lists)."""
        from app.services.suppliers.listing import supplier_choices

        self._loaded = True
        try:
            suppliers = supplier_choices(self.workbench.path)
            products = self.service.products()
        except WorkbenchError as error:
            self._say(str(error))
            return
        self.sample_form.set_suppliers(suppliers)
        self.products.set_rows(products)
        self.empty_switch.set_empty(not products)
        if self._product_id is not None and self.products.row_of(self._product_id) is not None:
            self._select(self.products_view, self.products_proxy, self.products, self._product_id)
        elif products:
            self.products_view.selectRow(0)
        else:
            self._show_product(None)

    def _connect(self) -> None:
        self.products_view.selectionModel().currentRowChanged.connect(self._on_product)
        self.samples_view.selectionModel().currentRowChanged.connect(self._on_sample)
        self.samples_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_sample_action.triggered.connect(self.new_sample)
        self.new_product_action.triggered.connect(self.new_product)
        self.delete_sample_action.triggered.connect(self.delete_sample)
        self.compare_action.triggered.connect(self.compare_selected)
        self.new_product_button.clicked.connect(self.new_product)
        self.delete_product_button.clicked.connect(self.delete_product)
        self.new_sample_button.clicked.connect(self.new_sample)
        self.delete_sample_button.clicked.connect(self.delete_sample)
        self.compare_button.clicked.connect(self.compare_selected)
        self.sample_form.save_requested.connect(self.save_sample)
        self.sample_form.revert_requested.connect(lambda: self._show_sample(self._sample))
        self.sample_form.golden_requested.connect(lambda: self.make_golden(self._sample_id()))
        self.product_form.save_requested.connect(self.save_product)
        self.product_form.revert_requested.connect(lambda: self._show_product(self._product_id))
        self.compare_view.golden_requested.connect(self.make_golden)
        self.compare_view.open_photo.connect(self._open_compared_photo)
        self.compare_view.export_requested.connect(self.export_comparison)
        self.import_button.clicked.connect(self.import_photos_dialog)
        self.gallery.import_requested.connect(self.import_photos)
        self.gallery.open_requested.connect(self.open_photo)
        self.gallery.remove_requested.connect(self.remove_photos)
        self.angle_filter.currentIndexChanged.connect(self._filter_gallery)
        self.apply_photo_button.clicked.connect(self.update_current_photo)

    def _select(self, view: Any, proxy: Any, model: Any, record_id: int) -> None:
        row = model.row_of(record_id)
        if row is not None:
            view.selectRow(proxy.mapFromSource(model.index(row, 0)).row())

    # --- products ------------------------------------------------------------------------
    def _on_product(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        product_id = current.data(ID_ROLE)
        if product_id != self._product_id and not self.confirm_drop_waiting():
            # Stay with the new sample and its waiting photos, once the click is done.
            QTimer.singleShot(0, self, self._reselect_product)
            return
        self._show_product(product_id)

    def _show_product(self, product_id: int | None) -> None:
        self._product_id = product_id
        if product_id is None:
            self.samples.set_rows([])
            self._show_sample(None)
            self._update_buttons()
            return
        try:
            product = self.service.product(product_id)
            summaries = self.service.samples_of(product_id)
        except WorkbenchError as error:
            self._say(str(error))
            return
        self.product_form.show_product(product)
        self.samples_label.setText(
            self.tr("<b>Samples of {product}</b>").format(product=product.name_zh or product.name)
        )
        keep = self._sample_id()
        self.samples.set_rows(summaries)
        if keep is not None and self.samples.row_of(keep) is not None:
            self._select(self.samples_view, self.samples_proxy, self.samples, keep)
        elif (
            self._sample is not None
            and self._sample.id is None
            and self._sample.product_id == product_id
        ):
            pass  # a new sample of this product stays in the form, with what was typed
        elif summaries:
            self.samples_view.selectRow(0)
        else:
            self._show_sample(None)
        self._update_buttons()

    def new_product(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("New product"), self.tr("Product name (English or 中文):")
        )
        if not ok or not name.strip():
            return
        change = self._write(lambda: self.service.save_product(Product(name=name.strip())))
        if change is not None:
            self._product_id = change.products[0]
            self.reload()
            self.side_tabs.setCurrentIndex(1)  # fill in the target spec next

    def save_product(self, product: Product) -> None:
        change = self._write(lambda: self.service.save_product(product), self.product_form)
        if change is not None:
            self.reload()
            self._say(self.tr("Product saved."))

    def delete_product(self) -> None:
        if self._product_id is None:
            return
        count = self.samples.rowCount()
        answer = QMessageBox.question(
            self,
            self.tr("Delete product"),
            self.tr(
                "Delete this product with its {count} sample(s) and their photos? "
                "This cannot be undone."
            ).format(count=count),
        )
        if answer == QMessageBox.StandardButton.Yes:
            product_id = self._product_id
            change = self._write(lambda: self.service.delete_product(product_id))
            if change is not None:
                self._forget_files(change.unreferenced_hashes)
                self._product_id = None
                self.reload()

    # --- samples ---------------------------------------------------------------------------
    def _on_sample(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if not self.confirm_drop_waiting():  # stay with the new sample: no row is its
            # Once the view has finished selecting the row it was clicked on.
            QTimer.singleShot(0, self, self._unselect_samples)
            return
        self._show_sample(self.service.sample(current.data(ID_ROLE)))

    def _unselect_samples(self) -> None:
        """No row selected or current, without showing anything else: choosing it again asks
        again."""
        selection = self.samples_view.selectionModel()
        selection.blockSignals(True)
        selection.clear()
        selection.blockSignals(False)
        self.samples_view.viewport().update()

    def _show_sample(self, sample: Sample | None) -> None:
        self._sample = sample
        has_sample = sample is not None
        self.sample_form.setEnabled(has_sample)
        for widget in (self.gallery, self.import_button, self.apply_photo_button):
            widget.setEnabled(has_sample)  # a new sample takes photos too (issue 14)
        if sample is None or self._product_id is None:
            self._set_gallery([])
            self.waiting_note.hide()
            return
        product = self.service.product(self._product_id)
        self.sample_form.show_sample(sample, product.all_criteria)
        self._show_gallery()

    def new_sample(self) -> None:
        if self._product_id is None:
            self._say(self.tr("Make or choose a product first."))
            return
        if not self.confirm_drop_waiting():
            return
        self._unselect_samples()  # the current row too: clicking it shows it again
        self._show_sample(Sample(product_id=self._product_id))
        self.side_tabs.setCurrentIndex(0)
        self.sample_form.supplier_box.setFocus()

    def save_sample(self, sample: Sample) -> None:
        """Store the form's sample with the photos waiting for its first save (a refusal keeps
        them waiting) and the status as the form says it was set (by hand or by the dates)."""
        photos, by_hand = list(self._waiting), self.sample_form.status_by_hand
        change = self._write(
            lambda: self.service.save_sample(sample, photos, status_by_hand=by_hand),
            self.sample_form,
        )
        if change is None:
            self._show_gallery()  # the photos still wait, and say so
            return
        self._waiting_attached()
        saved_id = (change.created or change.updated)[0]
        self._sample = self.service.sample(saved_id)
        self._show_product(self._product_id)
        self._refresh_products()
        attached = len(change.added_photos)
        self._say(
            self.tr("Sample saved with {count} photo(s).").format(count=attached)
            if attached
            else self.tr("Sample saved.")
        )

    def delete_sample(self) -> None:
        sample_id = self._sample_id()
        if sample_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete sample"),
            self.tr("Delete this sample with its scores and photos? This cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            change = self._write(lambda: self.service.delete_sample(sample_id))
            if change is not None:
                self._forget_files(change.unreferenced_hashes)
                self._sample = None
                self._show_product(self._product_id)
                self._refresh_products()

    def make_golden(self, sample_id: int | None) -> None:
        if sample_id is None:
            return
        if self._write(lambda: self.service.set_golden(sample_id)) is not None:
            self._show_product(self._product_id)
            self._refresh_products()
            if self.side_tabs.currentIndex() == 2:
                self.compare_selected()
            self._say(self.tr("Golden sample chosen: the approved reference of this product."))

    def _reselect_product(self) -> None:
        view, proxy = self.products_view, self.products_proxy
        view.selectionModel().blockSignals(True)
        if self._product_id is not None:
            self._select(view, proxy, self.products, self._product_id)
        view.selectionModel().blockSignals(False)
        view.viewport().update()  # it heard nothing of the change

    def _refresh_products(self) -> None:
        products = self.service.products()
        self.products.set_rows(products)
        self.empty_switch.set_empty(not products)
        self._reselect_product()

    # --- compare ---------------------------------------------------------------------------
    def selected_sample_ids(self) -> list[int]:
        rows = self.samples_view.selectionModel().selectedRows()
        return [index.data(ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def _update_buttons(self, *_args: object) -> None:
        count = len(self.selected_sample_ids())
        self.compare_button.setEnabled(2 <= count <= MAX_COMPARED)
        self.new_sample_button.setEnabled(self._product_id is not None)
        self.new_sample_action.setEnabled(self._product_id is not None)  # and in the empty state
        self.delete_product_button.setEnabled(self._product_id is not None)
        self.delete_sample_button.setEnabled(self._sample_id() is not None)

    def compare_selected(self) -> None:
        ids = self.selected_sample_ids()
        if not 2 <= len(ids) <= MAX_COMPARED or self._product_id is None:
            self._say(
                self.tr("Select 2 to {most} samples of one product to compare.").format(
                    most=MAX_COMPARED
                )
            )
            return
        table = self.service.compare(self._product_id, ids)
        names = {
            s.sample.id: " · ".join(x for x in (s.supplier_name_zh, s.supplier_name_en) if x)
            for s in self.samples.rows
        }
        photos = {sample_id: self.service.photos(sample_id) for sample_id in ids}
        self.compare_view.show_comparison(table, photos, names, self.store)
        self.side_tabs.setCurrentIndex(2)

    def export_comparison(self) -> None:
        """Write just the samples compared to a file the user names (.xlsx or .pdf), then
        offer to open it."""
        from PySide6.QtWidgets import QFileDialog

        from app.ui.widgets.open_file import offer_to_open

        table = self.compare_view.table_model.table
        if table is None or table.product.id is None:
            self._say(self.tr("Compare 2 to {most} samples first.").format(most=MAX_COMPARED))
            return
        product_id, ids = table.product.id, [s.id for s in table.samples if s.id is not None]
        title = table.product.name or table.product.name_zh
        suggested = self.workbench.path.parent / f"{_file_name(title)} comparison.xlsx"
        title, pdf = (
            self.tr("Export this comparison"),
            QCoreApplication.translate("SamplesTab", _PDF),
        )
        xlsx = QCoreApplication.translate("SamplesTab", _XLSX)
        name, chosen = QFileDialog.getSaveFileName(self, title, str(suggested), f"{xlsx};;{pdf}")
        if not name:
            return
        out = Path(name)
        if out.suffix.lower() not in (".xlsx", ".pdf"):
            out = out.with_name(out.name + (".pdf" if chosen == pdf else ".xlsx"))
        try:
            self.service.export_comparison(product_id, ids, out, store=self.store)
        except WorkbenchError as error:
            QMessageBox.warning(self, title, str(error))
            return
        self._say(self.tr("Exported {count} samples to {path}").format(count=len(ids), path=out))
        done = self.tr("Exported the comparison of {count} samples to {file}.")
        offer_to_open(self, out, done.format(count=len(ids), file=out.name))

    def _open_compared_photo(self, sample_id: int, photo_hash: str) -> None:
        self._open_viewer(self.service.photos(sample_id), photo_hash)

    # --- helpers ---------------------------------------------------------------------------
    def _write(self, operation: Callable[[], Any], form: Any = None) -> Any:
        """One write through the window's operations; a refusal is said, never raised. What it
        changed is refreshed by the caller, where it knows what to show next."""
        self._writing = True
        try:
            outcome = self.operations.run(operation, form=form)
        finally:
            self._writing = False
        if outcome.refusal is not None:
            self._say(outcome.refusal.text)
        return outcome.result

    # --- the tab protocol ----------------------------------------------------------------
    def apply_change(self, change: Change) -> None:
        """Suppliers added, renamed or deleted (their samples with them): re-read the small
        lists this tab shows. Products made, changed or deleted by a write not of this tab (the
        Negotiation tab's "New product…", a quote import): re-read the product list, keeping
        the chosen product. This tab's own writes refresh where they are made."""
        if not self._loaded:
            return
        if change.supplier_ids:
            self.reload()
        elif not self._writing and alters_products(change):
            self._follow_products()

    def _follow_products(self) -> None:
        """The product list as stored now, the chosen product (and the form, a new sample's
        waiting photos) left as they are; with none chosen, or the chosen one gone, the tab
        chooses as when it loads."""
        try:
            self._refresh_products()
        except WorkbenchError as error:
            self._say(str(error))
            return
        if self._product_id is None or self.products.row_of(self._product_id) is None:
            self.reload()

    def edit_actions(self) -> list[Any]:
        return [
            self.new_sample_action,
            self.new_product_action,
            self.delete_sample_action,
            None,
            self.compare_action,
            None,
            self.find_action,
        ]

    def export_request(self) -> ExportRequest:
        return ExportRequest("samples")

    def confirm_leave(self) -> bool:
        """A new sample whose photos wait for its first save asks before it is left."""
        return self.confirm_drop_waiting()

    def leave(self) -> None:
        """Nothing to store: the lists are small and read when shown."""

    def wait_until_loaded(self) -> None:
        """The lists load on the GUI thread when shown: nothing to wait for."""

    def _say(self, text: str) -> None:
        self.message.emit(text)
