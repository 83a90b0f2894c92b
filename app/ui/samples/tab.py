"""The Samples tab's behaviour: products and their samples, a sample's details and gallery,
and the side-by-side comparison. Reads and writes go through the Workbench's SampleService
and the PhotoStore beside the database; widgets hold no SQL."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.domain.samples.sample import PhotoAngle, Product, Sample
from app.errors import WorkbenchError
from app.services.changes import Change
from app.services.exporting import ExportRequest
from app.services.workbench import Workbench
from app.ui.samples.lists import ID_ROLE
from app.ui.samples.tab_view import SamplesTabView
from app.ui.widgets.operations import Operations

MAX_COMPARED = 5


class SamplesTab(SamplesTabView):
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
        self._gallery_model: Any = None
        self._connect()

    @property
    def service(self) -> Any:
        return self.workbench.samples

    @property
    def store(self) -> Any:
        return self.workbench.photos.store

    # --- loading -------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Products, suppliers for the form, and the chosen product's samples (small lists)."""
        from app.services.suppliers.listing import supplier_names

        self._loaded = True
        try:
            suppliers = supplier_names(self.workbench.path)
            products = self.service.products()
        except WorkbenchError as error:
            self._say(str(error))
            return
        self.sample_form.set_suppliers(suppliers)
        self.products.set_rows(products)
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
        if current.isValid():
            self._show_product(current.data(ID_ROLE))

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
        self.samples_label.setText(f"<b>Samples of {product.name_zh or product.name}</b>")
        keep = self._sample_id()
        self.samples.set_rows(summaries)
        if keep is not None and self.samples.row_of(keep) is not None:
            self._select(self.samples_view, self.samples_proxy, self.samples, keep)
        elif summaries:
            self.samples_view.selectRow(0)
        else:
            self._show_sample(None)
        self._update_buttons()

    def new_product(self) -> None:
        name, ok = QInputDialog.getText(self, "New product", "Product name (English or 中文):")
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
            self._say("Product saved.")

    def delete_product(self) -> None:
        if self._product_id is None:
            return
        count = self.samples.rowCount()
        answer = QMessageBox.question(
            self,
            "Delete product",
            f"Delete this product with its {count} sample(s) and their photos? "
            "This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            product_id = self._product_id
            change = self._write(lambda: self.service.delete_product(product_id))
            if change is not None:
                self._forget_files(change.unreferenced_hashes)
                self._product_id = None
                self.reload()

    # --- samples ---------------------------------------------------------------------------
    def _sample_id(self) -> int | None:
        return None if self._sample is None else self._sample.id

    def _on_sample(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_sample(self.service.sample(current.data(ID_ROLE)))

    def _show_sample(self, sample: Sample | None) -> None:
        self._sample = sample
        has_sample = sample is not None
        self.sample_form.setEnabled(has_sample)
        for widget in (self.gallery, self.import_button, self.apply_photo_button):
            widget.setEnabled(has_sample and sample.id is not None)  # type: ignore[union-attr]
        if sample is None or self._product_id is None:
            self._set_gallery([])
            return
        product = self.service.product(self._product_id)
        self.sample_form.show_sample(sample, product.all_criteria)
        self._set_gallery(self.service.photos(sample.id) if sample.id else [])

    def new_sample(self) -> None:
        if self._product_id is None:
            self._say("Make or choose a product first.")
            return
        self.samples_view.clearSelection()
        self._show_sample(Sample(product_id=self._product_id))
        self.side_tabs.setCurrentIndex(0)
        self.sample_form.supplier_box.setFocus()

    def save_sample(self, sample: Sample) -> None:
        change = self._write(lambda: self.service.save_sample(sample), self.sample_form)
        if change is not None:
            saved_id = (change.created or change.updated)[0]
            self._sample = self.service.sample(saved_id)
            self._show_product(self._product_id)
            self._refresh_products()
            self._say("Sample saved.")

    def delete_sample(self) -> None:
        sample_id = self._sample_id()
        if sample_id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete sample",
            "Delete this sample with its scores and photos? This cannot be undone.",
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
            self._say("Golden sample chosen: the approved reference of this product.")

    def _refresh_products(self) -> None:
        self.products.set_rows(self.service.products())
        if self._product_id is not None:
            view, proxy = self.products_view, self.products_proxy
            view.selectionModel().blockSignals(True)
            self._select(view, proxy, self.products, self._product_id)
            view.selectionModel().blockSignals(False)

    # --- compare ---------------------------------------------------------------------------
    def selected_sample_ids(self) -> list[int]:
        rows = self.samples_view.selectionModel().selectedRows()
        return [index.data(ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def _update_buttons(self, *_args: object) -> None:
        count = len(self.selected_sample_ids())
        self.compare_button.setEnabled(2 <= count <= MAX_COMPARED)
        self.new_sample_button.setEnabled(self._product_id is not None)
        self.delete_product_button.setEnabled(self._product_id is not None)
        self.delete_sample_button.setEnabled(self._sample_id() is not None)

    def compare_selected(self) -> None:
        ids = self.selected_sample_ids()
        if not 2 <= len(ids) <= MAX_COMPARED or self._product_id is None:
            self._say(f"Select 2 to {MAX_COMPARED} samples of one product to compare.")
            return
        table = self.service.compare(self._product_id, ids)
        names = {
            s.sample.id: " · ".join(x for x in (s.supplier_name_zh, s.supplier_name_en) if x)
            for s in self.samples.rows
        }
        photos = {sample_id: self.service.photos(sample_id) for sample_id in ids}
        self.compare_view.show_comparison(table, photos, names, self.store)
        self.side_tabs.setCurrentIndex(2)

    def _open_compared_photo(self, sample_id: int, photo_hash: str) -> None:
        self._open_viewer(self.service.photos(sample_id), photo_hash)

    # --- photos ---------------------------------------------------------------------------
    def _set_gallery(self, photos: list[Any]) -> None:
        from app.ui.samples.gallery_model import GalleryModel

        if self._gallery_model is None:
            self._gallery_model = GalleryModel(self.store, self)
            self.gallery.setModel(self._gallery_model)
            self._gallery_model.order_changed.connect(self._reorder)
            self.gallery.selectionModel().currentChanged.connect(self._show_photo_fields)
        self._gallery_model.set_photos(photos)

    def _filter_gallery(self) -> None:
        if self._gallery_model is not None:
            value = self.angle_filter.currentData()
            self._gallery_model.set_angle_filter(None if value is None else PhotoAngle(value))

    def import_photos_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Import photos",
            str(self.workbench.path.parent),
            "Photos (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)",
        )
        if names:
            self.import_photos([Path(name) for name in names])

    def import_photos(self, paths: list[Path]) -> None:
        from app.ui.widgets.photo_import import import_with_progress

        sample_id = self._sample_id()
        if sample_id is None:
            self._say("Save the sample first, then add its photos.")
            return
        report = import_with_progress(self, self.workbench.photos, paths)
        if report is None or not report.photos:
            return
        chosen = self.angle_filter.currentData()
        angle = PhotoAngle.OTHER if chosen is None else PhotoAngle(chosen)
        change = self._write(lambda: self.service.add_photos(sample_id, report.photos, angle))
        if change is not None:
            self._set_gallery(self.service.photos(sample_id))
            self._show_product(self._product_id)

    def open_photo(self, photo_hash: str) -> None:
        if self._gallery_model is not None:
            self._open_viewer(self._gallery_model.shown_photos(), photo_hash)

    def _open_viewer(self, photos: list[Any], photo_hash: str) -> None:
        from app.ui.samples.photo_viewer import PhotoViewer

        if not photos:
            return
        index = next((i for i, p in enumerate(photos) if p.hash == photo_hash), 0)
        viewer = PhotoViewer(self.store, photos, index, self)
        viewer.exec()

    def remove_photos(self, hashes: list[str]) -> None:
        sample_id = self._sample_id()
        if sample_id is None or not hashes:
            return
        answer = QMessageBox.question(
            self, "Remove photos", f"Remove {len(hashes)} photo(s) from this sample?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        by_hash = {photo.hash: photo for photo in self.service.photos(sample_id)}
        for photo_hash in hashes:
            photo = by_hash.get(photo_hash)
            if photo is None or photo.id is None:  # gone meanwhile (stored photos have ids)
                continue
            change = self._write(partial(self.service.remove_photo, photo.id))
            if change:
                self._forget_files(change.unreferenced_hashes)
        self._set_gallery(self.service.photos(sample_id))
        self._show_product(self._product_id)

    def _reorder(self, hashes: list[str]) -> None:
        sample_id = self._sample_id()
        if sample_id is None:
            return
        ids = {photo.hash: photo.id for photo in self.service.photos(sample_id)}
        self._write(lambda: self.service.reorder_photos(sample_id, [ids[h] for h in hashes]))

    def _show_photo_fields(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self._gallery_model is not None:
            photo = self._gallery_model.photo_at(current.row())
            self.caption_edit.setText(photo.caption)
            self.angle_box.setCurrentIndex(self.angle_box.findData(photo.angle.value))

    def update_current_photo(self) -> None:
        index = self.gallery.currentIndex()
        if not index.isValid() or self._gallery_model is None:
            self._say("Select a photo first.")
            return
        photo = self._gallery_model.photo_at(index.row())
        angle = PhotoAngle(self.angle_box.currentData())
        caption = self.caption_edit.text().strip()
        if self._write(lambda: self.service.update_photo(photo.id, caption, angle)) is not None:
            self._set_gallery(self.service.photos(self._sample_id()))

    def _forget_files(self, hashes: tuple[str, ...]) -> None:
        """Delete photo files no sample and no audit refers to any more: no orphans."""
        try:
            self.workbench.photos.forget_unreferenced(hashes)
        except WorkbenchError as error:
            self._say(f"A photo file could not be removed: {error}")

    # --- helpers ---------------------------------------------------------------------------
    def _write(self, operation: Callable[[], Any], form: Any = None) -> Any:
        """One write through the window's operations; a refusal is said, never raised."""
        outcome = self.operations.run(operation, form=form)
        if outcome.refusal is not None:
            self._say(outcome.refusal.text)
        return outcome.result

    # --- the tab protocol ----------------------------------------------------------------
    def apply_change(self, change: Change) -> None:
        """Suppliers added, renamed or deleted (their samples with them): re-read the small
        lists this tab shows. Its own sample writes refresh where they are made."""
        if change.supplier_ids and self._loaded:
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
        return True

    def leave(self) -> None:
        """Nothing to store: the lists are small and read when shown."""

    def wait_until_loaded(self) -> None:
        """The lists load on the GUI thread when shown: nothing to wait for."""

    def _say(self, text: str) -> None:
        self.message.emit(text)
